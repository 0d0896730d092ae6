package io.fresnel.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs every cell (x value, series, draw) of a sweep on a pool of daemon threads and returns the
 * results in canonical order: x, then series, then draw. Cells are submitted draw-major, so that
 * early results already cover every x value. A failing cell, or an interrupt, cancels the rest.
 */
final class GridRuns {

    /** One cell of the grid. */
    @FunctionalInterface
    interface Cell<R> {
        /**
         * @param xi the index of the x value
         * @param series the index of the series
         * @param draw the index of the draw
         * @param cancelled polled by the work
         * @return the cell's result
         */
        R run(int xi, int series, int draw, BooleanSupplier cancelled);
    }

    /** Told of each finished cell, from the pool's threads. */
    @FunctionalInterface
    interface Done<R> {
        /**
         * @param result the cell's result
         * @param done how many cells have finished, this one included
         * @param total how many cells there are
         */
        void finished(R result, int done, int total);
    }

    private GridRuns() {
    }

    /**
     * @param points the number of x values
     * @param series the number of series
     * @param draws the draws per point
     * @param threads the pool size (>= 1)
     * @param threadName the threads' name prefix
     * @param cell one cell
     * @param done told of each finished cell
     * @return the results in canonical order (x, series, draw)
     * @throws InterruptedException when interrupted (the pending cells are cancelled)
     * @throws IllegalStateException when a cell throws (the others are cancelled)
     */
    static <R> List<R> runAll(int points, int series, int draws, int threads, String threadName, Cell<R> cell,
            Done<R> done) throws InterruptedException {
        int total = points * series * draws;
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName + "-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<R>> futures = new ArrayList<>(Collections.nCopies(total, null));
        try {
            for (int d = 0; d < draws; d++) {
                for (int xi = 0; xi < points; xi++) {
                    for (int si = 0; si < series; si++) {
                        int x = xi;
                        int s = si;
                        int draw = d;
                        futures.set((xi * series + si) * draws + d, pool.submit(() -> {
                            R r = cell.run(x, s, draw, cancelled::get);
                            done.finished(r, finished.incrementAndGet(), total);
                            return r;
                        }));
                    }
                }
            }
            List<R> out = new ArrayList<>(total);
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            cancelled.set(true);
            throw e;
        } catch (ExecutionException e) {
            cancelled.set(true);
            throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
