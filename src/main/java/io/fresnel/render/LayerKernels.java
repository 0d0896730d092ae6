package io.fresnel.render;

import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chooses and prepares the {@link PointKernel} of a layer, checking first that the layer applies
 * to the scenario; every refusal is an {@link IllegalArgumentException} naming the cause.
 */
final class LayerKernels {
    private LayerKernels() {
    }

    /**
     * @param scenario the scenario
     * @param layer the layer
     * @return the prepared kernel
     * @throws IllegalArgumentException when the layer does not apply (no precoder, unknown id,
     *     stream index out of range, a user without a private stream, no targets, ...)
     */
    static PointKernel of(Scenario scenario, Layer layer) {
        Precoder p = scenario.precoder();
        if (p == null) {
            throw new IllegalArgumentException("the scenario has no precoder, and the " + layer.key()
                    + " layer needs one (design one with a solver first)");
        }
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        int streams = p.streams().size();
        if (layer instanceof Layer.Beampattern) {
            return new PatternKernel(physics.transmit(), StreamPowers.columns(p.effective(), 0, streams));
        }
        if (layer instanceof Layer.StreamPattern s) {
            if (s.index() >= streams) {
                throw new IllegalArgumentException("stream " + s.index() + " does not exist: the precoder has "
                        + streams + " streams (0 .. " + (streams - 1) + ")");
            }
            return new PatternKernel(physics.transmit(), StreamPowers.columns(p.effective(), s.index(), 1));
        }
        if (layer instanceof Layer.Sinr s) {
            int u = userIndex(scenario, s.userId());
            int stream = p.privateIndex(s.userId());
            if (stream < 0) {
                throw new IllegalArgumentException("user " + s.userId() + " has no private stream, so it has no SINR");
            }
            return new SinrKernel(physics, scenario.users().get(u), stream);
        }
        if (layer instanceof Layer.Secrecy s) {
            return secrecy(physics, s);
        }
        if (layer instanceof Layer.Peb s) {
            List<Target> targets = scenario.targets();
            for (int t = 0; t < targets.size(); t++) {
                if (targets.get(t).id().equals(s.targetId())) {
                    return new PebKernel(physics, t);
                }
            }
            throw new IllegalArgumentException("\"" + s.targetId() + "\" is not the id of a target" + ids(
                    targets.stream().map(Target::id).toList()));
        }
        if (layer instanceof Layer.Music m) {
            return new MusicKernel(scenario, m.seed());
        }
        throw new IllegalArgumentException("unsupported layer " + layer);
    }

    private static PointKernel secrecy(ScenarioPhysics physics, Layer.Secrecy s) {
        Scenario scenario = physics.scenario();
        int u = userIndex(scenario, s.userId());
        boolean rsma = scenario.precoder().commonIndex() >= 0;
        if (!rsma && scenario.precoder().privateIndex(s.userId()) < 0) {
            throw new IllegalArgumentException("user " + s.userId()
                    + " has no private stream, so it has no secrecy rate");
        }
        String id = s.eavesdropperId();
        if (id == null) {
            if (!scenario.eavesdroppers().isEmpty()) {
                CommNode e = scenario.eavesdroppers().get(0);
                return new SecrecyKernel(physics, u, e.id(), e.noiseW());
            }
            for (Target t : scenario.targets()) {
                if (t.eavesdropper()) {
                    return new SecrecyKernel(physics, u, t.id(), t.noiseW());
                }
            }
            return new SecrecyKernel(physics, u, null, scenario.users().get(u).noiseW());
        }
        for (CommNode e : scenario.eavesdroppers()) {
            if (e.id().equals(id)) {
                return new SecrecyKernel(physics, u, id, e.noiseW());
            }
        }
        for (Target t : scenario.targets()) {
            if (t.id().equals(id)) {
                if (!t.eavesdropper()) {
                    throw new IllegalArgumentException("target " + id + " does not eavesdrop (\"eavesdropper\": false)");
                }
                return new SecrecyKernel(physics, u, id, t.noiseW());
            }
        }
        throw new IllegalArgumentException("\"" + id + "\" is not the id of an eavesdropper or eavesdropping target"
                + ids(scenario.eavesdroppers().stream().map(CommNode::id).toList()));
    }

    private static int userIndex(Scenario scenario, String id) {
        List<CommNode> users = scenario.users();
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("\"" + id + "\" is not the id of a user" + ids(
                users.stream().map(CommNode::id).toList()));
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty() ? " (the scenario has none)" : " (known: " + ids.stream().collect(Collectors.joining(", "))
                + ")";
    }
}
