package io.fresnel.ui;

/**
 * The unit conversions at the edge of the UI: SI inside, dB / dBm / degrees / GHz shown.
 */
public final class Units {
    private Units() {
    }

    /** @return 10 log10(w / 1 mW) (dBm) of a power w (W) */
    public static double wattsToDbm(double w) {
        return 10 * Math.log10(w) + 30;
    }

    /** @return the power (W) of p dBm */
    public static double dbmToWatts(double dbm) {
        return Math.pow(10, (dbm - 30) / 10);
    }

    /** @return 10 log10(x) (dB) of a power ratio */
    public static double toDb(double ratio) {
        return 10 * Math.log10(ratio);
    }

    /** @return the power ratio of x dB */
    public static double fromDb(double db) {
        return Math.pow(10, db / 10);
    }

    /** @return hertz to gigahertz */
    public static double hzToGhz(double hz) {
        return hz / 1e9;
    }

    /** @return gigahertz to hertz */
    public static double ghzToHz(double ghz) {
        return ghz * 1e9;
    }

    /**
     * @param m a length (m)
     * @return it with a readable prefix, e.g. "3.20 mm"
     */
    public static String length(double m) {
        double a = Math.abs(m);
        if (a >= 1 || a == 0) {
            return String.format("%.3g m", m);
        }
        if (a >= 1e-3) {
            return String.format("%.3g mm", m * 1e3);
        }
        if (a >= 1e-6) {
            return String.format("%.3g \u00b5m", m * 1e6);
        }
        return String.format("%.3g nm", m * 1e9);
    }
}
