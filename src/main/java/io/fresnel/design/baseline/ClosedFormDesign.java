package io.fresnel.design.baseline;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.metrics.CommunicationMetrics;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.Set;

/**
 * A design given by a closed form: one "iteration", status {@link DesignStatus#OPTIMAL}, and as
 * objective the sum rate (bit/s/Hz, SCENARIO.md section 2) of the designed precoder, or null
 * when the scenario has no users. A run cancelled before it starts returns
 * {@link DesignStatus#CANCELLED} without a precoder; the warm start is not used.
 */
abstract class ClosedFormDesign extends AbstractDesign {

    /**
     * Computes the precoder.
     *
     * @param physics the scenario's physics (the scenario is {@code physics.scenario()})
     * @return the precoder with ||P||_F^2 = transmit_power_w
     * @throws DesignException when the scenario is an input this design cannot handle
     */
    protected abstract Precoder design(ScenarioPhysics physics) throws DesignException;

    /** @return none: the closed forms read no solver parameters (RZF overrides it) */
    @Override
    public Set<String> parameterNames() {
        return Set.of();
    }

    @Override
    protected final DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        Precoder precoder = design(physics);
        Double sumRate = scenario.users().isEmpty() ? null
                : CommunicationMetrics.evaluate(physics, precoder, new PrecoderColumns(precoder.effective()))
                        .sumRateBpsHz();
        context.progress().onIteration(1, sumRate == null ? Double.NaN : sumRate, "closed form");
        return new DesignResult(name(), DesignStatus.OPTIMAL, precoder, sumRate, 1, DesignResult.secondsSince(start),
                null);
    }
}
