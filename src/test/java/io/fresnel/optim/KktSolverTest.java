package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KktSolver} (with {@link NormalEquations}, {@link ScaledConstraints}, {@link RotatedBlock} and
 * {@link BorderRows}): its solution satisfies the scaled KKT system
 * [0 A^T Gs^T; A 0 0; Gs 0 -I] u = b, for a well-centred scaling and for one with weights 1e12 apart
 * (which makes it border rows and rotate the blocks).
 */
class KktSolverTest {

    /** A random SDP (blocks 4 and 3, 5 orthant rows) with one equality, equilibrated (shared with BorderedNormalEquationsTest). */
    static ConicData data(long seed) {
        RandomSdp sdp = RandomSdp.create(new Random(seed), 12, new int[] {4, 3}, 5);
        ConeProgram p = sdp.program();
        double[] row = new double[p.variables()];
        row[0] = 1;
        row[3] = -2;
        p.addEquality(row, 0.5);
        ConicData d = new ConicData(p);
        d.equilibrate();
        return d;
    }

    /** A cone vector with orthant entries e and block matrices diag(e) rotated by a fixed orthogonal Q. */
    static double[] coneVector(ConicData d, double small, double large, Random rnd) {
        double[] v = new double[d.coneDim];
        for (int i = 0; i < d.l; i++) {
            v[i] = i == 0 ? small : large * (0.5 + rnd.nextDouble());
        }
        for (ConicData.Block blk : d.blocks) {
            int m = blk.m;
            double[][] q = orthogonal(m, rnd);
            for (int k = 0; k < m; k++) {
                double e = k == 0 ? small : large * (0.5 + rnd.nextDouble());
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        v[blk.offset + i * m + j] += e * q[i][k] * q[j][k];
                    }
                }
            }
        }
        return v;
    }

    /** A random orthogonal matrix (Gram-Schmidt of Gaussian columns), column k = q[.][k]. */
    static double[][] orthogonal(int m, Random rnd) {
        double[][] q = new double[m][m];
        for (int k = 0; k < m; k++) {
            double[] c = new double[m];
            for (int i = 0; i < m; i++) {
                c[i] = rnd.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += q[i][j] * c[i];
                }
                for (int i = 0; i < m; i++) {
                    c[i] -= dot * q[i][j];
                }
            }
            double norm = 0;
            for (double v : c) {
                norm += v * v;
            }
            for (int i = 0; i < m; i++) {
                q[i][k] = c[i] / Math.sqrt(norm);
            }
        }
        return q;
    }

    private static double kktResidual(ConicData d, NtScaling w) {
        Random rnd = new Random(5);
        KktSolver kkt = new KktSolver(d);
        assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(w));
        KktSolver.KktVector b = KktSolver.KktVector.zeros(d);
        for (double[] part : new double[][] {b.x(), b.y()}) {
            for (int i = 0; i < part.length; i++) {
                part[i] = rnd.nextGaussian();
            }
        }
        double[] sym = coneVector(d, 1, 1, rnd);
        System.arraycopy(sym, 0, b.z(), 0, sym.length);
        KktSolver.KktVector u = KktSolver.KktVector.zeros(d);
        kkt.solve(b, u);
        ScaledConstraints gs = new ScaledConstraints(d);
        gs.rescale(w);
        double[] t = new double[d.n];
        double[] r = new double[d.n];
        d.aTMul(u.y(), r);
        gs.transposeMul(u.z(), false, t);
        double res = 0;
        double scale = 0;
        for (int v = 0; v < d.n; v++) {
            res = Math.max(res, Math.abs(r[v] + t[v] - b.x()[v]));
            scale = Math.max(scale, Math.abs(b.x()[v]));
        }
        double[] ay = new double[d.p];
        d.aMul(u.x(), ay);
        for (int i = 0; i < d.p; i++) {
            res = Math.max(res, Math.abs(ay[i] - b.y()[i]));
        }
        double[] gx = new double[d.coneDim];
        gs.mul(u.x(), gx);
        for (int i = 0; i < d.coneDim; i++) {
            res = Math.max(res, Math.abs(gx[i] - u.z()[i] - b.z()[i]));
        }
        return res / Math.max(1, scale);
    }

    @Test
    void solvesTheScaledSystemAtAWellCentredScaling() {
        ConicData d = data(1);
        NtScaling w = new NtScaling(d);
        Random rnd = new Random(2);
        assertTrue(w.update(coneVector(d, 1, 1, rnd), coneVector(d, 1, 1, rnd)));
        double res = kktResidual(d, w);
        assertTrue(res < 1e-10, "residual " + res);
    }

    @Test
    void solvesTheScaledSystemWithBorderRowsNearTheBoundary() {
        ConicData d = data(1);
        NtScaling w = new NtScaling(d);
        Random rnd = new Random(2);
        // s nearly singular along one direction per block and orthant entry, z large there: weights z/s ~ 1e12
        assertTrue(w.update(coneVector(d, 1e-6, 1, rnd), coneVector(d, 1e6, 1, new Random(2))));
        double res = kktResidual(d, w);
        assertTrue(res < 1e-6, "residual " + res);
    }
}
