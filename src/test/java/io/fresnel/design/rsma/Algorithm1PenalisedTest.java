package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Algorithm 1 of paper 000 as Algorithm 2 calls it, with the penalty (1/rho) ||P - F_A F_D||^2 of
 * (52a), on the small set-up (N = 32, K = 2, one eavesdropper). Every expected value is computed
 * here from the definitions: the penalised objective R^s - (1/rho) (||c - c_FW||^2 + ((1 - gamma)
 * o)^2), the power budget (25d) ||c||^2 + (gamma o)^2 <= 1, and the stop rule of line 6 (a step that
 * raises the objective by less than 1e-5 max(1, |objective|) has settled).
 */
class Algorithm1PenalisedTest {
    private static final Pattern MESSAGE = Pattern.compile(
            "rho = (\\S+), \\|\\|P - F_A F_D\\|\\|\\^2 / P = (\\S+), penalised = (\\S+)");

    private static SolverRun run(int maxIterations, List<String> messages) {
        return new SolverRun(new DesignContext(() -> false, (i, o, m) -> messages.add(m), null), maxIterations, null);
    }

    private static RsmaReducedModelTest.Setup setup() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        return RsmaReducedModelTest.setup(sc, true);
    }

    /** ||c - c_FW||^2 + ((1 - gamma) o)^2, written out here. */
    private static double gapByHand(RsmaSurrogate.Penalty pen, double[][][] c, double gamma) {
        double g = 0;
        for (int q = 0; q < c.length; q++) {
            for (int part = 0; part < 2; part++) {
                for (int j = 0; j < c[q][part].length; j++) {
                    double x = c[q][part][j] - pen.cfw()[q][part][j];
                    g += x * x;
                }
            }
        }
        double o = (1 - gamma) * pen.outOfSpan();
        return g + o * o;
    }

    /**
     * One step at a time from a point away from the penalty's centre: each step's message states
     * rho = 1 / weight, the gap and the penalised objective as computed here, and each call ends
     * settled exactly when its step raised the penalised objective by less than
     * 1e-5 max(1, |objective|) (else "steps taken"); the steps settle within 40 solves. The same for
     * the fully digital run (no penalty; the objective is the min secrecy rate).
     */
    @Test
    void eachStepReportsThePenaltyAndSettlesByTheRelativeRule() throws Exception {
        RsmaReducedModelTest.Setup s = setup();
        RsmaChannels ch = s.ch();
        CrbLmis none = s.crb(List.of(), false);
        double[][][] cfw = RsmaReducedModelTest.random(ch, 7, 0.6);
        double weight = 0.8;
        boolean sawLargeObjective = false;
        for (RsmaSurrogate.Penalty pen : new RsmaSurrogate.Penalty[] {new RsmaSurrogate.Penalty(cfw, 0.3, weight),
                null}) {
            List<String> messages = new ArrayList<>();
            SolverRun run = run(100, messages);
            Algorithm1 alg = new Algorithm1(new RsmaSurrogate(ch, none), ch, none, run);
            double[][][] c = RsmaReducedModelTest.random(ch, 5, 0.25);
            double gamma = pen == null ? 0 : 1;
            Algorithm1.Stop stop = null;
            int steps = 0;
            while (steps < 40 && stop != Algorithm1.Stop.SETTLED) {
                double last = ch.rates(c).minSecrecy() - (pen == null ? 0 : weight * gapByHand(pen, c, gamma));
                Algorithm1.Result r = alg.run(c, pen, 1, gamma, RsmaSolver.CRB_MARGIN);
                steps++;
                stop = r.stop();
                c = r.c();
                gamma = r.gamma();
                double sec = ch.rates(c).minSecrecy();
                double gap = pen == null ? 0 : gapByHand(pen, c, gamma);
                double now = sec - (pen == null ? 0 : weight * gap);
                sawLargeObjective |= Math.abs(now) > 2;
                Algorithm1.Stop expected = now - last < 1e-5 * Math.max(1, Math.abs(now)) ? Algorithm1.Stop.SETTLED
                        : Algorithm1.Stop.STEPS_TAKEN;
                String what = (pen == null ? "digital" : "penalised") + " step " + steps + ": " + last + " -> " + now;
                assertEquals(expected, stop, what);
                assertEquals(steps, messages.size(), what);
                if (pen != null) {
                    Matcher m = MESSAGE.matcher(messages.get(steps - 1));
                    assertTrue(m.matches(), messages.get(steps - 1));
                    assertEquals(String.format("%.6g", 1 / weight), m.group(1), what);
                    assertEquals(gap, Double.parseDouble(m.group(2)), 1e-3 * gap, what);
                    assertEquals(now, Double.parseDouble(m.group(3)), 1e-9 * Math.max(1, Math.abs(now)), what);
                    assertTrue(Columns.norm2(c) + gamma * gamma * 0.09 <= 1 + 1e-9, what + ": power");
                } else {
                    assertEquals("Algorithm 1", messages.get(steps - 1));
                }
            }
            assertEquals(Algorithm1.Stop.SETTLED, stop, "not settled after " + steps + " steps");
            assertTrue(steps >= 2, "settled at once: the rule was not exercised");
        }
        assertTrue(sawLargeObjective, "every objective was at most 2 in size: max(1, |objective|) was not exercised");
    }

    /**
     * The over-relaxation keeps every trial inside the power left by the out-of-span part: with
     * gamma = 0.5 and o = 1.2, ||c||^2 <= 1 - (gamma o)^2 = 0.64 (25d). With a negligible penalty
     * weight the trials along an improving step are taken (the result improves on c1) up to that
     * budget.
     */
    @Test
    void overRelaxedTrialsStayInsideThePowerLeftByTheOutOfSpanPart() throws Exception {
        RsmaReducedModelTest.Setup s = setup();
        RsmaChannels ch = s.ch();
        CrbLmis none = s.crb(List.of(), false);
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 0.05);
        RsmaSurrogate.Step st = new RsmaSurrogate(ch, none).solve(c0, null, false, RsmaSolver.CRB_MARGIN, () -> false);
        // a short move along the surrogate's (improving) direction
        double[][][] c1 = Columns.blend(c0, st.c(), 0.05);
        assertTrue(ch.rates(c1).minSecrecy() > ch.rates(c0).minSecrecy(), "c1 must improve on c0");
        RsmaSurrogate.Penalty pen = new RsmaSurrogate.Penalty(c1, 1.2, 1e-12);
        double gamma = 0.5;
        double room = 1 - (gamma * 1.2) * (gamma * 1.2);
        assertTrue(Columns.norm2(c1) < room);
        double[][][] got = new Algorithm1(new RsmaSurrogate(ch, none), ch, none, run(1, new ArrayList<>()))
                .extrapolate(c0, c1, pen, gamma, RsmaSolver.CRB_MARGIN);
        assertTrue(got != c1, "no trial was taken");
        assertTrue(ch.rates(got).minSecrecy() > ch.rates(c1).minSecrecy());
        double p2 = Columns.norm2(got);
        assertTrue(p2 <= room, "power " + p2 + " above the room " + room);
        // the step is long enough (2^12 x 0.05 of the surrogate's step) for the budget to bind
        assertEquals(room, p2, 1e-6, "the trials stopped short of the power budget");
    }

    /**
     * A trial that raises the secrecy rate but moves away from F_A F_D is refused when the penalty
     * outweighs the gain: with F_A F_D = c1 and weight 1e3, every trial c0 + 2^j (c1 - c0) pays
     * 1e3 ||2^j (c1 - c0) - (c1 - c0)||^2, far more than any secrecy gain, so c1 is returned.
     */
    @Test
    void theOverRelaxationWeighsThePenalty() throws Exception {
        RsmaReducedModelTest.Setup s = setup();
        RsmaChannels ch = s.ch();
        CrbLmis none = s.crb(List.of(), false);
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 0.25);
        RsmaSurrogate.Step st = new RsmaSurrogate(ch, none).solve(c0, null, false, RsmaSolver.CRB_MARGIN, () -> false);
        double[][][] c1 = st.c();
        Algorithm1 alg = new Algorithm1(new RsmaSurrogate(ch, none), ch, none, run(1, new ArrayList<>()));
        // without the penalty's pull the first trial is taken (so the refusal below is the penalty's doing)
        double[][][] free = alg.extrapolate(c0, c1, new RsmaSurrogate.Penalty(c1, 0, 1e-12), 1, RsmaSolver.CRB_MARGIN);
        assertTrue(free != c1, "without a penalty the trial must be taken for this test to mean anything");
        double d2 = 0;
        for (int q = 0; q < c1.length; q++) {
            for (int part = 0; part < 2; part++) {
                for (int j = 0; j < ch.d; j++) {
                    double x = c1[q][part][j] - c0[q][part][j];
                    d2 += x * x;
                }
            }
        }
        assertTrue(1e3 * d2 > 10 * ch.rates(free).minSecrecy(), "the penalty must outweigh the gain: " + d2);
        double[][][] got = alg.extrapolate(c0, c1, new RsmaSurrogate.Penalty(c1, 0, 1e3), 1, RsmaSolver.CRB_MARGIN);
        assertTrue(got == c1, "a trial whose penalty outweighs its gain was taken");
    }

    /**
     * A surrogate that cannot be started (c0 outside the CRB bounds, which Algorithm 1 requires
     * inside) ends the run as a surrogate failure after one counted solve, at c0, with the given
     * gamma; not as a cancellation.
     */
    @Test
    void aSurrogateThatCannotStartEndsTheRunAsAFailure() throws Exception {
        RsmaReducedModelTest.Setup s = setup();
        RsmaChannels ch = s.ch();
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 0.5);
        CrbLimit r = new CrbLimit(0, false, 1);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, false, 0.5 * s.crb(List.of(r), false).crb(c0, r))), false);
        assertEquals(2, crb.ratio(c0), 1e-9);
        SolverRun run = run(10, new ArrayList<>());
        Algorithm1.Result res = new Algorithm1(new RsmaSurrogate(ch, crb), ch, crb, run).run(c0, null, 5, 0.25,
                RsmaSolver.CRB_MARGIN);
        assertEquals(Algorithm1.Stop.SURROGATE_FAILED, res.stop());
        assertTrue(res.c() == c0);
        assertEquals(0.25, res.gamma(), 0);
        assertEquals(1, run.iterations());
        assertNotEquals(Algorithm1.Stop.CANCELLED, res.stop());
    }
}
