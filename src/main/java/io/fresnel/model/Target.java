package io.fresnel.model;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;

/**
 * A sensing target. It reflects the transmit signal with the round-trip coefficient
 * {@code reflection} (beta); when {@code eavesdropper} is true it also listens as a
 * single-antenna receiver with its own noise and link.
 *
 * @param id unique identifier across all node lists
 * @param positionM position p_t (m)
 * @param reflection complex reflection coefficient beta_t (round trip)
 * @param eavesdropper whether the target overhears the streams
 * @param noiseW receiver noise (W); required (> 0) when it eavesdrops, else null or > 0
 * @param link its communication link (used when it eavesdrops)
 * @param prior prior of its angle (2-D only), or null
 */
public record Target(String id, Vec3 positionM, Complex reflection, boolean eavesdropper, Double noiseW, Link link,
        AnglePrior prior) {

    /** Validates the fields. */
    public Target {
        Checks.id("id", id);
        Checks.finite("position_m", positionM);
        Checks.finite("reflection", Checks.required("reflection", reflection));
        Envelope.magnitude("reflection", reflection.abs(), Envelope.MAX_GAIN);
        if (noiseW != null) {
            Checks.positive("noise_w", noiseW);
            Envelope.inRange("noise_w", noiseW, Envelope.MIN_NOISE_W, Envelope.MAX_POWER_W);
        } else if (eavesdropper) {
            throw new IllegalArgumentException("noise_w is required for an eavesdropping target");
        }
        link = link == null ? Link.LINE_OF_SIGHT : link;
    }

    /**
     * @return this target as a receiving node
     * @throws IllegalStateException when it has no noise power (it does not eavesdrop)
     */
    public CommNode asReceiver() {
        if (noiseW == null) {
            throw new IllegalStateException("target " + id + " has no noise_w and cannot act as a receiver");
        }
        return new CommNode(id, positionM, noiseW, link, null);
    }

    /** @return a copy at another position */
    public Target withPosition(Vec3 p) {
        return new Target(id, p, reflection, eavesdropper, noiseW, link, prior);
    }
}
