package io.fresnel.render;

import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Evaluates a {@link PointKernel} on every point of a grid, rows in parallel: one task per
 * worker thread of a fixed pool (one per core), each with its own {@link PointKernel.Worker},
 * taking the next unfinished chunk of whole rows until none is left, and handing the kernel a
 * chunk at a time ({@link PointKernel.Worker#valuesAt}; {@link #CHUNK_POINTS} points, a few rows).
 * This is the only level of parallelism: nothing inside a kernel is multithreaded. The
 * cancellation flag is read once per chunk.
 */
final class RowSweep {
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    /**
     * Points handed to a worker at once (whole rows, at least one): enough that the vector loops'
     * scalar start and end, which C2 leaves at up to 64 points per loop with 512-bit vectors, are
     * a small part of every loop (measured on the 48 x 48 slice: a chunk of 800 points instead
     * of one 200-point row took 21 % less CPU), and at most {@link StreamPowers#BLOCK}.
     */
    static final int CHUNK_POINTS = 800;

    private RowSweep() {
    }

    /**
     * @param nu points per row
     * @param nv rows
     * @return the rows per chunk: as many whole rows as fit in {@link #CHUNK_POINTS} (at least
     *     one), but no more than half the rows rounded up, so that both cores get work
     */
    static int rowsPerChunk(int nu, int nv) {
        int rows = Math.max(1, CHUNK_POINTS / nu);
        return Math.max(1, Math.min(rows, (nv + 1) / 2));
    }

    /**
     * @param grid the grid
     * @param kernel the prepared layer
     * @param cancelled polled once per chunk of rows; when it returns true the sweep stops
     * @return the values, index iv * nu + iu
     * @throws CancellationException when {@code cancelled} returned true
     * @throws InterruptedException when the calling thread was interrupted while waiting
     */
    static double[] run(GridSpec grid, PointKernel kernel, BooleanSupplier cancelled) throws InterruptedException {
        double[] values = new double[grid.size()];
        int nu = grid.nu();
        int nv = grid.nv();
        double[] us = new double[nu];
        for (int iu = 0; iu < nu; iu++) {
            us[iu] = grid.u(iu);
        }
        Plane plane = grid.plane();
        double c = plane.offsetM();
        int rows = rowsPerChunk(nu, nv);
        int chunks = (nv + rows - 1) / rows;
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean userCancelled = new AtomicBoolean();
        Runnable task = () -> {
            PointKernel.Worker w = kernel.worker();
            int capacity = rows * nu;
            double[] xs = new double[capacity];
            double[] ys = new double[capacity];
            double[] zs = new double[capacity];
            double[] chunk = new double[capacity];
            for (int k = next.getAndIncrement(); k < chunks; k = next.getAndIncrement()) {
                if (stop.get()) {
                    return;
                }
                if (cancelled.getAsBoolean()) {
                    userCancelled.set(true);
                    stop.set(true);
                    return;
                }
                int first = k * rows;
                int last = Math.min(nv, first + rows);
                int at = 0;
                for (int iv = first; iv < last; iv++) {
                    double v = grid.v(iv);
                    for (int iu = 0; iu < nu; iu++, at++) {
                        if (!plane.isAxisAligned()) {
                            Vec3 q = plane.point(us[iu], v);
                            xs[at] = q.x();
                            ys[at] = q.y();
                            zs[at] = q.z();
                            continue;
                        }
                        switch (plane.normal()) {
                            case Z -> {
                                xs[at] = us[iu];
                                ys[at] = v;
                                zs[at] = c;
                            }
                            case Y -> {
                                xs[at] = us[iu];
                                ys[at] = c;
                                zs[at] = v;
                            }
                            case X -> {
                                xs[at] = c;
                                ys[at] = us[iu];
                                zs[at] = v;
                            }
                        }
                    }
                }
                w.valuesAt(xs, ys, zs, 0, at, chunk);
                System.arraycopy(chunk, 0, values, first * nu, at);
            }
        };
        int tasks = Math.min(POOL.getParallelism(), chunks);
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            futures.add(POOL.submit(task));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            stop.set(true);
            throw e;
        } catch (ExecutionException e) {
            stop.set(true);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a heatmap row failed", cause);
        }
        if (userCancelled.get()) {
            throw new CancellationException("the heatmap computation was cancelled");
        }
        return values;
    }
}
