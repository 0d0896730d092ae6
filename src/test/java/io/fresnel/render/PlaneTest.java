package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import org.junit.jupiter.api.Test;

class PlaneTest {
    @Test
    void inPlaneAxesFollowTheContract() {
        assertEquals(new Vec3(1, 2, 0), Plane.parse("z=0").point(1, 2));
        assertEquals(new Vec3(1, -2, 3), Plane.parse("y = -2").point(1, 3));
        assertEquals(new Vec3(1.5, 4, 5), Plane.parse("x=1.5").point(4, 5));
        assertEquals(Axis.Y, Plane.parse("x=0").uAxis());
        assertArrayEquals(new double[] {4, 5}, Plane.parse("x=1.5").project(new Vec3(9, 4, 5)));
        assertEquals(7.5, Plane.parse("x=1.5").distance(new Vec3(9, 4, 5)));
        assertEquals("z=0", Plane.Z0.toString());
    }

    @Test
    void malformedPlanesAreRefused() {
        for (String bad : new String[] {"z", "w=1", "z=abc", "zz=1", "z=NaN"}) {
            assertThrows(IllegalArgumentException.class, () -> Plane.parse(bad), bad);
        }
    }
}
