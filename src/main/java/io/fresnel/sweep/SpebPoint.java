package io.fresnel.sweep;

/**
 * One point of a paper-003 curve: the runs of one x value (or iteration) and series, averaged over
 * the counted draws.
 *
 * @param x the x value, or the iteration (convergence figures)
 * @param series the curve
 * @param draws the runs at this point
 * @param counted the runs that entered the means
 * @param pebM sqrt(mean SPEB) over the counted runs (m), or null
 * @param rmseM sqrt(mean squared MUSIC error) pooling every trial of the counted runs (m), or null
 * @param sumRateBpsHz the mean sum rate (bps/Hz), or null
 * @param objective the mean objective after this iteration (convergence figures), or null
 * @param meanSeconds the mean design time of the runs (s)
 */
public record SpebPoint(double x, SpebSeries series, int draws, int counted, Double pebM, Double rmseM,
        Double sumRateBpsHz, Double objective, double meanSeconds) {

    /**
     * @return the value the chart plots for this figure's main curve: the objective, the PEB or
     *     the sum rate
     * @param figure the figure
     */
    public Double value(SpebFigure figure) {
        return switch (figure.metric()) {
            case CONVERGENCE -> objective;
            case PEB_AND_RMSE, PEB -> pebM;
            case SUM_RATE -> sumRateBpsHz;
        };
    }
}
