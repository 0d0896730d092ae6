package io.fresnel.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.Axis;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.UniformLinearArray;
import io.fresnel.model.UniformPlanarArray;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ArrayResponseTest {
    private static final double LAMBDA = 299_792_458.0 / 3.5e9;

    private static List<Vec3> upa() {
        return new UniformPlanarArray(4, 3, LAMBDA / 2, new Vec3(0.05, -0.1, 0.2)).positions();
    }

    private static double[][] eval(ArrayResponse r, Vec3 p, boolean common) {
        double[] re = new double[r.size()];
        double[] im = new double[r.size()];
        r.evaluate(p, common, re, im);
        return new double[][] {re, im};
    }

    static double maxGradientError(ArrayResponse r, Vec3 p, boolean common) {
        int n = r.size();
        double[] re = new double[n];
        double[] im = new double[n];
        double[][] dRe = new double[3][n];
        double[][] dIm = new double[3][n];
        r.evaluate(p, common, re, im, dRe, dIm);
        double worst = 0;
        double h = 1e-5;
        for (int c = 0; c < 3; c++) {
            Vec3 e = new Vec3(c == 0 ? h : 0, c == 1 ? h : 0, c == 2 ? h : 0);
            // fourth-order central difference
            double[][] p1 = eval(r, p.plus(e), common);
            double[][] m1 = eval(r, p.minus(e), common);
            double[][] p2 = eval(r, p.plus(e.times(2)), common);
            double[][] m2 = eval(r, p.minus(e.times(2)), common);
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale = Math.max(scale, Math.hypot(dRe[c][i], dIm[c][i]));
            }
            for (int i = 0; i < n; i++) {
                double fdRe = (8 * (p1[0][i] - m1[0][i]) - (p2[0][i] - m2[0][i])) / (12 * h);
                double fdIm = (8 * (p1[1][i] - m1[1][i]) - (p2[1][i] - m2[1][i])) / (12 * h);
                worst = Math.max(worst, Math.hypot(fdRe - dRe[c][i], fdIm - dIm[c][i]) / scale);
            }
        }
        return worst;
    }

    @ParameterizedTest
    @EnumSource(PhaseModel.class)
    void analyticGradientMatchesFiniteDifferencesForEveryModel(PhaseModel phase) {
        for (AmplitudeModel amp : AmplitudeModel.values()) {
            ArrayResponse r = new ArrayResponse(upa(), new Vec3(0.1, 0.05, 0.15), LAMBDA, phase, amp);
            for (Vec3 p : List.of(new Vec3(1.3, 0.7, -0.4), new Vec3(-0.6, 2.1, 0.9), new Vec3(0.4, -0.3, 1.8))) {
                for (boolean common : new boolean[] {true, false}) {
                    double err = maxGradientError(r, p, common);
                    assertTrue(err < 1e-7, phase + "/" + amp + " at " + p + " common=" + common + ": " + err);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PhaseModel.class)
    void removingTheCommonPhaseOnlyMultipliesByExpJkr(PhaseModel phase) {
        Vec3 o = new Vec3(0.1, 0.05, 0.15);
        ArrayResponse r = new ArrayResponse(upa(), o, LAMBDA, phase, AmplitudeModel.SPHERICAL);
        Vec3 p = new Vec3(3.3, -1.7, 0.4);
        double[][] full = eval(r, p, true);
        double[][] reduced = eval(r, p, false);
        double kr = r.wavenumber() * p.distance(o);
        for (int i = 0; i < r.size(); i++) {
            // full = reduced * exp(-j k r)
            double re = reduced[0][i] * Math.cos(kr) + reduced[1][i] * Math.sin(kr);
            double im = reduced[1][i] * Math.cos(kr) - reduced[0][i] * Math.sin(kr);
            assertEquals(full[0][i], re, 1e-12 * Math.abs(full[0][i]) + 1e-14);
            assertEquals(full[1][i], im, 1e-12 * Math.abs(full[1][i]) + 1e-14);
        }
    }

    /** Largest phase difference (rad) between two models' responses at p. */
    private static double phaseGap(ArrayResponse a, ArrayResponse b, Vec3 p) {
        double[][] x = eval(a, p, true);
        double[][] y = eval(b, p, true);
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = Math.atan2(x[1][i] * y[0][i] - x[0][i] * y[1][i], x[0][i] * y[0][i] + x[1][i] * y[1][i]);
            worst = Math.max(worst, Math.abs(d));
        }
        return worst;
    }

    @Test
    void fresnelTendsToExactAndFarFieldToFresnelAsTheRangeGrows() {
        List<Vec3> ula = new UniformLinearArray(16, LAMBDA / 2, Axis.Y, Vec3.ZERO, null).positions();
        ArrayResponse exact = new ArrayResponse(ula, Vec3.ZERO, LAMBDA, PhaseModel.EXACT, AmplitudeModel.UNIT);
        ArrayResponse fresnel = new ArrayResponse(ula, Vec3.ZERO, LAMBDA, PhaseModel.FRESNEL, AmplitudeModel.UNIT);
        ArrayResponse far = new ArrayResponse(ula, Vec3.ZERO, LAMBDA, PhaseModel.FAR_FIELD, AmplitudeModel.UNIT);
        Vec3 dir = new Vec3(Math.cos(0.4), Math.sin(0.4), 0);
        double prevFresnel = Double.POSITIVE_INFINITY;
        double prevFar = Double.POSITIVE_INFINITY;
        for (double r : new double[] {4, 8, 16, 32, 64, 128}) {
            double gapFresnel = phaseGap(exact, fresnel, dir.times(r));
            double gapFar = phaseGap(fresnel, far, dir.times(r));
            // the Fresnel error falls as 1/r^2, the far-field one as 1/r
            assertTrue(gapFresnel < prevFresnel / 3, "fresnel at " + r + ": " + gapFresnel);
            assertTrue(gapFar < prevFar / 1.9, "far-field at " + r + ": " + gapFar);
            prevFresnel = gapFresnel;
            prevFar = gapFar;
        }
        assertTrue(prevFresnel < 1e-3);
    }

    @Test
    void sphericalAmplitudeIsFreeSpaceLossPerElement() {
        List<Vec3> ula = new UniformLinearArray(5, 0.05, Axis.X, null, new Vec3(0, 0, 0)).positions();
        ArrayResponse r = new ArrayResponse(ula, Vec3.ZERO, LAMBDA, PhaseModel.EXACT, AmplitudeModel.SPHERICAL);
        Vec3 p = new Vec3(0.3, 2, 0);
        double[][] v = eval(r, p, true);
        for (int i = 0; i < 5; i++) {
            double d = p.distance(ula.get(i));
            assertEquals(LAMBDA / (4 * Math.PI * d), Math.hypot(v[0][i], v[1][i]), 1e-15);
            double phase = Math.atan2(v[1][i], v[0][i]);
            double expected = -2 * Math.PI / LAMBDA * d;
            assertEquals(0, Math.IEEEremainder(phase - expected, 2 * Math.PI), 1e-9);
        }
    }

    @Test
    void centredFarFieldUlaDerivativeNormMatchesPaper002Identity() {
        // paper 002: ||v'(theta)||^2 = pi^2 cos^2(theta) N (N^2 - 1) / 12 for lambda/2 spacing
        int n = 15;
        List<Vec3> ula = new UniformLinearArray(n, LAMBDA / 2, Axis.Y, Vec3.ZERO, null).positions();
        ArrayResponse r = new ArrayResponse(ula, Vec3.ZERO, LAMBDA, PhaseModel.FAR_FIELD, AmplitudeModel.UNIT);
        double theta = 0.37;
        double range = 40;
        Vec3 p = new Vec3(Math.cos(theta), Math.sin(theta), 0).times(range);
        double[] re = new double[n];
        double[] im = new double[n];
        double[][] dRe = new double[3][n];
        double[][] dIm = new double[3][n];
        r.evaluate(p, false, re, im, dRe, dIm);
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            double a = -p.y() * dRe[0][i] + p.x() * dRe[1][i];
            double b = -p.y() * dIm[0][i] + p.x() * dIm[1][i];
            norm2 += a * a + b * b;
        }
        double expected = Math.PI * Math.PI * Math.cos(theta) * Math.cos(theta) * n * (n * n - 1) / 12.0;
        assertEquals(expected, norm2, 1e-10 * expected);
    }
}
