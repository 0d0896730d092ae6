package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.SymmetricMatrices;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link NtScaling} against its defining identities (Vandenberghe, "The CVXOPT linear and quadratic
 * cone program solvers", sec. 4), each checked on a cone R^2_+ x S^3_+ x S^2_+ with random interior
 * points: W z = W^{-T} s = lambda (diagonal on the blocks), lambda^T lambda = s^T z; W and W^{-1},
 * W^{-T} and W^T are inverses; W^T and W^{-1} are the adjoints of W and W^{-T} for the trace inner
 * product; W^T W and its inverse are the products of those maps; s = W^T lambda, z = W^{-1} lambda;
 * the multiplicative update is the NT scaling of the unscaled point; the Jordan product and its
 * inverse by hand; the step to the boundary of the cone against eigenvalues.
 */
class NtScalingTest {

    /** A program whose cone is R^l_+ x S^3_+ x S^2_+ (the data do not matter to the scaling). */
    private static ConicData cone(int l) {
        ConeProgram p = new ConeProgram(1);
        for (int i = 0; i < l; i++) {
            p.addLinearInequality(new double[] {1}, 1);
        }
        p.addPsd(3).addCoefficient(0, 0, 0, 1);
        p.addPsd(2).addCoefficient(0, 1, 1, 1);
        return new ConicData(p);
    }

    /** A random interior point: positive orthant entries, blocks B B^T / m + shift I. */
    private static double[] interior(ConicData d, Random rnd, double shift) {
        double[] v = new double[d.coneDim];
        for (int i = 0; i < d.l; i++) {
            v[i] = 0.2 + 3 * rnd.nextDouble();
        }
        for (ConicData.Block blk : d.blocks) {
            double[][] a = ConeSolverContract.randomPd(rnd, blk.m, shift);
            for (int i = 0; i < blk.m; i++) {
                for (int j = 0; j < blk.m; j++) {
                    v[blk.offset + i * blk.m + j] = a[i][j];
                }
            }
        }
        return v;
    }

    /** A random cone vector with symmetric blocks (any signs). */
    private static double[] symmetric(ConicData d, Random rnd) {
        double[] v = new double[d.coneDim];
        for (int i = 0; i < d.l; i++) {
            v[i] = rnd.nextGaussian();
        }
        for (ConicData.Block blk : d.blocks) {
            double[][] a = ConeSolverContract.randomSymmetric(rnd, blk.m);
            for (int i = 0; i < blk.m; i++) {
                for (int j = 0; j < blk.m; j++) {
                    v[blk.offset + i * blk.m + j] = a[i][j];
                }
            }
        }
        return v;
    }

    /** sum u_i v_i over the orthant and tr(U V) over the blocks. */
    private static double inner(double[] u, double[] v) {
        return InteriorPoint.dot(u, v);
    }

    private static double[] apply(java.util.function.BiConsumer<double[], double[]> op, double[] v) {
        double[] out = new double[v.length];
        op.accept(v, out);
        return out;
    }

    private static void assertSameVector(double[] expected, double[] actual, double tol, String what) {
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * scale, what + " entry " + i);
        }
    }

    /** The smallest eigenvalue over the orthant entries and the symmetric blocks of a cone vector. */
    private static double smallestEigenvalue(ConicData d, double[] v) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.l; i++) {
            min = Math.min(min, v[i]);
        }
        for (ConicData.Block blk : d.blocks) {
            double[][] a = new double[blk.m][blk.m];
            for (int i = 0; i < blk.m; i++) {
                for (int j = 0; j < blk.m; j++) {
                    a[i][j] = 0.5 * (v[blk.offset + i * blk.m + j] + v[blk.offset + j * blk.m + i]);
                }
            }
            min = Math.min(min, SymmetricMatrices.eigenvalues(a)[0]);
        }
        return min;
    }

    private static NtScaling scalingOf(ConicData d, double[] s, double[] z) {
        NtScaling w = new NtScaling(d);
        assertTrue(w.update(s, z));
        return w;
    }

    @Test
    void scalingMapsSAndZToTheSameDiagonalLambda() {
        ConicData d = cone(2);
        Random rnd = new Random(1);
        double[] s = interior(d, rnd, 0.1);
        double[] z = interior(d, rnd, 0.4);
        NtScaling w = scalingOf(d, s, z);
        double[] lambda = new double[d.coneDim];
        w.lambdaVector(lambda);
        assertSameVector(lambda, apply(w::scale, z), 1e-12, "W z = lambda");
        assertSameVector(lambda, apply(w::scaleInvT, s), 1e-12, "W^-T s = lambda");
        for (int i = 0; i < d.l; i++) {
            assertEquals(Math.sqrt(s[i] * z[i]), lambda[i], 1e-14, "orthant lambda = sqrt(s z)");
            assertEquals(Math.sqrt(s[i] / z[i]), w.w[i], 1e-14, "orthant w = sqrt(s / z)");
        }
        for (ConicData.Block blk : d.blocks) {
            for (int i = 0; i < blk.m; i++) {
                assertTrue(lambda[blk.offset + i * blk.m + i] > 0, "lambda positive");
                for (int j = 0; j < blk.m; j++) {
                    if (i != j) {
                        assertEquals(0, lambda[blk.offset + i * blk.m + j], 0.0, "lambda is diagonal");
                    }
                }
            }
        }
        assertEquals(inner(s, z), w.lambdaSquaredNorm(), 1e-12 * inner(s, z), "lambda^T lambda = s^T z");
        // s = W^T lambda and z = W^-1 lambda
        assertSameVector(s, apply((u, out) -> w.primal(out), s), 1e-12, "primal");
        assertSameVector(z, apply((u, out) -> w.dual(out), z), 1e-12, "dual");
    }

    @Test
    void theFourMapsAreInversesAndAdjointsOfEachOther() {
        ConicData d = cone(3);
        Random rnd = new Random(2);
        NtScaling w = scalingOf(d, interior(d, rnd, 0.05), interior(d, rnd, 0.5));
        double[] u = symmetric(d, rnd);
        double[] v = symmetric(d, rnd);
        assertSameVector(v, apply(w::scale, apply(w::scaleInv, v)), 1e-12, "W W^-1 v");
        assertSameVector(v, apply(w::scaleInv, apply(w::scale, v)), 1e-12, "W^-1 W v");
        assertSameVector(v, apply(w::scaleInvT, apply(w::scaleT, v)), 1e-12, "W^-T W^T v");
        assertSameVector(v, apply(w::scaleT, apply(w::scaleInvT, v)), 1e-12, "W^T W^-T v");
        double scale = Math.max(1, Math.abs(inner(apply(w::scale, u), v)));
        assertEquals(inner(apply(w::scale, u), v), inner(u, apply(w::scaleT, v)), 1e-12 * scale, "<W u, v> = <u, W^T v>");
        double scaleInv = Math.max(1, Math.abs(inner(apply(w::scaleInvT, u), v)));
        assertEquals(inner(apply(w::scaleInvT, u), v), inner(u, apply(w::scaleInv, v)), 1e-12 * scaleInv,
                "<W^-T u, v> = <u, W^-1 v>");
        assertSameVector(apply(w::scaleT, apply(w::scale, v)), apply(w::wtw, v), 1e-12, "W^T W");
        assertSameVector(apply(w::scaleInv, apply(w::scaleInvT, v)), apply(w::wtwInv, v), 1e-12, "(W^T W)^-1");
        assertSameVector(v, apply(w::wtw, apply(w::wtwInv, v)), 1e-11, "W^T W (W^T W)^-1 v");
    }

    @Test
    void multiplicativeUpdateIsTheScalingOfTheUnscaledPoint() {
        ConicData d = cone(2);
        Random rnd = new Random(3);
        NtScaling w = scalingOf(d, interior(d, rnd, 0.1), interior(d, rnd, 0.2));
        double[] sTilde = interior(d, rnd, 0.3);
        double[] zTilde = interior(d, rnd, 0.1);
        // the point whose scaled coordinates under the current W are sTilde, zTilde
        double[] s = apply(w::scaleT, sTilde);
        double[] z = apply(w::scaleInv, zTilde);
        assertTrue(w.update(sTilde, zTilde));
        double[] lambda = new double[d.coneDim];
        w.lambdaVector(lambda);
        assertSameVector(lambda, apply(w::scale, z), 1e-11, "W_new z = lambda");
        assertSameVector(lambda, apply(w::scaleInvT, s), 1e-11, "W_new^-T s = lambda");
        assertSameVector(s, apply((u, out) -> w.primal(out), s), 1e-11, "primal");
        assertSameVector(z, apply((u, out) -> w.dual(out), z), 1e-11, "dual");
        assertEquals(inner(s, z), w.lambdaSquaredNorm(), 1e-11 * inner(s, z), "lambda^T lambda = s^T z");
        // the same scaling as a fresh one of (s, z)
        NtScaling fresh = scalingOf(d, s, z);
        assertSameVector(apply(fresh::wtw, sTilde), apply(w::wtw, sTilde), 1e-10, "W^T W unique");
    }

    @Test
    void pointsOutsideTheInteriorAreRejectedAndLeaveTheScaling() {
        ConicData d = cone(2);
        Random rnd = new Random(4);
        double[] s = interior(d, rnd, 0.1);
        double[] z = interior(d, rnd, 0.1);
        final NtScaling w = scalingOf(d, s, z);
        double[] before = w.lambda.clone();
        double[] wBefore = w.w.clone();
        double[] probe = symmetric(d, rnd);
        double[] mapped = apply(w::scale, probe);
        for (int i = 0; i < d.l; i++) {
            for (double bad : new double[] {0, -1e-3, Double.NaN}) {
                double[] s2 = interior(d, rnd, 0.1);
                s2[i] = bad;
                assertFalse(w.update(s2, interior(d, rnd, 0.1)), "s_" + i + " = " + bad);
                double[] z2 = interior(d, rnd, 0.1);
                z2[i] = bad;
                assertFalse(w.update(interior(d, rnd, 0.1), z2), "z_" + i + " = " + bad);
            }
        }
        for (ConicData.Block blk : d.blocks) {
            // one negative eigenvalue: diag(-0.1, 1, ..)
            double[] s2 = interior(d, rnd, 0.1);
            for (int i = 0; i < blk.m; i++) {
                for (int j = 0; j < blk.m; j++) {
                    s2[blk.offset + i * blk.m + j] = i != j ? 0 : i == blk.m - 1 ? -0.1 : 1;
                }
            }
            assertFalse(w.update(s2, z), "indefinite S block at " + blk.offset);
            assertFalse(w.update(z, s2), "indefinite Z block at " + blk.offset);
        }
        assertSameVector(before, w.lambda, 1e-15, "lambda");
        assertSameVector(wBefore, w.w, 1e-15, "w");
        assertSameVector(mapped, apply(w::scale, probe), 1e-12, "W");
        // a rejected update of the last block leaves every block as it was
        NtScaling w2 = scalingOf(d, s, z);
        double[] bad = interior(d, rnd, 0.1);
        ConicData.Block last = d.blocks[d.blocks.length - 1];
        bad[last.offset] = -5;
        assertFalse(w2.update(interior(d, rnd, 0.1), bad));
        assertSameVector(before, w2.lambda, 0, "lambda after a rejected update");
        assertSameVector(mapped, apply(w2::scale, probe), 0, "W after a rejected update");
    }

    @Test
    void jordanProductAndItsInverseByHand() {
        ConicData d = cone(2);
        Random rnd = new Random(5);
        double[] u = symmetric(d, rnd);
        double[] v = symmetric(d, rnd);
        NtScaling w = scalingOf(d, interior(d, rnd, 0.1), interior(d, rnd, 0.3));
        double[] out = new double[d.coneDim];
        w.circ(u, v, out);
        for (int i = 0; i < d.l; i++) {
            assertEquals(u[i] * v[i], out[i], 1e-15);
        }
        for (ConicData.Block blk : d.blocks) {
            int m = blk.m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double uv = 0;
                    double vu = 0;
                    for (int k = 0; k < m; k++) {
                        uv += u[blk.offset + i * m + k] * v[blk.offset + k * m + j];
                        vu += v[blk.offset + i * m + k] * u[blk.offset + k * m + j];
                    }
                    assertEquals(0.5 * (uv + vu), out[blk.offset + i * m + j], 1e-14, "(UV + VU) / 2");
                }
            }
        }
        double[] lambda = new double[d.coneDim];
        w.lambdaVector(lambda);
        double[] x = new double[d.coneDim];
        w.lambdaSolve(v, x);
        double[] back = new double[d.coneDim];
        w.circ(lambda, x, back);
        assertSameVector(v, back, 1e-13, "lambda o (lambda \\ v) = v");
    }

    @Test
    void maxStepEndsOnTheBoundaryOfTheCone() {
        ConicData d = cone(2);
        Random rnd = new Random(6);
        NtScaling w = scalingOf(d, interior(d, rnd, 0.1), interior(d, rnd, 0.3));
        double[] lambda = new double[d.coneDim];
        w.lambdaVector(lambda);
        int limitedByBlock = 0;
        int limitedByOrthant = 0;
        for (int trial = 0; trial < 40; trial++) {
            double[] delta = symmetric(d, rnd);
            double alpha = w.maxStep(delta);
            assertTrue(alpha > 0 && Double.isFinite(alpha), "alpha " + alpha);
            double[] at = lambda.clone();
            double[] inside = lambda.clone();
            for (int i = 0; i < at.length; i++) {
                at[i] += alpha * delta[i];
                inside[i] += 0.999 * alpha * delta[i];
            }
            assertEquals(0, smallestEigenvalue(d, at), 1e-10, "on the boundary at alpha");
            assertTrue(smallestEigenvalue(d, inside) > 0, "inside before alpha");
            double orthantMin = Math.min(at[0], at[1]);
            if (Math.abs(orthantMin) < 1e-10) {
                limitedByOrthant++;
            } else {
                limitedByBlock++;
            }
        }
        assertTrue(limitedByBlock > 0 && limitedByOrthant > 0, limitedByBlock + " / " + limitedByOrthant);
        // a direction into the cone allows every step
        double[] into = interior(d, rnd, 0.1);
        assertEquals(Double.POSITIVE_INFINITY, w.maxStep(into));
        // a zero direction (exact zeros on the orthant, a zero block with smallest eigenvalue 0) allows every step
        assertEquals(Double.POSITIVE_INFINITY, w.maxStep(new double[d.coneDim]));
        // only the last orthant entry and the last block move (downwards): the others do not limit the step
        double[] last = new double[d.coneDim];
        last[d.l - 1] = -lambda[d.l - 1] / 4;
        ConicData.Block lastBlock = d.blocks[d.blocks.length - 1];
        for (int i = 0; i < lastBlock.m; i++) {
            int at = lastBlock.offset + i * lastBlock.m + i;
            last[at] = -lambda[at] / 2;
        }
        assertEquals(2, w.maxStep(last), 1e-12, "lambda_i - alpha lambda_i / 2 reaches 0 at alpha = 2 (the orthant at 4)");
    }

    @Test
    void smallestEigenvalueOfAKnownMatrix() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3
        assertEquals(1, NtScaling.minEigenvalue(new DMatrixRMaj(new double[][] {{2, 1}, {1, 2}})), 1e-14);
        assertEquals(-4, NtScaling.minEigenvalue(new DMatrixRMaj(new double[][] {{-4, 0, 0}, {0, 1, 0}, {0, 0, 7}})),
                1e-14);
    }
}
