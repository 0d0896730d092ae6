package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fresnel.math.Vec3;
import org.junit.jupiter.api.Test;

class DragGeometryTest {
    @Test
    void aRayMeetsTheCameraFacingPlaneOnlyInFront() {
        Vec3 hit = DragGeometry.onPlane(new Vec3(0, 0, 10), new Vec3(0.1, 0.2, -1), new Vec3(5, 5, 2),
                new Vec3(0, 0, 1));
        assertEquals(new Vec3(0.8, 1.6, 2).distance(hit), 0, 1e-12);
        assertNull(DragGeometry.onPlane(new Vec3(0, 0, 10), new Vec3(0, 0, 1), Vec3.ZERO, new Vec3(0, 0, 1)));
        assertNull(DragGeometry.onPlane(Vec3.ZERO, new Vec3(1, 0, 0), Vec3.ZERO, new Vec3(0, 0, 1)));
    }

    @Test
    void alongAnAxisTheNodeGoesToTheLinePointNearestTheRay() {
        // the line x = 1, y = 2 (along z); a ray along -y at height 3 passing x = 1
        Vec3 p = DragGeometry.onLine(new Vec3(1, 10, 3), new Vec3(0, -1, 0), new Vec3(1, 2, 0), new Vec3(0, 0, 1));
        assertEquals(0, p.distance(new Vec3(1, 2, 3)), 1e-12);
        // skew: the ray misses the line; the nearest point still lies on the line
        Vec3 q = DragGeometry.onLine(new Vec3(4, 10, 5), new Vec3(0, -1, 0), new Vec3(1, 2, 0), new Vec3(0, 0, 1));
        assertEquals(0, q.distance(new Vec3(1, 2, 5)), 1e-12);
        assertNull(DragGeometry.onLine(Vec3.ZERO, new Vec3(0, 0, 2), new Vec3(1, 0, 0), new Vec3(0, 0, 1)));
    }
}
