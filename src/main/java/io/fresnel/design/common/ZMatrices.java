package io.fresnel.design.common;

import io.fresnel.math.ComplexMatrix;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/**
 * Conversions between EJML's mutable complex matrices (used inside the design kernels) and the
 * model's immutable {@link ComplexMatrix}, plus the power normalisation every design ends with.
 */
public final class ZMatrices {
    private ZMatrices() {
    }

    /**
     * Stacks vectors as the rows of a matrix.
     *
     * @param rows each {re, im} of the same length K; not modified
     * @return the rows.size() x K matrix
     */
    static ZMatrixRMaj ofRows(List<double[][]> rows) {
        int k = rows.get(0)[0].length;
        ZMatrixRMaj m = new ZMatrixRMaj(rows.size(), k);
        for (int r = 0; r < rows.size(); r++) {
            double[][] v = rows.get(r);
            for (int c = 0; c < k; c++) {
                m.set(r, c, v[0][c], v[1][c]);
            }
        }
        return m;
    }

    /**
     * @param m a matrix; not modified
     * @return the same matrix as an immutable {@link ComplexMatrix}
     */
    public static ComplexMatrix toComplexMatrix(ZMatrixRMaj m) {
        int rows = m.getNumRows();
        int cols = m.getNumCols();
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                re[c * rows + r] = m.getReal(r, c);
                im[c * rows + r] = m.getImag(r, c);
            }
        }
        return ComplexMatrix.ofColumnMajor(rows, cols, re, im);
    }

    /** @return ||m||_F^2 = sum |m_rc|^2 */
    public static double frobeniusNorm2(ZMatrixRMaj m) {
        double s = 0;
        double[] d = m.data;
        for (int i = 0; i < m.getDataLength(); i++) {
            s += d[i] * d[i];
        }
        return s;
    }

    /**
     * Scales m by the real factor a.
     *
     * @param m modified
     */
    public static void scale(ZMatrixRMaj m, double a) {
        double[] d = m.data;
        for (int i = 0; i < m.getDataLength(); i++) {
            d[i] *= a;
        }
    }

    /**
     * @param columns each {re, im}, all of the same length N; not modified
     * @return the N x columns.size() matrix with these columns
     */
    public static ComplexMatrix ofColumns(List<double[][]> columns) {
        int n = columns.get(0)[0].length;
        int s = columns.size();
        double[] re = new double[n * s];
        double[] im = new double[n * s];
        for (int c = 0; c < s; c++) {
            System.arraycopy(columns.get(c)[0], 0, re, c * n, n);
            System.arraycopy(columns.get(c)[1], 0, im, c * n, n);
        }
        return ComplexMatrix.ofColumnMajor(n, s, re, im);
    }
}
