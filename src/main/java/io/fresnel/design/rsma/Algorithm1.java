package io.fresnel.design.rsma;

import io.fresnel.design.DesignStatus;
import java.util.Locale;

/**
 * Algorithm 1 of paper 000: the fully digital update by minorisation-maximisation. Each step
 * forms the bounds at the current columns (the users' rate bounds of {@link RsmaSurrogate}, in
 * place of the WMMSE weights (28)/(32); the quadratic-transform vectors (38)/(42)) and solves the
 * convex surrogate (52) for new columns; in Algorithm 2 the surrogate carries the penalty
 * (1/rho) ||P - F_A F_D||^2 of (52a). It stops (line 6) when a step raises the (penalised)
 * objective by less than {@link #TOLERANCE} relative, the first step included (compared with the
 * start).
 *
 * <p>Not in the paper, and monotone: each step is over-relaxed along its direction
 * ({@code c0 + 2^j (c1 - c0)}, j = 1, 2, ..., scaled into the power budget) while the true
 * (penalised) objective keeps improving and the CRB bounds keep holding.
 */
final class Algorithm1 {
    /** Relative improvement of the (penalised) objective below which Algorithm 1 has settled. */
    static final double TOLERANCE = 1e-5;
    /** At most 2^this over-relaxation of one step. */
    static final int MAX_DOUBLINGS = 12;

    /** How a call of {@link #run} ended. */
    enum Stop {
        /** The objective improved by less than {@link #TOLERANCE} (relative) in the last step. */
        SETTLED,
        /** The given number of steps was taken. */
        STEPS_TAKEN,
        /** The budget of surrogate solves ({@code max_iterations}) is used up. */
        ITERATION_LIMIT,
        /** A surrogate could not be started or solved. */
        SURROGATE_FAILED,
        /** The run was cancelled. */
        CANCELLED;

        /** @return whether the caller must stop iterating (budget, failure or cancellation) */
        boolean ends() {
            return this == ITERATION_LIMIT || this == SURROGATE_FAILED || this == CANCELLED;
        }
    }

    /**
     * @param stop how it ended
     * @param c the final columns
     * @param gamma the out-of-span scale of the last step (the given start value when none was taken)
     */
    record Result(Stop stop, double[][][] c, double gamma) {
    }

    private final RsmaSurrogate surrogate;
    private final RsmaChannels ch;
    private final CrbLmis crb;
    private final SolverRun run;

    Algorithm1(RsmaSurrogate surrogate, RsmaChannels ch, CrbLmis crb, SolverRun run) {
        this.surrogate = surrogate;
        this.ch = ch;
        this.crb = crb;
        this.run = run;
    }

    /**
     * Runs Algorithm 1 from c.
     *
     * @param c0 the start (normalised, strictly inside the CRB bounds); not modified
     * @param pen Algorithm 2's penalty, or null (fully digital: every iterate is offered as a
     *     feasible intermediate result)
     * @param maxSteps at most this many steps
     * @param gamma0 gamma to report when no step is taken
     * @param margin relative tightening of the CRB bounds in the surrogates (the start must be
     *     inside the tightened bounds); over-relaxed steps keep twice it
     * @return how it ended, with the final columns and gamma
     */
    Result run(double[][][] c0, RsmaSurrogate.Penalty pen, int maxSteps, double gamma0, double margin) {
        double[][][] c = c0;
        double gamma = gamma0;
        // the (penalised) objective at the start: a first step that improves on it by less than
        // the tolerance has settled
        double last = penalised(c0, pen, gamma0);
        for (int it = 0; it < maxSteps; it++) {
            if (run.exhausted()) {
                return new Result(Stop.ITERATION_LIMIT, c, gamma);
            }
            if (run.cancelled()) {
                return new Result(Stop.CANCELLED, c, gamma);
            }
            RsmaSurrogate.Step st = surrogate.solve(c, pen, false, margin, run.cancelFlag());
            run.countSolve();
            if (st == null) {
                return new Result(run.cancelled() ? Stop.CANCELLED : Stop.SURROGATE_FAILED, c, gamma);
            }
            double[][][] before = c;
            gamma = st.gamma();
            c = extrapolate(before, st.c(), pen, gamma, margin);
            double sec = ch.rates(c).minSecrecy();
            double penal = pen == null ? 0 : pen.weight() * gap(pen, c, gamma);
            if (pen == null) {
                run.progress(sec, "Algorithm 1");
                double[][][] now = c;
                run.offer(() -> RsmaSolver.digitalOutcome(ch, now, DesignStatus.ITERATION_LIMIT, run.iterations(),
                        "intermediate"));
            } else {
                run.progress(sec, String.format(Locale.ROOT, "rho = %.6g, ||P - F_A F_D||^2 / P = %.3g, penalised = %.12g",
                        1 / pen.weight(), gap(pen, c, gamma), sec - penal));
            }
            double now = sec - penal;
            if (now - last < TOLERANCE * Math.max(1, Math.abs(now))) {
                return new Result(Stop.SETTLED, c, gamma);
            }
            last = now;
        }
        return new Result(Stop.STEPS_TAKEN, c, gamma);
    }

    /**
     * @return the best over-relaxation of the step c0 -> c1 (c1 itself when no trial improves on
     *     it); a trial is kept only while its worst CRB / bound ratio is below 1 - 2 margin
     *     (package-private for the boundary tests)
     */
    double[][][] extrapolate(double[][][] c0, double[][][] c1, RsmaSurrogate.Penalty pen, double gamma,
            double margin) {
        double best = penalised(c1, pen, gamma);
        double[][][] bestC = c1;
        double out = pen == null ? 0 : gamma * pen.outOfSpan();
        double room = 1 - out * out;
        for (int j = 1; j <= MAX_DOUBLINGS && room > 0; j++) {
            double[][][] t = Columns.blend(c0, c1, Math.pow(2, j));
            double p2 = Columns.norm2(t);
            if (p2 > room * (1 - 1e-9)) {
                t = Columns.scale(t, Math.sqrt(room * (1 - 1e-9) / p2));
            }
            if (!crb.isEmpty() && !(crb.ratio(t) < 1 - 2 * margin)) {
                break;
            }
            double v = penalised(t, pen, gamma);
            if (!(v > best)) {
                break;
            }
            best = v;
            bestC = t;
        }
        return bestC;
    }

    /** @return the true min secrecy rate of c minus the penalty (1/rho) ||P - F_A F_D||^2 */
    private double penalised(double[][][] c, RsmaSurrogate.Penalty pen, double gamma) {
        double sec = ch.rates(c).minSecrecy();
        if (pen == null) {
            return sec;
        }
        return sec - pen.weight() * gap(pen, c, gamma);
    }

    /**
     * @return ||P - F_A F_D||^2 (normalised) for the columns c and the out-of-span scale gamma:
     *     the in-span distance to the penalty's reduced F_A F_D plus ((1 - gamma) o)^2
     */
    static double gap(RsmaSurrogate.Penalty pen, double[][][] c, double gamma) {
        double g = 0;
        for (int q = 0; q < c.length; q++) {
            for (int j = 0; j < c[q][0].length; j++) {
                double a = c[q][0][j] - pen.cfw()[q][0][j];
                double b = c[q][1][j] - pen.cfw()[q][1][j];
                g += a * a + b * b;
            }
        }
        double o = (1 - gamma) * pen.outOfSpan();
        return g + o * o;
    }
}
