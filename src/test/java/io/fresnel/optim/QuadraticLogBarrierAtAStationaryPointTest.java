package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The barrier {@code -ln(-f)} of a {@link QuadraticLogConstraint} at a point where the gradient
 * of f vanishes: there the barrier's gradient is 0 and its Hessian is {@code grad^2 f / (-f)}
 * (the rank-one term {@code grad f grad f^T / f^2} drops out), so the log term's part
 * {@code kappa grad q grad q^T / (q^2 (-f))} must be added on rows where grad f is exactly 0.
 *
 * <p>f(x) = -(a . x) - kappa ln(b . x + b0 - (y . x)^2) with a = (-1/2, 0), kappa = 1, b = (1, 0),
 * b0 = 2, y = (0, 1), at x = 0: q = 2, grad q = b = (1, 0), grad f = -a - grad q / q = 0 exactly,
 * f = -ln 2, grad^2 f = grad q grad q^T / q^2 + 2 y y^T / q = diag(1/4, 1). So the barrier's
 * Hessian is diag(1/4, 1) / ln 2 and its value -ln(ln 2).
 */
class QuadraticLogBarrierAtAStationaryPointTest {

    @Test
    void hessianIsTheConstraintsHessianOverTheSlack() {
        QuadraticLogConstraint c = new QuadraticLogConstraint(new double[0][], new double[0], new double[] {-0.5, 0}, 0,
                1, new double[] {1, 0}, 2, new double[][] {{0, 1}});
        double[] x = {0, 0};
        double[] g = new double[2];
        double[][] h = new double[2][2];
        double v = c.addBarrier(x, g, h);
        double ln2 = Math.log(2);
        assertEquals(-ln2, c.value(x), 1e-15);
        assertEquals(-Math.log(ln2), v, 1e-15);
        assertEquals(0, g[0], 1e-15);
        assertEquals(0, g[1], 1e-15);
        assertEquals(0.25 / ln2, h[0][0], 1e-14);
        assertEquals(0, h[1][0], 1e-15);
        assertEquals(1 / ln2, h[1][1], 1e-14);
        BarrierDerivatives.assertMatchesFiniteDifferences(c::addBarrier, x);
    }
}
