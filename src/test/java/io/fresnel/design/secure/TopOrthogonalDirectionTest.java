package io.fresnel.design.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fresnel.math.HermitianEigen;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SecurePrecoders#topOrthogonalTo}: the top eigen-direction of Q restricted to the complement of y. */
class TopOrthogonalDirectionTest {

    @Test
    void theDirectionIsOrthogonalToYAndReachesTheLargestValueOfQThere() {
        Random rnd = new Random(7);
        int d = 5;
        for (int trial = 0; trial < 20; trial++) {
            double[][][] q = randomPsd(rnd, d);
            double[][] y = {new double[d], new double[d]};
            for (int i = 0; i < d; i++) {
                y[0][i] = rnd.nextGaussian();
                y[1][i] = rnd.nextGaussian();
            }
            double[][] v = SecurePrecoders.topOrthogonalTo(q, y);
            double yy = SecrecySdp.quad(identity(d), y);
            // |y^H v| = 0 and ||v|| = 1
            double dr = 0;
            double di = 0;
            for (int i = 0; i < d; i++) {
                dr += y[0][i] * v[0][i] + y[1][i] * v[1][i];
                di += y[0][i] * v[1][i] - y[1][i] * v[0][i];
            }
            assertEquals(0, Math.hypot(dr, di), 1e-12 * Math.sqrt(yy));
            assertEquals(1, SecrecySdp.quad(identity(d), v), 1e-12);
            // the reference: the largest eigenvalue of P Q P with P = I - y y^H / ||y||^2 formed explicitly
            double[][][] p = new double[2][d][d];
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    p[0][i][k] = (i == k ? 1 : 0) - (y[0][i] * y[0][k] + y[1][i] * y[1][k]) / yy;
                    p[1][i][k] = -(y[1][i] * y[0][k] - y[0][i] * y[1][k]) / yy;
                }
            }
            double[][][] pqp = times(times(p, q), p);
            double top = new HermitianEigen(pqp[0], pqp[1]).values()[0];
            assertEquals(top, SecrecySdp.quad(q, v), 1e-10 * top);
        }
    }

    @Test
    void aQThatOnlyYHearsHasNoDirection() {
        double[][] y = {{1, 0, 0}, {0, 0, 0}};
        double[][][] q = SecrecySdp.outer(y);
        assertNull(SecurePrecoders.topOrthogonalTo(q, y));
    }

    private static double[][][] randomPsd(Random rnd, int d) {
        double[][][] q = new double[2][d][d];
        for (int c = 0; c < 3; c++) {
            double[][] a = {new double[d], new double[d]};
            for (int i = 0; i < d; i++) {
                a[0][i] = rnd.nextGaussian();
                a[1][i] = rnd.nextGaussian();
            }
            SecrecySensingProblem.addOuter(q[0], q[1], 1, a);
        }
        return q;
    }

    private static double[][][] identity(int d) {
        double[][][] m = new double[2][d][d];
        for (int i = 0; i < d; i++) {
            m[0][i][i] = 1;
        }
        return m;
    }

    private static double[][][] times(double[][][] a, double[][][] b) {
        int d = a[0].length;
        double[][][] c = new double[2][d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < d; j++) {
                    c[0][i][k] += a[0][i][j] * b[0][j][k] - a[1][i][j] * b[1][j][k];
                    c[1][i][k] += a[0][i][j] * b[1][j][k] + a[1][i][j] * b[0][j][k];
                }
            }
        }
        return c;
    }
}
