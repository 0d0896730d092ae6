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

    @Test
    void cyclesAgreeWithMathOnTheExactlyReducedAngle() {
        Random rnd = new Random(7);
        int n = 20000;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, -9 + 15 * rnd.nextDouble()); // 1e-9 .. 1e6 cycles
            t[i] = (rnd.nextBoolean() ? 1 : -1) * scale * rnd.nextDouble();
        }
        for (int i = 0; i < 400; i++) {
            // near the quarter and half turns, where the doublings and the rounding meet
            t[i] = (i - 200) * 0.25 + (rnd.nextDouble() - 0.5) * 1e-12;
        }
        double[] c = new double[n];
        double[] s = new double[n];
        FastTrig.sinCosCycles(t, n, c, s);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * (t[i] - Math.rint(t[i])); // exact fraction, one rounding
            worst = Math.max(worst, Math.max(Math.abs(c[i] - Math.cos(a)), Math.abs(s[i] - Math.sin(a))));
        }
        assertTrue(worst <= 1e-15, "worst error " + worst);
        assertTrue(worst > 0, "a reduction that returned Math's values exactly would not test this code");
    }

    @Test
    void cyclesBeyondTheLimitFallBackToMathAndNanPropagates() {
        double[] t = {FastTrig.MAX_CYCLES * 4 + 0.5, 0.125, Double.NaN};
        double[] c = new double[3];
        double[] s = new double[3];
        FastTrig.sinCosCycles(t, 2, c, s);
        assertEquals(1.0, c[0], 0); // 2^52 + 0.5 rounds to an integer number of cycles
        assertEquals(Math.sqrt(0.5), s[1], 2e-16);
        FastTrig.sinCosCycles(t, 3, c, s);
        assertTrue(Double.isNaN(c[2]) && Double.isNaN(s[2]));
        double[] quarter = {0.25, 0.5, -0.25, 1};
        FastTrig.sinCosCycles(quarter, 4, c = new double[4], s = new double[4]);
        assertEquals(1, s[0], 1e-16);
        assertEquals(-1, c[1], 1e-16);
        assertEquals(-1, s[2], 1e-16);
        assertEquals(1, c[3], 0);
        assertEquals(0, s[3], 0);
    }

    @Test
    void expCyclesIsTheScaledConjugateOfTheCycleSinesAndCosines() {
        Random rnd = new Random(9);
        int n = 1000;
        double[] t = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 3000 * (rnd.nextDouble() - 0.5);
            d[i] = 0.01 + 5 * rnd.nextDouble();
        }
        double[] c = new double[n];
        double[] s = new double[n];
        FastTrig.sinCosCycles(t, n, c, s);
        double[] re = new double[n];
        double[] im = new double[n];
        FastTrig.expCycles(t, n, 0.25, d, re, im);
        double[] reUnit = new double[n];
        double[] imUnit = new double[n];
        FastTrig.expCycles(t, n, 1, null, reUnit, imUnit);
        for (int i = 0; i < n; i++) {
            double a = 0.25 / d[i];
            assertEquals(a * c[i], re[i], 1e-15 * a, "re at " + i);
            assertEquals(-a * s[i], im[i], 1e-15 * a, "im at " + i);
            assertEquals(c[i], reUnit[i], 0, "unit re at " + i);
            assertEquals(-s[i], imUnit[i], 0, "unit im at " + i);
        }
    }
}
