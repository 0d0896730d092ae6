package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fresnel.math.Vec3;
import org.junit.jupiter.api.Test;

class GridSpecTest {
    @Test
    void pointsAreALinspaceWithExactEndpointsAndUFastestIndices() {
        GridSpec g = new GridSpec(Plane.Z0, -1, 2, 0, 0.3, 4, 3);
        assertEquals(new Vec3(-1, 0, 0), g.point(0, 0));
        assertEquals(new Vec3(2, 0.3, 0), g.point(3, 2));
        assertEquals(0.0, g.u(1), 1e-15);
        assertEquals(0.15, g.v(1), 1e-15);
        assertEquals(2 * 4 + 1, g.index(1, 2));
        assertEquals(12, g.size());
    }

    @Test
    void badGridsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GridSpec(Plane.Z0, 1, 1, 0, 1, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new GridSpec(Plane.Z0, 0, 1, 0, Double.NaN, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new GridSpec(Plane.Z0, 0, 1, 0, 1, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new GridSpec(Plane.Z0, 0, 1, 0, 1, 8000, 8000));
        assertThrows(IndexOutOfBoundsException.class, () -> new GridSpec(Plane.Z0, 0, 1, 0, 1, 2, 2).point(2, 0));
    }
}
