package io.fresnel.design.sdr;

import io.fresnel.design.DesignStatus;

/**
 * The outcome of one of paper 004's SDPs.
 *
 * @param status how the solve ended
 * @param iterations interior-point iterations
 * @param x the normalised transmit covariance X (R_X = P Q X Q^H), {re, im} d x d, or null
 * @param w per user the normalised covariance Y_u, or null (no requirement, or no solution)
 * @param objective the SDP's objective in SI (m^2 for the CRB, W for the powers), NaN without one
 * @param note the solver's summary, for messages
 */
public record SdrSolution(DesignStatus status, int iterations, double[][][] x, double[][][][] w, double objective,
        String note) {

    /** @return an infeasible outcome found without solving */
    public static SdrSolution infeasible(String why) {
        return new SdrSolution(DesignStatus.INFEASIBLE, 0, null, null, Double.NaN, why);
    }
}
