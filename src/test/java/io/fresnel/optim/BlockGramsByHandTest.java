package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockGrams} against the definition of the normal matrix written out densely, independently of
 * {@link ScaledConstraints}: H(i, j) = sum over blocks tr(F_i Q F_j Q) with Q = R^-T R^-1 formed from the
 * scaling's R^-1, plus sum over equalities a a^T, plus sum over orthant rows g g^T / w^2. Three blocks:
 * a 5 x 5 one with one entry (pair) per coefficient matrix (10 nonzeros for 7 variables: formed entry
 * by entry), a 3 x 3 one with full coefficient matrices (formed as a Gram product), and a 1 x 1 block;
 * scalings from well centred to spread 1e6.
 * The diagonal without forming the matrix is that matrix's diagonal to the last bit.
 */
class BlockGramsByHandTest {

    private static ConicData program() {
        Random rnd = new Random(21);
        int n = 7;
        ConeProgram p = new ConeProgram(n);
        PsdBlock sparse = p.addPsd(5);
        for (int v = 0; v < n; v++) {
            int i = v % 5;
            int j = v % 2 == 0 ? i : (i + 2) % 5;
            sparse.addCoefficient(v, Math.min(i, j), Math.max(i, j), 0.5 + rnd.nextDouble());
        }
        PsdBlock dense = p.addPsd(3);
        for (int v = 1; v < n; v++) {
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    dense.addCoefficient(v, i, j, rnd.nextGaussian());
                }
            }
        }
        PsdBlock scalar = p.addPsd(1);
        scalar.addCoefficient(2, 0, 0, -1.5);
        scalar.addCoefficient(5, 0, 0, 0.75);
        for (PsdBlock blk : new PsdBlock[] {sparse, dense, scalar}) {
            for (int i = 0; i < blk.size(); i++) {
                blk.addConstant(i, i, 1);
            }
        }
        p.addLinearInequality(java.util.Map.of(0, 2.0, 6, -1.0), 1);
        p.addLinearInequality(java.util.Map.of(3, 1.0), 1);
        p.addEquality(java.util.Map.of(1, 1.0, 4, -0.5), 0.25);
        for (int v = 0; v < n; v++) {
            p.setObjective(v, 1);
        }
        ConicData d = new ConicData(p);
        d.equilibrate();
        return d;
    }

    /** Dense F_v of a block (both triangles are stored). */
    private static double[][] coefficient(ConicData.Block blk, int j) {
        double[][] f = new double[blk.m][blk.m];
        for (int e = 0; e < blk.vals[j].length; e++) {
            f[blk.rows[j][e]][blk.cols[j][e]] += blk.vals[j][e];
        }
        return f;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < m; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** The normal matrix by its definition. */
    private static double[][] byHand(ConicData d, NtScaling w) {
        int n = d.n;
        double[][] h = new double[n][n];
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            double[][] q = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    for (int c = 0; c < m; c++) {
                        q[a][b] += w.rInv[k][c * m + a] * w.rInv[k][c * m + b];
                    }
                }
            }
            int nv = blk.vars.length;
            double[][][] fq = new double[nv][][];
            for (int j = 0; j < nv; j++) {
                fq[j] = mul(coefficient(blk, j), q);
            }
            for (int i = 0; i < nv; i++) {
                for (int j = 0; j < nv; j++) {
                    double[][] prod = mul(fq[i], fq[j]);
                    double tr = 0;
                    for (int a = 0; a < m; a++) {
                        tr += prod[a][a];
                    }
                    h[blk.vars[i]][blk.vars[j]] += tr;
                }
            }
        }
        for (int i = 0; i < d.p; i++) {
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    h[u][v] += d.a[i][u] * d.a[i][v];
                }
            }
        }
        for (int i = 0; i < d.l; i++) {
            double[] g = new double[n];
            for (int k = 0; k < d.gIndex[i].length; k++) {
                g[d.gIndex[i][k]] += d.gValue[i][k];
            }
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    h[u][v] += g[u] * g[v] / (w.w[i] * w.w[i]);
                }
            }
        }
        return h;
    }

    @Test
    void normalMatrixIsTheSumOfTracesOfItsDefinition() {
        ConicData d = program();
        for (double spread : new double[] {1, 1e3, 1e6}) {
            NtScaling w = KktReferenceSystem.scaling(d, spread, 5);
            ScaledConstraints gs = new ScaledConstraints(d);
            double[] blockTrace = gs.rescale(w);
            BlockGrams grams = new BlockGrams(d, gs, w);
            double[] diag = grams.unborderedDiagonal();
            DMatrixRMaj h = NormalEquations.assemble(d, gs, w, grams, blockTrace, Double.POSITIVE_INFINITY, 0,
                    new BorderRows());
            double[][] ref = byHand(d, w);
            int n = d.n;
            for (int u = 0; u < n; u++) {
                assertEquals(h.get(u, u), diag[u], 0.0, "spread " + spread + ": diagonal " + u + " to the last bit");
                assertTrue(ref[u][u] > 0, "every variable is constrained");
                for (int v = 0; v < n; v++) {
                    // relative to the geometric mean of the two diagonal entries (|H_uv| <= that)
                    double scale = Math.sqrt(ref[u][u] * ref[v][v]);
                    assertEquals(ref[u][v], h.get(u, v), 1e-9 * scale, "spread " + spread + ": H(" + u + ", " + v + ")");
                }
            }
        }
    }

    @Test
    void denseGramIsTheProductOfTheColumns() {
        // columns (1, 2, 0), (0, 3, -1): the upper triangle summed, then mirrored
        DMatrixRMaj cols = new DMatrixRMaj(new double[][] {{1, 0}, {2, 3}, {0, -1}});
        double[] g = BlockGrams.denseGram(cols);
        assertEquals(5, g[0], 0.0);
        assertEquals(6, g[1], 0.0);
        assertEquals(6, g[2], 0.0);
        assertEquals(10, g[3], 0.0);
    }
}
