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

class MirrorFoldTest {
    private static final double LAMBDA = 299_792_458 / 28e9;

    /** A side x side half-wavelength UPA in the plane z = 0, centred at (0.2, -0.1, 0). */
    private static ArrayResponse upa(int side, PhaseModel phase) {
        List<Vec3> el = new ArrayList<>();
        double d = LAMBDA / 2;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                el.add(new Vec3(0.2 + (i - (side - 1) / 2.0) * d, -0.1 + (j - (side - 1) / 2.0) * d, 0));
            }
        }
        return new ArrayResponse(el, new Vec3(0.2, -0.1, 0), LAMBDA, phase, AmplitudeModel.SPHERICAL);
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

    @Test
    void aPlaneThroughTheCentreOfAUpaHalvesTheElementsAndAnOffCentrePlaneFoldsNothing() {
        ArrayResponse tx = upa(8, PhaseModel.EXACT);
        double[][][] p = columns(64, 3);
        MirrorFold fold = MirrorFold.of(tx, p[0], p[1], 0, 0.0);
        assertNotNull(fold);
        assertEquals(32, fold.kept().length);
        // folded coefficients are the pair sums: their total equals the original total
        for (int s = 0; s < 3; s++) {
            double a = 0;
            double b = 0;
            for (int i = 0; i < 64; i++) {
                a += p[0][s][i];
            }
            for (double v : fold.re()[s]) {
                b += v;
            }
            assertEquals(a, b, 1e-12);
        }
        assertNull(MirrorFold.of(tx, p[0], p[1], 0, 0.013));
        // the array's own plane (z = 0): every element lies on it, none has a partner
        assertNull(MirrorFold.of(tx, p[0], p[1], 2, 0.0));
    }

    @Test
    void rowsOnAMirrorPlaneMatchThePointByPointSumsForEveryPhaseModel() {
        for (PhaseModel model : PhaseModel.values()) {
            ArrayResponse tx = upa(7, model);
            double[][][] p = columns(49, 5);
            int m = 300; // more than one block
            double[] xs = new double[m];
            double[] ys = new double[m];
            double[] zs = new double[m];
            for (int i = 0; i < m; i++) {
                xs[i] = -0.1 + 0.6 * i / m;
                ys[i] = -0.1; // the plane y = y of the centre
                zs[i] = 0.05 + 1.5 * ((i * 37) % m) / m;
            }
            StreamPowers block = new StreamPowers(tx, p[0], p[1]);
            StreamPowers point = new StreamPowers(tx, p[0], p[1]);
            double[][] out = new double[5][m];
            double[] nearest = new double[m];
            block.powers(xs, ys, zs, 0, m, out, nearest);
            double[] pw = new double[5];
            for (int i = 0; i < m; i++) {
                double near = point.powers(xs[i], ys[i], zs[i], pw);
                assertEquals(near, nearest[i], 0, model + " nearest at " + i);
                for (int s = 0; s < 5; s++) {
                    assertEquals(pw[s], out[s][i], 1e-11 * pw[s], model + " stream " + s + " at " + i);
                }
            }
        }
    }
}
