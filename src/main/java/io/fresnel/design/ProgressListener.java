package io.fresnel.design;

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
}
