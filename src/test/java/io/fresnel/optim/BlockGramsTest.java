package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockGrams}: the normal matrix assembled from its per-block contributions equals
 * Gs^T Gs + A^T A computed column by column from {@link ScaledConstraints#mul}, on a program with a
 * sparse block (one entry per variable: the sparse formula), a dense block (the Gram product) and
 * linear rows; and the diagonal it gives without forming the matrix is that matrix's diagonal to the
 * last bit (the bordering decision of {@link KktSolver#factor} depends on it).
 */
class BlockGramsTest {

    private static ConicData data() {
        Random rnd = new Random(11);
        int n = 9;
        ConeProgram p = new ConeProgram(n);
        PsdBlock sparse = p.addPsd(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4 && v < 7; j++) {
                sparse.addCoefficient(v++, i, j, 0.5 + rnd.nextDouble());
            }
        }
        for (int i = 0; i < 4; i++) {
            sparse.addConstant(i, i, 1);
        }
        PsdBlock dense = p.addPsd(3);
        for (int var = 2; var < n; var++) {
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    dense.addCoefficient(var, i, j, rnd.nextGaussian());
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            dense.addConstant(i, i, 2);
        }
        double[] row = new double[n];
        row[1] = 1;
        row[8] = -3;
        p.addLinearInequality(row, 1);
        double[] eq = new double[n];
        eq[0] = 1;
        eq[4] = 2;
        p.addEquality(eq, 0.5);
        for (int var = 0; var < n; var++) {
            p.setObjective(var, 1);
        }
        ConicData d = new ConicData(p);
        d.equilibrate();
        return d;
    }

    /** A scaling from random positive definite s and z whose eigenvalues spread over 1e-3 .. 1e3. */
    private static NtScaling scaling(ConicData d) {
        Random rnd = new Random(3);
        NtScaling w = new NtScaling(d);
        double[] s = new double[d.coneDim];
        double[] z = new double[d.coneDim];
        for (double[] u : new double[][] {s, z}) {
            for (int i = 0; i < d.l; i++) {
                u[i] = Math.pow(10, 3 * (2 * rnd.nextDouble() - 1));
            }
            for (ConicData.Block blk : d.blocks) {
                int m = blk.m;
                double[] b = new double[m * m];
                for (int i = 0; i < m * m; i++) {
                    b[i] = rnd.nextGaussian();
                }
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        double sum = i == j ? Math.pow(10, 3 * (2 * rnd.nextDouble() - 1)) : 0;
                        for (int k = 0; k < m; k++) {
                            sum += 1e-3 * b[i * m + k] * b[j * m + k];
                        }
                        u[blk.offset + i * m + j] = sum;
                    }
                }
            }
        }
        assertTrue(w.update(s, z));
        return w;
    }

    @Test
    void assembledMatrixIsTheNormalMatrixAndItsDiagonalIsExact() {
        ConicData d = data();
        NtScaling w = scaling(d);
        ScaledConstraints gs = new ScaledConstraints(d);
        double[] blockTrace = gs.rescale(w);
        BlockGrams grams = new BlockGrams(d, gs, w);
        double[] diag = grams.unborderedDiagonal();
        DMatrixRMaj h = NormalEquations.assemble(d, gs, w, grams, blockTrace, Double.POSITIVE_INFINITY, 0,
                new BorderRows());
        int n = d.n;
        // reference: columns of Gs from unit vectors, then Gs^T Gs + A^T A with the symmetric inner product
        double[][] col = new double[n][d.coneDim];
        for (int v = 0; v < n; v++) {
            double[] e = new double[n];
            e[v] = 1;
            gs.mul(e, col[v]);
        }
        double scale = 0;
        for (int v = 0; v < n; v++) {
            scale = Math.max(scale, Math.abs(h.get(v, v)));
        }
        for (int u = 0; u < n; u++) {
            assertEquals(h.get(u, u), diag[u], 0.0, "diagonal entry " + u + " must be the same to the last bit");
            for (int v = 0; v < n; v++) {
                double ref = InteriorPoint.dot(col[u], col[v]);
                for (int i = 0; i < d.p; i++) {
                    ref += d.a[i][u] * d.a[i][v];
                }
                assertEquals(ref, h.get(u, v), 1e-12 * scale, "H(" + u + ", " + v + ")");
                assertEquals(h.get(u, v), h.get(v, u), 1e-15 * scale, "symmetric");
            }
        }
    }
}
