package io.fresnel.sweep;

import java.io.Serializable;
import java.util.Objects;

/**
 * One design run of a sweep, as an engine ships it to a worker: the x value (with its index in
 * {@code SweepSpec.points()}), the draw, the scheme (with its index in
 * {@code SweepSpec.schemes()}) and the seed of the draws. A run is identified by
 * {@link #key()}: (x, draw, scheme, seed); the indices only locate its row.
 *
 * @param xIndex index of x in the spec's points
 * @param x the x value (units of the figure's {@code x_name})
 * @param draw the draw index (from 0)
 * @param schemeIndex index of the scheme in the spec's schemes
 * @param scheme the design name
 * @param seed the seed of the draws ({@link DrawGenerator#drawSeed})
 */
public record SweepRun(int xIndex, double x, int draw, int schemeIndex, String scheme, long seed)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks the fields. */
    public SweepRun {
        Objects.requireNonNull(scheme, "scheme");
        if (xIndex < 0 || draw < 0 || schemeIndex < 0) {
            throw new IllegalArgumentException("negative index in run " + scheme + " x = " + x + " draw " + draw);
        }
    }

    /**
     * The identity of a run across restarts (the journal's key).
     *
     * @param x the x value
     * @param draw the draw
     * @param scheme the design name
     * @param seed the seed
     * @return a text naming the four
     */
    public static String key(double x, int draw, String scheme, long seed) {
        return "x=" + x + " draw=" + draw + " scheme=" + scheme + " seed=" + seed;
    }

    /** @return {@link #key(double, int, String, long)} of this run */
    public String key() {
        return key(x, draw, scheme, seed);
    }
}
