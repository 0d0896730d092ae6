package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ScenarioEdits} on a small hand-built scenario, each edit checked against what it must
 * change and what it must keep (found by mutation testing: eavesdropper and target edits, the
 * default noise and reflection, and removals were not checked node by node).
 */
class ScenarioEditsByHandTest {
    private static final ArrayGeometry TX = new ExplicitArray(List.of(new Vec3(0, 0, 0), new Vec3(0, 0.01, 0)));
    private static final Propagation UNIT = new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, new Vec3(0, 0, 0));

    private static CommNode node(String id, Vec3 p, double noise) {
        return new CommNode(id, p, noise, Link.LINE_OF_SIGHT, null);
    }

    private static Target target(String id, Vec3 p) {
        return new Target(id, p, new Complex(0.01, 0), false, null, null, null);
    }

    /** Users u1, u2 (u1 has the private stream), eavesdroppers e1, e2, targets t1, t2; 2 W budget. */
    private static Scenario base(Propagation prop) {
        List<Stream> streams = List.of(new Stream(StreamRole.PRIVATE, "u1"), new Stream(StreamRole.SENSING, null));
        Precoder p = new Precoder(streams, ComplexMatrix.ofColumnMajor(2, 2, new double[] {0.3, 0.4, 0.1, 0.2},
                new double[] {0, 0.1, 0.2, 0}), null, null, null);
        return new Scenario("edits", 2, 3e9, 3e8, prop, TX, null, 2.0, null, new Sensing(10, 7e-9),
                List.of(node("u1", new Vec3(2, 1, 0), 1e-9), node("u2", new Vec3(2, -1, 0), 2e-9)),
                List.of(node("e1", new Vec3(3, 1, 0), 3e-9), node("e2", new Vec3(3, -1, 0), 4e-9)),
                List.of(target("t1", new Vec3(4, 1, 0)), target("t2", new Vec3(4, -1, 0))), List.of(), p, null);
    }

    @Test
    void movesReachEveryKindAndOnlyTheNamedNode() {
        Scenario s = base(UNIT);
        Scenario e = ScenarioEdits.move(s, "e2", new Vec3(5, 5, 0));
        assertEquals(new Vec3(5, 5, 0), ScenarioEdits.position(e, "e2"));
        assertEquals(new Vec3(3, 1, 0), ScenarioEdits.position(e, "e1"));
        Scenario t = ScenarioEdits.move(s, "t2", new Vec3(6, 0, 0));
        assertEquals(new Vec3(6, 0, 0), ScenarioEdits.position(t, "t2"));
        assertEquals(new Vec3(4, 1, 0), ScenarioEdits.position(t, "t1"));
        assertEquals(new Vec3(2, -1, 0), ScenarioEdits.position(t, "u2"));
    }

    @Test
    void replacingAnEavesdropperOrATargetKeepsItsPlace() {
        Scenario s = base(UNIT);
        CommNode quiet = node("e2", new Vec3(3, -2, 0), 9e-9);
        Scenario e = ScenarioEdits.replaceNode(s, "e2", quiet);
        assertEquals(List.of(s.eavesdroppers().get(0), quiet), e.eavesdroppers());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> ScenarioEdits.replaceNode(s, "t1", quiet));
        assertTrue(x.getMessage().contains("t1 is a target"), x.getMessage());
        Target bright = new Target("t2", new Vec3(4, -1, 0), new Complex(0.5, 0), false, null, null, null);
        Scenario t = ScenarioEdits.replaceTarget(s, "t2", bright);
        assertEquals(List.of(s.targets().get(0), bright), t.targets());
        x = assertThrows(IllegalArgumentException.class, () -> ScenarioEdits.replaceTarget(s, "u1", bright));
        assertTrue(x.getMessage().contains("u1 is not a target"), x.getMessage());
    }

    @Test
    void removalsTakeOnlyTheNamedNode() {
        Scenario s = base(UNIT);
        Scenario u = ScenarioEdits.remove(s, "u2");
        assertEquals(List.of(s.users().get(0)), u.users());
        assertNotNull(u.precoder(), "no stream names u2: the precoder stays");
        assertNull(ScenarioEdits.remove(s, "u1").precoder(), "u1's private stream goes with it");
        assertEquals(List.of(s.eavesdroppers().get(1)), ScenarioEdits.remove(s, "e1").eavesdroppers());
        assertEquals(List.of(s.targets().get(0)), ScenarioEdits.remove(s, "t2").targets());
    }

    @Test
    void thePowerBudgetScalesThePrecodersPower() {
        Scenario s = base(UNIT);
        double before = s.precoder().effective().frobeniusNorm2();
        // from 2 W to 8 W: the precoder's power is multiplied by 8 / 2 = 4
        Scenario eight = ScenarioEdits.withTransmitPower(s, 8.0);
        assertEquals(8.0, eight.transmitPowerW());
        assertEquals(4 * before, eight.precoder().effective().frobeniusNorm2(), 1e-12);
    }

    @Test
    void modelFrequencyAndSensingEditsChangeOnlyTheirField() {
        Scenario s = base(UNIT);
        Scenario p = ScenarioEdits.withPropagation(s, PhaseModel.FRESNEL, AmplitudeModel.SPHERICAL);
        assertEquals(new Propagation(PhaseModel.FRESNEL, AmplitudeModel.SPHERICAL, new Vec3(0, 0, 0)), p.propagation());
        assertEquals(s.users(), p.users());
        Scenario f = ScenarioEdits.withCarrierFrequency(s, 6e9);
        assertEquals(0.05, f.wavelengthM(), 1e-15);
        assertEquals(s.precoder(), f.precoder());
        Sensing radar = new Sensing(64, 1e-11);
        assertEquals(radar, ScenarioEdits.withSensing(s, radar).sensing());
    }

    @Test
    void addedNodesTakeTheNoiseOfTheFirstUserElseEavesdropperElseRadar() {
        Scenario s = base(UNIT);
        // ids u1, u2 exist: the next user is u3
        Scenario u = ScenarioEdits.add(s, NodeKind.USER, new Vec3(2, 2, 0));
        assertEquals("u3", u.users().get(2).id());
        assertEquals(1e-9, u.users().get(2).noiseW());
        Scenario noUsers = ScenarioEdits.remove(ScenarioEdits.remove(s, "u1"), "u2");
        assertEquals(3e-9, ScenarioEdits.add(noUsers, NodeKind.TARGET, new Vec3(5, 0, 0)).targets().get(2).noiseW());
        Scenario radarOnly = ScenarioEdits.remove(ScenarioEdits.remove(noUsers, "e1"), "e2");
        assertEquals(7e-9, ScenarioEdits.add(radarOnly, NodeKind.EAVESDROPPER, new Vec3(5, 0, 0)).eavesdroppers().get(0)
                .noiseW());
        Scenario bare = new Scenario("bare", 2, 3e9, 3e8, UNIT, TX, null, null, null, null, null, null, null, null, null,
                null);
        Scenario added = ScenarioEdits.add(bare, NodeKind.USER, new Vec3(1, 1, 0));
        assertEquals(ScenarioEdits.DEFAULT_NOISE_W, added.users().get(0).noiseW());
        assertEquals("u1", added.users().get(0).id());
    }

    @Test
    void freshIdsSkipTheIdsOfSensingEavesdroppers() {
        Scenario s = base(UNIT);
        ArrayGeometry seArray = new UniformLinearArray(2, 0.01, Axis.X, new Vec3(8, 8, 0), null);
        Scenario withSe = new Scenario(s.name(), 2, 3e9, 3e8, UNIT, TX, null, 1.0, null, s.sensing(), s.users(), List.of(),
                s.targets(), List.of(new SensingEavesdropper("e1", seArray, Complex.ONE, 1e-9, 10, "t1")), s.precoder(),
                null);
        Scenario e = ScenarioEdits.add(withSe, NodeKind.EAVESDROPPER, new Vec3(3, 3, 0));
        assertEquals("e2", e.eavesdroppers().get(0).id());
    }

    @Test
    void aFirstTargetGetsTheRadarEquationReflection() {
        Scenario noTargets = ScenarioEdits.remove(ScenarioEdits.remove(base(UNIT), "t1"), "t2");
        double lambda = 0.1;
        double sigma = ScenarioEdits.DEFAULT_RCS_M2;
        // unit amplitude, r = 5 m from the reference point (0, 0, 0): sqrt(lambda^2 sigma / ((4 pi)^3 r^4))
        Target t = ScenarioEdits.add(noTargets, NodeKind.TARGET, new Vec3(3, 4, 0)).targets().get(0);
        double expected = Math.sqrt(lambda * lambda * sigma / Math.pow(4 * Math.PI, 3)) / 25;
        assertEquals(expected, t.reflection().re(), 1e-15);
        assertEquals(0.0, t.reflection().im());
        // closer than a wavelength the range is clamped to lambda
        Target near = ScenarioEdits.add(noTargets, NodeKind.TARGET, new Vec3(0.03, 0.04, 0)).targets().get(0);
        assertEquals(Math.sqrt(lambda * lambda * sigma / Math.pow(4 * Math.PI, 3)) / (lambda * lambda),
                near.reflection().re(), 1e-12);
        // spherical amplitude: sqrt(4 pi sigma) / lambda, whatever the range
        Scenario spherical = ScenarioEdits.withPropagation(noTargets, PhaseModel.EXACT, AmplitudeModel.SPHERICAL);
        Target s = ScenarioEdits.add(spherical, NodeKind.TARGET, new Vec3(3, 4, 0)).targets().get(0);
        assertEquals(Math.sqrt(4 * Math.PI * sigma) / lambda, s.reflection().re(), 1e-12);
        // with a target present the new one copies the first target's reflection
        Target copy = ScenarioEdits.add(base(UNIT), NodeKind.TARGET, new Vec3(5, 0, 0)).targets().get(2);
        assertEquals(new Complex(0.01, 0), copy.reflection());
        assertEquals("t3", copy.id());
    }
}
