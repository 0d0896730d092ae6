package io.fresnel.design.sdr;

import io.fresnel.design.common.SdrModel;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.physics.ScenarioPhysics;

/**
 * The max-min power designs of paper 004 section IV, (P2)/(P3): maximise the minimum over
 * targets of the illumination (24) or of the echo power (25) subject to the users' SINRs and
 * the power budget; solved as (SDR2.1) restricted to span{v_k^*, c_u^*} (Prop. 4, (42)-(45)) by
 * {@link MaxMinPowerProgram}, then made rank one per user as in Prop. 3 ({@link SdrPrecoder}).
 */
abstract class MaxMinPowerSdrDesign extends SdrDesign {
    private final boolean echo;

    /** @param echo false: illumination (P2); true: echo power (P3) */
    MaxMinPowerSdrDesign(boolean echo) {
        this.echo = echo;
    }

    @Override
    protected final SdrProgram program(ScenarioPhysics physics, double powerW, double[] sinrRequired) {
        return new MaxMinPowerProgram(SdrModel.of(physics, SdrModel.Span.POWER), powerW, sinrRequired, echo);
    }

    @Override
    protected final Double objective(Metrics metrics) {
        double min = Double.POSITIVE_INFINITY;
        for (TargetMetrics t : metrics.targets()) {
            Double v = echo ? t.echoPowerW() : t.illuminationW();
            if (v == null) {
                return null;
            }
            min = Math.min(min, v);
        }
        return min;
    }
}
