package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The SINR and secrecy layers evaluated a run of points at a time (the beampattern's block sums,
 * {@link ReceivedPowers}) give the values of the point-by-point form, NaN included.
 */
class RowKernelsTest {
    private static final String[][] MODELS = {
        {"exact", "unit"}, {"exact", "spherical"}, {"fresnel", "unit"}, {"fresnel", "spherical"},
        {"far-field", "unit"}, {"far-field", "spherical"}};

    /** A run of 300 points (more than one row chunk of small grids) over the scene, one on a tx element. */
    private static double[][] points(Scenario s) {
        int m = 300;
        double[][] p = new double[3][m];
        for (int i = 0; i < m; i++) {
            p[0][i] = 0.3 + 3.5 * ((i * 37) % m) / m;
            p[1][i] = -2.5 + 5.0 * i / m;
            p[2][i] = s.dimension() == 2 ? 0 : 0.5 + 2.0 * ((i * 11) % m) / m;
        }
        io.fresnel.math.Vec3 e = s.txArray().positions().get(2);
        p[0][17] = e.x();
        p[1][17] = e.y();
        p[2][17] = e.z();
        return p;
    }

    private static void assertRowsMatchPoints(Scenario s, Layer layer) {
        PointKernel kernel = LayerKernels.of(s, layer);
        double[][] p = points(s);
        int m = p[0].length;
        double[] rows = new double[m + 5];
        kernel.worker().valuesAt(p[0], p[1], p[2], 0, m, rows);
        PointKernel.Worker single = kernel.worker();
        int finite = 0;
        for (int i = 0; i < m; i++) {
            double expected = single.valueAt(p[0][i], p[1][i], p[2][i]);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(rows[i]), layer + " at " + i + ": " + rows[i] + " instead of NaN");
                continue;
            }
            finite++;
            assertEquals(expected, rows[i], 1e-11 * Math.max(1, Math.abs(expected)), layer + " at " + i);
        }
        assertTrue(Double.isNaN(rows[17]), layer + " on a transmit element must be NaN");
        assertTrue(finite > m - 5, layer + ": only " + finite + " finite values");
    }

    @Test
    void sinrRowsEqualTheSinrPointByPointForEveryModelSdmaAndRsma() {
        for (boolean rsma : new boolean[] {false, true}) {
            for (String[] model : MODELS) {
                assertRowsMatchPoints(RenderScenarios.planar(model[0], model[1], rsma, true, false), new Layer.Sinr("u2"));
            }
        }
        assertRowsMatchPoints(RenderScenarios.spatial("exact", "spherical"), new Layer.Sinr("u1"));
    }

    @Test
    void secrecyRowsEqualTheSecrecyPointByPoint() {
        for (boolean rsma : new boolean[] {false, true}) {
            for (String[] model : MODELS) {
                Scenario s = RenderScenarios.planar(model[0], model[1], rsma, true, true);
                assertRowsMatchPoints(s, new Layer.Secrecy("u1", null));
                assertRowsMatchPoints(s, new Layer.Secrecy("u2", "t1"));
            }
            assertRowsMatchPoints(RenderScenarios.planar("fresnel", "spherical", rsma, false, false),
                    new Layer.Secrecy("u1", null));
        }
        assertRowsMatchPoints(RenderScenarios.spatial("exact", "unit"), new Layer.Secrecy("u1", null));
    }
}
