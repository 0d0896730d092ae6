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

    @Test
    void anObliquePlaneIsOrthonormalAndRoundTrips() {
        Plane p = Plane.through(new Vec3(1, 2, 3), new Vec3(2, 2, 0), new Vec3(1, 0, 5), "tilted");
        assertEquals(1, p.uDirection().norm(), 1e-15);
        assertEquals(1, p.vDirection().norm(), 1e-15);
        assertEquals(0, p.uDirection().dot(p.vDirection()), 1e-15);
        Vec3 q = p.point(0.7, -1.3);
        assertArrayEquals(new double[] {0.7, -1.3}, p.project(q), 1e-12);
        assertEquals(0, p.distance(q), 1e-12);
        assertEquals(2.5, p.distance(q.plus(p.unitNormal().times(2.5))), 1e-12);
        assertEquals("tilted", p.toString());
        assertEquals("u", p.uLabel());
        assertThrows(IllegalStateException.class, p::uAxis);
        assertThrows(IllegalArgumentException.class,
                () -> Plane.through(Vec3.ZERO, new Vec3(1, 0, 0), new Vec3(2, 0, 0), "flat"));
    }
}
