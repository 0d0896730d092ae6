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
        Vec3 o = s.referencePoint();
        double[] x = new double[points];
        double[] y = new double[points];
        Pattern pattern = new Pattern(s);
        for (int i = 0; i < points; i++) {
            check(cancelled);
            double th = -Math.PI / 2 + Math.PI * i / (points - 1);
            x[i] = th;
            y[i] = pattern.at(new Vec3(o.x() + rangeM * Math.cos(th), o.y() + rangeM * Math.sin(th), o.z()));
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
        Vec3 o = s.referencePoint();
        double[] x = new double[points];
        double[] y = new double[points];
        Pattern pattern = new Pattern(s);
        for (int i = 0; i < points; i++) {
            check(cancelled);
            double r = r0 * Math.pow(r1 / r0, (double) i / (points - 1));
            x[i] = r;
            y[i] = pattern.at(new Vec3(o.x() + r * Math.cos(angleRad), o.y() + r * Math.sin(angleRad), o.z()));
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
