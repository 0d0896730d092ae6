package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void screenAndWorldAreInverse() {
        Viewport v = new Viewport();
        v.resize(640, 480);
        v.fit(-3, 7, -2, 4);
        for (double x : new double[] {-3, 0, 2.5, 7}) {
            assertEquals(x, v.worldX(v.screenX(x)), 1e-12);
            assertEquals(x, v.worldY(v.screenY(x)), 1e-12);
        }
        assertTrue(v.screenY(1) < v.screenY(0), "world y grows upwards");
    }

    @Test
    void zoomKeepsThePointUnderThePointer() {
        Viewport v = new Viewport();
        v.resize(800, 600);
        double wx = v.worldX(123);
        double wy = v.worldY(456);
        v.zoomAt(7.5, 123, 456);
        assertEquals(wx, v.worldX(123), 1e-9);
        assertEquals(wy, v.worldY(456), 1e-9);
    }

    @Test
    void zoomReachesSingleElementsAndIsBounded() {
        Viewport v = new Viewport();
        v.resize(800, 600);
        v.fit(0, 0.005, 0, 0.005);
        assertTrue(v.scale() > 1e5, "half-wavelength at 28 GHz spans " + v.scale() * 0.005 + " px");
        v.zoomAt(1e12, 0, 0);
        assertEquals(Viewport.MAX_SCALE, v.scale());
    }

    @Test
    void panMovesTheWorldWithThePointer() {
        Viewport v = new Viewport();
        v.resize(800, 600);
        double before = v.worldX(100);
        v.pan(50, 0);
        assertEquals(before, v.worldX(150), 1e-12);
    }
}
