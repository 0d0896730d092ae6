package io.fresnel.design.speb;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.FocusDirections;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.design.sdr.MaxMinPowerProgram;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code snr-max-hybrid}: paper 003's "SNR-Max-based HBF" benchmark (Sec. VI-A, after its ref. [19]):
 * the partially connected hybrid precoder that maximises the sensing SNR (the echo power
 * |beta|^2 ||a||^2 v^T R_X v^*, the smallest over the targets when there are several) subject to
 * every user's rate and the power. Analog stage: every subarray focused on the target(s)
 * (f_n = exp(j arg conj(v_n)), the largest array gain towards them; the choice the paper does
 * not print). Digital stage: paper 004's echo-power SDR (P3) in span(F_A) with the tight rank-one
 * construction ({@link MaxMinPowerProgram}, {@link SpebSdrStep}), optimal for that F_A.
 *
 * <p>Status {@code optimal} (the digital stage for the fixed analog stage), objective the SPEB of
 * the written precoder (m^2, to compare with {@code speb-min-hybrid}); {@code infeasible} without a
 * precoder when the rates cannot be met with this F_A.
 */
public final class SnrMaxHybridDesign extends AbstractDesign {

    @Override
    public String name() {
        return "snr-max-hybrid";
    }

    @Override
    public String description() {
        return "SNR-max hybrid (paper 003 benchmark): target-focused subarrays + max echo power s.t. rates";
    }

    @Override
    protected DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        SpebInputs.checkSensing(scenario, name());
        int chains = SpebInputs.partialChains(scenario, name(), scenario.users().size());
        double power = DesignInputs.transmitPowerW(scenario, name());
        double[] required = SinrRequirements.of(scenario.users());
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        SpebEvaluator evaluator = new SpebEvaluator(physics);
        int block = physics.transmit().size() / chains;
        List<double[][]> targets = new ArrayList<>();
        List<Target> ts = scenario.targets();
        for (int r = 0; r < chains; r++) {
            targets.add(FocusDirections.point(physics.transmit(), ts.get(r % ts.size()).positionM()));
        }
        PartialAnalog analog = PartialAnalog.matched(targets, chains, block);
        SdrModel model = SdrModel.inSpanOf(physics, analog.columns());
        SpebSdrStep.Outcome out = SpebSdrStep.solve(model, evaluator, power, required,
                target -> new MaxMinPowerProgram(model, power, target, true), context.cancelled());
        context.progress().onIteration(1, Double.isFinite(out.speb()) ? out.speb() : Double.NaN, out.note());
        if (out.status() == DesignStatus.CANCELLED) {
            return new DesignResult(name(), DesignStatus.CANCELLED, null, null, out.iterations(),
                    DesignResult.secondsSince(start), out.note());
        }
        if (out.columns() == null) {
            return new DesignResult(name(), DesignStatus.INFEASIBLE, null, null, out.iterations(),
                    DesignResult.secondsSince(start), "the users' min_rate_bps_hz cannot all be met with"
                    + " transmit_power_w = " + power + " W and target-focused subarrays (" + out.note() + ")");
        }
        Precoder precoder = new Precoder(out.streams(), null, analog.matrix(), analog.digital(out.columns()), null);
        Metrics metrics = MetricsEvaluator.evaluate(scenario.withPrecoder(precoder));
        String violation = SinrRequirements.violation(metrics, power, required, scenario.users());
        DesignStatus status = out.status() == DesignStatus.OPTIMAL && violation == null ? DesignStatus.OPTIMAL
                : DesignStatus.ITERATION_LIMIT;
        return new DesignResult(name(), status, precoder, metrics.system().crbPositionSumM2(), out.iterations(),
                DesignResult.secondsSince(start), violation);
    }
}
