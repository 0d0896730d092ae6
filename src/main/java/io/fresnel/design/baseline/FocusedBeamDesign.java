package io.fresnel.design.baseline;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.FocusDirections;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * One conjugate beam per node with equal power: with U users, one {@code private} stream per
 * user, column p_u = sqrt(P/U) conj(x_u)/||x_u||; with no users but T targets, one
 * {@code sensing} stream per target, p_t = sqrt(P/T) conj(x_t)/||x_t||. The subclass chooses
 * the vectors x the beams are matched to. ||P||_F^2 = P = {@code transmit_power_w}.
 */
abstract class FocusedBeamDesign extends ClosedFormDesign {

    /** @return the vector x_u a user's beam is the normalised conjugate of, {re, im} of length N */
    protected abstract double[][] userVector(ScenarioPhysics physics, CommNode user) throws DesignException;

    /** @return the vector x_t a target's beam is the normalised conjugate of, {re, im} of length N */
    protected abstract double[][] targetVector(ScenarioPhysics physics, Target target) throws DesignException;

    @Override
    protected final Precoder design(ScenarioPhysics physics) throws DesignException {
        Scenario sc = physics.scenario();
        double power = DesignInputs.transmitPowerW(sc, name());
        List<double[][]> columns = new ArrayList<>();
        List<Stream> streams = new ArrayList<>();
        if (!sc.users().isEmpty()) {
            List<CommNode> users = DesignInputs.users(sc, name());
            double amplitude = Math.sqrt(power / users.size());
            for (CommNode u : users) {
                columns.add(FocusDirections.conjugateBeam(userVector(physics, u), amplitude, name(),
                        "user " + u.id()));
            }
            streams.addAll(DesignInputs.privateStreams(users));
        } else if (!sc.targets().isEmpty()) {
            if (sc.targets().size() > Precoder.MAX_STREAMS) {
                throw new DesignException(name() + ": " + sc.targets().size() + " targets need more streams than the"
                        + " limit " + Precoder.MAX_STREAMS);
            }
            double amplitude = Math.sqrt(power / sc.targets().size());
            for (Target t : sc.targets()) {
                columns.add(FocusDirections.conjugateBeam(targetVector(physics, t), amplitude, name(),
                        "target " + t.id()));
                streams.add(new Stream(StreamRole.SENSING, null));
            }
        } else {
            throw new DesignException(name() + ": the scenario has neither users nor targets to focus on");
        }
        return new Precoder(streams, ZMatrices.ofColumns(columns), null, null, null);
    }
}
