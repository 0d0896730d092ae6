package io.fresnel.tradeoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.metrics.ConstraintStatus;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Fronts traced on small scenes (N <= 16): monotone as the theory says, every feasible point
 * feasible again when re-evaluated, infeasible levels kept, the design in force never beyond the
 * front, coarse before refined, and cancellation prompt.
 */
class TradeoffTracerTest {

    private static TradeoffFront trace(Scenario s, TradeoffKind kind, String algorithm, TradeoffOptions o,
            List<TradeoffFront> passes) {
        TradeoffListener l = new TradeoffListener() {
            @Override
            public void onFront(TradeoffFront front) {
                passes.add(front);
            }
        };
        return TradeoffTracer.trace(s, kind, algorithm, o, () -> false, l);
    }

    /** Every feasible point meets its level's constraints when its scene is evaluated from scratch. */
    private static void assertFeasibleOnReEvaluation(TradeoffFront f) {
        for (TradeoffPoint p : f.feasible()) {
            Metrics m = MetricsEvaluator.evaluate(p.designed());
            for (ConstraintStatus.Check c : ConstraintStatus.of(p.designed(), m)) {
                assertTrue(c.met(), "level " + p.level() + ": " + c);
            }
            assertEquals(p.sensing(), f.kind().sensing(m), 1e-12 * Math.abs(p.sensing()));
            assertEquals(p.communication(), f.kind().communication(m), 1e-12 * Math.abs(p.communication()));
            assertNotNull(p.design().precoder());
        }
    }

    /** Paper 004's front of the two-user scene (4 coarse levels, one refinement pass), traced once. */
    private static TradeoffFront sumCrb;
    private static final List<TradeoffFront> SUM_CRB_PASSES = new ArrayList<>();

    private static synchronized TradeoffFront sumCrbFront() {
        if (sumCrb == null) {
            TradeoffOptions o = TradeoffOptions.defaults(TradeoffKind.SUM_CRB_VS_SINR).withPoints(4, 1);
            sumCrb = trace(TradeoffScenarios.sdrTwoUsers(), TradeoffKind.SUM_CRB_VS_SINR, "crb-min-sdr", o,
                    SUM_CRB_PASSES);
        }
        return sumCrb;
    }

    @Test
    void paper004SumCrbIsNonDecreasingInTheSinrRequirementAndTheTopLevelIsInfeasible() {
        TradeoffFront f = sumCrbFront();
        List<TradeoffFront> passes = SUM_CRB_PASSES;

        assertEquals(TradeoffFront.Stage.COMPLETE, f.stage());
        assertEquals(7, f.points().size(), "4 coarse levels and 3 between them");
        assertEquals(2, passes.size());
        assertEquals(TradeoffFront.Stage.PARTIAL, passes.get(0).stage());
        assertEquals(4, passes.get(0).points().size(), "the coarse front comes first");
        assertFeasibleOnReEvaluation(f);
        List<TradeoffPoint> feasible = f.feasible();
        assertTrue(feasible.size() >= 4, "most levels are feasible: " + TradeoffCsv.format(f));
        for (int i = 1; i < feasible.size(); i++) {
            TradeoffPoint a = feasible.get(i - 1);
            TradeoffPoint b = feasible.get(i);
            assertTrue(b.sensing() >= a.sensing() * (1 - 1e-5), "sum CRB non-decreasing in Gamma: " + a + " / " + b);
            assertTrue(b.communication() >= b.level() * (1 - 1e-6), "each user's SINR meets the level");
        }
        // Gamma_hi is user 1's SINR with all power on its own MRT beam: user 2 then gets nothing
        TradeoffPoint top = f.points().get(f.points().size() - 1);
        assertEquals(TradeoffPoint.State.INFEASIBLE, top.state(), "the top level is kept, marked infeasible");
        assertTrue(top.message() != null && !top.message().isBlank());
        assertTrue(Double.isNaN(top.sensing()));
    }

    @Test
    void theDesignInForceIsNeverBeyondTheSumCrbFront() throws Exception {
        Scenario s = TradeoffScenarios.sdrTwoUsers();
        TradeoffFront f = sumCrbFront();
        for (String inForce : new String[] {"crb-min-sdr", "mrt", "zf"}) {
            DesignResult r = Designs.byName(inForce).run(s, DesignContext.none());
            Metrics m = MetricsEvaluator.evaluate(s.withPrecoder(r.precoder()));
            double sensing = TradeoffKind.SUM_CRB_VS_SINR.sensing(m);
            double comm = TradeoffKind.SUM_CRB_VS_SINR.communication(m);
            TradeoffFront.Standing st = f.standing(sensing, comm);
            assertNotEquals(TradeoffFront.Standing.BEYOND, st, inForce + ": " + sensing + ", " + comm);
            assertNotEquals(TradeoffFront.Standing.UNKNOWN, st, inForce);
            // and directly: every front level at or below its SINR has a sum CRB at most its own
            for (TradeoffPoint p : f.feasible()) {
                if (p.level() <= comm) {
                    assertTrue(p.sensing() <= sensing * (1 + 1e-5), inForce + " below the front at " + p.level());
                }
            }
        }
    }

    @Test
    void paper001SecrecyIsNonDecreasingInThePcrbBoundAndLevelsBelowTheSmallestBoundAreInfeasible() {
        Scenario s = TradeoffScenarios.secureSmall();
        TradeoffOptions o = TradeoffOptions.defaults(TradeoffKind.SECRECY_VS_PCRB).withPoints(4, 0)
                .withRange(1e-5, 1e-3);
        TradeoffFront f = trace(s, TradeoffKind.SECRECY_VS_PCRB, "an-secure-pcrb", o, new ArrayList<>());
        assertFeasibleOnReEvaluation(f);
        assertEquals(TradeoffPoint.State.INFEASIBLE, f.points().get(0).state(),
                "1e-5 rad^2 is below the smallest achievable bound (24): " + TradeoffCsv.format(f));
        List<TradeoffPoint> feasible = f.feasible();
        assertTrue(feasible.size() >= 2, TradeoffCsv.format(f));
        for (int i = 1; i < feasible.size(); i++) {
            assertTrue(feasible.get(i).communication() >= feasible.get(i - 1).communication() - 1e-6,
                    "secrecy non-decreasing in the bound: " + TradeoffCsv.format(f));
            assertTrue(feasible.get(i).sensing() <= feasible.get(i).level() * (1 + 1e-6), "bound met");
        }
        // the scene's own design and paper 001's benchmarks at its bound (1e-4 rad^2) are not beyond the front
        for (String inForce : new String[] {"an-secure-pcrb", "an-secure-pcrb-no-an", "an-secure-pcrb-mrt"}) {
            DesignResult r;
            try {
                r = Designs.byName(inForce).run(s, DesignContext.none());
            } catch (io.fresnel.design.DesignException e) {
                throw new AssertionError(e);
            }
            Metrics m = MetricsEvaluator.evaluate(s.withPrecoder(r.precoder()));
            TradeoffFront.Standing st = f.standing(TradeoffKind.SECRECY_VS_PCRB.sensing(m),
                    TradeoffKind.SECRECY_VS_PCRB.communication(m));
            assertTrue(st == TradeoffFront.Standing.ON_FRONT || st == TradeoffFront.Standing.DOMINATED,
                    inForce + ": " + st + "\n" + TradeoffCsv.format(f));
        }
    }

    @Test
    void paper000SecrecyIsNonDecreasingInTheAngleCrbBoundWithWarmStarts() {
        Scenario s = TradeoffScenarios.rsmaSmall();
        TradeoffOptions o = TradeoffOptions.defaults(TradeoffKind.SECRECY_VS_ANGLE_CRB).withPoints(3, 1)
                .withRange(1e-6, 1e-4);
        TradeoffFront f = trace(s, TradeoffKind.SECRECY_VS_ANGLE_CRB, "rsma-digital", o, new ArrayList<>());
        assertEquals(5, f.points().size());
        assertFeasibleOnReEvaluation(f);
        List<TradeoffPoint> feasible = f.feasible();
        assertTrue(feasible.size() >= 3, TradeoffCsv.format(f));
        for (int i = 1; i < feasible.size(); i++) {
            assertTrue(feasible.get(i).communication() >= feasible.get(i - 1).communication()
                    - 1e-4 * feasible.get(i - 1).communication(), "max-min secrecy non-decreasing in the bound: "
                    + TradeoffCsv.format(f));
        }
        for (TradeoffPoint p : f.points()) {
            assertEquals("rsma-digital", p.design().algorithm());
        }
    }

    @Test
    void aCancelledTraceStopsPromptlyAndSaysSo() throws Exception {
        Scenario s = TradeoffScenarios.sdrTwoUsers();
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch firstPoint = new CountDownLatch(1);
        AtomicReference<TradeoffFront> out = new AtomicReference<>();
        AtomicReference<Long> cancelledAt = new AtomicReference<>();
        TradeoffListener l = new TradeoffListener() {
            @Override
            public void onProgress(int done, int total, String message) {
                if (done >= 1) {
                    firstPoint.countDown();
                }
            }
        };
        Thread t = new Thread(() -> out.set(TradeoffTracer.trace(s, TradeoffKind.SUM_CRB_VS_SINR, "crb-min-sdr",
                TradeoffOptions.defaults(TradeoffKind.SUM_CRB_VS_SINR), cancel::get, l)));
        t.start();
        assertTrue(firstPoint.await(120, TimeUnit.SECONDS));
        cancelledAt.set(System.nanoTime());
        cancel.set(true);
        t.join(30_000);
        double seconds = (System.nanoTime() - cancelledAt.get()) / 1e9;
        assertTrue(!t.isAlive(), "the trace returned after the cancel");
        // one interior-point iteration of an N = 12 SDP at most, even on a loaded machine
        assertTrue(seconds < 5, "stopped " + seconds + " s after the cancel");
        assertEquals(TradeoffFront.Stage.CANCELLED, out.get().stage());
        assertTrue(out.get().points().size() < 11, "it did not go on to the end");

        TradeoffFront before = TradeoffTracer.trace(s, TradeoffKind.SUM_CRB_VS_SINR, "crb-min-sdr",
                TradeoffOptions.defaults(TradeoffKind.SUM_CRB_VS_SINR), () -> true, TradeoffListener.NONE);
        assertEquals(TradeoffFront.Stage.CANCELLED, before.stage());
        assertTrue(before.points().isEmpty(), "cancelled before it started: no design run");
    }

    @Test
    void badRequestsAreRefusedWithAMessageNamingTheField() {
        Scenario s = TradeoffScenarios.sdrTwoUsers();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TradeoffTracer.trace(s,
                TradeoffKind.SUM_CRB_VS_SINR, "no-such-design", TradeoffOptions.defaults(TradeoffKind.SUM_CRB_VS_SINR),
                () -> false, TradeoffListener.NONE));
        assertTrue(e.getMessage().contains("no-such-design"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TradeoffOptions(1, 0, null, null, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> new TradeoffOptions(4, 0, 2.0, 1.0, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> new TradeoffOptions(4, 0, -1.0, null, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> new TradeoffOptions(200, 2, null, null, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> TradeoffKind.byKey("pareto"));
    }
}
