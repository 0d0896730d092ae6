package io.fresnel.design;

import io.fresnel.model.Precoder;

/** Receives a design's progress, once per iteration, on the thread that runs the design. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (iteration, objective, message) -> { };

    /**
     * @param iteration the iteration just finished (1-based)
     * @param objective the design's objective after it (unit of the design's objective), or NaN
     *     when the design has none
     * @param message a short human-readable note (never null)
     */
    void onIteration(int iteration, double objective, String message);

    /**
     * A local method's intermediate iterate that meets the power and every constraint of the
     * design (so a client may show it while the run continues); the default ignores it.
     *
     * @param iteration the iteration it belongs to
     * @param precoder the feasible precoder
     */
    default void onFeasible(int iteration, Precoder precoder) {
    }
}
