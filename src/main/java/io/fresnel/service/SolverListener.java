package io.fresnel.service;

import io.fresnel.design.DesignResult;

/**
 * Receives what a {@link SolverService} reports, always on the solver's worker thread (hand it
 * over to the UI thread in one step; do not block). Only the newest request reports: progress of
 * a superseded request is suppressed and its result never arrives.
 */
public interface SolverListener {

    /**
     * One iteration of the running design finished.
     *
     * @param iteration the iteration (1-based)
     * @param objective the design's objective, or NaN when it has none
     * @param message a short note
     */
    default void onProgress(int iteration, double objective, String message) {
    }

    /**
     * The design ended (optimal, infeasible, iteration limit, ...).
     *
     * @param result its result
     */
    void onResult(DesignResult result);

    /**
     * The design could not run: an unknown algorithm ({@link IllegalArgumentException}), an input
     * it cannot handle ({@link io.fresnel.design.DesignException}) or an internal error.
     *
     * @param error the cause; its message names it
     */
    void onFailure(Throwable error);
}
