package io.fresnel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SolverServiceTest {
    private static final long GUARD_S = 10;

    /** Collects what the service reports; the queue receives results and failures. */
    private static final class Recorder implements SolverListener {
        final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final List<Integer> progress = new CopyOnWriteArrayList<>();
        final List<Evaluation> evaluations = new CopyOnWriteArrayList<>();
        final List<Evaluation> intermediates = new CopyOnWriteArrayList<>();

        @Override
        public void onIntermediate(Evaluation evaluation) {
            intermediates.add(evaluation);
        }

        @Override
        public void onProgress(int iteration, double objective, String message) {
            progress.add(iteration);
        }

        @Override
        public void onResult(Evaluation evaluation) {
            threads.add(Thread.currentThread());
            evaluations.add(evaluation);
            outcomes.add(evaluation.design() != null ? evaluation.design() : evaluation);
        }

        @Override
        public void onFailure(Throwable error) {
            threads.add(Thread.currentThread());
            outcomes.add(error);
        }

        Object next() throws InterruptedException {
            Object o = outcomes.poll(GUARD_S, TimeUnit.SECONDS);
            assertTrue(o != null, "timed out waiting for the solver");
            return o;
        }
    }

    /** The body of a test design (shared with SolverServiceProblemsTest). */
    @FunctionalInterface
    interface Body {
        DesignResult run(Scenario scenario, DesignContext context) throws DesignException;
    }

    /** @return a design of that name running the body */
    static Design design(String name, Body body) {
        return new Design() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test design " + name;
            }

            @Override
            public DesignResult run(Scenario scenario, DesignContext context) throws DesignException {
                return body.run(scenario, context);
            }
        };
    }

    private static String json(io.fresnel.metrics.Metrics m) {
        return io.fresnel.io.MetricsJson.toText(io.fresnel.io.MetricsJson.toJson(m));
    }

    private static Scenario golden() throws Exception {
        return ScenarioReader.readScenario(GoldenFiles.goldenDir().resolve("public/p_dbg_random_n6.scenario.json"));
    }

    @Test
    void aSubmittedScenarioIsSolvedOnTheWorkerThread() throws Exception {
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r)) {
            service.submit(golden(), "zf");
            DesignResult result = assertInstanceOf(DesignResult.class, r.next());
            assertEquals("zf", result.algorithm());
            assertEquals(DesignStatus.OPTIMAL, result.status());
            assertEquals(List.of(1), r.progress);
            assertNotSame(Thread.currentThread(), r.threads.get(0));
        }
    }

    @Test
    void anUnknownAlgorithmIsAFailureAndAnInputTheDesignRejectsIsAProblemWithTheOldPrecodersMetrics()
            throws Exception {
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r)) {
            service.submit(golden(), "magic");
            assertInstanceOf(IllegalArgumentException.class, r.next());
            service.submit(golden(), "two-stage-hybrid");
            Evaluation e = assertInstanceOf(Evaluation.class, r.next());
            assertTrue(e.problem().startsWith("two-stage-hybrid: "), e.problem());
            assertSame(e.input(), e.designed());
            assertNotNull(e.metrics(), "the scenario's own precoder is still evaluated");
        }
    }

    @Test
    void withoutAnAlgorithmTheScenariosOwnPrecoderIsEvaluated() throws Exception {
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r)) {
            Scenario s = golden();
            service.submit(s, null);
            Evaluation e = assertInstanceOf(Evaluation.class, r.next());
            assertNull(e.design());
            assertEquals(json(io.fresnel.metrics.MetricsEvaluator.evaluate(s)), json(e.metrics()));
        }
    }

    @Test
    void theMetricsAreThoseOfTheDesignedPrecoder() throws Exception {
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r)) {
            service.submit(golden(), "zf");
            r.next();
            Evaluation e = r.evaluations.get(0);
            assertEquals(json(io.fresnel.metrics.MetricsEvaluator.evaluate(e.designed())), json(e.metrics()));
            assertEquals(e.design().precoder(), e.designed().precoder());
        }
    }

    @Test
    void theLastPrecoderOfTheSameAlgorithmIsTheWarmStart() throws Exception {
        Recorder r = new Recorder();
        BlockingQueue<Object> warmStarts = new LinkedBlockingQueue<>();
        Design mrt = Designs.byName("mrt");
        Design spy = design("mrt", (scenario, context) -> {
            warmStarts.add(context.warmStart() == null ? "none" : context.warmStart());
            return mrt.run(scenario, context);
        });
        try (SolverService service = new SolverService(r, name -> spy)) {
            service.submit(golden(), "mrt");
            Precoder first = ((DesignResult) r.next()).precoder();
            service.submit(golden(), "mrt");
            r.next();
            assertEquals("none", warmStarts.poll(GUARD_S, TimeUnit.SECONDS));
            assertSame(first, warmStarts.poll(GUARD_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void feasibleIntermediatesAreEvaluatedAndReportedBeforeTheResult() throws Exception {
        Recorder r = new Recorder();
        Design mrt = Designs.byName("mrt");
        Design zf = Designs.byName("zf");
        Design local = design("local", (scenario, context) -> {
            Precoder a = mrt.run(scenario, DesignContext.none()).precoder();
            context.progress().onFeasible(1, a);
            Precoder b = zf.run(scenario, DesignContext.none()).precoder();
            context.progress().onFeasible(2, b);
            return new DesignResult("local", DesignStatus.CONVERGED, b, null, 2, 0, "converged");
        });
        try (SolverService service = new SolverService(r, name -> local)) {
            Scenario s = golden();
            service.submit(s, "local");
            assertInstanceOf(DesignResult.class, r.next());
            assertEquals(2, r.intermediates.size());
            Evaluation first = r.intermediates.get(0);
            assertSame(s, first.input());
            assertNull(first.design());
            assertEquals(mrt.run(s, DesignContext.none()).precoder(), first.designed().precoder());
            assertEquals(json(io.fresnel.metrics.MetricsEvaluator.evaluate(first.designed())), json(first.metrics()));
        }
    }

    @Test
    void aSupersededRunsLastFeasibleIntermediateIsTheNextWarmStart() throws Exception {
        Recorder r = new Recorder();
        Design mrt = Designs.byName("mrt");
        BlockingQueue<Object> warmStarts = new LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Precoder[] intermediate = new Precoder[1];
        Design local = design("local", (scenario, context) -> {
            warmStarts.add(context.warmStart() == null ? "none" : context.warmStart());
            if (intermediate[0] == null) {
                intermediate[0] = mrt.run(scenario, DesignContext.none()).precoder().scaled(0.5);
                context.progress().onFeasible(1, intermediate[0]);
                reported.countDown();
                while (!context.isCancelled()) {
                    Thread.onSpinWait();
                }
                return new DesignResult("local", DesignStatus.CANCELLED, null, null, 1, 0, null);
            }
            return mrt.run(scenario, context);
        });
        try (SolverService service = new SolverService(r, name -> local)) {
            service.submit(golden(), "local");
            assertTrue(reported.await(GUARD_S, TimeUnit.SECONDS));
            service.submit(golden(), "local");
            assertInstanceOf(DesignResult.class, r.next());
            assertEquals("none", warmStarts.poll(GUARD_S, TimeUnit.SECONDS));
            assertSame(intermediate[0], warmStarts.poll(GUARD_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void aCancelledRunIsNeverReported() throws Exception {
        Recorder r = new Recorder();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Design zf = Designs.byName("zf");
        Design slow = design("slow", (scenario, context) -> {
            started.countDown();
            while (!context.isCancelled()) {
                Thread.onSpinWait();
            }
            return new DesignResult("slow", DesignStatus.CANCELLED, null, null, 0, 0, null);
        });
        try (SolverService service = new SolverService(r, name -> name.equals("slow") ? slow : zf)) {
            service.submit(golden(), "slow");
            assertTrue(started.await(GUARD_S, TimeUnit.SECONDS));
            service.submit(golden(), "zf");
            DesignResult result = assertInstanceOf(DesignResult.class, r.next());
            assertEquals("zf", result.algorithm());
            assertNull(r.outcomes.poll());
        }
    }
}
