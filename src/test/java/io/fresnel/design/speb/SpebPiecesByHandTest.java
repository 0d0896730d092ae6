package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.Designs;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Paper 003's building blocks by hand: the partially connected F_A (1), (27) and its least-squares
 * F_D (34); the rate margin of (31c) and its phase gradient; the Wirtinger gradient of the SPEB;
 * the analog merit of Algorithm 1 and the sum rate of Algorithm 2 with their gradients against
 * central differences; the input checks naming their field. References are the metric code,
 * finite differences and hand formulas, never the code under test.
 */
class SpebPiecesByHandTest {
    private static final Scenario SC = SpebScenes.scene(16, 4, 2, 0, 3);

    static List<double[][]> random(int n, int s, long seed, double sd) {
        Random rnd = new Random(seed);
        List<double[][]> out = new ArrayList<>();
        for (int c = 0; c < s; c++) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int k = 0; k < n; k++) {
                re[k] = rnd.nextGaussian() * sd;
                im[k] = rnd.nextGaussian() * sd;
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    private static double[] phases(int n, long seed) {
        Random rnd = new Random(seed);
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = 2 * Math.PI * rnd.nextDouble();
        }
        return t;
    }

    @Test
    void partialAnalogIsBlockDiagonalUnitModulusAndItsDigitalPartIsExact() {
        int chains = 2;
        int block = 3;
        double[] ph = phases(6, 1);
        PartialAnalog a = new PartialAnalog(chains, block, ph);
        assertEquals(6, a.antennas());
        assertEquals(0, a.chainOf(2));
        assertEquals(1, a.chainOf(3));
        ComplexMatrix f = a.matrix();
        List<double[][]> cols = a.columns();
        assertEquals(2, cols.size());
        for (int k = 0; k < 6; k++) {
            for (int r = 0; r < chains; r++) {
                boolean on = k / block == r;
                assertEquals(on ? Math.cos(ph[k]) : 0, f.re(k, r), 0);
                assertEquals(on ? Math.sin(ph[k]) : 0, f.im(k, r), 0);
                assertEquals(f.re(k, r), cols.get(r)[0][k], 0);
                assertEquals(f.im(k, r), cols.get(r)[1][k], 0);
            }
        }
        // P = F_A F_D: digital() recovers F_D, weights() rebuild P through apply()
        List<double[][]> fd = random(chains, 3, 2, 1);
        ComplexMatrix fdm = ZMatrices.ofColumns(fd);
        ComplexMatrix pm = f.times(fdm);
        List<double[][]> p = SpebSdrStep.columns(pm);
        ComplexMatrix back = a.digital(p);
        for (int r = 0; r < chains; r++) {
            for (int s = 0; s < 3; s++) {
                assertEquals(fdm.re(r, s), back.re(r, s), 1e-12);
                assertEquals(fdm.im(r, s), back.im(r, s), 1e-12);
            }
        }
        List<double[][]> again = PartialAnalog.apply(ph, a.weights(p));
        for (int s = 0; s < 3; s++) {
            for (int k = 0; k < 6; k++) {
                assertEquals(p.get(s)[0][k], again.get(s)[0][k], 1e-12);
                assertEquals(p.get(s)[1][k], again.get(s)[1][k], 1e-12);
            }
            // the weight of chain r is F_D[r][s] on every antenna of its block
            double[][] w = a.weights(p).get(s);
            for (int k = 0; k < 6; k++) {
                assertEquals(fdm.re(k / block, s), w[0][k], 1e-12);
                assertEquals(fdm.im(k / block, s), w[1][k], 1e-12);
            }
        }
        double[] other = phases(6, 9);
        PartialAnalog b = a.withPhases(other);
        other[0] = 99;
        assertTrue(b.phases()[0] != 99, "withPhases must copy");
        assertEquals(block, b.block());
        assertEquals(chains, b.chains());
    }

    @Test
    void matchedPhasesCoPhaseEveryAntennaWithItsChainsVector() {
        List<double[][]> x = random(6, 2, 4, 1);
        PartialAnalog a = PartialAnalog.matched(x, 2, 3);
        for (int k = 0; k < 6; k++) {
            double[] v = x.get(k / 3)[0].length > 0 ? new double[] {x.get(k / 3)[0][k], x.get(k / 3)[1][k]} : null;
            double fr = Math.cos(a.phases()[k]);
            double fi = Math.sin(a.phases()[k]);
            // f_k x_k is real and positive: |x_k|
            assertEquals(Math.hypot(v[0], v[1]), fr * v[0] - fi * v[1], 1e-12);
            assertEquals(0, fr * v[1] + fi * v[0], 1e-12);
        }
    }

    /** |c_u^T p|^2 by hand. */
    private static double power(double[][] c, double[][] p) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < p[0].length; k++) {
            re += c[0][k] * p[0][k] - c[1][k] * p[1][k];
            im += c[0][k] * p[1][k] + c[1][k] * p[0][k];
        }
        return re * re + im * im;
    }

    @Test
    void rateMarginIsSignalMinusGammaTimesInterferencePlusNoiseWithItsPhaseGradient() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        List<double[][]> w = random(16, 3, 5, 0.1);
        double[] theta = phases(16, 6);
        double gamma = 3.5;
        for (int u = 0; u < 2; u++) {
            double[][] c = ph.channelRow(SC.users().get(u));
            double noise = SC.users().get(u).noiseW();
            List<double[][]> cols = PartialAnalog.apply(theta, w);
            double signal = power(c, cols.get(u));
            double interference = 0;
            for (int s = 0; s < 3; s++) {
                interference += s == u ? 0 : power(c, cols.get(s));
            }
            double[] g = new double[16];
            double margin = ev.marginGradient(cols, u, gamma, g);
            assertEquals(signal - gamma * (interference + noise), margin, 1e-9 * signal);
            double[] gs = new double[16];
            assertEquals(signal / (interference + noise), ev.sinrGradient(cols, u, gs), 1e-9 * signal / noise);
            double h = 1e-6;
            for (int k = 0; k < 16; k += 5) {
                double[] tp = theta.clone();
                double[] tm = theta.clone();
                tp[k] += h;
                tm[k] -= h;
                double fd = (ev.marginGradient(PartialAnalog.apply(tp, w), u, gamma, new double[16])
                        - ev.marginGradient(PartialAnalog.apply(tm, w), u, gamma, new double[16])) / (2 * h);
                assertEquals(fd, g[k], 1e-5 * Math.abs(signal) + 1e-6 * Math.abs(fd), "dc/dtheta_" + k);
            }
        }
    }

    /** dSPEB = sum_s 2 Re(dp_s^H g_s) for a complex perturbation dp (Wirtinger gradient g_s = -M p_s). */
    @Test
    void spebDirectionsAreTheWirtingerGradient() {
        SpebEvaluator ev = new SpebEvaluator(new ScenarioPhysics(SC));
        List<double[][]> p = random(16, 3, 7, 0.1);
        List<double[][]> dirs = new ArrayList<>();
        dirs.add(new double[][] {{1}, {1}});
        double s0 = ev.spebGradient(p, null, dirs);
        assertEquals(ev.speb(p), s0, 0);
        assertEquals(3, dirs.size(), "the directions list is cleared and refilled");
        List<double[][]> dp = random(16, 3, 8, 0.1);
        double t = 1e-6;
        double plus = ev.speb(shift(p, dp, t));
        double minus = ev.speb(shift(p, dp, -t));
        double fd = (plus - minus) / (2 * t);
        double an = 0;
        for (int s = 0; s < 3; s++) {
            for (int k = 0; k < 16; k++) {
                an += 2 * (dp.get(s)[0][k] * dirs.get(s)[0][k] + dp.get(s)[1][k] * dirs.get(s)[1][k]);
            }
        }
        assertEquals(fd, an, 1e-5 * Math.abs(fd));
        assertTrue(Math.abs(fd) > 1e-3 * s0, "a perturbation that moves the SPEB");
        // a precoder that cannot localise (one column, no power towards the target) has no SPEB
        List<double[][]> none = new ArrayList<>();
        none.add(new double[][] {new double[16], new double[16]});
        assertEquals(Double.POSITIVE_INFINITY, ev.speb(none));
    }

    private static List<double[][]> shift(List<double[][]> p, List<double[][]> dp, double t) {
        List<double[][]> out = new ArrayList<>();
        for (int s = 0; s < p.size(); s++) {
            double[] re = p.get(s)[0].clone();
            double[] im = p.get(s)[1].clone();
            for (int k = 0; k < re.length; k++) {
                re[k] += t * dp.get(s)[0][k];
                im[k] += t * dp.get(s)[1][k];
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    /**
     * Algorithm 1's analog merit psi with an active multiplier and an active penalty: its value by
     * hand from the SPEB, the margins and the SINRs, its gradient against central differences, and
     * one descent that stays in the trust region and does not raise psi.
     */
    @Test
    void analogMeritAndDescentOfAlgorithmOne() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        PartialAnalog a = new PartialAnalog(4, 4, phases(16, 11));
        List<double[][]> w = a.weights(PartialAnalog.apply(a.phases(), blockConstant(random(16, 3, 12, 0.1), 4)));
        double[] theta = a.phases();
        List<double[][]> cols = PartialAnalog.apply(theta, w);
        double[] sinr = {ev.sinr(cols, 0), ev.sinr(cols, 1)};
        // user 0: a requirement above its SINR (penalty active); user 1: below (only the multiplier)
        double[] required = {2 * sinr[0], 0.5 * sinr[1]};
        double[] lambda = {0, 0.3};
        double s0 = 2 * ev.speb(cols);
        double[] grad = new double[16];
        double psi = AnalogDescent.merit(ev, theta, w, required, lambda, s0, grad);
        double margin1 = ev.marginGradient(cols, 1, required[1], new double[16]);
        double expected = ev.speb(cols) / s0 - 0.3 * margin1 / s0 + AnalogDescent.PENALTY * 0.25;
        assertEquals(expected, psi, 1e-9 * Math.abs(expected));
        double h = 1e-6;
        for (int k = 0; k < 16; k += 3) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            double fd = (AnalogDescent.merit(ev, tp, w, required, lambda, s0, new double[16])
                    - AnalogDescent.merit(ev, tm, w, required, lambda, s0, new double[16])) / (2 * h);
            assertEquals(fd, grad[k], 1e-5 * Math.abs(psi) + 1e-5 * Math.abs(fd), "dpsi/dtheta_" + k);
        }
        double radius = 0.05;
        double[] out = AnalogDescent.descend(ev, theta, w, required, lambda, radius, 25, () -> false);
        double sStart = ev.speb(cols);
        double before = AnalogDescent.merit(ev, theta, w, required, lambda, sStart, new double[16]);
        double after = AnalogDescent.merit(ev, out, w, required, lambda, sStart, new double[16]);
        assertTrue(after < before, "descent did not lower psi: " + after + " vs " + before);
        double moved = 0;
        for (int k = 0; k < 16; k++) {
            assertTrue(Math.abs(out[k] - theta[k]) <= radius + 1e-12, "left the trust region at " + k);
            moved = Math.max(moved, Math.abs(out[k] - theta[k]));
        }
        assertTrue(moved > 0.5 * radius, "hardly moved: " + moved);
        // cancelled before the first step: the start
        double[] none = AnalogDescent.descend(ev, theta, w, required, lambda, radius, 25, () -> true);
        assertEquals(0, java.util.Arrays.compare(theta, none));
    }

    /** Columns made block-constant per chain (weights of a partially connected F_A). */
    private static List<double[][]> blockConstant(List<double[][]> x, int block) {
        List<double[][]> out = new ArrayList<>();
        for (double[][] c : x) {
            double[] re = c[0].clone();
            double[] im = c[1].clone();
            for (int k = 0; k < re.length; k++) {
                re[k] = c[0][k / block * block];
                im[k] = c[1][k / block * block];
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    /**
     * Algorithm 2's analog objective: the sum rate equals the metric code's, its gradient the
     * central differences; one ascent raises it inside the trust region and keeps an SPEB bound
     * set just above the start.
     */
    @Test
    void sumRateAndAscentOfAlgorithmTwo() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        List<double[][]> w = blockConstant(random(16, 3, 13, 0.1), 4);
        double[] theta = phases(16, 14);
        List<double[][]> cols = PartialAnalog.apply(theta, w);
        double[] g = new double[16];
        double rate = RateAscent.rateGradient(ev, cols, g);
        Precoder p = new Precoder(List.of(new Stream(StreamRole.PRIVATE, "u1"), new Stream(StreamRole.PRIVATE, "u2"),
                new Stream(StreamRole.SENSING, null)), ZMatrices.ofColumns(cols), null, null, null);
        Metrics m = MetricsEvaluator.evaluate(SC.withPrecoder(p));
        assertEquals(m.system().sumRateBpsHz(), rate, 1e-9 * rate);
        assertEquals(rate, FpScaBlock.sumRate(ev, cols), 1e-12 * rate);
        double h = 1e-6;
        for (int k = 0; k < 16; k += 3) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            double fd = (RateAscent.rateGradient(ev, PartialAnalog.apply(tp, w), new double[16])
                    - RateAscent.rateGradient(ev, PartialAnalog.apply(tm, w), new double[16])) / (2 * h);
            assertEquals(fd, g[k], 1e-5 * rate + 1e-5 * Math.abs(fd), "dR/dtheta_" + k);
        }
        double s0 = ev.speb(cols);
        double radius = 0.1;
        for (double bound : new double[] {Double.POSITIVE_INFINITY, 1.0005 * s0}) {
            double[] out = RateAscent.ascend(ev, theta, w, bound, radius, 25, () -> false);
            List<double[][]> after = PartialAnalog.apply(out, w);
            double r1 = RateAscent.rateGradient(ev, after, new double[16]);
            assertTrue(r1 > rate * (1 + 1e-4), "no rise with bound " + bound + ": " + r1 + " vs " + rate);
            assertTrue(ev.speb(after) <= bound, "SPEB " + ev.speb(after) + " above " + bound);
            for (int k = 0; k < 16; k++) {
                assertTrue(Math.abs(out[k] - theta[k]) <= radius + 1e-12, "left the trust region at " + k);
            }
        }
    }

    @Test
    void inputsWithoutATargetOrWithTooFewChainsAreRejectedNamingTheField() throws Exception {
        Scenario sc = SpebScenes.scene(16, 4, 2, 1, 3);
        Scenario noTarget = ScenarioEdits.remove(sc, "t1");
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("speb-min-digital").run(noTarget, DesignContext.none()));
        assertTrue(e.getMessage().startsWith("speb-min-digital: targets: "), e.getMessage());
        // four users on four RF chains: exactly enough
        assertEquals(4, SpebInputs.partialChains(SpebScenes.scene(16, 4, 4, 0, 3), "x", 4));
        DesignException few = assertThrows(DesignException.class,
                () -> SpebInputs.partialChains(SpebScenes.scene(16, 4, 4, 0, 3), "x", 5));
        assertTrue(few.getMessage().startsWith("x: architecture.rf_chains = 4 is fewer than the 5"), few.getMessage());
    }
}
