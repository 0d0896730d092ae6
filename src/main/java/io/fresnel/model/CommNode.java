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
        link = link == null ? Link.LINE_OF_SIGHT : link;
        if (minRateBpsHz != null) {
            Checks.nonNegative("min_rate_bps_hz", minRateBpsHz);
        }
    }

    /** @return a copy at another position */
    public CommNode withPosition(Vec3 p) {
        return new CommNode(id, p, noiseW, link, minRateBpsHz);
    }
}
