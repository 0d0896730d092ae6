package io.fresnel.sweep;

/**
 * One point of a curve figure: the runs of one (x, series) over the draws (a row of
 * {@code fig<K>.csv}).
 *
 * @param x the x value
 * @param series the curve's label
 * @param draws the runs at this point
 * @param counted the runs that entered the statistics
 * @param means per column, the mean over the counted runs that have the value, or null
 * @param stds per column, the sample standard deviation (n - 1) when at least two runs have it,
 *     or null
 * @param meanSeconds the mean design time of the runs (s)
 */
public record CurvePoint(double x, String series, int draws, int counted, Double[] means, Double[] stds,
        double meanSeconds) {

    /** Copies the arrays. */
    public CurvePoint {
        means = means.clone();
        stds = stds.clone();
    }

    /**
     * @param i a column index
     * @return the mean of that column, or null
     */
    public Double mean(int i) {
        return means[i];
    }

    /**
     * @param i a column index
     * @return the standard deviation of that column, or null
     */
    public Double std(int i) {
        return stds[i];
    }
}
