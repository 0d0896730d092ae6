package io.fresnel.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.stochastic.StochasticQuery.PowerSplit;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The seeded Monte Carlo (precoder built per draw) agrees with the exact analysis within the
 * statistical tolerance of the checker (4.5 standard errors), and the printed, wrong formulas do
 * not.
 */
class MonteCarloAnalysisTest {

    private static void assertAgrees(StochasticQuery q) throws Exception {
        Outputs exact = ExactAnalysis.evaluate(q).outputs();
        MonteCarloResult mc = MonteCarloAnalysis.evaluate(q, 2, () -> false);
        for (Output o : Output.values()) {
            double e = exact.value(o);
            double m = mc.values().value(o);
            double se = mc.standardErrors().value(o);
            if (!Double.isFinite(e)) {
                // a divergent mean (SLB with tau2 = tau3 = 0: E[1/D1] = inf) has finite sample means;
                // no power towards the target at all is infinite in every draw
                assertTrue(!Double.isFinite(m) || q.scheme() == Scheme.SLB, o + ": exact infinite, Monte Carlo " + m);
                continue;
            }
            double tol = 4.5 * se + 1e-6 * Math.abs(e) + 1e-12;
            assertTrue(Math.abs(e - m) <= tol, q.scheme() + " " + q.split() + " " + o.key() + ": exact " + e
                    + ", Monte Carlo " + m + " +- " + se);
        }
    }

    @Test
    void ssjbMonteCarloMatchesTheExactValuesWithinTheTolerance() throws Exception {
        for (PowerSplit s : List.of(PowerSplit.ssjb(0.6, 0.5), PowerSplit.ssjb(0.95, 0.2), PowerSplit.ssjb(0.3, 0.9))) {
            assertAgrees(StochasticQuery.paperSetup(Scheme.SSJB, s).withDraws(40_000, 7));
        }
    }

    @Test
    void slbMonteCarloMatchesTheExactValuesWithinTheTolerance() throws Exception {
        for (PowerSplit s : List.of(PowerSplit.slb(0.4, 0.2, 0.2), PowerSplit.slb(0.8, 0.0, 0.1),
                PowerSplit.slb(0.1, 0.5, 0.0))) {
            assertAgrees(StochasticQuery.paperSetup(Scheme.SLB, s).withDraws(40_000, 11));
        }
    }

    @Test
    void smallArraysAndHighSnrAgreeToo() throws Exception {
        double c = 1.0;
        for (Scheme scheme : Scheme.values()) {
            PowerSplit s = scheme == Scheme.SSJB ? PowerSplit.ssjb(0.7, 0.6) : PowerSplit.slb(0.5, 0.2, 0.2);
            StochasticQuery q = new StochasticQuery(scheme, s, 4, 3, 2, 100, 10,
                    new StochasticQuery.Gains(c, c, c, 0.05, 0.05), new StochasticQuery.Noise(1, 2, 0.5, 1, 1), 0.3,
                    new StochasticQuery.Thresholds(0.01, 0.02, 0.1), 40_000, 3);
            assertAgrees(q);
        }
    }

    @Test
    void thePrintedLemma11AndAMissingTruncationAreRejectedByTheTolerance() throws Exception {
        StochasticQuery q = StochasticQuery.paperSetup(Scheme.SSJB, PowerSplit.ssjb(0.6, 0.5)).withDraws(40_000, 5);
        MonteCarloResult mc = MonteCarloAnalysis.evaluate(q, 2, () -> false);
        int n = q.txElements();
        double c1 = 10 * 0.6 * 1e-3;
        double c2 = 10 * 0.4 * 1e-3 / (n - 2);
        double printed = Quadrature.integrate(t -> {
            double big = Math.pow(2, t) - 1;
            return Math.exp(-big / (2 * c1)) * Math.pow(1 + big * c2 / c1, -(n - 2));
        }, new double[] {0, 0.5, 1, 2});
        double se = mc.standardErrors().value(Output.ERGODIC_RATE_EVE);
        assertTrue(Math.abs(printed - mc.values().value(Output.ERGODIC_RATE_EVE)) > 35 * se);
        // the mean over the full angle range is infinite; even the finite sample mean is far above
        double truncated = ExactAnalysis.evaluate(q).outputs().value(Output.ERGODIC_CRB_SEVE_STRONG);
        assertTrue(truncated > 0);
    }

    @Test
    void resultDependsOnTheSeedOnlyNotOnTheThreads() throws Exception {
        StochasticQuery q = StochasticQuery.paperSetup(Scheme.SLB, PowerSplit.slb(0.4, 0.2, 0.2)).withDraws(10_000, 42);
        MonteCarloResult one = MonteCarloAnalysis.evaluate(q, 1, () -> false);
        MonteCarloResult three = MonteCarloAnalysis.evaluate(q, 3, () -> false);
        for (Output o : Output.values()) {
            assertEquals(one.values().value(o), three.values().value(o), 0, o.key());
            assertEquals(one.standardErrors().value(o), three.standardErrors().value(o), 0, o.key());
        }
        MonteCarloResult other = MonteCarloAnalysis.evaluate(q.withDraws(10_000, 43), 2, () -> false);
        assertTrue(other.values().value(Output.ERGODIC_RATE_USER) != one.values().value(Output.ERGODIC_RATE_USER));
        assertEquals(10_000, one.draws());
    }

    @Test
    void noPowerTowardsTheTargetGivesInfiniteCrbsAndCertainOutage() throws Exception {
        StochasticQuery q = StochasticQuery.paperSetup(Scheme.SSJB, PowerSplit.ssjb(0.5, 0)).withDraws(2000, 1);
        MonteCarloResult mc = MonteCarloAnalysis.evaluate(q, 2, () -> false);
        assertEquals(Double.POSITIVE_INFINITY, mc.values().value(Output.ERGODIC_CRB_BS));
        assertEquals(1, mc.values().value(Output.OUTAGE_CRB_SEVE_STRONG));
        // tau = 0 as well: the projections' rounding residue must not count as illumination
        MonteCarloResult none = MonteCarloAnalysis.evaluate(StochasticQuery.paperSetup(Scheme.SSJB,
                PowerSplit.ssjb(0, 0.5)).withDraws(2000, 1), 2, () -> false);
        assertEquals(1, none.values().value(Output.OUTAGE_CRB_BS));
        assertEquals(Double.POSITIVE_INFINITY, none.values().value(Output.ERGODIC_CRB_SEVE_WEAK));
    }

    @Test
    void cornersOfTheSplitsAgreeToo() throws Exception {
        for (PowerSplit s : List.of(PowerSplit.slb(1, 0, 0), PowerSplit.slb(0, 1, 0), PowerSplit.slb(0, 0, 1),
                PowerSplit.slb(0.5, 0, 0))) {
            assertAgrees(StochasticQuery.paperSetup(Scheme.SLB, s).withDraws(20_000, 13));
        }
        for (PowerSplit s : List.of(PowerSplit.ssjb(1, 1), PowerSplit.ssjb(1, 0.3), PowerSplit.ssjb(0.5, 1))) {
            assertAgrees(StochasticQuery.paperSetup(Scheme.SSJB, s).withDraws(20_000, 17));
        }
    }

    @Test
    void aCancelledRunStops() {
        StochasticQuery q = StochasticQuery.paperSetup(Scheme.SSJB, PowerSplit.ssjb(0.5, 0.5)).withDraws(100_000, 1);
        assertThrows(CancellationException.class, () -> MonteCarloAnalysis.evaluate(q, 2, () -> true));
    }
}
