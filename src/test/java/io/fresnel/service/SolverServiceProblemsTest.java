package io.fresnel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The problem texts of {@link SolverService} (a design without a precoder, a scenario without
 * one), its cancel, the warm starts forgotten with another client generation, and the worker's
 * behaviour when a callback fails or its thread is interrupted.
 */
class SolverServiceProblemsTest {
    /** A guard against a hung test, not a timing assertion. */
    private static final long GUARD_S = 10;

    /** Collects results and failures in arrival order. */
    private static final class Recorder implements SolverListener {
        final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();

        @Override
        public void onResult(Evaluation evaluation) {
            outcomes.add(evaluation);
        }

        @Override
        public void onFailure(Throwable error) {
            outcomes.add(error);
        }

        Object next() throws InterruptedException {
            Object o = outcomes.poll(GUARD_S, TimeUnit.SECONDS);
            assertNotNull(o, "timed out waiting for the solver");
            return o;
        }
    }

    private static Design design(String name, SolverServiceTest.Body body) {
        return SolverServiceTest.design(name, body);
    }

    private static Scenario golden() throws Exception {
        return ScenarioReader.readScenario(GoldenFiles.goldenDir().resolve("public/p_dbg_random_n6.scenario.json"));
    }

    @Test
    void aDesignWithoutAPrecoderIsAProblemNamingItsStatusAndItsMessageIfAny() throws Exception {
        Design withMessage = design("picky", (s, c) ->
                new DesignResult("picky", DesignStatus.INFEASIBLE, null, null, 3, 0, "the SINR target is out of reach"));
        Design silent = design("quiet", (s, c) -> new DesignResult("quiet", DesignStatus.INFEASIBLE, null, null, 3, 0,
                null));
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r, name -> name.equals("picky") ? withMessage : silent)) {
            Scenario s = golden();
            service.submit(s, "picky");
            Evaluation e = assertInstanceOf(Evaluation.class, r.next());
            assertEquals("picky: infeasible (the SINR target is out of reach)", e.problem());
            assertSame(s, e.designed(), "the scenario's own precoder stays in force");
            assertNotNull(e.metrics());
            service.submit(s, "quiet");
            e = assertInstanceOf(Evaluation.class, r.next());
            assertEquals("quiet: infeasible", e.problem(), "no message, no parentheses");
        }
    }

    @Test
    void aScenarioWithoutAPrecoderAsksForABeamformerUnlessADesignAlreadySaidWhy() throws Exception {
        Design failing = design("picky", (s, c) ->
                new DesignResult("picky", DesignStatus.INFEASIBLE, null, null, 1, 0, "no feasible point"));
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r, name -> failing)) {
            Scenario bare = golden().withPrecoder(null);
            service.submit(bare, null);
            Evaluation e = assertInstanceOf(Evaluation.class, r.next());
            assertEquals("no precoder: choose a beamformer", e.problem());
            assertNull(e.metrics());
            assertNull(e.design());
            service.submit(bare, "picky");
            e = assertInstanceOf(Evaluation.class, r.next());
            assertEquals("picky: infeasible (no feasible point)", e.problem(), "the design's reason is kept");
            assertNull(e.metrics());
        }
    }

    @Test
    void aSuccessfulDesignHasNoProblem() throws Exception {
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r)) {
            service.submit(golden(), "mrt");
            Evaluation e = assertInstanceOf(Evaluation.class, r.next());
            assertNull(e.problem());
            assertNotNull(e.metrics());
        }
    }

    @Test
    void anotherClientGenerationForgetsTheWarmStartAndTheSameGenerationKeepsIt() throws Exception {
        Design mrt = Designs.byName("mrt");
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        Design spy = design("mrt", (s, c) -> {
            seen.add(c.warmStart() == null ? "none" : c.warmStart());
            return mrt.run(s, c);
        });
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r, name -> spy)) {
            Scenario s = golden();
            service.submit(s, "mrt", 7);
            Evaluation first = assertInstanceOf(Evaluation.class, r.next());
            assertEquals(7, first.generation());
            service.submit(s, "mrt", 7);
            r.next();
            service.submit(s, "mrt", 8);
            Evaluation third = assertInstanceOf(Evaluation.class, r.next());
            assertEquals(8, third.generation());
            assertEquals("none", seen.poll(GUARD_S, TimeUnit.SECONDS));
            assertSame(first.design().precoder(), seen.poll(GUARD_S, TimeUnit.SECONDS), "same generation: warm start");
            assertEquals("none", seen.poll(GUARD_S, TimeUnit.SECONDS), "a new generation starts cold");
        }
    }

    @Test
    void cancelStopsTheRunningDesignDeliversNothingAndTheServiceCarriesOn() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Design zf = Designs.byName("zf");
        Design slow = design("slow", (s, c) -> {
            started.countDown();
            while (!c.isCancelled()) {
                Thread.onSpinWait();
            }
            stopped.countDown();
            return new DesignResult("slow", DesignStatus.CANCELLED, null, null, 0, 0, null);
        });
        Recorder r = new Recorder();
        try (SolverService service = new SolverService(r, name -> name.equals("slow") ? slow : zf)) {
            service.submit(golden(), "slow");
            assertTrue(started.await(GUARD_S, TimeUnit.SECONDS));
            service.cancel();
            assertTrue(stopped.await(GUARD_S, TimeUnit.SECONDS), "the running design is told to stop");
            service.submit(golden(), "zf");
            Evaluation e = assertInstanceOf(Evaluation.class, r.next());
            assertEquals("zf", e.design().algorithm());
            assertNull(r.outcomes.poll(), "the cancelled run delivered nothing");
        }
    }

    @Test
    void aFailingCallbackIsLoggedOnceAsAnErrorAndTheWorkerCarriesOn() throws Exception {
        Logger jul = Logger.getLogger(LatestRequestWorker.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = jul.getUseParentHandlers();
        jul.addHandler(handler);
        jul.setUseParentHandlers(false); // keep the expected stack trace out of the build log
        CountDownLatch thrown = new CountDownLatch(1);
        CountDownLatch after = new CountDownLatch(1);
        try (LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("callback-worker", (q, c) -> q)) {
            worker.submit("first", o -> {
                thrown.countDown();
                throw new IllegalStateException("the client broke");
            });
            assertTrue(thrown.await(GUARD_S, TimeUnit.SECONDS));
            worker.submit("second", o -> after.countDown());
            assertTrue(after.await(GUARD_S, TimeUnit.SECONDS), "the worker carried on");
        } finally {
            jul.removeHandler(handler);
            jul.setUseParentHandlers(parents);
        }
        assertEquals(1, records.size(), records.toString());
        LogRecord rec = records.get(0);
        assertEquals(Level.SEVERE, rec.getLevel());
        assertTrue(rec.getMessage().contains("callback-worker"), rec.getMessage());
        assertEquals("the client broke", rec.getThrown().getMessage());
    }

    @Test
    void anInterruptedIdleWorkerClosesItselfAndKeepsTheInterruptStatus() throws Exception {
        AtomicReference<Thread> thread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("interrupted-worker", (q, c) -> {
            thread.set(Thread.currentThread());
            return q;
        });
        worker.submit("x", o -> done.countDown());
        assertTrue(done.await(GUARD_S, TimeUnit.SECONDS));
        Thread t = thread.get();
        t.interrupt();
        t.join(TimeUnit.SECONDS.toMillis(GUARD_S));
        assertFalse(t.isAlive(), "the worker ends when interrupted");
        assertTrue(t.isInterrupted(), "the interrupt status is restored for whoever owns the thread");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> worker.submit("y", o -> { }));
        assertTrue(e.getMessage().contains("interrupted-worker"), e.getMessage());
        worker.close();
    }

    @Test
    void closingAWorkerThatWaitsForWorkWakesItAndEndsItsThread() throws Exception {
        AtomicReference<Thread> thread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("idle-close-worker", (q, c) -> {
            thread.set(Thread.currentThread());
            return q;
        });
        worker.submit("x", o -> done.countDown());
        assertTrue(done.await(GUARD_S, TimeUnit.SECONDS));
        Thread t = thread.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_S);
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1); // until the worker waits for the next request (its only wait)
        }
        assertEquals(Thread.State.WAITING, t.getState());
        worker.close();
        t.join(TimeUnit.SECONDS.toMillis(GUARD_S));
        assertFalse(t.isAlive(), "close wakes the waiting worker, which then ends");
    }
}
