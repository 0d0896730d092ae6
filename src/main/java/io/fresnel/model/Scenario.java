package io.fresnel.model;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete, validated near-field ISAC configuration (SCENARIO.md): arrays, propagation,
 * nodes, power, noise and optionally a precoder and a solver block. Everything is SI.
 *
 * <p>The constructor checks every cross-field rule of SCENARIO.md section 3 (unique ids,
 * references between nodes and streams, vector lengths, nodes on top of elements, z = 0 in
 * 2-D, ...) and throws an {@link IllegalArgumentException} whose message starts with the
 * path of the offending field, so an invalid scenario can never exist.
 *
 * @param name free-form title (may be null)
 * @param dimension 2 (everything in the plane z = 0) or 3
 * @param carrierFrequencyHz carrier frequency f (Hz, > 0)
 * @param speedOfLightMS propagation speed c (m/s, > 0)
 * @param propagation phase and amplitude models and the reference point
 * @param txArray transmit array (N elements)
 * @param rxArray receive array, or null when the transmit array also receives
 * @param transmitPowerW power budget (W, > 0), or null
 * @param architecture transmitter architecture
 * @param sensing radar parameters; required when there are targets
 * @param users users
 * @param eavesdroppers external eavesdroppers
 * @param targets sensing targets
 * @param sensingEavesdroppers sensing eavesdroppers
 * @param precoder the precoder, or null
 * @param solver the solver block, or null
 */
public record Scenario(String name, int dimension, double carrierFrequencyHz, double speedOfLightMS,
        Propagation propagation, ArrayGeometry txArray, ArrayGeometry rxArray, Double transmitPowerW,
        Architecture architecture, Sensing sensing, List<CommNode> users, List<CommNode> eavesdroppers,
        List<Target> targets, List<SensingEavesdropper> sensingEavesdroppers, Precoder precoder, SolverSpec solver) {

    /** The default speed of light (m/s). */
    public static final double SPEED_OF_LIGHT_M_S = 299_792_458.0;
    /** The scenario-file format tag. */
    public static final String FORMAT = "fresnel-scenario/1";
    /** Largest number of nodes in one list. */
    public static final int MAX_NODES = 4096;
    /** A node closer than this to an antenna element (m) is rejected. */
    public static final double MIN_ELEMENT_DISTANCE_M = 1e-9;
    /** Tolerance on |F_A entry| = 1. */
    public static final double UNIT_MODULUS_TOLERANCE = 1e-6;

    /** Validates every field and cross-field rule; see the class comment. */
    public Scenario {
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("dimension must be 2 or 3 (got " + dimension + ")");
        }
        Envelope.inRange("carrier_frequency_hz", carrierFrequencyHz, Envelope.MIN_FREQUENCY_HZ,
                Envelope.MAX_FREQUENCY_HZ);
        Envelope.inRange("speed_of_light_m_s", speedOfLightMS, Envelope.MIN_SPEED_M_S, Envelope.MAX_SPEED_M_S);
        double wavelength = speedOfLightMS / carrierFrequencyHz;
        if (!(wavelength >= Envelope.MIN_WAVELENGTH_M && wavelength <= Envelope.MAX_WAVELENGTH_M)) {
            throw new IllegalArgumentException("carrier_frequency_hz: the wavelength speed_of_light_m_s /"
                    + " carrier_frequency_hz = " + wavelength + " m must be in [" + Envelope.MIN_WAVELENGTH_M + ", "
                    + Envelope.MAX_WAVELENGTH_M + "] m");
        }
        Checks.required("propagation", propagation);
        Checks.required("tx_array", txArray);
        if (transmitPowerW != null) {
            Checks.positive("transmit_power_w", transmitPowerW);
            Envelope.inRange("transmit_power_w", transmitPowerW, 0, Envelope.MAX_POWER_W);
        }
        architecture = architecture == null ? Architecture.DIGITAL : architecture;
        users = copy("users", users);
        eavesdroppers = copy("eavesdroppers", eavesdroppers);
        targets = copy("targets", targets);
        sensingEavesdroppers = copy("sensing_eavesdroppers", sensingEavesdroppers);
        if (!targets.isEmpty() && sensing == null) {
            throw new IllegalArgumentException("sensing is required when targets exist");
        }
        new Validator(dimension, propagation, txArray, rxArray, architecture, users, eavesdroppers, targets,
                sensingEavesdroppers, precoder).run();
    }

    private static <T> List<T> copy(String field, List<T> list) {
        if (list == null) {
            return List.of();
        }
        if (list.size() > MAX_NODES) {
            throw new IllegalArgumentException(field + " lists " + list.size() + " nodes, more than the limit "
                    + MAX_NODES);
        }
        return List.copyOf(list);
    }

    /** @return the wavelength lambda = c / f (m) */
    public double wavelengthM() {
        return speedOfLightMS / carrierFrequencyHz;
    }

    /** @return the reference point o: the given one, or the transmit-array centroid (m) */
    public Vec3 referencePoint() {
        return propagation.referenceM() != null ? propagation.referenceM() : txArray.centroid();
    }

    /** @return the receive array (the transmit array when none is given) */
    public ArrayGeometry receiveArray() {
        return rxArray != null ? rxArray : txArray;
    }

    /** @return a copy with another precoder (null removes it) */
    public Scenario withPrecoder(Precoder p) {
        return new Scenario(name, dimension, carrierFrequencyHz, speedOfLightMS, propagation, txArray, rxArray,
                transmitPowerW, architecture, sensing, users, eavesdroppers, targets, sensingEavesdroppers, p, solver);
    }

    /**
     * @param s the new solver block, or null to remove it
     * @return a copy with another solver block; everything else unchanged
     */
    public Scenario withSolver(SolverSpec s) {
        return new Scenario(name, dimension, carrierFrequencyHz, speedOfLightMS, propagation, txArray, rxArray,
                transmitPowerW, architecture, sensing, users, eavesdroppers, targets, sensingEavesdroppers, precoder,
                s);
    }

    /**
     * A copy with another transmit array. The precoder is dropped (its rows would no longer
     * match the elements); everything else is unchanged and validated again.
     *
     * @param array the new transmit array (not null)
     * @return the copy
     * @throws IllegalArgumentException when a node now lies on an element (the message names it)
     */
    public Scenario withTxArray(ArrayGeometry array) {
        return new Scenario(name, dimension, carrierFrequencyHz, speedOfLightMS, propagation, array, rxArray,
                transmitPowerW, architecture, sensing, users, eavesdroppers, targets, sensingEavesdroppers, null,
                solver);
    }

    /**
     * @param p the new propagation models and reference point (not null)
     * @return a copy with another propagation block; everything else unchanged and validated again
     */
    public Scenario withPropagation(Propagation p) {
        return new Scenario(name, dimension, carrierFrequencyHz, speedOfLightMS, p, txArray, rxArray, transmitPowerW,
                architecture, sensing, users, eavesdroppers, targets, sensingEavesdroppers, precoder, solver);
    }

    /**
     * A copy with other users and targets (eavesdroppers and sensing eavesdroppers kept). The
     * precoder is dropped: its private streams name the old users.
     *
     * @param newUsers the users (not modified)
     * @param newTargets the targets (not modified)
     * @return the copy, validated again
     * @throws IllegalArgumentException when the nodes break a rule of SCENARIO.md section 3
     *     (duplicate id, node on an element, ...; the message names the field)
     */
    public Scenario withUsersAndTargets(List<CommNode> newUsers, List<Target> newTargets) {
        return new Scenario(name, dimension, carrierFrequencyHz, speedOfLightMS, propagation, txArray, rxArray,
                transmitPowerW, architecture, sensing, newUsers, eavesdroppers, newTargets, sensingEavesdroppers, null,
                solver);
    }

    /** Cross-field checks, kept apart from the record for readability. */
    private record Validator(int dimension, Propagation propagation, ArrayGeometry tx, ArrayGeometry rx,
            Architecture architecture, List<CommNode> users, List<CommNode> eavesdroppers, List<Target> targets,
            List<SensingEavesdropper> sensingEavesdroppers, Precoder precoder) {

        void run() {
            List<Vec3> txPos = tx.positions();
            List<Vec3> rxPos = rx != null ? rx.positions() : List.of();
            Vec3 o = propagation.referenceM() != null ? propagation.referenceM() : tx.centroid();
            if (dimension == 2) {
                planar("tx_array", txPos);
                planar("rx_array", rxPos);
                if (propagation.referenceM() != null && propagation.referenceM().z() != 0) {
                    throw new IllegalArgumentException("propagation.reference_m: z must be exactly 0 in a 2-D scenario");
                }
            }
            boolean rangeInPhase = propagation.phase() != PhaseModel.EXACT;
            Map<String, String> ids = new HashMap<>();
            int n = txPos.size();
            for (int i = 0; i < users.size(); i++) {
                CommNode u = users.get(i);
                node("users[" + i + "]", u.id(), u.positionM(), u.link(), ids, txPos, rxPos, o, n, rangeInPhase);
            }
            for (int i = 0; i < eavesdroppers.size(); i++) {
                CommNode e = eavesdroppers.get(i);
                node("eavesdroppers[" + i + "]", e.id(), e.positionM(), e.link(), ids, txPos, rxPos, o, n,
                        rangeInPhase);
            }
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                String path = "targets[" + i + "]";
                node(path, t.id(), t.positionM(), t.link(), ids, txPos, rxPos, o, n, true);
                if (t.prior() != null) {
                    prior(path + ".prior", t.prior(), txPos, rxPos, o);
                }
            }
            for (int i = 0; i < sensingEavesdroppers.size(); i++) {
                sensingEavesdropper("sensing_eavesdroppers[" + i + "]", sensingEavesdroppers.get(i), ids);
            }
            if (precoder != null) {
                precoder(n);
            }
            work(n);
        }

        /** Rejects a scenario whose evaluation would exceed {@link Envelope#MAX_WORK}. */
        private void work(int n) {
            long receivers = users.size() + eavesdroppers.size() + targets.size();
            for (CommNode u : users) {
                receivers += u.link().scatterers().size();
            }
            for (CommNode e : eavesdroppers) {
                receivers += e.link().scatterers().size();
            }
            for (Target t : targets) {
                receivers += t.link().scatterers().size();
            }
            long streams = precoder == null ? 1 : precoder.streams().size();
            long eaves = eavesdroppers.size() + targets.stream().filter(Target::eavesdropper).count();
            // the responses of every receiver to every stream, then each eavesdropper's SINR for each
            // user's stream against every other stream
            long work = Math.max(1, receivers) * streams * n + eaves * users.size() * streams;
            if (work > Envelope.MAX_WORK) {
                throw new IllegalArgumentException("users: evaluating this scenario needs about " + work
                        + " multiply-adds (" + receivers + " receivers and scatterers, " + eaves + " eavesdroppers, "
                        + streams + " streams, " + n + " elements), more than the limit " + Envelope.MAX_WORK);
            }
        }

        private void planar(String path, List<Vec3> positions) {
            for (int i = 0; i < positions.size(); i++) {
                if (positions.get(i).z() != 0) {
                    throw new IllegalArgumentException(path + ": element " + i + " has z = " + positions.get(i).z()
                            + "; every z must be exactly 0 in a 2-D scenario");
                }
            }
        }

        private void node(String path, String id, Vec3 p, Link link, Map<String, String> ids, List<Vec3> txPos,
                List<Vec3> rxPos, Vec3 o, int n, boolean rangeUsed) {
            uniqueId(path, id, ids);
            if (dimension == 2 && p.z() != 0) {
                throw new IllegalArgumentException(path + ".position_m: z must be exactly 0 in a 2-D scenario (got "
                        + p.z() + ")");
            }
            awayFromElements(path + ".position_m", p, txPos, rxPos);
            boolean defaultGain = link.channel() == null && link.gain() == null
                    && propagation.amplitude() == AmplitudeModel.UNIT;
            if ((rangeUsed || defaultGain) && p.distance(o) < MIN_ELEMENT_DISTANCE_M) {
                throw new IllegalArgumentException(path + ".position_m: the node is at range 0 from the reference point "
                        + o + ", where its range is needed");
            }
            if (link.channel() != null && link.channel().size() != n) {
                throw new IllegalArgumentException(path + ".channel has " + link.channel().size()
                        + " entries, expected one per transmit element (" + n + ")");
            }
            List<Scatterer> sc = link.scatterers();
            if (sc.size() > MAX_NODES) {
                throw new IllegalArgumentException(path + ".scatterers lists more than " + MAX_NODES + " scatterers");
            }
            for (int l = 0; l < sc.size(); l++) {
                String sp = path + ".scatterers[" + l + "].position_m";
                Vec3 q = sc.get(l).positionM();
                if (dimension == 2 && q.z() != 0) {
                    throw new IllegalArgumentException(sp + ": z must be exactly 0 in a 2-D scenario");
                }
                awayFromElements(sp, q, txPos, rxPos);
                if (propagation.phase() != PhaseModel.EXACT && q.distance(o) < MIN_ELEMENT_DISTANCE_M) {
                    throw new IllegalArgumentException(sp + ": the scatterer is at range 0 from the reference point");
                }
            }
        }

        private static void uniqueId(String path, String id, Map<String, String> ids) {
            String previous = ids.putIfAbsent(id, path);
            if (previous != null) {
                throw new IllegalArgumentException(path + ".id: \"" + id + "\" is already used by " + previous
                        + " (ids must be unique across all node lists)");
            }
        }

        private static void awayFromElements(String path, Vec3 p, List<Vec3> txPos, List<Vec3> rxPos) {
            for (int i = 0; i < txPos.size(); i++) {
                if (p.distance(txPos.get(i)) < MIN_ELEMENT_DISTANCE_M) {
                    throw new IllegalArgumentException(path + ": " + p + " lies on transmit element " + i);
                }
            }
            for (int i = 0; i < rxPos.size(); i++) {
                if (p.distance(rxPos.get(i)) < MIN_ELEMENT_DISTANCE_M) {
                    throw new IllegalArgumentException(path + ": " + p + " lies on receive element " + i);
                }
            }
        }

        private void prior(String path, AnglePrior prior, List<Vec3> txPos, List<Vec3> rxPos, Vec3 o) {
            if (dimension != 2) {
                throw new IllegalArgumentException(path + ": a prior is only defined in a 2-D scenario");
            }
            for (int k = 0; k < prior.anglesRad().size(); k++) {
                double th = prior.anglesRad().get(k);
                Vec3 p = o.plus(new Vec3(Math.cos(th), Math.sin(th), 0).times(prior.rangeM()));
                awayFromElements(path + ".angles_rad[" + k + "]", p, txPos, rxPos);
            }
        }

        private void sensingEavesdropper(String path, SensingEavesdropper se, Map<String, String> ids) {
            uniqueId(path, se.id(), ids);
            List<Vec3> pos = se.array().positions();
            if (dimension == 2) {
                planar(path + ".array", pos);
            }
            Target target = targets.stream().filter(t -> t.id().equals(se.targetId())).findFirst().orElseThrow(
                    () -> new IllegalArgumentException(path + ".target: \"" + se.targetId()
                            + "\" is not the id of a target"));
            Vec3 c = se.array().centroid();
            Vec3 d = target.positionM().minus(c);
            if (Math.hypot(d.x(), d.y()) < MIN_ELEMENT_DISTANCE_M) {
                throw new IllegalArgumentException(path + ".target: the target lies on the vertical axis through the"
                        + " eavesdropper's array centroid, where its angle is undefined");
            }
            awayFromElements(path + ".target", target.positionM(), pos, List.of());
        }

        private void precoder(int n) {
            ComplexMatrix rowsSource = precoder.isHybrid() ? precoder.analog() : precoder.columns();
            String field = precoder.isHybrid() ? "precoder.F_A" : "precoder.columns";
            if (rowsSource.rows() != n) {
                throw new IllegalArgumentException(field + ": each column has " + rowsSource.rows()
                        + " entries, expected one per transmit element (" + n + ")");
            }
            for (int i = 0; i < precoder.streams().size(); i++) {
                Stream s = precoder.streams().get(i);
                if (s.role() == StreamRole.PRIVATE && users.stream().noneMatch(u -> u.id().equals(s.userId()))) {
                    throw new IllegalArgumentException("precoder.streams[" + i + "].user: \"" + s.userId()
                            + "\" is not the id of a user");
                }
            }
            if (precoder.commonSecrecyShares() != null) {
                for (String id : precoder.commonSecrecyShares().keySet()) {
                    if (users.stream().noneMatch(u -> u.id().equals(id))) {
                        throw new IllegalArgumentException("precoder.common_secrecy_shares: \"" + id
                                + "\" is not the id of a user");
                    }
                }
            }
            if (precoder.isHybrid()) {
                analogStructure(precoder.analog(), n);
            }
        }

        private void analogStructure(ComplexMatrix fa, int n) {
            int l = fa.cols();
            if (architecture.kind() != ArchitectureKind.DIGITAL && architecture.rfChains() != l) {
                throw new IllegalArgumentException("precoder.F_A has " + l + " columns but architecture.rf_chains is "
                        + architecture.rfChains());
            }
            boolean partial = architecture.kind() == ArchitectureKind.HYBRID_PARTIAL;
            if (partial && n % l != 0) {
                throw new IllegalArgumentException("architecture: a partially connected array needs N (" + n
                        + ") divisible by rf_chains (" + l + ")");
            }
            int block = partial ? n / l : 0;
            for (int c = 0; c < l; c++) {
                for (int r = 0; r < n; r++) {
                    double mod = Math.hypot(fa.re(r, c), fa.im(r, c));
                    boolean connected = !partial || r / block == c;
                    if (connected && Math.abs(mod - 1) > UNIT_MODULUS_TOLERANCE) {
                        throw new IllegalArgumentException("precoder.F_A[" + c + "][" + r + "]: analog phase shifter"
                                + " entries must have unit modulus (got |a| = " + mod + ")");
                    }
                    if (!connected && mod != 0) {
                        throw new IllegalArgumentException("precoder.F_A[" + c + "][" + r + "]: antenna " + r
                                + " is not connected to RF chain " + c + " in a partially connected array; the entry"
                                + " must be 0");
                    }
                }
            }
        }
    }
}
