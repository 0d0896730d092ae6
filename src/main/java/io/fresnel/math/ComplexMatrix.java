package io.fresnel.math;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable dense complex matrix, stored column-major as separate real and imaginary arrays.
 * Precoders (N x S), analog (N x L) and digital (L x S) beamformers are held in this form; the
 * numerical kernels copy what they need.
 */
public final class ComplexMatrix {
    private final int rows;
    private final int cols;
    private final double[] re;
    private final double[] im;

    private ComplexMatrix(int rows, int cols, double[] re, double[] im) {
        this.rows = rows;
        this.cols = cols;
        this.re = re;
        this.im = im;
    }

    /**
     * Builds a matrix from its columns.
     *
     * @param columns the columns, each of the same length; not modified
     * @return the matrix whose column s is columns.get(s)
     * @throws IllegalArgumentException if the columns differ in length or there are none
     */
    public static ComplexMatrix ofColumns(List<List<Complex>> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a matrix needs at least one column");
        }
        int rows = columns.get(0).size();
        int cols = columns.size();
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            List<Complex> col = columns.get(c);
            if (col.size() != rows) {
                throw new IllegalArgumentException("column " + c + " has " + col.size() + " entries, expected " + rows);
            }
            for (int r = 0; r < rows; r++) {
                re[c * rows + r] = col.get(r).re();
                im[c * rows + r] = col.get(r).im();
            }
        }
        return new ComplexMatrix(rows, cols, re, im);
    }

    /**
     * Wraps copies of column-major arrays.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param re real parts, column-major, length rows*cols; not modified
     * @param im imaginary parts, column-major, length rows*cols; not modified
     * @return the matrix
     */
    public static ComplexMatrix ofColumnMajor(int rows, int cols, double[] re, double[] im) {
        if (rows < 0 || cols < 0 || re.length != rows * cols || im.length != rows * cols) {
            throw new IllegalArgumentException("array lengths do not match " + rows + " x " + cols);
        }
        return new ComplexMatrix(rows, cols, re.clone(), im.clone());
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int cols() {
        return cols;
    }

    /** @return the real part of entry (r, c) */
    public double re(int r, int c) {
        return re[c * rows + r];
    }

    /** @return the imaginary part of entry (r, c) */
    public double im(int r, int c) {
        return im[c * rows + r];
    }

    /** @return entry (r, c) */
    public Complex get(int r, int c) {
        return new Complex(re(r, c), im(r, c));
    }

    /** @return column c as a list */
    public List<Complex> column(int c) {
        Complex[] out = new Complex[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = get(r, c);
        }
        return List.of(out);
    }

    /** @return a copy of the real parts, column-major */
    public double[] realColumnMajor() {
        return re.clone();
    }

    /** @return a copy of the imaginary parts, column-major */
    public double[] imagColumnMajor() {
        return im.clone();
    }

    /** @return true when every entry is finite */
    public boolean isFinite() {
        for (int i = 0; i < re.length; i++) {
            if (!Double.isFinite(re[i]) || !Double.isFinite(im[i])) {
                return false;
            }
        }
        return true;
    }

    /** @return the squared Frobenius norm sum |a_rc|^2 */
    public double frobeniusNorm2() {
        double s = 0;
        for (int i = 0; i < re.length; i++) {
            s += re[i] * re[i] + im[i] * im[i];
        }
        return s;
    }

    /**
     * @param factor a real scale factor
     * @return factor * this (a new matrix; this is not modified)
     */
    public ComplexMatrix scaled(double factor) {
        double[] r = realColumnMajor();
        double[] m = imagColumnMajor();
        for (int k = 0; k < r.length; k++) {
            r[k] *= factor;
            m[k] *= factor;
        }
        return ofColumnMajor(rows(), cols(), r, m);
    }

    /**
     * The product this * b.
     *
     * @param b the right factor; its rows must equal this matrix's columns
     * @return a new matrix rows x b.cols
     */
    public ComplexMatrix times(ComplexMatrix b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("cannot multiply " + rows + "x" + cols + " by " + b.rows + "x" + b.cols);
        }
        double[] outRe = new double[rows * b.cols];
        double[] outIm = new double[rows * b.cols];
        for (int c = 0; c < b.cols; c++) {
            for (int k = 0; k < cols; k++) {
                double br = b.re[c * b.rows + k];
                double bi = b.im[c * b.rows + k];
                if (br == 0 && bi == 0) {
                    continue;
                }
                for (int r = 0; r < rows; r++) {
                    double ar = re[k * rows + r];
                    double ai = im[k * rows + r];
                    outRe[c * rows + r] += ar * br - ai * bi;
                    outIm[c * rows + r] += ar * bi + ai * br;
                }
            }
        }
        return new ComplexMatrix(rows, b.cols, outRe, outIm);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexMatrix m && m.rows == rows && m.cols == cols
                && Arrays.equals(m.re, re) && Arrays.equals(m.im, im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(re) + 7 * Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        return "ComplexMatrix[" + rows + "x" + cols + "]";
    }
}
