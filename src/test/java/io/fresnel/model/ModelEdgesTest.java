package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Limits of the model met exactly (range 0 at exactly 1 nm from the reference point, the RSMA
 * shares' tolerance), the hybrid precoder's size message, removing a target that a sensing
 * eavesdropper listens to, and the node kinds' labels.
 */
class ModelEdgesTest {
    private static final ArrayGeometry TX = new ExplicitArray(List.of(new Vec3(0, 0, 0), new Vec3(0, 0.01, 0)));
    /** A reference point on no element; (1e-9, 0.5, 0) is exactly 1 nm from it. */
    private static final Vec3 O = new Vec3(0, 0.5, 0);
    private static final Vec3 ONE_NM = new Vec3(1e-9, 0.5, 0);

    private static Scenario users(Propagation prop, List<CommNode> users) {
        return new Scenario("edges", 2, 3e9, 3e8, prop, TX, null, null, null, null, users, null, null, null, null, null);
    }

    @Test
    void aNodeExactlyOneNanometreFromTheReferencePointHasARange() {
        assertEquals(1e-9, ONE_NM.distance(O));
        Propagation unit = new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, O);
        // the default gain needs the range: 1 nm is enough, less is not
        assertDoesNotThrow(() -> users(unit, List.of(new CommNode("u", ONE_NM, 1e-9, Link.LINE_OF_SIGHT, null))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> users(unit,
                List.of(new CommNode("u", new Vec3(5e-10, 0.5, 0), 1e-9, Link.LINE_OF_SIGHT, null))));
        assertTrue(e.getMessage().contains("users[0].position_m: the node is at range 0"), e.getMessage());
        // a scatterer of an expanded phase model likewise
        Propagation fresnel = new Propagation(PhaseModel.FRESNEL, AmplitudeModel.SPHERICAL, O);
        assertDoesNotThrow(() -> users(fresnel, List.of(new CommNode("u", new Vec3(1, 1, 0), 1e-9,
                new Link(Complex.ONE, null, List.of(new Scatterer(ONE_NM, Complex.ONE))), null))));
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> users(fresnel, List.of(
                new CommNode("u", new Vec3(1, 1, 0), 1e-9, new Link(Complex.ONE, null,
                        List.of(new Scatterer(new Vec3(5e-10, 0.5, 0), Complex.ONE))), null))));
        assertTrue(s.getMessage().contains("the scatterer is at range 0"), s.getMessage());
    }

    @Test
    void commonSecrecySharesMaySumToOnePlusTheirTolerance() {
        List<Stream> streams = List.of(new Stream(StreamRole.COMMON, null), new Stream(StreamRole.PRIVATE, "u1"));
        ComplexMatrix p = ComplexMatrix.ofColumnMajor(2, 2, new double[] {1, 0, 0, 1}, new double[4]);
        assertDoesNotThrow(() -> new Precoder(streams, p, null, null, Map.of("u1", 1 + 1e-12)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Precoder(streams, p, null, null, Map.of("u1", Math.nextUp(1 + 1e-12))));
        assertTrue(e.getMessage().startsWith("common_secrecy_shares must sum to at most 1"), e.getMessage());
    }

    @Test
    void anOversizedHybridPrecoderNamesItsAnalogPart() {
        // F_A of 1025 rows and one RF chain, 4096 streams: 1025 x 4096 > 2^22 entries
        int rows = 1025;
        int streams = Precoder.MAX_STREAMS;
        ComplexMatrix fa = ComplexMatrix.ofColumnMajor(rows, 1, new double[rows], new double[rows]);
        ComplexMatrix fd = ComplexMatrix.ofColumnMajor(1, streams, new double[streams], new double[streams]);
        List<Stream> sensing = java.util.Collections.nCopies(streams, new Stream(StreamRole.SENSING, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Precoder(sensing, null, fa, fd, null));
        assertEquals("F_A: the effective precoder has " + rows + " x " + streams + " entries, more than the limit "
                + Envelope.MAX_PRECODER_ENTRIES, e.getMessage());
    }

    @Test
    void aTargetASensingEavesdropperListensToCannotBeRemoved() {
        Target t = new Target("t1", new Vec3(3, 1, 0), Complex.ONE, false, null, null, null);
        Target other = new Target("t2", new Vec3(3, -1, 0), Complex.ONE, false, null, null, null);
        SensingEavesdropper se = new SensingEavesdropper("se1",
                new UniformLinearArray(3, 0.05, Axis.Y, new Vec3(2, 3, 0), null), Complex.ONE, 1e-9, 10, "t1");
        Scenario s = new Scenario("se", 2, 3e9, 3e8, new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, null), TX,
                null, null, null, new Sensing(10, 1e-9), null, null, List.of(t, other), List.of(se), null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioEdits.remove(s, "t1"));
        assertEquals("target t1 is listened to by sensing eavesdropper se1; remove that first", e.getMessage());
        // the other target goes
        assertEquals(List.of("t1"), ScenarioEdits.remove(s, "t2").targets().stream().map(Target::id).toList());
    }

    @Test
    void nodeKindsHaveLowerCaseLabelsAndIdPrefixes() {
        assertEquals("user", NodeKind.USER.label());
        assertEquals("eavesdropper", NodeKind.EAVESDROPPER.label());
        assertEquals("target", NodeKind.TARGET.label());
        assertEquals("u", NodeKind.USER.idPrefix());
        assertEquals("e", NodeKind.EAVESDROPPER.idPrefix());
        assertEquals("t", NodeKind.TARGET.idPrefix());
    }
}
