package io.fresnel.sweep;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a sweep: every solve and the per-(x, scheme) statistics.
 *
 * @param spec what was swept
 * @param solves one entry per (x, draw, scheme), ordered by x (as in the spec), draw, scheme
 * @param points one entry per (x, scheme), ordered by x, then scheme
 * @param draws the node positions of each draw, in draw order, with as many users as the
 *     largest scenario of the sweep uses (user k of every x value is entry k)
 * @param seconds wall-clock time of the whole sweep (s)
 */
public record SweepResult(SweepSpec spec, List<Solve> solves, List<Point> points, List<Draw> draws,
        double seconds) {

    /** Status of a solve whose design rejected the scenario (a {@code DesignException}). */
    public static final String REJECTED = "rejected";
    /** Status of a solve that failed with an unexpected exception (a bug). */
    public static final String ERROR = "error";

    /** Validates and copies. */
    public SweepResult {
        Objects.requireNonNull(spec, "spec");
        solves = List.copyOf(solves);
        points = List.copyOf(points);
        draws = List.copyOf(draws);
    }

    /**
     * One design run.
     *
     * @param x the x value (units of the figure's {@code x_name})
     * @param draw the draw index
     * @param scheme the design name
     * @param status the design's status ({@code DesignStatus.jsonName()}: {@code optimal},
     *     {@code iteration-limit}, {@code infeasible}, ...), or {@link #REJECTED} / {@link #ERROR}
     * @param counted whether the value enters the statistics: the design returned a precoder,
     *     its status is not cancelled or unbounded (so optimal, iteration-limit, or a local
     *     method's converged) and the scenario with it has a secrecy rate
     * @param minSecrecyRateBpsHz the max-min objective as evaluated (SCENARIO.md section 2,
     *     {@code min_secrecy_rate_bps_hz} of the scenario with the designed precoder, bit/s/Hz),
     *     or null when not counted
     * @param objective the design's own objective ({@code DesignResult.objective()}: the min
     *     secrecy rate for paper 000's designs, the sum rate for the closed-form baselines), or
     *     null
     * @param iterations the design's iterations (0 when it did not run)
     * @param seconds the design's wall-clock time (s)
     * @param message the design's note or the failure's cause, or null
     */
    public record Solve(double x, int draw, String scheme, String status, boolean counted,
            Double minSecrecyRateBpsHz, Double objective, int iterations, double seconds, String message)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /** Checks the fields. */
        public Solve {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(status, "status");
            if (counted != (minSecrecyRateBpsHz != null)) {
                throw new IllegalArgumentException("a counted solve has a value and only a counted one");
            }
        }
    }

    /**
     * The statistics of one (x, scheme) over the draws.
     *
     * @param x the x value
     * @param scheme the design name
     * @param draws the number of solves (one per draw)
     * @param counted the number of counted solves (the others are infeasible or failed)
     * @param meanBpsHz mean of the counted values (bit/s/Hz), or null when none counted
     * @param stdBpsHz sample standard deviation (n - 1 denominator) of the counted values
     *     (bit/s/Hz), or null when fewer than two counted
     * @param minBpsHz smallest counted value (bit/s/Hz), or null
     * @param maxBpsHz largest counted value (bit/s/Hz), or null
     * @param meanSeconds mean design time over all solves of this (x, scheme), counted or not (s)
     */
    public record Point(double x, String scheme, int draws, int counted, Double meanBpsHz, Double stdBpsHz,
            Double minBpsHz, Double maxBpsHz, double meanSeconds) {
    }

    /** @return the number of solves that did not count */
    public long failed() {
        return solves.stream().filter(s -> !s.counted()).count();
    }

    /** @return the solves that ended with {@link #ERROR} (bugs), in order */
    public List<Solve> errors() {
        return solves.stream().filter(s -> ERROR.equals(s.status())).toList();
    }
}
