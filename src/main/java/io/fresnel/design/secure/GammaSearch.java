package io.fresnel.design.secure;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * The one-dimensional search of (P1.2) (paper 001, eq. (32)): maximise
 * s(gamma) = log2((1 + f(gamma)) / (1 + gamma)) over gamma &gt; 0. The paper observes (Fig. 2)
 * that s first increases and then decreases.
 *
 * <p>Phase 1 finds the best point of a logarithmic grid (4 points per decade from 1e-6 up to the
 * user's SNR, the largest value f can take, plus 1e-9) without evaluating every grid point: f is
 * nondecreasing in gamma (a larger gamma relaxes the eavesdropper rows (39), whose right-hand sides
 * are nonnegative), so every solution whose eavesdropper SINR level lies between two evaluated
 * points gamma_a &lt; gamma_b has a secrecy rate of at most
 * <pre>
 *   U(a, b) = log2((1 + f(gamma_b)) / (1 + gamma_a)).
 * </pre>
 * Above the last evaluated point f is bounded by the user's SNR (the largest argument), which bounds
 * every user SINR. The grid is evaluated every {@value #FIRST_DECADES} decades first, from 1e-9 up,
 * until even f = SNR cannot beat the best value; then, best bound first, the middle grid point of
 * each run of unevaluated points whose bound U exceeds the best value so far by more than
 * {@value #PRUNE_TOLERANCE} relative is evaluated, until no such run remains. The grid points skipped
 * this way cannot beat the best grid value by more than that, so the phase returns the best grid
 * point of the whole grid, typically with a third of the SDPs. An evaluation that gives no f (a
 * failed solve, or one not proven optimal) bounds nothing beyond f &lt;= SNR.
 *
 * <p>Phase 2 refines the best grid point between its grid neighbours by Brent's method in ln gamma
 * (golden section with parabolic interpolation; R. P. Brent, "Algorithms for Minimization without
 * Derivatives", 1973, ch. 5), starting from the grid value, until the bracket is shorter than
 * {@value #LN_TOLERANCE}, or earlier once the same bound certifies that no level between the
 * evaluated neighbours of the best point beats its value by more than {@value #VALUE_TOLERANCE}
 * relative (where s is flat, e.g. at gamma near 1e-9, this holds at once). When no evaluation of
 * phase 1 succeeded there is nothing to refine and phase 2 is skipped (it used to walk Brent's
 * bracket over about 35 more failing evaluations, one SDP solve each).
 */
final class GammaSearch {
    /** Width of the final bracket in ln gamma. */
    static final double LN_TOLERANCE = 1e-6;
    /**
     * Relative value tolerance of the bound that ends phase 2 early. It matches the accuracy of the
     * evaluations: f(gamma) comes from an SDP solved to a relative gap of 1e-8 ({@link SecrecySdp#OPTIONS}), so
     * the bound log2((1 + f(gamma_b)) / (1 + gamma_a)) carries an error of about 1.4e-8 bit/s/Hz, 1e-9 of a
     * secrecy rate of 12 bit/s/Hz. With 1e-9 (before 2026-12-02) Brent's method chased that noise where s is
     * flat (Nt = 64 of {@code bench --secure}: 12 SDPs instead of 7, the optimum the same to 2e-10).
     */
    static final double VALUE_TOLERANCE = 1e-8;
    private static final double SMALLEST = 1e-9;
    private static final double GRID_START = 1e-6;
    private static final int PER_DECADE = 4;
    /** Decades between the grid points evaluated first. */
    private static final int FIRST_DECADES = 2;
    /** Relative tolerance of the bound that skips grid points in phase 1. */
    static final double PRUNE_TOLERANCE = 1e-7;
    private static final double GOLD = (3 - Math.sqrt(5)) / 2;
    private static final double LN2 = Math.log(2);

    /**
     * One evaluation.
     *
     * @param value s at this gamma (-Infinity where it could not be evaluated)
     * @param sinr f(gamma), the optimal user SINR of the SDP (NaN when unknown)
     */
    record Point(double value, double sinr) {
    }

    /** Evaluates s and f at one gamma. */
    interface Evaluator {
        /**
         * @param gamma the eavesdropper SINR level (&gt; 0)
         * @return the evaluation
         */
        Point at(double gamma);
    }

    private GammaSearch() {
    }

    /**
     * The grid of the first phase.
     *
     * @param largest the largest gamma worth trying (the user's SNR)
     * @return ascending values of gamma
     */
    static List<Double> grid(double largest) {
        List<Double> g = new ArrayList<>();
        g.add(SMALLEST);
        for (int j = 0;; j++) {
            double x = GRID_START * Math.pow(10, (double) j / PER_DECADE);
            if (x > largest) {
                break;
            }
            g.add(x);
        }
        if (g.size() == 1 && largest > SMALLEST) {
            g.add(largest);
        }
        return g;
    }

    /**
     * Maximises a function of gamma without values of f (only the bound f &lt;= largest prunes).
     *
     * @param secrecy s(gamma); -Infinity where it could not be evaluated
     * @param largest the largest gamma worth trying (&gt; 0), also an upper bound of f
     * @param stop checked before every evaluation; true ends the search early
     * @return the best gamma evaluated (NaN when stopped before the first evaluation)
     */
    static double maximise(DoubleUnaryOperator secrecy, double largest, BooleanSupplier stop) {
        return search(gamma -> new Point(secrecy.applyAsDouble(gamma), Double.NaN), largest, stop);
    }

    /**
     * Maximises s over gamma (see the class comment).
     *
     * @param evaluator s and f at one gamma
     * @param largest the largest gamma worth trying (&gt; 0): the user's SNR, an upper bound of f
     * @param stop checked before every evaluation; true ends the search early
     * @return the best gamma evaluated (NaN when stopped before the first evaluation)
     */
    static double search(Evaluator evaluator, double largest, BooleanSupplier stop) {
        return new Run(evaluator, stop, largest).maximise(grid(largest));
    }

    /**
     * Phase 2 alone (a seam for tests of Brent's step selection): evaluates s at exp(x), then runs
     * the refinement of {@link #search} on the bracket [a, b] of ln gamma with no bound (f unknown
     * and unbounded), so that only the bracket tolerance {@link #LN_TOLERANCE} or a stop ends it.
     *
     * @param secrecy s(gamma)
     * @param a lower end of the bracket, ln gamma
     * @param b upper end, ln gamma (&gt; a)
     * @param x the starting point, ln gamma, a &lt; x &lt; b
     * @param stop checked before every evaluation; true ends the refinement
     * @return the best gamma evaluated (NaN when stopped before the first evaluation)
     */
    static double refine(DoubleUnaryOperator secrecy, double a, double b, double x, BooleanSupplier stop) {
        Run run = new Run(gamma -> new Point(secrecy.applyAsDouble(gamma), Double.NaN), stop,
                Double.POSITIVE_INFINITY);
        run.lowest = Math.exp(a);
        run.highest = Math.exp(b);
        double fx = run.evaluate(Math.exp(x));
        if (!run.stopped) {
            run.brent(a, b, x, fx);
        }
        return run.bestGamma;
    }

    /** The state of one search: every evaluation by gamma, and the best one. */
    private static final class Run {
        private final Evaluator evaluator;
        private final BooleanSupplier stop;
        private final double largest;
        /** The ends of the searched range (the first and last grid points). */
        private double lowest;
        private double highest;
        private final TreeMap<Double, Point> points = new TreeMap<>();
        private double bestGamma = Double.NaN;
        private double bestValue = Double.NEGATIVE_INFINITY;
        private boolean stopped;

        Run(Evaluator evaluator, BooleanSupplier stop, double largest) {
            this.evaluator = evaluator;
            this.stop = stop;
            this.largest = largest;
        }

        /** Evaluates at gamma; returns s there (-Infinity when stopped). */
        private double evaluate(double gamma) {
            if (stopped || stop.getAsBoolean()) {
                stopped = true;
                return Double.NEGATIVE_INFINITY;
            }
            Point p = evaluator.at(gamma);
            points.put(gamma, p);
            if (Double.isNaN(bestGamma) || p.value() > bestValue) {
                bestValue = p.value();
                bestGamma = gamma;
            }
            return p.value();
        }

        double maximise(List<Double> grid) {
            lowest = grid.get(0);
            highest = grid.get(grid.size() - 1);
            int best = phaseOne(grid);
            if (stopped || best < 0 || !(bestValue > Double.NEGATIVE_INFINITY)) {
                // stopped, or no evaluation succeeded: there is nothing to refine (a walk over failing
                // evaluations would only repeat the failure, one SDP solve each)
                return bestGamma;
            }
            double a = Math.log(grid.get(Math.max(0, best - 1)));
            double b = Math.log(grid.get(Math.min(grid.size() - 1, best + 1)));
            brent(a, b, Math.log(grid.get(best)), points.get(grid.get(best)).value());
            return bestGamma;
        }

        /** The value a bound must exceed for its points to be evaluated (-Infinity before any success). */
        private double pruneLevel() {
            if (!(bestValue > Double.NEGATIVE_INFINITY)) {
                return Double.NEGATIVE_INFINITY;
            }
            return bestValue + PRUNE_TOLERANCE * Math.max(1, Math.abs(bestValue));
        }

        /** Phase 1; returns the index of the best grid point (-1 when stopped before any). */
        private int phaseOne(List<Double> grid) {
            int n = grid.size();
            boolean[] done = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (i == 0 || i == n - 1 || (i - 1) % (FIRST_DECADES * PER_DECADE) == 0) {
                    if (i > 0 && bound(grid.get(i), Double.POSITIVE_INFINITY) <= pruneLevel()) {
                        break; // even f = largest cannot make this or any larger gamma better
                    }
                    evaluate(grid.get(i));
                    done[i] = true;
                }
            }
            while (!stopped) {
                // the run of unevaluated points with the largest bound above the best value
                int pick = -1;
                double pickBound = pruneLevel();
                for (int i = 1; i < n; i++) {
                    if (done[i] || !done[i - 1]) {
                        continue;
                    }
                    int end = i;
                    while (end < n && !done[end]) {
                        end++;
                    }
                    double bound = bound(grid.get(i - 1), end < n ? grid.get(end) : Double.POSITIVE_INFINITY);
                    if (bound > pickBound) {
                        pickBound = bound;
                        pick = (i + end - 1) / 2;
                    }
                }
                if (pick < 0) {
                    break;
                }
                evaluate(grid.get(pick));
                done[pick] = true;
            }
            int best = -1;
            for (int i = 0; i < n; i++) {
                Point p = points.get(grid.get(i));
                if (p != null && (best < 0 || p.value() > points.get(grid.get(best)).value())) {
                    best = i;
                }
            }
            return best;
        }

        /**
         * U for the levels in [ga, gb]: log2((1 + f(gamma_r)) / (1 + ga)), gamma_r the first
         * evaluated point at or above gb with a known f; f = largest (the user's SNR, which bounds
         * every user SINR) when there is none.
         */
        private double bound(double ga, double gb) {
            double f = largest;
            for (var e : points.tailMap(gb, true).entrySet()) {
                if (!Double.isNaN(e.getValue().sinr())) {
                    f = Math.min(largest, Math.max(0, e.getValue().sinr()));
                    break;
                }
            }
            return (Math.log1p(f) - Math.log1p(ga)) / LN2;
        }

        /**
         * Whether no level between the evaluated neighbours of the best point (or the end of the
         * searched range, where the best point is one) can beat it noticeably.
         */
        private boolean certified() {
            Double below = points.lowerKey(bestGamma);
            Double above = points.higherKey(bestGamma);
            double level = bestValue + VALUE_TOLERANCE * Math.max(1, Math.abs(bestValue));
            boolean left = below == null ? bestGamma <= lowest : bound(below, bestGamma) <= level;
            boolean right = above == null ? bestGamma >= highest : bound(bestGamma, above) <= level;
            return left && right;
        }

        /**
         * Brent's maximisation of s(exp(u)) on [a, b] from the interior point x with value fx.
         */
        private void brent(double a, double b, double x, double fx) {
            double tol = LN_TOLERANCE / 4;
            double w = x;
            double v = x;
            double fw = fx;
            double fv = fx;
            double d = 0;
            double e = 0;
            while (!stopped && !certified()) {
                double xm = 0.5 * (a + b);
                if (Math.abs(x - xm) <= 2 * tol - 0.5 * (b - a)) {
                    break;
                }
                boolean golden = true;
                if (Math.abs(e) > tol) {
                    // parabola through (x, fx), (w, fw), (v, fv)
                    double r = (x - w) * (fx - fv);
                    double q = (x - v) * (fx - fw);
                    double p = (x - v) * q - (x - w) * r;
                    q = 2 * (q - r);
                    if (q > 0) {
                        p = -p;
                    }
                    q = Math.abs(q);
                    double previous = e;
                    e = d;
                    // Brent's acceptance test (the step of the parabola is the same for s and -s)
                    if (Math.abs(p) < Math.abs(0.5 * q * previous) && p > q * (a - x) && p < q * (b - x)) {
                        d = p / q;
                        double u = x + d;
                        if (u - a < 2 * tol || b - u < 2 * tol) {
                            d = xm >= x ? tol : -tol;
                        }
                        golden = false;
                    }
                }
                if (golden) {
                    e = x >= xm ? a - x : b - x;
                    d = GOLD * e;
                }
                double u = Math.abs(d) >= tol ? x + d : x + (d > 0 ? tol : -tol);
                double fu = evaluate(Math.exp(u));
                if (stopped) {
                    break;
                }
                if (fu >= fx) {
                    if (u >= x) {
                        a = x;
                    } else {
                        b = x;
                    }
                    v = w;
                    fv = fw;
                    w = x;
                    fw = fx;
                    x = u;
                    fx = fu;
                } else {
                    if (u < x) {
                        a = u;
                    } else {
                        b = u;
                    }
                    if (fu >= fw || w == x) {
                        v = w;
                        fv = fw;
                        w = u;
                        fw = fu;
                    } else if (fu >= fv || v == x || v == w) {
                        v = u;
                        fv = fu;
                    }
                }
            }
        }
    }
}
