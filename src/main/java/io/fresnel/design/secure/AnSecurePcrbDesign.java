package io.fresnel.design.secure;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.model.Precoder;
import io.fresnel.optim.ConeStatus;
import java.util.Locale;
import java.util.Set;

/**
 * {@code an-secure-pcrb}: paper 001's AN-based secure ISAC design (Sec. V), in the convention of
 * SCENARIO.md and with the corrected bound (24) (ERRATA 001.3).
 *
 * <p>Problem (P1), eqs. (25)-(27): maximise the worst-case secrecy rate of the single user,
 * min over every eavesdropper e (external eavesdroppers and eavesdropping targets) of
 * [log2(1 + SINR_u) - log2(1 + SINR_e)]^+, over the information covariance W = w w^H of the
 * user's private stream and the AN covariance V, subject to tr(W + V) &lt;= P ({@code
 * transmit_power_w}) and the bound (24) {@code pcrb_upper_approx_rad2} of every target with a
 * prior at most Gamma = {@code pcrb_max_rad2}, i.e. (31)/(36):
 * sum_k p_k rho(theta_k) v_k^T (W + V) v_k^* &gt;= (1/Gamma - 1/sigma_theta^2) / c.
 *
 * <p>Method: (P1.2), eq. (32): a 1-D search over the eavesdropper SINR level gamma
 * ({@link GammaSearch}: best point of the log grid 4/decade from 1e-6 to the user SNR plus 1e-9, grid
 * points that the monotonicity of f proves no better skipped, then Brent's method in ln gamma to 1e-6)
 * of log2((1 + f(gamma)) / (1 + gamma)), where f(gamma) is the optimal value of
 * the Charnes-Cooper SDP (P2.1R), eqs. (38)-(43) ({@link SecrecySdp}), solved with the conic
 * interior-point solver in the subspace span{c_u^*, c_e^*, v(p(theta_k))^*} (the span of every
 * constraint matrix in this convention; {@link SecrecySensingProblem}). At the best gamma the
 * rank-one information beam and the AN covariance follow Prop. 2, eqs. (45)-(48)
 * ({@link SecurePrecoders#withArtificialNoise}); the AN covariance is factorised keeping every
 * positive eigen-direction.
 *
 * <p>With the optional solver parameter {@code eve_sinr_level} (linear, &gt; 0) the search is
 * skipped and (P2.1R) is solved at that gamma only (paper 001's Fig. 2 plots
 * log2((1 + f(gamma))/(1 + gamma)) against gamma; {@code sweep --paper 001 --figure 2}).
 *
 * <p>Status {@link DesignStatus#OPTIMAL} when the SDP at the best gamma converged; when the best
 * point is a feasible but unconverged iterate ({@link SecrecySdp}'s fallback) the precoder is
 * returned with {@link DesignStatus#ITERATION_LIMIT}.
 *
 * <p>Output: one {@code private} column for the user, then the {@code artificial-noise} columns.
 * A threshold below the smallest achievable bound, 1 / (c P lambda_max(Q) + 1/sigma_theta^2), is
 * {@link DesignStatus#INFEASIBLE} (no precoder). More than one user is a {@link DesignException}.
 */
public final class AnSecurePcrbDesign extends SecurePcrbDesign {

    /** @return the PCRB threshold {@code pcrb_max_rad2} and the optional {@code eve_sinr_level} */
    @Override
    public Set<String> parameterNames() {
        return Set.of(SecrecySensingProblem.PCRB_MAX, SecrecySensingProblem.EVE_SINR_LEVEL);
    }

    /** @return the PCRB threshold and the optional eavesdropper SINR level */
    @Override
    public java.util.List<io.fresnel.design.SolverParameter> parameters() {
        return java.util.List.of(SecrecySensingProblem.PCRB_MAX_PARAMETER, SecrecySensingProblem.EVE_SINR_LEVEL_PARAMETER);
    }

    @Override
    public String name() {
        return "an-secure-pcrb";
    }

    @Override
    public String description() {
        return "Secure ISAC with AN (paper 001): max worst-case secrecy s.t. PCRB bound (24), power";
    }

    @Override
    protected DesignResult designFor(SecrecySensingProblem problem, DesignContext context, long start) {
        SecrecySensingProblem.Reduced r = problem.reduce(problem.basis(SecrecySensingProblem.Basis.CONJUGATE));
        boolean fixed = !Double.isNaN(problem.eveSinrLevel());
        SecrecySearch.Outcome o = fixed ? SecrecySearch.at(r, problem.eveSinrLevel(), true, context, name())
                : SecrecySearch.run(r, true, context, name());
        if (o.cancelled()) {
            return result(DesignStatus.CANCELLED, null, null, o.solves(), start,
                    "cancelled after " + o.solves() + " SDP solves");
        }
        if (o.solution() == null) {
            DesignStatus status = o.lastFailure() == ConeStatus.INFEASIBLE ? DesignStatus.INFEASIBLE
                    : DesignStatus.ITERATION_LIMIT;
            return result(status, null, null, o.solves(), start, "no SDP of the gamma search was solved (last"
                    + " solver status " + o.lastFailure() + ")");
        }
        Precoder precoder = SecurePrecoders.withArtificialNoise(problem, r, o.solution());
        boolean proven = o.solution().optimal();
        return result(proven ? DesignStatus.OPTIMAL : DesignStatus.ITERATION_LIMIT, precoder,
                minSecrecy(problem, precoder), o.solves(), start, String.format(Locale.ROOT, "gamma = %.9g %s %d SDP solves%s",
                        o.gamma(), fixed ? "(fixed by " + SecrecySensingProblem.EVE_SINR_LEVEL + "),"
                                : "after", o.solves(), proven ? "" : "; the SDP at the best gamma did not converge (feasible"
                                + " last iterate used)"));
    }
}
