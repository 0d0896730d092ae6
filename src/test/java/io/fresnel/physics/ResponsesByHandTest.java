package io.fresnel.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.CommNode;
import io.fresnel.model.ExplicitArray;
import io.fresnel.model.Link;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scatterer;
import io.fresnel.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Array responses and channel rows against the formulas of SCENARIO.md section 1 written out by
 * hand for a three-element array in 3-D: v_n(p) = A_n exp(-j k D_n) with D_n exact, Fresnel or
 * far-field, A_n = 1 or lambda / (4 pi |p - t_n|), and c = g v(p) + sum_l g_l v(q_l).
 */
class ResponsesByHandTest {
    private static final double F = 3e9;
    private static final double C = 3e8;
    private static final double LAMBDA = C / F; // 0.1 m
    private static final double K = 2 * Math.PI / LAMBDA;
    /** Three elements off every coordinate plane, so that every coordinate enters every distance. */
    private static final List<Vec3> ELEMENTS = List.of(new Vec3(0.002, -0.05, 0.01), new Vec3(0, 0, 0),
            new Vec3(0.01, 0.07, -0.02));
    private static final Vec3 O = new Vec3(0.005, 0.01, 0.002);
    private static final Vec3 P = new Vec3(2, 1.5, 0.7);

    /** D_n by hand: the distance, or its Fresnel / far-field expansion about O. */
    private static double distance(PhaseModel model, Vec3 p, int n) {
        Vec3 q = p.minus(O);
        double r = q.norm();
        Vec3 u = q.times(1 / r);
        Vec3 s = ELEMENTS.get(n).minus(O);
        double us = u.dot(s);
        return switch (model) {
            case EXACT -> p.distance(ELEMENTS.get(n));
            case FRESNEL -> r - us + (s.dot(s) - us * us) / (2 * r);
            case FAR_FIELD -> r - us;
        };
    }

    /**
     * The per-point phase in cycles used by the render's point-by-point path: t_n = D_n / lambda for
     * every phase model, the distance |p - t_n| and the nearest one, at points on every side of O.
     */
    @Test
    void cyclesAndDistanceFollowTheFormulas() {
        Vec3[] points = {P, new Vec3(-1.2, 0.4, -0.9), new Vec3(0.3, -2.5, 1.1)};
        for (PhaseModel model : PhaseModel.values()) {
            ArrayResponse a = new ArrayResponse(ELEMENTS, O, LAMBDA, model, AmplitudeModel.UNIT);
            for (Vec3 p : points) {
                double[] cycles = new double[3];
                double[] dist = new double[3];
                double nearest = a.cyclesAndDistance(p.x(), p.y(), p.z(), cycles, dist);
                double min = Double.POSITIVE_INFINITY;
                for (int n = 0; n < 3; n++) {
                    double d = p.distance(ELEMENTS.get(n));
                    assertEquals(distance(model, p, n) / LAMBDA, cycles[n], 1e-12 * cycles[n], model + " t_" + n);
                    assertEquals(d, dist[n], 1e-15 * d, "|p - t_" + n + "|");
                    min = Math.min(min, d);
                }
                assertEquals(min, nearest, 1e-15 * min);
            }
        }
        double[] cycles = new double[3];
        new ArrayResponse(ELEMENTS, O, LAMBDA, PhaseModel.FRESNEL, AmplitudeModel.UNIT)
                .cyclesAndDistance(O.x(), O.y(), O.z(), cycles, new double[3]);
        assertTrue(Double.isNaN(cycles[0]) && Double.isNaN(cycles[2]), "no expansion about p = O");
    }

    @Test
    void phaseAndAmplitudeFollowEveryModel() {
        for (PhaseModel model : PhaseModel.values()) {
            for (AmplitudeModel amp : AmplitudeModel.values()) {
                ArrayResponse a = new ArrayResponse(ELEMENTS, O, LAMBDA, model, amp);
                double[] theta = new double[3];
                double[] ampOut = new double[3];
                double nearest = a.phaseAndAmplitude(P.x(), P.y(), P.z(), theta, ampOut);
                double[] re = new double[3];
                double[] im = new double[3];
                a.evaluate(P, true, re, im);
                double min = Double.POSITIVE_INFINITY;
                for (int n = 0; n < 3; n++) {
                    double dist = P.distance(ELEMENTS.get(n));
                    min = Math.min(min, dist);
                    double expectA = amp == AmplitudeModel.UNIT ? 1 : LAMBDA / (4 * Math.PI * dist);
                    String where = model + "/" + amp + " element " + n;
                    assertEquals(K * distance(model, P, n), theta[n], 1e-9, where);
                    assertEquals(expectA, ampOut[n], 1e-15, where);
                    assertEquals(expectA * Math.cos(theta[n]), re[n], 1e-9 * expectA, where);
                    assertEquals(-expectA * Math.sin(theta[n]), im[n], 1e-9 * expectA, where);
                }
                assertEquals(min, nearest, 1e-15, model + "/" + amp);
            }
        }
    }

    @Test
    void withoutTheCommonPhaseTheResponseLosesExpMinusJkr() {
        for (PhaseModel model : PhaseModel.values()) {
            ArrayResponse a = new ArrayResponse(ELEMENTS, O, LAMBDA, model, AmplitudeModel.UNIT);
            double[] re = new double[3];
            double[] im = new double[3];
            a.evaluate(P, false, re, im);
            double r = P.distance(O);
            for (int n = 0; n < 3; n++) {
                double th = K * (distance(model, P, n) - r);
                assertEquals(Math.cos(th), re[n], 1e-9, model + " " + n);
                assertEquals(-Math.sin(th), im[n], 1e-9, model + " " + n);
            }
        }
    }

    @Test
    void expansionsNeedAPointAwayFromTheReference() {
        double[] theta = new double[3];
        double[] amp = new double[3];
        ArrayResponse fresnel = new ArrayResponse(ELEMENTS, O, LAMBDA, PhaseModel.FRESNEL, AmplitudeModel.UNIT);
        fresnel.phaseAndAmplitude(O.x(), O.y(), O.z(), theta, amp);
        for (double t : theta) {
            assertTrue(Double.isNaN(t));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fresnel.evaluate(O, true, new double[3], new double[3]));
        assertTrue(e.getMessage().contains("fresnel phase model needs a point away"), e.getMessage());
        // the exact model is defined at the reference point, but not its gradient without the common phase
        ArrayResponse exact = new ArrayResponse(ELEMENTS, O, LAMBDA, PhaseModel.EXACT, AmplitudeModel.UNIT);
        double[] re = new double[3];
        double[] im = new double[3];
        exact.evaluate(O, true, re, im);
        assertEquals(Math.cos(K * O.distance(ELEMENTS.get(0))), re[0], 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> exact.evaluate(O, false, re, im, new double[3][3], new double[3][3]));
        assertThrows(IllegalArgumentException.class,
                () -> new ArrayResponse(ELEMENTS, O, 0.0, PhaseModel.EXACT, AmplitudeModel.UNIT));
        assertThrows(IllegalArgumentException.class,
                () -> new ArrayResponse(List.of(), O, LAMBDA, PhaseModel.EXACT, AmplitudeModel.UNIT));
    }

    private static Scenario scenario(AmplitudeModel amp, CommNode user) {
        return new Scenario("hand", 3, F, C, new Propagation(PhaseModel.EXACT, amp, O), new ExplicitArray(ELEMENTS),
                null, null, null, null, List.of(user), List.of(), List.of(), List.of(), null, null);
    }

    @Test
    void channelRowIsGainTimesResponsePlusScatterers() {
        Complex g = new Complex(2e-3, -1e-3);
        Vec3 q = new Vec3(1, -1, 0);
        Complex gl = new Complex(-5e-4, 7e-4);
        CommNode u = new CommNode("u", P, 1e-9, new Link(g, null, List.of(new Scatterer(q, gl))), null);
        ScenarioPhysics ph = new ScenarioPhysics(scenario(AmplitudeModel.UNIT, u));
        double[][] c = ph.channelRow(u);
        for (int n = 0; n < 3; n++) {
            double th = K * P.distance(ELEMENTS.get(n));
            double tl = K * q.distance(ELEMENTS.get(n));
            // g e^{-j th} + g_l e^{-j tl}
            double re = g.re() * Math.cos(th) + g.im() * Math.sin(th) + gl.re() * Math.cos(tl) + gl.im() * Math.sin(tl);
            double im = g.im() * Math.cos(th) - g.re() * Math.sin(th) + gl.im() * Math.cos(tl) - gl.re() * Math.sin(tl);
            assertEquals(re, c[0][n], 1e-12, "re " + n);
            assertEquals(im, c[1][n], 1e-12, "im " + n);
        }
    }

    @Test
    void defaultGainIsThePathLossOnlyWithUnitAmplitudes() {
        CommNode u = new CommNode("u", P, 1e-9, Link.LINE_OF_SIGHT, null);
        ScenarioPhysics unit = new ScenarioPhysics(scenario(AmplitudeModel.UNIT, u));
        double expected = LAMBDA / (4 * Math.PI * P.distance(O));
        assertEquals(expected, unit.defaultGain(P), 1e-15);
        double[][] c = unit.channelRow(u);
        double th = K * P.distance(ELEMENTS.get(2));
        assertEquals(expected * Math.cos(th), c[0][2], 1e-12);
        assertEquals(-expected * Math.sin(th), c[1][2], 1e-12);
        ScenarioPhysics spherical = new ScenarioPhysics(scenario(AmplitudeModel.SPHERICAL, u));
        assertEquals(1.0, spherical.defaultGain(P));
        double a2 = LAMBDA / (4 * Math.PI * P.distance(ELEMENTS.get(2)));
        assertEquals(a2 * Math.cos(th), spherical.channelRow(u)[0][2], 1e-12);
    }

    @Test
    void anExplicitChannelIsReturnedAsGiven() {
        List<Complex> ch = List.of(new Complex(1, 2), new Complex(-3, 4), new Complex(5, -6));
        CommNode u = new CommNode("u", P, 1e-9, new Link(null, ch, null), null);
        double[][] c = new ScenarioPhysics(scenario(AmplitudeModel.UNIT, u)).channelRow(u);
        assertArrayEquals(new double[] {1, -3, 5}, c[0]);
        assertArrayEquals(new double[] {2, 4, -6}, c[1]);
    }
}
