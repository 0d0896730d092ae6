package io.fresnel.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FastTrigTest {
    private static final double TOLERANCE = 1e-15;

    private static double[] arguments() {
        Random rnd = new Random(42);
        double[] x = new double[20000];
        for (int i = 0; i < x.length; i++) {
            double scale = Math.pow(10, -8 + 14.5 * rnd.nextDouble()); // 1e-8 .. 3e6 rad
            x[i] = (rnd.nextBoolean() ? 1 : -1) * scale * rnd.nextDouble();
        }
        // near multiples of pi/2, where the reduction matters most
        for (int i = 0; i < 2000; i++) {
            x[i] = (i - 1000) * 1000.5 * Math.PI / 2 + (rnd.nextDouble() - 0.5) * 1e-9;
        }
        return x;
    }

    @Test
    void sinAndCosAgreeWithMathOverAWideRange() {
        for (double x : arguments()) {
            assertEquals(Math.sin(x), FastTrig.sin(x), TOLERANCE, "sin " + x);
            assertEquals(Math.cos(x), FastTrig.cos(x), TOLERANCE, "cos " + x);
        }
    }

    @Test
    void theBatchAgreesWithMathOverAWideRange() {
        double[] x = arguments();
        double[] c = new double[x.length];
        double[] s = new double[x.length];
        FastTrig.sinCos(x, x.length, c, s, new double[x.length]);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.max(Math.abs(c[i] - Math.cos(x[i])), Math.abs(s[i] - Math.sin(x[i]))));
        }
        assertTrue(worst <= TOLERANCE, "worst error " + worst);
    }

    @Test
    void theBatchGivesTheScalarValuesInEveryQuadrant() {
        double[] x = arguments();
        double[] c = new double[x.length];
        double[] s = new double[x.length];
        FastTrig.sinCos(x, x.length, c, s, new double[x.length]);
        for (int i = 0; i < x.length; i++) {
            // equal as numbers (the batch may give +0 where the scalar gives -0)
            assertTrue(FastTrig.sin(x[i]) == s[i] && FastTrig.cos(x[i]) == c[i], "at " + x[i]);
        }
    }

    @Test
    void hugeArgumentsFallBackToMathAndNanPropagates() {
        double[] x = {1e9, 0.5, Double.NaN};
        double[] c = new double[3];
        double[] s = new double[3];
        FastTrig.sinCos(x, 2, c, s, new double[3]);
        assertEquals(Math.cos(1e9), c[0], 0);
        assertEquals(Math.sin(0.5), s[1], 0);
        assertEquals(Math.sin(1e9), FastTrig.sin(1e9), 0);
        FastTrig.sinCos(x, 3, c, s, new double[3]);
        assertTrue(Double.isNaN(c[2]) && Double.isNaN(s[2]));
        assertTrue(Double.isNaN(FastTrig.cos(Double.NaN)) && Double.isNaN(FastTrig.sin(Double.POSITIVE_INFINITY)));
    }

    @Test
    void exactQuadrantPointsHaveTheRightSigns() {
        assertEquals(1, FastTrig.sin(Math.PI / 2), 1e-16);
        assertEquals(-1, FastTrig.cos(Math.PI), 1e-16);
        assertEquals(-1, FastTrig.sin(-Math.PI / 2), 1e-16);
        assertEquals(0, FastTrig.sin(0), 0);
    }
}
