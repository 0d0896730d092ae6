package io.fresnel.tradeoff;

/**
 * Receives what a {@link TradeoffTracer} reports, on the thread that traces (hand it over to a UI
 * thread in one step; do not block).
 */
public interface TradeoffListener {

    /** A listener that ignores every report. */
    TradeoffListener NONE = new TradeoffListener() {
    };

    /**
     * Progress of the trace.
     *
     * @param done design runs finished
     * @param total design runs the whole trace makes (every pass)
     * @param message what runs now, e.g. "level 4/11: iteration 12"
     */
    default void onProgress(int done, int total, String message) {
    }

    /**
     * A pass finished: the front so far (after the coarse pass, then after each refinement pass).
     *
     * @param front the points computed so far, ordered by level, with dominance flagged
     */
    default void onFront(TradeoffFront front) {
    }
}
