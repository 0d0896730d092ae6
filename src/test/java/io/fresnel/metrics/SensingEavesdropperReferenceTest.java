package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.SensingEavesdropper;
import io.fresnel.model.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paper 002's sensing-eavesdropper bounds in the near field against the definitions: the
 * eavesdropper's response written out, its derivative along the horizontal circle about its
 * vertical axis by a fourth-order central difference, the projection off a(p) done here (a^H da is
 * far from zero for an eavesdropper array off to one side, unlike the centred far-field ULA of
 * {@code SensingEavesdropperBoundsTest}).
 */
class SensingEavesdropperReferenceTest {
    private static Scenario scenario(String columns) {
        return TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3e9,
             "propagation": {"phase": "exact", "amplitude": "spherical"},
             "tx_array": {"ula": {"elements": 4, "spacing_m": 0.05, "axis": "y", "center_m": [0, 0, 0]}},
             "sensing": {"snapshots": 10, "noise_w": 1},
             "targets": [{"id": "t1", "position_m": [3, -1, 0], "reflection": [0.5, 0]},
                         {"id": "t2", "position_m": [2, 1.5, 0], "reflection": [0.001, 0]}],
             "sensing_eavesdroppers": [{"id": "se", "array": {"ula": {"elements": 7, "spacing_m": 0.05, "axis": "x",
                 "center_m": [2.6, 2.1, 0]}}, "reflection": [0.002, 0.001], "noise_w": 1e-9, "snapshots": 20,
                 "target": "t2"}],
             "precoder": {"streams": [{"role": "sensing"}], "columns": [%s]}}
            """.formatted(columns));
    }

    private static final String COLUMN = "[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05]]";

    /** a_n(p) = lambda / (4 pi d_n) exp(-j k d_n) as {re, im}. */
    private static double[][] response(List<Vec3> elements, Vec3 p, double lambda) {
        double k = 2 * Math.PI / lambda;
        double[][] a = new double[2][elements.size()];
        for (int n = 0; n < elements.size(); n++) {
            double d = p.distance(elements.get(n));
            double amp = lambda / (4 * Math.PI * d);
            a[0][n] = amp * Math.cos(k * d);
            a[1][n] = -amp * Math.sin(k * d);
        }
        return a;
    }

    @Test
    void nearFieldBoundsOfTheEavesdropperOfTheSecondTargetMatchTheDefinitions() {
        Scenario sc = scenario(COLUMN);
        SensingEavesdropper eve = sc.sensingEavesdroppers().get(0);
        Target t = sc.targets().get(1);
        double lambda = sc.wavelengthM();
        List<Vec3> ee = eve.array().positions();
        Vec3 oe = eve.array().centroid();
        Vec3 p = t.positionM();
        double rho = Math.hypot(p.x() - oe.x(), p.y() - oe.y());
        double phi = Math.atan2(p.y() - oe.y(), p.x() - oe.x());
        double h = 1e-4;
        double[] coef = {1.0 / 12, -8.0 / 12, 8.0 / 12, -1.0 / 12};
        double[] offs = {-2, -1, 1, 2};
        double[][] da = new double[2][ee.size()];
        for (int i = 0; i < 4; i++) {
            double f = phi + offs[i] * h;
            double[][] a = response(ee, new Vec3(oe.x() + rho * Math.cos(f), oe.y() + rho * Math.sin(f), p.z()), lambda);
            for (int n = 0; n < ee.size(); n++) {
                da[0][n] += coef[i] * a[0][n] / h;
                da[1][n] += coef[i] * a[1][n] / h;
            }
        }
        double[][] a = response(ee, p, lambda);
        double a2 = 0;
        double d2 = 0;
        double ahdR = 0;
        double ahdI = 0;
        for (int n = 0; n < ee.size(); n++) {
            a2 += a[0][n] * a[0][n] + a[1][n] * a[1][n];
            d2 += da[0][n] * da[0][n] + da[1][n] * da[1][n];
            ahdR += a[0][n] * da[0][n] + a[1][n] * da[1][n];
            ahdI += a[0][n] * da[1][n] - a[1][n] * da[0][n];
        }
        double projection = (ahdR * ahdR + ahdI * ahdI) / a2;
        // the projection is a large part of ||da||^2 here: a mistake in it shows
        assertEquals(0.5, projection / d2, 0.49);
        double perp = d2 - projection;
        // w = P^T v(p_t) at the Tx array
        double[][] v = response(sc.txArray().positions(), p, lambda);
        ComplexMatrix pm = sc.precoder().effective();
        double wr = 0;
        double wi = 0;
        for (int n = 0; n < pm.rows(); n++) {
            wr += pm.re(n, 0) * v[0][n] - pm.im(n, 0) * v[1][n];
            wi += pm.re(n, 0) * v[1][n] + pm.im(n, 0) * v[0][n];
        }
        double w2 = wr * wr + wi * wi;
        double beta2 = 0.002 * 0.002 + 0.001 * 0.001;
        double strong = 1e-9 / (2 * 20 * beta2 * perp * w2);
        double weak = strong * (1 + 1e-9 / (beta2 * w2 * a2));
        SensingEavesdropperBounds.Result r = MetricsEvaluator.evaluate(sc).sensingEavesdroppers().get(0);
        assertEquals("se", r.id());
        assertEquals(strong, r.strongRad2(), 1e-7 * strong);
        assertEquals(weak, r.weakRad2(), 1e-7 * weak);
    }

    @Test
    void anUnlitTargetGivesNoBoundInsteadOfInfinity() {
        SensingEavesdropperBounds.Result r = MetricsEvaluator.evaluate(scenario("[[0, 0], [0, 0], [0, 0], [0, 0]]"))
                .sensingEavesdroppers().get(0);
        assertEquals("se", r.id());
        assertNull(r.strongRad2());
        assertNull(r.weakRad2());
    }
}
