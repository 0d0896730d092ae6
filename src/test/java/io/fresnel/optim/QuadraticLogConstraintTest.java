package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link QuadraticLogConstraint}: its value against the defining formula, and the barrier
 * {@code -ln(-f)} gradient and Hessian against finite differences (see {@link BarrierDerivatives}
 * for the error budget), with and without the log term.
 */
class QuadraticLogConstraintTest {

    /** Random constraint data; {@link #build} places a given point strictly inside. */
    record Data(double[][] z, double[] z0, double[] a, double kappa, double[] b, double[][] y) {

        static Data random(Random rnd, int n, int squares, double kappa, int ySquares) {
            double[][] z = gaussianRows(rnd, squares, n, 0.5);
            double[] z0 = gaussianRows(rnd, 1, squares, 0.3)[0];
            double[] a = gaussianRows(rnd, 1, n, 0.5)[0];
            double[] b = kappa > 0 ? gaussianRows(rnd, 1, n, 0.5)[0] : null;
            double[][] y = kappa > 0 ? gaussianRows(rnd, ySquares, n, 0.4) : new double[0][];
            return new Data(z, z0, a, kappa, b, y);
        }

        /** q(x) without its constant b0 (0 without a log term). */
        double qWithoutConstant(double[] x) {
            if (kappa == 0) {
                return 0;
            }
            double v = dot(b, x);
            for (double[] row : y) {
                v -= dot(row, x) * dot(row, x);
            }
            return v;
        }

        /** f(x) from the definition, for the constants a0, b0. */
        double f(double[] x, double a0, double b0) {
            double v = -dot(a, x) - a0;
            for (int r = 0; r < z.length; r++) {
                double t = dot(z[r], x) + z0[r];
                v += t * t;
            }
            if (kappa > 0) {
                v -= kappa * Math.log(qWithoutConstant(x) + b0);
            }
            return v;
        }

        /** @return the constraint with constants chosen so that f(x) = -slack and q(x) = qAtX */
        QuadraticLogConstraint build(double[] x, double slack, double qAtX) {
            double b0 = kappa > 0 ? qAtX - qWithoutConstant(x) : 0;
            double a0 = f(x, 0, b0) + slack;
            return new QuadraticLogConstraint(z, z0, a, a0, kappa, b, b0, y);
        }
    }

    static double[][] gaussianRows(Random rnd, int rows, int n, double sigma) {
        double[][] m = new double[rows][n];
        for (double[] row : m) {
            for (int i = 0; i < n; i++) {
                row[i] = sigma * rnd.nextGaussian();
            }
        }
        return m;
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    @Test
    void valueFollowsTheDefinitionInsideTheDomain() {
        Random rnd = new Random(11);
        int n = 4;
        Data d = Data.random(rnd, n, 3, 0.8, 2);
        double[] x0 = gaussianRows(rnd, 1, n, 0.5)[0];
        double b0 = 1.2 - d.qWithoutConstant(x0);
        double a0 = 0.3;
        QuadraticLogConstraint c = new QuadraticLogConstraint(d.z(), d.z0(), d.a(), a0, d.kappa(), d.b(), b0, d.y());
        for (int k = 0; k < 5; k++) {
            double[] x = x0.clone();
            for (int i = 0; i < n; i++) {
                x[i] += 0.05 * rnd.nextGaussian();
            }
            assertEquals(d.f(x, a0, b0), c.value(x), 1e-13 * Math.max(1, Math.abs(d.f(x, a0, b0))));
            assertEquals(d.qWithoutConstant(x) + b0, c.q(x), 1e-14);
        }
    }

    @Test
    void valueIsInfiniteWhereTheLogArgumentIsNotPositive() {
        // f = -ln(1 - x^2) on x in (-1, 1)
        QuadraticLogConstraint c = new QuadraticLogConstraint(new double[0][], new double[0], new double[] {0}, 0,
                1, new double[] {0}, 1, new double[][] {{1}});
        assertEquals(-Math.log(0.75), c.value(new double[] {0.5}), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, c.value(new double[] {1}));
        assertEquals(Double.POSITIVE_INFINITY, c.value(new double[] {-2}));
    }

    @Test
    void withoutLogTermQIsOneAndTheQuadraticFactoryMatchesTheGeneralForm() {
        Random rnd = new Random(12);
        Data d = Data.random(rnd, 3, 2, 0, 0);
        QuadraticLogConstraint general = new QuadraticLogConstraint(d.z(), d.z0(), d.a(), 0.7, 0, null, 0, null);
        QuadraticLogConstraint factory = QuadraticLogConstraint.quadratic(d.z(), d.z0(), d.a(), 0.7);
        double[] x = {0.3, -0.2, 0.9};
        assertEquals(1, factory.q(x));
        assertEquals(d.f(x, 0.7, 0), factory.value(x), 1e-14);
        assertEquals(general.value(x), factory.value(x), 0);
        assertEquals(3, factory.size());
    }

    @Test
    void barrierIsMinusLogOfMinusF() {
        Random rnd = new Random(13);
        double[] x = gaussianRows(rnd, 1, 4, 0.5)[0];
        Data d = Data.random(rnd, 4, 2, 0.5, 1);
        QuadraticLogConstraint c = d.build(x, 0.37, 0.9);
        assertEquals(-0.37, c.value(x), 1e-13);
        assertEquals(-Math.log(0.37), BarrierDerivatives.value(c::addBarrier, x), 1e-12);
    }

    @Test
    void barrierDerivativesMatchFiniteDifferencesWithoutLogTerm() {
        Random rnd = new Random(14);
        for (int trial = 0; trial < 6; trial++) {
            int n = 2 + trial % 4;
            double[] x = gaussianRows(rnd, 1, n, 0.5)[0];
            Data d = Data.random(rnd, n, 1 + trial % 3, 0, 0);
            QuadraticLogConstraint c = d.build(x, 0.4 + rnd.nextDouble(), 1);
            BarrierDerivatives.assertMatchesFiniteDifferences(c::addBarrier, x);
        }
    }

    @Test
    void barrierDerivativesMatchFiniteDifferencesWithLogTerm() {
        Random rnd = new Random(15);
        for (int trial = 0; trial < 6; trial++) {
            int n = 2 + trial % 4;
            double[] x = gaussianRows(rnd, 1, n, 0.5)[0];
            // squares in f and in q, varying counts (none on the first trial)
            Data d = Data.random(rnd, n, trial % 3, 0.3 + rnd.nextDouble(), trial % 3);
            QuadraticLogConstraint c = d.build(x, 0.4 + rnd.nextDouble(), 0.5 + rnd.nextDouble());
            BarrierDerivatives.assertMatchesFiniteDifferences(c::addBarrier, x);
        }
    }

    @Test
    void barrierDerivativesAreRightWhereTheLogArgumentIsSmall() {
        // q(x) = 0.05 near its boundary: the kappa gq gq^T / q^2 term dominates the Hessian
        Random rnd = new Random(16);
        int n = 3;
        double[] x = gaussianRows(rnd, 1, n, 0.5)[0];
        Data d = Data.random(rnd, n, 2, 0.2, 2);
        QuadraticLogConstraint c = d.build(x, 1, 0.05);
        BarrierDerivatives.assertMatchesFiniteDifferences(c::addBarrier, x);
    }

    @Test
    void constructorRejectsInconsistentData() {
        double[][] z = {{1, 0}};
        double[] a = {0, 1};
        assertThrows(IllegalArgumentException.class,
                () -> new QuadraticLogConstraint(z, new double[2], a, 0, 0, null, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new QuadraticLogConstraint(z, new double[1], a, 0, -1, a, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new QuadraticLogConstraint(z, new double[1], a, 0, Double.NaN, a, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new QuadraticLogConstraint(z, new double[1], a, 0, 1, null, 0, null));
        // rows whose length differs from a's
        assertThrows(IllegalArgumentException.class,
                () -> new QuadraticLogConstraint(new double[][] {{1, 0, 0}}, new double[1], a, 0, 0, null, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new QuadraticLogConstraint(z, new double[1], a, 0, 1, new double[] {1}, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new QuadraticLogConstraint(z, new double[1], a, 0, 1, a, 0, new double[][] {{1}}));
    }
}
