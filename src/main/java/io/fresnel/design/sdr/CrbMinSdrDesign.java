package io.fresnel.design.sdr;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.baseline.IsotropicDesign;
import io.fresnel.design.common.SdrModel;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;

/**
 * {@code crb-min-sdr}: paper 004 (P1), eq. (26): minimise the sum over targets of the position
 * CRB (22)-(23) (the trace of each target's coordinate block of the inverse of the full FIM of
 * Prop. 1, the reflection gains being nuisance; SCENARIO.md {@code crb_position_sum_m2}) subject
 * to every user's SINR (4) &gt;= 2^min_rate - 1 and ||P||_F^2 &lt;= P. Solved as the low-rank SDR
 * (SDR1.3) of Prop. 2 ({@link CrbMinProgram} in span{v_k^*, dv_k^*, c_u^*}, dimension at most
 * (dims + 1) K + U, never an N x N matrix), then the rank-one construction (36)-(37) of Prop. 3
 * ({@link SdrPrecoder}). Fully digital.
 */
public final class CrbMinSdrDesign extends SdrDesign {

    @Override
    public String name() {
        return "crb-min-sdr";
    }

    @Override
    public String description() {
        return "CRB-min SDR (paper 004 P1): minimum sum position CRB s.t. user SINRs and power";
    }

    /**
     * {@inheritDoc}
     *
     * <p>The FIM is a positive linear map of R_X, so F(R_X) is at most lambda_max(R_X) F(I): when the
     * joint FIM is singular under the isotropic covariance it is singular for every precoder and the
     * CRB to minimise is unbounded. That is checked with the metric code's rule (an eigenvalue at most 1e-10 of
     * the largest, so "nearly" singular counts too) and reported with its reason (e.g. the range is unobservable
     * with far-field phase and unit amplitude).
     */
    @Override
    protected void checkObjectiveExists(Scenario scenario) throws DesignException {
        if (scenario.txArray().positions().size() > ISOTROPIC_CHECK_MAX_ELEMENTS) {
            return;
        }
        Precoder isotropic = new IsotropicDesign().run(scenario, DesignContext.none()).precoder();
        for (TargetMetrics t : MetricsEvaluator.evaluate(scenario.withPrecoder(isotropic)).targets()) {
            if (t.error() != null) {
                // the metric code's rule is relative (an eigenvalue below 1e-10 of the largest), so "or nearly":
                // F(R_X) <= lambda_max(R_X) F(I) bounds every precoder's FIM, not its ratio
                throw new DesignException(name() + ": the position CRB is unbounded, or nearly so, for every precoder"
                        + " (even the isotropic covariance leaves the joint FIM singular: " + t.error() + ")");
            }
        }
    }

    @Override
    protected SdrProgram program(ScenarioPhysics physics, double powerW, double[] sinrRequired) {
        return new CrbMinProgram(SdrModel.of(physics, SdrModel.Span.CRB), powerW, sinrRequired);
    }

    /** Largest array for the isotropic singularity check (it evaluates N streams). */
    private static final int ISOTROPIC_CHECK_MAX_ELEMENTS = 128;

    @Override
    protected Double objective(Metrics metrics) {
        return metrics.system().crbPositionSumM2();
    }
}
