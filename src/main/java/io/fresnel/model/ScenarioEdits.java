package io.fresnel.model;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The edits a user makes to a scenario, each returning a new validated {@link Scenario}
 * (scenarios are immutable). An edit that would make the scenario invalid throws the
 * scenario's {@link IllegalArgumentException}, whose message names the field; the original is
 * unchanged, so nothing is ever half-applied.
 */
public final class ScenarioEdits {
    /** Radar cross-section assumed for a new target when no other target exists (m^2). */
    public static final double DEFAULT_RCS_M2 = 1.0;
    /** Receiver noise of a new node when no other node gives one (W): -84 dBm. */
    public static final double DEFAULT_NOISE_W = 3.981071705534972e-12;

    private ScenarioEdits() {
    }

    /**
     * The kind of the point node with this id.
     *
     * @param s the scenario; not modified
     * @param id a node id
     * @return its kind, or empty when no user, eavesdropper or target has this id
     */
    public static Optional<NodeKind> kindOf(Scenario s, String id) {
        if (s.users().stream().anyMatch(n -> n.id().equals(id))) {
            return Optional.of(NodeKind.USER);
        }
        if (s.eavesdroppers().stream().anyMatch(n -> n.id().equals(id))) {
            return Optional.of(NodeKind.EAVESDROPPER);
        }
        if (s.targets().stream().anyMatch(n -> n.id().equals(id))) {
            return Optional.of(NodeKind.TARGET);
        }
        return Optional.empty();
    }

    /**
     * The position of a point node.
     *
     * @param s the scenario
     * @param id a node id
     * @return its position (m)
     * @throws IllegalArgumentException when no node has this id
     */
    public static Vec3 position(Scenario s, String id) {
        return switch (require(s, id)) {
            case USER -> user(s.users(), id).positionM();
            case EAVESDROPPER -> user(s.eavesdroppers(), id).positionM();
            case TARGET -> target(s, id).positionM();
        };
    }

    /**
     * Moves a point node.
     *
     * @param s the scenario
     * @param id the node's id
     * @param p the new position (m); z must be 0 in 2-D
     * @return the edited scenario
     * @throws IllegalArgumentException when no node has this id or the position is invalid
     *     (on an element, not finite, out of the plane)
     */
    public static Scenario move(Scenario s, String id, Vec3 p) {
        return switch (require(s, id)) {
            case USER -> withUsers(s, replace(s.users(), id, n -> n.withPosition(p)));
            case EAVESDROPPER -> withEavesdroppers(s, replace(s.eavesdroppers(), id, n -> n.withPosition(p)));
            case TARGET -> withTargets(s, replaceTarget(s.targets(), id, t -> t.withPosition(p)));
        };
    }

    /**
     * Replaces a user or eavesdropper by an edited copy (same list, same place).
     *
     * @param s the scenario
     * @param id the id of the node to replace
     * @param node the new node (it may carry another id only if that id is unused and no stream names the old one)
     * @return the edited scenario
     */
    public static Scenario replaceNode(Scenario s, String id, CommNode node) {
        return switch (require(s, id)) {
            case USER -> withUsers(s, replace(s.users(), id, n -> node));
            case EAVESDROPPER -> withEavesdroppers(s, replace(s.eavesdroppers(), id, n -> node));
            case TARGET -> throw new IllegalArgumentException(id + " is a target, not a user or eavesdropper");
        };
    }

    /**
     * Replaces a target by an edited copy.
     *
     * @param s the scenario
     * @param id the id of the target
     * @param target the new target
     * @return the edited scenario
     */
    public static Scenario replaceTarget(Scenario s, String id, Target target) {
        if (require(s, id) != NodeKind.TARGET) {
            throw new IllegalArgumentException(id + " is not a target");
        }
        return withTargets(s, replaceTarget(s.targets(), id, t -> target));
    }

    /**
     * Adds a node of the given kind with a fresh id and sensible defaults: the noise of an
     * existing node (else {@link #DEFAULT_NOISE_W}); a target gets the reflection of an
     * existing target or the radar-equation coefficient of a {@link #DEFAULT_RCS_M2} reflector,
     * beta = sqrt(lambda^2 sigma / ((4 pi)^3 r^4)) with unit amplitude and
     * sqrt(4 pi sigma) / lambda with spherical amplitude, and default sensing parameters
     * (T = 1 snapshot, the node noise) when the scenario had none.
     *
     * @param s the scenario
     * @param kind what to add
     * @param p its position (m)
     * @return the edited scenario; the new node is the last of its list
     */
    public static Scenario add(Scenario s, NodeKind kind, Vec3 p) {
        String id = freshId(s, kind.idPrefix());
        double noise = typicalNoise(s);
        return switch (kind) {
            case USER -> withUsers(s, append(s.users(), new CommNode(id, p, noise, Link.LINE_OF_SIGHT, null)));
            case EAVESDROPPER -> withEavesdroppers(s,
                    append(s.eavesdroppers(), new CommNode(id, p, noise, Link.LINE_OF_SIGHT, null)));
            case TARGET -> {
                Complex beta = s.targets().isEmpty() ? defaultReflection(s, p) : s.targets().get(0).reflection();
                Scenario withSensing = s.sensing() != null ? s : copy(s, s.users(), s.eavesdroppers(), s.targets(),
                        s.precoder(), new Sensing(1, noise));
                yield withTargets(withSensing, append(s.targets(), new Target(id, p, beta, false, noise, null, null)));
            }
        };
    }

    /**
     * Removes a point node. A precoder with a private stream for a removed user is dropped (it
     * no longer fits the scenario); a target that a sensing eavesdropper listens to cannot be
     * removed.
     *
     * @param s the scenario
     * @param id the node's id
     * @return the edited scenario
     * @throws IllegalArgumentException when no node has this id or a sensing eavesdropper names it
     */
    public static Scenario remove(Scenario s, String id) {
        return switch (require(s, id)) {
            case USER -> {
                Precoder p = s.precoder();
                boolean named = p != null && p.streams().stream().anyMatch(st -> id.equals(st.userId()));
                List<CommNode> users = new ArrayList<>(s.users());
                users.removeIf(n -> n.id().equals(id));
                yield copy(s, users, s.eavesdroppers(), s.targets(), named ? null : p, s.sensing());
            }
            case EAVESDROPPER -> {
                List<CommNode> eves = new ArrayList<>(s.eavesdroppers());
                eves.removeIf(n -> n.id().equals(id));
                yield withEavesdroppers(s, eves);
            }
            case TARGET -> {
                for (SensingEavesdropper se : s.sensingEavesdroppers()) {
                    if (se.targetId().equals(id)) {
                        throw new IllegalArgumentException("target " + id + " is listened to by sensing eavesdropper "
                                + se.id() + "; remove that first");
                    }
                }
                List<Target> targets = new ArrayList<>(s.targets());
                targets.removeIf(t -> t.id().equals(id));
                yield withTargets(s, targets);
            }
        };
    }

    /**
     * Changes the transmit power budget, scaling an existing precoder so that its power keeps
     * the same fraction of the budget.
     *
     * @param s the scenario
     * @param powerW the new budget (W, > 0)
     * @return the edited scenario
     */
    public static Scenario withTransmitPower(Scenario s, double powerW) {
        Checks.positive("transmit_power_w", powerW);
        Precoder p = s.precoder();
        if (p != null && s.transmitPowerW() != null) {
            p = p.scaled(Math.sqrt(powerW / s.transmitPowerW()));
        }
        return new Scenario(s.name(), s.dimension(), s.carrierFrequencyHz(), s.speedOfLightMS(), s.propagation(),
                s.txArray(), s.rxArray(), powerW, s.architecture(), s.sensing(), s.users(), s.eavesdroppers(),
                s.targets(), s.sensingEavesdroppers(), p, s.solver());
    }

    /**
     * Changes the propagation model (phase and amplitude) keeping the reference point.
     *
     * @param s the scenario
     * @param phase the phase model
     * @param amplitude the amplitude model
     * @return the edited scenario
     */
    public static Scenario withPropagation(Scenario s, PhaseModel phase, AmplitudeModel amplitude) {
        return new Scenario(s.name(), s.dimension(), s.carrierFrequencyHz(), s.speedOfLightMS(),
                new Propagation(phase, amplitude, s.propagation().referenceM()), s.txArray(), s.rxArray(),
                s.transmitPowerW(), s.architecture(), s.sensing(), s.users(), s.eavesdroppers(), s.targets(),
                s.sensingEavesdroppers(), s.precoder(), s.solver());
    }

    /**
     * Changes the carrier frequency; the arrays keep their element positions (m).
     *
     * @param s the scenario
     * @param hz the new carrier frequency (Hz, > 0)
     * @return the edited scenario
     */
    public static Scenario withCarrierFrequency(Scenario s, double hz) {
        return new Scenario(s.name(), s.dimension(), hz, s.speedOfLightMS(), s.propagation(), s.txArray(), s.rxArray(),
                s.transmitPowerW(), s.architecture(), s.sensing(), s.users(), s.eavesdroppers(), s.targets(),
                s.sensingEavesdroppers(), s.precoder(), s.solver());
    }

    /**
     * Changes the radar parameters.
     *
     * @param s the scenario
     * @param sensing snapshots T and noise sigma^2
     * @return the edited scenario
     */
    public static Scenario withSensing(Scenario s, Sensing sensing) {
        return copy(s, s.users(), s.eavesdroppers(), s.targets(), s.precoder(), sensing);
    }

    private static String freshId(Scenario s, String prefix) {
        for (int i = 1;; i++) {
            String id = prefix + i;
            if (kindOf(s, id).isEmpty() && s.sensingEavesdroppers().stream().noneMatch(n -> n.id().equals(id))) {
                return id;
            }
        }
    }

    private static double typicalNoise(Scenario s) {
        if (!s.users().isEmpty()) {
            return s.users().get(0).noiseW();
        }
        if (!s.eavesdroppers().isEmpty()) {
            return s.eavesdroppers().get(0).noiseW();
        }
        return s.sensing() != null ? s.sensing().noiseW() : DEFAULT_NOISE_W;
    }

    private static Complex defaultReflection(Scenario s, Vec3 p) {
        double lambda = s.wavelengthM();
        if (s.propagation().amplitude() == AmplitudeModel.SPHERICAL) {
            return Complex.real(Math.sqrt(4 * Math.PI * DEFAULT_RCS_M2) / lambda);
        }
        double r = Math.max(p.distance(s.referencePoint()), lambda);
        return Complex.real(Math.sqrt(lambda * lambda * DEFAULT_RCS_M2 / (Math.pow(4 * Math.PI, 3) * Math.pow(r, 4))));
    }

    private static NodeKind require(Scenario s, String id) {
        return kindOf(s, id).orElseThrow(() -> new IllegalArgumentException("no user, eavesdropper or target has id "
                + id));
    }

    private static CommNode user(List<CommNode> list, String id) {
        return list.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private static Target target(Scenario s, String id) {
        return s.targets().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<CommNode> replace(List<CommNode> list, String id, UnaryOperator<CommNode> edit) {
        List<CommNode> out = new ArrayList<>(list);
        out.replaceAll(n -> n.id().equals(id) ? edit.apply(n) : n);
        return out;
    }

    private static List<Target> replaceTarget(List<Target> list, String id, UnaryOperator<Target> edit) {
        List<Target> out = new ArrayList<>(list);
        out.replaceAll(n -> n.id().equals(id) ? edit.apply(n) : n);
        return out;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static Scenario withUsers(Scenario s, List<CommNode> users) {
        return copy(s, users, s.eavesdroppers(), s.targets(), s.precoder(), s.sensing());
    }

    private static Scenario withEavesdroppers(Scenario s, List<CommNode> eves) {
        return copy(s, s.users(), eves, s.targets(), s.precoder(), s.sensing());
    }

    private static Scenario withTargets(Scenario s, List<Target> targets) {
        return copy(s, s.users(), s.eavesdroppers(), targets, s.precoder(), s.sensing());
    }

    private static Scenario copy(Scenario s, List<CommNode> users, List<CommNode> eves, List<Target> targets,
            Precoder precoder, Sensing sensing) {
        return new Scenario(s.name(), s.dimension(), s.carrierFrequencyHz(), s.speedOfLightMS(), s.propagation(),
                s.txArray(), s.rxArray(), s.transmitPowerW(), s.architecture(), sensing, users, eves, targets,
                s.sensingEavesdroppers(), precoder, s.solver());
    }
}
