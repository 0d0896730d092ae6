package io.fresnel.design.secure;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.model.Precoder;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import java.util.List;

/**
 * {@code an-secure-pcrb-mrt}: Benchmark 1 of paper 001 (Sec. VI), "simple maximum ratio
 * transmission (MRT) beamforming with only an information beamforming vector w = sqrt(P) h/||h||,
 * designed to maximise the user's achievable rate without consideration of the secrecy and sensing
 * performance". In this convention h = conj(c_u): one {@code private} column sqrt(P) c_u^* / ||c_u||.
 * As in the paper's Fig. 4 ("infeasible for the first five samples of Gamma"), the benchmark is
 * {@link DesignStatus#INFEASIBLE} (no precoder) when its bound (24) exceeds {@code pcrb_max_rad2};
 * otherwise the objective is its worst-case secrecy rate.
 */
public final class AnSecurePcrbMrtDesign extends SecurePcrbDesign {

    @Override
    public String name() {
        return "an-secure-pcrb-mrt";
    }

    @Override
    public String description() {
        return "Paper 001 benchmark 1: MRT to the user, infeasible when it misses the PCRB threshold";
    }

    @Override
    protected DesignResult designFor(SecrecySensingProblem problem, DesignContext context, long start) {
        double[][] c = problem.userRow();
        double norm = Math.sqrt(io.fresnel.math.CVec.norm2(c[0], c[1]));
        double a = Math.sqrt(problem.powerW()) / norm;
        int n = c[0].length;
        double[][] w = new double[2][n];
        for (int i = 0; i < n; i++) {
            w[0][i] = a * c[0][i];
            w[1][i] = -a * c[1][i];
        }
        Precoder precoder = SecurePrecoders.precoder(List.of(new Stream(StreamRole.PRIVATE, problem.user().id())),
                java.util.Collections.singletonList(w));
        double pcrb = worstPcrb(problem, precoder);
        context.progress().onIteration(1, Double.NaN, "closed form");
        if (pcrb > problem.pcrbMax()) {
            return result(DesignStatus.INFEASIBLE, null, null, 1, start, String.format(
                    "MRT gives the PCRB bound (24) %.6g rad^2 > %s = %.6g rad^2", pcrb,
                    SecrecySensingProblem.PCRB_MAX, problem.pcrbMax()));
        }
        return result(DesignStatus.OPTIMAL, precoder, minSecrecy(problem, precoder), 1, start, null);
    }
}
