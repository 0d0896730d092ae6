package io.fresnel.model;

/**
 * The monostatic radar's receive parameters.
 *
 * @param snapshots number of snapshots T (>= 1)
 * @param noiseW noise power per receive antenna sigma^2 (W, > 0)
 */
public record Sensing(int snapshots, double noiseW) {

    /** Validates the fields. */
    public Sensing {
        if (snapshots < 1) {
            throw new IllegalArgumentException("snapshots must be >= 1 (got " + snapshots + ")");
        }
        Checks.positive("noise_w", noiseW);
        Envelope.inRange("noise_w", noiseW, Envelope.MIN_NOISE_W, Envelope.MAX_POWER_W);
        if (snapshots > Envelope.MAX_SNAPSHOTS) {
            throw new IllegalArgumentException("snapshots must be <= " + Envelope.MAX_SNAPSHOTS + " (got " + snapshots
                    + ")");
        }
    }
}
