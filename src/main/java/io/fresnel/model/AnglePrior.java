package io.fresnel.model;

import java.util.List;

/**
 * Discrete prior of a target's angle (paper 001): a Gaussian mixture with means
 * {@code anglesRad}, weights {@code probabilities} and common standard deviation
 * {@code sigmaRad}, at the known range {@code rangeM} about the reference point.
 *
 * @param anglesRad candidate angles theta_k (rad), at least one
 * @param probabilities weights p_k (>= 0, summing to 1 within 1e-6), one per angle
 * @param sigmaRad standard deviation sigma_theta of each component (rad, > 0)
 * @param rangeM known range r0 (m, > 0)
 */
public record AnglePrior(List<Double> anglesRad, List<Double> probabilities, double sigmaRad, double rangeM) {

    /** Largest number of candidate angles. */
    public static final int MAX_CANDIDATES = 4096;

    /** Validates and copies. */
    public AnglePrior {
        Checks.required("angles_rad", anglesRad);
        Checks.required("probabilities", probabilities);
        if (anglesRad.isEmpty()) {
            throw new IllegalArgumentException("angles_rad must list at least one candidate angle");
        }
        if (anglesRad.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException("angles_rad lists more than " + MAX_CANDIDATES + " candidates");
        }
        if (probabilities.size() != anglesRad.size()) {
            throw new IllegalArgumentException("probabilities has " + probabilities.size()
                    + " entries but angles_rad has " + anglesRad.size());
        }
        double sum = 0;
        for (int k = 0; k < anglesRad.size(); k++) {
            Checks.finite("angles_rad[" + k + "]", Checks.required("angles_rad[" + k + "]", anglesRad.get(k)));
            double pk = Checks.required("probabilities[" + k + "]", probabilities.get(k));
            Checks.nonNegative("probabilities[" + k + "]", pk);
            sum += pk;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("probabilities must sum to 1 (got " + sum + ")");
        }
        Envelope.inRange("sigma_rad", sigmaRad, Envelope.MIN_PRIOR_SIGMA_RAD, Envelope.MAX_PRIOR_SIGMA_RAD);
        Envelope.inRange("range_m", rangeM, Envelope.MIN_PRIOR_RANGE_M, Checks.MAX_COORDINATE_M);
        anglesRad = List.copyOf(anglesRad);
        probabilities = List.copyOf(probabilities);
    }
}
