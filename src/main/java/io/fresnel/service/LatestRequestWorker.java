package io.fresnel.service;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs requests one at a time on a single daemon thread where the newest request wins: a
 * submitted request replaces a pending one that has not started (the old one is dropped), and the
 * running one is told to stop ({@code cancelled} turns true). Only a request that was not
 * superseded has its outcome delivered; a superseded request's outcome is never delivered.
 *
 * <p>{@code onDone} runs on the worker thread while the worker holds its lock, so that once
 * {@link #submit} has returned no older outcome can arrive; it must therefore be quick (hand the
 * result to another thread) and must not wait for a thread that may be calling {@code submit}.
 * An exception thrown by {@code onDone} is logged and the worker carries on.
 *
 * @param <Q> the request type (an immutable snapshot)
 * @param <R> the result type
 */
public final class LatestRequestWorker<Q, R> implements AutoCloseable {

    /**
     * The work done for one request.
     *
     * @param <Q> the request type
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface Work<Q, R> {
        /**
         * @param request the request
         * @param cancelled true once the request has been superseded or the worker closed; check
         *     it regularly and return early (the result is then discarded)
         * @return the result
         * @throws Exception any failure, delivered as {@link Outcome.Failure}
         */
        R run(Q request, BooleanSupplier cancelled) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(LatestRequestWorker.class.getName());

    private final Work<Q, R> work;
    private final Thread thread;
    private final Object lock = new Object();
    private Job<Q, R> pending;
    private Job<Q, R> running;
    private boolean closed;

    /**
     * Starts the worker thread.
     *
     * @param threadName the worker thread's name
     * @param work what to do for each request
     */
    public LatestRequestWorker(String threadName, Work<Q, R> work) {
        Objects.requireNonNull(threadName, "threadName");
        this.work = Objects.requireNonNull(work, "work");
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Submits a request; it supersedes every earlier one.
     *
     * @param request the request
     * @param onDone receives the outcome on the worker thread, unless the request is superseded
     * @throws IllegalStateException after {@link #close()}
     */
    public void submit(Q request, Consumer<Outcome<R>> onDone) {
        Objects.requireNonNull(onDone, "onDone");
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the worker " + thread.getName() + " is closed");
            }
            if (running != null) {
                running.cancelled = true;
            }
            // a pending request that never started is simply replaced: it is never run nor delivered
            pending = new Job<>(request, onDone);
            lock.notifyAll();
        }
    }

    /**
     * Cancels the pending and the running request: the pending one is dropped, the running one
     * is told to stop and its outcome is discarded; the worker stays open for new requests.
     */
    public void cancel() {
        synchronized (lock) {
            pending = null;
            if (running != null) {
                running.cancelled = true;
            }
        }
    }

    /**
     * Stops the worker: the pending request is dropped, the running one is cancelled and its
     * outcome discarded, and the thread ends once the running work returns. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            pending = null;
            if (running != null) {
                running.cancelled = true;
            }
            lock.notifyAll();
        }
    }

    private void loop() {
        while (true) {
            Job<Q, R> job;
            synchronized (lock) {
                while (pending == null && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closed = true;
                    }
                }
                if (closed) {
                    return;
                }
                job = pending;
                pending = null;
                running = job;
            }
            Outcome<R> outcome = execute(job);
            synchronized (lock) {
                running = null;
                if (!job.cancelled) {
                    deliver(job, outcome);
                }
            }
        }
    }

    private Outcome<R> execute(Job<Q, R> job) {
        try {
            return new Outcome.Success<>(work.run(job.request, job::isCancelled));
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // the caller reports it to the user; an OutOfMemoryError and the like propagate
            return new Outcome.Failure<>(e);
        }
    }

    private void deliver(Job<Q, R> job, Outcome<R> outcome) {
        try {
            job.onDone.accept(outcome);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "result callback of " + thread.getName() + " failed", e);
        }
    }

    /** One request and its callback; {@code cancelled} is guarded by the worker's lock for writes. */
    private static final class Job<Q, R> {
        final Q request;
        final Consumer<Outcome<R>> onDone;
        volatile boolean cancelled;

        Job(Q request, Consumer<Outcome<R>> onDone) {
            this.request = request;
            this.onDone = onDone;
        }

        boolean isCancelled() {
            return cancelled;
        }
    }
}
