package io.fresnel.sweep;

import java.util.List;

/**
 * One design run of a paper-003 figure (a row of the audit CSV).
 *
 * @param x the x value (0 for the convergence figures)
 * @param series the curve
 * @param draw the draw index
 * @param sceneSeed the seed of the scene ({@code fresnel scene --seed} reproduces it with the
 *     same options)
 * @param status the design's status ({@code optimal}, {@code converged}, {@code infeasible}, ...,
 *     or {@code error})
 * @param counted whether the run enters the means: a precoder that meets every constraint of its
 *     scene (power, rates, SPEB bound) as the metric code evaluates it
 * @param iterations the design's iterations
 * @param seconds the design's wall-clock time (s)
 * @param spebM2 the target's SPEB (m^2), or null
 * @param msePooledM2 the MUSIC mean squared error over the run's trials (m^2), or null when not
 *     localised
 * @param biasM the MUSIC bias (m), or null
 * @param sumRateBpsHz the sum rate (bps/Hz), or null
 * @param minUserRateBpsHz the smallest user rate (bps/Hz), or null
 * @param powerW the transmit power ||P||_F^2 (W), or null
 * @param objectives the design's objective after each iteration (convergence figures)
 * @param message the design's note or the violated constraint, or null
 */
public record SpebRun(double x, SpebSeries series, int draw, long sceneSeed, String status, boolean counted,
        int iterations, double seconds, Double spebM2, Double msePooledM2, Double biasM, Double sumRateBpsHz,
        Double minUserRateBpsHz, Double powerW, List<Double> objectives, String message) {

    /** Copies the trace. */
    public SpebRun {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
    }
}
