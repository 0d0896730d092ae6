package io.fresnel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.MetricsEvaluator;
import org.junit.jupiter.api.Test;

class ScenarioEditsTest {
    private final Scenario lecture = withMrt(Presets.defaultScenario());

    private static Scenario withMrt(Scenario s) {
        try {
            return s.withPrecoder(io.fresnel.design.Designs.byName("mrt").run(s, io.fresnel.design.DesignContext.none())
                    .precoder());
        } catch (io.fresnel.design.DesignException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void movingANodeChangesOnlyItsPosition() {
        Scenario moved = ScenarioEdits.move(lecture, "u1", new Vec3(7, 3, 0));
        assertEquals(new Vec3(7, 3, 0), ScenarioEdits.position(moved, "u1"));
        assertEquals(lecture.users().get(1), moved.users().get(1));
        assertEquals(lecture.precoder(), moved.precoder());
        assertEquals(ScenarioEdits.position(lecture, "t1"), ScenarioEdits.position(moved, "t1"));
    }

    @Test
    void aNodeOnAnAntennaIsRefusedWithTheReasonAndTheOriginalIsUnchanged() {
        Vec3 element = lecture.txArray().positions().get(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioEdits.move(lecture, "e1", element));
        assertTrue(e.getMessage().contains("element"), e.getMessage());
        assertEquals(new Vec3(9, -3, 0), ScenarioEdits.position(lecture, "e1"));
    }

    @Test
    void aPointOutOfThePlaneOfA2dScenarioIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioEdits.move(lecture, "u1", new Vec3(3, 1, 0.5)));
    }

    @Test
    void addedNodesGetFreshIdsAndEvaluate() {
        Scenario s = lecture;
        s = ScenarioEdits.add(s, NodeKind.USER, new Vec3(3, 3, 0));
        s = ScenarioEdits.add(s, NodeKind.EAVESDROPPER, new Vec3(3, -3, 0));
        s = ScenarioEdits.add(s, NodeKind.TARGET, new Vec3(8, 0, 0));
        assertEquals("u3", s.users().get(2).id());
        assertEquals("e2", s.eavesdroppers().get(1).id());
        assertEquals("t2", s.targets().get(1).id());
        var m = MetricsEvaluator.evaluate(s);
        assertNotNull(m.targets().get(1).illuminationW());
    }

    @Test
    void aTargetAddedToAScenarioWithoutTargetsGetsRadarParametersAndTheRadarEquationGain() {
        Scenario bare = ScenarioEdits.remove(lecture, "t1");
        Scenario s = ScenarioEdits.add(bare, NodeKind.TARGET, new Vec3(10, 0, 0));
        double lambda = s.wavelengthM();
        double expected = Math.sqrt(lambda * lambda / (Math.pow(4 * Math.PI, 3) * 1e4));
        assertEquals(expected, s.targets().get(0).reflection().abs(), expected * 1e-12);
        assertNotNull(s.sensing());
    }

    @Test
    void removingAUserWithAPrivateStreamDropsThePrecoder() {
        Scenario s = ScenarioEdits.remove(lecture, "u1");
        assertNull(s.precoder());
        assertEquals(1, s.users().size());
        Scenario e = ScenarioEdits.remove(lecture, "e1");
        assertEquals(lecture.precoder(), e.precoder());
    }

    @Test
    void unknownIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioEdits.move(lecture, "nobody", new Vec3(1, 1, 0)));
        assertThrows(IllegalArgumentException.class, () -> ScenarioEdits.remove(lecture, "nobody"));
    }

    @Test
    void changingThePowerBudgetKeepsThePrecodersShareOfIt() {
        Scenario s = ScenarioEdits.withTransmitPower(lecture, 0.25);
        double before = MetricsEvaluator.evaluate(lecture).system().transmitPowerW() / lecture.transmitPowerW();
        double after = MetricsEvaluator.evaluate(s).system().transmitPowerW() / 0.25;
        assertEquals(before, after, 1e-12);
    }

    @Test
    void editsThatChangeNothingReturnAnEqualScenario() {
        Scenario same = ScenarioEdits.move(lecture, "u1", ScenarioEdits.position(lecture, "u1"));
        assertEquals(lecture, same);
        assertSame(NodeKind.TARGET, ScenarioEdits.kindOf(lecture, "t1").orElseThrow());
    }
}
