package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.common.FocusDirections;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paper 003's starts and blocks by their defining properties: the analog candidates of ERRATA 003
 * item 5 (each focused where it says), the start of Algorithm 2 (power split, SPEB bound kept),
 * one digital block (monotone, bound kept) and the KKT multipliers of the digital step against the
 * sensitivity of its optimum to the rate requirement (envelope theorem).
 */
class SpebStartsAndBlocksTest {
    private static final Scenario SC = SpebScenes.scene(16, 4, 2, 0, 3);

    private static double power(List<double[][]> cols) {
        double s = 0;
        for (double[][] c : cols) {
            for (int k = 0; k < c[0].length; k++) {
                s += c[0][k] * c[0][k] + c[1][k] * c[1][k];
            }
        }
        return s;
    }

    /** Asserts f_k x_k real and positive on antennas [from, from + block). */
    private static void assertCoPhased(PartialAnalog a, double[][] x, int from, int block, String what) {
        for (int k = from; k < from + block; k++) {
            double fr = Math.cos(a.phases()[k]);
            double fi = Math.sin(a.phases()[k]);
            double mod = Math.hypot(x[0][k], x[1][k]);
            assertEquals(mod, fr * x[0][k] - fi * x[1][k], 1e-9 * mod, what + " antenna " + k);
        }
    }

    @Test
    void theAnalogCandidatesAreFocusedWhereTheySay() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        List<PartialAnalog> without = SdrBcd.candidates(ph, 4, 4, null, 5);
        assertEquals(4, without.size());
        for (double v : without.get(0).phases()) {
            assertEquals(0, v, 0);
        }
        double[][] u0 = FocusDirections.user(ph, SC.users().get(0));
        double[][] u1 = FocusDirections.user(ph, SC.users().get(1));
        double[][] t = FocusDirections.point(ph.transmit(), SC.targets().get(0).positionM());
        // two-stage: chains 0, 1 on the users, chain 2 on the target, chain 3 on the first user again
        PartialAnalog two = without.get(1);
        assertCoPhased(two, u0, 0, 4, "two-stage chain 0");
        assertCoPhased(two, u1, 4, 4, "two-stage chain 1");
        assertCoPhased(two, t, 8, 4, "two-stage chain 2");
        assertCoPhased(two, u0, 12, 4, "two-stage chain 3");
        for (int r = 0; r < 4; r++) {
            assertCoPhased(without.get(2), t, 4 * r, 4, "on-target chain " + r);
        }
        double[] rnd = without.get(3).phases();
        double spread = 0;
        for (double v : rnd) {
            assertTrue(v >= 0 && v < 2 * Math.PI);
            spread = Math.max(spread, Math.abs(v - rnd[0]));
        }
        assertTrue(spread > 0.5, "the random candidate is not random");
        assertEquals(0, java.util.Arrays.compare(rnd, SdrBcd.candidates(ph, 4, 4, null, 5).get(3).phases()),
                "the seed fixes the random candidate");
        // matched to a rank-one covariance: every subarray co-phased with the column
        List<double[][]> col = SpebPiecesByHandTest.random(16, 1, 3, 1);
        List<PartialAnalog> with = SdrBcd.candidates(ph, 4, 4, col, 5);
        assertEquals(5, with.size());
        PartialAnalog matched = with.get(3);
        for (int k = 1; k < 16; k++) {
            if (k % 4 == 0) {
                continue;
            }
            double want = Math.atan2(col.get(0)[1][k], col.get(0)[0][k]) - Math.atan2(col.get(0)[1][k - 1],
                    col.get(0)[0][k - 1]);
            double got = matched.phases()[k] - matched.phases()[k - 1];
            assertEquals(0, Math.IEEEremainder(got - want, 2 * Math.PI), 1e-9, "antenna " + k);
        }
        // no digital optimum: the order is unchanged
        SdrBcd.Problem problem = new SdrBcd.Problem(ph, new SpebEvaluator(ph), 1, new double[2], 4, 4);
        assertSame(without, SdrBcd.ranked(problem, without, null));
    }

    /**
     * Algorithm 2's start from the SPEB-min covariance with a bound twice its SPEB: half the power
     * on the users' maximum-ratio beams, half on sensing, the bound kept; without a bound all the
     * power on the users. One digital block from there raises the sum rate and keeps the bound.
     */
    @Test
    void theStartSplitsThePowerAndTheBlockKeepsTheBound() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SdrModel model = SdrModel.of(ph, SdrModel.Span.CRB);
        double p = SC.transmitPowerW();
        List<double[][]> sensing = SpebSdrStep.solve(model, ev, p, new double[2], () -> false).columns();
        double smin = ev.speb(sensing);
        double bound = 2 * smin;
        FpScaBlock block = new FpScaBlock(model, ev, p, bound);
        FpScaBlock.Iterate start = block.start(sensing);
        assertEquals(p, power(start.columns()), 1e-9 * p);
        assertEquals(0.5 * p, power(start.columns().subList(0, 2)), 1e-9 * p);
        assertTrue(start.speb() <= bound && block.meetsBound(start), "start SPEB " + start.speb());
        assertEquals(FpScaBlock.sumRate(ev, start.columns()), start.sumRate(), 0);
        // maximum ratio: user k's column is along Q Q^H c_k^*, i.e. co-phased with the user's channel
        double[][] c0 = ph.channelRow(SC.users().get(0));
        double[][] w = start.columns().get(0);
        double re = 0;
        double im = 0;
        double n2 = 0;
        double c2 = 0;
        for (int k = 0; k < 16; k++) {
            re += c0[0][k] * w[0][k] - c0[1][k] * w[1][k];
            im += c0[0][k] * w[1][k] + c0[1][k] * w[0][k];
            n2 += w[0][k] * w[0][k] + w[1][k] * w[1][k];
            c2 += c0[0][k] * c0[0][k] + c0[1][k] * c0[1][k];
        }
        // c^T w = ||c|| ||w|| (real, positive) when w is c^* scaled (the user's channel lies in the span)
        assertEquals(Math.sqrt(n2 * c2), re, 1e-6 * Math.sqrt(n2 * c2));
        assertEquals(0, im, 1e-6 * Math.sqrt(n2 * c2));
        FpScaBlock comm = new FpScaBlock(model, ev, p, Double.POSITIVE_INFINITY);
        FpScaBlock.Iterate all = comm.start(null);
        assertEquals(2, all.columns().size());
        assertEquals(p, power(all.columns()), 1e-9 * p);
        assertTrue(Double.isNaN(all.speb()) && comm.meetsBound(all));
        // the round trip through the program's coordinates keeps the columns
        FpScaBlock.Iterate back = block.fromColumns(start.columns());
        for (int s = 0; s < 2; s++) {
            for (int k = 0; k < 16; k++) {
                assertEquals(start.columns().get(s)[0][k], back.columns().get(s)[0][k], 1e-9);
                assertEquals(start.columns().get(s)[1][k], back.columns().get(s)[1][k], 1e-9);
            }
        }
        assertEquals(start.sumRate(), back.sumRate(), 1e-9 * start.sumRate());
        assertEquals(start.speb(), back.speb(), 1e-6 * start.speb());
        FpScaBlock.Iterate it = block.run(start, 3, 0, () -> false);
        assertTrue(it.sumRate() > start.sumRate() * 1.01, it.sumRate() + " vs " + start.sumRate());
        assertTrue(it.speb() <= bound * (1 + 1e-9), "SPEB " + it.speb() + " above " + bound);
        assertTrue(power(it.columns()) <= p * (1 + 1e-9), "power " + power(it.columns()));
        assertSame(start, block.run(start, 0, 0, () -> false));
        assertSame(start, block.run(start, 5, 0, () -> true));
    }

    @Test
    void covarianceOfOneColumnIsTheScaledOuterProductOfItsCoordinates() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SdrModel model = SdrModel.of(ph, SdrModel.Span.CRB);
        double[] y = new double[model.d];
        double[] yi = new double[model.d];
        y[0] = 1;
        yi[1] = 2;
        double[][] col = model.expand(new double[][] {y, yi});
        double[][][] x = FpScaBlock.covariance(model.basis, List.<double[][]>of(col), 3);
        // 3 y y^H: (0,0) = 3, (1,1) = 12, (0,1) = 3 * 1 * conj(2j) = -6j
        assertEquals(3, x[0][0][0], 1e-12);
        assertEquals(12, x[0][1][1], 1e-12);
        assertEquals(0, x[0][0][1], 1e-12);
        assertEquals(-6, x[1][0][1], 1e-12);
        assertEquals(6, x[1][1][0], 1e-12);
    }

    /**
     * Envelope theorem: at the digital step's optimum for a fixed F_A, the SPEB's sensitivity to
     * user k's requirement is lambda_k (I_k + sigma_k^2) (c_k = S_k - Gamma_k (I_k + sigma_k^2));
     * a user whose requirement does not bind has lambda_k = 0, and no requirement gives no multiplier.
     */
    @Test
    void kktMultipliersMatchTheSensitivityOfTheOptimum() {
        Scenario sc = SpebScenes.scene(16, 4, 2, 9, 21);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        double[] need = SinrRequirements.of(sc.users());
        PartialAnalog a = SdrBcd.candidates(ph, 4, 4, null, 1).get(1);
        SdrModel model = SdrModel.inSpanOf(ph, a.columns());
        SpebSdrStep.Outcome opt = SpebSdrStep.solve(model, ev, 1, need, () -> false);
        assertTrue(opt.feasible(), opt.note());
        double[] lambda = KktMultipliers.estimate(ev, a, opt.columns(), need);
        double[] none = KktMultipliers.estimate(ev, a, opt.columns(), new double[2]);
        assertEquals(0, none[0], 0);
        assertEquals(0, none[1], 0);
        int binding = 0;
        for (int k = 0; k < 2; k++) {
            double sinr = ev.sinr(opt.columns(), k);
            double interference = 0;
            double[][] c = ph.channelRow(sc.users().get(k));
            for (int s = 0; s < opt.columns().size(); s++) {
                if (s != k) {
                    double re = 0;
                    double im = 0;
                    for (int i = 0; i < 16; i++) {
                        re += c[0][i] * opt.columns().get(s)[0][i] - c[1][i] * opt.columns().get(s)[1][i];
                        im += c[0][i] * opt.columns().get(s)[1][i] + c[1][i] * opt.columns().get(s)[0][i];
                    }
                    interference += re * re + im * im;
                }
            }
            double noise = sc.users().get(k).noiseW();
            if (sinr > need[k] * 1.01) {
                assertEquals(0, lambda[k], 1e-9 * lambda[1 - k], "user " + k + " does not bind");
                continue;
            }
            binding++;
            double d = 0.01;
            double[] up = need.clone();
            double[] down = need.clone();
            up[k] *= 1 + d;
            down[k] *= 1 - d;
            double sUp = SpebSdrStep.solve(model, ev, 1, up, () -> false).speb();
            double sDown = SpebSdrStep.solve(model, ev, 1, down, () -> false).speb();
            double slope = (sUp - sDown) / (2 * d * need[k]);
            assertTrue(slope > 0, "a binding requirement must cost SPEB");
            assertEquals(slope, lambda[k] * (interference + noise), 0.1 * slope, "user " + k);
        }
        assertTrue(binding >= 1, "no requirement binds: the test would not check a multiplier");
    }

    /**
     * The candidates are tried in the order of the SPEB of the fully digital optimum projected
     * onto span(F_A) (P -> F_A F_A^H P / M) and rescaled to its power, the SPEB taken from the
     * metric code.
     */
    @Test
    void candidatesAreRankedByTheSpebOfTheProjectedDigitalOptimum() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        List<double[][]> digital = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false).columns();
        List<PartialAnalog> candidates = SdrBcd.candidates(ph, 4, 4, digital, 5);
        SdrBcd.Problem problem = new SdrBcd.Problem(ph, ev, 1, new double[2], 4, 4);
        List<PartialAnalog> ranked = SdrBcd.ranked(problem, candidates, digital);
        assertEquals(candidates.size(), ranked.size());
        assertTrue(ranked.containsAll(candidates));
        double before = power(digital);
        double previous = 0;
        List<Double> seen = new java.util.ArrayList<>();
        for (PartialAnalog a : ranked) {
            List<double[][]> projected = new java.util.ArrayList<>();
            for (double[][] p : digital) {
                double[] re = new double[16];
                double[] im = new double[16];
                for (int r = 0; r < 4; r++) {
                    double yr = 0;
                    double yi = 0;
                    for (int k = 4 * r; k < 4 * r + 4; k++) {
                        double fr = Math.cos(a.phases()[k]);
                        double fi = Math.sin(a.phases()[k]);
                        yr += (fr * p[0][k] + fi * p[1][k]) / 4;
                        yi += (fr * p[1][k] - fi * p[0][k]) / 4;
                    }
                    for (int k = 4 * r; k < 4 * r + 4; k++) {
                        double fr = Math.cos(a.phases()[k]);
                        double fi = Math.sin(a.phases()[k]);
                        re[k] = fr * yr - fi * yi;
                        im[k] = fr * yi + fi * yr;
                    }
                }
                projected.add(new double[][] {re, im});
            }
            double s = Math.sqrt(before / power(projected));
            List<double[][]> scaled = new java.util.ArrayList<>();
            List<io.fresnel.model.Stream> streams = new java.util.ArrayList<>();
            for (double[][] c : projected) {
                scaled.add(new double[][] {multiply(c[0], s), multiply(c[1], s)});
                streams.add(new io.fresnel.model.Stream(io.fresnel.model.StreamRole.SENSING, null));
            }
            Double speb = io.fresnel.metrics.MetricsEvaluator.evaluate(SC.withPrecoder(new io.fresnel.model.Precoder(
                    streams, io.fresnel.design.common.ZMatrices.ofColumns(scaled), null, null, null))).targets().get(0)
                    .spebM2();
            double v = speb == null ? Double.POSITIVE_INFINITY : speb;
            assertTrue(v >= previous * (1 - 1e-9), "ranked out of order: " + seen + ", then " + v);
            seen.add(v);
            previous = v;
        }
        assertTrue(seen.get(seen.size() - 1) > 1.5 * seen.get(0), "the proxies do not differ: " + seen);
    }

    private static double[] multiply(double[] x, double s) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= s;
        }
        return y;
    }
}
