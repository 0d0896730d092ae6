package io.fresnel.design.rsma;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.Dense;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Stream;
import java.util.List;
import java.util.Random;

/** Algorithm 1 (fully digital) and Algorithm 2 (penalty BCD, hybrid) of paper 000 on an {@link RsmaSurrogate}. */
final class RsmaSolver {
    static final double CRB_MARGIN = 1e-4;
    static final double ALG1_TOLERANCE = 1e-5;
    static final int ALG1_MAX_INNER = 3;
    static final int BCD_MAX_ROUNDS = 20;
    static final int MAX_PENALTY_STEPS = 200;
    /** F (53)-(58) and W (59) updates per BCD round: both only lower ||P - F W||, and cost no surrogate. */
    static final int FW_SWEEPS = 5;
    /** Penalty reductions skipped when F_A, F_D are warm-started. */
    static final int WARM_PENALTY_STEPS = 2;
    static final double PENALTY_INITIAL = 100;
    static final double PENALTY_FACTOR = 0.5;
    static final double PENALTY_TOLERANCE = 1e-7;

    /** The result: normalised P (digital) or F, W (hybrid; W normalised), or nothing. */
    record Outcome(DesignStatus status, int iterations, String message, double[][] columnsRe, double[][] columnsIm,
            double[][][] analog, double[][][] digital, double[] secrecy, double commonSecrecy, double pmax) {
        Precoder toPrecoder(List<Stream> streams, List<CommNode> users) {
            var shares = RsmaSecureDesign.shares(commonSecrecy, secrecy, users);
            boolean hasCommon = streams.get(0).role() == io.fresnel.model.StreamRole.COMMON;
            double f = Math.sqrt(pmax);
            if (analog != null) {
                return new Precoder(streams, null, RsmaSecureDesign.matrix(analog[0], analog[1]),
                        RsmaSecureDesign.matrix(scale(digital[0], f), scale(digital[1], f)), hasCommon ? shares : null);
            }
            return new Precoder(streams, RsmaSecureDesign.matrix(scale(columnsRe, f), scale(columnsIm, f)), null, null,
                    hasCommon ? shares : null);
        }
    }

    /**
     * Minimum time between two intermediate reports after the first (ns): long enough for the
     * window to finish its full-resolution heatmap of one before the next arrives.
     */
    static final long REPORT_INTERVAL_NS = 1_000_000_000L;

    /** Receives feasible intermediate iterates (or null: none reported). */
    java.util.function.Consumer<Outcome> feasible;
    private boolean reported;
    private boolean warmHybrid;
    /** The last hybrid iterate whose F_A F_D met the power and CRB bounds (hybrid runs), or null. */
    private Outcome lastFeasible;
    private long lastReport;

    private final RsmaSurrogate s;
    private final boolean hybrid;
    private final int rf;
    private final long seed;
    private final int maxIterations;
    private final DesignContext ctx;
    private final String name;
    private final int n;
    private final int streams;
    private final int d;
    private double[][][] c;
    private double[][] fr;
    private double[][] fi;
    private double[][] wr;
    private double[][] wi;
    private int iterations;
    double penaltyInitial = PENALTY_INITIAL;
    double penaltyFactor = PENALTY_FACTOR;
    double penaltyTolerance = PENALTY_TOLERANCE;

    RsmaSolver(RsmaSurrogate s, boolean hybrid, int rf, long seed, int maxIterations, DesignContext ctx, String name) {
        this.s = s;
        this.hybrid = hybrid;
        this.rf = rf;
        this.seed = seed;
        this.maxIterations = maxIterations;
        this.ctx = ctx;
        this.name = name;
        this.n = s.model.antennas;
        this.streams = s.streams;
        this.d = s.d;
    }

    void warmStart(Precoder warm) {
        double f = 1 / Math.sqrt(s.pmax);
        if (hybrid && warm.isHybrid() && warm.analog().cols() == rf) {
            warmHybrid = true;
            fr = new double[n][rf];
            fi = new double[n][rf];
            for (int a = 0; a < n; a++) {
                for (int l = 0; l < rf; l++) {
                    fr[a][l] = warm.analog().re(a, l);
                    fi[a][l] = warm.analog().im(a, l);
                }
            }
            wr = new double[rf][streams];
            wi = new double[rf][streams];
            for (int l = 0; l < rf; l++) {
                for (int q = 0; q < streams; q++) {
                    wr[l][q] = warm.digital().re(l, q) * f;
                    wi[l][q] = warm.digital().im(l, q) * f;
                }
            }
        }
        var p = warm.effective();
        double[][][] cols = new double[streams][2][n];
        for (int q = 0; q < streams; q++) {
            for (int a = 0; a < n; a++) {
                cols[q][0][a] = p.re(a, q) * f;
                cols[q][1][a] = p.im(a, q) * f;
            }
        }
        c = reduce(cols);
        double p2 = RsmaSurrogate.norm2(c);
        if (!(p2 > 0)) {
            c = null;
        } else if (p2 > 1) {
            c = scaleC(c, 1 / Math.sqrt(p2));
        }
    }

    private double[][][] reduce(double[][][] cols) {
        double[][][] out = new double[cols.length][][];
        for (int q = 0; q < cols.length; q++) {
            out[q] = s.model.basis.coordinates(cols[q][0], cols[q][1]);
        }
        return out;
    }

    private static double[][][] scaleC(double[][][] c, double f) {
        double[][][] o = new double[c.length][2][];
        for (int q = 0; q < c.length; q++) {
            o[q][0] = scale(c[q][0], f);
            o[q][1] = scale(c[q][1], f);
        }
        return o;
    }

    private static double[] scale(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f;
        }
        return y;
    }

    static double[][] scale(double[][] x, double f) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = scale(x[i], f);
        }
        return y;
    }

    private void initialise() {
        Random rnd = new Random(seed);
        c = new double[streams][2][d];
        for (int k = 0; k < s.users; k++) {
            double[][] g = s.g[k];
            double nrm = Math.sqrt(RsmaSurrogate.abs2(RsmaSurrogate.inner(g, g)) > 0
                    ? Math.sqrt(RsmaSurrogate.abs2(RsmaSurrogate.inner(g, g))) : 1);
            int q = s.privateIndex(k);
            for (int j = 0; j < d; j++) {
                c[q][0][j] = g[0][j] / nrm + 0.05 * rnd.nextGaussian();
                c[q][1][j] = g[1][j] / nrm + 0.05 * rnd.nextGaussian();
            }
            if (s.common) {
                double ph = 2 * Math.PI * rnd.nextDouble();
                double cr = Math.cos(ph);
                double ci = Math.sin(ph);
                for (int j = 0; j < d; j++) {
                    c[0][0][j] += (cr * g[0][j] - ci * g[1][j]) / nrm;
                    c[0][1][j] += (cr * g[1][j] + ci * g[0][j]) / nrm;
                }
            }
        }
        if (s.common) {
            for (int j = 0; j < d; j++) {
                c[0][0][j] += 0.3 * rnd.nextGaussian();
                c[0][1][j] += 0.3 * rnd.nextGaussian();
            }
        }
        c = scaleC(c, 1 / Math.sqrt(RsmaSurrogate.norm2(c)));
    }

    private boolean stop() {
        return ctx.isCancelled();
    }

    Outcome solve() {
        if (c == null) {
            initialise();
        }
        // phase one: reach the CRB bounds (a feasible starting point, Algorithm 1 line 1)
        if (!s.limits.isEmpty() && s.crbRatio(c) > 1 - 2 * CRB_MARGIN) {
            double best = Double.POSITIVE_INFINITY;
            boolean ok = false;
            for (int it = 0; it < 30 && iterations < maxIterations; it++) {
                if (stop()) {
                    return cancelled();
                }
                RsmaSurrogate.Step st = s.solve(c, null, true, CRB_MARGIN, ctx.cancelled());
                iterations++;
                if (st == null) {
                    if (stop()) {
                        return cancelled();
                    }
                    break;
                }
                c = shortestFeasibleStep(c, st.c());
                double ratio = s.crbRatio(c);
                best = Math.min(best, ratio);
                ctx.progress().onIteration(iterations, s.rates(c).minSecrecy(),
                        "phase one: worst CRB / bound = " + ratio);
                if (ratio <= 1 - 2 * CRB_MARGIN) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return new Outcome(DesignStatus.INFEASIBLE, iterations, "no precoder meeting the CRB bounds was found"
                        + String.format(" (the smallest worst CRB / bound reached was %.4g)", best)
                        + " within the power budget (phase one of this local method; it cannot prove"
                        + " infeasibility)", null, null, null, null, null, 0, s.pmax);
            }
        }
        return hybrid ? solveHybrid() : solveDigital();
    }

    /**
     * Phase one's step from c0 towards the surrogate's CRB minimiser c1: the shortest
     * {@code c0 + s (c1 - c0)}, s in (0, 1], that meets the bounds (bisection on s; c1 when even it
     * does not), so that a warm start keeps as much of its secrecy as the bounds allow instead of
     * jumping to the sensing-only optimum.
     */
    private double[][][] shortestFeasibleStep(double[][][] c0, double[][][] c1) {
        double goal = 1 - 2 * CRB_MARGIN;
        if (!(s.crbRatio(c1) <= goal)) {
            return c1;
        }
        double lo = 0;
        double hi = 1;
        for (int it = 0; it < 30; it++) {
            double mid = 0.5 * (lo + hi);
            if (s.crbRatio(blend(c0, c1, mid)) <= goal) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return blend(c0, c1, hi);
    }

    /** @return c0 + f (c1 - c0) */
    private double[][][] blend(double[][][] c0, double[][][] c1, double f) {
        double[][][] t = new double[streams][2][d];
        for (int q = 0; q < streams; q++) {
            for (int part = 0; part < 2; part++) {
                for (int i = 0; i < d; i++) {
                    t[q][part][i] = c0[q][part][i] + f * (c1[q][part][i] - c0[q][part][i]);
                }
            }
        }
        return t;
    }

    private Outcome cancelled() {
        return new Outcome(DesignStatus.CANCELLED, iterations, "cancelled", null, null, null, null, null, 0, s.pmax);
    }

    /** Algorithm 1 from c with an optional penalty; returns false when cancelled. */
    private int algorithm1(RsmaSurrogate.Penalty pen, double[] gammaOut, int maxInner) {
        double last = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < maxInner; it++) {
            if (iterations >= maxIterations) {
                return 2;
            }
            if (stop()) {
                return 1;
            }
            RsmaSurrogate.Step st = s.solve(c, pen, false, CRB_MARGIN, ctx.cancelled());
            iterations++;
            if (st == null) {
                return stop() ? 1 : 3;
            }
            double[][][] before = c;
            c = st.c();
            gammaOut[0] = st.gamma();
            if (pen != null) {
                gammaNow = st.gamma();
            }
            c = extrapolate(before, c, pen);
            double sec = s.rates(c).minSecrecy();
            double penal = pen == null ? 0 : pen.weight() * gap(pen, c);
            ctx.progress().onIteration(iterations, sec, pen == null ? "Algorithm 1"
                    : String.format("rho = %.6g, ||P - F_A F_D||^2 / P = %.3g, penalised = %.12g", 1 / pen.weight(),
                            gap(pen, c), sec - penal));
            if (pen == null) {
                reportFeasible(false);
            }
            double now = sec - penal;
            if (now - last < ALG1_TOLERANCE * Math.max(1, Math.abs(now))) {
                return 0;
            }
            last = now;
        }
        return 0;
    }

    /**
     * Over-relaxation of one Algorithm 1 step (a monotone acceleration of the MM iteration, not in
     * the paper): tries {@code c0 + 2^j (c1 - c0)}, j = 1, 2, ..., scaled into the power budget,
     * while the true (penalised) objective keeps improving and the CRB bounds keep holding; returns
     * the best point, c1 when no trial improves on it.
     */
    private double[][][] extrapolate(double[][][] c0, double[][][] c1, RsmaSurrogate.Penalty pen) {
        double best = penalised(c1, pen);
        double[][][] bestC = c1;
        double out = pen == null ? 0 : gammaNow * pen.outOfSpan();
        double room = 1 - out * out;
        for (int j = 1; j <= 12 && room > 0; j++) {
            double[][][] t = blend(c0, c1, Math.pow(2, j));
            double p2 = RsmaSurrogate.norm2(t);
            if (p2 > room * (1 - 1e-9)) {
                t = scaleC(t, Math.sqrt(room * (1 - 1e-9) / p2));
            }
            if (!s.limits.isEmpty() && !(s.crbRatio(t) < 1 - 2 * CRB_MARGIN)) {
                break;
            }
            double v = penalised(t, pen);
            if (!(v > best)) {
                break;
            }
            best = v;
            bestC = t;
        }
        return bestC;
    }

    /** @return the true min secrecy rate of c minus the penalty (1/rho) ||P - F_A F_D||^2 */
    private double penalised(double[][][] cc, RsmaSurrogate.Penalty pen) {
        double sec = s.rates(cc).minSecrecy();
        if (pen == null) {
            return sec;
        }
        return sec - pen.weight() * gap(pen, cc);
    }

    private double gammaNow;
    private double[][] bRe;
    private double[][] bIm;

    /** @return ||P - F_A F_D||^2 (normalised) for the columns cc and the current gamma */
    private double gap(RsmaSurrogate.Penalty pen, double[][][] cc) {
        double g = 0;
        for (int q = 0; q < streams; q++) {
            for (int j = 0; j < d; j++) {
                double a = cc[q][0][j] - pen.cfw()[q][0][j];
                double b = cc[q][1][j] - pen.cfw()[q][1][j];
                g += a * a + b * b;
            }
        }
        double o = (1 - gammaNow) * pen.outOfSpan();
        return g + o * o;
    }

    private Outcome solveDigital() {
        double[] gam = new double[1];
        int r = algorithm1(null, gam, Integer.MAX_VALUE);
        if (r == 1) {
            return cancelled();
        }
        DesignStatus st = r == 0 ? DesignStatus.CONVERGED : DesignStatus.ITERATION_LIMIT;
        String msg = r == 2 ? "max_iterations reached" : r == 3 ? "stopped early: a surrogate could not be solved"
                : "Algorithm 1 converged to a stationary point (local method, not a certified global optimum)";
        return digitalOutcome(st, msg);
    }

    /** @return the current digital iterate c (scaled into the power budget) as an outcome */
    private Outcome digitalOutcome(DesignStatus st, String msg) {
        double[][][] cc = c;
        double p2 = RsmaSurrogate.norm2(cc);
        if (p2 > 1) {
            cc = scaleC(cc, 1 / Math.sqrt(p2));
        }
        double[][] pr = new double[n][streams];
        double[][] pi = new double[n][streams];
        for (int q = 0; q < streams; q++) {
            double[][] v = s.model.expand(cc[q]);
            for (int a = 0; a < n; a++) {
                pr[a][q] = v[0][a];
                pi[a][q] = v[1][a];
            }
        }
        RsmaSurrogate.Rates rates = s.rates(cc);
        return new Outcome(st, iterations, msg, pr, pi, null, null, rates.privateSecrecy(), rates.commonSecrecy(),
                s.pmax);
    }

    /**
     * @param reducedFinal the span coordinates of {@link #finalFw()} (its rates are reported)
     * @return the current hybrid iterate F_A, F_D (F_A F_D scaled to the full power) as an outcome, copied
     */
    private Outcome hybridOutcome(DesignStatus st, String msg, double[][][] reducedFinal) {
        double norm = Math.sqrt(norm2(fw()));
        double[][] ar = new double[n][];
        double[][] ai = new double[n][];
        for (int a = 0; a < n; a++) {
            ar[a] = fr[a].clone();
            ai[a] = fi[a].clone();
        }
        double[][] dr = scale(wr, 1 / norm);
        double[][] di = scale(wi, 1 / norm);
        RsmaSurrogate.Rates rates = s.rates(reducedFinal);
        return new Outcome(st, iterations, msg, null, null, new double[][][] {ar, ai}, new double[][][] {dr, di},
                rates.privateSecrecy(), rates.commonSecrecy(), s.pmax);
    }

    /**
     * Reports the current iterate through {@link #feasible} when it meets the power and CRB bounds
     * (the first one at once, then at most every {@link #REPORT_INTERVAL_NS}).
     */
    private void reportFeasible(boolean hybridIterate) {
        Outcome o = null;
        if (hybridIterate) {
            double[][][] cf = reduce(finalFw());
            if (!s.limits.isEmpty() && !(s.crbRatio(cf) <= 1)) {
                return;
            }
            o = hybridOutcome(DesignStatus.ITERATION_LIMIT, "intermediate", cf);
            lastFeasible = o;
        }
        long now = System.nanoTime();
        if (feasible == null || (reported && now - lastReport < REPORT_INTERVAL_NS)) {
            return;
        }
        feasible.accept(o != null ? o : digitalOutcome(DesignStatus.ITERATION_LIMIT, "intermediate"));
        reported = true;
        lastReport = now;
    }

    private double[][][] fullP() {
        double[][][] p = new double[streams][2][];
        for (int q = 0; q < streams; q++) {
            double[][] v = s.model.expand(c[q]);
            p[q][0] = v[0];
            p[q][1] = v[1];
            if (bRe != null) {
                for (int a = 0; a < n; a++) {
                    p[q][0][a] += gammaNow * bRe[q][a];
                    p[q][1][a] += gammaNow * bIm[q][a];
                }
            }
        }
        return p;
    }

    private double[][][] fw() {
        double[][][] p = new double[streams][2][n];
        for (int q = 0; q < streams; q++) {
            for (int a = 0; a < n; a++) {
                double re = 0;
                double im = 0;
                for (int l = 0; l < rf; l++) {
                    re += fr[a][l] * wr[l][q] - fi[a][l] * wi[l][q];
                    im += fr[a][l] * wi[l][q] + fi[a][l] * wr[l][q];
                }
                p[q][0][a] = re;
                p[q][1][a] = im;
            }
        }
        return p;
    }

    private void updateW(double[][][] p) {
        double[][] ar = new double[rf][rf];
        double[][] ai = new double[rf][rf];
        double[][] br = new double[rf][streams];
        double[][] bi = new double[rf][streams];
        for (int l = 0; l < rf; l++) {
            for (int m = 0; m < rf; m++) {
                double re = 0;
                double im = 0;
                for (int a = 0; a < n; a++) {
                    re += fr[a][l] * fr[a][m] + fi[a][l] * fi[a][m];
                    im += fr[a][l] * fi[a][m] - fi[a][l] * fr[a][m];
                }
                ar[l][m] = re + (l == m ? 1e-12 * n : 0);
                ai[l][m] = im;
            }
            for (int q = 0; q < streams; q++) {
                double re = 0;
                double im = 0;
                for (int a = 0; a < n; a++) {
                    re += fr[a][l] * p[q][0][a] + fi[a][l] * p[q][1][a];
                    im += fr[a][l] * p[q][1][a] - fi[a][l] * p[q][0][a];
                }
                br[l][q] = re;
                bi[l][q] = im;
            }
        }
        double[][][] x = Dense.solveComplex(ar, ai, br, bi);
        if (x != null) {
            wr = x[0];
            wi = x[1];
        }
    }

    /** (53)-(58), element by element: F_nm = chi / |chi|, chi = Z_nm - X_nm + F_nm Y_mm. */
    private void updateF(double[][][] p) {
        double[][] yr = new double[rf][rf];
        double[][] yi = new double[rf][rf];
        for (int l = 0; l < rf; l++) {
            for (int m = 0; m < rf; m++) {
                for (int q = 0; q < streams; q++) {
                    yr[l][m] += wr[l][q] * wr[m][q] + wi[l][q] * wi[m][q];
                    yi[l][m] += wi[l][q] * wr[m][q] - wr[l][q] * wi[m][q];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            double[] zr = new double[rf];
            double[] zi = new double[rf];
            for (int m = 0; m < rf; m++) {
                for (int q = 0; q < streams; q++) {
                    zr[m] += p[q][0][a] * wr[m][q] + p[q][1][a] * wi[m][q];
                    zi[m] += p[q][1][a] * wr[m][q] - p[q][0][a] * wi[m][q];
                }
            }
            double[] xr = new double[rf];
            double[] xi = new double[rf];
            for (int m = 0; m < rf; m++) {
                for (int l = 0; l < rf; l++) {
                    xr[m] += fr[a][l] * yr[l][m] - fi[a][l] * yi[l][m];
                    xi[m] += fr[a][l] * yi[l][m] + fi[a][l] * yr[l][m];
                }
            }
            for (int m = 0; m < rf; m++) {
                double chr = zr[m] - xr[m] + fr[a][m] * yr[m][m];
                double chi = zi[m] - xi[m] + fi[a][m] * yr[m][m];
                double mag = Math.hypot(chr, chi);
                if (!(mag > 0)) {
                    continue;
                }
                double nr = chr / mag;
                double ni = chi / mag;
                double dr = nr - fr[a][m];
                double di = ni - fi[a][m];
                fr[a][m] = nr;
                fi[a][m] = ni;
                for (int q = 0; q < rf; q++) {
                    xr[q] += dr * yr[m][q] - di * yi[m][q];
                    xi[q] += dr * yi[m][q] + di * yr[m][q];
                }
            }
        }
    }

    private RsmaSurrogate.Penalty penalty(double rho) {
        double[][][] f = fw();
        double[][][] cf = reduce(f);
        bRe = new double[streams][n];
        bIm = new double[streams][n];
        double o = 0;
        for (int q = 0; q < streams; q++) {
            double[][] v = s.model.expand(cf[q]);
            for (int a = 0; a < n; a++) {
                bRe[q][a] = f[q][0][a] - v[0][a];
                bIm[q][a] = f[q][1][a] - v[1][a];
                o += bRe[q][a] * bRe[q][a] + bIm[q][a] * bIm[q][a];
            }
        }
        double on = Math.sqrt(o);
        if (on > 0) {
            for (int q = 0; q < streams; q++) {
                for (int a = 0; a < n; a++) {
                    bRe[q][a] /= on;
                    bIm[q][a] /= on;
                }
            }
        }
        // P's out-of-span part is gamma * (unit B) * on in the surrogate; keep gammaNow in those units
        bRe = scale(bRe, on);
        bIm = scale(bIm, on);
        return new RsmaSurrogate.Penalty(cf, on, 1 / rho);
    }

    private Outcome solveHybrid() {
        if (fr == null) {
            Random rnd = new Random(seed + 1);
            double[][][] p = fullP();
            fr = new double[n][rf];
            fi = new double[n][rf];
            for (int a = 0; a < n; a++) {
                for (int l = 0; l < rf; l++) {
                    double ph = l < streams ? Math.atan2(p[l][1][a], p[l][0][a]) : 2 * Math.PI * rnd.nextDouble();
                    fr[a][l] = Math.cos(ph);
                    fi[a][l] = Math.sin(ph);
                }
            }
            updateW(p);
        }
        // a warm start (F_A, F_D of a previous run) is already close to P = F_A F_D: resume the
        // penalty schedule WARM_PENALTY_STEPS reductions further on instead of from rho_0
        double rho = penaltyInitial / s.pmax * (warmHybrid ? Math.pow(penaltyFactor, WARM_PENALTY_STEPS) : 1);
        double eps = penaltyTolerance;
        int tightenings = 0;
        int status = 0;
        boolean met = false;
        gammaNow = 1;
        for (int outer = 0; outer < MAX_PENALTY_STEPS && !met; outer++) {
            double last = Double.NEGATIVE_INFINITY;
            boolean settled = false; // the BCD rounds at this rho stopped improving (not merely capped)
            for (int round = 0; round < BCD_MAX_ROUNDS; round++) {
                RsmaSurrogate.Penalty pen = penalty(rho);
                double[] gam = new double[] {1};
                status = algorithm1(pen, gam, ALG1_MAX_INNER);
                if (status == 1) {
                    return cancelled();
                }
                gammaNow = gam[0];
                double[][][] p = fullP();
                for (int sweep = 0; sweep < FW_SWEEPS; sweep++) {
                    updateF(p);
                    updateW(p);
                }
                reportFeasible(true);
                RsmaSurrogate.Penalty after = penalty(rho);
                double obj = s.rates(c).minSecrecy() - after.weight() * gapFull(p);
                if (status != 0) {
                    break;
                }
                if (obj - last < 1e-5 * Math.max(1, Math.abs(obj))) {
                    settled = true;
                    break;
                }
                last = obj;
            }
            if (status == 2 || status == 3) {
                break;
            }
            double g = gapFull(fullP());
            if (g < eps && settled) {
                double[][][] f = finalFw();
                double ratio = s.limits.isEmpty() ? 0 : s.crbRatio(reduce(f));
                if (ratio <= 1) {
                    met = true;
                    break;
                }
                if (tightenings >= 3) {
                    break;
                }
                eps /= 100;
                tightenings++;
            }
            rho *= penaltyFactor;
        }
        double[][][] cf = reduce(finalFw());
        double ratio = s.limits.isEmpty() ? 0 : s.crbRatio(cf);
        DesignStatus st = met ? DesignStatus.CONVERGED : DesignStatus.ITERATION_LIMIT;
        String stopped = status == 2 ? "max_iterations reached"
                : status == 3 ? "stopped early: a surrogate could not be solved"
                : "the penalty schedule ended before ||P - F_A F_D||^2 met its tolerance";
        if (!met && lastFeasible != null && !(ratio <= 1)) {
            Outcome o = lastFeasible;
            return new Outcome(o.status(), iterations, stopped + "; the final F_A F_D violated a CRB bound, so this"
                    + " is the last iterate that met every bound", null, null, o.analog(), o.digital(), o.secrecy(),
                    o.commonSecrecy(), o.pmax());
        }
        String msg = !met ? stopped
                : "penalty BCD converged to a stationary point (local method, not a certified global optimum);"
                        + " final ||P - F_A F_D||^2 / P = " + String.format("%.2e", gapFull(fullP()))
                        + (s.limits.isEmpty() ? "" : String.format(", worst CRB / bound %.6f (P: %.6f)", ratio,
                        s.crbRatio(c)));
        return hybridOutcome(st, msg, cf);
    }

    /** F_A F_D scaled to the full (normalised) power 1. */
    private double[][][] finalFw() {
        double[][][] f = fw();
        double nrm = Math.sqrt(norm2(f));
        double[][][] o = new double[streams][2][];
        for (int q = 0; q < streams; q++) {
            o[q][0] = scale(f[q][0], 1 / nrm);
            o[q][1] = scale(f[q][1], 1 / nrm);
        }
        return o;
    }

    private static double norm2(double[][][] f) {
        double t = 0;
        for (double[][] col : f) {
            for (int a = 0; a < col[0].length; a++) {
                t += col[0][a] * col[0][a] + col[1][a] * col[1][a];
            }
        }
        return t;
    }

    private double gapFull(double[][][] p) {
        double[][][] f = fw();
        double t = 0;
        for (int q = 0; q < streams; q++) {
            for (int a = 0; a < n; a++) {
                double x = p[q][0][a] - f[q][0][a];
                double y = p[q][1][a] - f[q][1][a];
                t += x * x + y * y;
            }
        }
        return t;
    }

    /** @return the hybrid F (unit modulus) as {re, im} N x L, or null */
    double[][][] analog() {
        return fr == null ? null : new double[][][] {fr, fi};
    }
}
