package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayScaleTest {
    private static Field field(Layer layer, double... v) {
        return new Field(new GridSpec(Plane.Z0, 0, 1, 0, 1, v.length, 1 + 1), layer, concat(v));
    }

    private static double[] concat(double[] v) {
        double[] out = new double[2 * v.length];
        System.arraycopy(v, 0, out, 0, v.length);
        System.arraycopy(v, 0, out, v.length, v.length);
        return out;
    }

    @Test
    void patternsAreInDbmAndDefaultToTheTop40Db() {
        DisplayScale s = DisplayScale.of(new Layer.Beampattern());
        assertEquals(30, s.toDisplay(1), 1e-12);
        assertEquals(1, s.toSi(30), 1e-12);
        assertArrayEquals(new double[] {-10, 30}, s.defaultRange(field(new Layer.Beampattern(), 1, 1e-9, 0, Double.NaN)),
                1e-12);
        assertEquals("Beampattern (dBm)", s.label());
    }

    @Test
    void sinrIsInDbSecrecyLinearAndPebLogMetres() {
        assertEquals(10, DisplayScale.of(new Layer.Sinr("u")).toDisplay(10), 1e-12);
        DisplayScale sec = DisplayScale.of(new Layer.Secrecy("u", null));
        assertArrayEquals(new double[] {0, 2.5}, sec.defaultRange(field(new Layer.Secrecy("u", null), 0.5, 2.5)), 0);
        DisplayScale peb = DisplayScale.of(new Layer.Peb("t"));
        assertEquals("PEB of t (m, log)", peb.label());
        assertEquals(-3, peb.toDisplay(1e-3), 1e-12);
        assertArrayEquals(new double[] {-3, 1}, peb.defaultRange(field(new Layer.Peb("t"), 1e-3, 1e2, Double.NaN)),
                1e-12);
        assertEquals("0.0010", peb.formatTick(-3, 1));
    }
}
