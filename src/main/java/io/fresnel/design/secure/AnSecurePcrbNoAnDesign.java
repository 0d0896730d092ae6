package io.fresnel.design.secure;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.model.Precoder;
import java.util.Locale;

/**
 * {@code an-secure-pcrb-no-an}: Benchmark 2 of paper 001 (Sec. VI), "beamforming without AN, where
 * w is obtained by solving (P1) with v_k = 0": the problem of {@link AnSecurePcrbDesign} with the
 * information beam only. Solved by the same 1-D search over gamma, each step the SDR of (P1.1)
 * with V = 0 (maximise SNR_u y_u^H W y_u s.t. every eavesdropper SNR &lt;= gamma, tr W &lt;= P,
 * the sensing level of (36)), and at the best gamma a rank-one w by Gaussian randomisation of the
 * SDR solution (the paper does not say how; without AN the SDR need not be tight), each candidate at
 * full power and turned towards the top eigenvector of Q until it meets the PCRB threshold. When no
 * gamma of the search gives a positive secrecy rate (the paper's Fig. 4: without AN the leakage to
 * the candidate locations the sensing constraint illuminates cannot be controlled), the beam is
 * that of the SDR without the eavesdropper constraints (the best user SINR meeting the PCRB
 * threshold); the secrecy rate is then 0. Output: one {@code private} column.
 */
public final class AnSecurePcrbNoAnDesign extends SecurePcrbDesign {

    @Override
    public String name() {
        return "an-secure-pcrb-no-an";
    }

    @Override
    public String description() {
        return "Paper 001 benchmark 2: secure ISAC without AN (information beam only)";
    }

    @Override
    protected DesignResult designFor(SecrecySensingProblem problem, DesignContext context, long start) {
        SecrecySensingProblem.Reduced r = problem.reduce(problem.basis(SecrecySensingProblem.Basis.CONJUGATE));
        SecrecySearch.Outcome o = SecrecySearch.run(r, false, context, name());
        if (o.cancelled()) {
            return result(DesignStatus.CANCELLED, null, null, o.solves(), start,
                    "cancelled after " + o.solves() + " SDP solves");
        }
        SecrecySdp.Solution sol = o.solution();
        int solves = o.solves();
        String note = String.format(Locale.ROOT, "gamma = %.9g after %d SDP solves", o.gamma(), o.solves());
        if (sol == null || !(o.secrecy() > 0)) {
            // secrecy 0 at best: the user SINR alone, eavesdroppers unconstrained
            sol = SecrecySdp.solve(r, Double.POSITIVE_INFINITY, false, context.cancelled());
            solves++;
            note = "no positive secrecy rate without AN; information beam of the best user SINR meeting the"
                    + " PCRB threshold";
            if (!sol.usable()) {
                // at the smallest achievable PCRB bound the SDR's feasible set is (nearly) one point; the beam
                // along the top sensing direction meets every level the input check accepts
                Precoder top = SecurePrecoders.alongTopSensingDirection(problem, r);
                String failed = "the SDR without eavesdropper constraints was not solved (" + sol.status() + ")";
                if (top == null) {
                    return result(DesignStatus.ITERATION_LIMIT, null, null, solves, start, failed);
                }
                return result(DesignStatus.ITERATION_LIMIT, top, minSecrecy(problem, top), solves, start, failed
                        + "; the beam along the top sensing direction at full power, which meets every PCRB level,"
                        + " is written");
            }
        }
        Precoder precoder = SecurePrecoders.informationOnly(problem, r, sol.w());
        if (precoder == null) {
            return result(DesignStatus.ITERATION_LIMIT, null, null, solves, start, "no rank-one information beam"
                    + " (the SDR's top eigenvector, " + SecurePrecoders.DRAWS + " randomisations, the top sensing"
                    + " direction) meets every target's PCRB level; the relaxation's bound is not attained");
        }
        DesignStatus status = sol.optimal() ? DesignStatus.OPTIMAL : DesignStatus.ITERATION_LIMIT;
        return result(status, precoder, minSecrecy(problem, precoder), solves, start, note);
    }
}
