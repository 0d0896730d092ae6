package io.fresnel.design.baseline;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.FocusDirections;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.CommNode;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.physics.ScenarioPhysics;

/**
 * {@code far-field-steering}: the beam a far-field (planar-wavefront) design would use. Each
 * column is the normalised conjugate of the unit-amplitude far-field steering vector towards
 * the node's direction about the reference point o, v_n = exp(-j k (r - u.s_n)) with
 * u = (p - o)/|p - o| and s_n = t_n - o (SCENARIO.md section 1, far-field phase), so the beam
 * ignores the range (and any scatterer). One private stream per user with equal power, or one
 * sensing stream per target when there are no users. It equals {@code mrt} when the scenario
 * itself is far-field with unit amplitude and line-of-sight links.
 */
public final class FarFieldSteeringDesign extends FocusedBeamDesign {

    @Override
    public String name() {
        return "far-field-steering";
    }

    @Override
    public String description() {
        return "Far-field steering: planar-wavefront beam towards each user's angle";
    }

    @Override
    protected double[][] userVector(ScenarioPhysics physics, CommNode user) throws DesignException {
        return steering(physics, user.positionM(), "user " + user.id());
    }

    @Override
    protected double[][] targetVector(ScenarioPhysics physics, Target target) throws DesignException {
        return steering(physics, target.positionM(), "target " + target.id());
    }

    private double[][] steering(ScenarioPhysics physics, Vec3 p, String node) throws DesignException {
        Scenario sc = physics.scenario();
        Vec3 o = sc.referencePoint();
        if (!(p.distance(o) > 0)) {
            throw new DesignException(name() + ": " + node + " sits on the reference point, where its direction is"
                    + " undefined");
        }
        ArrayResponse farField = new ArrayResponse(sc.txArray().positions(), o, sc.wavelengthM(),
                PhaseModel.FAR_FIELD, AmplitudeModel.UNIT);
        return FocusDirections.point(farField, p);
    }
}
