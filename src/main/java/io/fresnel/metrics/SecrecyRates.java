package io.fresnel.metrics;

/**
 * The users' secrecy rates against the worst eavesdropper (SCENARIO.md section 2; paper 000
 * eqs. (12)-(15) for RSMA), from rates that are already known: the one formula behind
 * {@link CommunicationMetrics} and the secrecy heatmap. Stateless.
 *
 * <ul>
 *   <li>Without a common stream: R_u^s = [R_u - max_e R_{e,u}]^+ for users with a private stream.
 *   <li>RSMA: R_c^s = [R_c - max_e R_{e,c}]^+, R_{u,p}^s = [R_{u,p} - max_e R_{e,u}]^+ (0 without a
 *       private stream) and R_u^s = share_u R_c^s + R_{u,p}^s, or by default the max-min
 *       water-filling split {@link CommunicationMetrics#waterFill(double[], double)}.
 * </ul>
 */
public final class SecrecyRates {
    private SecrecyRates() {
    }

    /**
     * @param rsma whether the precoder has a common stream
     * @param userRates per user: its rate (SDMA) or private rate (RSMA) (bit/s/Hz), NaN when it
     *     has no private stream; not modified
     * @param commonRate RSMA: R_c, the minimum over users of the common rate (bit/s/Hz), NaN
     *     when there are no users; ignored without a common stream
     * @param worstEavesdropperRates per user: max over eavesdroppers of the rate at which they
     *     decode its private stream, 0 when none does (bit/s/Hz); not modified
     * @param worstEavesdropperCommonRate RSMA: max over eavesdroppers of R_{e,c} (bit/s/Hz)
     * @param shares per user its share of R_c^s (>= 0, sum &lt;= 1), or null for water-filling;
     *     not modified
     * @return per user the secrecy rate (bit/s/Hz), NaN where it does not exist
     */
    public static double[] of(boolean rsma, double[] userRates, double commonRate, double[] worstEavesdropperRates,
            double worstEavesdropperCommonRate, double[] shares) {
        int k = userRates.length;
        double[] out = new double[k];
        if (!rsma) {
            for (int i = 0; i < k; i++) {
                out[i] = Double.isNaN(userRates[i]) ? Double.NaN
                        : Math.max(0, userRates[i] - worstEavesdropperRates[i]);
            }
            return out;
        }
        double commonSecrecy = Double.isNaN(commonRate) ? 0 : Math.max(0, commonRate - worstEavesdropperCommonRate);
        double[] privateSecrecy = new double[k];
        for (int i = 0; i < k; i++) {
            privateSecrecy[i] = Double.isNaN(userRates[i]) ? 0 : Math.max(0, userRates[i] - worstEavesdropperRates[i]);
        }
        if (shares == null) {
            return CommunicationMetrics.waterFill(privateSecrecy, commonSecrecy);
        }
        for (int i = 0; i < k; i++) {
            out[i] = shares[i] * commonSecrecy + privateSecrecy[i];
        }
        return out;
    }
}
