package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedBlockGroup} and the matrix route of {@link BlockProducts} against the definitions written out
 * densely: three 7 x 7 Schur-like blocks [[J(x), e_k], [e_k^T, t_k]] sharing the dense J(x) on rows and columns
 * 0..5 (variables 0..9) with one own variable t_k each, a fourth block with a different J (not in the group), and
 * a 12 x 12 block with many sparse variables (the matrix route). For scalings from well centred to spread 1e6:
 * Gs x = -R^-1 F(x) R^-T per block, (Gs^T z)_v = -sum_k tr(F_kv R_k^-T Z_k R_k^-1), the normal matrix
 * H_ij = sum_k tr(F_ki Q_k F_kj Q_k) (all members, and with a member left out as when it is rotated), its
 * diagonal (to the last bit that of the assembled matrix) and the blocks' total weights.
 */
class SharedBlockGroupTest {
    private static final int SHARED = 10;

    private static ConicData program() {
        Random rnd = new Random(11);
        int n = SHARED + 4 + 40;
        ConeProgram p = new ConeProgram(n);
        double[][][] j = new double[SHARED][6][6];
        for (int v = 0; v < SHARED; v++) {
            for (int a = 0; a < 6; a++) {
                for (int b = a; b < 6; b++) {
                    j[v][a][b] = rnd.nextGaussian();
                }
            }
        }
        for (int k = 0; k < 4; k++) {
            PsdBlock blk = p.addPsd(7);
            for (int v = 0; v < SHARED; v++) {
                for (int a = 0; a < 6; a++) {
                    for (int b = a; b < 6; b++) {
                        // block 3 has a J of its own
                        blk.addCoefficient(v, a, b, k == 3 ? 0.5 * j[v][a][b] : j[v][a][b]);
                    }
                }
            }
            blk.addCoefficient(SHARED + k, 6, 6, 1.0);
            for (int a = 0; a < 6; a++) {
                blk.addConstant(a, a, 1);
            }
            blk.addConstant(k, 6, 0.3);
        }
        PsdBlock sparse = p.addPsd(12);
        for (int v = 0; v < 40; v++) {
            int a = rnd.nextInt(12);
            int b = rnd.nextInt(12);
            sparse.addCoefficient(SHARED + 4 + v, Math.min(a, b), Math.max(a, b), rnd.nextGaussian());
            sparse.addCoefficient(SHARED + 4 + v, v % 12, v % 12, 1.0);
        }
        for (int a = 0; a < 12; a++) {
            sparse.addConstant(a, a, 1);
        }
        for (int v = 0; v < n; v++) {
            p.setObjective(v, 1);
        }
        ConicData d = new ConicData(p);
        d.equilibrate();
        return d;
    }

    private static double[][] f(ConicData.Block blk, int j) {
        double[][] f = new double[blk.m][blk.m];
        for (int e = 0; e < blk.vals[j].length; e++) {
            f[blk.rows[j][e]][blk.cols[j][e]] += blk.vals[j][e];
        }
        return f;
    }

    /** a b for m x m arrays. */
    private static double[][] mult(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                for (int l = 0; l < m; l++) {
                    c[i][l] += a[i][k] * b[k][l];
                }
            }
        }
        return c;
    }

    private static double[][] matrix(double[] rowMajor, int m, boolean transpose) {
        double[][] r = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                r[a][b] = transpose ? rowMajor[b * m + a] : rowMajor[a * m + b];
            }
        }
        return r;
    }

    private static double trace(double[][] a, double[][] b) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a.length; k++) {
                t += a[i][k] * b[k][i];
            }
        }
        return t;
    }

    @Test
    void theGroupAndTheMatrixRouteAreFound() {
        ConicData d = program();
        ScaledConstraints gs = new ScaledConstraints(d);
        gs.rescale(KktReferenceSystem.scaling(d, 10, 2));
        assertEquals(1, gs.groups().size());
        assertArrayEquals(new int[] {0, 1, 2}, gs.groups().get(0).members);
        assertEquals(SHARED, gs.groups().get(0).shared.length);
        assertEquals(-1, gs.groupOf(3));
        assertFalse(gs.matrixRoute(3));
        assertTrue(gs.matrixRoute(4));
    }

    @Test
    void productsNormalMatrixAndWeightsMatchTheDefinitions() {
        ConicData d = program();
        int n = d.n;
        Random rnd = new Random(3);
        for (double spread : new double[] {1, 1e3, 1e6}) {
            NtScaling w = KktReferenceSystem.scaling(d, spread, 7);
            ScaledConstraints gs = new ScaledConstraints(d);
            double[] traces = gs.rescale(w);
            double[] x = new double[n];
            for (int v = 0; v < n; v++) {
                x[v] = rnd.nextGaussian();
            }
            double[] z = new double[d.coneDim];
            for (int i = 0; i < z.length; i++) {
                z[i] = rnd.nextGaussian();
            }
            double[] gx = new double[d.coneDim];
            gs.mul(x, gx);
            double[] gtz = new double[n];
            gs.transposeMul(z, false, gtz);
            double[] expectedGtz = new double[n];
            double[][] h = new double[n][n];
            double[][] hWithout1 = new double[n][n];
            double scale = 0;
            for (int k = 0; k < d.blocks.length; k++) {
                ConicData.Block blk = d.blocks[k];
                int m = blk.m;
                double[][] ri = matrix(w.rInv[k], m, false);
                double[][] riT = matrix(w.rInv[k], m, true);
                double[][] q = mult(riT, ri);
                double[][] fx = new double[m][m];
                double[][][] fv = new double[blk.vars.length][][];
                for (int j = 0; j < blk.vars.length; j++) {
                    fv[j] = f(blk, j);
                    for (int a = 0; a < m; a++) {
                        for (int b = 0; b < m; b++) {
                            fx[a][b] += x[blk.vars[j]] * fv[j][a][b];
                        }
                    }
                }
                double[][] expected = mult(mult(ri, fx), riT);
                double norm = 0;
                for (double[] row : expected) {
                    for (double e : row) {
                        norm = Math.max(norm, Math.abs(e));
                    }
                }
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        assertEquals(-expected[a][b], gx[blk.offset + a * m + b], 1e-12 * norm,
                                "spread " + spread + ": Gs x of block " + k + " at " + a + ", " + b);
                    }
                }
                double[][] zk = new double[m][m];
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        zk[a][b] = 0.5 * (z[blk.offset + a * m + b] + z[blk.offset + b * m + a]);
                    }
                }
                double[][] y = mult(mult(riT, zk), ri);
                double blockTrace = 0;
                for (int i = 0; i < blk.vars.length; i++) {
                    expectedGtz[blk.vars[i]] -= trace(fv[i], y);
                    double[][] fq = mult(fv[i], q);
                    for (int j = 0; j < blk.vars.length; j++) {
                        double hij = trace(fq, mult(fv[j], q));
                        h[blk.vars[i]][blk.vars[j]] += hij;
                        if (k != 1) {
                            hWithout1[blk.vars[i]][blk.vars[j]] += hij;
                        }
                        scale = Math.max(scale, Math.abs(hij));
                    }
                    blockTrace += trace(fq, fq);
                }
                assertEquals(blockTrace, traces[k], 1e-11 * blockTrace, "spread " + spread + ": weight of block " + k);
            }
            double gtzNorm = 0;
            for (double e : expectedGtz) {
                gtzNorm = Math.max(gtzNorm, Math.abs(e));
            }
            for (int v = 0; v < n; v++) {
                assertEquals(expectedGtz[v], gtz[v], 1e-12 * gtzNorm, "spread " + spread + ": Gs^T z at " + v);
            }
            BlockGrams grams = new BlockGrams(d, gs, w);
            double[] diag = grams.unborderedDiagonal();
            DMatrixRMaj assembled = NormalEquations.assemble(d, gs, w, grams, traces, Double.POSITIVE_INFINITY, 0,
                    new BorderRows());
            for (int i = 0; i < n; i++) {
                assertEquals(h[i][i], diag[i], 1e-11 * scale, "spread " + spread + ": diagonal " + i);
                // the bordering decision reads this diagonal: the assembled matrix's to the last bit
                assertEquals(assembled.get(i, i), diag[i], 0.0, "spread " + spread + ": diagonal " + i + " to the bit");
                for (int j = 0; j < n; j++) {
                    assertEquals(h[i][j], assembled.get(i, j), 1e-11 * scale,
                            "spread " + spread + ": H(" + i + ", " + j + ")");
                }
            }
            // member 1 left out (as when it is rotated): the shared part over members 0 and 2
            double[] part = gs.groups().get(0).sharedGram(new boolean[] {true, false, true});
            int[] shared = gs.groups().get(0).shared;
            for (int i = 0; i < SHARED; i++) {
                for (int j = 0; j < SHARED; j++) {
                    // block 3 is not in the group
                    ConicData.Block b3 = d.blocks[3];
                    double[][] q3 = mult(matrix(w.rInv[3], b3.m, true), matrix(w.rInv[3], b3.m, false));
                    double other = trace(mult(f(b3, i), q3), mult(f(b3, j), q3));
                    assertEquals(hWithout1[shared[i]][shared[j]] - other, part[i * SHARED + j], 1e-11 * scale,
                            "spread " + spread + ": shared part without member 1 at " + i + ", " + j);
                }
            }
        }
    }
}
