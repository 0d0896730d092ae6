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
 * The convex surrogate (52) of paper 000 at an expansion point, one step of Algorithm 1: the
 * WMMSE lower bounds (28)-(32) of the users' rates and the quadratic-transform upper bounds
 * (37)/(38), (40)/(42) of the eavesdroppers' rates, tight at the expansion point, with the power
 * budget (25d), the CRB LMIs of {@link CrbLmis} and, in Algorithm 2, the penalty
 * (1/rho) ||P - F_A F_D||^2 of (52a). Solved by the log-barrier method {@link BarrierSolver}.
 * Immutable.
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
    private record Layout(int n, int gamma, int tau, int rate, int shares) {
    }

    /** Where the rate constraints of one program stand among its {@link QuadraticLogConstraint}s. */
    private record RateRows(int firstPrivate, int privateCount, int firstCommon, int commonCount) {
    }

    /**
     * Solves the surrogate (52) at c0 with {@link BarrierSolver}.
     *
     * <p>Variables: the columns c (re, im per coordinate and stream), gamma (scale of the penalty's
     * out-of-span part of F_A F_D), and either tau (phase one) or R^s and the common secrecy
     * shares R_kc^s (25e)-(25g). Constraints: the power (25d) {@code ||c||^2 + (gamma o)^2 <= 1};
     * per user and eavesdropper (52b) with (25e) folded in,
     * {@code R^s - R_kc^s <= tau0 - beta_kp(c) + f_ek(c)}, and per user and eavesdropper (52c)
     * {@code sum_k R_kc^s <= tau0 - beta_kc(c) + f_ec(c)} (tau0 = 1/ln 2 + log(ln 2) of (31)), with the WMMSE
     * weights (32) and the quadratic-transform vectors (38)/(42) at c0 (in bit/s/Hz: both sides
     * divided by ln 2); the CRB LMIs. The objective is (52a): {@code -R^s + (1/rho) ||P - F W||^2}
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
        Layout lay = new Layout(next, gammaVar, tauVar, rVar, xVar);
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
     * the CRB bounds), gamma = 0, tau above the current worst ratio (phase one), shares splitting the
     * common surrogate evenly and R^s {@link #RATE_SLACK} below the smallest private bound.
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
        return new RateRows(firstPrivateRow, privateRows, firstCommonRow, p.constraintCount() - firstCommonRow);
    }

    /**
     * Adds, for every eavesdropper e: {@code lhs - A(c) - log2 q_e(c) <= 0}, lhs = R^s - R_kc^s
     * (private stream of user k) or sum_k R_kc^s (common stream, decoded by user k); A is the WMMSE
     * lower bound (30)-(32) of user k's rate of the stream and q_e the quadratic-transform argument
     * of (37)/(40) with x_e from (38)/(42), both tight at c0.
     */
    private void addRate(SmoothConvexProgram p, Layout lay, int stream, int k, double[][][] c0,
            boolean commonStream) {
        int n = lay.n();
        double total = 1;
        for (int s = 0; s < streams; s++) {
            if (commonStream || s != ch.commonIndex()) {
                total += abs2(inner(g[k], c0[s]));
            }
        }
        double[] hc = inner(g[k], c0[stream]);
        double delta0 = (total - abs2(hc)) / total;
        double wr = hc[0] / total; // omega = conj(h^H c)/T (28)
        double wi = -hc[1] / total;
        double w2 = wr * wr + wi * wi;
        double scale = 1 / (delta0 * LN2); // eta (32b)
        List<double[]> zs = new ArrayList<>();
        double fz = Math.sqrt(w2 * scale);
        for (int s = 0; s < streams; s++) {
            if (!commonStream && s == ch.commonIndex()) {
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
        for (double[][] ej : e) {
            double[] lin = new double[n];
            // A(c) = (1 - ln delta0)/ln2 - (w2 + 1) eta + 2 eta Re(omega h^H c) - eta w2 sum |h^H c_i|^2
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
            double cst = (1 - Math.log(delta0)) / LN2 - (w2 + 1) * scale;
            addInnerRe(lin, g[k], stream, 2 * scale * wr, -2 * scale * wi);
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
