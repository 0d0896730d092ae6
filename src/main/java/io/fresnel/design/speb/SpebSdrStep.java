package io.fresnel.design.speb;

import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.sdr.CrbMinProgram;
import io.fresnel.design.sdr.SdrPrecoder;
import io.fresnel.design.sdr.SdrProgram;
import io.fresnel.design.sdr.SdrSolution;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Precoder;
import io.fresnel.model.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The SDR step of paper 003 shared by the fully digital design and the digital block of
 * Algorithm 1: problem (38) (the SDR of (35)) solved in a subspace R_X = Q X Q^H, with the
 * dedicated sensing covariance R_X - sum_k R_k &gt;= 0 allowed (the paper's F_D has K columns;
 * a sensing part only enlarges the feasible set), followed by the tight rank-one construction.
 *
 * <p>The SDP is paper 004's {@link CrbMinProgram}: for one target in 2-D its objective, the sum
 * of the coordinate CRBs with the gains as nuisance, is exactly the SPEB (22) = tr(J_e^-1) of the
 * EFIM (21), and its Schur LMIs are Proposition 1's (25). In the span of
 * {v, dv/dx, dv/dy, c_u^*} (fully digital) it is the exact problem (paper 004 Prop. 2); in the
 * span of the columns of F_A (hybrid, F_A^H F_A = M I by (34)) it is exactly (38) with
 * R_D = F_A^H R_X F_A / M^2. The rank-one construction (paper 004 Prop. 3, {@link SdrPrecoder})
 * keeps R_X and every user's signal power and cannot raise any interference, so the precoder
 * attains the SDP optimum: the digital step is solved to optimality (this replaces the
 * eigenvector extraction of Sec. IV-C, which ERRATA 003 item 5 shows can be infeasible).
 *
 * <p>Every requirement is raised by {@link #INITIAL_MARGIN} (relative) inside the SDP; when the
 * rebuilt precoder still misses one by solver tolerance (relative shortfall in
 * ({@link #SINR_TOLERANCE}, 1e-3]), the SDP is solved again with the requirements raised by ten
 * times the shortfall (at most twice), as {@code SdrDesign} does for paper 004.
 */
final class SpebSdrStep {
    /**
     * Relative SINR tolerance of a feasible step: far below the 1e-6 of the final check, so
     * that the written rates meet their requirements to about 1e-9 bit/s/Hz.
     */
    static final double SINR_TOLERANCE = 1e-9;
    /** Relative margin added to every requirement in the first solve (covers the solver's tolerance). */
    static final double INITIAL_MARGIN = 1e-5;
    private static final int MARGIN_ATTEMPTS = 2;

    private SpebSdrStep() {
    }

    /**
     * The outcome of one digital step.
     *
     * @param status {@code OPTIMAL}, {@code INFEASIBLE}, {@code ITERATION_LIMIT} or {@code CANCELLED}
     * @param columns the precoder's columns {re, im} (N-vectors): one private column per user,
     *     then the sensing columns; null without a solution
     * @param streams the streams of those columns
     * @param speb the SPEB of the columns (m^2), +Infinity without a solution
     * @param shortfall the largest relative SINR shortfall of the columns (0 when every requirement holds)
     * @param iterations interior-point iterations
     * @param note the solver's summary
     */
    record Outcome(DesignStatus status, List<double[][]> columns, List<Stream> streams, double speb,
            double shortfall, int iterations, String note) {

        /** @return whether a precoder meeting every requirement (to {@link #SINR_TOLERANCE}) was built */
        boolean feasible() {
            return columns != null && (status == DesignStatus.OPTIMAL || status == DesignStatus.ITERATION_LIMIT)
                    && shortfall <= SINR_TOLERANCE && Double.isFinite(speb);
        }
    }

    /**
     * @param model the subspace (span CRB for the digital design, span of F_A for the hybrid)
     * @param evaluator SPEB and SINR of the rebuilt columns
     * @param powerW P (W)
     * @param required per user Gamma_k = 2^R_min - 1 (0: none)
     * @param cancelled polled by the solver
     * @return the outcome
     */
    static Outcome solve(SdrModel model, SpebEvaluator evaluator, double powerW, double[] required,
            BooleanSupplier cancelled) {
        return solve(model, evaluator, powerW, required, target -> new CrbMinProgram(model, powerW, target),
                cancelled);
    }

    /**
     * The same steps for another of paper 004's SDRs in the subspace (e.g. the echo-power program of
     * the SNR-max benchmark).
     *
     * @param program builds the SDP for given (raised) SINR requirements; may throw
     *     ArithmeticException when the objective does not exist in the subspace
     */
    static Outcome solve(SdrModel model, SpebEvaluator evaluator, double powerW, double[] required,
            Function<double[], SdrProgram> program, BooleanSupplier cancelled) {
        double margin = INITIAL_MARGIN;
        int iterations = 0;
        Outcome best = null;
        for (int attempt = 0; attempt <= MARGIN_ATTEMPTS; attempt++) {
            double[] target = required.clone();
            for (int u = 0; u < target.length; u++) {
                target[u] *= 1 + margin;
            }
            SdrProgram sdp;
            try {
                sdp = program.apply(target);
            } catch (ArithmeticException e) {
                return new Outcome(DesignStatus.INFEASIBLE, null, null, Double.POSITIVE_INFINITY, 1, iterations,
                        "the objective does not exist in this subspace: " + e.getMessage());
            }
            SdrSolution sol = sdp.solve(cancelled);
            iterations += sol.iterations();
            if (sol.x() == null || sol.status() == DesignStatus.INFEASIBLE || sol.status() == DesignStatus.UNBOUNDED
                    || sol.status() == DesignStatus.CANCELLED) {
                if (best != null && sol.status() != DesignStatus.CANCELLED) {
                    break; // the raised margin made it infeasible: keep the previous precoder
                }
                DesignStatus st = sol.status() == DesignStatus.CANCELLED ? DesignStatus.CANCELLED
                        : DesignStatus.INFEASIBLE;
                return new Outcome(st, null, null, Double.POSITIVE_INFINITY, 1, iterations, sol.note());
            }
            Precoder p = SdrPrecoder.build(model, sol.x(), sol.w(), powerW);
            List<double[][]> columns = columns(p.effective());
            double shortfall = shortfall(evaluator, columns, required);
            DesignStatus status = sol.status() == DesignStatus.OPTIMAL ? DesignStatus.OPTIMAL
                    : DesignStatus.ITERATION_LIMIT;
            best = new Outcome(status, columns, p.streams(), evaluator.speb(columns), shortfall, iterations,
                    sol.note());
            if (shortfall <= SINR_TOLERANCE || shortfall > 1e-3 || sol.status() != DesignStatus.OPTIMAL) {
                break;
            }
            margin += 10 * shortfall;
        }
        return new Outcome(best.status(), best.columns(), best.streams(), best.speb(), best.shortfall(), iterations,
                best.note());
    }

    /** @return the largest relative SINR shortfall 1 - sinr/Gamma over users with a requirement (or 0) */
    static double shortfall(SpebEvaluator evaluator, List<double[][]> columns, double[] required) {
        double worst = 0;
        for (int u = 0; u < required.length; u++) {
            if (required[u] > 0) {
                worst = Math.max(worst, 1 - evaluator.sinr(columns, u) / required[u]);
            }
        }
        return worst;
    }

    /** @return the columns of m as {re, im} vectors */
    static List<double[][]> columns(ComplexMatrix m) {
        List<double[][]> out = new ArrayList<>(m.cols());
        for (int c = 0; c < m.cols(); c++) {
            double[] re = new double[m.rows()];
            double[] im = new double[m.rows()];
            for (int r = 0; r < m.rows(); r++) {
                re[r] = m.re(r, c);
                im[r] = m.im(r, c);
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }
}
