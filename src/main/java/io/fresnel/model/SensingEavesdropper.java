package io.fresnel.model;

import io.fresnel.math.Complex;

/**
 * A sensing eavesdropper (paper 002): its own receive array listens to the echo of one target
 * and tries to estimate the target's angle about the array's centroid.
 *
 * @param id unique identifier across all node lists
 * @param array its receive array
 * @param reflection target-to-eavesdropper echo gain beta_e
 * @param noiseW its noise power per antenna (W, > 0)
 * @param snapshots number of snapshots L (>= 1)
 * @param targetId the id of the target it listens to
 */
public record SensingEavesdropper(String id, ArrayGeometry array, Complex reflection, double noiseW, int snapshots,
        String targetId) {

    /** Validates the fields. */
    public SensingEavesdropper {
        Checks.id("id", id);
        Checks.required("array", array);
        Checks.finite("reflection", Checks.required("reflection", reflection));
        Envelope.magnitude("reflection", reflection.abs(), Envelope.MAX_GAIN);
        Checks.positive("noise_w", noiseW);
        Envelope.inRange("noise_w", noiseW, Envelope.MIN_NOISE_W, Envelope.MAX_POWER_W);
        if (snapshots > Envelope.MAX_SNAPSHOTS) {
            throw new IllegalArgumentException("snapshots must be <= " + Envelope.MAX_SNAPSHOTS + " (got " + snapshots
                    + ")");
        }
        if (snapshots < 1) {
            throw new IllegalArgumentException("snapshots must be >= 1 (got " + snapshots + ")");
        }
        Checks.id("target", targetId);
    }
}
