package io.fresnel.design.rsma;

import io.fresnel.design.common.Dense;
import io.fresnel.design.common.FisherCoefficients;
import io.fresnel.design.common.SdrModel;
import io.fresnel.math.Vec3;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.optim.AffineLmi;
import io.fresnel.optim.BarrierSolver;
import io.fresnel.optim.ConeStatus;
import io.fresnel.optim.QuadraticLogConstraint;
import io.fresnel.optim.SmoothConvexProgram;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The reduced RSMA secrecy model of paper 000 and its convex surrogate (52). Precoder columns are
 * kept as coordinates in the span Q of the users', eavesdroppers' and targets' (conjugate)
 * transmit vectors (every metric depends on P only through Q^H P); power is normalised to 1 and
 * channels to unit noise. A stream matrix is {@code c[s] = {re[d], im[d]}}.
 */
final class RsmaSurrogate {
    /** One CRB bound: target index, angle (true) or range, maximum (rad^2 or m^2). */
    record CrbLimit(int target, boolean angle, double max) {
    }

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
    final SdrModel model;
    final int d;
    final int users;
    final int streams;
    final boolean common;
    final double pmax;
    final double[][][] g;
    final double[][][] e;
    final List<CrbLimit> limits;
    final boolean knownOther;
    private final FisherCoefficients fisher;
    private final double[][] jac;

    /**
     * @param userRows the channel rows {re, im} (length N) the design assumes for the users (the
     *     true ones, or far-field ones for RSMA-Far); the basis of the model must span their
     *     conjugates
     */
    RsmaSurrogate(SdrModel model, double pmax, List<CommNode> userNodes, List<double[][]> userRows,
            List<double[][]> eaveRows,
            List<Double> eaveNoise, boolean common, List<CrbLimit> limits, boolean knownOther, Scenario scenario,
            ScenarioPhysics physics) {
        this.model = model;
        this.d = model.d;
        this.users = userNodes.size();
        this.common = common;
        this.streams = users + (common ? 1 : 0);
        this.pmax = pmax;
        this.limits = limits;
        this.knownOther = knownOther;
        g = new double[users][][];
        for (int k = 0; k < users; k++) {
            double[][] c = userRows.get(k);
            g[k] = scale(model.basis.coordinates(c[0], negate(c[1])), Math.sqrt(pmax / userNodes.get(k).noiseW()));
        }
        e = new double[eaveRows.size()][][];
        for (int j = 0; j < e.length; j++) {
            double[][] c = eaveRows.get(j);
            e[j] = scale(model.basis.coordinates(c[0], negate(c[1])), Math.sqrt(pmax / eaveNoise.get(j)));
        }
        if (limits.isEmpty()) {
            fisher = null;
            jac = null;
        } else {
            fisher = FisherCoefficients.of(model);
            int p = fisher.parameters;
            jac = new double[p][p];
            Vec3 o = physics.transmit().reference();
            for (int t = 0; t < scenario.targets().size(); t++) {
                Vec3 rel = scenario.targets().get(t).positionM().minus(o);
                double r = Math.hypot(rel.x(), rel.y());
                double th = Math.atan2(rel.y(), rel.x());
                jac[2 * t][2 * t] = -r * Math.sin(th);
                jac[2 * t + 1][2 * t] = r * Math.cos(th);
                jac[2 * t][2 * t + 1] = Math.cos(th);
                jac[2 * t + 1][2 * t + 1] = Math.sin(th);
            }
            for (int i = fisher.coordinates; i < p; i++) {
                jac[i][i] = 1;
            }
        }
    }

    static double[] negate(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        return y;
    }

    private static double[][] scale(double[][] x, double f) {
        double[][] y = new double[2][x[0].length];
        for (int i = 0; i < x[0].length; i++) {
            y[0][i] = x[0][i] * f;
            y[1][i] = x[1][i] * f;
        }
        return y;
    }

    int commonIndex() {
        return common ? 0 : -1;
    }

    int privateIndex(int k) {
        return (common ? 1 : 0) + k;
    }

    /** @return {Re, Im} of a^H c */
    static double[] inner(double[][] a, double[][] c) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < a[0].length; j++) {
            re += a[0][j] * c[0][j] + a[1][j] * c[1][j];
            im += a[0][j] * c[1][j] - a[1][j] * c[0][j];
        }
        return new double[] {re, im};
    }

    static double abs2(double[] z) {
        return z[0] * z[0] + z[1] * z[1];
    }

    /** Rates in bit/s/Hz: {Rc per user}, {Rp per user}, {Rec per eave}, {Rek per eave, user}. */
    record Rates(double[] rc, double[] rp, double[] rec, double[][] rek) {
        double commonSecrecy() {
            if (rc == null) {
                return 0;
            }
            double min = Double.POSITIVE_INFINITY;
            for (double v : rc) {
                min = Math.min(min, v);
            }
            double max = 0;
            for (double v : rec) {
                max = Math.max(max, v);
            }
            return Math.max(0, min - max);
        }

        double[] privateSecrecy() {
            double[] s = new double[rp.length];
            for (int k = 0; k < rp.length; k++) {
                double worst = 0;
                for (double[] r : rek) {
                    worst = Math.max(worst, r[k]);
                }
                s[k] = Math.max(0, rp[k] - worst);
            }
            return s;
        }

        /** @return the max-min secrecy rate with the best split of the common secrecy rate */
        double minSecrecy() {
            return waterLevel(privateSecrecy(), commonSecrecy());
        }
    }

    /**
     * The water-filling level of a max-min split: the largest L with sum_k max(0, L - r_k) <= amount
     * (min r when amount <= 0), found exactly by filling the sorted r from the bottom.
     *
     * @param r the private secrecy rates (bit/s/Hz)
     * @param amount the common secrecy rate to split (bit/s/Hz)
     * @return L (bit/s/Hz)
     */
    static double waterLevel(double[] r, double amount) {
        double[] sorted = r.clone();
        java.util.Arrays.sort(sorted);
        double budget = Math.max(0, amount);
        double sum = 0;
        for (int j = 0; j < sorted.length; j++) {
            sum += sorted[j];
            double level = (budget + sum) / (j + 1);
            if (j + 1 == sorted.length || level <= sorted[j + 1]) {
                return level;
            }
        }
        throw new IllegalArgumentException("no rates to split over");
    }

    Rates rates(double[][][] c) {
        double[] rc = common ? new double[users] : null;
        double[] rp = new double[users];
        for (int k = 0; k < users; k++) {
            double priv = 1;
            for (int u = 0; u < users; u++) {
                priv += abs2(inner(g[k], c[privateIndex(u)]));
            }
            double own = abs2(inner(g[k], c[privateIndex(k)]));
            rp[k] = log2((priv) / (priv - own));
            if (common) {
                double cs = abs2(inner(g[k], c[0]));
                rc[k] = log2((priv + cs) / priv);
            }
        }
        double[] rec = new double[e.length];
        double[][] rek = new double[e.length][users];
        for (int j = 0; j < e.length; j++) {
            double total = 1;
            double[] pw = new double[streams];
            for (int s = 0; s < streams; s++) {
                pw[s] = abs2(inner(e[j], c[s]));
                total += pw[s];
            }
            if (common) {
                rec[j] = log2(total / (total - pw[0]));
            }
            for (int k = 0; k < users; k++) {
                rek[j][k] = log2(total / (total - pw[privateIndex(k)]));
            }
        }
        return new Rates(rc, rp, rec, rek);
    }

    private static double log2(double x) {
        return Math.log(x) / LN2;
    }

    static double norm2(double[][][] c) {
        double s = 0;
        for (double[][] col : c) {
            for (int j = 0; j < col[0].length; j++) {
                s += col[0][j] * col[0][j] + col[1][j] * col[1][j];
            }
        }
        return s;
    }

    // ---- Fisher information ------------------------------------------------------------------

    /** @return the polar FIM (theta_t, r_t per target, then gains) of the normalised columns */
    double[][] polarFim(double[][][] c) {
        int p = fisher.parameters;
        double[][] jc = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double[][][] a = fisher.coefficient(i, j);
                double v = 0;
                for (double[][] col : c) {
                    v += quadRe(a, col, col);
                }
                jc[i][j] = v * pmax;
                jc[j][i] = jc[i][j];
            }
        }
        return congruence(jc);
    }

    private double[][] congruence(double[][] jc) {
        int p = jc.length;
        double[][] tmp = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += jc[i][j] * jac[j][b];
                }
                tmp[i][b] = s;
            }
        }
        double[][] out = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int i = 0; i < p; i++) {
                    s += jac[i][a] * tmp[i][b];
                }
                out[a][b] = s;
            }
        }
        return out;
    }

    /** @return Re(x^H A y) for A = {re, im} */
    private static double quadRe(double[][][] a, double[][] x, double[][] y) {
        int d = x[0].length;
        double s = 0;
        for (int r = 0; r < d; r++) {
            double ar = 0;
            double ai = 0;
            for (int q = 0; q < d; q++) {
                ar += a[0][r][q] * y[0][q] - a[1][r][q] * y[1][q];
                ai += a[0][r][q] * y[1][q] + a[1][r][q] * y[0][q];
            }
            s += x[0][r] * ar + x[1][r] * ai;
        }
        return s;
    }

    /** The parameters a CRB limit keeps (known-other drops the other coordinate of every target). */
    int[] kept(CrbLimit l) {
        int p = fisher.parameters;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            if (knownOther && i < fisher.coordinates && (i % 2 == 0) != l.angle()) {
                continue;
            }
            keep.add(i);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    int position(int[] kept, CrbLimit l) {
        int want = 2 * l.target() + (l.angle() ? 0 : 1);
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] == want) {
                return i;
            }
        }
        throw new IllegalStateException("parameter not kept");
    }

    /** @return the CRB of a limit for the normalised columns (Infinity when singular) */
    double crb(double[][][] c, CrbLimit l) {
        double[][] jp = polarFim(c);
        int[] kept = kept(l);
        int m = kept.length;
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = jp[kept[i]][kept[j]];
            }
        }
        int pos = position(kept, l);
        double[] diag = new double[m];
        for (int i = 0; i < m; i++) {
            diag[i] = a[i][i] > 0 ? 1 / Math.sqrt(a[i][i]) : 1;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] *= diag[i] * diag[j];
            }
        }
        double[] rhs = new double[m];
        rhs[pos] = 1;
        double[] x = Dense.solveSpd(a, rhs);
        if (x == null) {
            return Double.POSITIVE_INFINITY;
        }
        return x[pos] * diag[pos] * diag[pos];
    }

    /** @return max over limits of CRB / max (0 without limits) */
    double crbRatio(double[][][] c) {
        double worst = 0;
        for (CrbLimit l : limits) {
            worst = Math.max(worst, crb(c, l) / l.max());
        }
        return worst;
    }

    // ---- the convex surrogate (52) -------------------------------------------------------------

    private int cvar(int s, int j, int part) {
        return (s * d + j) * 2 + part;
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
        Rates r0 = rates(c0);
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
                            row[cvar(s, j, part)] = 1;
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
        if (!limits.isEmpty()) {
            addCrbConstraints(p, c0, next, tauVar, crbMargin);
        }
        double[] x0 = start(p, c0, lay, rows, phaseOne ? crbRatio(c0) / (1 - crbMargin) : 0);
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
                c[s][0][j] = x[cvar(s, j, 0)];
                c[s][1][j] = x[cvar(s, j, 1)];
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
                x[cvar(s, j, 0)] = c0[s][0][j] * f;
                x[cvar(s, j, 1)] = c0[s][1][j] * f;
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
            addRate(p, lay, privateIndex(k), k, c0, false);
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
            if (commonStream || s != commonIndex()) {
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
            if (!commonStream && s == commonIndex()) {
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
            row[cvar(s, j, 0)] += a * v[0][j] - b * v[1][j];
            row[cvar(s, j, 1)] += a * v[1][j] + b * v[0][j];
        }
    }

    private void addCrbConstraints(SmoothConvexProgram p, double[][][] c0, int n, int tauVar, double margin) {
        int pp = fisher.parameters;
        int nc = 2 * d * streams;
        // Cartesian FIM entries as affine functions of c (first-order bound of c c^H at c0)
        double[][][] coef = new double[pp][pp][];
        double[][] cst = new double[pp][pp];
        for (int i = 0; i < pp; i++) {
            for (int j = i; j < pp; j++) {
                double[][][] a = fisher.coefficient(i, j);
                double[] row = new double[nc];
                double c = 0;
                for (int s = 0; s < streams; s++) {
                    double[][] col = c0[s];
                    // u = (A + A^H) c0_s
                    for (int r = 0; r < d; r++) {
                        double ur = 0;
                        double ui = 0;
                        for (int q = 0; q < d; q++) {
                            double mr = a[0][r][q] + a[0][q][r];
                            double mi = a[1][r][q] - a[1][q][r];
                            ur += mr * col[0][q] - mi * col[1][q];
                            ui += mr * col[1][q] + mi * col[0][q];
                        }
                        row[cvar(s, r, 0)] += ur * pmax;
                        row[cvar(s, r, 1)] += ui * pmax;
                    }
                    c -= quadRe(a, col, col) * pmax;
                }
                coef[i][j] = row;
                coef[j][i] = row;
                cst[i][j] = c;
                cst[j][i] = c;
            }
        }
        // polar: Jp_ab = sum_ij jac_ia jac_jb J_ij
        double[][][] pc = new double[pp][pp][];
        double[][] pk = new double[pp][pp];
        for (int a = 0; a < pp; a++) {
            for (int b = a; b < pp; b++) {
                double[] row = new double[nc];
                double c = 0;
                for (int i = 0; i < pp; i++) {
                    if (jac[i][a] == 0) {
                        continue;
                    }
                    for (int j = 0; j < pp; j++) {
                        double f = jac[i][a] * jac[j][b];
                        if (f == 0) {
                            continue;
                        }
                        double[] src = coef[i][j];
                        for (int v = 0; v < nc; v++) {
                            row[v] += f * src[v];
                        }
                        c += f * cst[i][j];
                    }
                }
                pc[a][b] = row;
                pc[b][a] = row;
                pk[a][b] = c;
                pk[b][a] = c;
            }
        }
        double[][] j0 = polarFim(c0);
        for (CrbLimit l : limits) {
            int[] kept = kept(l);
            int m = kept.length;
            int pos = position(kept, l);
            double[] dg = new double[m];
            for (int i = 0; i < m; i++) {
                double v = j0[kept[i]][kept[i]];
                dg[i] = v > 0 ? 1 / Math.sqrt(v) : 1;
            }
            double gam = l.max() * (1 - margin);
            AffineLmi b = new AffineLmi(m + 1);
            p.add(b);
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double f = dg[i] * dg[j];
                    double[] row = pc[kept[i]][kept[j]];
                    for (int v = 0; v < nc; v++) {
                        if (row[v] != 0) {
                            b.addCoefficient(v, i, j, f * row[v]);
                        }
                    }
                    b.addConstant(i, j, f * pk[kept[i]][kept[j]]);
                }
            }
            b.addConstant(pos, m, dg[pos] / Math.sqrt(gam));
            if (tauVar >= 0) {
                b.addCoefficient(tauVar, m, m, 1);
            } else {
                b.addConstant(m, m, 1);
            }
        }
    }
}
