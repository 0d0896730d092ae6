package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrawGeneratorTest {
    private static final Vec3 O = Vec3.ZERO;

    @Test
    void theSameSeedAndIndexGiveTheSameDraw() {
        DrawGenerator a = new DrawGenerator(42, O, List.of());
        DrawGenerator b = new DrawGenerator(42, O, List.of());
        for (int i = 0; i < 20; i++) {
            assertEquals(a.draw(i, 1, 4), b.draw(i, 1, 4));
        }
        assertNotEquals(a.draw(0, 1, 4), a.draw(1, 1, 4));
        assertNotEquals(a.draw(0, 1, 4), new DrawGenerator(43, O, List.of()).draw(0, 1, 4));
    }

    @Test
    void drawSeedsDifferForNeighbouringSeedsAndIndices() {
        Set<Long> seeds = new HashSet<>();
        for (long s = 0; s < 10; s++) {
            for (int i = 0; i < 100; i++) {
                seeds.add(DrawGenerator.drawSeed(s, i));
            }
        }
        assertEquals(1000, seeds.size());
    }

    @Test
    void everyNodeLiesInThePaperRegionAboutTheOrigin() {
        for (Vec3 origin : List.of(O, new Vec3(0.3, -0.2, 0))) {
            DrawGenerator g = new DrawGenerator(7, origin, List.of());
            for (int i = 0; i < 200; i++) {
                Draw d = g.draw(i, 1, 6);
                assertEquals(i, d.index());
                assertEquals(1, d.targetPositionsM().size());
                assertEquals(6, d.userPositionsM().size());
                List<Vec3> all = new ArrayList<>(d.targetPositionsM());
                all.addAll(d.userPositionsM());
                for (Vec3 p : all) {
                    Vec3 v = p.minus(origin);
                    double r = v.norm();
                    double theta = Math.atan2(v.y(), v.x());
                    assertTrue(r >= 10 && r <= 20, "range " + r);
                    assertTrue(theta >= 0 && theta <= Math.PI / 2, "angle " + theta);
                    assertEquals(origin.z(), p.z());
                }
            }
        }
    }

    @Test
    void theRegionIsCoveredUniformlyInRangeAndAngle() {
        DrawGenerator g = new DrawGenerator(3, O, List.of());
        double rSum = 0;
        double thetaSum = 0;
        int n = 0;
        for (int i = 0; i < 2000; i++) {
            Vec3 p = g.draw(i, 1, 0).targetPositionsM().get(0);
            rSum += p.norm();
            thetaSum += Math.atan2(p.y(), p.x());
            n++;
        }
        // uniform means: 15 m (sd 2.9 m) and pi/4 (sd 0.45 rad); 5-sigma bounds of the sample mean
        assertEquals(15, rSum / n, 5 * 2.9 / Math.sqrt(n));
        assertEquals(Math.PI / 4, thetaSum / n, 5 * 0.45 / Math.sqrt(n));
    }

    @Test
    void userKDoesNotDependOnHowManyUsersAreDrawn() {
        DrawGenerator g = new DrawGenerator(1, O, List.of());
        for (int i = 0; i < 10; i++) {
            Draw six = g.draw(i, 1, 6);
            Draw two = g.draw(i, 1, 2);
            assertEquals(six.userPositionsM().subList(0, 2), two.userPositionsM());
            assertEquals(six.targetPositionsM(), two.targetPositionsM());
        }
    }

    @Test
    void aPositionOnAnElementIsDrawnAgain() {
        Vec3 first = new DrawGenerator(5, O, List.of()).draw(0, 1, 1).targetPositionsM().get(0);
        Vec3 nearby = first.plus(new Vec3(0, 0.5 * Scenario.MIN_ELEMENT_DISTANCE_M, 0));
        Draw d = new DrawGenerator(5, O, List.of(nearby)).draw(0, 1, 1);
        Vec3 redrawn = d.targetPositionsM().get(0);
        assertTrue(redrawn.distance(nearby) > 1e-3, "redrawn away from the element");
        double r = redrawn.norm();
        assertTrue(r >= 10 && r <= 20, "still in the region: " + r);
    }

    @Test
    void aRegionOnTheArrayIsReported() {
        DrawGenerator g = new DrawGenerator(1, O, List.of(new Vec3(1, 0, 0)), 1, 1, 0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.draw(0, 1, 0));
        assertTrue(e.getMessage().contains("away from the antenna elements"), e.getMessage());
    }

    @Test
    void badBoundsAndCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DrawGenerator(1, O, List.of(), 20, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DrawGenerator(1, O, List.of(), 10, 20, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new DrawGenerator(1, O, List.of(), 10, Double.POSITIVE_INFINITY, 0, 1));
        DrawGenerator g = new DrawGenerator(1, O, List.of());
        assertThrows(IllegalArgumentException.class, () -> g.draw(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> g.draw(0, -1, 1));
    }
}
