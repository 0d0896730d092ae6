package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The cross-field rules of {@link Scenario} (SCENARIO.md section 3), each provoked on its own
 * with the smallest scenario that breaks it, and each limit checked on both sides (found by
 * mutation testing: many rules had no test that breaks them).
 */
class ScenarioCrossFieldRulesTest {
    private static final Vec3 ORIGIN = new Vec3(0, 0, 0);
    /** Two elements on the y axis: (0, 0, 0) and (0, 0.01, 0). */
    private static final ArrayGeometry TX = new ExplicitArray(List.of(ORIGIN, new Vec3(0, 0.01, 0)));
    private static final Propagation EXACT_UNIT = new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, null);
    private static final Sensing SENSING = new Sensing(10, 1e-9);

    private static CommNode user(String id, Vec3 p) {
        return new CommNode(id, p, 1e-9, Link.LINE_OF_SIGHT, null);
    }

    private static Target target(String id, Vec3 p) {
        return new Target(id, p, Complex.ONE, false, null, null, null);
    }

    private static Scenario scenario(int dim, Propagation prop, ArrayGeometry tx, ArrayGeometry rx, List<CommNode> users,
            List<CommNode> eves, List<Target> targets, List<SensingEavesdropper> ses) {
        return new Scenario("rules", dim, 3e9, 3e8, prop, tx, rx, null, null, targets.isEmpty() ? null : SENSING, users,
                eves, targets, ses, null, null);
    }

    private static Scenario users(List<CommNode> users) {
        return scenario(2, EXACT_UNIT, TX, null, users, List.of(), List.of(), List.of());
    }

    private static void rejected(String fragment, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(fragment), x.getMessage());
    }

    @Test
    void theWavelengthLimitsAreInclusive() {
        Propagation p = new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, null);
        // c / f = 1 / 1e9 = 1e-9 m, the shortest wavelength; 1e9 / 1e3 = 1e6 m, the longest
        assertEquals(1e-9, new Scenario("w", 2, 1e9, 1, p, TX, null, null, null, null, null, null, null, null, null, null)
                .wavelengthM());
        assertEquals(1e6, new Scenario("w", 2, 1e3, 1e9, p, TX, null, null, null, null, null, null, null, null, null, null)
                .wavelengthM());
        rejected("carrier_frequency_hz: the wavelength", () -> new Scenario("w", 2, 1.000001e9, 1, p, TX, null, null, null,
                null, null, null, null, null, null, null));
    }

    @Test
    void nodeListsAreLimitedTo4096() {
        List<CommNode> many = new ArrayList<>();
        for (int i = 0; i < Scenario.MAX_NODES; i++) {
            many.add(user("u" + i, new Vec3(1 + i * 1e-3, 1, 0)));
        }
        assertEquals(Scenario.MAX_NODES, users(many).users().size());
        many.add(user("extra", new Vec3(-1, 1, 0)));
        rejected("users lists 4097 nodes", () -> users(many));
    }

    @Test
    void theReceiveArrayIsTheTransmitArrayUnlessGiven() {
        Scenario mono = users(List.of());
        assertSame(TX, mono.receiveArray());
        ArrayGeometry rx = new ExplicitArray(List.of(new Vec3(0, -0.5, 0)));
        assertSame(rx, scenario(2, EXACT_UNIT, TX, rx, List.of(), List.of(), List.of(), List.of()).receiveArray());
    }

    @Test
    void aTwoDimensionalScenarioHasEveryZExactlyZero() {
        ArrayGeometry raised = new ExplicitArray(List.of(ORIGIN, new Vec3(0, 0.01, 1e-3)));
        rejected("tx_array: element 1 has z = 0.001", () -> scenario(2, EXACT_UNIT, raised, null, List.of(), List.of(),
                List.of(), List.of()));
        rejected("rx_array: element 1 has z", () -> scenario(2, EXACT_UNIT, TX, raised, List.of(), List.of(), List.of(),
                List.of()));
        assertDoesNotThrow(() -> scenario(3, EXACT_UNIT, raised, raised, List.of(), List.of(), List.of(), List.of()));
        Propagation liftedReference = new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, new Vec3(0, 0, 1));
        rejected("propagation.reference_m: z must be exactly 0", () -> scenario(2, liftedReference, TX, null, List.of(),
                List.of(), List.of(), List.of()));
        rejected("eavesdroppers[0].position_m: z must be exactly 0", () -> scenario(2, EXACT_UNIT, TX, null, List.of(),
                List.of(user("e", new Vec3(1, 1, 1))), List.of(), List.of()));
        CommNode scattered = new CommNode("u", new Vec3(1, 1, 0), 1e-9,
                new Link(null, null, List.of(new Scatterer(new Vec3(2, 2, 1), Complex.ONE))), null);
        rejected("users[0].scatterers[0].position_m: z must be exactly 0", () -> users(List.of(scattered)));
    }

    @Test
    void idsAreUniqueAcrossEveryList() {
        rejected("eavesdroppers[0].id: \"a\" is already used by users[0]", () -> scenario(2, EXACT_UNIT, TX, null,
                List.of(user("a", new Vec3(1, 1, 0))), List.of(user("a", new Vec3(2, 1, 0))), List.of(), List.of()));
        ArrayGeometry seArray = new UniformLinearArray(2, 0.01, Axis.X, new Vec3(5, 5, 0), null);
        SensingEavesdropper se = new SensingEavesdropper("a", seArray, Complex.ONE, 1e-9, 10, "t");
        rejected("sensing_eavesdroppers[0].id: \"a\" is already used", () -> scenario(2, EXACT_UNIT, TX, null,
                List.of(user("a", new Vec3(1, 1, 0))), List.of(), List.of(target("t", new Vec3(3, 0, 0))), List.of(se)));
    }

    @Test
    void nodesKeepExactlyOneNanometreFromEveryElement() {
        // 1e-9 m from an element is allowed (the limit is strict); on the element is not
        assertDoesNotThrow(() -> users(List.of(user("u", new Vec3(1e-9, 0, 0)))));
        rejected("lies on transmit element 1", () -> users(List.of(user("u", new Vec3(0, 0.01, 0)))));
        ArrayGeometry rx = new ExplicitArray(List.of(new Vec3(0, -0.5, 0)));
        assertDoesNotThrow(() -> scenario(2, EXACT_UNIT, TX, rx, List.of(user("u", new Vec3(1e-9, -0.5, 0))), List.of(),
                List.of(), List.of()));
        rejected("lies on receive element 0", () -> scenario(2, EXACT_UNIT, TX, rx,
                List.of(user("u", new Vec3(0, -0.5, 0))), List.of(), List.of(), List.of()));
        rejected("eavesdroppers[0].position_m", () -> scenario(2, EXACT_UNIT, TX, null, List.of(),
                List.of(user("e", ORIGIN)), List.of(), List.of()));
        CommNode scattered = new CommNode("u", new Vec3(1, 1, 0), 1e-9,
                new Link(null, null, List.of(new Scatterer(new Vec3(0, 0.01, 0), Complex.ONE))), null);
        rejected("users[0].scatterers[0].position_m", () -> users(List.of(scattered)));
    }

    @Test
    void aNodeAtTheReferencePointIsRejectedOnlyWhereItsRangeIsNeeded() {
        Vec3 o = new Vec3(0, 0.005, 0); // the centroid of TX, on no element
        // exact phase and unit amplitude: the default gain lambda / (4 pi r) needs r > 0
        rejected("users[0].position_m: the node is at range 0", () -> users(List.of(user("u", o))));
        // an explicit gain, an explicit channel or spherical amplitudes need no range
        assertDoesNotThrow(() -> users(List.of(new CommNode("u", o, 1e-9, new Link(Complex.ONE, null, null), null))));
        assertDoesNotThrow(() -> users(List.of(new CommNode("u", o, 1e-9,
                new Link(null, List.of(Complex.ONE, Complex.ONE), null), null))));
        Propagation spherical = new Propagation(PhaseModel.EXACT, AmplitudeModel.SPHERICAL, null);
        assertDoesNotThrow(() -> scenario(2, spherical, TX, null, List.of(user("u", o)), List.of(), List.of(), List.of()));
        // the Fresnel phase needs the range whatever the gain
        Propagation fresnel = new Propagation(PhaseModel.FRESNEL, AmplitudeModel.SPHERICAL, null);
        rejected("at range 0", () -> scenario(2, fresnel, TX, null,
                List.of(new CommNode("u", o, 1e-9, new Link(Complex.ONE, null, null), null)), List.of(), List.of(), List.of()));
        // a target always needs its range
        rejected("targets[0].position_m: the node is at range 0", () -> scenario(2, spherical, TX, null, List.of(),
                List.of(), List.of(target("t", o)), List.of()));
        // a scatterer at the reference point: fine with the exact phase, not with an expansion
        CommNode scattered = new CommNode("u", new Vec3(1, 1, 0), 1e-9,
                new Link(Complex.ONE, null, List.of(new Scatterer(o, Complex.ONE))), null);
        assertDoesNotThrow(() -> users(List.of(scattered)));
        rejected("the scatterer is at range 0", () -> scenario(2, fresnel, TX, null, List.of(scattered), List.of(),
                List.of(), List.of()));
        rejected("users[0].channel has 1 entries, expected one per transmit element (2)", () -> users(List.of(
                new CommNode("u", new Vec3(1, 1, 0), 1e-9, new Link(null, List.of(Complex.ONE), null), null))));
    }

    @Test
    void scatterersPerNodeAreLimitedTo4096() {
        List<Scatterer> sc = new ArrayList<>();
        for (int i = 0; i < Scenario.MAX_NODES; i++) {
            sc.add(new Scatterer(new Vec3(2, i * 1e-3, 0), Complex.ONE));
        }
        assertDoesNotThrow(() -> users(List.of(new CommNode("u", new Vec3(1, 1, 0), 1e-9, new Link(null, null, sc), null))));
        sc.add(new Scatterer(new Vec3(3, 0, 0), Complex.ONE));
        rejected("users[0].scatterers lists more than 4096", () -> users(List.of(
                new CommNode("u", new Vec3(1, 1, 0), 1e-9, new Link(null, null, sc), null))));
    }

    @Test
    void priorsAreTwoDimensionalAndTheirCandidatesMissTheElements() {
        AnglePrior onElement = new AnglePrior(List.of(0.0, Math.PI / 2), List.of(0.5, 0.5), 0.01, 0.01);
        Propagation atOrigin = new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, ORIGIN);
        Target t = new Target("t", new Vec3(3, 0, 0), Complex.ONE, false, null, null, onElement);
        // candidate 1 lies at o + 0.01 (cos 90 deg, sin 90 deg) = (0, 0.01): transmit element 1
        rejected("targets[0].prior.angles_rad[1]", () -> scenario(2, atOrigin, TX, null, List.of(), List.of(), List.of(t),
                List.of()));
        AnglePrior clear = new AnglePrior(List.of(0.0), List.of(1.0), 0.01, 3);
        Target ok = new Target("t", new Vec3(3, 0, 0), Complex.ONE, false, null, null, clear);
        assertDoesNotThrow(() -> scenario(2, atOrigin, TX, null, List.of(), List.of(), List.of(ok), List.of()));
        rejected("targets[0].prior: a prior is only defined in a 2-D scenario", () -> scenario(3, atOrigin, TX, null,
                List.of(), List.of(), List.of(ok), List.of()));
    }

    @Test
    void sensingEavesdroppersAreCheckedAgainstTheirTarget() {
        // a 2-element array along x centred at the origin of a 3-D scene: centroid exactly (0, 0, 0)
        ArrayGeometry seArray = new UniformLinearArray(2, 0.01, Axis.X, new Vec3(0, 0, 0), null);
        ArrayGeometry tx = new ExplicitArray(List.of(new Vec3(10, 0, 0), new Vec3(10, 0.01, 0)));
        SensingEavesdropper se = new SensingEavesdropper("s", seArray, Complex.ONE, 1e-9, 10, "t");
        assertDoesNotThrow(() -> scenario(3, EXACT_UNIT, tx, null, List.of(), List.of(),
                List.of(target("t", new Vec3(1e-9, 0, 3))), List.of(se)));
        rejected("sensing_eavesdroppers[0].target: the target lies on the vertical axis", () -> scenario(3, EXACT_UNIT, tx,
                null, List.of(), List.of(), List.of(target("t", new Vec3(0, 0, 3))), List.of(se)));
        rejected("lies on transmit element 1", () -> scenario(3,
                EXACT_UNIT, tx, null, List.of(), List.of(), List.of(target("t", new Vec3(0.005, 0, 0))), List.of(se)));
        ArrayGeometry raised = new ExplicitArray(List.of(new Vec3(5, 5, 0), new Vec3(5, 5.01, 0.5)));
        SensingEavesdropper tilted = new SensingEavesdropper("s", raised, Complex.ONE, 1e-9, 10, "t");
        rejected("sensing_eavesdroppers[0].array: element 1 has z", () -> scenario(2, EXACT_UNIT, TX, null, List.of(),
                List.of(), List.of(target("t", new Vec3(3, 0, 0))), List.of(tilted)));
        rejected("sensing_eavesdroppers[0].target: \"t\" is not the id of a target", () -> scenario(3, EXACT_UNIT, tx,
                null, List.of(), List.of(), List.of(target("x", new Vec3(3, 3, 3))), List.of(se)));
    }

    private static Precoder hybrid(int n, int l, double[] faRe) {
        List<Stream> one = List.of(new Stream(StreamRole.SENSING, null));
        ComplexMatrix fa = ComplexMatrix.ofColumnMajor(n, l, faRe, new double[n * l]);
        ComplexMatrix fd = ComplexMatrix.ofColumnMajor(l, 1, Collections.nCopies(l, 1.0).stream()
                .mapToDouble(Double::doubleValue).toArray(), new double[l]);
        return new Precoder(one, null, fa, fd, null);
    }

    private static Scenario hybridScenario(ArrayGeometry tx, Architecture arch, Precoder p) {
        return new Scenario("hybrid", 2, 3e9, 3e8, EXACT_UNIT, tx, null, null, arch, null, null, null, null, null, p, null);
    }

    @Test
    void analogPrecodersFollowTheArchitecture() {
        ArrayGeometry four = new UniformLinearArray(4, 0.05, Axis.Y, ORIGIN, null);
        // partially connected, N = 4, L = 2: chain 0 drives antennas 0-1, chain 1 antennas 2-3
        double[] block = {1, 1, 0, 0, 0, 0, 1, 1};
        Architecture partial = new Architecture(ArchitectureKind.HYBRID_PARTIAL, 2);
        assertDoesNotThrow(() -> hybridScenario(four, partial, hybrid(4, 2, block)));
        // a defect on the last antenna, outside chain 0's block: F_A[0][3] must be 0
        double[] lastRow = {1, 1, 0, 0.5, 0, 0, 1, 1};
        rejected("precoder.F_A[0][3]: antenna 3 is not connected to RF chain 0", () -> hybridScenario(four, partial,
                hybrid(4, 2, lastRow)));
        double[] lastEntry = {1, 1, 0, 0, 0, 0, 1, 0.5};
        rejected("precoder.F_A[1][3]: analog phase shifter entries must have unit modulus", () -> hybridScenario(four,
                partial, hybrid(4, 2, lastEntry)));
        // fully connected: every entry unit modulus, and F_A's columns match rf_chains
        double[] full = {1, 1, 1, 1, 1, 1, 1, 1};
        Architecture fullArch = new Architecture(ArchitectureKind.HYBRID_FULL, 2);
        assertDoesNotThrow(() -> hybridScenario(four, fullArch, hybrid(4, 2, full)));
        rejected("precoder.F_A has 2 columns but architecture.rf_chains is 3", () -> hybridScenario(four,
                new Architecture(ArchitectureKind.HYBRID_FULL, 3), hybrid(4, 2, full)));
        // N = 5 does not split into 2 equal blocks
        ArrayGeometry five = new UniformLinearArray(5, 0.05, Axis.Y, ORIGIN, null);
        rejected("a partially connected array needs N (5) divisible by rf_chains (2)", () -> hybridScenario(five,
                partial, hybrid(5, 2, new double[10])));
    }

    /** n = 1024 elements and 4096 sensing streams: each receiver costs 2^22 multiply-adds. */
    @Test
    void theWorkLimitCountsEveryReceiverScattererAndEavesdropper() {
        int n = 1024;
        int streams = Precoder.MAX_STREAMS;
        ArrayGeometry tx = new UniformLinearArray(n, 1e-3, Axis.Y, ORIGIN, null);
        Precoder p = new Precoder(Collections.nCopies(streams, new Stream(StreamRole.SENSING, null)),
                ComplexMatrix.ofColumnMajor(n, streams, new double[n * streams], new double[n * streams]), null, null, null);
        List<CommNode> u512 = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            u512.add(user("u" + i, new Vec3(1 + i * 1e-3, 2, 0)));
        }
        // 512 x 4096 x 1024 = 2^31 exactly: at the limit, allowed
        assertDoesNotThrow(() -> new Scenario("w", 2, 3e9, 3e8, EXACT_UNIT, tx, null, null, null, null, u512, null, null,
                null, p, null));
        // 300 users (u0 with 2 scatterers), 200 eavesdroppers (e0 with 3), 13 targets of which 5 eavesdrop (t0 with 4):
        // receivers 300 + 200 + 13 + 2 + 3 + 4 = 522; work 522 x 4096 x 1024 + (200 + 5) x 300 x 4096
        List<CommNode> users = new ArrayList<>(u512.subList(0, 300));
        users.set(0, new CommNode("u0", new Vec3(1, 2, 0), 1e-9, new Link(null, null,
                Collections.nCopies(2, new Scatterer(new Vec3(-1, 1, 0), Complex.ONE))), null));
        List<CommNode> eves = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Link link = i == 0 ? new Link(null, null, Collections.nCopies(3, new Scatterer(new Vec3(-1, 2, 0), Complex.ONE)))
                    : Link.LINE_OF_SIGHT;
            eves.add(new CommNode("e" + i, new Vec3(1 + i * 1e-3, 3, 0), 1e-9, link, null));
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Link link = i == 0 ? new Link(null, null, Collections.nCopies(4, new Scatterer(new Vec3(-1, 3, 0), Complex.ONE)))
                    : null;
            targets.add(new Target("t" + i, new Vec3(1 + i * 1e-3, 4, 0), Complex.ONE, i < 5, i < 5 ? 1e-9 : null, link,
                    null));
        }
        long expected = 522L * streams * n + 205L * 300 * streams;
        rejected("needs about " + expected + " multiply-adds (522 receivers and scatterers, 205 eavesdroppers, 4096 streams,"
                + " 1024 elements)", () -> new Scenario("w", 2, 3e9, 3e8, EXACT_UNIT, tx, null, null, null, SENSING, users,
                eves, targets, null, p, null));
    }
}
