package io.fresnel.design.rsma;

import static io.fresnel.design.rsma.Columns.abs2;
import static io.fresnel.design.rsma.Columns.inner;
import static io.fresnel.design.rsma.Columns.norm2;

import io.fresnel.optim.BarrierSolver;
import io.fresnel.optim.ConeStatus;
import io.fresnel.optim.QuadraticLogConstraint;
import io.fresnel.optim.SmoothConvexProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The convex surrogate (52) of paper 000 at an expansion point, one step of Algorithm 1: concave
 * lower bounds of the users' rates and the quadratic-transform upper bounds (37)/(38), (40)/(42)
 * of the eavesdroppers' rates, tight at the expansion point, with the power budget (25d), the CRB
 * LMIs of {@link CrbLmis} and, in Algorithm 2, the penalty (1/rho) ||P - F_A F_D||^2 of (52a).
 * Solved by the log-barrier method {@link BarrierSolver}. Immutable.
 *
 * <p>Not in the paper: the users' rates are not bounded by the WMMSE minorant (28)-(32) but by
 * {@code log2 L(c) - log2 I0 - (I(c) - I0) / (I0 ln 2)}, with L the affine minorant of the received
 * power T (|z|^2 >= 2 Re(conj(z0) z) - |z0|^2) and the tangent of the concave -log2 I at the
 * interference-plus-noise power I0 of the expansion point. Both minorants touch the rate with its
 * gradient at the expansion point (so the stationary points of Algorithm 1 are those of (26)),
 * but the WMMSE bound, a quadratic in the stream's amplitude, lets a step raise a user's signal
 * power only by a factor of about (1 + 1/SINR)^2 (its maximiser in the amplitude a is
 * a0 (1 + 1/SINR0)): at the paper's set-up (secrecy rates near 11 bit/s/Hz, so SINRs above 2000)
 * Algorithm 1 rose by 0.003-0.02 bit/s/Hz per step and took 255 surrogates from a cold start,
 * against 16 with the log bound, whose error in log2 T is of second order in the relative change
 * of T. Each log bound costs one variable u and one constraint u <= log2 L(c).
 */
final class RsmaSurrogate {
    /** Penalty data of Algorithm 2: the reduced F_A F_D, the norm of its out-of-span part, 1/rho. */
    record Penalty(double[][][] cfw, double outOfSpan, double weight) {
    }

    /** A solved surrogate: new columns, gamma (scale of the out-of-span part), surrogate objective. */
    record Step(double[][][] c, double gamma, double value) {
    }

    static final double LN2 = Math.log(2);
    /** Relative duality-gap bound of each surrogate solve (an MM step needs no more). */
    static final double SURROGATE_TOLERANCE = 1e-7;
    /** How far below its bound R^s starts (bit/s/Hz); R^s enters linearly, Newton recovers it at once. */
    static final double RATE_SLACK = 0.5;
    /** How far below log2 of its affine bound each signal variable u starts (bit/s/Hz). */
    static final double LOG_SLACK = 0.1;
    private final RsmaChannels ch;
    private final CrbLmis crb;
    private final int d;
    private final int users;
    private final int streams;
    private final boolean common;
    private final double[][][] g;
    private final double[][][] e;

    /**
     * @param ch the reduced model
     * @param crb its CRB bounds (possibly none)
     */
    RsmaSurrogate(RsmaChannels ch, CrbLmis crb) {
        this.ch = ch;
        this.crb = crb;
        this.d = ch.d;
        this.users = ch.users;
        this.streams = ch.streams;
        this.common = ch.common;
        this.g = ch.g;
        this.e = ch.e;
    }

    /** The variable layout of one surrogate program. */
    private record Layout(int n, int gamma, int tau, int rate, int shares, int logs) {
    }

    /** Where the rate constraints of one program stand among its {@link QuadraticLogConstraint}s. */
    private record RateRows(int firstLog, int logCount, int firstPrivate, int privateCount, int firstCommon,
            int commonCount) {
    }

    /**
     * Solves the surrogate (52) at c0 with {@link BarrierSolver}.
     *
     * <p>Variables: the columns c (re, im per coordinate and stream), gamma (scale of the penalty's
     * out-of-span part of F_A F_D), and either tau (phase one) or R^s, the common secrecy shares
     * R_kc^s (25e)-(25g) and one signal variable u per user and decoded stream. Constraints: the
     * power (25d) {@code ||c||^2 + (gamma o)^2 <= 1}; per user and stream {@code u <= log2 L(c)};
     * per user and eavesdropper (52b) with (25e) folded in, {@code R^s - R_kc^s <= A_kp(c) + f_ek(c)},
     * and per user and eavesdropper (52c) {@code sum_k R_kc^s <= A_kc(c) + f_ec(c)}, with
     * {@code A = u - log2 I0 - (I(c) - I0) / (I0 ln 2)} the rate bound of the class comment and
     * f_e = log2 q_e the quadratic-transform bound with the vectors (38)/(42) at c0 (all in
     * bit/s/Hz); the CRB LMIs. The objective is (52a): {@code -R^s + (1/rho) ||P - F W||^2}
     * minimised.
     *
     * @param c0 the expansion point (normalised, power <= 1, strictly inside the CRB bounds unless
     *     phaseOne)
     * @param penalty Algorithm 2's penalty, or null (fully digital)
     * @param phaseOne true: minimise the worst CRB ratio tau subject to power only
     * @param crbMargin relative tightening of the CRB bounds
     * @param cancelled polled by the solver
     * @return the step, or null when the surrogate could not be started or solved
     */
    Step solve(double[][][] c0, Penalty penalty, boolean phaseOne, double crbMargin, BooleanSupplier cancelled) {
        SecrecyRates r0 = ch.rates(c0);
        boolean commonActive = !phaseOne && common && r0.commonSecrecy() > 1e-9;
        Step st = solve(c0, penalty, phaseOne, crbMargin, cancelled, commonActive);
        if (st == null && commonActive) {
            st = solve(c0, penalty, phaseOne, crbMargin, cancelled, false);
        }
        return st;
    }

    private Step solve(double[][][] c0, Penalty penalty, boolean phaseOne, double crbMargin,
            BooleanSupplier cancelled, boolean commonActive) {
        int nc = 2 * d * streams;
        int next = nc;
        boolean gammaOn = penalty != null && penalty.outOfSpan() > 1e-12;
        int gammaVar = gammaOn ? next++ : -1;
        int tauVar = phaseOne ? next++ : -1;
        int rVar = phaseOne ? -1 : next++;
        int xVar = commonActive ? next : -1;
        if (commonActive) {
            next += users;
        }
        int logVar = phaseOne ? -1 : next;
        if (logVar >= 0) {
            next += users * (commonActive ? 2 : 1);
        }
        Layout lay = new Layout(next, gammaVar, tauVar, rVar, xVar, logVar);
        SmoothConvexProgram p = new SmoothConvexProgram(next);
        // power (25d): ||c||^2 + (gamma o)^2 <= 1
        {
            List<double[]> z = new ArrayList<>();
            for (int v = 0; v < nc; v++) {
                double[] row = new double[next];
                row[v] = 1;
                z.add(row);
            }
            if (gammaOn) {
                double[] row = new double[next];
                row[gammaVar] = penalty.outOfSpan();
                z.add(row);
            }
            p.add(QuadraticLogConstraint.quadratic(z.toArray(new double[0][]), new double[z.size()],
                    new double[next], 1));
        }
        RateRows rows = null;
        if (phaseOne) {
            p.addLinearObjective(tauVar, 1);
        } else {
            p.addLinearObjective(rVar, -1);
            if (penalty != null) {
                for (int s = 0; s < streams; s++) {
                    for (int j = 0; j < d; j++) {
                        for (int part = 0; part < 2; part++) {
                            double[] row = new double[next];
                            row[ch.variable(s, j, part)] = 1;
                            p.addSquareObjective(row, -penalty.cfw()[s][part][j], penalty.weight());
                        }
                    }
                }
                if (gammaOn) {
                    double[] row = new double[next];
                    row[gammaVar] = -penalty.outOfSpan();
                    p.addSquareObjective(row, penalty.outOfSpan(), penalty.weight());
                }
            }
            rows = addRateConstraints(p, c0, lay);
        }
        if (!crb.isEmpty()) {
            crb.addTo(p, c0, tauVar, crbMargin);
        }
        double[] x0 = start(p, c0, lay, rows, phaseOne ? crb.ratio(c0) / (1 - crbMargin) : 0);
        if (x0 == null) {
            return null;
        }
        BarrierSolver.Result res = BarrierSolver.solve(p, x0, SURROGATE_TOLERANCE, cancelled);
        if (res.status() == ConeStatus.CANCELLED) {
            return null;
        }
        double[] x = res.x();
        double[][][] c = new double[streams][2][d];
        for (int s = 0; s < streams; s++) {
            for (int j = 0; j < d; j++) {
                c[s][0][j] = x[ch.variable(s, j, 0)];
                c[s][1][j] = x[ch.variable(s, j, 1)];
            }
        }
        double gamma = gammaOn ? x[gammaVar] : 0;
        double value = phaseOne ? x[tauVar] : -res.objective();
        return new Step(c, gamma, value);
    }

    /**
     * A strictly feasible start: c0 shrunk into the power budget (by the largest factor that keeps
     * the CRB bounds), gamma = 0, tau above the current worst ratio (phase one), each u
     * {@link #LOG_SLACK} below log2 L, shares splitting the common surrogate evenly and R^s
     * {@link #RATE_SLACK} below the smallest private bound.
     */
    private double[] start(SmoothConvexProgram p, double[][][] c0, Layout lay, RateRows rows, double ratio) {
        // the first of a few shrink factors that keeps the start inside the CRB bounds: a start away
        // from the power boundary saves the barrier method many damped Newton steps
        for (double shrink : new double[] {0.99, 0.999, 0.9999, 1}) {
            double[] x = start(p, c0, lay, rows, ratio, shrink);
            if (x != null) {
                return x;
            }
        }
        return null;
    }

    private double[] start(SmoothConvexProgram p, double[][][] c0, Layout lay, RateRows rows, double ratio,
            double shrink) {
        double[] x = new double[lay.n()];
        double p2 = norm2(c0);
        double f = Math.sqrt(shrink * (p2 < 1 ? 1 : (1 - 1e-9) / p2));
        for (int s = 0; s < streams; s++) {
            for (int j = 0; j < d; j++) {
                x[ch.variable(s, j, 0)] = c0[s][0][j] * f;
                x[ch.variable(s, j, 1)] = c0[s][1][j] * f;
            }
        }
        if (lay.tau() >= 0) {
            if (!Double.isFinite(ratio)) {
                return null;
            }
            x[lay.tau()] = 2 * ratio + 1e-3;
            return p.strictlyFeasible(x) ? x : null;
        }
        for (int i = 0; i < rows.logCount(); i++) {
            // u - log2 L(c) <= 0: u starts LOG_SLACK below log2 L at the start point
            double f0 = p.constraintValue(rows.firstLog() + i, x);
            if (!Double.isFinite(f0)) {
                return null;
            }
            x[lay.logs() + i] = -f0 - LOG_SLACK;
        }
        if (lay.shares() >= 0) {
            double room = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows.commonCount(); i++) {
                room = Math.min(room, -p.constraintValue(rows.firstCommon() + i, x));
            }
            if (!(room > 1e-12)) {
                return null;
            }
            for (int k = 0; k < users; k++) {
                x[lay.shares() + k] = room / (users + 1);
            }
        }
        double bound = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.privateCount(); i++) {
            bound = Math.min(bound, -p.constraintValue(rows.firstPrivate() + i, x));
        }
        if (!Double.isFinite(bound)) {
            return null;
        }
        x[lay.rate()] = bound - RATE_SLACK;
        return p.strictlyFeasible(x) ? x : null;
    }

    private RateRows addRateConstraints(SmoothConvexProgram p, double[][][] c0, Layout lay) {
        int firstLogRow = p.constraintCount();
        if (lay.logs() >= 0) {
            for (int k = 0; k < users; k++) {
                addSignalLog(p, lay, ch.privateIndex(k), k, c0, false);
            }
            if (lay.shares() >= 0) {
                for (int k = 0; k < users; k++) {
                    addSignalLog(p, lay, 0, k, c0, true);
                }
            }
        }
        int logRows = p.constraintCount() - firstLogRow;
        int firstPrivateRow = p.constraintCount();
        for (int k = 0; k < users; k++) {
            addRate(p, lay, ch.privateIndex(k), k, c0, false);
        }
        int privateRows = p.constraintCount() - firstPrivateRow;
        int firstCommonRow = p.constraintCount();
        if (lay.shares() >= 0) {
            for (int k = 0; k < users; k++) {
                addRate(p, lay, 0, k, c0, true);
            }
            for (int k = 0; k < users; k++) {
                double[] row = new double[lay.n()];
                row[lay.shares() + k] = -1;
                p.addLinearInequality(row, 0);
            }
        }
        return new RateRows(firstLogRow, logRows, firstPrivateRow, privateRows, firstCommonRow,
                p.constraintCount() - firstCommonRow);
    }

    /** @return the index of the signal variable u of user k's private (or common) stream */
    private int logIndex(Layout lay, int k, boolean commonStream) {
        return lay.logs() + (commonStream ? users : 0) + k;
    }

    /**
     * Adds {@code u - log2 L(c) <= 0}, L the affine minorant of user k's received power
     * T(c) = 1 + sum_s |h_k^H c_s|^2 (s over the streams that reach its decoder of the stream) at c0,
     * {@code L(c) = 1 + sum_s (2 Re(conj(h_k^H c0_s) h_k^H c_s) - |h_k^H c0_s|^2)} (|z|^2 >= 2 Re(conj(z0) z) - |z0|^2).
     */
    private void addSignalLog(SmoothConvexProgram p, Layout lay, int stream, int k, double[][][] c0,
            boolean commonStream) {
        int n = lay.n();
        double[] b = new double[n];
        double b0 = 1;
        for (int s = 0; s < streams; s++) {
            if (!commonStream && s == ch.commonIndex()) {
                continue;
            }
            double[] y = inner(g[k], c0[s]);
            addInnerRe(b, g[k], s, 2 * y[0], 2 * y[1]);
            b0 -= abs2(y);
        }
        double[] a = new double[n];
        a[logIndex(lay, k, commonStream)] = -1;
        p.add(new QuadraticLogConstraint(new double[0][], new double[0], a, 0, 1 / LN2, b, b0, new double[0][]));
    }

    /**
     * Adds, for every eavesdropper e: {@code lhs - u + I(c) / (I0 ln 2) + log2 I0 - 1/ln 2 - log2 q_e(c) <= 0},
     * lhs = R^s - R_kc^s (private stream of user k) or sum_k R_kc^s (common stream, decoded by user k).
     * With {@code u <= log2 L(c)} ({@link #addSignalLog}), the right-hand side
     * {@code log2 L(c) - log2 I0 - (I(c) - I0) / (I0 ln 2)} is a concave lower bound of user k's rate
     * log2 T(c) - log2 I(c) of the stream (I = T minus the stream's own power, I0 = I(c0); the second
     * part is the tangent of the concave -log2 I at I0), tight at c0 with its gradient. q_e is the
     * quadratic-transform argument of (37)/(40) with x_e from (38)/(42), tight at c0.
     */
    private void addRate(SmoothConvexProgram p, Layout lay, int stream, int k, double[][][] c0,
            boolean commonStream) {
        int n = lay.n();
        double interference0 = 1;
        for (int s = 0; s < streams; s++) {
            if ((commonStream || s != ch.commonIndex()) && s != stream) {
                interference0 += abs2(inner(g[k], c0[s]));
            }
        }
        // I(c) / (I0 ln 2) = sum_{i != stream} |h_k^H c_i|^2 / (I0 ln 2) + 1 / (I0 ln 2)
        List<double[]> zs = new ArrayList<>();
        double fz = 1 / Math.sqrt(interference0 * LN2);
        for (int s = 0; s < streams; s++) {
            if ((!commonStream && s == ch.commonIndex()) || s == stream) {
                continue;
            }
            double[] re = new double[n];
            double[] im = new double[n];
            addInnerRe(re, g[k], s, fz, 0);
            addInnerRe(im, g[k], s, 0, fz);
            zs.add(re);
            zs.add(im);
        }
        double[][] z = zs.toArray(new double[0][]);
        double cst = (1 - Math.log(interference0) - 1 / interference0) / LN2;
        for (double[][] ej : e) {
            double[] lin = new double[n];
            if (commonStream) {
                for (int u = 0; u < users; u++) {
                    lin[lay.shares() + u] -= 1;
                }
            } else {
                lin[lay.rate()] -= 1;
                if (lay.shares() >= 0) {
                    lin[lay.shares() + k] += 1;
                }
            }
            lin[logIndex(lay, k, commonStream)] += 1;
            // q(c) = 2 Re(x^H T(c)^H e) - |x|^2 T_e(c), x = T(c0)^H e / T_e(c0) (38)/(42)
            double[][] y = new double[streams][];
            double te = 1;
            for (int s = 0; s < streams; s++) {
                y[s] = inner(ej, c0[s]);
                te += abs2(y[s]);
            }
            double x2 = 1 / (te * te);
            for (int i = 0; i < streams; i++) {
                if (i != stream) {
                    x2 += abs2(y[i]) / (te * te);
                }
            }
            double[] qlin = new double[n];
            for (int i = 0; i < streams; i++) {
                if (i != stream) {
                    addInnerRe(qlin, ej, i, 2 * y[i][0] / te, 2 * y[i][1] / te);
                }
            }
            double xn = Math.sqrt(x2);
            double[][] qy = new double[2 * streams][];
            for (int i = 0; i < streams; i++) {
                qy[2 * i] = new double[n];
                qy[2 * i + 1] = new double[n];
                addInnerRe(qy[2 * i], ej, i, xn, 0);
                addInnerRe(qy[2 * i + 1], ej, i, 0, xn);
            }
            p.add(new QuadraticLogConstraint(z, new double[z.length], lin, cst, 1 / LN2, qlin, 2 / te - x2, qy));
        }
    }

    /** row += a Re(v^H c_s) + b Im(v^H c_s). */
    private void addInnerRe(double[] row, double[][] v, int s, double a, double b) {
        for (int j = 0; j < d; j++) {
            // Re = vr cr + vi ci ; Im = vr ci - vi cr
            row[ch.variable(s, j, 0)] += a * v[0][j] - b * v[1][j];
            row[ch.variable(s, j, 1)] += a * v[1][j] + b * v[0][j];
        }
    }
}
