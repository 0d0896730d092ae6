package io.fresnel.design.baseline;

import io.fresnel.design.common.FocusDirections;
import io.fresnel.model.CommNode;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;

/**
 * {@code mrt}: maximum-ratio transmission. User u's column is sqrt(P/U) conj(c_u)/||c_u||, c_u
 * its channel row (scatterers and explicit channels included), which maximises |c_u^T p_u| for
 * the column's power; without users, one focused sensing beam conj(v(p_t))/||v(p_t)|| per
 * target with equal power. Equal power split; interference is ignored.
 */
public final class MaximumRatioDesign extends FocusedBeamDesign {

    @Override
    public String name() {
        return "mrt";
    }

    @Override
    public String description() {
        return "MRT: focused beam on each user";
    }

    @Override
    protected double[][] userVector(ScenarioPhysics physics, CommNode user) {
        return FocusDirections.user(physics, user);
    }

    @Override
    protected double[][] targetVector(ScenarioPhysics physics, Target target) {
        return FocusDirections.point(physics.transmit(), target.positionM());
    }
}
