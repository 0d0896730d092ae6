package io.fresnel.optim;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The classical log-barrier method (Boyd and Vandenberghe, Convex Optimization, section 11.3) for a
 * {@link SmoothConvexProgram} from a strictly feasible point: centring steps minimise
 * {@code t f0(x) + phi(x)} with {@code phi = -sum ln(-f_i) - sum ln det M_j - sum ln(v - u . x)} by
 * damped Newton steps (backtracking that keeps x strictly feasible, Armijo 0.25), then
 * {@code t <- mu t} until the duality-gap bound {@code m / t} (m the barrier degree) is below the
 * tolerance. The result is strictly feasible and within {@code m / t} of the optimum.
 *
 * <p>Choices for speed (the surrogates of paper 000 are solved hundreds of times per design): the
 * first t is the one that best centres the start point (Boyd and Vandenberghe, section 11.3.1),
 * not 1; t grows by {@link #MU} = 50; centrings before the last stop at lambda^2 / 2 &lt;=
 * {@link #LOOSE} and only the last one (the one whose m / t meets the tolerance) is carried to
 * {@link #CENTRED}; the backtracking line search runs on the program restricted to the Newton ray
 * ({@link Ray}: O(1) per trial for the quadratic-log constraints), and the accepted point is
 * checked once more by the full evaluation; near the centre (lambda^2 &lt; {@link #FULL_STEP})
 * the full Newton step is taken when strictly feasible. A centring that has not finished after
 * {@link #BACK_OFF_STEPS} Newton steps continues at a smaller t (the geometric mean of the current
 * and the last centred one), so that the growth of t adapts to programs whose central path bends
 * sharply; the gap bound and the final centring are unchanged.
 *
 * <p>Setting the system property {@code fresnel.optim.trace=true} logs one line per solve (variables,
 * barrier degree, Newton steps, status, then Newton steps {@code @} t of each centring, with
 * {@code b} after a centring that was given a smaller t and {@code s} after one that stalled).
 *
 * <p>Dense linear algebra: one Newton step costs O(n^3 + sum of constraint terms n^2); meant for
 * the hundred-odd variables of a reduced paper 000 surrogate, not for large programs.
 */
public final class BarrierSolver {
    /** Relative duality-gap bound at which the method stops. */
    public static final double TOLERANCE = 1e-9;
    /** Factor of t between two centrings. */
    static final double MU = 50;
    /**
     * Newton decrement lambda^2 / 2 at which a centring that is not the last one stops: an
     * approximately centred point (lambda below 0.45) is a good enough start for the next t, and
     * its gap stays of order m / t; the last centring goes down to {@link #CENTRED}.
     */
    static final double LOOSE = 0.1;
    /**
     * Newton decrement lambda^2 below which a full Newton step is taken without the Armijo test
     * when it is strictly feasible: inside the quadratic-convergence region (lambda &lt; 0.1) the
     * full step decreases the barrier function, while the test compares values whose rounding at
     * large t exceeds the predicted decrease.
     */
    static final double FULL_STEP = 1e-2;
    static final int MAX_NEWTON = 400;
    /**
     * Newton steps after which a centring that started from the previous central point (t grown by
     * {@link #MU}) is given a smaller t instead, the geometric mean of the two: on the surrogates
     * of paper 000 with several targets, a long step in t can leave the iterate creeping along the
     * power and CRB boundaries for hundreds of short Newton steps.
     */
    static final int BACK_OFF_STEPS = 12;
    /** At most this many back-offs per solve (an unbounded program must still run off to infinity). */
    static final int MAX_BACK_OFFS = 6;
    /** Newton decrement lambda^2 / 2 below which a centring step stops (a centre this close costs nothing in the gap). */
    static final double CENTRED = 1e-9;
    /** {@code fresnel.optim.trace=true}: one INFO line per solve to the platform logger of this class. */
    private static final boolean TRACE = Boolean.getBoolean("fresnel.optim.trace");
    private static final System.Logger LOG = System.getLogger(BarrierSolver.class.getName());

    /**
     * The result.
     *
     * @param status OPTIMAL (gap bound met at a centred point), ITERATION_LIMIT (Newton budget
     *     spent, or the Newton system became singular or the line search failed before the gap
     *     bound was met at a centred point; x is the last strictly feasible iterate), UNBOUNDED (the
     *     iterates diverged: the Newton direction overflowed, or the objective at a strictly
     *     feasible trial point did; so the program has no finite optimum or its data exceed the
     *     double range; no certificate is checked; x is the last finite iterate) or CANCELLED
     * @param x the last iterate (strictly feasible), never null
     * @param objective f0(x)
     * @param newtonSteps Newton steps performed
     */
    public record Result(ConeStatus status, double[] x, double objective, int newtonSteps) {
    }

    private BarrierSolver() {
    }

    /**
     * @param p the program
     * @param x0 a strictly feasible start (not modified)
     * @param tolerance the gap bound m / t at which to stop, relative to max(1, |f0|)
     * @param cancelled polled between Newton steps
     * @return the result
     * @throws IllegalArgumentException when x0 is not strictly feasible
     */
    public static Result solve(SmoothConvexProgram p, double[] x0, double tolerance, BooleanSupplier cancelled) {
        if (!p.strictlyFeasible(x0)) {
            throw new IllegalArgumentException("the starting point is not strictly feasible");
        }
        int n = p.variables();
        double[] x = x0.clone();
        int m = p.degree();
        double t = initialT(p, x, m, tolerance);
        int steps = 0;
        // the last Newton decrement lambda^2 (kept across centrings)
        double dec = Double.POSITIVE_INFINITY;
        StringBuilder perCentring = TRACE ? new StringBuilder() : null;
        // a loose centring that already meets the gap bound is finished precisely at the same t
        boolean recentre = false;
        // t of the last finished centring (0 before the first), and the back-offs so far
        double tCentred = 0;
        int backOffs = 0;
        while (true) {
            int before = steps;
            // centring
            boolean stuck = false;
            boolean backedOff = false;
            double tTried = t;
            boolean last = recentre || m / t <= tolerance * Math.max(1, Math.abs(p.objective(x)));
            recentre = false;
            for (int it = 0; it < 60; it++) {
                if (cancelled.getAsBoolean()) {
                    return new Result(ConeStatus.CANCELLED, x, p.objective(x), steps);
                }
                if (it == BACK_OFF_STEPS && tCentred > 0 && t > 2 * tCentred && backOffs < MAX_BACK_OFFS) {
                    backOffs++;
                    // the step in t was too long for this program: x has moved towards the new
                    // central point; centre it for a t nearer the last centred one
                    t = Math.sqrt(t * tCentred);
                    backedOff = true;
                    break;
                }
                if (steps >= MAX_NEWTON) {
                    if (TRACE) {
                        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "barrier: n=%d m=%d newton=%d t=%.3g %s%s %d@%.1e"
                                + " (unfinished, lambda^2 = %.3g)", n, m, steps, t, ConeStatus.ITERATION_LIMIT,
                                perCentring, steps - before, t, dec));
                    }
                    return new Result(ConeStatus.ITERATION_LIMIT, x, p.objective(x), steps);
                }
                double[] g = new double[n];
                double[][] h = new double[n][n];
                evaluate(p, x, t, g, h);
                double[] dx = newton(h, g);
                steps++;
                if (dx == null) {
                    stuck = true;
                    break;
                }
                if (overflowed(dx)) {
                    // H^-1 g beyond double range: the iterates are running off to infinity
                    return new Result(ConeStatus.UNBOUNDED, x, p.objective(x), steps);
                }
                dec = -QuadraticLogConstraint.dot(g, dx);
                if (!(dec / 2 > (last ? CENTRED : LOOSE))) {
                    break;
                }
                // backtracking along the ray x + s dx, on data formed once (Ray); the accepted
                // point is checked once more by the full evaluation
                Ray ray = new Ray(p, x, dx);
                double psi0 = ray.barrierValue(0, t);
                double s = 1;
                double[] xn = new double[n];
                boolean moved = false;
                for (int ls = 0; ls < 60; ls++) {
                    double v = ray.barrierValue(s, t);
                    if (v < Double.POSITIVE_INFINITY) {
                        if (ray.objective(s) == Double.NEGATIVE_INFINITY) {
                            // a strictly feasible point beyond the double range of f0 (it would
                            // pass the Armijo test below, -Infinity <= -Infinity)
                            return new Result(ConeStatus.UNBOUNDED, x, p.objective(x), steps);
                        }
                        if (v <= psi0 - 0.25 * s * dec || (s == 1 && dec < FULL_STEP)) {
                            for (int i = 0; i < n; i++) {
                                xn[i] = x[i] + s * dx[i];
                            }
                            if (overflowed(xn) || p.objective(xn) == Double.NEGATIVE_INFINITY) {
                                // the trial point itself is beyond the double range
                                return new Result(ConeStatus.UNBOUNDED, x, p.objective(x), steps);
                            }
                            if (p.strictlyFeasible(xn)) {
                                moved = true;
                                break;
                            }
                        }
                    }
                    s *= 0.5;
                }
                if (!moved) {
                    stuck = true;
                    break;
                }
                System.arraycopy(xn, 0, x, 0, n);
                if (s == 1 && dec / 2 < 1e-3) {
                    // inside the quadratic-convergence region: one more full step would square it
                    if (dec * dec / 4 < CENTRED) {
                        break;
                    }
                }
            }
            // m / t bounds the gap only at the central point, and stays of that order near it
            // (Newton decrement lambda <= 1/2, self-concordant barriers); an unfinished centring
            // (far start, stalled line search, unbounded program) has no bound at all, and the
            // relative rule below is met by any iterate with a huge |f0|
            if (TRACE) {
                perCentring.append(' ').append(steps - before).append(stuck ? "s" : backedOff ? "b" : "").append('@')
                        .append(String.format(Locale.ROOT, "%.1e", tTried));
            }
            if (backedOff) {
                continue;
            }
            boolean centred = dec <= 0.25;
            boolean precise = last || stuck || !(dec / 2 > CENTRED);
            double f0 = p.objective(x);
            boolean gapMet = m / t <= tolerance * Math.max(1, Math.abs(f0));
            boolean done = centred && precise && (gapMet
                    || (stuck && m / t <= 1e3 * tolerance * Math.max(1, Math.abs(f0))));
            if (done || stuck) {
                ConeStatus status = done ? ConeStatus.OPTIMAL : ConeStatus.ITERATION_LIMIT;
                if (TRACE) {
                    LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "barrier: n=%d m=%d newton=%d t=%.3g %s%s", n, m,
                            steps, t, status, perCentring));
                }
                return new Result(status, x, f0, steps);
            }
            if (gapMet && centred && !precise) {
                recentre = true;
                continue;
            }
            tCentred = t;
            t *= MU;
        }
    }

    /**
     * @return t f0(x) + phi(x) with its gradient added into g and the lower triangle (j &lt;= i) of
     *     its Hessian into h (the upper triangle is left incomplete: {@link Cholesky#factor} reads
     *     only the lower one)
     */
    private static double evaluate(SmoothConvexProgram p, double[] x, double t, double[] g, double[][] h) {
        int n = x.length;
        double v = t * p.objective(x);
        for (int i = 0; i < n; i++) {
            g[i] += t * p.linear[i];
        }
        for (int r = 0; r < p.squares.size(); r++) {
            double[] z = p.squares.get(r);
            double w = t * p.squareWeights.get(r);
            double e = QuadraticLogConstraint.dot(z, x) + p.squareOffsets.get(r);
            for (int i = 0; i < n; i++) {
                if (z[i] == 0) {
                    continue;
                }
                g[i] += 2 * w * e * z[i];
                double f = 2 * w * z[i];
                double[] hi = h[i];
                for (int j = 0; j <= i; j++) {
                    hi[j] += f * z[j];
                }
            }
        }
        for (QuadraticLogConstraint c : p.constraints) {
            v += c.addBarrier(x, g, h);
        }
        // LMIs that share their coefficient matrices (siblings, one after the other) together
        List<AffineLmi> lmis = p.lmis;
        for (int j = 0; j < lmis.size();) {
            int end = j + 1;
            while (end < lmis.size() && lmis.get(end).sharesCoefficients(lmis.get(j))) {
                end++;
            }
            v += AffineLmi.addBarriers(lmis.subList(j, end), x, g, h);
            j = end;
        }
        List<double[]> rows = p.linearRows;
        for (int k = 0; k < rows.size(); k++) {
            double[] u = rows.get(k);
            double s = p.linearBounds.get(k) - QuadraticLogConstraint.dot(u, x);
            v -= Math.log(s);
            for (int i = 0; i < n; i++) {
                if (u[i] == 0) {
                    continue;
                }
                g[i] += u[i] / s;
                double f = u[i] / (s * s);
                double[] hi = h[i];
                for (int j = 0; j <= i; j++) {
                    hi[j] += f * u[j];
                }
            }
        }
        return v;
    }

    /**
     * The initial barrier parameter (Boyd and Vandenberghe, section 11.3.1): the t that makes x
     * closest to the central point x*(t) in the Newton sense, {@code argmin_t ||t g0 + g_phi||}
     * in the metric {@code H_phi^-1}, kept in [1, m / tolerance-gap] (1 when it cannot be formed).
     */
    private static double initialT(SmoothConvexProgram p, double[] x, int m, double tolerance) {
        int n = x.length;
        double[] gphi = new double[n];
        double[][] h = new double[n][n];
        evaluate(p, x, 0, gphi, h);
        // g0 = grad f0 = c + sum_r 2 w_r (z_r . x + z0_r) z_r
        double[] g0 = p.linear.clone();
        for (int r = 0; r < p.squares.size(); r++) {
            double[] z = p.squares.get(r);
            double e = QuadraticLogConstraint.dot(z, x) + p.squareOffsets.get(r);
            QuadraticLogConstraint.axpy(2 * p.squareWeights.get(r) * e, z, g0);
        }
        double[][] l = Cholesky.factor(h);
        if (l == null) {
            return 1;
        }
        double[] a = Cholesky.solve(l, g0);
        double num = -QuadraticLogConstraint.dot(a, gphi);
        double den = QuadraticLogConstraint.dot(a, g0);
        double tmax = m / (tolerance * Math.max(1, Math.abs(p.objective(x))));
        if (!(den > 0) || !(num > 0)) {
            return 1;
        }
        return Math.max(1, Math.min(num / den, tmax));
    }

    /** @return true if some entry of v is infinite */
    private static boolean overflowed(double[] v) {
        for (double e : v) {
            if (Double.isInfinite(e)) {
                return true;
            }
        }
        return false;
    }

    /** @return the Newton direction -H^-1 g (with a small diagonal shift if needed), or null */
    private static double[] newton(double[][] h, double[] g) {
        int n = g.length;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(h[i][i]));
        }
        double shift = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            double[][] a = h;
            if (shift > 0) {
                a = new double[n][];
                for (int i = 0; i < n; i++) {
                    a[i] = h[i].clone();
                    a[i][i] += shift;
                }
            }
            double[][] l = Cholesky.factor(a);
            if (l != null) {
                double[] dx = Cholesky.solve(l, g);
                for (int i = 0; i < n; i++) {
                    dx[i] = -dx[i];
                }
                return dx;
            }
            shift = shift == 0 ? 1e-14 * Math.max(scale, 1e-300) : shift * 100;
        }
        return null;
    }
}
