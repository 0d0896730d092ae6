package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The complex scaling of Hermitian blocks ({@link HermitianScaling} through {@link NtScaling}) against the real
 * code path on the same embedded data: a cone R^1_+ x H^3_+ x H^2_+ built once with {@link
 * ConeProgram#addHermitianPsd} (complex path) and once with {@link ConeProgram#addPsd} of the embeddings (real
 * path). R itself is fixed only up to R O with O diag(lambda) O^T = diag(lambda), so the comparison is of what does
 * not depend on it: lambda (as a multiset), W^T W and (W^T W)^{-1}, s = W^T lambda, z = W^{-1} lambda, and the step
 * length of a direction given unscaled; after a fresh and after a multiplicative update. Then a Hermitian program
 * solved both ways ends at the same optimum, the one known by hand.
 */
class HermitianScalingTest {
    private static final int[] SIZES = {3, 2};

    private static ConicData cone(boolean hermitian) {
        ConeProgram p = new ConeProgram(1);
        p.addLinearInequality(new double[] {1}, 1);
        for (int n : SIZES) {
            if (hermitian) {
                p.addHermitianPsd(n).addCoefficient(0, 0, 0, 1, 0);
            } else {
                PsdBlock b = p.addPsd(2 * n);
                b.addCoefficient(0, 0, 0, 1);
                b.addCoefficient(0, n, n, 1);
            }
        }
        return new ConicData(p);
    }

    /** A cone vector whose blocks are embeddings of random Hermitian matrices (PD with the shift, if given). */
    private static double[] embedded(ConicData d, Random rnd, double shift, boolean definite) {
        double[] v = new double[d.coneDim];
        for (int i = 0; i < d.l; i++) {
            v[i] = definite ? 0.2 + rnd.nextDouble() : rnd.nextGaussian();
        }
        for (ConicData.Block blk : d.blocks) {
            int n = blk.m / 2;
            double[][][] h = ConeSolverContract.randomHermitian(rnd, n);
            double[] re = new double[n * n];
            double[] im = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    re[i * n + j] = h[0][i][j];
                    im[i * n + j] = h[1][i][j];
                }
            }
            if (definite) {
                double[] gr = new double[n * n];
                double[] gi = new double[n * n];
                HermitianKernels.gram(re, im, n, gr, gi);
                for (int i = 0; i < n; i++) {
                    gr[i * n + i] += shift;
                }
                re = gr;
                im = gi;
            }
            double[] e = new double[blk.m * blk.m];
            HermitianKernels.embed(re, im, n, e);
            System.arraycopy(e, 0, v, blk.offset, e.length);
        }
        return v;
    }

    private static double[] apply(java.util.function.BiConsumer<double[], double[]> op, double[] v) {
        double[] out = new double[v.length];
        op.accept(v, out);
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * scale, what + " entry " + i);
        }
    }

    private static double[] sortedLambda(NtScaling w) {
        double[] l = w.lambda.clone();
        Arrays.sort(l);
        return l;
    }

    private static void assertSameScaling(NtScaling real, NtScaling complex, ConicData d, Random rnd, double tol,
            String when) {
        assertClose(sortedLambda(real), sortedLambda(complex), tol, when + ": lambda");
        for (ConicData.Block blk : d.blocks) {
            int lo = complex.lambdaOffset[Arrays.asList(d.blocks).indexOf(blk)];
            int n = blk.m / 2;
            for (int i = 0; i < n; i++) {
                assertEquals(complex.lambda[lo + i], complex.lambda[lo + n + i], 0.0, when + ": lambda pairs");
            }
        }
        double[] v = embedded(d, rnd, 0, false);
        assertClose(apply(real::wtw, v), apply(complex::wtw, v), tol, when + ": W^T W");
        assertClose(apply(real::wtwInv, v), apply(complex::wtwInv, v), tol, when + ": (W^T W)^-1");
        assertClose(apply((u, out) -> real.primal(out), v), apply((u, out) -> complex.primal(out), v), tol,
                when + ": s = W^T lambda");
        assertClose(apply((u, out) -> real.dual(out), v), apply((u, out) -> complex.dual(out), v), tol,
                when + ": z = W^-1 lambda");
        // the step to the boundary along an unscaled direction ds, through each one's scaled coordinates
        for (int trial = 0; trial < 3; trial++) {
            double[] ds = embedded(d, rnd, 0, false);
            double aReal = real.maxStep(apply(real::scaleInvT, ds));
            double aComplex = complex.maxStep(apply(complex::scaleInvT, ds));
            assertEquals(aReal, aComplex, tol * aReal, when + ": step length");
        }
        // the complex path's R is an NT scaling itself: W z = W^-T s = lambda, exactly diagonal pairs
        double[] lam = new double[d.coneDim];
        complex.lambdaVector(lam);
        double[] s = apply((u, out) -> complex.primal(out), v);
        double[] z = apply((u, out) -> complex.dual(out), v);
        assertClose(lam, apply(complex::scale, z), tol, when + ": W z = lambda");
        assertClose(lam, apply(complex::scaleInvT, s), tol, when + ": W^-T s = lambda");
    }

    @Test
    void theComplexScalingIsTheRealOneOfTheEmbedding() {
        ConicData real = cone(false);
        ConicData complex = cone(true);
        assertFalse(real.blocks[0].hermitian);
        assertTrue(complex.blocks[0].hermitian);
        Random rnd = new Random(11);
        double[] s = embedded(real, rnd, 0.05, true);
        double[] z = embedded(real, rnd, 0.3, true);
        NtScaling wr = new NtScaling(real);
        NtScaling wc = new NtScaling(complex);
        assertTrue(wr.update(s, z));
        assertTrue(wc.update(s, z));
        assertSameScaling(wr, wc, real, new Random(12), 1e-12, "fresh");
        // a multiplicative update: the point whose scaled coordinates are sTilde, zTilde under each scaling
        double[] s2 = embedded(real, rnd, 1e-3, true);
        double[] z2 = embedded(real, rnd, 2, true);
        assertTrue(wr.update(apply(wr::scaleInvT, s2), apply(wr::scale, z2)));
        assertTrue(wc.update(apply(wc::scaleInvT, s2), apply(wc::scale, z2)));
        assertSameScaling(wr, wc, real, new Random(13), 1e-12, "updated");
        // and the same as a fresh scaling of (s2, z2)
        NtScaling fresh = new NtScaling(complex);
        assertTrue(fresh.update(s2, z2));
        assertSameScaling(fresh, wc, real, new Random(14), 1e-11, "updated against fresh");
    }

    @Test
    void aPointOutsideTheConeIsRejectedAndLeavesTheScaling() {
        ConicData complex = cone(true);
        Random rnd = new Random(15);
        NtScaling w = new NtScaling(complex);
        assertTrue(w.update(embedded(complex, rnd, 0.1, true), embedded(complex, rnd, 0.1, true)));
        double[] before = w.lambda.clone();
        double[] probe = embedded(complex, rnd, 0, false);
        double[] mapped = apply(w::scale, probe);
        double[] s = embedded(complex, rnd, 0.1, true);
        double[] z = embedded(complex, rnd, 0.1, true);
        // the second block indefinite: diagonal entry -1 in both copies of the embedding
        ConicData.Block last = complex.blocks[1];
        s[last.offset] = -1;
        s[last.offset + (last.m / 2) * last.m + last.m / 2] = -1;
        assertFalse(w.update(s, z));
        assertClose(before, w.lambda, 0.0, "lambda kept");
        assertClose(mapped, apply(w::scale, probe), 0.0, "W kept");
    }

    /**
     * min tr(C W) s.t. tr(W) = 1, W &gt;= 0 (W 4 x 4 Hermitian) has the optimum lambda_min(C); with the extra row
     * Re W_01 &lt;= -0.1 something else. Solved with {@link HermitianVariable#requirePsd} (complex scaling) and with
     * the same embedding written by hand through {@link ConeProgram#addPsd} (real path).
     */
    @Test
    void aHermitianProgramEndsAtTheSameOptimumBothWays() {
        int n = 4;
        Random rnd = new Random(16);
        double[][][] c = ConeSolverContract.randomHermitian(rnd, n);
        for (boolean extraRow : new boolean[] {false, true}) {
            ConeResult[] results = new ConeResult[2];
            for (int way = 0; way < 2; way++) {
                HermitianVariable w = new HermitianVariable(0, n);
                ConeProgram p = new ConeProgram(w.count());
                java.util.Map<Integer, Double> obj = new java.util.HashMap<>();
                w.addTraceProduct(obj, c[0], c[1], 1);
                obj.forEach(p::setObjective);
                double[][] eye = new double[n][n];
                for (int i = 0; i < n; i++) {
                    eye[i][i] = 1;
                }
                java.util.Map<Integer, Double> trace = new java.util.HashMap<>();
                w.addTraceProduct(trace, eye, new double[n][n], 1);
                p.addEquality(trace, 1);
                if (extraRow) {
                    p.addLinearInequality(java.util.Map.of(w.realPart(0, 1), 1.0), -0.1);
                }
                if (way == 0) {
                    w.requirePsd(p);
                } else {
                    PsdBlock b = p.addPsd(2 * n);
                    for (int i = 0; i < n; i++) {
                        b.addCoefficient(w.diagonal(i), i, i, 1);
                        b.addCoefficient(w.diagonal(i), i + n, i + n, 1);
                        for (int j = i + 1; j < n; j++) {
                            int re = w.realPart(i, j);
                            b.addCoefficient(re, i, j, 1);
                            b.addCoefficient(re, i + n, j + n, 1);
                            // Im W_ij at (i, j + n) with -1 and at (i + n, j) with +1
                            b.addCoefficient(re + 1, i, j + n, -1);
                            b.addCoefficient(re + 1, i + n, j, 1);
                        }
                    }
                }
                results[way] = ConeSolver.solve(p, null, null);
                assertEquals(ConeStatus.OPTIMAL, results[way].status(), "way " + way + ", extra row " + extraRow);
            }
            assertEquals(results[1].primalObjective(), results[0].primalObjective(),
                    1e-8 * Math.max(1, Math.abs(results[1].primalObjective())), "extra row " + extraRow);
            if (!extraRow) {
                double[] re = new double[n * n];
                double[] im = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        re[i * n + j] = c[0][i][j];
                        im[i * n + j] = c[1][i][j];
                    }
                }
                double[] e = new double[4 * n * n];
                HermitianKernels.embed(re, im, n, e);
                double lambdaMin = DenseKernels.minEigenvalue(e, 2 * n, new double[6 * n]);
                assertEquals(lambdaMin, results[0].primalObjective(), 1e-8 * Math.max(1, Math.abs(lambdaMin)));
            } else {
                double w01 = results[0].x()[new HermitianVariable(0, n).realPart(0, 1)];
                assertTrue(w01 <= -0.1 + 1e-8, "the extra row holds: " + w01);
            }
        }
    }
}
