package io.fresnel.ui;

/** Round tick spacings for grids and axes: 1, 2 or 5 times a power of ten. */
public final class GridTicks {
    private GridTicks() {
    }

    /**
     * @param span the extent to divide (> 0)
     * @param maxTicks about how many ticks fit
     * @return a spacing of the form {1, 2, 5} x 10^k that gives at most about maxTicks ticks
     */
    public static double step(double span, int maxTicks) {
        double raw = span / Math.max(1, maxTicks);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }
}
