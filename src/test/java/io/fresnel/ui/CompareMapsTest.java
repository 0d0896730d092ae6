package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioReader;
import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plane and extent of the beamformer comparison's maps (no FX toolkit). */
class CompareMapsTest {

    private static List<Vec3> nodesAndArray(Scenario s) {
        List<Vec3> pts = new ArrayList<>(s.txArray().positions());
        s.users().forEach(n -> pts.add(n.positionM()));
        s.targets().forEach(n -> pts.add(n.positionM()));
        return pts;
    }

    private static void assertHolds(GridSpec g, List<Vec3> pts) {
        for (Vec3 p : pts) {
            double[] uv = g.plane().project(p);
            assertTrue(uv[0] > g.u0() && uv[0] < g.u1() && uv[1] > g.v0() && uv[1] < g.v1(),
                    p + " projects outside the maps: " + uv[0] + ", " + uv[1]);
        }
    }

    @Test
    void aThreeDimensionalSceneIsComparedOnTheSliceNeverOnTheArraysOwnPlane() throws Exception {
        Scenario s = ScenarioReader.read(GoldenFiles.goldenDir().resolve("public/p004_upa_two_targets.scenario.json"))
                .scenario();
        GridSpec byDefault = CompareMaps.gridFor(s);
        assertNotEquals(Plane.Z0, byDefault.plane(), "z = 0 is the UPA's own plane");
        assertEquals(SlicePlanes.defaultFor(s), byDefault.plane());
        assertHolds(byDefault, nodesAndArray(s));
        assertEquals(byDefault.u1() - byDefault.u0(), byDefault.v1() - byDefault.v0(), 1e-12, "square in metres");
        // the window's slice, whatever it is, oblique planes included
        Plane yz = new Plane(Axis.X, 0.02);
        assertEquals(yz, CompareMaps.gridFor(s, yz).plane());
        assertHolds(CompareMaps.gridFor(s, yz), nodesAndArray(s));
        Plane broadside = SlicePlanes.broadside(s, "t2");
        assertEquals(broadside, CompareMaps.gridFor(s, broadside).plane());
        assertHolds(CompareMaps.gridFor(s, broadside), nodesAndArray(s));
    }

    @Test
    void aTwoDimensionalSceneStaysOnZ0() {
        Scenario s = Presets.defaultScenario();
        GridSpec g = CompareMaps.gridFor(s, new Plane(Axis.X, 1));
        assertEquals(Plane.Z0, g.plane());
        assertHolds(g, nodesAndArray(s));
    }
}
