package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import org.junit.jupiter.api.Test;

/** The {@code --plane} argument of {@code render}: axis-aligned planes and broadside:NODE. */
class PlaneArgumentTest {
    private final Scenario elaa = Presets.byFile("paper-004-elaa-crb-min-sdr.json");

    @Test
    void axisAlignedPlanesParseAsBefore() {
        PlaneArgument a = PlaneArgument.parse("x = 0.25");
        assertFalse(a.isBroadside());
        assertEquals(new Plane(Axis.X, 0.25), a.resolve(elaa));
        assertEquals("z=0", PlaneArgument.parse("z=0").toString());
    }

    @Test
    void broadsideNamesANodeAndIsTheWindowsBroadsidePlane() {
        PlaneArgument a = PlaneArgument.parse("broadside:t2");
        assertTrue(a.isBroadside());
        Plane p = a.resolve(elaa);
        assertEquals(SlicePlanes.broadside(elaa, "t2"), p);
        assertFalse(p.isAxisAligned());
        // through the array centre and the node, with the array normal in it
        Vec3 t2 = elaa.targets().get(1).positionM();
        assertEquals(0, p.distance(t2), 1e-12);
        assertEquals(0, p.distance(SlicePlanes.centre(elaa.txArray())), 1e-12);
        assertEquals(0, p.unitNormal().dot(new Vec3(0, 0, 1)), 1e-12);
        // the window names it back: the same plane, computed from the same positions
        assertEquals("broadside:t2", PlaneArgument.of(p, elaa));
        assertEquals("x=0.5", PlaneArgument.of(new Plane(Axis.X, 0.5), elaa));
        // once t2 has moved the old plane is no longer its broadside plane: no command-line form
        Scenario moved = ScenarioEdits.move(elaa, "t2", t2.plus(new Vec3(0.1, 0, 0)));
        assertNull(PlaneArgument.of(p, moved));
        assertNull(PlaneArgument.of(Plane.through(Vec3.ZERO, new Vec3(1, 1, 0), new Vec3(0, 0, 1), "tilted"), elaa));
    }

    @Test
    void badPlanesGetOneLineNamingTheOption() {
        for (String bad : new String[] {"broadside:", "broadside: ", "q=1", "x=abc", "", "broadside"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaneArgument.parse(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("--plane"), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("NaN"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlaneArgument.parse("broadside:nobody").resolve(elaa));
        assertEquals("--plane broadside:nobody: no user, eavesdropper or target \"nobody\" in the scenario",
                e.getMessage());
    }
}
