package io.fresnel.design.secure;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.metrics.CommunicationMetrics;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.Set;

/**
 * What the designs of paper 001 share: reading the problem ({@link SecrecySensingProblem}), the
 * feasibility check of the PCRB threshold, timing, cancellation and the objective, which is the
 * worst-case secrecy rate {@code system.min_secrecy_rate_bps_hz} (bit/s/Hz) evaluated by the metric
 * code on the returned precoder.
 */
abstract class SecurePcrbDesign extends AbstractDesign {

    /**
     * Designs the precoder for a checked problem whose threshold is reachable.
     *
     * @param problem the problem
     * @param context cancellation and progress
     * @param start System.nanoTime() at the start of the run
     * @return the result
     */
    /** @return the PCRB threshold {@code pcrb_max_rad2} */
    @Override
    public Set<String> parameterNames() {
        return Set.of(SecrecySensingProblem.PCRB_MAX);
    }

    @Override
    public java.util.List<io.fresnel.design.SolverParameter> parameters() {
        return java.util.List.of(SecrecySensingProblem.PCRB_MAX_PARAMETER);
    }

    protected abstract DesignResult designFor(SecrecySensingProblem problem, DesignContext context, long start);

    @Override
    protected final DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        SecrecySensingProblem problem = SecrecySensingProblem.of(scenario, name());
        for (int j = 0; j < problem.sensing().size(); j++) {
            double smallest = problem.smallestAchievablePcrb(j);
            if (problem.pcrbMax() < smallest) {
                return result(DesignStatus.INFEASIBLE, null, null, 0, start, String.format(
                        "the PCRB threshold %s = %.6g rad^2 of target %s is below the smallest achievable"
                                + " bound (24), %.6g rad^2 (all power on sensing)", SecrecySensingProblem.PCRB_MAX,
                        problem.pcrbMax(), problem.sensing().get(j).target(), smallest));
            }
        }
        return designFor(problem, context, start);
    }

    /** @return the worst-case secrecy rate of the precoder (bit/s/Hz) as the metrics define it */
    static Double minSecrecy(SecrecySensingProblem problem, Precoder precoder) {
        return CommunicationMetrics.evaluate(problem.physics(), precoder, new PrecoderColumns(precoder.effective()))
                .minSecrecyRateBpsHz();
    }

    /** @return the largest bound (24) of the precoder over the constrained targets (rad^2) */
    static double worstPcrb(SecrecySensingProblem problem, Precoder precoder) {
        PrecoderColumns cols = new PrecoderColumns(precoder.effective());
        java.util.List<double[][]> columns = new java.util.ArrayList<>();
        for (int s = 0; s < cols.streams(); s++) {
            double[] re = new double[cols.antennas()];
            double[] im = new double[cols.antennas()];
            for (int i = 0; i < re.length; i++) {
                re[i] = precoder.effective().re(i, s);
                im[i] = precoder.effective().im(i, s);
            }
            columns.add(new double[][] {re, im});
        }
        double worst = 0;
        for (SecrecySensingProblem.Sensing s : problem.sensing()) {
            worst = Math.max(worst, s.bound(SecurePrecoders.sensingSum(s, columns)));
        }
        return worst;
    }

    protected final DesignResult result(DesignStatus status, Precoder precoder, Double objective, int iterations,
            long start, String message) {
        return new DesignResult(name(), status, precoder, objective, iterations, DesignResult.secondsSince(start),
                message);
    }
}
