package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {
    private final Scenario base = SweepScenarios.smallBase();

    private SweepSpec spec(SweepFigure f, List<Double> points, int draws, List<String> schemes) {
        return new SweepSpec(f, base, points, draws, 7, schemes, null);
    }

    /** The max-min secrecy rate of one solve, recomputed without the runner. */
    private double direct(SweepFigure f, double x, int draw, String scheme) throws DesignException {
        Scenario s = f.apply(base, x);
        List<Vec3> elements = new ArrayList<>(s.txArray().positions());
        elements.addAll(s.receiveArray().positions());
        Draw d = new DrawGenerator(7, base.referencePoint(), elements).draw(draw, 1, f.users(base, x));
        s = d.applyTo(s).withSolver(new SolverSpec(scheme, s.solver().parameters()));
        DesignResult r = Designs.byName(scheme).run(s, DesignContext.none());
        return MetricsEvaluator.evaluate(s.withPrecoder(r.precoder())).system().minSecrecyRateBpsHz();
    }

    @Test
    void meanStdMinMaxAndCountsMatchTheDesignsRunDirectly() throws Exception {
        List<Double> xs = List.of(10.0, 20.0);
        List<String> schemes = List.of("mrt", "zf");
        int draws = 4;
        AtomicInteger reports = new AtomicInteger();
        SweepResult r = new SweepRunner(spec(SweepFigure.FIG2, xs, draws, schemes)).run(2,
                (s, done, total) -> {
                    reports.incrementAndGet();
                    assertEquals(16, total);
                });
        assertEquals(16, reports.get());
        assertEquals(16, r.solves().size());
        assertEquals(4, r.points().size());
        assertEquals(draws, r.draws().size());
        int p = 0;
        for (double x : xs) {
            for (String scheme : schemes) {
                double[] v = new double[draws];
                double sum = 0;
                for (int d = 0; d < draws; d++) {
                    v[d] = direct(SweepFigure.FIG2, x, d, scheme);
                    sum += v[d];
                    SweepResult.Solve s = r.solves().get((xs.indexOf(x) * draws + d) * 2 + schemes.indexOf(scheme));
                    assertEquals(x, s.x());
                    assertEquals(d, s.draw());
                    assertEquals(scheme, s.scheme());
                    assertEquals("optimal", s.status());
                    assertTrue(s.counted());
                    assertEquals(v[d], s.minSecrecyRateBpsHz(), 1e-12);
                    // the baselines' own objective is the sum rate, not the plotted secrecy rate
                    assertTrue(s.objective() > s.minSecrecyRateBpsHz(), s.toString());
                }
                double mean = sum / draws;
                double ss = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double e : v) {
                    ss += (e - mean) * (e - mean);
                    min = Math.min(min, e);
                    max = Math.max(max, e);
                }
                SweepResult.Point pt = r.points().get(p++);
                assertEquals(x, pt.x());
                assertEquals(scheme, pt.scheme());
                assertEquals(draws, pt.draws());
                assertEquals(draws, pt.counted());
                assertEquals(mean, pt.meanBpsHz(), 1e-12);
                assertEquals(Math.sqrt(ss / (draws - 1)), pt.stdBpsHz(), 1e-12);
                assertEquals(min, pt.minBpsHz(), 1e-12);
                assertEquals(max, pt.maxBpsHz(), 1e-12);
                assertTrue(pt.stdBpsHz() > 0, "the draws differ");
                assertTrue(pt.meanSeconds() >= 0);
            }
        }
        assertEquals(0, r.failed());
    }

    @Test
    void everyXValueAndSchemeSeesTheSameGeometryForADraw() {
        SweepRunner runner = new SweepRunner(spec(SweepFigure.FIG3, List.of(1.0, 3.0), 3, List.of("mrt")));
        for (int d = 0; d < 3; d++) {
            Scenario one = runner.place(0, d);
            Scenario three = runner.place(1, d);
            assertEquals(1, one.users().size());
            assertEquals(3, three.users().size());
            assertEquals(one.users().get(0).positionM(), three.users().get(0).positionM());
            assertEquals(one.targets(), three.targets());
        }
        assertNotEquals(runner.place(0, 0).targets(), runner.place(0, 1).targets());
        SweepRunner antennas = new SweepRunner(spec(SweepFigure.FIG4, List.of(8.0, 32.0), 1, List.of("mrt")));
        assertEquals(antennas.place(0, 0).users(), antennas.place(1, 0).users());
        assertEquals(8, antennas.place(0, 0).txArray().size());
        assertEquals(32, antennas.place(1, 0).txArray().size());
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() throws Exception {
        SweepSpec s = spec(SweepFigure.FIG6, List.of(1e-7, 1e-5), 3, List.of("zf", "mrt"));
        SweepResult one = new SweepRunner(s).run(1, SweepRunner.Listener.NONE);
        SweepResult three = new SweepRunner(s).run(3, SweepRunner.Listener.NONE);
        for (int i = 0; i < one.solves().size(); i++) {
            SweepResult.Solve a = one.solves().get(i);
            SweepResult.Solve b = three.solves().get(i);
            assertEquals(a.x(), b.x());
            assertEquals(a.draw(), b.draw());
            assertEquals(a.scheme(), b.scheme());
            assertEquals(a.minSecrecyRateBpsHz(), b.minSecrecyRateBpsHz());
        }
        assertEquals(one.draws(), three.draws());
    }

    /** Delegates to MRT but is infeasible when the first user lies above the diagonal (theta > pi/4). */
    private static final class HalfInfeasible implements Design {
        @Override
        public String name() {
            return "half";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public DesignResult run(Scenario s, DesignContext c) throws DesignException {
            Vec3 p = s.users().get(0).positionM();
            if (p.y() > p.x()) {
                return new DesignResult("half", DesignStatus.INFEASIBLE, null, null, 3, 0.5, "bounds too tight");
            }
            return Designs.byName("mrt").run(s, c);
        }
    }

    private static Design failing(String name, boolean bug) {
        return new Design() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public DesignResult run(Scenario s, DesignContext c) throws DesignException {
                if (bug) {
                    throw new IllegalStateException("boom");
                }
                throw new DesignException(name + ": cannot handle this");
            }
        };
    }

    private static Design lookup(String name) {
        return switch (name) {
            case "half" -> new HalfInfeasible();
            case "rejecting" -> failing(name, false);
            case "buggy" -> failing(name, true);
            default -> Designs.byName(name);
        };
    }

    @Test
    void infeasibleRejectedAndFailedSolvesAreLeftOutOfTheMeanAndCounted() throws Exception {
        int draws = 12;
        SweepSpec s = spec(SweepFigure.FIG2, List.of(20.0), draws, List.of("half", "mrt", "rejecting", "buggy"));
        SweepResult r = new SweepRunner(s, SweepRunnerTest::lookup).run(2, SweepRunner.Listener.NONE);
        List<Double> kept = new ArrayList<>();
        int infeasible = 0;
        for (int d = 0; d < draws; d++) {
            Vec3 u = r.draws().get(d).userPositionsM().get(0);
            SweepResult.Solve half = r.solves().get(d * 4);
            SweepResult.Solve mrt = r.solves().get(d * 4 + 1);
            if (u.y() > u.x()) {
                infeasible++;
                assertEquals("infeasible", half.status());
                assertFalse(half.counted());
                assertNull(half.minSecrecyRateBpsHz());
                assertEquals("bounds too tight", half.message());
                assertEquals(3, half.iterations());
            } else {
                assertEquals(mrt.minSecrecyRateBpsHz(), half.minSecrecyRateBpsHz(), 1e-12);
                kept.add(half.minSecrecyRateBpsHz());
            }
            SweepResult.Solve rejected = r.solves().get(d * 4 + 2);
            assertEquals(SweepResult.REJECTED, rejected.status());
            assertTrue(rejected.message().contains("cannot handle this"), rejected.message());
            assertEquals(SweepResult.ERROR, r.solves().get(d * 4 + 3).status());
        }
        assertTrue(infeasible > 0 && infeasible < draws, "the test needs both cases: " + infeasible);
        SweepResult.Point half = r.points().get(0);
        assertEquals(draws, half.draws());
        assertEquals(draws - infeasible, half.counted());
        assertEquals(kept.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), half.meanBpsHz(), 1e-12);
        assertEquals(kept.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), half.minBpsHz(), 1e-12);
        SweepResult.Point rejecting = r.points().get(2);
        assertEquals(0, rejecting.counted());
        assertNull(rejecting.meanBpsHz());
        assertNull(rejecting.stdBpsHz());
        assertNull(rejecting.minBpsHz());
        assertEquals(draws, r.errors().size());
        assertTrue(r.errors().get(0).message().contains("boom"));
        assertEquals(infeasible + 2L * draws, r.failed());
    }

    /** MRT's precoder reported with another status. */
    private static Design mrtWithStatus(DesignStatus status) {
        return new Design() {
            @Override
            public String name() {
                return status.jsonName();
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public DesignResult run(Scenario s, DesignContext c) throws DesignException {
                DesignResult r = Designs.byName("mrt").run(s, c);
                return new DesignResult(name(), status, r.precoder(), r.objective(), 7, r.seconds(), null);
            }
        };
    }

    @Test
    void everyStatusWithAPrecoderCountsExceptCancelledAndUnbounded() throws Exception {
        List<String> schemes = List.of("mrt", "iteration-limit", "unbounded", "cancelled");
        SweepSpec s = spec(SweepFigure.FIG2, List.of(20.0), 2, schemes);
        SweepResult r = new SweepRunner(s, name -> name.equals("mrt") ? Designs.byName(name)
                : mrtWithStatus(DesignStatus.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))))
                .run(2, SweepRunner.Listener.NONE);
        SweepResult.Point mrt = r.points().get(0);
        SweepResult.Point limit = r.points().get(1);
        assertEquals(2, limit.counted());
        assertEquals(mrt.meanBpsHz(), limit.meanBpsHz(), 1e-12);
        assertEquals(7, r.solves().get(1).iterations());
        assertEquals(0, r.points().get(2).counted());
        assertEquals(0, r.points().get(3).counted());
        assertEquals("unbounded", r.solves().get(2).status());
    }

    @Test
    void aSingleCountedDrawHasAMeanButNoStandardDeviation() throws Exception {
        SweepResult r = new SweepRunner(spec(SweepFigure.FIG2, List.of(20.0), 1, List.of("mrt"))).run(1,
                SweepRunner.Listener.NONE);
        SweepResult.Point p = r.points().get(0);
        assertEquals(1, p.counted());
        assertEquals(p.meanBpsHz(), p.minBpsHz());
        assertEquals(p.meanBpsHz(), p.maxBpsHz());
        assertNull(p.stdBpsHz());
    }

    @Test
    void aCancelledSweepCountsNothing() throws Exception {
        SweepRunner runner = new SweepRunner(spec(SweepFigure.FIG2, List.of(20.0), 2, List.of("mrt")));
        runner.cancel();
        SweepResult r = runner.run(1, SweepRunner.Listener.NONE);
        assertTrue(r.solves().stream().allMatch(s -> s.status().equals("cancelled") && !s.counted()));
    }

    @Test
    void maxIterationsReachesEverySolversBlock() {
        SweepSpec s = new SweepSpec(SweepFigure.FIG5, base, List.of(1e-3), 1, 1, List.of("mrt"), 25);
        SweepRunner runner = new SweepRunner(s);
        assertEquals(25L, runner.place(0, 0).solver().parameters().get("max_iterations"));
        assertEquals(1e-3, runner.place(0, 0).solver().parameters().get(SweepFigure.CRB_RANGE));
    }

    @Test
    void badSpecificationsAreRejectedBeforeSolving() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new SweepRunner(spec(SweepFigure.FIG2, List.of(20.0), 1, List.of("mrt", "no-such-design"))));
        assertTrue(unknown.getMessage().contains("no-such-design") && unknown.getMessage().contains("mrt"),
                unknown.getMessage());
        assertRejected("draws", () -> spec(SweepFigure.FIG2, List.of(20.0), 0, List.of("mrt")));
        assertRejected("no x value", () -> spec(SweepFigure.FIG2, List.of(), 1, List.of("mrt")));
        assertRejected("twice", () -> spec(SweepFigure.FIG2, List.of(20.0, 20.0), 1, List.of("mrt")));
        assertRejected("twice", () -> spec(SweepFigure.FIG2, List.of(20.0), 1, List.of("mrt", "mrt")));
        assertRejected("no scheme", () -> spec(SweepFigure.FIG2, List.of(20.0), 1, List.of()));
        assertRejected("whole number", () -> spec(SweepFigure.FIG3, List.of(1.5), 1, List.of("mrt")));
        assertRejected("max_iterations",
                () -> new SweepSpec(SweepFigure.FIG2, base, List.of(20.0), 1, 1, List.of("mrt"), 0));
        Scenario noEve = base.withUsersAndTargets(base.users(), List.of());
        assertRejected("no eavesdropper",
                () -> new SweepSpec(SweepFigure.FIG2, noEve, List.of(20.0), 1, 1, List.of("mrt"), null));
        assertThrows(IllegalArgumentException.class,
                () -> new SweepRunner(spec(SweepFigure.FIG2, List.of(20.0), 1, List.of("mrt"))).run(0,
                        SweepRunner.Listener.NONE));
    }

    private static void assertRejected(String cause, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(cause), x.getMessage());
    }
}
