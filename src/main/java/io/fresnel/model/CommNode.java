package io.fresnel.model;

import io.fresnel.math.Vec3;

/**
 * A single-antenna communication node: a user or an eavesdropper.
 *
 * @param id unique identifier across all node lists
 * @param positionM position p (m)
 * @param noiseW receiver noise power (W, > 0)
 * @param link how the channel row is formed
 * @param minRateBpsHz the user's rate requirement (bit/s/Hz), or null
 */
public record CommNode(String id, Vec3 positionM, double noiseW, Link link, Double minRateBpsHz) {

    /** Validates the fields. */
    public CommNode {
        Checks.id("id", id);
        Checks.finite("position_m", positionM);
        Checks.positive("noise_w", noiseW);
        Envelope.inRange("noise_w", noiseW, Envelope.MIN_NOISE_W, Envelope.MAX_POWER_W);
        link = link == null ? Link.LINE_OF_SIGHT : link;
        if (minRateBpsHz != null) {
            Envelope.inRange("min_rate_bps_hz", minRateBpsHz, 0, Envelope.MAX_RATE_BPS_HZ);
        }
    }

    /** @return a copy at another position */
    public CommNode withPosition(Vec3 p) {
        return new CommNode(id, p, noiseW, link, minRateBpsHz);
    }
}
