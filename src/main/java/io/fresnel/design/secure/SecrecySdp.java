package io.fresnel.design.secure;

import io.fresnel.optim.ConeOptions;
import io.fresnel.optim.ConeProgram;
import io.fresnel.optim.ConeResult;
import io.fresnel.optim.ConeSolver;
import io.fresnel.optim.ConeStatus;
import io.fresnel.optim.HermitianVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The semidefinite program solved for one eavesdropper SINR level gamma (paper 001, eqs.
 * (38)-(43), the Charnes-Cooper form (P2.1R) of (P1.1R)), in the normalised coordinates of
 * {@link SecrecySensingProblem.Reduced}: with W, V (d x d Hermitian, units of P) and t,
 * <pre>
 *   maximise   SNR_u y_u^H W y_u                                                (38)
 *   subject to g_e^H W g_e &lt;= gamma (g_e^H V g_e + t / SNR_e)    every eavesdropper e   (39)
 *              SNR_u y_u^H V y_u + t = 1                                                (40)
 *              tr W + tr V &lt;= t                                                       (41)
 *              tr(Q_j (W + V)) &gt;= kappa_j t                       every sensing constraint (42)
 *              W, V &gt;= 0, t &gt;= 0                                                    (43)
 * </pre>
 * whose optimal value is f(gamma), the largest user SINR of (P1.1) with every eavesdropper SINR at
 * most gamma; (W/t, V/t) times P is the optimal covariance pair. Without artificial noise
 * (benchmark 2 of Sec. VI) V = 0, t = 1 and the program is the plain SDR of (P1.1) with v_k = 0:
 * maximise SNR_u y_u^H W y_u s.t. g_e^H W g_e &lt;= gamma / SNR_e, tr W &lt;= 1,
 * tr(Q_j W) &gt;= kappa_j, W &gt;= 0.
 *
 * <p>Solver tolerances ({@link #OPTIONS}): relative gap and feasibility 1e-8 (the eavesdropper rows
 * force W almost exactly orthogonal to every g_e and their multipliers grow like gamma^-1/2, which
 * makes the default 1e-9 hard to reach at small gamma; cvxopt's defaults are 1e-7
 * and 1e-6); W is written in the variables of {@link EveSubspaceScaling}, which keep those
 * multipliers O(1) (without it gamma = 1e-10 stalled; cvxopt needs 15 iterations there, this solver
 * now 13). One solve per gamma, no retries. The last iterate of a run that ends
 * {@code ITERATION_LIMIT} is still used as a feasible (not proven optimal) point when its relative
 * primal residual is at most {@value #USABLE_RESIDUAL}.
 * Every point is judged by its own worst-case secrecy rate ({@link Solution#secrecy()}), which the
 * rank-one reconstruction can only improve, so a non-optimal point never overstates the result.
 */
final class SecrecySdp {

    /**
     * One solve.
     *
     * @param status the solver's status
     * @param sinr f(gamma): the user SINR of the solution (NaN unless optimal)
     * @param w W/t, {re, im} (units of P)
     * @param v V/t, {re, im} (units of P; zero without AN)
     * @param iterations interior-point iterations
     * @param cone the solver's result (gap and residuals)
     * @param secrecy the worst-case secrecy rate of (W, V) itself, log2(1 + f) - max_e log2(1 +
     *     SINR_e(W, V)) (bit/s/Hz; NaN when not usable); equals log2((1 + f)/(1 + gamma)) when an
     *     eavesdropper constraint is active
     */
    record Solution(ConeStatus status, double sinr, double[][][] w, double[][][] v, int iterations, ConeResult cone,
            double secrecy) {
        boolean optimal() {
            return status == ConeStatus.OPTIMAL;
        }

        /** @return whether (W, V) is a usable point: optimal, or a feasible last iterate */
        boolean usable() {
            return w != null;
        }
    }

    /** Largest relative primal residual of a non-converged iterate that is still used. */
    static final double USABLE_RESIDUAL = 1e-6;
    /** The interior-point tolerances of every solve: relative gap and feasibility 1e-8. */
    static final ConeOptions OPTIONS = ConeOptions.defaults().withGapTolerance(1e-8).withFeasibilityTolerance(1e-8);

    private SecrecySdp() {
    }

    /**
     * Solves the program for one gamma with {@link #OPTIONS}.
     *
     * @param r the reduced problem
     * @param gamma the eavesdropper SINR level (&gt; 0; +Infinity: no eavesdropper constraint)
     * @param withAn false for the benchmark without artificial noise (V = 0)
     * @param cancelled checked by the solver
     * @return the solution
     */
    static Solution solve(SecrecySensingProblem.Reduced r, double gamma, boolean withAn, BooleanSupplier cancelled) {
        return solve(r, gamma, withAn, OPTIONS, cancelled);
    }

    /**
     * Solves the program for one gamma with given solver options.
     *
     * @param r the reduced problem
     * @param gamma the eavesdropper SINR level (&gt; 0; +Infinity: no eavesdropper constraint)
     * @param withAn false for the benchmark without artificial noise (V = 0)
     * @param options the interior-point tolerances
     * @param cancelled checked by the solver
     * @return the solution
     */
    static Solution solve(SecrecySensingProblem.Reduced r, double gamma, boolean withAn, ConeOptions options,
            BooleanSupplier cancelled) {
        int d = r.dimension();
        HermitianVariable w = new HermitianVariable(0, d);
        HermitianVariable v = withAn ? new HermitianVariable(w.count(), d) : null;
        int t = withAn ? 2 * w.count() : -1;
        int variables = withAn ? 2 * w.count() + 1 : w.count();
        ConeProgram p = new ConeProgram(variables);
        double[][][] hu = outer(r.userDirection());
        EveSubspaceScaling scaling = scaling(r, gamma, withAn);
        double vUnit = vUnit(r);
        // W's coefficients in the scaled variables W' (identical without a scaling)
        double[][][] huW = scaling == null ? hu : outer(scaling.vector(r.userDirection()));

        Map<Integer, Double> objective = new HashMap<>();
        w.addTraceProduct(objective, huW[0], huW[1], -1); // minimise -y_u^H W y_u
        objective.forEach(p::setObjective);

        for (int e = 0; e < r.eveSnr().length && Double.isFinite(gamma); e++) {
            if (!(r.eveSnr()[e] > 0)) {
                continue; // the eavesdropper receives nothing in this subspace
            }
            double[][][] ge = outer(r.eveDirections().get(e));
            double[][][] geW = scaling == null ? ge : outer(scaling.vector(r.eveDirections().get(e)));
            Map<Integer, Double> row = new HashMap<>();
            w.addTraceProduct(row, geW[0], geW[1], 1);
            if (withAn) {
                v.addTraceProduct(row, ge[0], ge[1], -gamma * vUnit);
                row.merge(t, -gamma / r.eveSnr()[e], Double::sum);
                p.addLinearInequality(row, 0);
            } else {
                p.addLinearInequality(row, gamma / r.eveSnr()[e]);
            }
        }
        double[][] identity = new double[d][d];
        for (int i = 0; i < d; i++) {
            identity[i][i] = 1;
        }
        double[][] zero = new double[d][d];
        Map<Integer, Double> power = new HashMap<>();
        w.addTraceProduct(power, scaling == null ? identity : scaling.traceMatrix(), zero, 1);
        if (withAn) {
            v.addTraceProduct(power, identity, zero, vUnit);
            power.merge(t, -1.0, Double::sum);
            p.addLinearInequality(power, 0);

            Map<Integer, Double> norm = new HashMap<>();
            v.addTraceProduct(norm, hu[0], hu[1], r.userSnr() * vUnit);
            norm.merge(t, 1.0, Double::sum);
            p.addEquality(norm, 1);

            Map<Integer, Double> positive = new HashMap<>();
            positive.put(t, -1.0);
            p.addLinearInequality(positive, 0);
        } else {
            p.addLinearInequality(power, 1);
        }
        for (int j = 0; j < r.kappa().length; j++) {
            double[][][] q = r.sensing().get(j);
            double[][][] qW = scaling == null ? q : scaling.matrix(q);
            Map<Integer, Double> row = new HashMap<>();
            w.addTraceProduct(row, qW[0], qW[1], -1);
            if (withAn) {
                v.addTraceProduct(row, q[0], q[1], -vUnit);
                row.merge(t, r.kappa()[j], Double::sum);
                p.addLinearInequality(row, 0);
            } else {
                p.addLinearInequality(row, -r.kappa()[j]);
            }
        }
        w.requirePsd(p);
        if (withAn) {
            v.requirePsd(p);
        }
        ConeResult res = ConeSolver.solve(p, options, cancelled);
        boolean usable = res.status() == ConeStatus.OPTIMAL || (res.status() == ConeStatus.ITERATION_LIMIT
                && res.x() != null && res.primalResidual() <= USABLE_RESIDUAL && (!withAn || res.x()[t] > 0));
        if (!usable) {
            return new Solution(res.status(), Double.NaN, null, null, res.iterations(), res, Double.NaN);
        }
        double[][][] wv = scaling == null ? w.value(res.x()) : scaling.original(w.value(res.x()));
        double[][][] vv = withAn ? v.value(res.x()) : new double[][][] {new double[d][d], new double[d][d]};
        if (withAn) {
            scaleInPlace(vv, vUnit);
        }
        double scale = withAn ? 1 / res.x()[t] : 1;
        scaleInPlace(wv, scale);
        scaleInPlace(vv, scale);
        double signal = r.userSnr() * quad(wv, r.userDirection());
        double interference = r.userSnr() * quad(vv, r.userDirection());
        double sinr = signal / (interference + 1);
        double worst = 0;
        for (int e = 0; e < r.eveSnr().length; e++) {
            if (r.eveSnr()[e] > 0) {
                double snr = r.eveSnr()[e];
                double[][] g = r.eveDirections().get(e);
                worst = Math.max(worst, snr * Math.max(0, quad(wv, g)) / (snr * Math.max(0, quad(vv, g)) + 1));
            }
        }
        double secrecy = (Math.log1p(sinr) - Math.log1p(worst)) / Math.log(2);
        return new Solution(res.status(), sinr, wv, vv, res.iterations(), res, secrecy);
    }

    /**
     * Largest ratio of the normalisation (40)'s coefficient on V along y_u (SNR_u) to its coefficient on t (1)
     * in the solver's variables; see {@link #vUnit}.
     */
    static final double V_RATIO = 1e6;

    /**
     * The unit of the solver's variable V' = V / vUnit: 1 up to a user SNR of {@value #V_RATIO}, above it
     * {@value #V_RATIO} / SNR_u, so that (40) reads min(SNR_u, {@value #V_RATIO}) y_u^H V' y_u + t = 1 and the
     * power (41), eavesdropper (39) and sensing (42) rows carry vUnit V'. With V itself, a user SNR of 5.7e9
     * (randomised case {@code fuzz_secure_s12x_6}) gave (40) a coefficient on V 5.7e9 times its coefficient on t: a
     * V with an eigenvalue of -1.8e-10 along y_u, within every solver's feasibility tolerance, bought a whole unit
     * of t, and the interior point (Fresnel's, and cvxopt's on the same program) returned a certificate of
     * unboundedness at every gamma below 1e3; the search missed the optimum by 36 %. With the cap a unit of t
     * costs an eigenvalue of -1e-6, far outside the tolerances. Below the cap the program is the one before
     * (the bench's SNRs are 800-6400, the paper-001 preset's 8e5): rescaling V at every SNR (by 1 / SNR_u, or
     * 1 / sqrt(SNR_u)) made the Nt = 32 and 64 bench designs 2-12 times slower (docs/solver-fuzz.md, finding 7).
     *
     * @param r the reduced problem
     * @return vUnit
     */
    static double vUnit(SecrecySensingProblem.Reduced r) {
        return r.userSnr() > V_RATIO ? V_RATIO / r.userSnr() : 1;
    }

    /**
     * The change of variables of W for this gamma ({@link EveSubspaceScaling}), or null.
     *
     * @param r the reduced problem
     * @param gamma the eavesdropper SINR level
     * @param withAn whether V is a variable
     * @return the scaling, or null without eavesdropper rows or for large gamma
     */
    static EveSubspaceScaling scaling(SecrecySensingProblem.Reduced r, double gamma, boolean withAn) {
        if (!Double.isFinite(gamma)) {
            return null;
        }
        java.util.List<double[][]> directions = new java.util.ArrayList<>();
        double maxSnr = 0;
        for (int e = 0; e < r.eveSnr().length; e++) {
            if (r.eveSnr()[e] > 0) {
                directions.add(r.eveDirections().get(e));
                maxSnr = Math.max(maxSnr, r.eveSnr()[e]);
            }
        }
        double allowance = withAn ? gamma : gamma / maxSnr;
        return EveSubspaceScaling.of(directions, allowance, r.dimension());
    }

    /** @return y y^H, {re, im} */
    static double[][][] outer(double[][] y) {
        int d = y[0].length;
        double[][] re = new double[d][d];
        double[][] im = new double[d][d];
        SecrecySensingProblem.addOuter(re, im, 1, y);
        return new double[][][] {re, im};
    }

    /** @return Re(y^H M y) for Hermitian M */
    static double quad(double[][][] m, double[][] y) {
        int d = y[0].length;
        double s = 0;
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                // conj(y_i) M_ik y_k, real part
                double mr = m[0][i][k];
                double mi = m[1][i][k];
                double pr = mr * y[0][k] - mi * y[1][k];
                double pi = mr * y[1][k] + mi * y[0][k];
                s += y[0][i] * pr + y[1][i] * pi;
            }
        }
        return s;
    }

    static void scaleInPlace(double[][][] m, double f) {
        for (double[][] part : m) {
            for (double[] row : part) {
                for (int k = 0; k < row.length; k++) {
                    row[k] *= f;
                }
            }
        }
    }
}
