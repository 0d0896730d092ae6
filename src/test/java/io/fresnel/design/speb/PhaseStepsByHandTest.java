package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The analog blocks' projected gradient steps against the rule of their Javadoc followed by hand,
 * with gradients by central differences of values written out in the test:
 *
 * <ul>
 *   <li>{@link RateAscent}: sum rate R = sum_k log2(1 + SINR_k); direction dR/dtheta, or near an
 *       active SPEB bound (SPEB &gt; (1 - 1e-3) Gamma_s) dR - (max(dR.dS, 0) / |dS|^2 + 0.1 |dR| / |dS|) dS;
 *       a trial is accepted when R rises and SPEB &lt;= Gamma_s (1 - 1e-9);</li>
 *   <li>{@link AnalogDescent}: psi = SPEB/S_0 - sum_k lambda_k c_k / S_0 + 100 sum_k max(0, 1 - SINR_k/Gamma_k)^2,
 *       direction -dpsi/dtheta, accepted by Armijo, psi(trial) &lt;= psi - 1e-4 g.(theta - trial);</li>
 * </ul>
 *
 * both with the first step moving the largest direction component by the whole radius, trials
 * clipped to the trust region |theta - theta_0|_inf &lt;= radius, the step doubled after an accepted
 * trial and quartered after a rejected one (30 trials), stopping when no trial is accepted.
 */
class PhaseStepsByHandTest {
    private static final Scenario SC = SpebScenes.scene(16, 4, 2, 0, 3);
    private static final int N = 16;

    private static List<double[][]> blockWeights(int columns, long seed) {
        Random rnd = new Random(seed);
        List<double[][]> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            double[] re = new double[N];
            double[] im = new double[N];
            for (int r = 0; r < 4; r++) {
                double a = 0.1 * rnd.nextGaussian();
                double b = 0.1 * rnd.nextGaussian();
                for (int k = 4 * r; k < 4 * r + 4; k++) {
                    re[k] = a;
                    im[k] = b;
                }
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    private static double[] phases(long seed) {
        Random rnd = new Random(seed);
        double[] t = new double[N];
        for (int k = 0; k < N; k++) {
            t[k] = 2 * Math.PI * rnd.nextDouble();
        }
        return t;
    }

    /** p_s = diag(exp(j theta)) w_s written out. */
    private static List<double[][]> columns(double[] theta, List<double[][]> w) {
        List<double[][]> out = new ArrayList<>();
        for (double[][] c : w) {
            double[] re = new double[N];
            double[] im = new double[N];
            for (int k = 0; k < N; k++) {
                re[k] = Math.cos(theta[k]) * c[0][k] - Math.sin(theta[k]) * c[1][k];
                im[k] = Math.cos(theta[k]) * c[1][k] + Math.sin(theta[k]) * c[0][k];
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    /** |c p|^2 by hand. */
    private static double power(double[][] c, double[][] p) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < N; k++) {
            re += c[0][k] * p[0][k] - c[1][k] * p[1][k];
            im += c[0][k] * p[1][k] + c[1][k] * p[0][k];
        }
        return re * re + im * im;
    }

    private interface Value {
        double at(double[] theta);
    }

    private static double[] gradient(Value f, double[] theta) {
        double[] g = new double[N];
        double h = 1e-6;
        for (int k = 0; k < N; k++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            g[k] = (f.at(tp) - f.at(tm)) / (2 * h);
        }
        return g;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double[] clipped(double[] start, double[] theta, double t, double[] dir, double radius) {
        double[] out = new double[N];
        for (int k = 0; k < N; k++) {
            out[k] = Math.max(start[k] - radius, Math.min(start[k] + radius, theta[k] + t * dir[k]));
        }
        return out;
    }

    /** The ascent of RateAscent's Javadoc with difference gradients. */
    private static double[] ascentByHand(Value rate, Value speb, double[] start, double spebMax, double radius,
            int iterations) {
        double[] theta = start.clone();
        double step = Double.NaN;
        for (int it = 0; it < iterations; it++) {
            double[] gr = gradient(rate, theta);
            double[] dir = gr.clone();
            if (Double.isFinite(spebMax) && speb.at(theta) > (1 - 1e-3) * spebMax) {
                double[] gs = gradient(speb, theta);
                double c = Math.max(dot(gr, gs), 0) / dot(gs, gs) + 0.1 * Math.sqrt(dot(gr, gr) / dot(gs, gs));
                for (int k = 0; k < N; k++) {
                    dir[k] = gr[k] - c * gs[k];
                }
            }
            if (Double.isNaN(step)) {
                step = radius / maxAbs(dir);
            }
            boolean moved = false;
            for (int tries = 0; tries < 30 && !moved; tries++) {
                double[] trial = clipped(start, theta, step, dir, radius);
                boolean feasible = !Double.isFinite(spebMax) || speb.at(trial) <= spebMax * (1 - 1e-9);
                if (feasible && rate.at(trial) > rate.at(theta)) {
                    theta = trial;
                    step *= 2;
                    moved = true;
                } else {
                    step /= 4;
                }
            }
            if (!moved) {
                break;
            }
        }
        return theta;
    }

    private static void assertPhases(double[] want, double[] got, double tol, String what) {
        for (int k = 0; k < N; k++) {
            assertEquals(want[k], got[k], tol, what + ": theta_" + k + " " + Arrays.toString(got));
        }
    }

    /**
     * Unbounded, bound far away (10 x the start's SPEB, so the projection is off) and bound just
     * above the start (active: the direction is bent off the SPEB gradient): one, then three
     * steps, against the rule by hand; each result raises the rate and keeps the bound.
     */
    /**
     * Unbounded, bound far away (10 x the start's SPEB, so the projection is off) and bound just
     * above the start (active: the direction is bent off the SPEB gradient), for a start where the
     * rate and SPEB gradients conflict (dR.dS &gt; 0) and one where they do not, with a small trust
     * region and one so large that the first trials are rejected: one, then three steps, against
     * the rule by hand; each result raises the rate and keeps the bound.
     */
    @Test
    void rateAscentFollowsItsProjectedGradientRule() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        double[][][] c = {ph.channelRow(SC.users().get(0)), ph.channelRow(SC.users().get(1))};
        double[] noise = {SC.users().get(0).noiseW(), SC.users().get(1).noiseW()};
        boolean[] signs = new boolean[2];
        int bentTotal = 0;
        for (long seed = 13; seed < 40 && !(signs[0] && signs[1]); seed++) {
            List<double[][]> w = blockWeights(3, seed);
            double[] theta0 = phases(seed + 1);
            Value rate = t -> {
                List<double[][]> p = columns(t, w);
                double r = 0;
                for (int u = 0; u < 2; u++) {
                    double i = noise[u];
                    for (int s = 0; s < 3; s++) {
                        i += s == u ? 0 : power(c[u], p.get(s));
                    }
                    r += Math.log(1 + power(c[u], p.get(u)) / i) / Math.log(2);
                }
                return r;
            };
            Value speb = t -> ev.speb(columns(t, w));
            boolean conflict = dot(gradient(rate, theta0), gradient(speb, theta0)) > 0;
            if (signs[conflict ? 1 : 0]) {
                continue;
            }
            signs[conflict ? 1 : 0] = true;
            double s0 = speb.at(theta0);
            double r0 = rate.at(theta0);
            for (double radius : new double[] {0.1, 1.5}) {
                int bent = 0;
                for (double bound : new double[] {Double.POSITIVE_INFINITY, 10 * s0, 1.0005 * s0}) {
                    for (int iterations : new int[] {1, 3}) {
                        double[] got = RateAscent.ascend(ev, theta0, w, bound, radius, iterations, () -> false);
                        double[] want = ascentByHand(rate, speb, theta0, bound, radius, iterations);
                        String what = "seed " + seed + ", radius " + radius + ", bound " + bound + ", " + iterations;
                        assertPhases(want, got, 1e-6, what);
                        assertTrue(rate.at(got) > r0, "no rise: " + what);
                        assertTrue(speb.at(got) <= bound * (1 - 1e-9), "bound: " + what);
                        assertTrue(maxAbs(diff(got, theta0)) <= radius + 1e-15);
                    }
                    // the active bound bends the first direction: it differs from the plain gradient step
                    double[] plain = ascentByHand(rate, speb, theta0, Double.POSITIVE_INFINITY, radius, 1);
                    double[] one = RateAscent.ascend(ev, theta0, w, bound, radius, 1, () -> false);
                    bent += maxAbs(diff(plain, one)) > 1e-4 ? 1 : 0;
                }
                assertEquals(1, bent, "only the bound just above the start bends the direction");
                bentTotal += bent;
            }
            // no step: cancelled, or no iterations
            assertEquals(0, Arrays.compare(theta0, RateAscent.ascend(ev, theta0, w, 1.0005 * s0, 0.1, 5, () -> true)));
            assertEquals(0, Arrays.compare(theta0, RateAscent.ascend(ev, theta0, w, 1.0005 * s0, 0.1, 0, () -> false)));
            // the gradient is written over whatever the array held
            double[] dirty = new double[N];
            Arrays.fill(dirty, 7);
            double[] clean = new double[N];
            assertEquals(RateAscent.rateGradient(ev, columns(theta0, w), clean),
                    RateAscent.rateGradient(ev, columns(theta0, w), dirty), 0);
            assertEquals(0, Arrays.compare(clean, dirty));
            Arrays.fill(dirty, 7);
            Arrays.fill(clean, 0);
            assertEquals(ev.spebGradient(columns(theta0, w), clean), ev.spebGradient(columns(theta0, w), dirty), 0);
            assertEquals(0, Arrays.compare(clean, dirty));
        }
        assertTrue(signs[0] && signs[1], "no start with conflicting (or with agreeing) gradients");
        assertEquals(4, bentTotal);
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return d;
    }

    /** The descent of AnalogDescent's Javadoc with difference gradients. */
    private static double[] descentByHand(Value psi, double[] start, double radius, int iterations) {
        double[] theta = start.clone();
        double step = Double.NaN;
        for (int it = 0; it < iterations; it++) {
            double[] g = gradient(psi, theta);
            if (Double.isNaN(step)) {
                step = radius / maxAbs(g);
            }
            boolean moved = false;
            for (int tries = 0; tries < 30 && !moved; tries++) {
                double[] trial = clipped(start, theta, -step, g, radius);
                double decrease = dot(g, diff(theta, trial));
                if (!(decrease > 0)) {
                    break;
                }
                if (psi.at(trial) <= psi.at(theta) - 1e-4 * decrease) {
                    theta = trial;
                    step *= 2;
                    moved = true;
                } else {
                    step /= 4;
                }
            }
            if (!moved) {
                break;
            }
        }
        return theta;
    }

    /**
     * Two users, one whose requirement is above its SINR (penalty active) with a multiplier, one
     * below (multiplier only), and a third case without requirements: one, then four steps,
     * against the rule by hand, with psi written out from the SPEB, the margins and the SINRs.
     */
    @Test
    void analogDescentFollowsItsArmijoRule() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        List<double[][]> w = blockWeights(3, 21);
        double[] theta0 = phases(22);
        double[][][] c = {ph.channelRow(SC.users().get(0)), ph.channelRow(SC.users().get(1))};
        double[] noise = {SC.users().get(0).noiseW(), SC.users().get(1).noiseW()};
        List<double[][]> p0 = columns(theta0, w);
        double s0 = ev.speb(p0);
        double[] sinr0 = new double[2];
        for (int u = 0; u < 2; u++) {
            sinr0[u] = power(c[u], p0.get(u)) / (power(c[u], p0.get(1 - u)) + power(c[u], p0.get(2)) + noise[u]);
        }
        double[][] requiredCases = {{1.5 * sinr0[0], 0.7 * sinr0[1]}, {0, 0}, {0, 2 * sinr0[1]}};
        double[][] lambdaCases = {{0.2 * s0 / (noise[0] * sinr0[0]), 0.1 * s0 / (noise[1] * sinr0[1])}, {0, 0},
            {0, 0.3 * s0 / (noise[1] * sinr0[1])}};
        for (double radius : new double[] {0.2, 1.5}) {
        for (int cs = 0; cs < requiredCases.length; cs++) {
            double[] required = requiredCases[cs];
            double[] lambda = lambdaCases[cs];
            Value psi = t -> {
                List<double[][]> p = columns(t, w);
                double v = ev.speb(p) / s0;
                for (int u = 0; u < 2; u++) {
                    if (required[u] <= 0) {
                        continue;
                    }
                    double signal = power(c[u], p.get(u));
                    double interference = power(c[u], p.get(1 - u)) + power(c[u], p.get(2)) + noise[u];
                    v -= lambda[u] * (signal - required[u] * interference) / s0;
                    double q = 1 - signal / interference / required[u];
                    v += q > 0 ? 100 * q * q : 0;
                }
                return v;
            };
            double[] grad = new double[N];
            assertEquals(psi.at(theta0), AnalogDescent.merit(ev, theta0, w, required, lambda, s0, grad),
                    1e-9 * Math.abs(psi.at(theta0)), "case " + cs);
            for (int iterations : new int[] {1, 4}) {
                double[] got = AnalogDescent.descend(ev, theta0, w, required, lambda, radius, iterations,
                        () -> false);
                double[] want = descentByHand(psi, theta0, radius, iterations);
                assertPhases(want, got, 1e-5, "case " + cs + ", " + iterations + " steps");
                assertTrue(psi.at(got) < psi.at(theta0), "case " + cs + ": psi did not fall");
            }
        }
        }
        // a requirement of 0 means none: its multiplier and penalty are ignored
        double[] g1 = new double[N];
        double[] g2 = new double[N];
        double with = AnalogDescent.merit(ev, theta0, w, new double[] {0, 0.7 * sinr0[1]}, new double[] {5e9, 1e3}, s0, g1);
        double without = AnalogDescent.merit(ev, theta0, w, new double[] {0, 0.7 * sinr0[1]}, new double[] {0, 1e3}, s0, g2);
        assertEquals(without, with, 0);
        assertEquals(0, Arrays.compare(g1, g2));
        // no SPEB at the start (no power on any stream): no merit, no step
        List<double[][]> zero = new ArrayList<>();
        zero.add(new double[][] {new double[N], new double[N]});
        assertEquals(Double.POSITIVE_INFINITY, AnalogDescent.merit(ev, theta0, zero, new double[1], new double[1], s0,
                new double[N]));
        double[] same = AnalogDescent.descend(ev, theta0, zero, new double[1], new double[1], 0.2, 5, () -> false);
        assertEquals(0, Arrays.compare(theta0, same));
    }
}
