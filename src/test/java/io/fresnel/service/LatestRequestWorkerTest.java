package io.fresnel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LatestRequestWorkerTest {
    /** A guard against a hung test, not a timing assertion. */
    private static final long GUARD_S = 10;

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(GUARD_S, TimeUnit.SECONDS), "timed out waiting for the worker");
    }

    @Test
    void theNewestRequestWinsAndSupersededOutcomesAreNeverDelivered() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch lastDelivered = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        try (LatestRequestWorker<Integer, Integer> worker = new LatestRequestWorker<>("test-worker", (q, c) -> {
            ran.add(q);
            if (q == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return q * 10;
        })) {
            worker.submit(1, o -> delivered.add(((Outcome.Success<Integer>) o).value()));
            await(firstStarted);
            worker.submit(2, o -> delivered.add(((Outcome.Success<Integer>) o).value()));
            worker.submit(3, o -> delivered.add(((Outcome.Success<Integer>) o).value()));
            worker.submit(4, o -> {
                delivered.add(((Outcome.Success<Integer>) o).value());
                lastDelivered.countDown();
            });
            releaseFirst.countDown();
            await(lastDelivered);
        }
        assertEquals(List.of(40), delivered);
        assertEquals(List.of(1, 4), ran);
    }

    @Test
    void theRunningRequestSeesCancellationWhenANewerOneArrives() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch sawCancel = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        try (LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("test-worker", (q, cancelled) -> {
            if (q.equals("slow")) {
                assertFalse(cancelled.getAsBoolean());
                started.countDown();
                while (!cancelled.getAsBoolean()) {
                    Thread.onSpinWait();
                }
                sawCancel.countDown();
            }
            return q;
        })) {
            worker.submit("slow", o -> { });
            await(started);
            worker.submit("fast", o -> secondDone.countDown());
            await(sawCancel);
            await(secondDone);
        }
    }

    @Test
    void aFailingRequestDeliversItsError() throws InterruptedException {
        AtomicReference<Outcome<String>> got = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("boom");
        try (LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("test-worker", (q, c) -> {
            throw boom;
        })) {
            worker.submit("x", o -> {
                got.set(o);
                done.countDown();
            });
            await(done);
        }
        Outcome.Failure<String> failure = assertInstanceOf(Outcome.Failure.class, got.get());
        assertEquals(boom, failure.error());
    }

    @Test
    void workAndCallbackRunOnTheNamedDaemonWorkerThread() throws InterruptedException {
        AtomicReference<Thread> workThread = new AtomicReference<>();
        AtomicReference<Thread> callbackThread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("solver-x", (q, c) -> {
            workThread.set(Thread.currentThread());
            return q;
        })) {
            worker.submit("x", o -> {
                callbackThread.set(Thread.currentThread());
                done.countDown();
            });
            await(done);
        }
        assertNotSame(Thread.currentThread(), workThread.get());
        assertEquals(workThread.get(), callbackThread.get());
        assertEquals("solver-x", workThread.get().getName());
        assertTrue(workThread.get().isDaemon());
    }

    @Test
    void closeStopsTheThreadAndRefusesNewRequests() throws InterruptedException {
        AtomicReference<Thread> workThread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("test-worker", (q, c) -> {
            workThread.set(Thread.currentThread());
            return q;
        });
        worker.submit("x", o -> done.countDown());
        await(done);
        worker.close();
        workThread.get().join(TimeUnit.SECONDS.toMillis(GUARD_S));
        assertFalse(workThread.get().isAlive());
        assertThrows(IllegalStateException.class, () -> worker.submit("y", o -> { }));
        worker.close();
    }

    @Test
    void closeCancelsTheRunningRequestAndDiscardsItsOutcome() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicReference<Thread> workThread = new AtomicReference<>();
        List<Outcome<String>> delivered = new CopyOnWriteArrayList<>();
        LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("test-worker", (q, cancelled) -> {
            workThread.set(Thread.currentThread());
            started.countDown();
            while (!cancelled.getAsBoolean()) {
                Thread.onSpinWait();
            }
            returned.countDown();
            return q;
        });
        worker.submit("x", delivered::add);
        await(started);
        worker.close();
        await(returned);
        workThread.get().join(TimeUnit.SECONDS.toMillis(GUARD_S));
        assertFalse(workThread.get().isAlive());
        assertEquals(List.of(), delivered);
    }

    @Test
    void cancelStopsTheRunningRequestDropsThePendingOneAndTheWorkerCarriesOn() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch thirdDone = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicReference<Boolean> firstCancelled = new AtomicReference<>();
        try (LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("test-worker", (q, cancelled) -> {
            ran.add(q);
            if (q.equals("first")) {
                started.countDown();
                await(release);
                firstCancelled.set(cancelled.getAsBoolean());
            }
            return q;
        })) {
            worker.submit("first", o -> delivered.add("first"));
            await(started);
            worker.cancel();
            worker.submit("second", o -> delivered.add("second"));
            worker.cancel();
            release.countDown();
            worker.submit("third", o -> {
                delivered.add(((Outcome.Success<String>) o).value());
                thirdDone.countDown();
            });
            await(thirdDone);
        }
        assertTrue(firstCancelled.get(), "the running request is told to stop");
        assertEquals(List.of("third"), delivered);
        assertEquals(List.of("first", "third"), ran, "the pending request was dropped");
    }
}
