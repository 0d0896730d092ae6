package io.fresnel.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Small dense real symmetric matrix kernels (eigenvalues, inverse) on double[][]. */
public final class SymmetricMatrices {
    private SymmetricMatrices() {
    }

    /**
     * Eigenvalues of a real symmetric matrix, ascending.
     *
     * @param a symmetric n x n; not modified
     * @return the n eigenvalues, ascending
     */
    public static double[] eigenvalues(double[][] a) {
        int n = a.length;
        // scale the largest entry to [1, 2) (and symmetrise): badly scaled but finite data must converge
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        if (!Double.isFinite(scale)) {
            throw new ArithmeticException("symmetric eigen-decomposition of a matrix with non-finite entries");
        }
        double[] out = new double[n];
        if (scale == 0) {
            return out;
        }
        scale = Math.scalb(1.0, Math.getExponent(scale));  // a power of two: the scaling is exact
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, 0.5 * (a[i][j] / scale + a[j][i] / scale));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m.copy())) {
            eig = DecompositionFactory_DDRM.eig(n, false, false);
            if (!eig.decompose(m)) {
                throw new ArithmeticException("symmetric eigen-decomposition did not converge");
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = eig.getEigenvalue(i).getReal() * scale;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * Eigenvalues of a complex Hermitian matrix H = A + jB, ascending (each once), from its real
     * embedding [[A, -B], [B, A]] whose spectrum is that of H twice.
     *
     * @param re A, n x n; not modified
     * @param im B, n x n; not modified
     * @return the n eigenvalues, ascending
     */
    public static double[] hermitianEigenvalues(double[][] re, double[][] im) {
        int n = re.length;
        double[][] e = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                e[i][j] = re[i][j];
                e[i + n][j + n] = re[i][j];
                e[i][j + n] = -im[i][j];
                e[i + n][j] = im[i][j];
            }
        }
        double[] twice = eigenvalues(e);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 0.5 * (twice[2 * i] + twice[2 * i + 1]);
        }
        return out;
    }

    /**
     * The inverse of a symmetric positive definite matrix, symmetrised.
     *
     * @param a n x n; not modified
     * @return a^-1
     * @throws ArithmeticException if a is singular to working precision
     */
    public static double[][] inverse(double[][] a) {
        int n = a.length;
        DMatrixRMaj m = new DMatrixRMaj(a);
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invert(m, inv)) {
            throw new ArithmeticException("matrix is singular");
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = 0.5 * (inv.get(i, j) + inv.get(j, i));
            }
        }
        return out;
    }
}
