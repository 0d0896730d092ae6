package io.fresnel.design.rsma;

import io.fresnel.design.DesignContext;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bookkeeping of one run of {@link RsmaSolver}, shared by its steps: the budget of surrogate
 * solves ({@code max_iterations}), cancellation, progress reports and the throttled reports of
 * feasible intermediate precoders. Mutable, confined to the run's thread.
 */
final class SolverRun {
    /**
     * Minimum time between two intermediate reports after the first (ns): long enough for the
     * window to finish its full-resolution heatmap of one before the next arrives.
     */
    static final long REPORT_INTERVAL_NS = 1_000_000_000L;

    private final DesignContext ctx;
    private final int maxIterations;
    private final Consumer<RsmaOutcome> feasible;
    private int iterations;
    private boolean reported;
    private long lastReport;

    /**
     * @param ctx the design context (cancellation, progress)
     * @param maxIterations surrogate solves allowed
     * @param feasible receives feasible intermediate outcomes, or null
     */
    SolverRun(DesignContext ctx, int maxIterations, Consumer<RsmaOutcome> feasible) {
        this.ctx = ctx;
        this.maxIterations = maxIterations;
        this.feasible = feasible;
    }

    /** @return whether the run was cancelled */
    boolean cancelled() {
        return ctx.isCancelled();
    }

    /** @return the cancellation flag, for the inner solver to poll */
    BooleanSupplier cancelFlag() {
        return ctx.cancelled();
    }

    /** @return whether the budget of surrogate solves is used up */
    boolean exhausted() {
        return iterations >= maxIterations;
    }

    /** Counts one surrogate solve. */
    void countSolve() {
        iterations++;
    }

    /** @return surrogate solves so far */
    int iterations() {
        return iterations;
    }

    /** Reports progress (objective in bit/s/Hz) at the current iteration count. */
    void progress(double objective, String message) {
        ctx.progress().onIteration(iterations, objective, message);
    }

    /**
     * Reports a feasible intermediate outcome: the first at once, then at most every
     * {@link #REPORT_INTERVAL_NS}; the outcome is built only when it is reported.
     */
    void offer(Supplier<RsmaOutcome> outcome) {
        long now = System.nanoTime();
        if (feasible == null || (reported && now - lastReport < REPORT_INTERVAL_NS)) {
            return;
        }
        feasible.accept(outcome.get());
        reported = true;
        lastReport = now;
    }
}
