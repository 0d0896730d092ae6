package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.CommNode;
import io.fresnel.model.Link;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawTest {
    private final Scenario base = SweepScenarios.smallBase();

    private static Draw draw(int users) {
        return new DrawGenerator(11, Vec3.ZERO, List.of()).draw(0, 1, users);
    }

    @Test
    void usersArePlacedAndCopyTheBaseUsersInOrder() {
        Draw d = draw(4);
        Scenario s = d.applyTo(base);
        assertEquals(4, s.users().size());
        assertEquals(List.of("u1", "u2", "u3", "u4"), s.users().stream().map(CommNode::id).toList());
        for (int k = 0; k < 4; k++) {
            CommNode template = base.users().get(Math.min(k, 1));
            assertEquals(d.userPositionsM().get(k), s.users().get(k).positionM());
            assertEquals(template.noiseW(), s.users().get(k).noiseW());
            assertEquals(template.minRateBpsHz(), s.users().get(k).minRateBpsHz());
        }
        Scenario one = draw(1).applyTo(base);
        assertEquals(List.of("u1"), one.users().stream().map(CommNode::id).toList());
        assertEquals(d.userPositionsM().get(0), one.users().get(0).positionM());
    }

    @Test
    void newUserIdsAvoidTheIdsOfOtherNodes() {
        Target t = base.targets().get(0);
        Target renamed = new Target("u3", t.positionM(), t.reflection(), t.eavesdropper(), t.noiseW(), t.link(), null);
        Scenario s = draw(3).applyTo(base.withUsersAndTargets(base.users(), List.of(renamed)));
        assertEquals("u3_2", s.users().get(2).id());
    }

    @Test
    void theTargetKeepsItsRoleAndItsReflectionFollowsTheRoundTripPathLoss() {
        Draw d = draw(2);
        Scenario s = d.applyTo(base);
        Target before = base.targets().get(0);
        Target after = s.targets().get(0);
        assertEquals(d.targetPositionsM().get(0), after.positionM());
        assertEquals(before.id(), after.id());
        assertEquals(before.eavesdropper(), after.eavesdropper());
        assertEquals(before.noiseW(), after.noiseW());
        double ratio = before.positionM().norm() / after.positionM().norm();
        assertEquals(before.reflection().re() * ratio * ratio, after.reflection().re(), 1e-22);
        assertEquals(0, after.reflection().im());
        // the radar equation with a 1 m^2 cross-section, as in the base: lambda / ((4 pi)^1.5 r^2)
        double lambda = base.wavelengthM();
        double r = after.positionM().norm();
        assertEquals(lambda / (Math.pow(4 * Math.PI, 1.5) * r * r), after.reflection().abs(),
                1e-4 * after.reflection().abs());
        assertNull(s.precoder());
        assertEquals(base.solver(), s.solver());
    }

    @Test
    void theReflectionPhaseIsKept() {
        Target t = base.targets().get(0);
        Target rotated = new Target(t.id(), t.positionM(), new Complex(0, 2e-6), true, t.noiseW(), null, null);
        Target after = draw(2).applyTo(base.withUsersAndTargets(base.users(), List.of(rotated))).targets().get(0);
        assertEquals(0, after.reflection().re());
        assertTrue(after.reflection().im() > 0);
    }

    @Test
    void withSphericalAmplitudeTheReflectionIsKept() {
        Propagation p = base.propagation();
        Scenario spherical = base.withPropagation(new Propagation(p.phase(), AmplitudeModel.SPHERICAL,
                p.referenceM()));
        assertEquals(base.targets().get(0).reflection(), draw(2).applyTo(spherical).targets().get(0).reflection());
    }

    @Test
    void nodesWithAnExplicitLinkOrPriorAreRejected() {
        CommNode u = base.users().get(0);
        CommNode withGain = new CommNode(u.id(), u.positionM(), u.noiseW(), new Link(Complex.ONE, null, List.of()),
                null);
        Scenario s = base.withUsersAndTargets(List.of(withGain, base.users().get(1)), base.targets());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> draw(2).applyTo(s));
        assertTrue(e.getMessage().startsWith("users[0]") && e.getMessage().contains("line-of-sight"), e.getMessage());
    }

    @Test
    void countsThatDoNotFitAreRejected() {
        Draw noTarget = new Draw(0, List.of(), List.of(new Vec3(12, 3, 0)));
        assertThrows(IllegalArgumentException.class, () -> noTarget.applyTo(base));
        Scenario noUsers = base.withUsersAndTargets(List.of(), base.targets());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> draw(1).applyTo(noUsers));
        assertTrue(e.getMessage().contains("no user"), e.getMessage());
    }
}
