package io.fresnel.metrics;

/**
 * System-wide metrics; a null field does not exist for the scenario.
 *
 * @param transmitPowerW ||P||_F^2 (W)
 * @param sumRateBpsHz sum rate (RSMA: common rate + private rates) (bit/s/Hz)
 * @param commonRateBpsHz RSMA common rate, the minimum over users (bit/s/Hz)
 * @param minSecrecyRateBpsHz smallest secrecy rate over users that have one (bit/s/Hz)
 * @param crbPositionSumM2 sum of speb (2-D) or crb_position (3-D) over targets (m^2)
 */
public record SystemMetrics(Double transmitPowerW, Double sumRateBpsHz, Double commonRateBpsHz,
        Double minSecrecyRateBpsHz, Double crbPositionSumM2) {

    /** The empty system object (no precoder). */
    public static final SystemMetrics EMPTY = new SystemMetrics(null, null, null, null, null);
}
