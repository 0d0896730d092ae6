package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.SymmetricMatrices;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The barrier solver's line search works on the program restricted to the Newton ray x + s d
 * ({@link Ray}, {@link QuadraticLogConstraint#along}, {@link QuadraticLogConstraint#valueAlong}).
 * Here the restriction is compared with the program evaluated at the shifted point x + s d from
 * the definitions written out in the test: the objective {@code c . y + sum_r w_r (z_r . y + z0_r)^2},
 * the barrier {@code t f0(y) - sum ln(-f_i(y)) - sum ln(v_k - u_k . y) - sum ln det M_j(y)} (the
 * determinant from the eigenvalues), and the first step s at which y leaves the domain: a linear
 * row's s = (v - u . x) / (u . d) in closed form, an LMI's and a constraint's root by bisection on
 * the smallest eigenvalue of M(x + s d) and on f(x + s d). The solver itself re-checks the
 * accepted point, so an error in the restriction only slows it down, which is why these pieces
 * need tests of their own.
 */
class RayTest {

    /** A program with weighted squares, one constraint with and one without log term, two rows, two LMIs. */
    private static final class Fixture {
        final int n = 3;
        final double[] c = {0.4, -1.1, 0.7};
        final double[][] z = {{0.5, 3, 0}, {2, -0.25, 1.5}};
        final double[] z0 = {-1.2, 0.4};
        final double[] w = {2.5, 0.7};
        final double[][] rows = {{1, 0.5, -0.2}, {-0.3, 1, 0.8}};
        final double[] bounds = {2, 3};
        final QuadraticLogConstraintTest.Data logData;
        final QuadraticLogConstraintTest.Data quadData;
        final QuadraticLogConstraint logConstraint;
        final QuadraticLogConstraint quadConstraint;
        final AffineLmi lmi3;
        final AffineLmi lmi2;
        final SmoothConvexProgram p;
        final double[] x;

        Fixture(Random rnd) {
            x = new double[] {0.1, -0.2, 0.15};
            logData = QuadraticLogConstraintTest.Data.random(rnd, n, 2, 0.8, 2);
            logConstraint = logData.build(x, 0.6, 0.9);
            quadData = QuadraticLogConstraintTest.Data.random(rnd, n, 2, 0, 0);
            quadConstraint = quadData.build(x, 0.8, 1);
            lmi3 = AffineLmiTest.randomAt(rnd, 3, n, x, -1, new double[n][][]);
            lmi2 = AffineLmiTest.randomAt(rnd, 2, n, x, 1, new double[n][][]);
            p = new SmoothConvexProgram(n);
            for (int i = 0; i < n; i++) {
                p.addLinearObjective(i, c[i]);
            }
            for (int r = 0; r < z.length; r++) {
                p.addSquareObjective(z[r], z0[r], w[r]);
            }
            p.add(logConstraint);
            p.add(quadConstraint);
            p.add(lmi3);
            p.add(lmi2);
            for (int k = 0; k < rows.length; k++) {
                p.addLinearInequality(rows[k], bounds[k]);
            }
        }

        double objective(double[] y) {
            double v = QuadraticLogConstraintTest.dot(c, y);
            for (int r = 0; r < z.length; r++) {
                double e = QuadraticLogConstraintTest.dot(z[r], y) + z0[r];
                v += w[r] * e * e;
            }
            return v;
        }

        /** t f0 + phi at y from the definitions, or +Infinity outside the domain. */
        double barrier(double[] y, double t) {
            double v = t * objective(y);
            for (QuadraticLogConstraint q : new QuadraticLogConstraint[] {logConstraint, quadConstraint}) {
                double f = q.value(y);
                if (!(f < 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                v -= Math.log(-f);
            }
            for (int k = 0; k < rows.length; k++) {
                double slack = bounds[k] - QuadraticLogConstraintTest.dot(rows[k], y);
                if (!(slack > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                v -= Math.log(slack);
            }
            for (AffineLmi l : new AffineLmi[] {lmi3, lmi2}) {
                for (double e : SymmetricMatrices.eigenvalues(l.matrix(y))) {
                    if (!(e > 0)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    v -= Math.log(e);
                }
            }
            return v;
        }
    }

    private static double[] shifted(double[] x, double s, double[] d) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += s * d[i];
        }
        return y;
    }

    @Test
    void objectiveAlongTheRayIsTheObjectiveAtTheShiftedPoint() {
        Random rnd = new Random(31);
        Fixture f = new Fixture(rnd);
        for (int trial = 0; trial < 4; trial++) {
            double[] d = QuadraticLogConstraintTest.gaussianRows(rnd, 1, f.n, 1)[0];
            Ray ray = new Ray(f.p, f.x, d);
            for (double s : new double[] {-0.7, 0, 0.3, 1, 2.5}) {
                double expected = f.objective(shifted(f.x, s, d));
                assertEquals(expected, ray.objective(s), 1e-12 * Math.max(1, Math.abs(expected)), "s = " + s);
            }
        }
    }

    @Test
    void barrierAlongTheRayIsTheBarrierAtTheShiftedPoint() {
        Random rnd = new Random(32);
        Fixture f = new Fixture(rnd);
        for (int trial = 0; trial < 4; trial++) {
            double[] d = QuadraticLogConstraintTest.gaussianRows(rnd, 1, f.n, 0.05)[0];
            Ray ray = new Ray(f.p, f.x, d);
            for (double t : new double[] {1, 37}) {
                for (double s : new double[] {0, 0.25, 1, -0.5}) {
                    double expected = f.barrier(shifted(f.x, s, d), t);
                    assertTrue(Double.isFinite(expected), "the test's points lie inside the domain");
                    assertEquals(expected, ray.barrierValue(s, t), 1e-10 * Math.max(1, Math.abs(expected)),
                            "t = " + t + ", s = " + s);
                }
            }
        }
    }

    /** One row u . y &lt;= v: the ray leaves the domain at s = (v - u . x) / (u . d), in closed form. */
    @Test
    void barrierOfALinearRowIsInfiniteExactlyBeyondItsBoundary() {
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addLinearObjective(0, 1);
        double[] u = {1, 2};
        p.addLinearInequality(u, 3);
        double[] x = {0.5, -1};
        double[] d = {1, 0.25};
        double sMax = (3 - (0.5 - 2)) / (1 + 0.5); // 3
        assertEdge(p, x, d, sMax);
        // the value inside: t f0 - ln(slack), by hand at s = 1: y = (1.5, -0.75), slack = 3
        assertEquals(2 * 1.5 - Math.log(3), new Ray(p, x, d).barrierValue(1, 2), 1e-14);
    }

    /** One LMI: the first s at which M(x + s d) becomes singular, by bisection on its eigenvalues. */
    @Test
    void barrierOfAnLmiIsInfiniteBeyondTheFirstSingularMatrix() {
        Random rnd = new Random(33);
        int n = 3;
        double[] x = {0.2, -0.1, 0.3};
        for (int trial = 0; trial < 3; trial++) {
            AffineLmi lmi = AffineLmiTest.randomAt(rnd, 2 + trial, n, x, -1, new double[n][][]);
            SmoothConvexProgram p = new SmoothConvexProgram(n);
            p.add(lmi);
            double[] d = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
            double lo = 0;
            double hi = 1;
            while (minEigenvalue(lmi, shifted(x, hi, d)) > 0) {
                hi *= 2;
            }
            for (int k = 0; k < 80; k++) {
                double mid = 0.5 * (lo + hi);
                if (minEigenvalue(lmi, shifted(x, mid, d)) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            assertEdge(p, x, d, lo);
        }
    }

    /** One constraint with log term: the first s with f(x + s d) = 0, by bisection on the definition. */
    @Test
    void barrierOfALogConstraintIsInfiniteBeyondItsBoundary() {
        Random rnd = new Random(34);
        int n = 3;
        double[] x = {0.1, 0.2, -0.3};
        QuadraticLogConstraintTest.Data data = QuadraticLogConstraintTest.Data.random(rnd, n, 2, 0.6, 2);
        QuadraticLogConstraint c = data.build(x, 0.5, 0.7);
        double a0 = data.f(x, 0, 0.7 - data.qWithoutConstant(x)) + 0.5;
        double b0 = 0.7 - data.qWithoutConstant(x);
        SmoothConvexProgram p = new SmoothConvexProgram(n);
        p.add(c);
        double[] d = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
        double lo = 0;
        double hi = 1;
        while (data.f(shifted(x, hi, d), a0, b0) < 0) {
            hi *= 2;
        }
        for (int k = 0; k < 80; k++) {
            double mid = 0.5 * (lo + hi);
            double fm = data.f(shifted(x, mid, d), a0, b0);
            if (fm < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEdge(p, x, d, lo);
        double t = 3;
        double inside = 0.5 * lo;
        double expected = -Math.log(-data.f(shifted(x, inside, d), a0, b0));
        assertEquals(expected, new Ray(p, x, d).barrierValue(inside, t), 1e-10 * Math.max(1, Math.abs(expected)));
    }

    /** Finite just before the edge sMax, +Infinity just beyond it (and far beyond it). */
    private static void assertEdge(SmoothConvexProgram p, double[] x, double[] d, double sMax) {
        Ray ray = new Ray(p, x, d);
        assertTrue(sMax > 0);
        assertTrue(Double.isFinite(ray.barrierValue(0.999 * sMax, 1)), "inside at 0.999 of " + sMax);
        assertEquals(Double.POSITIVE_INFINITY, ray.barrierValue(1.001 * sMax, 1), "outside at 1.001 of " + sMax);
        assertEquals(Double.POSITIVE_INFINITY, ray.barrierValue(10 * sMax, 1), "outside at 10 x " + sMax);
    }

    private static double minEigenvalue(AffineLmi lmi, double[] y) {
        double min = Double.POSITIVE_INFINITY;
        for (double e : SymmetricMatrices.eigenvalues(lmi.matrix(y))) {
            min = Math.min(min, e);
        }
        return min;
    }

    /**
     * {@link QuadraticLogConstraint#valueAlong} of {@link QuadraticLogConstraint#along} is f(x + s d)
     * from the definition, on both sides of the base point, with and without log term, and
     * +Infinity where q(x + s d) &lt;= 0 (q is a concave quadratic in s when some y_s . d is not 0,
     * so a long enough step leaves the log domain).
     */
    @Test
    void constraintAlongTheRayIsTheConstraintAtTheShiftedPoint() {
        Random rnd = new Random(35);
        int n = 4;
        for (int trial = 0; trial < 4; trial++) {
            double[] x = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 0.5)[0];
            double kappa = trial % 2 == 0 ? 0.7 : 0;
            QuadraticLogConstraintTest.Data data = QuadraticLogConstraintTest.Data.random(rnd, n, 2, kappa, 2);
            double b0 = kappa > 0 ? 0.8 - data.qWithoutConstant(x) : 0;
            double a0 = data.f(x, 0, b0) + 0.4;
            QuadraticLogConstraint c = new QuadraticLogConstraint(data.z(), data.z0(), data.a(), a0, kappa, data.b(),
                    b0, data.y());
            double[] d = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
            double[] coefficients = c.along(x, d);
            for (double s : new double[] {-0.3, 0, 0.1, 0.2, 0.5}) {
                double[] y = shifted(x, s, d);
                double qy = kappa > 0 ? data.qWithoutConstant(y) + b0 : 1;
                double expected = qy > 0 ? data.f(y, a0, b0) : Double.POSITIVE_INFINITY;
                double actual = c.valueAlong(coefficients, s);
                if (Double.isInfinite(expected)) {
                    assertEquals(expected, actual, "s = " + s);
                } else {
                    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), "s = " + s);
                }
            }
            if (kappa > 0) {
                // far along the ray q < 0: outside the domain
                double far = 1e3;
                assertTrue(data.qWithoutConstant(shifted(x, far, d)) + b0 < 0);
                assertEquals(Double.POSITIVE_INFINITY, c.valueAlong(coefficients, far));
                assertEquals(Double.POSITIVE_INFINITY, c.value(shifted(x, far, d)));
            }
        }
    }
}
