package io.fresnel.model;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;

/**
 * A point scatterer on a node's path: it adds g_l v(q_l) to the node's channel row.
 *
 * @param positionM scatterer position q_l (m)
 * @param gain complex path gain g_l (required)
 */
public record Scatterer(Vec3 positionM, Complex gain) {

    /** Validates the fields. */
    public Scatterer {
        Checks.finite("position_m", positionM);
        Checks.finite("gain", gain);
        Envelope.magnitude("gain", gain.abs(), Envelope.MAX_GAIN);
    }
}
