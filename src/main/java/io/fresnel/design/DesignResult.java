package io.fresnel.design;

import io.fresnel.model.Precoder;
import java.util.Objects;

/**
 * The outcome of one design run.
 *
 * @param algorithm the algorithm name (SCENARIO.md section 4), never blank
 * @param status how the run ended
 * @param precoder the designed precoder, or null unless one was designed (always null when
 *     infeasible)
 * @param objective the design's objective value at the end (its unit is the design's; the
 *     closed-form baselines report the sum rate in bit/s/Hz, or null without users), or null
 * @param iterations iterations performed (>= 0)
 * @param seconds wall-clock time of the run (s, >= 0)
 * @param message a note for the user (why it is infeasible, ...), or null
 */
public record DesignResult(String algorithm, DesignStatus status, Precoder precoder, Double objective,
        int iterations, double seconds, String message) {

    /**
     * @param startNanos a {@link System#nanoTime()} reading taken when the run started
     * @return the seconds since then
     */
    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * @param algorithm the design's name
     * @param startNanos {@link System#nanoTime()} at the start of the run
     * @return the result of a run cancelled before it did any work
     */
    static DesignResult cancelledBeforeStart(String algorithm, long startNanos) {
        return new DesignResult(algorithm, DesignStatus.CANCELLED, null, null, 0, secondsSince(startNanos),
                "cancelled before it started");
    }

    /** Validates the fields. */
    public DesignResult {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm.isBlank()) {
            throw new IllegalArgumentException("algorithm must not be blank");
        }
        Objects.requireNonNull(status, "status");
        if (objective != null && Double.isNaN(objective)) {
            throw new IllegalArgumentException("objective must not be NaN (use null when there is none)");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0 (got " + iterations + ")");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and >= 0 (got " + seconds + ")");
        }
        if (precoder != null && status == DesignStatus.INFEASIBLE) {
            // SCENARIO.md section 4: never a precoder that silently violates the constraints
            throw new IllegalArgumentException("an infeasible result carries no precoder");
        }
    }
}
