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
 * taking the next unfinished row until none is left, and handing the kernel a whole row at a
 * time ({@link PointKernel.Worker#valuesAt}). This is the only level of parallelism: nothing
 * inside a kernel is multithreaded. The cancellation flag is read once per row.
 */
final class RowSweep {
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private RowSweep() {
    }

    /**
     * @param grid the grid
     * @param kernel the prepared layer
     * @param cancelled polled once per row; when it returns true the sweep stops
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
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean userCancelled = new AtomicBoolean();
        Runnable task = () -> {
            PointKernel.Worker w = kernel.worker();
            double[] xs = new double[nu];
            double[] ys = new double[nu];
            double[] zs = new double[nu];
            double[] row = new double[nu];
            for (int iv = next.getAndIncrement(); iv < nv; iv = next.getAndIncrement()) {
                if (stop.get()) {
                    return;
                }
                if (cancelled.getAsBoolean()) {
                    userCancelled.set(true);
                    stop.set(true);
                    return;
                }
                double v = grid.v(iv);
                for (int iu = 0; iu < nu; iu++) {
                    if (!plane.isAxisAligned()) {
                        Vec3 q = plane.point(us[iu], v);
                        xs[iu] = q.x();
                        ys[iu] = q.y();
                        zs[iu] = q.z();
                        continue;
                    }
                    switch (plane.normal()) {
                        case Z -> {
                            xs[iu] = us[iu];
                            ys[iu] = v;
                            zs[iu] = c;
                        }
                        case Y -> {
                            xs[iu] = us[iu];
                            ys[iu] = c;
                            zs[iu] = v;
                        }
                        case X -> {
                            xs[iu] = c;
                            ys[iu] = us[iu];
                            zs[iu] = v;
                        }
                    }
                }
                w.valuesAt(xs, ys, zs, 0, nu, row);
                System.arraycopy(row, 0, values, iv * nu, nu);
            }
        };
        int tasks = Math.min(POOL.getParallelism(), nv);
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
