package io.fresnel.scene;

/**
 * The empirical New York City mmWave path-loss model of paper 003 section VI (Yuan et al., eqs.
 * (58)-(59), after Akdeniz et al.) and the radar reflection coefficient (60).
 *
 * <pre>
 *   PL_LoS(d)  [dB] = 61.4 + 20   log10(d)                       (58)
 *   PL_NLoS(d) [dB] = 72   + 29.2 log10(d)                       (59)
 *   |beta|          = sqrt(lambda^2 sigma_rcs / ((4 pi)^3 d_s^4))  (60)
 * </pre>
 *
 * d in metres. At 28 GHz, 61.4 dB is 20 log10(4 pi / lambda) to 0.01 dB, so (58) is the
 * free-space amplitude lambda / (4 pi d) of eq. (4).
 */
public final class NycPathLoss {
    private NycPathLoss() {
    }

    /**
     * @param distanceM d (m, > 0)
     * @return PL_LoS(d) of eq. (58) (dB)
     */
    public static double lineOfSightDb(double distanceM) {
        return 61.4 + 20 * Math.log10(positive(distanceM));
    }

    /**
     * @param distanceM d (m, > 0)
     * @return PL_NLoS(d) of eq. (59) (dB)
     */
    public static double nonLineOfSightDb(double distanceM) {
        return 72 + 29.2 * Math.log10(positive(distanceM));
    }

    /**
     * @param lossDb a path loss PL (dB)
     * @return the power gain 10^(-PL/10) (the variance of a CN(0, 10^(-0.1 PL)) path gain)
     */
    public static double powerGain(double lossDb) {
        return Math.pow(10, -0.1 * lossDb);
    }

    /**
     * The magnitude of the round-trip reflection coefficient, eq. (60).
     *
     * @param wavelengthM lambda (m, > 0)
     * @param rcsM2 the radar cross-section sigma_rcs (m^2, > 0)
     * @param distanceM d_s, the target's distance from the array centre (m, > 0)
     * @return |beta| (dimensionless amplitude)
     */
    public static double reflectionMagnitude(double wavelengthM, double rcsM2, double distanceM) {
        double d = positive(distanceM);
        double lambda = positive(wavelengthM);
        return Math.sqrt(lambda * lambda * positive(rcsM2) / (Math.pow(4 * Math.PI, 3) * d * d * d * d));
    }

    private static double positive(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("a distance, wavelength or cross-section must be finite and > 0 (got "
                    + v + ")");
        }
        return v;
    }
}
