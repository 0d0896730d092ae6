package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.PhaseModel;
import io.fresnel.physics.ArrayResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfTurnTest {
    private static final double LAMBDA = 299_792_458 / 28e9;
    private static final Vec3 CENTRE = new Vec3(0.2, -0.1, 0);

    /** A side x side half-wavelength UPA in the plane z = 0 about {@link #CENTRE}, less {@code drop} elements. */
    private static ArrayResponse upa(int side, int drop, PhaseModel phase) {
        List<Vec3> el = new ArrayList<>();
        double d = LAMBDA / 2;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                el.add(new Vec3(CENTRE.x() + (i - (side - 1) / 2.0) * d, CENTRE.y() + (j - (side - 1) / 2.0) * d, 0));
            }
        }
        return new ArrayResponse(el.subList(drop, el.size()), CENTRE, LAMBDA, phase, AmplitudeModel.SPHERICAL);
    }

    private static double[][][] columns(int n, int streams) {
        Random rnd = new Random(3);
        double[][] re = new double[streams][n];
        double[][] im = new double[streams][n];
        for (int s = 0; s < streams; s++) {
            for (int i = 0; i < n; i++) {
                re[s][i] = rnd.nextGaussian();
                im[s][i] = rnd.nextGaussian();
            }
        }
        return new double[][][] {re, im};
    }

    /**
     * Rows of an oblique plane through the centre that contains the array normal (z): u along
     * (cos 50 deg, sin 50 deg, 0), v along z, the u-range symmetric, nu points a row.
     */
    private static double[][] symmetricRows(int nu, int rows, double extra) {
        Plane plane = Plane.through(CENTRE, new Vec3(Math.cos(0.87), Math.sin(0.87), 0), new Vec3(0, 0, 1), "b");
        GridSpec g = new GridSpec(plane, -0.4, 0.4, 0.05, 1.5, nu, rows);
        int m = g.size();
        double[][] p = new double[3][m + 1];
        for (int i = 0; i < m; i++) {
            Vec3 q = g.point(i % nu, i / nu);
            p[0][i] = q.x();
            p[1][i] = q.y();
            p[2][i] = q.z();
        }
        // one more point, off the grid, without an image
        p[0][m] = CENTRE.x() + extra;
        p[1][m] = CENTRE.y() + 0.03;
        p[2][m] = 0.7;
        return p;
    }

    @Test
    void aCentredUpaIsInvariantUnderTheHalfTurnAboutItsNormalAndAnIncompleteOneIsNot() {
        assertNotNull(HalfTurn.of(upa(8, 0, PhaseModel.EXACT), 2));
        assertNull(HalfTurn.of(upa(8, 1, PhaseModel.EXACT), 2), "one element less: no partner for its image");
        double[][] p = symmetricRows(40, 3, 0.011);
        int m = p[0].length;
        int[] partner = new int[m];
        HalfTurn turn = HalfTurn.of(upa(8, 0, PhaseModel.EXACT), 2);
        assertEquals(60, turn.pair(CENTRE.x(), CENTRE.y(), CENTRE.z(), p[0], p[1], p[2], 0, m, partner));
        assertEquals(39, partner[0], "u0 and u39 = -u0 in the first row");
        assertEquals(-1, partner[m - 1], "the extra point has no image");
        // a run that starts mid-row keeps the pairs it holds whole
        assertEquals(40, turn.pair(CENTRE.x(), CENTRE.y(), CENTRE.z(), p[0], p[1], p[2], 40, 80, partner));
        // the same rows moved 5 mm across: no point has its image in the run
        double[] shifted = p[0].clone();
        for (int i = 0; i < m; i++) {
            shifted[i] += 0.005;
        }
        assertEquals(0, turn.pair(CENTRE.x(), CENTRE.y(), CENTRE.z(), shifted, p[1], p[2], 0, m, partner));
        assertEquals(-1, partner[0]);
    }

    @Test
    void pairedRowsMatchThePointByPointSumsForEveryPhaseModel() {
        for (PhaseModel model : PhaseModel.values()) {
            ArrayResponse tx = upa(7, 0, model);
            double[][][] c = columns(49, 5);
            double[][] p = symmetricRows(60, 5, 0.02); // 301 points, one block after pairing
            int m = p[0].length;
            StreamPowers block = new StreamPowers(tx, c[0], c[1]);
            StreamPowers point = new StreamPowers(tx, c[0], c[1]);
            double[][] out = new double[5][m];
            double[] nearest = new double[m];
            block.powers(p[0], p[1], p[2], 0, m, out, nearest);
            double[] pw = new double[5];
            for (int i = 0; i < m; i++) {
                double near = point.powers(p[0][i], p[1][i], p[2][i], pw);
                assertEquals(near, nearest[i], 1e-15, model + " nearest at " + i);
                for (int s = 0; s < 5; s++) {
                    assertEquals(pw[s], out[s][i], 1e-11 * pw[s], model + " stream " + s + " at " + i);
                }
            }
        }
    }
}
