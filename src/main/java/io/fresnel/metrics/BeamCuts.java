package io.fresnel.metrics;

import io.fresnel.math.SymmetricMatrices;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.physics.ScenarioPhysics;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CancellationException;

/**
 * One-dimensional cuts of the beampattern B(p) = v(p)^T R_X v(p)^* = ||P^T v(p)||^2 (W) through
 * a focus point, in polar coordinates about the reference point o: versus angle at the focus
 * range, and versus range at the focus angle (the beam depth of a near-field focus); and the
 * spectrum of R_X.
 */
public final class BeamCuts {
    /**
     * A sampled curve.
     *
     * @param x abscissae (rad for angle cuts, m for range cuts)
     * @param y beampattern (W); NaN where the point is on an element
     */
    public record Curve(double[] x, double[] y) {
    }

    private BeamCuts() {
    }

    /**
     * B(o + r (cos theta, sin theta, 0)) for theta from -pi/2 to pi/2 about the array's broadside +x.
     *
     * @param s a scenario with a precoder
     * @param rangeM the range r (m, > 0)
     * @param points number of samples (>= 2)
     * @param cancelled polled every sample
     * @return the angle cut
     */
    public static Curve versusAngle(Scenario s, double rangeM, int points, BooleanSupplier cancelled) {
        return versusAngle(s, new Vec3(1, 0, 0), new Vec3(0, 1, 0), rangeM, points, cancelled);
    }

    /**
     * B(o + r (cos theta a + sin theta b)) for theta from -pi/2 to pi/2: the angle cut in the plane
     * through the reference point o spanned by the orthonormal directions a (theta = 0, the
     * broadside) and b (theta = pi/2). On z = 0 (2-D) a = +x, b = +y; in 3-D the window takes the
     * broadside plane through the focus node (the array's normal and the node's direction across it).
     *
     * @param s a scenario with a precoder
     * @param a the unit direction of theta = 0
     * @param b the unit direction of theta = pi/2, orthogonal to a
     * @param rangeM the range r (m, > 0)
     * @param points number of samples (>= 2)
     * @param cancelled polled every sample
     * @return the angle cut
     */
    public static Curve versusAngle(Scenario s, Vec3 a, Vec3 b, double rangeM, int points,
            BooleanSupplier cancelled) {
        Vec3 o = s.referencePoint();
        double[] x = new double[points];
        double[] y = new double[points];
        Pattern pattern = new Pattern(s);
        for (int i = 0; i < points; i++) {
            check(cancelled);
            double th = -Math.PI / 2 + Math.PI * i / (points - 1);
            x[i] = th;
            y[i] = pattern.at(o.plus(a.times(rangeM * Math.cos(th))).plus(b.times(rangeM * Math.sin(th))));
        }
        return new Curve(x, y);
    }

    /**
     * B(o + r (cos theta, sin theta, 0)) for r on a logarithmic grid from r0 to r1.
     *
     * @param s a scenario with a precoder
     * @param angleRad the angle theta (rad)
     * @param r0 first range (m, > 0)
     * @param r1 last range (m, > r0)
     * @param points number of samples (>= 2)
     * @param cancelled polled every sample
     * @return the range cut
     */
    public static Curve versusRange(Scenario s, double angleRad, double r0, double r1, int points,
            BooleanSupplier cancelled) {
        return versusRange(s, new Vec3(1, 0, 0), new Vec3(0, 1, 0), angleRad, r0, r1, points, cancelled);
    }

    /**
     * B(o + r (cos theta a + sin theta b)) for r on a logarithmic grid from r0 to r1: the range cut
     * along the ray at angle theta of the plane spanned by a and b (see
     * {@link #versusAngle(Scenario, Vec3, Vec3, double, int, BooleanSupplier)}).
     *
     * @param s a scenario with a precoder
     * @param a the unit direction of theta = 0
     * @param b the unit direction of theta = pi/2, orthogonal to a
     * @param angleRad the angle theta (rad)
     * @param r0 first range (m, > 0)
     * @param r1 last range (m, > r0)
     * @param points number of samples (>= 2)
     * @param cancelled polled every sample
     * @return the range cut
     */
    public static Curve versusRange(Scenario s, Vec3 a, Vec3 b, double angleRad, double r0, double r1, int points,
            BooleanSupplier cancelled) {
        Vec3 o = s.referencePoint();
        Vec3 u = a.times(Math.cos(angleRad)).plus(b.times(Math.sin(angleRad)));
        double[] x = new double[points];
        double[] y = new double[points];
        Pattern pattern = new Pattern(s);
        for (int i = 0; i < points; i++) {
            check(cancelled);
            double r = r0 * Math.pow(r1 / r0, (double) i / (points - 1));
            x[i] = r;
            y[i] = pattern.at(o.plus(u.times(r)));
        }
        return new Curve(x, y);
    }

    /**
     * The nonzero spectrum of R_X = P P^H: the eigenvalues of the S x S Gram matrix P^H P, which
     * are the same.
     *
     * @param s a scenario with a precoder
     * @return the eigenvalues (W), descending
     */
    public static double[] covarianceEigenvalues(Scenario s) {
        var p = s.precoder().effective();
        int n = p.rows();
        int k = p.cols();
        double[][] gr = new double[k][k];
        double[][] gi = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double sr = 0;
                double si = 0;
                for (int i = 0; i < n; i++) {
                    // conj(P_ia) P_ib
                    sr += p.re(i, a) * p.re(i, b) + p.im(i, a) * p.im(i, b);
                    si += p.re(i, a) * p.im(i, b) - p.im(i, a) * p.re(i, b);
                }
                gr[a][b] = sr;
                gi[a][b] = si;
            }
        }
        double[] asc = SymmetricMatrices.hermitianEigenvalues(gr, gi);
        double[] desc = new double[k];
        for (int i = 0; i < k; i++) {
            desc[i] = Math.max(0, asc[k - 1 - i]);
        }
        return desc;
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("beam cut cancelled");
        }
    }

    /** B(p) with reusable buffers. */
    private static final class Pattern {
        private final ArrayResponse tx;
        private final PrecoderColumns columns;
        private final double[] re;
        private final double[] im;
        private final Scenario scenario;

        Pattern(Scenario s) {
            this.scenario = s;
            this.tx = new ScenarioPhysics(s).transmit();
            this.columns = new PrecoderColumns(s.precoder().effective());
            this.re = new double[tx.size()];
            this.im = new double[tx.size()];
        }

        double at(Vec3 p) {
            for (Vec3 t : scenario.txArray().positions()) {
                if (t.distance(p) < Scenario.MIN_ELEMENT_DISTANCE_M) {
                    return Double.NaN;
                }
            }
            tx.evaluate(p, true, re, im);
            double[] powers = columns.streamPowers(re, im);
            double sum = 0;
            for (double v : powers) {
                sum += v;
            }
            return sum;
        }
    }
}
