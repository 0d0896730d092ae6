package io.fresnel.sweep;

import java.util.Arrays;
import java.util.Objects;

/**
 * One design run of a curve figure (a row of {@code fig<K>-runs.csv}).
 *
 * @param x the x value (the figure's unit)
 * @param series the curve's label
 * @param draw the draw index (0: the paper's geometry)
 * @param sceneSeed the seed of the draw's geometry ({@link DrawGenerator#drawSeed})
 * @param status the design's status ({@code optimal}, {@code infeasible}, ...), or {@code error}
 * @param counted whether the values enter the means: the design returned a precoder whose
 *     re-evaluation by the metric code meets every constraint of its scenario
 * @param values the figure's columns in order (SI units); null where the value does not exist
 * @param iterations the design's iterations (or SDP solves)
 * @param seconds the design's wall-clock time (s)
 * @param message the design's note, the violated constraint or the failure, or null
 */
public record CurveRun(double x, String series, int draw, long sceneSeed, String status, boolean counted,
        Double[] values, int iterations, double seconds, String message) {

    /** Copies the values. */
    public CurveRun {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(status, "status");
        values = values.clone();
    }

    /** @return a copy of the values */
    @Override
    public Double[] values() {
        return values.clone();
    }

    /**
     * @param i a column index
     * @return that value, or null
     */
    public Double value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurveRun r && Double.compare(x, r.x) == 0 && series.equals(r.series) && draw == r.draw
                && sceneSeed == r.sceneSeed && status.equals(r.status) && counted == r.counted
                && Arrays.equals(values, r.values) && iterations == r.iterations
                && Double.compare(seconds, r.seconds) == 0 && Objects.equals(message, r.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, series, draw, status, Arrays.hashCode(values));
    }
}
