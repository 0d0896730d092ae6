package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import org.junit.jupiter.api.Test;

class SlicePlanesTest {
    private final Scenario elaa = Presets.byFile("paper-004-elaa-crb-min-sdr.json");

    @Test
    void aTwoDimensionalScenarioIsShownOnZ0() {
        assertEquals(Plane.Z0, SlicePlanes.defaultFor(Presets.defaultScenario()));
    }

    @Test
    void theDefault3dPlanePassesThroughTheFirstTargetAndIsNotTheArraysPlane() {
        Plane p = SlicePlanes.defaultFor(elaa);
        assertEquals(Axis.Z, SlicePlanes.planarNormal(elaa.txArray()));
        assertTrue(p.normal() != Axis.Z);
        assertEquals(0, p.distance(elaa.targets().get(0).positionM()), 1e-12);
        assertEquals(SlicePlanes.paperYz(elaa), p, "the paper's targets lie at x = 0: the y-z plane of eq. (50)");
    }

    @Test
    void beside3dLineArrayTheDefaultPlaneRunsAlongItsAxis() throws Exception {
        Scenario ula = io.fresnel.io.ScenarioReader.read(io.fresnel.GoldenFiles.goldenDir()
                .resolve("public/p3d_rsma_ula_upa.scenario.json")).scenario(); // ULA along x, t1 at (0.2, -0.1, 0.6)
        Plane p = SlicePlanes.defaultFor(ula);
        assertEquals(new Plane(Axis.Y, -0.1), p, "along the array's axis x, through t1 (x = 0.2 cut it across)");
        assertEquals(0, p.distance(ula.targets().get(0).positionM()), 1e-12);
    }

    @Test
    void theBroadsidePlaneHoldsTheArrayCentreTheNodeAndTheNormal() {
        Scenario moved = ScenarioEdits.move(elaa, "t2", new Vec3(0.4, 0.3, 1.2));
        Plane b = SlicePlanes.broadside(moved, "t2");
        assertFalse(b.isAxisAligned());
        Vec3 c = moved.txArray().centroid();
        assertEquals(0, b.distance(c), 1e-12);
        assertEquals(0, b.distance(new Vec3(0.4, 0.3, 1.2)), 1e-12);
        assertEquals(0, b.distance(c.plus(new Vec3(0, 0, 5))), 1e-12);
        double[] uv = b.project(new Vec3(0.4, 0.3, 1.2));
        assertEquals(0.5, uv[0], 1e-12);
        assertEquals(1.2, uv[1], 1e-12);
        // a target straight above the centre: the plane of the long axis (y-z for a square UPA)
        Plane above = SlicePlanes.broadside(elaa, "t1");
        assertEquals(0, above.distance(new Vec3(0, 3, 1)), 1e-12);
    }

    @Test
    void theExtentHoldsEveryNodeProjection() {
        Plane p = SlicePlanes.defaultFor(elaa);
        double[] e = SlicePlanes.extent(elaa, p);
        for (var t : elaa.targets()) {
            double[] uv = p.project(t.positionM());
            assertTrue(uv[0] > e[0] && uv[0] < e[1] && uv[1] > e[2] && uv[1] < e[3]);
        }
    }
}
