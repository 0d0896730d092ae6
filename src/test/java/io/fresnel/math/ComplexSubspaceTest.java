package io.fresnel.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComplexSubspaceTest {
    private static double[] random(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @Test
    void theBasisIsOrthonormalAndSpansTheInputs() {
        Random r = new Random(7);
        int n = 9;
        double[] ar = random(r, n);
        double[] ai = random(r, n);
        double[] br = random(r, n);
        double[] bi = random(r, n);
        // c = (1 + 2j) a - 0.5j b = ar - 2 ai + 0.5 bi + j (2 ar + ai - 0.5 br) is dependent on a and b
        double[] cr = new double[n];
        double[] ci = new double[n];
        for (int i = 0; i < n; i++) {
            cr[i] = ar[i] - 2 * ai[i] + 0.5 * bi[i];
            ci[i] = 2 * ar[i] + ai[i] - 0.5 * br[i];
        }
        ComplexSubspace s = new ComplexSubspace(List.of(ar, br, cr), List.of(ai, bi, ci));
        assertEquals(2, s.dimension());
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                double[][] qj = s.basisVector(j);
                double[][] qk = s.basisVector(k);
                double[] d = CVec.dot(qj[0], qj[1], qk[0], qk[1]);
                assertEquals(j == k ? 1 : 0, d[0], 1e-13);
                assertEquals(0, d[1], 1e-13);
            }
        }
        double[][] y = s.coordinates(cr, ci);
        double[][] back = s.expand(y[0], y[1]);
        for (int i = 0; i < n; i++) {
            assertEquals(cr[i], back[0][i], 1e-12);
            assertEquals(ci[i], back[1][i], 1e-12);
        }
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ComplexSubspace(List.of(new double[3], new double[2]), List.of(new double[3], new double[2])));
    }
}
