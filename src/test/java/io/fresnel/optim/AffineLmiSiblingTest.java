package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LMIs that share their coefficient matrices ({@link AffineLmi#sibling}) evaluated together give
 * the same barrier value, gradient and Hessian as each evaluated on its own.
 */
class AffineLmiSiblingTest {

    @Test
    void siblingsTogetherEqualTheSumOfTheirBarriers() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int m = 1 + rnd.nextInt(6);
            int n = 1 + rnd.nextInt(8);
            AffineLmi first = new AffineLmi(m);
            for (int v = 0; v < n; v++) {
                if (rnd.nextInt(4) == 0) {
                    continue; // a variable the LMIs do not depend on
                }
                for (int i = 0; i < m; i++) {
                    for (int j = i; j < m; j++) {
                        first.addCoefficient(v, i, j, rnd.nextGaussian());
                    }
                }
            }
            int count = 2 + rnd.nextInt(3);
            List<AffineLmi> group = new java.util.ArrayList<>();
            group.add(first);
            for (int k = 1; k < count; k++) {
                group.add(first.sibling());
            }
            // constants: a positive definite part (so M(0) > 0) plus a random symmetric part
            for (AffineLmi l : group) {
                for (int i = 0; i < m; i++) {
                    l.addConstant(i, i, 5 + m);
                    for (int j = i; j < m; j++) {
                        l.addConstant(i, j, 0.3 * rnd.nextGaussian());
                    }
                }
                assertTrue(l.sharesCoefficients(first));
            }
            double[] x = new double[n];
            for (int v = 0; v < n; v++) {
                x[v] = 0.05 * rnd.nextGaussian();
            }
            double[] g1 = new double[n];
            double[][] h1 = new double[n][n];
            double v1 = 0;
            for (AffineLmi l : group) {
                v1 += l.addBarrier(x, g1, h1);
            }
            double[] g2 = new double[n];
            double[][] h2 = new double[n][n];
            double v2 = AffineLmi.addBarriers(group, x, g2, h2);
            assertTrue(Double.isFinite(v1), "M(x) positive definite in trial " + trial);
            assertEquals(v1, v2, 1e-10 * (1 + Math.abs(v1)));
            for (int i = 0; i < n; i++) {
                assertEquals(g1[i], g2[i], 1e-10 * (1 + Math.abs(g1[i])), "gradient " + i);
                for (int j = 0; j <= i; j++) {
                    assertEquals(h1[i][j], h2[i][j], 1e-10 * (1 + Math.abs(h1[i][j])), "Hessian " + i + "," + j);
                }
            }
        }
    }

    @Test
    void aSiblingOutsideItsConeMakesTheGroupInfinite() {
        AffineLmi first = new AffineLmi(2);
        first.addCoefficient(0, 0, 0, 1);
        first.addConstant(0, 0, 1);
        first.addConstant(1, 1, 1);
        AffineLmi second = first.sibling();
        second.addConstant(0, 0, -2); // M(x) = diag(x - 1, 1): not positive definite at x = 0.5
        second.addConstant(1, 1, 1);
        double v = AffineLmi.addBarriers(List.of(first, second), new double[] {0.5}, new double[1], new double[1][1]);
        assertEquals(Double.POSITIVE_INFINITY, v);
    }
}
