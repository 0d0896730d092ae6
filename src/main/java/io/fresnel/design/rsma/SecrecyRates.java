package io.fresnel.design.rsma;

import java.util.Arrays;

/**
 * The rates of one RSMA precoder (paper 000, (9)-(15) with ERRATA 000.1), all in bit/s/Hz, and the
 * max-min secrecy rate with the best split of the common secrecy rate over the users (the
 * water level of (25e)-(25g)).
 *
 * @param rc the common-stream rate R_kc at each user (9a) (null without a common stream)
 * @param rp the private rate R_kp of each user (9b)
 * @param rec the common-stream rate at each eavesdropper (12) (zeros without a common stream)
 * @param rek the rate of user k's private stream at eavesdropper e, {@code rek[e][k]} (13)
 */
record SecrecyRates(double[] rc, double[] rp, double[] rec, double[][] rek) {

    /** @return the common secrecy rate R_c^s = max(0, min_k R_kc - max_e R_ec) (15), 0 without a common stream */
    double commonSecrecy() {
        if (rc == null) {
            return 0;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : rc) {
            min = Math.min(min, v);
        }
        double max = 0;
        for (double v : rec) {
            max = Math.max(max, v);
        }
        return Math.max(0, min - max);
    }

    /** @return the private secrecy rate of each user, max(0, R_kp - max_e R_ek) (14) */
    double[] privateSecrecy() {
        double[] s = new double[rp.length];
        for (int k = 0; k < rp.length; k++) {
            double worst = 0;
            for (double[] r : rek) {
                worst = Math.max(worst, r[k]);
            }
            s[k] = Math.max(0, rp[k] - worst);
        }
        return s;
    }

    /** @return the max-min secrecy rate with the best split of the common secrecy rate (the objective of (25)) */
    double minSecrecy() {
        return waterLevel(privateSecrecy(), commonSecrecy());
    }

    /**
     * The water-filling level of a max-min split: the largest L with sum_k max(0, L - r_k) <= amount
     * (min r when amount <= 0), found exactly by filling the sorted r from the bottom.
     *
     * @param r the private secrecy rates (bit/s/Hz); not modified
     * @param amount the common secrecy rate to split (bit/s/Hz)
     * @return L (bit/s/Hz)
     */
    static double waterLevel(double[] r, double amount) {
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        double budget = Math.max(0, amount);
        double sum = 0;
        for (int j = 0; j < sorted.length; j++) {
            sum += sorted[j];
            double level = (budget + sum) / (j + 1);
            if (j + 1 == sorted.length || level <= sorted[j + 1]) {
                return level;
            }
        }
        throw new IllegalArgumentException("no rates to split over");
    }
}
