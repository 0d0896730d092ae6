package io.fresnel.sweep;

import io.fresnel.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The options of {@code sweep} as a {@link PaperSweep} receives them.
 *
 * @param out the output folder (exists)
 * @param draws random draws per point (>= 1)
 * @param seed the seed of the draws
 * @param schemes the design or scheme names to compare, or null for the figure's own
 * @param points the x values in the figure's unit, or null for the figure's defaults
 * @param base the base scenario given with {@code --base}, or null for the paper's preset
 * @param threads parallel runs (>= 1)
 * @param maxIterations the solver block's {@code max_iterations} for every run, or null
 * @param monteCarlo true when the figure should be computed by Monte Carlo instead of its exact
 *     (analytical) value, where it has both
 */
public record SweepOptions(Path out, int draws, long seed, List<String> schemes, List<Double> points, Scenario base,
        int threads, Integer maxIterations, boolean monteCarlo) {

    /** Validates and copies the lists. */
    public SweepOptions {
        Objects.requireNonNull(out, "out");
        if (draws < 1) {
            throw new IllegalArgumentException("--draws must be at least 1 (got " + draws + ")");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 (got " + threads + ")");
        }
        schemes = schemes == null ? null : List.copyOf(schemes);
        points = points == null ? null : List.copyOf(points);
    }
}
