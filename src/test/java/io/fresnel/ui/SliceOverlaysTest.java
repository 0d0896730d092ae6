package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import io.fresnel.io.ScenarioReader;
import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Rayleigh hemisphere's cut on a slice of a 3-D scene (pure geometry, no FX toolkit). */
class SliceOverlaysTest {

    @Test
    void theRayleighCutIsTheHalfCircleOnTheArraysBroadsideSide() throws Exception {
        Scenario s = ScenarioReader.read(GoldenFiles.goldenDir().resolve("public/p004_upa_two_targets.scenario.json"))
                .scenario(); // an 8 x 8 UPA in z = 0 facing +z: R = 2 D^2 / lambda, about 0.69 m
        double r = SceneOverlays.rayleighDistanceM(s);
        Vec3 c = SlicePlanes.centre(s.txArray());
        Plane plane = new Plane(Axis.X, 0.3);
        List<double[]> arcs = SliceOverlays.rayleighCut(s, plane);
        assertFalse(arcs.isEmpty());
        double rho = Math.sqrt(r * r - 0.09);
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        int points = 0;
        for (double[] arc : arcs) {
            for (int i = 0; i < arc.length; i += 2) {
                Vec3 p = plane.point(arc[i], arc[i + 1]);
                assertEquals(r, p.distance(c), 1e-12 * r, "on the sphere");
                assertTrue(p.z() >= -1e-12, "on the broadside side: " + p);
                lowest = Math.min(lowest, p.z());
                highest = Math.max(highest, p.z());
                points++;
            }
        }
        assertEquals(rho, highest, 1e-3 * rho, "the top of the half circle");
        assertEquals(0, lowest, 0.02 * rho, "down to the array's plane");
        assertTrue(points > SliceOverlays.RAYLEIGH_SAMPLES / 3 && points < 2 * SliceOverlays.RAYLEIGH_SAMPLES / 3,
                "about half the circle: " + points);
        // a plane beyond the Rayleigh distance misses it; z = 0.2 cuts the whole circle
        assertTrue(SliceOverlays.rayleighCut(s, new Plane(Axis.X, 1.1 * r)).isEmpty());
        int whole = SliceOverlays.rayleighCut(s, new Plane(Axis.Z, 0.2)).stream().mapToInt(a -> a.length / 2).sum();
        assertEquals(SliceOverlays.RAYLEIGH_SAMPLES + 1, whole);
    }
}
