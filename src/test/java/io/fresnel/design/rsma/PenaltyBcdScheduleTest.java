package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignStatus;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Algorithm 2 of paper 000 (penalty BCD) run on its own on the small set-up (N = 32, L = 4 RF
 * chains, K = 2 users and a common stream, P_th = 0.1 W): the penalty schedule's start
 * rho_0 = penalty_initial / P_th (two reductions alpha^2 on for a warm start), the reason a run
 * gives when it stops, and what a converged run promises: F_A F_D meets the CRB bounds, the
 * message's worst CRB / bound is that of the returned F_A F_D, and the surrogates' CRB margin has
 * shrunk with ||P - F_A F_D|| (so P ends closer to the bound than the start margin of 2 %).
 * Expected values come from the options and the CRBs of the returned precoder (CrbLmis, checked
 * against the metric code in RsmaReducedModelTest).
 */
class PenaltyBcdScheduleTest {
    private static final Pattern RHO = Pattern.compile("rho = (\\S+), .*");
    private static final Pattern CONVERGED = Pattern.compile(".*final \\|\\|P - F_A F_D\\|\\|\\^2 / P = (\\S+),"
            + " worst CRB / bound (\\S+) \\(P: (\\S+)\\)");

    private record Ran(RsmaOutcome out, List<String> messages, SolverRun run) {
    }

    private static Ran run(RsmaReducedModelTest.Setup s, CrbLmis crb, RsmaOptions options, double[][][] c0,
            HybridFactorisation warm, int rf) {
        List<String> messages = new ArrayList<>();
        SolverRun run = new SolverRun(new DesignContext(() -> false, (i, o, m) -> messages.add(m), null),
                options.maxIterations(), null);
        Algorithm1 alg1 = new Algorithm1(new RsmaSurrogate(s.ch(), crb), s.ch(), crb, run);
        RsmaOutcome out = new PenaltyBcd(s.ch(), crb, alg1, options, run, rf).run(c0, warm);
        return new Ran(out, messages, run);
    }

    /** @return the full (N-element) columns of span columns c */
    private static double[][][] full(RsmaChannels ch, double[][][] c) {
        double[][][] p = new double[c.length][][];
        for (int q = 0; q < c.length; q++) {
            p[q] = ch.model.expand(c[q]);
        }
        return p;
    }

    /** @return the span coordinates of a hybrid outcome's F_A F_D at unit (normalised) power */
    private static double[][][] productColumns(RsmaChannels ch, RsmaOutcome o, Scenario sc) {
        Precoder p = o.toPrecoder(RsmaReducedModelTest.streams(sc, true), sc.users());
        var eff = p.effective();
        double f = 1 / Math.sqrt(ch.pmax);
        double[][][] cols = new double[eff.cols()][2][eff.rows()];
        for (int q = 0; q < eff.cols(); q++) {
            for (int a = 0; a < eff.rows(); a++) {
                cols[q][0][a] = eff.re(a, q) * f;
                cols[q][1][a] = eff.im(a, q) * f;
            }
        }
        return ch.reduce(cols);
    }

    /**
     * The first surrogate of a cold run is solved at rho_0 = penalty_initial / P_th
     * (3 / 0.1 W = 30), that of a warm-started run two reductions on, alpha^2 rho_0 (0.3^2 x 30 =
     * 2.7); with one solve allowed the run stops with "max_iterations reached".
     */
    @Test
    void theScheduleStartsAtPenaltyInitialOverThePowerBudget() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        RsmaChannels ch = s.ch();
        assertEquals(0.1, ch.pmax, 0);
        CrbLmis none = s.crb(List.of(), false);
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 1);
        RsmaOptions options = RsmaOptions.DEFAULTS.withMaxIterations(1).withPenaltyInitial(3).withPenaltyFactor(0.3);
        for (boolean warm : new boolean[] {false, true}) {
            HybridFactorisation fw = warm ? HybridFactorisation.fromPhases(full(ch, c0), 4, new Random(2)) : null;
            Ran r = run(s, none, options, c0, fw, 4);
            String what = warm ? "warm" : "cold";
            assertEquals(1, r.messages().size(), what + ": " + r.messages());
            Matcher m = RHO.matcher(r.messages().get(0));
            assertTrue(m.matches(), r.messages().get(0));
            double rho0 = 3 / 0.1;
            assertEquals(String.format("%.6g", warm ? 0.3 * 0.3 * rho0 : rho0), m.group(1), what);
            assertEquals(DesignStatus.ITERATION_LIMIT, r.out().status(), what);
            assertEquals("max_iterations reached", r.out().message(), what);
            assertEquals(1, r.out().iterations(), what);
        }
    }

    /**
     * A start outside the CRB bounds (which Algorithm 1 needs inside) makes the first surrogate
     * unsolvable: the run stops after that one solve and says so, not "max_iterations reached" nor
     * "the penalty schedule ended".
     */
    @Test
    void aSurrogateFailureIsTheReasonGiven() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        RsmaChannels ch = s.ch();
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 1);
        CrbLimit r = new CrbLimit(0, false, 1);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, false, 0.5 * s.crb(List.of(r), false).crb(c0, r))), false);
        Ran ran = run(s, crb, RsmaOptions.DEFAULTS.withMaxIterations(50), c0, null, 4);
        assertEquals(1, ran.run().iterations());
        assertEquals(DesignStatus.ITERATION_LIMIT, ran.out().status());
        assertEquals("stopped early: a surrogate could not be solved", ran.out().message());
    }

    /**
     * A converged run (penalty tolerance 1e-6) under a range bound that binds: the returned F_A F_D
     * meets the bound, the message's worst CRB / bound is the returned F_A F_D's (to the 6
     * decimals printed) and its gap is below the tolerance; P itself ends within 1 % of the bound,
     * closer than the 2 % start margin, because the margin shrank with ||P - F_A F_D|| (to at most
     * sqrt(1e-6) = 1e-3 at the end). The bound binds: the start is at 1/1.05 of it, and the
     * unconstrained run (no bounds) ends far above it.
     */
    @Test
    void aConvergedRunMeetsTheBoundAndReportsItsRatio() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        RsmaChannels ch = s.ch();
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 1);
        CrbLimit probe = new CrbLimit(0, false, 1);
        CrbLmis probeCrb = s.crb(List.of(probe), false);
        double bound = 1.05 * probeCrb.crb(c0, probe);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, false, bound)), false);
        RsmaOptions options = RsmaOptions.DEFAULTS.withMaxIterations(400).withPenaltyTolerance(1e-6);
        Ran ran = run(s, crb, options, c0, null, 4);
        RsmaOutcome o = ran.out();
        assertEquals(DesignStatus.CONVERGED, o.status(), o.message());
        double ratio = crb.ratio(productColumns(ch, o, sc));
        assertTrue(ratio <= 1, "the converged F_A F_D misses the bound: " + ratio);
        Matcher m = CONVERGED.matcher(o.message());
        assertTrue(m.matches(), o.message());
        assertTrue(Double.parseDouble(m.group(1)) < 1e-6, o.message());
        assertEquals(String.format("%.6f", ratio), m.group(2), o.message());
        double pRatio = Double.parseDouble(m.group(3));
        assertTrue(pRatio > 0.99 && pRatio <= 1, "P's worst CRB / bound " + pRatio + ": the margin did not shrink");
        // once Algorithm 1 has converged a rho costs one surrogate solve (the first BCD round at the
        // new rho is compared with the previous round's penalised objective re-weighted, and settles)
        java.util.Map<String, Integer> solvesPerRho = new java.util.LinkedHashMap<>();
        for (String msg : ran.messages()) {
            Matcher rm = RHO.matcher(msg);
            assertTrue(rm.matches(), msg);
            solvesPerRho.merge(rm.group(1), 1, Integer::sum);
        }
        assertEquals(ran.messages().size(), o.iterations());
        long single = solvesPerRho.values().stream().filter(n -> n == 1).count();
        assertTrue(single >= 3, "rho values with one solve: " + single + " of " + solvesPerRho);
        // without bounds the same run ends far outside this one (so the bound binds)
        Ran free = run(s, s.crb(List.of(), false), options, c0, null, 4);
        assertEquals(DesignStatus.CONVERGED, free.out().status(), free.out().message());
        assertTrue(!free.out().message().contains("worst CRB"), "no bounds, no CRB in the message: "
                + free.out().message());
        assertTrue(crb.ratio(productColumns(ch, free.out(), sc)) > 1.02, "the bound does not bind");
    }

    /**
     * With two RF chains for three streams F_A F_D cannot follow P exactly; with a loose penalty
     * tolerance (0.5) the gap meets it early, while F_A F_D may still miss the bound that P meets
     * with its margin. Whatever the path, a run that reports CONVERGED has an F_A F_D meeting the
     * bound (the run checks it and tightens the tolerance when it does not), and every outcome with
     * a precoder meets it or says that it fell back.
     */
    @Test
    void convergedMeansTheProductMeetsTheBoundsEvenWithALooseTolerance() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        RsmaChannels ch = s.ch();
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 1);
        CrbLimit probe = new CrbLimit(0, false, 1);
        double bound = 1.05 * s.crb(List.of(probe), false).crb(c0, probe);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, false, bound)), false);
        for (int rf : new int[] {2, 3}) {
            Ran ran = run(s, crb, RsmaOptions.DEFAULTS.withMaxIterations(60).withPenaltyTolerance(0.5), c0, null, rf);
            RsmaOutcome o = ran.out();
            double ratio = crb.ratio(productColumns(ch, o, sc));
            if (o.status() == DesignStatus.CONVERGED) {
                assertTrue(ratio <= 1, "rf " + rf + ": converged with F_A F_D at " + ratio + " of the bound");
            } else {
                assertTrue(ratio <= 1 || o.message().contains("last iterate"), "rf " + rf + ": " + o.message());
                // a miss at the tolerance tightens it (at most three times) instead of ending the
                // schedule: these runs use their whole budget
                assertTrue(o.message().startsWith("max_iterations reached"), "rf " + rf + ": " + o.message());
                assertEquals(60, o.iterations(), "rf " + rf);
            }
        }
    }

    /**
     * PenaltyBcd's Javadoc: the tolerance is tightened at most three times (by 100) when F_A F_D
     * still misses a CRB bound. With a penalty tolerance of 1e8 every gap ||P - F_A F_D||^2 / P_th
     * (at most (1 + 1)^2 = 4 for unit-power P and F_A F_D) meets it even after three tightenings
     * (1e8 / 100^3 = 100), and with a binding range bound (1.05 x the CRB of the start) and 2 or 3 RF
     * chains F_A F_D misses it at each settled rho: the schedule tightens three times and ends at the
     * fourth miss, i.e. after exactly four rhos, rho_0 alpha^k for k = 0..3 (rho_0 = 100 / 0.1 W,
     * alpha = 0.5), with "the penalty schedule ended before ||P - F_A F_D||^2 met its tolerance".
     */
    @Test
    void theToleranceIsTightenedAtMostThreeTimes() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        RsmaChannels ch = s.ch();
        double[][][] c0 = RsmaReducedModelTest.random(ch, 5, 1);
        CrbLimit probe = new CrbLimit(0, false, 1);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, false, 1.05 * s.crb(List.of(probe), false).crb(c0, probe))), false);
        double rho0 = RsmaOptions.DEFAULT_PENALTY_INITIAL / 0.1;
        double alpha = RsmaOptions.DEFAULT_PENALTY_FACTOR;
        for (int rf : new int[] {2, 3}) {
            Ran ran = run(s, crb, RsmaOptions.DEFAULTS.withMaxIterations(200).withPenaltyTolerance(1e8), c0, null, rf);
            List<Double> rhos = new ArrayList<>();
            for (String m : ran.messages()) {
                Matcher mm = RHO.matcher(m);
                if (mm.matches()) {
                    double rho = Double.parseDouble(mm.group(1));
                    if (rhos.isEmpty() || rhos.get(rhos.size() - 1) != rho) {
                        rhos.add(rho);
                    }
                }
            }
            assertEquals(4, rhos.size(), "rf " + rf + ": " + rhos);
            for (int k = 0; k < 4; k++) {
                assertEquals(rho0 * Math.pow(alpha, k), rhos.get(k), 1e-5 * rho0 * Math.pow(alpha, k), "rf " + rf);
            }
            assertEquals(DesignStatus.ITERATION_LIMIT, ran.out().status(), "rf " + rf);
            assertTrue(ran.out().message().startsWith("the penalty schedule ended before ||P - F_A F_D||^2 met its"
                    + " tolerance"), "rf " + rf + ": " + ran.out().message());
        }
    }
}
