package io.fresnel.stochastic;

import io.fresnel.math.GaussLegendre;
import java.util.function.DoubleUnaryOperator;

/**
 * Independent reference evaluations for the exact-analysis tests: fixed composite 10-point
 * Gauss-Legendre rules on many panels (no adaptivity, no shared code with {@link Quadrature}),
 * and the densities written out directly.
 */
final class Reference {
    private static final GaussLegendre GL = new GaussLegendre(10);

    private Reference() {
    }

    /** Composite Gauss-Legendre over [a, b] with the given number of equal panels. */
    static double integrate(DoubleUnaryOperator f, double a, double b, int panels) {
        double h = (b - a) / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double c = a + (p + 0.5) * h;
            for (int i = 0; i < GL.size(); i++) {
                sum += GL.weight(i) * f.applyAsDouble(c + 0.5 * h * GL.node(i));
            }
        }
        return sum * 0.5 * h;
    }

    /** Composite Gauss-Legendre over consecutive breakpoints, each piece with the given panels. */
    static double integrate(DoubleUnaryOperator f, double[] breakpoints, int panels) {
        double sum = 0;
        for (int i = 0; i + 1 < breakpoints.length; i++) {
            if (breakpoints[i + 1] > breakpoints[i]) {
                sum += integrate(f, breakpoints[i], breakpoints[i + 1], panels);
            }
        }
        return sum;
    }

    /** Gamma(k, 1) density x^{k-1} e^{-x} / (k-1)!. */
    static double gammaDensity(int k, double x) {
        double logFact = 0;
        for (int i = 2; i < k; i++) {
            logFact += Math.log(i);
        }
        return x <= 0 ? (k == 1 ? 1 : 0) : Math.exp((k - 1) * Math.log(x) - x - logFact);
    }

    /** Beta(1, k) density k (1 - x)^{k-1} on [0, 1]. */
    static double beta1Density(int k, double x) {
        return k * Math.pow(1 - x, k - 1);
    }

    /** E f(X), X ~ Gamma(k, 1), over [0, 120] on geometric-ish pieces. */
    static double gammaMean(int k, DoubleUnaryOperator f) {
        return integrate(x -> gammaDensity(k, x) * f.applyAsDouble(x), new double[] {0, 0.01, 0.1, 1, 3, 10, 30, 60, 120},
                40);
    }

    /** E f(X), X ~ Beta(1, k). */
    static double beta1Mean(int k, DoubleUnaryOperator f, double... kinks) {
        double[] br = new double[8 + kinks.length];
        double[] base = {0, 0.1 / k, 1.0 / k, 4.0 / k, 16.0 / k, 0.5, 0.9, 1};
        System.arraycopy(base, 0, br, 0, base.length);
        System.arraycopy(kinks, 0, br, base.length, kinks.length);
        java.util.Arrays.sort(br);
        double[] clipped = java.util.Arrays.stream(br).map(x -> Math.min(1, Math.max(0, x))).toArray();
        return integrate(x -> beta1Density(k, x) * f.applyAsDouble(x), clipped, 40);
    }

    /** E[1/cos^2 theta | |theta| <= pi/2 - delta], numerically. */
    static double truncatedSecantMean(double delta) {
        double e = Math.PI / 2 - delta;
        return integrate(t -> 1 / (Math.cos(t) * Math.cos(t)), new double[] {-e, -e + 0.01, -1, 0, 1, e - 0.01, e}, 60)
                / (2 * e);
    }

    /** P(K/cos^2 theta > eps), theta ~ U(-pi/2, pi/2), as 1 - (2/pi) acos(sqrt(K/eps)). */
    static double secantOutage(double k, double eps) {
        double r = k / eps;
        return r >= 1 ? 1 : 1 - 2 / Math.PI * Math.acos(Math.sqrt(r));
    }

    static void assertClose(double expected, double actual, String what) {
        double tol = 1e-8 * Math.abs(expected) + 1e-12;
        if (!(Math.abs(expected - actual) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " got " + actual + " (diff "
                    + (actual - expected) + ", tolerance " + tol + ")");
        }
    }
}
