package io.fresnel.optim;

import java.util.Map;

/**
 * An n x n complex Hermitian matrix variable W held in n^2 consecutive real variables of a
 * {@link ConeProgram}, starting at {@link #first()}:
 *
 * <ul>
 *   <li>{@code first + i} (0 &lt;= i &lt; n): W_ii (real);</li>
 *   <li>then, for each strict upper entry i &lt; j in row-major order, two variables:
 *       Re W_ij followed by Im W_ij (so W_ji = Re W_ij - j Im W_ij).</li>
 * </ul>
 *
 * Immutable; it only maps indices and writes coefficients into rows and blocks.
 */
public final class HermitianVariable {
    private final int first;
    private final int n;

    /**
     * @param firstVariable index of the first of the n^2 variables, &gt;= 0
     * @param n matrix dimension, &gt;= 1
     */
    public HermitianVariable(int firstVariable, int n) {
        if (firstVariable < 0) {
            throw new IllegalArgumentException("firstVariable must be >= 0: " + firstVariable);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        this.first = firstVariable;
        this.n = n;
    }

    /** @return the matrix dimension n */
    public int n() {
        return n;
    }

    /** @return n^2, the number of real variables */
    public int count() {
        return n * n;
    }

    /** @return the index of the first variable */
    public int first() {
        return first;
    }

    /**
     * @param i row index
     * @return the variable holding W_ii
     */
    public int diagonal(int i) {
        checkIndex(i);
        return first + i;
    }

    /**
     * @param i row, i &lt; j
     * @param j column
     * @return the variable holding Re W_ij (Im W_ij is the next one)
     */
    public int realPart(int i, int j) {
        checkIndex(i);
        checkIndex(j);
        if (i >= j) {
            throw new IllegalArgumentException("realPart needs i < j: " + i + ", " + j);
        }
        // entries before row i: sum_{r < i} (n - 1 - r) = i (2n - i - 1) / 2
        int before = i * (2 * n - i - 1) / 2 + (j - i - 1);
        return first + n + 2 * before;
    }

    /**
     * @param i row, i &lt; j
     * @param j column
     * @return the variable holding Im W_ij
     */
    public int imaginaryPart(int i, int j) {
        return realPart(i, j) + 1;
    }

    /**
     * row += scale * d/dx Re tr(A W): adds the real linear functional Re tr(A W) =
     * Re sum_ij A_ji W_ij, written on the variables of W, into a sparse row. A need not be
     * Hermitian.
     *
     * @param row variable index to coefficient; modified (entries added or accumulated)
     * @param aRe Re A, n x n; not modified
     * @param aIm Im A, n x n, or null for a real A; not modified
     * @param scale multiplier
     */
    public void addTraceProduct(Map<Integer, Double> row, double[][] aRe, double[][] aIm, double scale) {
        checkSquare(aRe, "aRe");
        if (aIm != null) {
            checkSquare(aIm, "aIm");
        }
        for (int i = 0; i < n; i++) {
            add(row, diagonal(i), scale * aRe[i][i]);
            for (int j = i + 1; j < n; j++) {
                // A_ji W_ij + A_ij W_ji with W_ij = a + j b, W_ji = a - j b
                double coefRe = aRe[j][i] + aRe[i][j];
                double coefIm = aIm == null ? 0 : aIm[i][j] - aIm[j][i];
                int v = realPart(i, j);
                add(row, v, scale * coefRe);
                add(row, v + 1, scale * coefIm);
            }
        }
    }

    /**
     * block(rowOffset + i, colOffset + j) += scale * W_ij as coefficients on W's variables. With
     * rowOffset == colOffset this places W on the diagonal of the block; otherwise the two index
     * ranges must not overlap and W lands in an off-diagonal position (its conjugate transpose is
     * implied at the mirrored position).
     *
     * @param block the Hermitian LMI; modified
     * @param rowOffset first row, &gt;= 0
     * @param colOffset first column, &gt;= 0
     * @param scale real multiplier
     */
    public void addTo(HermitianPsdBlock block, int rowOffset, int colOffset, double scale) {
        int size = block.size();
        if (rowOffset < 0 || colOffset < 0 || rowOffset + n > size || colOffset + n > size) {
            throw new IllegalArgumentException("an " + n + " x " + n + " variable at (" + rowOffset + ", "
                    + colOffset + ") does not fit a block of size " + size);
        }
        boolean diagonalPlacement = rowOffset == colOffset;
        if (!diagonalPlacement && rowOffset < colOffset + n && colOffset < rowOffset + n) {
            throw new IllegalArgumentException("row range " + rowOffset + ".." + (rowOffset + n - 1)
                    + " overlaps column range " + colOffset + ".." + (colOffset + n - 1));
        }
        if (scale == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            block.addCoefficient(diagonal(i), rowOffset + i, colOffset + i, scale, 0);
            for (int j = i + 1; j < n; j++) {
                int v = realPart(i, j);
                // W_ij = a + j b at (i, j); the mirrored (j, i) follows from Hermitian symmetry
                block.addCoefficient(v, rowOffset + i, colOffset + j, scale, 0);
                block.addCoefficient(v + 1, rowOffset + i, colOffset + j, 0, scale);
                if (!diagonalPlacement) {
                    // off the diagonal, W_ji = a - j b is an independent position of the block
                    block.addCoefficient(v, rowOffset + j, colOffset + i, scale, 0);
                    block.addCoefficient(v + 1, rowOffset + j, colOffset + i, 0, -scale);
                }
            }
        }
    }

    /**
     * Adds the constraint W &gt;= 0 (a new Hermitian PSD block of size n).
     *
     * @param p the program; modified
     */
    public void requirePsd(ConeProgram p) {
        if (first + count() > p.variables()) {
            throw new IllegalArgumentException("variables " + first + ".." + (first + count() - 1)
                    + " exceed the program's " + p.variables());
        }
        addTo(p.addHermitianPsd(n), 0, 0, 1.0);
    }

    /**
     * Reads W from a solution.
     *
     * @param x a solution vector covering first .. first + n^2 - 1; not modified
     * @return {re, im}, each n x n, with W Hermitian
     */
    public double[][][] value(double[] x) {
        if (x == null || x.length < first + count()) {
            throw new IllegalArgumentException("solution vector too short for variables up to " + (first + count() - 1));
        }
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        for (int i = 0; i < n; i++) {
            re[i][i] = x[diagonal(i)];
            for (int j = i + 1; j < n; j++) {
                int v = realPart(i, j);
                re[i][j] = x[v];
                re[j][i] = x[v];
                im[i][j] = x[v + 1];
                im[j][i] = -x[v + 1];
            }
        }
        return new double[][][] {re, im};
    }

    private static void add(Map<Integer, Double> row, int variable, double value) {
        if (value != 0) {
            row.merge(variable, value, Double::sum);
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("index " + i + " outside 0.." + (n - 1));
        }
    }

    private void checkSquare(double[][] a, String name) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(name + " must be " + n + " x " + n);
        }
        for (double[] r : a) {
            if (r == null || r.length != n) {
                throw new IllegalArgumentException(name + " must be " + n + " x " + n);
            }
        }
    }
}
