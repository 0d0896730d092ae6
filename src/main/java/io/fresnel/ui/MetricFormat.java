package io.fresnel.ui;

/**
 * How a metric of SCENARIO.md section 2 is shown: its SI value with a readable companion
 * (dBm for powers, dB for SINRs, the root in degrees or metres for variances).
 */
public final class MetricFormat {
    private MetricFormat() {
    }

    /**
     * @param key the metric's JSON name, e.g. {@code crb_angle_rad2}
     * @param value its SI value
     * @return the text shown, e.g. {@code 3.30e-09 rad^2 (0.00329 deg rms)}
     */
    public static String format(String key, double value) {
        String v = String.format("%.4g", value);
        if (key.endsWith("sinr")) {
            return v + " (" + String.format("%.2f dB", Units.toDb(value)) + ")";
        }
        if (key.endsWith("_bps_hz")) {
            return v + " bit/s/Hz";
        }
        if (key.endsWith("_w")) {
            return v + " W (" + String.format("%.2f dBm", Units.wattsToDbm(value)) + ")";
        }
        if (key.endsWith("_rad2")) {
            return v + " rad\u00b2 (" + String.format("%.3g\u00b0 rms", Math.toDegrees(Math.sqrt(value))) + ")";
        }
        if (key.endsWith("_m2")) {
            return v + " m\u00b2 (" + Units.length(Math.sqrt(value)) + " rms)";
        }
        if (key.endsWith("_m")) {
            return Units.length(value);
        }
        if (key.endsWith("_rad_m")) {
            return v + " rad m";
        }
        if (key.endsWith("_m_minus2")) {
            return v + " m\u207b\u00b2";
        }
        return v;
    }
}
