package io.fresnel.design.speb;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;

/**
 * {@code speb-min-digital}: paper 003's "SPEB-Min-based FDBF", problem (23) with a fully digital
 * precoder: minimise the SPEB (22) subject to every user's rate (23b) and the power (23c), as the
 * SDR (38) with F_A = I, dedicated sensing streams allowed, solved exactly in the span
 * {v, dv/dx, dv/dy, c_u^*} and made rank one without loss ({@link SpebSdrStep}). Its optimum
 * bounds every hybrid design from below. The architecture is ignored (the precoder is written as
 * {@code columns}); with several targets the objective is the sum of their SPEBs.
 *
 * <p>Status {@code optimal} (objective: the SPEB of the written precoder as the metric code
 * evaluates it, m^2), {@code infeasible} without a precoder when the rates cannot be met with the
 * power, {@code iteration-limit} with a message when the solver stopped early or the written
 * precoder misses a constraint by more than 1e-6 (relative).
 */
public final class SpebMinDigitalDesign extends AbstractDesign {

    @Override
    public String name() {
        return "speb-min-digital";
    }

    @Override
    public String description() {
        return "SPEB-min digital (paper 003 FDBF): optimal SDR, minimum SPEB s.t. user rates and power";
    }

    @Override
    protected DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        SpebInputs.checkSensing(scenario, name());
        double power = DesignInputs.transmitPowerW(scenario, name());
        double[] required = SinrRequirements.of(scenario.users());
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        SpebEvaluator evaluator = new SpebEvaluator(physics);
        SpebSdrStep.Outcome out = SpebSdrStep.solve(SdrModel.of(physics, SdrModel.Span.CRB), evaluator, power,
                required, context.cancelled());
        context.progress().onIteration(1, Double.isFinite(out.speb()) ? out.speb() : Double.NaN, out.note());
        if (out.status() == DesignStatus.CANCELLED) {
            return new DesignResult(name(), DesignStatus.CANCELLED, null, null, out.iterations(),
                    DesignResult.secondsSince(start), out.note());
        }
        if (out.columns() == null) {
            return new DesignResult(name(), DesignStatus.INFEASIBLE, null, null, out.iterations(),
                    DesignResult.secondsSince(start), "the users' min_rate_bps_hz cannot all be met with"
                    + " transmit_power_w = " + power + " W (" + out.note() + ")");
        }
        Precoder precoder = new Precoder(out.streams(), ZMatrices.ofColumns(out.columns()), null, null, null);
        Metrics metrics = MetricsEvaluator.evaluate(scenario.withPrecoder(precoder));
        String violation = SinrRequirements.violation(metrics, power, required, scenario.users());
        Double objective = metrics.system().crbPositionSumM2();
        DesignStatus status = out.status() == DesignStatus.OPTIMAL && violation == null && objective != null
                ? DesignStatus.OPTIMAL : DesignStatus.ITERATION_LIMIT;
        String message = status == DesignStatus.OPTIMAL ? null
                : (violation != null ? violation + "; " : "") + out.note();
        return new DesignResult(name(), status, precoder, objective, out.iterations(),
                DesignResult.secondsSince(start), message);
    }
}
