package io.fresnel.optim;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecomposition_DDRB_to_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The normal equations of the scaled KKT system and their factors.
 *
 * <p>The normal matrix ({@link #assemble}) is M = H_rest + A^T A + sum_r rho_r g_r g_r^T with
 * H = Gs^T Gs = G^T (W^T W)^{-1} G: for a PSD block H_ij = tr(F_i Q F_j Q), Q = (R R^T)^{-1}, formed
 * as a Gram matrix of the scaled columns without ever squaring the scaling, or entry by entry when
 * the coefficient matrices are sparse (Vandenberghe, "The CVXOPT linear and quadratic cone program
 * solvers", sec. 9). Adding A^T A keeps M definite for variables that appear only in equalities.
 * Rows of weight above a threshold become border rows ({@link BorderRows}); M is factored by
 * Cholesky, then the Schur complement C M^{-1} C^T + E of the border C = [A; g_r^T]
 * ({@link #factor}). A small diagonal regularisation is added if a factorisation fails.
 */
final class NormalEquations {
    private final int n;
    private final DMatrixRMaj lowerM;
    /** Null without equalities and border rows. */
    private final DMatrixRMaj lowerS;
    /** Per row of the border C = [A; g_r^T]: L^{-1} c_i (L the Cholesky factor of M); empty without a border. */
    private final double[][] forwardBorder;

    private NormalEquations(int n, DMatrixRMaj lowerM, DMatrixRMaj lowerS, double[][] forwardBorder) {
        this.n = n;
        this.lowerM = lowerM;
        this.lowerS = lowerS;
        this.forwardBorder = forwardBorder;
    }

    /**
     * Assembles the normal matrix M for the current scaling. With a finite threshold, a row of the
     * scaled system whose weight ||row||^2 exceeds it is not eliminated but added to borders, entering
     * M with the moderate weight only; a PSD block whose total weight exceeds the threshold is first
     * rotated ({@link ScaledConstraints#rotate}), its rows being the candidates; if none of them is
     * bordered, the block returns to its unrotated form.
     *
     * @param d the data
     * @param gs the scaled constraints (blocks rotated and rows bordered as decided here)
     * @param w the scaling
     * @param grams the unrotated blocks' contributions of this scaling
     * @param blockTrace per block its total scaled weight (from {@link ScaledConstraints#rescale})
     * @param threshold the row weight above which a row is bordered; +Infinity for none
     * @param moderate the weight sum given to a border row in M
     * @param borders receives the border rows; modified
     * @return the n x n normal matrix
     */
    static DMatrixRMaj assemble(ConicData d, ScaledConstraints gs, NtScaling w, BlockGrams grams, double[] blockTrace,
            double threshold, double moderate, BorderRows borders) {
        int n = d.n;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double[] hd = h.data;
        for (int k = 0; k < d.blocks.length; k++) {
            if (blockTrace[k] > threshold) {
                RotatedBlock rot = gs.rotate(k, w);
                double[] rowWeight = new double[rot.rowCount()];
                boolean anyBordered = false;
                for (int r = 0; r < rot.rowCount(); r++) {
                    double sq = rot.rowNorm2(r);
                    double sc = rot.scale(r);
                    rowWeight[r] = sc * sc;
                    if (sq > 0 && sq * sc * sc > threshold) {
                        rot.border(r);
                        borders.add(new BorderRows.Rotated(k, r), rot.denseRow(r, n), 1 / sc, moderate / sq);
                        rowWeight[r] = moderate / sq;
                        anyBordered = true;
                    }
                }
                if (anyBordered) {
                    rot.addGram(rowWeight, hd, n);
                    continue;
                }
                // heavy in total but no single row above the threshold: the same contribution in the
                // unrotated form, whose Gram matrix costs far less for sparse coefficient matrices
                gs.unrotate(k);
            }
            grams.scatter(k, hd, n);
        }
        grams.scatterGroups(hd, n);
        for (int i = 0; i < d.p; i++) {
            double[] row = d.a[i];
            for (int u = 0; u < n; u++) {
                if (row[u] == 0) {
                    continue;
                }
                for (int v = 0; v < n; v++) {
                    hd[u * n + v] += row[u] * row[v];
                }
            }
        }
        for (int i = 0; i < d.l; i++) {
            double weight = gs.linearWeight(i) * gs.linearWeight(i);
            double sq = gs.linearRowNorm2(i);
            if (sq > 0 && sq * weight > threshold) {
                double[] g = new double[n];
                for (int k = 0; k < d.gIndex[i].length; k++) {
                    g[d.gIndex[i][k]] += d.gValue[i][k];
                }
                gs.borderLinear(i);
                borders.add(new BorderRows.Orthant(i), g, 1 / gs.linearWeight(i), moderate / sq);
                weight = moderate / sq;
            }
            int[] idx = d.gIndex[i];
            double[] val = d.gValue[i];
            for (int a = 0; a < idx.length; a++) {
                double va = weight * val[a];
                for (int b = 0; b < idx.length; b++) {
                    hd[idx[a] * n + idx[b]] += va * val[b];
                }
            }
        }
        return h;
    }

    /**
     * Factors M, then the Schur complement C M^{-1} C^T + E of the border C = [A; g_r^T]
     * (E = diag(0, w_r^2 / (1 + rho_r w_r^2))).
     *
     * @param m the normal matrix; not modified
     * @param a the p x n equality matrix; not modified
     * @param borders the border rows
     * @return the factors, or empty if a factorisation failed even with regularisation
     */
    static Optional<NormalEquations> factor(DMatrixRMaj m, double[][] a, BorderRows borders) {
        int n = m.numRows;
        DMatrixRMaj lowerM = choleskyRegularised(m);
        if (lowerM == null) {
            return Optional.empty();
        }
        int p = a.length;
        int rows = p + borders.size();
        if (rows == 0) {
            return Optional.of(new NormalEquations(n, lowerM, null, new double[0][]));
        }
        double[][] y = new double[rows][];
        for (int i = 0; i < rows; i++) {
            y[i] = i < p ? a[i].clone() : borders.get(i - p).g().clone();
            TriangularSolver_DDRM.solveL(lowerM.data, y[i], n);
        }
        DMatrixRMaj s = new DMatrixRMaj(rows, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int v = 0; v < n; v++) {
                    sum += y[i][v] * y[j][v];
                }
                s.data[i * rows + j] = sum;
                s.data[j * rows + i] = sum;
            }
        }
        for (int t = 0; t < borders.size(); t++) {
            s.data[(p + t) * rows + p + t] += borders.schurDiagonal(t);
        }
        DMatrixRMaj lowerS = choleskyRegularised(s);
        return lowerS == null ? Optional.empty() : Optional.of(new NormalEquations(n, lowerM, lowerS, y));
    }

    /**
     * v = M^{-1} v.
     *
     * @param v length n; modified
     */
    void solveNormal(double[] v) {
        TriangularSolver_DDRM.solveL(lowerM.data, v, n);
        TriangularSolver_DDRM.solveTranL(lowerM.data, v, n);
    }

    /**
     * The bordered system [[M, C^T], [C, -E]] (ux, v) = (f, r) with two triangular solves of M instead of four:
     * w = L^{-1} f, v = S^{-1} (Y^T w - r) with Y = L^{-1} C^T (kept from {@link #factor}), then
     * ux = L^{-T} (w - Y v), since C M^{-1} f = Y^T L^{-1} f (Y is formed for the Schur complement
     * S = Y^T Y + E anyway).
     *
     * @param f length n, the right-hand side of the first block row; overwritten by ux
     * @param r length p + border rows, the right-hand side of the border rows; overwritten by v
     */
    void solveBordered(double[] f, double[] r) {
        TriangularSolver_DDRM.solveL(lowerM.data, f, n);
        int rows = forwardBorder.length;
        for (int i = 0; i < rows; i++) {
            double[] yi = forwardBorder[i];
            double sum = 0;
            for (int v = 0; v < n; v++) {
                sum += yi[v] * f[v];
            }
            r[i] = sum - r[i];
        }
        if (rows > 0) {
            solveSchur(r);
        }
        for (int i = 0; i < rows; i++) {
            double[] yi = forwardBorder[i];
            double ri = r[i];
            for (int v = 0; v < n; v++) {
                f[v] -= ri * yi[v];
            }
        }
        TriangularSolver_DDRM.solveTranL(lowerM.data, f, n);
    }

    /**
     * u = (C M^{-1} C^T + E)^{-1} u.
     *
     * @param u length p + border rows; modified
     */
    void solveSchur(double[] u) {
        TriangularSolver_DDRM.solveL(lowerS.data, u, u.length);
        TriangularSolver_DDRM.solveTranL(lowerS.data, u, u.length);
    }

    /** Lower Cholesky factor, with growing diagonal regularisation on failure; null if hopeless. */
    private static DMatrixRMaj choleskyRegularised(DMatrixRMaj a) {
        int n = a.numRows;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(a.data[i * n + i]));
        }
        if (!Double.isFinite(maxDiag)) {
            return null;
        }
        double delta = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            DMatrixRMaj work = a.copy();
            for (int i = 0; i < n; i++) {
                work.data[i * n + i] += delta;
            }
            // the blocked (tiled) factorisation is several times faster from a hundred rows on
            CholeskyDecomposition_F64<DMatrixRMaj> chol = n >= 100
                    ? new CholeskyDecomposition_DDRB_to_DDRM(true)
                    : DecompositionFactory_DDRM.chol(n, true);
            if (chol.decompose(work)) {
                DMatrixRMaj lower = chol.getT(null);
                boolean ok = true;
                for (int i = 0; i < n && ok; i++) {
                    double v = lower.data[i * n + i];
                    ok = v > 0 && Double.isFinite(v);
                }
                if (ok) {
                    return lower;
                }
            }
            delta = delta == 0 ? Math.max(maxDiag, 1e-300) * 1e-13 : delta * 100;
        }
        return null;
    }
}
