package io.fresnel.model;

import io.fresnel.math.Vec3;

/**
 * Propagation models and the reference point o about which ranges and angles are taken.
 *
 * @param phase phase model of D_n(p)
 * @param amplitude amplitude model of A_n(p)
 * @param referenceM reference point o (m), or null for the transmit-array centroid
 */
public record Propagation(PhaseModel phase, AmplitudeModel amplitude, Vec3 referenceM) {

    /** Validates the fields. */
    public Propagation {
        Checks.required("phase", phase);
        Checks.required("amplitude", amplitude);
        if (referenceM != null) {
            Checks.finite("reference_m", referenceM);
        }
    }
}
