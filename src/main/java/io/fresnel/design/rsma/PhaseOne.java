package io.fresnel.design.rsma;

/**
 * Phase one of paper 000's Algorithm 1 (its line 1 asks for a feasible start): from columns that
 * miss the CRB bounds, repeatedly solve the surrogate (52) with the objective "minimise the worst
 * CRB / bound ratio tau" under the power budget, and take the shortest step towards each solution
 * that meets the bounds (so that a warm start keeps as much of its secrecy as the bounds allow
 * instead of jumping to the sensing-only optimum). Not in the paper's text, which assumes a
 * feasible start.
 */
final class PhaseOne {
    /** At most this many phase-one surrogate solves. */
    static final int MAX_STEPS = 30;

    /** How phase one ended. */
    enum Stop {
        /** The columns meet every bound with the margin. */
        REACHED,
        /** The budget or the surrogate gave out before the bounds were met. */
        NOT_REACHED,
        /** The run was cancelled. */
        CANCELLED
    }

    /**
     * @param stop how it ended
     * @param c the final columns (meeting the bounds when REACHED)
     * @param bestRatio the smallest worst CRB / bound ratio seen
     */
    record Result(Stop stop, double[][][] c, double bestRatio) {
    }

    private final RsmaSurrogate surrogate;
    private final CrbLmis crb;
    private final RsmaChannels ch;
    private final SolverRun run;
    private final double goal;
    private final double fallback;

    /**
     * @param margin phase one ends when the worst CRB / bound ratio is at most 1 - 2 margin
     * @param fallbackMargin (at most margin) it also ends, reached, when the ratio is at most
     *     1 - 2 fallbackMargin and a step lowers it by less than 0.1 % (the bounds leave no more room)
     */
    PhaseOne(RsmaSurrogate surrogate, CrbLmis crb, RsmaChannels ch, SolverRun run, double margin,
            double fallbackMargin) {
        this.surrogate = surrogate;
        this.crb = crb;
        this.ch = ch;
        this.run = run;
        this.goal = goal(margin);
        this.fallback = goal(Math.min(margin, fallbackMargin));
    }

    /** @return the ratio phase one must reach for a margin: 1 - 2 margin */
    static double goal(double margin) {
        return 1 - 2 * margin;
    }

    /**
     * @param c0 the start columns (normalised); not modified
     * @return the result
     */
    Result run(double[][][] c0) {
        double[][][] c = c0;
        double best = Double.POSITIVE_INFINITY;
        double previous = crb.ratio(c0);
        for (int it = 0; it < MAX_STEPS && !run.exhausted(); it++) {
            if (run.cancelled()) {
                return new Result(Stop.CANCELLED, c, best);
            }
            RsmaSurrogate.Step st = surrogate.solve(c, null, true, RsmaSolver.CRB_MARGIN, run.cancelFlag());
            run.countSolve();
            if (st == null) {
                if (run.cancelled()) {
                    return new Result(Stop.CANCELLED, c, best);
                }
                break;
            }
            c = shortestFeasibleStep(c, st.c());
            double ratio = crb.ratio(c);
            best = Math.min(best, ratio);
            run.progress(ch.rates(c).minSecrecy(), "phase one: worst CRB / bound = " + ratio);
            if (ratio <= goal || (ratio <= fallback && !(ratio < previous * (1 - 1e-3)))) {
                return new Result(Stop.REACHED, c, best);
            }
            previous = ratio;
        }
        return new Result(crb.ratio(c) <= fallback ? Stop.REACHED : Stop.NOT_REACHED, c, best);
    }

    /**
     * The shortest {@code c0 + s (c1 - c0)}, s in (0, 1], that meets the bounds (bisection on s;
     * c1 when even it does not).
     */
    private double[][][] shortestFeasibleStep(double[][][] c0, double[][][] c1) {
        if (!(crb.ratio(c1) <= goal)) {
            return c1;
        }
        double lo = 0;
        double hi = 1;
        for (int it = 0; it < 30; it++) {
            double mid = 0.5 * (lo + hi);
            if (crb.ratio(Columns.blend(c0, c1, mid)) <= goal) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Columns.blend(c0, c1, hi);
    }
}
