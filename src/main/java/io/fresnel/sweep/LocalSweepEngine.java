package io.fresnel.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default engine: a fixed pool of daemon threads in this process, one solve per thread at a
 * time (the designs themselves are single-threaded: one level of parallelism, STYLE.md).
 */
public final class LocalSweepEngine implements SweepEngine {
    private final int threads;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile SweepTask running;

    /**
     * @param threads the pool size (>= 1)
     * @throws IllegalArgumentException when threads < 1
     */
    public LocalSweepEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 (got " + threads + ")");
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return SweepEngines.LOCAL;
    }

    @Override
    public String describe() {
        return threads + " thread" + (threads == 1 ? "" : "s");
    }

    @Override
    public void compute(SweepTask task, List<SweepRun> runs, Sink sink) throws InterruptedException, IOException {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(sink, "sink");
        running = task;
        Object lock = new Object();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fresnel-sweep-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<Void>> futures = new ArrayList<>(runs.size());
        try {
            for (SweepRun run : runs) {
                futures.add(pool.submit(() -> {
                    if (cancelled.get()) {
                        return null;
                    }
                    SweepResult.Solve row = task.solve(run);
                    synchronized (lock) {
                        if (!cancelled.get()) {
                            sink.accept(run, row);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } catch (ExecutionException e) {
            cancel();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            running = null;
        }
    }

    @Override
    public void cancel() {
        cancelled.set(true);
        SweepTask t = running;
        if (t != null) {
            t.cancel();
        }
    }

    @Override
    public void close() {
        cancel();
    }
}
