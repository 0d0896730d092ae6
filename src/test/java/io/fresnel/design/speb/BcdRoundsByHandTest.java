package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.ProgressListener;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rounds of Algorithm 1 ({@link SdrBcd}) and Algorithm 2 ({@link SumRateBcd}) against the rules
 * of their Javadoc, read off the progress reports: a new pair is accepted exactly when it improves
 * the objective (SPEB down, sum rate up); the trust region starts at 0.5 rad, doubles (at most pi)
 * after an accepted round and is quartered after a rejected one; the run stops as converged at the
 * first accepted round improving by less than the tolerance (relative) or when the trust region
 * falls below 1e-3 rad, and as iteration-limit after max_iterations rounds. Every intermediate
 * precoder handed out is checked with the metric code: partially connected, within the power,
 * meeting every user's rate (Algorithm 1) or the SPEB bound (Algorithm 2), with the reported objective.
 */
class BcdRoundsByHandTest {
    private static final Pattern ROUND = Pattern.compile("\\((accepted|rejected), trust region ([0-9.eE+-]+) rad\\)");

    private record Report(int iteration, double objective, String message) {
    }

    private static final class Recorder implements ProgressListener {
        final List<Report> reports = new ArrayList<>();
        final List<Integer> feasibleAt = new ArrayList<>();
        final List<Precoder> feasible = new ArrayList<>();
        final AtomicBoolean cancel = new AtomicBoolean();
        int cancelAfter = Integer.MAX_VALUE;

        @Override
        public void onIteration(int iteration, double objective, String message) {
            reports.add(new Report(iteration, objective, message));
            if (iteration >= cancelAfter) {
                cancel.set(true);
            }
        }

        @Override
        public void onFeasible(int iteration, Precoder precoder) {
            feasibleAt.add(iteration);
            feasible.add(precoder);
        }

        DesignContext context() {
            return new DesignContext(cancel::get, this, null);
        }
    }

    /**
     * Checks the reports from round {@code first} on against the trust-region rule; returns whether
     * the last round met the stopping rule.
     */
    private static boolean checkRounds(List<Report> reports, int first, double radius, boolean minimise,
            double tolerance, int maxIterations, DesignStatus status, int iterations) {
        boolean stopped = false;
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            assertEquals(i + 1, r.iteration(), "reports are numbered by round");
            if (r.iteration() < first) {
                continue;
            }
            double before = reports.get(i - 1).objective();
            double now = r.objective();
            Matcher m = ROUND.matcher(r.message());
            assertTrue(m.find(), r.message());
            boolean accepted = minimise ? now < before : now > before;
            assertEquals(accepted ? "accepted" : "rejected", m.group(1), "round " + r.iteration());
            if (!accepted) {
                assertEquals(before, now, 0, "a rejected round keeps the best objective");
            }
            radius = accepted ? Math.min(2 * radius, Math.PI) : radius / 4;
            assertEquals(radius, Double.parseDouble(m.group(2)), 5e-3 * radius, "trust region at round " + r.iteration());
            double change = Math.abs(before - now) / (minimise ? before : now);
            boolean stop = (accepted && change < tolerance) || radius < SdrBcd.MIN_RADIUS;
            assertTrue(!stopped, "a round after the stopping rule held");
            stopped = stop;
        }
        assertEquals(reports.size(), iterations);
        if (stopped) {
            assertEquals(DesignStatus.CONVERGED, status);
        } else {
            assertEquals(maxIterations, iterations, "neither converged nor at the limit");
            assertEquals(DesignStatus.ITERATION_LIMIT, status);
        }
        return stopped;
    }

    @Test
    void algorithmOneAcceptsOnlyLowerSpebsAndFollowsItsTrustRegion() {
        Scenario sc = SpebScenes.scene(16, 4, 2, 6, 21);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        double[] need = SinrRequirements.of(sc.users());
        List<double[][]> digital = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, need, () -> false)
                .columns();
        SdrBcd.Problem problem = new SdrBcd.Problem(ph, ev, 1, need, 4, 4);
        int converged = 0;
        // 1e-6: the accepted rounds of this scene lower the SPEB (about 0.0166 m^2) by 3e-5 to 1e-4 relative, so the
        // relative stopping rule must not stop them (an absolute or SPEB^2-scaled decrease, about 1e-8, would)
        for (double tolerance : new double[] {1e-9, 1e-6, 0.02}) {
            Recorder rec = new Recorder();
            SdrBcd.Result r = SdrBcd.run(problem, digital, 8, tolerance, 1, rec.context());
            assertNotNull(r.best());
            assertTrue(rec.reports.get(0).message().startsWith("initial analog candidate"));
            converged += checkRounds(rec.reports, 2, SdrBcd.INITIAL_RADIUS, true, tolerance, 8, r.status(), r.iterations()) ? 1 : 0;
            assertEquals(r.best().speb(), rec.reports.get(rec.reports.size() - 1).objective(), 0);
            // one precoder per accepted round (and the start), each feasible with the SPEB then reported
            assertEquals(1, rec.feasibleAt.get(0));
            for (int i = 0; i < rec.feasible.size(); i++) {
                int round = rec.feasibleAt.get(i);
                if (i > 0) {
                    assertTrue(rec.reports.get(round - 1).message().contains("(accepted"), "round " + round);
                }
                Precoder p = rec.feasible.get(i);
                SpebChecks.assertPartiallyConnected(p.analog(), 4);
                Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(p));
                assertTrue(m.system().transmitPowerW() <= 1 + 1e-9);
                for (int u = 0; u < 2; u++) {
                    assertTrue(m.users().get(u).rateBpsHz() >= 6 - 1e-8, "round " + round + " user " + u);
                }
                assertEquals(rec.reports.get(round - 1).objective(), m.system().crbPositionSumM2(),
                        1e-9 * m.system().crbPositionSumM2(), "round " + round);
            }
            long accepted = rec.reports.stream().filter(x -> x.message().contains("(accepted")).count();
            assertEquals(accepted + 1, rec.feasible.size());
            assertTrue(accepted >= 1, "the BCD never lowered the SPEB of its start");
        }
        assertTrue(converged >= 1, "no run ended by the stopping rule");
        // cancelled after the first report: the start is kept
        Recorder rec = new Recorder();
        rec.cancelAfter = 1;
        SdrBcd.Result r = SdrBcd.run(problem, digital, 8, 1e-12, 1, rec.context());
        assertEquals(DesignStatus.CANCELLED, r.status());
        assertNotNull(r.best());
        assertEquals(1, r.iterations());
        assertEquals(rec.reports.get(0).objective(), r.best().speb(), 0);
        // cancelled inside round 2 (the loop's own check still passes; the analog step or the SDP sees
        // the flag): the start is kept and round 2 is not reported
        Recorder mid = new Recorder();
        int[] polls = {0};
        SdrBcd.Result inside = SdrBcd.run(problem, digital, 8, 1e-12, 1,
                new DesignContext(() -> !mid.reports.isEmpty() && ++polls[0] > 1, mid, null));
        assertEquals(DesignStatus.CANCELLED, inside.status());
        assertNotNull(inside.best());
        assertEquals(2, inside.iterations());
        assertEquals(1, mid.reports.size());
        assertEquals(mid.reports.get(0).objective(), inside.best().speb(), 0);
        // rates no analog candidate can serve (40 bit/s/Hz each): infeasible, named, nothing reported
        Recorder never = new Recorder();
        double[] huge = SinrRequirements.of(SpebScenes.scene(16, 4, 2, 40, 21).users());
        SdrBcd.Result inf = SdrBcd.run(new SdrBcd.Problem(ph, ev, 1, huge, 4, 4), digital, 8, 1e-9, 1,
                never.context());
        assertEquals(DesignStatus.INFEASIBLE, inf.status());
        assertNull(inf.best());
        assertEquals(0, inf.iterations());
        assertTrue(inf.message().startsWith("no analog candidate lets the digital step meet every user's"
                + " min_rate_bps_hz within transmit_power_w ("), inf.message());
        assertTrue(never.reports.isEmpty() && never.feasible.isEmpty());
        // cancelled at once: nothing
        Recorder none = new Recorder();
        none.cancel.set(true);
        SdrBcd.Result c = SdrBcd.run(problem, digital, 8, 1e-12, 1, none.context());
        assertEquals(DesignStatus.CANCELLED, c.status());
        assertNull(c.best());
        assertTrue(none.reports.isEmpty());
    }

    @Test
    void algorithmTwoAcceptsOnlyHigherSumRatesAndFollowsItsTrustRegion() {
        Scenario sc = SpebScenes.scene(8, 2, 2, 0, 7);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SpebSdrStep.Outcome min = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false);
        double bound = 3 * min.speb();
        SumRateBcd.Problem problem = new SumRateBcd.Problem(ph, ev, 1, bound, 2, 4);
        int converged = 0;
        for (double tolerance : new double[] {1e-12, 0.01}) {
            Recorder rec = new Recorder();
            SumRateBcd.Result r = SumRateBcd.run(problem, min.columns(), 4, tolerance, 1, rec.context());
            assertNotNull(r.best());
            // round 1 is the digital block from the best candidate: it never stops the run, and the
            // trust region, 0.5 rad before it, doubles if it was accepted
            Matcher m = ROUND.matcher(rec.reports.get(0).message());
            assertTrue(m.find());
            double radius = m.group(1).equals("accepted") ? 2 * SdrBcd.INITIAL_RADIUS : SdrBcd.INITIAL_RADIUS;
            assertEquals(radius, Double.parseDouble(m.group(2)), 0);
            converged += checkRounds(rec.reports, 2, radius, false, tolerance, 4, r.status(), r.iterations()) ? 1 : 0;
            assertEquals(r.best().iterate().sumRate(), rec.reports.get(rec.reports.size() - 1).objective(), 0);
            for (int i = 0; i < rec.feasible.size(); i++) {
                int round = rec.feasibleAt.get(i);
                assertTrue(rec.reports.get(round - 1).message().contains("(accepted"), "round " + round);
                Precoder p = rec.feasible.get(i);
                SpebChecks.assertPartiallyConnected(p.analog(), 2);
                Metrics mt = MetricsEvaluator.evaluate(sc.withPrecoder(p));
                assertTrue(mt.system().transmitPowerW() <= 1 + 1e-9);
                assertTrue(mt.system().crbPositionSumM2() <= bound * (1 + 1e-9), "round " + round);
                assertEquals(rec.reports.get(round - 1).objective(), mt.system().sumRateBpsHz(),
                        1e-9 * mt.system().sumRateBpsHz(), "round " + round);
            }
            long accepted = rec.reports.stream().filter(x -> x.message().contains("(accepted")).count();
            assertEquals(accepted, rec.feasible.size());
            assertTrue(accepted >= 2, "the BCD never raised the sum rate after its first round");
            // the result's precoder is the last one handed out
            Precoder last = r.precoder(SumRateDesign.streams(sc, r.best().iterate().columns().size()));
            assertEquals(MetricsEvaluator.evaluate(sc.withPrecoder(last)).system().sumRateBpsHz(),
                    rec.reports.get(rec.reports.size() - 1).objective(), 1e-9 * r.best().iterate().sumRate());
        }
        assertTrue(converged >= 1, "no run ended by the stopping rule");
        Recorder rec = new Recorder();
        rec.cancelAfter = 1;
        SumRateBcd.Result r = SumRateBcd.run(problem, min.columns(), 6, 1e-12, 1, rec.context());
        assertEquals(DesignStatus.CANCELLED, r.status());
        assertNotNull(r.best());
        assertEquals(1, r.iterations());
        Recorder none = new Recorder();
        none.cancel.set(true);
        SumRateBcd.Result c = SumRateBcd.run(problem, min.columns(), 6, 1e-12, 1, none.context());
        assertEquals(DesignStatus.CANCELLED, c.status());
        assertNull(c.best());
        // a bound no analog candidate can meet
        SumRateBcd.Result inf = SumRateBcd.run(new SumRateBcd.Problem(ph, ev, 1, 0.5 * min.speb(), 2, 4),
                min.columns(), 6, 1e-12, 1, DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, inf.status());
        assertNull(inf.best());
        assertEquals(0, inf.iterations());
        assertTrue(inf.message().contains("speb_max_m2 = " + 0.5 * min.speb()), inf.message());
    }

    /**
     * The candidates' proxy is the SPEB of the projected digital optimum rescaled to its power, so
     * their order cannot depend on a common phase or scale of that optimum (j 3 P has the same
     * covariance shape as P): the order for P, j 3 P and -P / 5 is the same.
     */
    /**
     * Algorithm 1's screening scene (16 antennas, 4 RF chains, 2 users, 6 bit/s/Hz, scene seed {@code seed}): the
     * problem, the SPEB-min digital start and the SPEB of every ranked candidate's digital step that is feasible,
     * in ranked order (each computed here, one candidate after the other).
     */
    private record Screened(SdrBcd.Problem problem, List<double[][]> digital, List<Double> feasibleSpebs) {
        static Screened of(long seed) {
            Scenario sc = SpebScenes.scene(16, 4, 2, 6, seed);
            ScenarioPhysics ph = new ScenarioPhysics(sc);
            SpebEvaluator ev = new SpebEvaluator(ph);
            double[] need = SinrRequirements.of(sc.users());
            List<double[][]> digital = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, need,
                    () -> false).columns();
            SdrBcd.Problem problem = new SdrBcd.Problem(ph, ev, 1, need, 4, 4);
            List<Double> spebs = new ArrayList<>();
            for (PartialAnalog a : SdrBcd.ranked(problem, SdrBcd.candidates(ph, 4, 4, digital, 1), digital)) {
                SpebSdrStep.Outcome out = problem.digitalStep(a, DesignContext.none());
                if (out.feasible()) {
                    spebs.add(out.speb());
                }
            }
            return new Screened(problem, digital, spebs);
        }
    }

    @Test
    void algorithmOneStartsFromTheBestOfTheFirstTwoFeasibleRankedCandidates() {
        // the screening rule of SdrBcd's Javadoc: the ranked candidates get the digital step in order
        // until SCREENED = 2 are feasible; the best (lowest SPEB) of those starts the BCD (here the first
        // and second ranked differ by 0.2 %, the third is infeasible, the others are twice as high)
        Screened sc = Screened.of(21);
        assertTrue(sc.feasibleSpebs().size() >= SdrBcd.SCREENED, sc.feasibleSpebs().toString());
        double best = Math.min(sc.feasibleSpebs().get(0), sc.feasibleSpebs().get(1));
        Recorder rec = new Recorder();
        SdrBcd.run(sc.problem(), sc.digital(), 1, 1e-9, 1, rec.context());
        assertEquals(1, rec.reports.size());
        assertEquals(best, rec.reports.get(0).objective(), 1e-12 * best);
    }

    @Test
    void algorithmOneScreensNoFurtherThanTwoFeasibleCandidatesEvenWhenALaterOneIsBetter() {
        // the same screening rule in a scene (seed 36) where the third ranked candidate, also feasible, has a
        // lower SPEB (0.0272 m^2) than the first two (0.0299, 0.0280): the rule stops after two feasible ones,
        // so round 1 reports the better of the first two, not the third
        Screened sc = Screened.of(36);
        List<Double> spebs = sc.feasibleSpebs();
        double firstTwo = Double.POSITIVE_INFINITY;
        double later = Double.POSITIVE_INFINITY;
        for (int i = 0; i < spebs.size(); i++) {
            if (i < SdrBcd.SCREENED) {
                firstTwo = Math.min(firstTwo, spebs.get(i));
            } else {
                later = Math.min(later, spebs.get(i));
            }
        }
        assertTrue(later < firstTwo, "a later feasible candidate is better here: " + later + " vs " + firstTwo);
        Recorder rec = new Recorder();
        SdrBcd.run(sc.problem(), sc.digital(), 1, 1e-9, 1, rec.context());
        assertEquals(1, rec.reports.size());
        assertEquals(firstTwo, rec.reports.get(0).objective(), 1e-12 * firstTwo);
    }

    @Test
    void algorithmTwoNeedsACandidateWhoseSpebMinimumMeetsTheBoundWithItsMargin() {
        // Algorithm 2 starts only from candidates whose SPEB-min digital step in span(F_A) meets Gamma_s with a
        // relative margin of 1e-6 (SPEB <= Gamma_s (1 - 1e-6)). The test solves each candidate's SPEB-min step
        // itself: a bound 5e-7 above the smallest of them leaves no candidate (INFEASIBLE), 5e-6 above it one
        Scenario sc = SpebScenes.scene(8, 2, 2, 0, 7);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        List<double[][]> digital = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false).columns();
        double smallest = Double.POSITIVE_INFINITY;
        for (PartialAnalog a : SdrBcd.candidates(ph, 2, 4, digital, 1)) {
            SpebSdrStep.Outcome min = SpebSdrStep.solve(SdrModel.inSpanOf(ph, a.columns()), ev, 1, new double[2],
                    () -> false);
            if (min.columns() != null) {
                smallest = Math.min(smallest, min.speb());
            }
        }
        assertTrue(Double.isFinite(smallest));
        SumRateBcd.Result none = SumRateBcd.run(new SumRateBcd.Problem(ph, ev, 1, smallest * (1 + 5e-7), 2, 4),
                digital, 1, 1e-9, 1, DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, none.status(), none.message());
        SumRateBcd.Result one = SumRateBcd.run(new SumRateBcd.Problem(ph, ev, 1, smallest * (1 + 5e-6), 2, 4),
                digital, 1, 1e-9, 1, DesignContext.none());
        assertNotNull(one.best(), one.message());
    }

    @Test
    void algorithmTwoNeverStopsAtItsFirstRound() {
        // round 1 only continues the digital block of the best candidate; the stopping rule applies
        // from round 2 on (after an analog step), so even a tolerance of 0.5 cannot end the run at round 1
        Scenario sc = SpebScenes.scene(8, 2, 2, 0, 7);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SpebSdrStep.Outcome min = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false);
        SumRateBcd.Problem problem = new SumRateBcd.Problem(ph, ev, 1, 3 * min.speb(), 2, 4);
        Recorder rec = new Recorder();
        SumRateBcd.Result r = SumRateBcd.run(problem, min.columns(), 2, 0.5, 1, rec.context());
        assertTrue(rec.reports.get(0).message().contains("(accepted"), "round 1 must rise for this check to bite: "
                + rec.reports.get(0).message());
        assertTrue(r.iterations() >= 2, "stopped at round " + r.iterations());
    }

    /**
     * Round 1 of Algorithm 2 only continues the best candidate's digital block (no analog step), so a
     * rejected round 1 leaves the trust region at its initial 0.5 rad: the quartering applies to the rounds
     * with an analog step (from round 2 on), which then follow the trust-region rule. Scene seed 2 (8 antennas,
     * 2 chains, bound 3 x the SPEB minimum) is one whose round 1 is rejected (the candidate's digital block
     * cannot raise the sum rate further; found by running seeds 1-3 at bounds 1.3, 3 and none).
     */
    @Test
    void aRejectedFirstRoundOfAlgorithmTwoKeepsTheInitialTrustRegion() {
        Scenario sc = SpebScenes.scene(8, 2, 2, 0, 2);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SpebSdrStep.Outcome min = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false);
        SumRateBcd.Problem problem = new SumRateBcd.Problem(ph, ev, 1, 3 * min.speb(), 2, 4);
        Recorder rec = new Recorder();
        SumRateBcd.Result r = SumRateBcd.run(problem, min.columns(), 3, 1e-12, 1, rec.context());
        Matcher m = ROUND.matcher(rec.reports.get(0).message());
        assertTrue(m.find(), rec.reports.get(0).message());
        assertEquals("rejected", m.group(1), "the scene no longer rejects its round 1");
        assertEquals(SdrBcd.INITIAL_RADIUS, Double.parseDouble(m.group(2)), 0);
        assertTrue(rec.feasible.isEmpty() || rec.feasibleAt.get(0) > 1, "a rejected round hands out no precoder");
        checkRounds(rec.reports, 2, SdrBcd.INITIAL_RADIUS, false, 1e-12, 3, r.status(), r.iterations());
    }

    /**
     * A rejected round after round 1 quarters the trust region: with the bound 1.1 x the SPEB minimum, scene seed
     * 2 (8 antennas, 2 chains) accepts rounds 1-4 (0.5 rad doubled to 1, 2, then pi) and rejects round 5 (the phase
     * ascent plus the digital block no longer raise the sum rate), whose report must give pi / 4 rad
     * (found by running seeds 2, 4, 5, 6, 8, 9 at bounds 1.1 and 1.5 x the minimum, 5 rounds each).
     */
    @Test
    void aRejectedLaterRoundOfAlgorithmTwoQuartersTheTrustRegion() {
        Scenario sc = SpebScenes.scene(8, 2, 2, 0, 2);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SpebSdrStep.Outcome min = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false);
        SumRateBcd.Problem problem = new SumRateBcd.Problem(ph, ev, 1, 1.1 * min.speb(), 2, 4);
        Recorder rec = new Recorder();
        SumRateBcd.Result r = SumRateBcd.run(problem, min.columns(), 5, 1e-12, 1, rec.context());
        Matcher m = ROUND.matcher(rec.reports.get(0).message());
        assertTrue(m.find(), rec.reports.get(0).message());
        double radius = m.group(1).equals("accepted") ? 2 * SdrBcd.INITIAL_RADIUS : SdrBcd.INITIAL_RADIUS;
        assertEquals(radius, Double.parseDouble(m.group(2)), 0);
        checkRounds(rec.reports, 2, radius, false, 1e-12, 5, r.status(), r.iterations());
        assertTrue(rec.reports.stream().skip(1).anyMatch(x -> x.message().contains("(rejected")),
                "the scene no longer rejects a round after round 1");
    }

    /**
     * A rejected round of Algorithm 1 quarters the trust region: scene seed 6 (8 antennas, 2 chains, 2 bit/s/Hz
     * per user) rejects its first round after the initial candidate (0.5 rad -> 0.125 rad) and accepts the next
     * ones (found by running seeds 1-6 at 2 and 4 bit/s/Hz, 7 rounds each: the only rejected round among them);
     * {@code checkRounds} checks each round against the rule.
     */
    @Test
    void aRejectedRoundOfAlgorithmOneQuartersTheTrustRegion() {
        Scenario sc = SpebScenes.scene(8, 2, 2, 2, 6);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        double[] need = SinrRequirements.of(sc.users());
        List<double[][]> digital = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, need, () -> false)
                .columns();
        SdrBcd.Problem problem = new SdrBcd.Problem(ph, ev, 1, need, 2, 4);
        Recorder rec = new Recorder();
        SdrBcd.Result r = SdrBcd.run(problem, digital, 3, 1e-12, 1, rec.context());
        checkRounds(rec.reports, 2, SdrBcd.INITIAL_RADIUS, true, 1e-12, 3, r.status(), r.iterations());
        assertTrue(rec.reports.get(1).message().contains("(rejected"), "the scene no longer rejects its first round: "
                + rec.reports.get(1).message());
    }

    @Test
    void algorithmTwoAcceptsNoStepOutsideThePowerBudget() {
        // docs/mutation/design-speb.md: communication only (no SPEB bound), scene seed 2 (8 antennas, 2 chains of
        // 4, 2 users whose channels are nearly parallel in span(F_A)), the 5 columns of the SPEB-min SDR step as
        // the matched candidate's input: round 3's digital block met SCA steps the cone solver called optimal
        // although their points were 1.9e5 and 2.3e25 times over the power (sum rate 29 and 83 bit/s/Hz), and
        // took them as sum-rate rises. Every precoder handed out must be within the power as the metric code
        // judges it, with the sum rate reported, and the reported sum rates never fall
        Scenario sc = SpebScenes.scene(8, 2, 2, 0, 2);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SpebSdrStep.Outcome min = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false);
        // more columns than the 2 of the communication-only design (5 when found; 6-7 after the solver's
        // rounding-level changes of 2026-12-03: the reproduction does not depend on the number, checked by removing
        // the power check, which makes this test throw as described)
        assertTrue(min.columns().size() > 2, "columns " + min.columns().size());
        SumRateBcd.Problem problem = new SumRateBcd.Problem(ph, ev, 1, Double.POSITIVE_INFINITY, 2, 4);
        Recorder rec = new Recorder();
        SumRateBcd.Result r = SumRateBcd.run(problem, min.columns(), 4, 1e-12, 1, rec.context());
        assertNotNull(r.best());
        assertTrue(rec.reports.size() >= 3, "the run stopped before round 3: " + rec.reports.size());
        for (int i = 1; i < rec.reports.size(); i++) {
            assertTrue(rec.reports.get(i).objective() >= rec.reports.get(i - 1).objective(), "round " + (i + 1));
        }
        assertTrue(!rec.feasible.isEmpty());
        for (int i = 0; i < rec.feasible.size(); i++) {
            int round = rec.feasibleAt.get(i);
            Metrics mt = MetricsEvaluator.evaluate(sc.withPrecoder(rec.feasible.get(i)));
            assertTrue(mt.system().transmitPowerW() <= 1 + 1e-6, "round " + round + ": power "
                    + mt.system().transmitPowerW() + " W");
            assertEquals(rec.reports.get(round - 1).objective(), mt.system().sumRateBpsHz(),
                    1e-9 * mt.system().sumRateBpsHz(), "round " + round);
        }
        Precoder last = r.precoder(SumRateDesign.streams(sc, r.best().iterate().columns().size()));
        assertTrue(MetricsEvaluator.evaluate(sc.withPrecoder(last)).system().transmitPowerW() <= 1 + 1e-6);
    }

    @Test
    void algorithmTwosFirstRoundKeepsTheBestCandidatesAnalogPrecoder() {
        // round 1 continues the digital block of the best candidate only: after one round the analog phases are
        // exactly those of one of the candidates (the analog block, RateAscent, runs from round 2 on), while the
        // round itself raised the sum rate (so its pair was taken)
        Scenario sc = SpebScenes.scene(8, 2, 2, 0, 7);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SpebSdrStep.Outcome min = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false);
        SumRateBcd.Problem problem = new SumRateBcd.Problem(ph, ev, 1, 3 * min.speb(), 2, 4);
        Recorder rec = new Recorder();
        SumRateBcd.Result r = SumRateBcd.run(problem, min.columns(), 1, 1e-12, 1, rec.context());
        assertEquals(1, rec.reports.size());
        assertTrue(rec.reports.get(0).message().contains("(accepted"), rec.reports.get(0).message());
        double[] phases = r.best().analog().phases();
        boolean found = false;
        for (PartialAnalog a : SdrBcd.candidates(ph, 2, 4, min.columns(), 1)) {
            found |= java.util.Arrays.equals(a.phases(), phases);
        }
        assertTrue(found, "the analog precoder after round 1 is not one of the candidates");
    }

    @Test
    void theCandidatesAreRankedByTheSpebOfTheProjectionRescaledToTheDigitalOptimumsPower() {
        // SdrBcd.ranked's Javadoc: the proxy is the SPEB of F_A F_A^H P / M rescaled to the power of P. The test
        // rescales each projection's columns by sqrt(||P||^2 / ||projection||^2) itself and evaluates the SPEB of
        // that precoder: the ranked list must be in nondecreasing order of it (ties only between equal values)
        // (seed 5 at 4 bit/s/Hz: the matched candidates' proxies differ by only 6e-5 relative, so a proxy that
        // weighs the projections' powers differently swaps them)
        for (int[] scene : new int[][] {{21, 6}, {3, 6}, {5, 4}}) {
            int seed = scene[0];
            Scenario sc = SpebScenes.scene(16, 4, 2, scene[1], seed);
            ScenarioPhysics ph = new ScenarioPhysics(sc);
            SpebEvaluator ev = new SpebEvaluator(ph);
            double[] need = SinrRequirements.of(sc.users());
            List<double[][]> digital = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, need,
                    () -> false).columns();
            double power = 0;
            for (double[][] c : digital) {
                for (int k = 0; k < c[0].length; k++) {
                    power += c[0][k] * c[0][k] + c[1][k] * c[1][k];
                }
            }
            SdrBcd.Problem problem = new SdrBcd.Problem(ph, ev, 1, need, 4, 4);
            List<PartialAnalog> candidates = SdrBcd.candidates(ph, 4, 4, digital, 1);
            List<Double> proxies = new ArrayList<>();
            for (PartialAnalog a : SdrBcd.ranked(problem, candidates, digital)) {
                List<double[][]> projected = PartialAnalog.apply(a.phases(), a.weights(digital));
                double after = 0;
                for (double[][] c : projected) {
                    for (int k = 0; k < c[0].length; k++) {
                        after += c[0][k] * c[0][k] + c[1][k] * c[1][k];
                    }
                }
                double f = Math.sqrt(power / after);
                List<double[][]> rescaled = new ArrayList<>();
                for (double[][] c : projected) {
                    double[][] r = new double[2][c[0].length];
                    for (int k = 0; k < c[0].length; k++) {
                        r[0][k] = f * c[0][k];
                        r[1][k] = f * c[1][k];
                    }
                    rescaled.add(r);
                }
                proxies.add(ev.speb(rescaled));
            }
            assertEquals(candidates.size(), proxies.size());
            for (int i = 1; i < proxies.size(); i++) {
                assertTrue(proxies.get(i) >= proxies.get(i - 1) * (1 - 1e-9), "seed " + seed + ", place " + i + ": "
                        + proxies);
            }
            assertTrue(proxies.get(proxies.size() - 1) > 1.01 * proxies.get(0), "the candidates differ: " + proxies);
        }
    }

    @Test
    void withoutTargetsTheOnTargetCandidateFocusesOnTheUsersInTurn() {
        // a communication-only design may run without targets (ERRATA 003 item 5's candidates then serve the
        // users): the fourth-chain-cycling rule gives chains 1..4 the users u1, u2, u1, u2, each chain's subarray
        // taking the conjugate phases of its user's focus vector, for the two-stage and the on-target candidate
        Scenario bare = io.fresnel.model.ScenarioEdits.withSensing(
                io.fresnel.model.ScenarioEdits.remove(SpebScenes.scene(16, 4, 2, 0, 7), "t1"), null);
        assertTrue(bare.targets().isEmpty());
        ScenarioPhysics ph = new ScenarioPhysics(bare);
        List<PartialAnalog> c = SdrBcd.candidates(ph, 4, 4, null, 1);
        assertEquals(4, c.size(), "zero phases, two-stage, on the targets (here the users), random");
        double[] expected = new double[16];
        for (int r = 0; r < 4; r++) {
            double[][] x = io.fresnel.design.common.FocusDirections.user(ph, bare.users().get(r % 2));
            for (int k = 4 * r; k < 4 * r + 4; k++) {
                expected[k] = -Math.atan2(x[1][k], x[0][k]);
            }
        }
        for (int i : new int[] {1, 2}) {
            double[] phases = c.get(i).phases();
            for (int k = 0; k < 16; k++) {
                assertEquals(expected[k], phases[k], 1e-12, "candidate " + i + ", antenna " + k);
            }
        }
    }

    @Test
    void theCandidateOrderIgnoresACommonPhaseAndScaleOfTheDigitalOptimum() {
        Scenario sc = SpebScenes.scene(16, 4, 2, 0, 3);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        List<double[][]> digital = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1, new double[2],
                () -> false).columns();
        List<PartialAnalog> candidates = SdrBcd.candidates(ph, 4, 4, digital, 5);
        SdrBcd.Problem problem = new SdrBcd.Problem(ph, ev, 1, new double[2], 4, 4);
        List<PartialAnalog> order = SdrBcd.ranked(problem, candidates, digital);
        for (double[] f : new double[][] {{0, 1}, {3, 0}, {-0.2, 0}}) {
            List<double[][]> other = new ArrayList<>();
            for (double[][] c : digital) {
                double[] re = new double[c[0].length];
                double[] im = new double[c[0].length];
                for (int k = 0; k < re.length; k++) {
                    re[k] = f[0] * c[0][k] - f[1] * c[1][k];
                    im[k] = f[0] * c[1][k] + f[1] * c[0][k];
                }
                other.add(new double[][] {re, im});
            }
            List<PartialAnalog> again = SdrBcd.ranked(problem, candidates, other);
            for (int i = 0; i < order.size(); i++) {
                // a swap is allowed only between candidates of the same span (an exact tie up to rounding)
                assertTrue(sameSpan(order.get(i), again.get(i)), "factor " + f[0] + " + j " + f[1] + ", place " + i);
            }
        }
    }

    /** Whether two partially connected F_A differ only by one phase per subarray (the same span). */
    private static boolean sameSpan(PartialAnalog a, PartialAnalog b) {
        for (int k = 0; k < a.antennas(); k++) {
            int first = k / a.block() * a.block();
            double da = a.phases()[k] - a.phases()[first];
            double db = b.phases()[k] - b.phases()[first];
            if (Math.abs(Math.IEEEremainder(da - db, 2 * Math.PI)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    /**
     * The two-stage candidate with more chains than users and targets: chains 0..U-1 on the users,
     * then the target, then the users again cyclically from the first (8 chains, 3 users, 1 target:
     * u1 u2 u3 t u1 u2 u3 u1), each subarray co-phased with its node's vector.
     */
    @Test
    void theTwoStageCandidateCyclesThroughTheUsersAfterTheTargets() {
        Scenario sc = SpebScenes.scene(16, 8, 3, 0, 3);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        PartialAnalog two = SdrBcd.candidates(ph, 8, 2, null, 5).get(1);
        int[] node = {0, 1, 2, -1, 0, 1, 2, 0};
        for (int r = 0; r < 8; r++) {
            double[][] x = node[r] < 0 ? io.fresnel.design.common.FocusDirections.point(ph.transmit(),
                    sc.targets().get(0).positionM()) : io.fresnel.design.common.FocusDirections.user(ph,
                    sc.users().get(node[r]));
            for (int k = 2 * r; k < 2 * r + 2; k++) {
                double fr = Math.cos(two.phases()[k]);
                double fi = Math.sin(two.phases()[k]);
                double mod = Math.hypot(x[0][k], x[1][k]);
                assertEquals(mod, fr * x[0][k] - fi * x[1][k], 1e-9 * mod, "chain " + r + " antenna " + k);
            }
        }
    }
}
