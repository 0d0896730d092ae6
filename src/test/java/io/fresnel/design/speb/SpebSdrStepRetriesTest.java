package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.design.sdr.CrbMinProgram;
import io.fresnel.design.sdr.SdrPrecoder;
import io.fresnel.design.sdr.SdrSolution;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The margin rule of {@link SpebSdrStep} as its Javadoc states it: every requirement raised by
 * {@link SpebSdrStep#INITIAL_MARGIN} in the first SDP; when the rebuilt precoder misses one by a
 * relative shortfall s in (1e-9, 1e-3], the SDP again with the margin raised by 10 s, at most
 * twice; a raised margin that makes the SDP infeasible keeps the previous precoder. The SDPs are
 * paper 004's CRB-min program (the SPEB for one 2-D target) built by the test with requirements
 * deliberately lowered by 1e-4, so that the shortfall is known: the test computes it itself from
 * the same SDP with the metric code's SINRs. Also the shortfall by hand and {@code feasible()}.
 */
class SpebSdrStepRetriesTest {
    /** Two users at 11 bit/s/Hz each: both requirements active at the SPEB optimum. */
    private static final Scenario SC = SpebScenes.scene(16, 0, 2, 11, 21);
    private static final double LOWER = 1e-4;

    private static double[] lowered(double[] required) {
        double[] low = required.clone();
        for (int u = 0; u < low.length; u++) {
            low[u] *= 1 - LOWER;
        }
        return low;
    }

    /** The metric code's SINR of every user for the given columns (users first). */
    private static double[] metricSinrs(List<double[][]> columns) {
        Precoder p = new Precoder(SumRateDesign.streams(SC, columns.size()), ZMatrices.ofColumns(columns), null, null,
                null);
        Metrics m = MetricsEvaluator.evaluate(SC.withPrecoder(p));
        double[] s = new double[SC.users().size()];
        for (int u = 0; u < s.length; u++) {
            s[u] = m.users().get(u).sinr();
        }
        return s;
    }

    /** The largest relative shortfall 1 - sinr/Gamma of the rank-one precoder of the lowered SDP, by the metric code. */
    private static double shortfallOfLoweredSdp(SdrModel model, double[] required) {
        SdrSolution sol = new CrbMinProgram(model, SC.transmitPowerW(), lowered(required)).solve(() -> false);
        Precoder p = SdrPrecoder.build(model, sol.x(), sol.w(), SC.transmitPowerW());
        double[] sinr = metricSinrs(SpebSdrStep.columns(p.effective()));
        double worst = 0;
        for (int u = 0; u < required.length; u++) {
            worst = Math.max(worst, 1 - sinr[u] / required[u]);
        }
        return worst;
    }

    @Test
    void aShortfallRaisesTheMarginByTenTimesItAndTheSecondSolveMeetsTheRequirements() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SdrModel model = SdrModel.of(ph, SdrModel.Span.CRB);
        double[] required = SinrRequirements.of(SC.users());
        double s1 = shortfallOfLoweredSdp(model, required);
        assertTrue(s1 > 1e-6 && s1 <= 1e-3, "the lowered SDP must miss by a retried amount: " + s1);
        List<double[]> targets = new ArrayList<>();
        SpebSdrStep.Outcome out = SpebSdrStep.solve(model, ev, SC.transmitPowerW(), required, t -> {
            targets.add(t.clone());
            return new CrbMinProgram(model, SC.transmitPowerW(), targets.size() == 1 ? lowered(required) : t);
        }, () -> false);
        assertEquals(2, targets.size(), "one retry");
        for (int u = 0; u < required.length; u++) {
            assertEquals(required[u] * (1 + SpebSdrStep.INITIAL_MARGIN), targets.get(0)[u], 1e-12 * required[u]);
            assertEquals(required[u] * (1 + SpebSdrStep.INITIAL_MARGIN + 10 * s1), targets.get(1)[u],
                    1e-6 * s1 * required[u], "second target of user " + u);
        }
        assertEquals(DesignStatus.OPTIMAL, out.status(), out.note());
        assertTrue(out.feasible());
        double[] sinr = metricSinrs(out.columns());
        for (int u = 0; u < required.length; u++) {
            assertTrue(sinr[u] >= required[u] * (1 - 1e-9), "user " + u + ": " + sinr[u] + " < " + required[u]);
        }
        assertEquals(0, out.shortfall(), 0.0);
    }

    @Test
    void aPersistentShortfallIsRetriedTwiceAndThenReported() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SdrModel model = SdrModel.of(ph, SdrModel.Span.CRB);
        double[] required = SinrRequirements.of(SC.users());
        double s1 = shortfallOfLoweredSdp(model, required);
        int[] calls = {0};
        SpebSdrStep.Outcome out = SpebSdrStep.solve(model, ev, SC.transmitPowerW(), required, t -> {
            calls[0]++;
            return new CrbMinProgram(model, SC.transmitPowerW(), lowered(required));
        }, () -> false);
        assertEquals(3, calls[0], "the first solve and at most two retries");
        assertNotNull(out.columns());
        assertEquals(s1, out.shortfall(), 1e-6 * s1);
        assertFalse(out.feasible(), "a shortfall above 1e-9 is not feasible");
    }

    @Test
    void aRetryThatTurnsInfeasibleKeepsThePreviousPrecoderAndOneCancelledStopsWithoutOne() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SdrModel model = SdrModel.of(ph, SdrModel.Span.CRB);
        double[] required = SinrRequirements.of(SC.users());
        double s1 = shortfallOfLoweredSdp(model, required);
        double[] impossible = required.clone();
        for (int u = 0; u < impossible.length; u++) {
            impossible[u] *= 1e12;
        }
        int[] calls = {0};
        SpebSdrStep.Outcome kept = SpebSdrStep.solve(model, ev, SC.transmitPowerW(), required, t -> {
            calls[0]++;
            return new CrbMinProgram(model, SC.transmitPowerW(), calls[0] == 1 ? lowered(required) : impossible);
        }, () -> false);
        assertEquals(2, calls[0]);
        assertNotNull(kept.columns(), kept.note());
        assertEquals(DesignStatus.OPTIMAL, kept.status());
        assertEquals(s1, kept.shortfall(), 1e-6 * s1);

        boolean[] cancel = {false};
        int[] calls2 = {0};
        SpebSdrStep.Outcome cancelled = SpebSdrStep.solve(model, ev, SC.transmitPowerW(), required, t -> {
            calls2[0]++;
            cancel[0] = calls2[0] > 1;
            return new CrbMinProgram(model, SC.transmitPowerW(), lowered(required));
        }, () -> cancel[0]);
        assertEquals(2, calls2[0]);
        assertEquals(DesignStatus.CANCELLED, cancelled.status());
        assertNull(cancelled.columns());
        assertFalse(cancelled.feasible());
    }

    @Test
    void anObjectiveThatDoesNotExistInTheSubspaceIsInfeasibleWithItsReason() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SdrModel model = SdrModel.of(ph, SdrModel.Span.CRB);
        SpebSdrStep.Outcome out = SpebSdrStep.solve(model, new SpebEvaluator(ph), SC.transmitPowerW(),
                SinrRequirements.of(SC.users()), t -> {
                    throw new ArithmeticException("position unobservable");
                }, () -> false);
        assertEquals(DesignStatus.INFEASIBLE, out.status());
        assertNull(out.columns());
        assertEquals(Double.POSITIVE_INFINITY, out.speb());
        assertTrue(out.note().contains("position unobservable"), out.note());
        assertFalse(out.feasible());
    }

    @Test
    void shortfallIsTheLargestRelativeMissOverUsersWithARequirement() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        int n = SC.txArray().positions().size();
        Random rnd = new Random(4);
        List<double[][]> cols = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = rnd.nextGaussian() * 0.1;
                im[i] = rnd.nextGaussian() * 0.1;
            }
            cols.add(new double[][] {re, im});
        }
        double[] sinr = metricSinrs(cols);
        assertEquals(0.5, SpebSdrStep.shortfall(ev, cols, new double[] {2 * sinr[0], 0}), 1e-9);
        assertEquals(0.75, SpebSdrStep.shortfall(ev, cols, new double[] {sinr[0] / 2, 4 * sinr[1]}), 1e-9);
        assertEquals(0, SpebSdrStep.shortfall(ev, cols, new double[] {sinr[0] / 2, sinr[1] / 3}), 0.0);
        // user 0 silent (SINR exactly 0) without a requirement: it does not count
        List<double[][]> silent = new ArrayList<>(cols);
        silent.set(0, new double[][] {new double[n], new double[n]});
        assertEquals(0, SpebSdrStep.shortfall(ev, silent, new double[] {0, sinr[1] / 2}), 0.0);
        assertEquals(1, SpebSdrStep.shortfall(ev, silent, new double[] {1, sinr[1] / 2}), 1e-12);
    }

    @Test
    void feasibleNeedsColumnsAFinishedStatusATinyShortfallAndAFiniteSpeb() {
        List<double[][]> cols = List.<double[][]>of(new double[][] {{1}, {0}});
        assertTrue(new SpebSdrStep.Outcome(DesignStatus.OPTIMAL, cols, List.of(), 1, 0, 1, "").feasible());
        assertTrue(new SpebSdrStep.Outcome(DesignStatus.ITERATION_LIMIT, cols, List.of(), 1, 1e-10, 1, "")
                .feasible());
        assertFalse(new SpebSdrStep.Outcome(DesignStatus.INFEASIBLE, cols, List.of(), 1, 0, 1, "").feasible());
        assertFalse(new SpebSdrStep.Outcome(DesignStatus.OPTIMAL, null, List.of(), 1, 0, 1, "").feasible());
        assertFalse(new SpebSdrStep.Outcome(DesignStatus.OPTIMAL, cols, List.of(), 1, 1e-8, 1, "").feasible());
        assertFalse(new SpebSdrStep.Outcome(DesignStatus.OPTIMAL, cols, List.of(), Double.POSITIVE_INFINITY, 0, 1,
                "").feasible());
    }
}
