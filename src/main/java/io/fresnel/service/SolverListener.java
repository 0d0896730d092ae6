package io.fresnel.service;


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
     * A running design produced a feasible intermediate precoder (a local method's iterate); the
     * evaluation carries it and its metrics, with no design result yet. The final result follows
     * through {@link #onResult}.
     *
     * @param evaluation the intermediate evaluation ({@code design()} is null)
     */
    default void onIntermediate(Evaluation evaluation) {
    }

    /**
     * The request ended: the design's result (optimal, infeasible, rejected input, ...) and the
     * metrics of the precoder in force.
     *
     * @param evaluation what came of the request
     */
    void onResult(Evaluation evaluation);

    /**
     * The request could not run: an unknown algorithm ({@link IllegalArgumentException}) or an
     * internal error. (An input the design cannot handle is a result with a problem message.)
     *
     * @param error the cause; its message names it
     */
    void onFailure(Throwable error);

    /**
     * Like {@link #onFailure(Throwable)}, with the tag of the failed request (what
     * {@link SolverService} calls; by default it forwards to {@link #onFailure(Throwable)}).
     *
     * @param error the cause; its message names it
     * @param generation the tag given to {@link SolverService#submit(io.fresnel.model.Scenario, String, long)}
     */
    default void onFailure(Throwable error, long generation) {
        onFailure(error);
    }
}
