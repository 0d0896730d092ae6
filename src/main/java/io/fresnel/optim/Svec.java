package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * The symmetric vectorisation svec of the KKT solver: the upper triangle of a symmetric m x m
 * matrix, row by row (a &lt;= b), off-diagonal entries times sqrt(2), so that
 * svec(X) . svec(Y) = tr(X Y). Stateless helpers.
 */
final class Svec {
    static final double SQRT2 = Math.sqrt(2);

    private Svec() {
    }

    /**
     * @param m the matrix dimension
     * @return m (m + 1) / 2
     */
    static int length(int m) {
        return m * (m + 1) / 2;
    }

    /**
     * Writes -svec of the symmetric part of t into column j of out (the sign of G = -F folded in).
     *
     * @param t m x m row-major; not modified
     * @param m the dimension
     * @param out svec length x columns; column j modified
     * @param j the column
     */
    static void packNegated(double[] t, int m, DMatrixRMaj out, int j) {
        int nv = out.numCols;
        int q = 0;
        for (int a = 0; a < m; a++) {
            out.data[q++ * nv + j] = -t[a * m + a];
            for (int b = a + 1; b < m; b++) {
                out.data[q++ * nv + j] = -SQRT2 * 0.5 * (t[a * m + b] + t[b * m + a]);
            }
        }
    }
}
