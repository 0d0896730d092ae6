package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link NormalEquations#factor}'s Cholesky with growing diagonal regularisation, on matrices whose
 * answers follow by hand: a diagonal M + delta I has the inverse diag(1 / (m_i + delta)), so the
 * regularisation a factor used is recovered from one solve, delta = 1 / x_i - m_i. It must be positive
 * when M is not definite, small against the largest diagonal entry (the scale of M, whatever its
 * position), and the factorisation must give up (empty) rather than shift a matrix that is indefinite by
 * a fraction of its own scale. The blocked factorisation used from 100 rows on solves like the plain one.
 */
class NormalEquationsRegularisationTest {

    private static Optional<NormalEquations> factorDiagonal(double... diag) {
        int n = diag.length;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            m.set(i, i, diag[i]);
        }
        return NormalEquations.factor(m, new double[0][], new BorderRows());
    }

    /** The regularisation delta seen through entry i: (m_i + delta) x_i = 1. */
    private static double regularisation(NormalEquations ne, int n, int i, double mi) {
        double[] x = new double[n];
        x[i] = 1;
        ne.solveNormal(x);
        return 1 / x[i] - mi;
    }

    @Test
    void definiteMatrixIsFactoredWithoutRegularisation() {
        Optional<NormalEquations> f = factorDiagonal(4, 0.25, 1e-6);
        assertTrue(f.isPresent());
        double[] x = {1, 1, 1};
        f.get().solveNormal(x);
        assertEquals(0.25, x[0], 1e-16);
        assertEquals(4, x[1], 1e-15);
        assertEquals(1e6, x[2], 1e-9);
    }

    @Test
    void singularMatrixIsShiftedByASmallPositiveRegularisation() {
        // diag(4, 0): no Cholesky factor; the shift must be positive and tiny against the scale 4
        Optional<NormalEquations> f = factorDiagonal(4, 0);
        assertTrue(f.isPresent(), "a positive semidefinite matrix is regularised, not rejected");
        double delta = regularisation(f.get(), 2, 1, 0);
        assertTrue(delta > 0 && delta <= 4e-8, "delta " + delta);
        // the same shift on the other entry: the factor is of M + delta I
        assertEquals(delta, regularisation(f.get(), 2, 0, 4), 1e-3);
    }

    @Test
    void regularisationIsRelativeToTheLargestDiagonalEntryWhereverItIs() {
        // negative pivot -1e-3 first, the scale 1e10 last: a shift of 1e-13 .. 1e-8 of the scale
        // (1e-3 .. 1e2) makes it definite; one scaled by the first entry (1e-16 .. 1e-4) never would
        Optional<NormalEquations> f = factorDiagonal(-1e-3, 1e10);
        assertTrue(f.isPresent(), "indefinite by 1e-13 of its scale: regularised");
        double delta = regularisation(f.get(), 2, 0, -1e-3);
        assertTrue(delta > 1e-3 && delta <= 1e2, "delta " + delta);
        // the large entry carries the same shift: its inverse is 1 / (1e10 + delta)
        assertEquals(delta, regularisation(f.get(), 2, 1, 1e10), 1e-3);
    }

    @Test
    void regularisationGrowsUntilTheMatrixIsDefinite() {
        // indefinite by 1e-9 of its scale 1: the first shifts (1e-13, 1e-11, 1e-9) do not suffice
        Optional<NormalEquations> f = factorDiagonal(1, -1e-9);
        assertTrue(f.isPresent(), "the shift grows until the matrix is definite");
        double delta = regularisation(f.get(), 2, 1, -1e-9);
        assertTrue(delta > 1e-9 && delta <= 1e-6, "delta " + delta);
    }

    @Test
    void matrixIndefiniteByAFractionOfItsScaleIsRejected() {
        // a shift large enough for diag(1, -0.5) would no longer be a small regularisation
        assertTrue(factorDiagonal(1, -0.5).isEmpty());
        assertTrue(factorDiagonal(1, Double.NaN).isEmpty(), "NaN diagonal");
        assertTrue(factorDiagonal(Double.POSITIVE_INFINITY, 1).isEmpty(), "infinite diagonal");
        // a NaN off the diagonal: the diagonal looks fine, but no shift makes a factor of it
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{2, Double.NaN}, {Double.NaN, 3}});
        assertTrue(NormalEquations.factor(m, new double[0][], new BorderRows()).isEmpty(), "NaN off the diagonal");
    }

    @Test
    void largeMatricesUseAFactorThatSolvesAsWell() {
        // 120 x 120 (the blocked factorisation): M = B B^T + I, M^-1 (M x) = x
        Random rnd = new Random(4);
        int n = 120;
        double[][] b = new double[n][n];
        for (double[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextGaussian() / Math.sqrt(n);
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i][k] * b[j][k];
                }
                m.set(i, j, s);
            }
        }
        Optional<NormalEquations> f = NormalEquations.factor(m, new double[0][], new BorderRows());
        assertTrue(f.isPresent());
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] mx = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mx[i] += m.get(i, j) * x[j];
            }
        }
        f.get().solveNormal(mx);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], mx[i], 1e-11, "entry " + i);
        }
    }
}
