package io.fresnel.optim;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The classical log-barrier method (Boyd and Vandenberghe, Convex Optimization, section 11.3) for a
 * {@link SmoothConvexProgram} from a strictly feasible point: centring steps minimise
 * {@code t f0(x) + phi(x)} with {@code phi = -sum ln(-f_i) - sum ln det M_j - sum ln(v - u . x)} by
 * damped Newton steps (backtracking that keeps x strictly feasible, Armijo 0.25), then
 * {@code t <- mu t} until the duality-gap bound {@code m / t} (m the barrier degree) is below the
 * tolerance. The result is strictly feasible and within {@code m / t} of the optimum.
 *
 * <p>Setting the system property {@code fresnel.optim.trace=true} prints one line per solve (variables,
 * barrier degree, Newton steps, status) on stderr.
 *
 * <p>Dense linear algebra: one Newton step costs O(n^3 + sum of constraint terms n^2); meant for
 * the hundred-odd variables of a reduced paper 000 surrogate, not for large programs.
 */
public final class BarrierSolver {
    /** Relative duality-gap bound at which the method stops. */
    public static final double TOLERANCE = 1e-9;
    static final double MU = 20;
    static final int MAX_NEWTON = 400;
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
        double t = 1;
        int steps = 0;
        // the last Newton decrement lambda^2 (kept across centrings)
        double dec = Double.POSITIVE_INFINITY;
        while (true) {
            // centring
            boolean stuck = false;
            for (int it = 0; it < 60; it++) {
                if (cancelled.getAsBoolean()) {
                    return new Result(ConeStatus.CANCELLED, x, p.objective(x), steps);
                }
                if (steps >= MAX_NEWTON) {
                    return new Result(ConeStatus.ITERATION_LIMIT, x, p.objective(x), steps);
                }
                double[] g = new double[n];
                double[][] h = new double[n][n];
                double psi = evaluate(p, x, t, g, h);
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
                if (!(dec / 2 > CENTRED)) {
                    break;
                }
                double s = 1;
                double[] xn = new double[n];
                boolean moved = false;
                for (int ls = 0; ls < 60; ls++) {
                    for (int i = 0; i < n; i++) {
                        xn[i] = x[i] + s * dx[i];
                    }
                    if (p.strictlyFeasible(xn)) {
                        if (p.objective(xn) == Double.NEGATIVE_INFINITY) {
                            // a strictly feasible point beyond the double range of f0 (it would
                            // pass the Armijo test below, -Infinity <= -Infinity)
                            return new Result(ConeStatus.UNBOUNDED, x, p.objective(x), steps);
                        }
                        double v = value(p, xn, t);
                        if (v <= psi - 0.25 * s * dec) {
                            moved = true;
                            break;
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
            boolean centred = dec <= 0.25;
            double f0 = p.objective(x);
            boolean done = centred && (m / t <= tolerance * Math.max(1, Math.abs(f0))
                    || (stuck && m / t <= 1e3 * tolerance * Math.max(1, Math.abs(f0))));
            if (done || stuck) {
                ConeStatus status = done ? ConeStatus.OPTIMAL : ConeStatus.ITERATION_LIMIT;
                if (TRACE) {
                    LOG.log(System.Logger.Level.INFO, String.format("barrier: n=%d m=%d newton=%d t=%.3g %s", n, m, steps,
                            t, status));
                }
                return new Result(status, x, f0, steps);
            }
            t *= MU;
        }
    }

    /** @return t f0(x) + phi(x) with its gradient and Hessian added into g, h */
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
                for (int j = 0; j < n; j++) {
                    hi[j] += f * z[j];
                }
            }
        }
        for (QuadraticLogConstraint c : p.constraints) {
            v += c.addBarrier(x, g, h);
        }
        for (AffineLmi l : p.lmis) {
            v += l.addBarrier(x, g, h);
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
                for (int j = 0; j < n; j++) {
                    hi[j] += f * u[j];
                }
            }
        }
        return v;
    }

    /** @return t f0(x) + phi(x) (x strictly feasible) */
    private static double value(SmoothConvexProgram p, double[] x, double t) {
        double v = t * p.objective(x);
        for (QuadraticLogConstraint c : p.constraints) {
            v -= Math.log(-c.value(x));
        }
        for (AffineLmi l : p.lmis) {
            double[][] f = l.factor(x);
            for (int i = 0; i < f.length; i++) {
                v -= 2 * Math.log(f[i][i]);
            }
        }
        for (int k = 0; k < p.linearRows.size(); k++) {
            v -= Math.log(p.linearBounds.get(k) - QuadraticLogConstraint.dot(p.linearRows.get(k), x));
        }
        return v;
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
