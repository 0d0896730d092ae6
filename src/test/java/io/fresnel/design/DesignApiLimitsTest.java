package io.fresnel.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The design API's own rules, each on both sides of its limit: the fields of a
 * {@link DesignResult}, the preamble of {@link AbstractDesign} (a cancelled context, null
 * arguments), and every range message of {@link SolverParameter}.
 */
class DesignApiLimitsTest {

    @Test
    void aResultAcceptsZeroIterationsAndSecondsAndRejectsLess() {
        DesignResult r = new DesignResult("a", DesignStatus.OPTIMAL, null, 1.0, 0, 0.0, null);
        assertEquals(0, r.iterations());
        assertEquals("iterations must be >= 0 (got -1)", assertThrows(IllegalArgumentException.class,
                () -> new DesignResult("a", DesignStatus.OPTIMAL, null, null, -1, 0, null)).getMessage());
        for (double s : new double[] {-1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> new DesignResult("a", DesignStatus.OPTIMAL, null, null, 0, s, null)).getMessage()
                    .startsWith("seconds must be finite"), "seconds " + s);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new DesignResult("a", DesignStatus.OPTIMAL, null, Double.NaN, 0, 0, null));
        // an infinite objective is a value (an unbounded CRB), not a missing one
        assertEquals(Double.POSITIVE_INFINITY,
                new DesignResult("a", DesignStatus.OPTIMAL, null, Double.POSITIVE_INFINITY, 0, 0, null).objective());
        assertThrows(IllegalArgumentException.class, () -> new DesignResult(" ", DesignStatus.OPTIMAL, null, null, 0,
                0, null));
        assertThrows(NullPointerException.class, () -> new DesignResult("a", null, null, null, 0, 0, null));
    }

    @Test
    void anInfeasibleResultCarriesNoPrecoderButOtherStatusesMay() {
        Precoder p = DesignScenarios.design("mrt", DesignScenarios.threeUsers());
        assertThrows(IllegalArgumentException.class,
                () -> new DesignResult("a", DesignStatus.INFEASIBLE, p, null, 1, 0, null));
        for (DesignStatus s : DesignStatus.values()) {
            if (s != DesignStatus.INFEASIBLE) {
                assertEquals(p, new DesignResult("a", s, p, null, 1, 0, null).precoder(), s.jsonName());
            }
        }
    }

    @Test
    void secondsSinceMeasuresElapsedTimeInSeconds() {
        long start = System.nanoTime();
        double s = DesignResult.secondsSince(start - 2_000_000_000L);
        // two seconds ago, plus the (small, non-negative) time this line took
        assertTrue(s >= 2.0 && s < 2.0 + 60, "seconds " + s);
    }

    /** A design that counts its calls: the preamble must not call it once the context is cancelled. */
    private static final class Counting extends AbstractDesign {
        int calls;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String description() {
            return "counts";
        }

        @Override
        protected DesignResult design(Scenario scenario, DesignContext context, long startNanos) {
            calls++;
            return new DesignResult(name(), DesignStatus.CONVERGED, null, 2.5, 3, DesignResult.secondsSince(startNanos),
                    null);
        }
    }

    @Test
    void aCancelledContextIsAnsweredWithoutWork() throws DesignException {
        Counting d = new Counting();
        DesignResult r = d.run(DesignScenarios.threeUsers(), new DesignContext(() -> true, ProgressListener.NONE, null));
        assertEquals(0, d.calls);
        assertEquals(DesignStatus.CANCELLED, r.status());
        assertEquals("counting", r.algorithm());
        assertNull(r.precoder());
        assertNull(r.objective());
        assertEquals(0, r.iterations());
        assertEquals("cancelled before it started", r.message());
        assertTrue(r.seconds() >= 0 && r.seconds() < 60);

        DesignResult ran = d.run(DesignScenarios.threeUsers(), DesignContext.none());
        assertEquals(1, d.calls);
        assertEquals(DesignStatus.CONVERGED, ran.status());
        assertEquals(3, ran.iterations());
        assertThrows(NullPointerException.class, () -> d.run(null, DesignContext.none()));
        assertThrows(NullPointerException.class, () -> d.run(DesignScenarios.threeUsers(), null));
        assertEquals(1, d.calls);
    }

    @Test
    void aContextNeedsItsFlagAndListenerAndNoneIsNeverCancelled() {
        assertFalse(DesignContext.none().isCancelled());
        assertNull(DesignContext.none().warmStart());
        assertThrows(NullPointerException.class, () -> new DesignContext(null, ProgressListener.NONE, null));
        assertThrows(NullPointerException.class, () -> new DesignContext(() -> false, null, null));
    }

    private static String rejection(SolverParameter p, Object value) {
        return assertThrows(DesignException.class, () -> p.read("alg", Map.of(p.key(), value))).getMessage();
    }

    @Test
    void numberRangesAreInclusiveAndTheMessageShowsOnlyTheFiniteEnds() throws DesignException {
        SolverParameter both = SolverParameter.number("x", "m", "W", 1, -2, 3);
        assertEquals(-2.0, both.read("alg", Map.of("x", -2.0)));
        assertEquals(3.0, both.read("alg", Map.of("x", 3L)));
        assertEquals("alg: solver.x must be a finite number in [-2.0, 3.0] (got 3.5)", rejection(both, 3.5));
        assertEquals("alg: solver.x must be a finite number in [-2.0, 3.0] (got -2.5)", rejection(both, -2.5));
        SolverParameter lower = SolverParameter.number("x", "m", "", 1, 0, Double.POSITIVE_INFINITY);
        assertEquals("alg: solver.x must be a finite number >= 0.0 (got -1.0)", rejection(lower, -1.0));
        assertEquals("alg: solver.x must be a finite number >= 0.0 (got Infinity)",
                rejection(lower, Double.POSITIVE_INFINITY));
        SolverParameter upper = SolverParameter.number("x", "m", "", 1, Double.NEGATIVE_INFINITY, 5);
        assertEquals("alg: solver.x must be a finite number <= 5.0 (got 6.0)", rejection(upper, 6.0));
        SolverParameter none = SolverParameter.number("x", "m", "", 1, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        assertEquals("alg: solver.x must be a finite number (got NaN)", rejection(none, Double.NaN));
        assertEquals(-1e300, none.read("alg", Map.of("x", -1e300)));
    }

    @Test
    void openIntervalsAndPositivesExcludeTheirEnds() throws DesignException {
        SolverParameter open = SolverParameter.openInterval("f", "m", 0.5, 0, 1);
        assertEquals(Math.ulp(0.0), open.read("alg", Map.of("f", Math.ulp(0.0))));
        assertEquals(Math.nextDown(1.0), open.read("alg", Map.of("f", Math.nextDown(1.0))));
        assertEquals("alg: solver.f must be a finite number in (0.0, 1.0) (got 0.0)", rejection(open, 0.0));
        assertEquals("alg: solver.f must be a finite number in (0.0, 1.0) (got 1.0)", rejection(open, 1.0));
        SolverParameter positive = SolverParameter.positive("p", "m", "W", 2);
        assertEquals(Double.MIN_VALUE, positive.read("alg", Map.of("p", Double.MIN_VALUE)));
        assertEquals("alg: solver.p must be a finite number > 0 (got 0.0)", rejection(positive, 0.0));
        assertEquals("alg: solver.p must be a finite number > 0 (got Infinity)",
                rejection(positive, Double.POSITIVE_INFINITY));
        assertEquals(2.0, positive.read("alg", Map.of()));
        SolverParameter required = SolverParameter.requiredPositive("r", "the bound", "");
        assertEquals("alg: the solver block needs r, the bound", assertThrows(DesignException.class,
                () -> required.read("alg", Map.of())).getMessage());
        assertEquals("alg: solver.r must be a finite number > 0 (got -1.0)", rejection(required, -1.0));
        assertEquals(4.0, required.read("alg", Map.of("r", 4)));
        assertFalse(required.hasDefault());
        assertTrue(positive.hasDefault());
    }

    @Test
    void integersKeepTheirEndsAndRejectFractionsHugeValuesAndWords() throws DesignException {
        SolverParameter n = SolverParameter.integer("n", "m", 5, -3, 7);
        assertEquals(-3L, n.read("alg", Map.of("n", -3)));
        assertEquals(7L, n.read("alg", Map.of("n", 7.0)));
        assertEquals(5L, n.read("alg", Map.of()));
        assertEquals("alg: solver.n must be an integer in [-3, 7] (got 8)", rejection(n, 8));
        assertEquals("alg: solver.n must be an integer in [-3, 7] (got -4)", rejection(n, (short) -4));
        assertEquals("alg: solver.n must be an integer in [-3, 7] (got 7.5)", rejection(n, 7.5));
        assertEquals("alg: solver.n must be an integer in [-3, 7] (got \"7\")", rejection(n, "7"));
        assertEquals("alg: solver.n must be an integer in [-3, 7] (got NaN)", rejection(n, Double.NaN));
        SolverParameter any = SolverParameter.integer("n", "m", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals("alg: solver.n must be an integer (got 1.0E300)", rejection(any, 1e300));
        assertEquals("alg: solver.n must be an integer (got Infinity)", rejection(any, Double.POSITIVE_INFINITY));
        // 2^53 is the largest double that is certainly a whole number; it is accepted, 2^54 is not
        assertEquals(1L << 53, any.read("alg", Map.of("n", 0x1p53)));
        assertEquals("alg: solver.n must be an integer (got 1.8014398509481984E16)", rejection(any, 0x1p54));
        assertEquals(-(1L << 53), any.read("alg", Map.of("n", -0x1p53)));
        assertEquals(Long.MAX_VALUE, any.read("alg", Map.of("n", Long.MAX_VALUE)));
        // a whole number is taken as it is, never through a double (2^53 + 1 has no double)
        assertEquals((1L << 53) + 1, any.read("alg", Map.of("n", (1L << 53) + 1)));
        assertEquals(-9L, any.read("alg", Map.of("n", (byte) -9)));
        SolverParameter atLeast = SolverParameter.integer("n", "m", 1, 1, Long.MAX_VALUE);
        assertEquals("alg: solver.n must be an integer >= 1 (got 0)", rejection(atLeast, 0L));
        SolverParameter atMost = SolverParameter.integer("n", "m", 1, Long.MIN_VALUE, 9);
        assertEquals("alg: solver.n must be an integer <= 9 (got 10)", rejection(atMost, 10L));
    }

    @Test
    void choicesListTheirWordsSortedAndNeedSome() throws DesignException {
        SolverParameter c = SolverParameter.choice("v", "m", List.of("zeta", "alpha", "mid"));
        assertEquals("zeta", c.read("alg", Map.of()));
        assertEquals("mid", c.read("alg", Map.of("v", "mid")));
        assertEquals("alg: solver.v must be one of alpha, mid, zeta (got \"beta\")", rejection(c, "beta"));
        assertEquals("alg: solver.v must be one of alpha, mid, zeta (got 3)", rejection(c, 3));
        assertTrue(c.hasDefault());
        assertEquals("v: a choice needs its words", assertThrows(IllegalArgumentException.class,
                () -> SolverParameter.choice("v", "m", List.of())).getMessage());
    }

    @Test
    void statusesHaveTheirScenarioFormatNames() {
        // docs/scenario-format.md, the solver block's "status"
        assertEquals(List.of("optimal", "converged", "infeasible", "unbounded", "iteration-limit", "cancelled"),
                java.util.Arrays.stream(DesignStatus.values()).map(DesignStatus::jsonName).toList());
    }

    @Test
    void theRegistryListsEveryDesignOnceAndNamesTheKnownOnesWhenAskedForAnother() {
        List<Design> all = Designs.all();
        assertThrows(UnsupportedOperationException.class, () -> all.add(all.get(0)));
        String message = assertThrows(IllegalArgumentException.class, () -> Designs.byName("nope")).getMessage();
        StringBuilder known = new StringBuilder();
        for (Design d : all) {
            known.append(known.length() == 0 ? "" : ", ").append(d.name());
        }
        assertEquals("unknown algorithm \"nope\" (known: " + known + ")", message);
        assertEquals("isotropic", all.get(0).name());
    }
}
