package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phase one and Algorithm 1 of paper 000 run on their own on the small set-up, with CRB bounds set
 * from the CRBs of the start (computed by {@link CrbLmis#crb}, checked against the metric code in
 * {@link RsmaReducedModelTest}): phase one stops on the goal 1 - 2 margin (the shortest step, not
 * beyond it), and every Algorithm 1 step, over-relaxed or not, stays inside the tightened bounds and
 * raises the true min secrecy rate.
 */
class RsmaStepsTest {

    private static SolverRun run(int maxIterations, List<String> messages) {
        return new SolverRun(new DesignContext(() -> false, (i, o, m) -> messages.add(m), null), maxIterations, null);
    }

    /**
     * From a start at twice the bounds, phase one reaches them and stops on the goal: its last step
     * is the shortest one onto 1 - 2 margin (bisection to 2^-30 of the step), so the final worst
     * ratio lies in [goal - 1e-6, goal]; it counts one solve per step and reports each step's ratio.
     */
    @Test
    void phaseOneStopsOnTheGoalByTheShortestStep() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        double[][][] c0 = RsmaReducedModelTest.random(s.ch(), 9, 0.4);
        CrbLimit a = new CrbLimit(0, true, 1);
        CrbLimit r = new CrbLimit(0, false, 1);
        CrbLmis probe = s.crb(List.of(a, r), false);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, true, 0.5 * probe.crb(c0, a)),
                new CrbLimit(0, false, 0.5 * probe.crb(c0, r))), false);
        assertEquals(2, crb.ratio(c0), 1e-9);
        for (double margin : new double[] {RsmaSolver.CRB_MARGIN, PenaltyBcd.START_MARGIN}) {
            List<String> messages = new ArrayList<>();
            SolverRun run = run(100, messages);
            PhaseOne.Result res = new PhaseOne(new RsmaSurrogate(s.ch(), crb), crb, s.ch(), run, margin,
                    RsmaSolver.CRB_MARGIN).run(c0);
            double goal = 1 - 2 * margin;
            double ratio = crb.ratio(res.c());
            assertEquals(PhaseOne.Stop.REACHED, res.stop(), "margin " + margin);
            assertTrue(ratio <= goal && ratio >= goal - 1e-6, "margin " + margin + ": final ratio " + ratio
                    + ", goal " + goal);
            assertEquals(ratio, res.bestRatio(), 0, "the last step is the best one");
            assertTrue(run.iterations() >= 1 && run.iterations() <= PhaseOne.MAX_STEPS);
            assertEquals(run.iterations(), messages.size());
            assertTrue(messages.get(messages.size() - 1).equals("phase one: worst CRB / bound = " + ratio),
                    messages.get(messages.size() - 1));
            assertTrue(Columns.norm2(res.c()) <= 1 + 1e-9);
            // c0 untouched
            assertEquals(2, crb.ratio(c0), 1e-9);
        }
    }

    /**
     * Phase one against bounds that leave less room than its goal: with the range bound set so
     * that the smallest reachable worst ratio is about 0.99 (found by iterating phase-one
     * surrogate steps first), the goal 1 - 2 x 0.02 = 0.96 of a cold hybrid run is out of reach,
     * and phase one ends reached by its fallback rule (constructor Javadoc): at the first step whose
     * ratio is at most 1 - 2 x 1e-4 and lowers the previous one by less than 0.1 %. The rule is
     * checked on the sequence of ratios the steps report.
     */
    @Test
    void phaseOneFallsBackWhenTheBoundsLeaveLessRoomThanItsGoal() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        double[][][] c0 = RsmaReducedModelTest.random(s.ch(), 9, 1);
        CrbLimit r = new CrbLimit(0, false, 1);
        CrbLmis unit = s.crb(List.of(r), false);
        double crb0 = unit.crb(c0, r);
        // the smallest range CRB phase-one steps reach from c0 (bound crb0 / 2, so every step is a full one)
        CrbLmis probe = s.crb(List.of(new CrbLimit(0, false, crb0 / 2)), false);
        RsmaSurrogate probeSur = new RsmaSurrogate(s.ch(), probe);
        double[][][] c = c0;
        for (int i = 0; i < 25; i++) {
            RsmaSurrogate.Step st = probeSur.solve(c, null, true, RsmaSolver.CRB_MARGIN, () -> false);
            if (st == null) {
                break;
            }
            c = st.c();
        }
        double best = unit.crb(c, r);
        assertTrue(best < 0.9 * crb0, "phase-one steps must lower the CRB: " + best + " vs " + crb0);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, false, best / 0.99)), false);
        List<String> messages = new ArrayList<>();
        SolverRun run = run(100, messages);
        double goal = 1 - 2 * PenaltyBcd.START_MARGIN;
        double fallback = 1 - 2 * RsmaSolver.CRB_MARGIN;
        PhaseOne.Result res = new PhaseOne(new RsmaSurrogate(s.ch(), crb), crb, s.ch(), run, PenaltyBcd.START_MARGIN,
                RsmaSolver.CRB_MARGIN).run(c0);
        List<Double> ratios = new ArrayList<>();
        for (String m : messages) {
            ratios.add(Double.parseDouble(m.substring("phase one: worst CRB / bound = ".length())));
        }
        assertEquals(PhaseOne.Stop.REACHED, res.stop(), messages.toString());
        double previous = crb.ratio(c0);
        for (int i = 0; i < ratios.size(); i++) {
            double ratio = ratios.get(i);
            boolean stops = ratio <= goal || (ratio <= fallback && !(ratio < previous * (1 - 1e-3)));
            assertEquals(i == ratios.size() - 1, stops, "step " + (i + 1) + " of " + ratios);
            previous = ratio;
        }
        double last = ratios.get(ratios.size() - 1);
        assertTrue(last > goal && last <= fallback, "the fallback rule was not what stopped phase one: " + ratios);
        assertTrue(ratios.size() >= 2, "" + ratios);
        assertEquals(last, crb.ratio(res.c()), 0);
    }

    /** Phase one with no solve left ends at once, not reached, with the start untouched. */
    @Test
    void phaseOneWithoutBudgetIsNotReached() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        double[][][] c0 = RsmaReducedModelTest.random(s.ch(), 9, 0.4);
        CrbLimit a = new CrbLimit(0, true, 1);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, true, 0.5 * s.crb(List.of(a), false).crb(c0, a))), false);
        SolverRun run = run(1, new ArrayList<>());
        run.countSolve();
        PhaseOne.Result res = new PhaseOne(new RsmaSurrogate(s.ch(), crb), crb, s.ch(), run, RsmaSolver.CRB_MARGIN,
                RsmaSolver.CRB_MARGIN).run(c0);
        assertEquals(PhaseOne.Stop.NOT_REACHED, res.stop());
        assertEquals(Double.POSITIVE_INFINITY, res.bestRatio(), 0);
        assertEquals(1, run.iterations());
        assertTrue(res.c() == c0);
    }

    /**
     * Algorithm 1 one step at a time from a point 5 % inside a range bound: each step keeps the
     * worst CRB ratio at most 1 - margin (the surrogate's bound; an over-relaxed step keeps 1 - 2
     * margin), keeps the power at most 1 and raises the true min secrecy rate, and the steps end
     * settled within the budget.
     */
    @Test
    void everyAlgorithmOneStepStaysInsideTheTightenedBoundsAndImproves() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        double[][][] c0 = RsmaReducedModelTest.random(s.ch(), 5, 1);
        c0[0] = Columns.scale(c0[0], 3);
        c0 = Columns.scale(c0, Math.sqrt(0.5 / Columns.norm2(c0)));
        CrbLimit r = new CrbLimit(0, false, 1);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, false, 1.05 * s.crb(List.of(r), false).crb(c0, r))), false);
        double margin = RsmaSolver.CRB_MARGIN;
        SolverRun run = run(60, new ArrayList<>());
        Algorithm1 alg = new Algorithm1(new RsmaSurrogate(s.ch(), crb), s.ch(), crb, run);
        double[][][] c = c0;
        double sec = s.ch().rates(c).minSecrecy();
        double worst = 0;
        Algorithm1.Stop stop = null;
        int steps = 0;
        while (steps < 40) {
            Algorithm1.Result res = alg.run(c, null, 1, 0, margin);
            steps++;
            stop = res.stop();
            double ratio = crb.ratio(res.c());
            worst = Math.max(worst, ratio);
            assertTrue(ratio <= 1 - margin, "step " + steps + ": ratio " + ratio);
            assertTrue(Columns.norm2(res.c()) <= 1 + 1e-12, "step " + steps);
            double now = s.ch().rates(res.c()).minSecrecy();
            assertTrue(now >= sec - 1e-9, "step " + steps + ": " + now + " < " + sec);
            sec = now;
            c = res.c();
            if (stop != Algorithm1.Stop.STEPS_TAKEN) {
                break;
            }
        }
        assertEquals(Algorithm1.Stop.SETTLED, stop, "after " + steps + " steps");
        assertTrue(worst > 1 - 0.01, "the range bound never bound (worst ratio " + worst + "): the test proves nothing");
        assertEquals(steps, run.iterations());
    }

    /**
     * The over-relaxation's CRB check at its exact boundary. c1 is one surrogate step from c0
     * without CRB bounds, and the first trial t = c0 + 2 (c1 - c0) has a higher true min secrecy
     * rate than c1. With the range bound set so that t's worst CRB / bound ratio is exactly
     * 1 - 2 margin, t is refused (the check is strict) and c1 itself returned; with the bound one
     * ulp larger (ratio just below), t or a longer trial is returned, at least as good as t.
     */
    @Test
    void theOverRelaxationStopsExactlyAtTwiceTheMargin() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        RsmaChannels ch = s.ch();
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 0.25);
        CrbLmis none = s.crb(List.of(), false);
        double margin = RsmaSolver.CRB_MARGIN;
        RsmaSurrogate.Step st = new RsmaSurrogate(ch, none).solve(c0, null, false, margin, () -> false);
        double[][][] c1 = st.c();
        double[][][] t = Columns.blend(c0, c1, 2);
        double p2 = Columns.norm2(t);
        if (p2 > 1 - 1e-9) {
            t = Columns.scale(t, Math.sqrt((1 - 1e-9) / p2));
        }
        double v1 = ch.rates(c1).minSecrecy();
        double vt = ch.rates(t).minSecrecy();
        assertTrue(vt > v1, "the first trial must improve on c1 for the test to mean anything: " + vt + " vs " + v1);
        CrbLimit r = new CrbLimit(0, false, 1);
        double crbT = s.crb(List.of(r), false).crb(t, r);
        double goal = 1 - 2 * margin;
        // the bound for which crb(t) / bound is exactly the goal (division is correctly rounded)
        double max = crbT / goal;
        for (int k = 0; k < 64 && crbT / max != goal; k++) {
            max = crbT / max > goal ? Math.nextUp(max) : Math.nextDown(max);
        }
        assertEquals(goal, crbT / max, 0, "no bound gives the exact ratio");
        CrbLmis onGoal = s.crb(List.of(new CrbLimit(0, false, max)), false);
        assertEquals(goal, onGoal.ratio(t), 0);
        SolverRun run = run(10, new ArrayList<>());
        double[][][] got = new Algorithm1(new RsmaSurrogate(ch, onGoal), ch, onGoal, run).extrapolate(c0, c1, null, 0,
                margin);
        assertTrue(got == c1, "a trial exactly at 1 - 2 margin must be refused");
        CrbLmis inside = s.crb(List.of(new CrbLimit(0, false, Math.nextUp(max))), false);
        assertTrue(inside.ratio(t) < goal);
        double[][][] longer = new Algorithm1(new RsmaSurrogate(ch, inside), ch, inside, run).extrapolate(c0, c1, null,
                0, margin);
        assertTrue(longer != c1, "a trial just inside 1 - 2 margin must be taken");
        assertTrue(ch.rates(longer).minSecrecy() >= vt, "the over-relaxed step is at least as good as the first trial");
        assertTrue(inside.ratio(longer) < goal);
        assertTrue(Columns.norm2(longer) <= 1);
        // without bounds the same trials are taken
        double[][][] free = new Algorithm1(new RsmaSurrogate(ch, none), ch, none, run).extrapolate(c0, c1, null, 0,
                margin);
        assertTrue(ch.rates(free).minSecrecy() >= ch.rates(longer).minSecrecy());
        assertEquals(0, run.iterations(), "over-relaxation solves no surrogate");
    }

    /**
     * A null step (c1 = c0): every trial c0 + 2^j (c1 - c0) is c0 itself, no better than c1, so
     * c1 is returned as it is (the comparison with c1's objective is strict).
     */
    @Test
    void aTrialNoBetterThanTheStepIsNotTaken() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        double[][][] c0 = RsmaReducedModelTest.random(s.ch(), 5, 0.25);
        assertTrue(s.ch().rates(c0).minSecrecy() > 0, "a zero objective would not test the comparison");
        CrbLmis none = s.crb(List.of(), false);
        double[][][] got = new Algorithm1(new RsmaSurrogate(s.ch(), none), s.ch(), none, run(1, new ArrayList<>()))
                .extrapolate(c0, c0, null, 0, RsmaSolver.CRB_MARGIN);
        assertTrue(got == c0, "a trial equal to the step was taken");
    }

    /** Zero columns give a zero FIM: every CRB is infinite, not a number or zero. */
    @Test
    void zeroColumnsHaveAnInfiniteCrb() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        double[][][] zero = new double[s.ch().streams][2][s.ch().d];
        for (boolean angle : new boolean[] {true, false}) {
            CrbLimit l = new CrbLimit(0, angle, 1);
            assertEquals(Double.POSITIVE_INFINITY, s.crb(List.of(l), false).crb(zero, l), 0);
            assertEquals(Double.POSITIVE_INFINITY, s.crb(List.of(l), true).ratio(zero), 0);
        }
    }
}
