package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecomposition_DDRB_to_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Solves the scaled KKT system of one interior-point iteration,
 *
 * <pre>
 *   [ 0   A^T  Gs^T ] [ux]   [bx]
 *   [ A   0    0    ] [uy] = [by]        Gs = W^{-T} G,  uz~ = W uz
 *   [ Gs  0   -I    ] [uz~]  [bz~]
 * </pre>
 *
 * by eliminating uz~ = Gs ux - bz~, which leaves the normal equations with the Schur complement
 * H = Gs^T Gs = G^T (W^T W)^{-1} G. For a PSD block the columns of Gs are the scaled coefficient
 * matrices -R^{-1} F_v R^{-T}, so H_ij = tr(F_i Q F_j Q) with Q = (R R^T)^{-1}, formed as a Gram
 * matrix without ever squaring the scaling (Vandenberghe, "The CVXOPT linear and quadratic cone
 * program solvers", sec. 9). H + A^T A is factored by Cholesky (adding A^T A keeps it definite
 * for variables that appear only in equalities), then A (H + A^T A)^{-1} A^T. A small diagonal
 * regularisation is added if a factorisation fails; iterative refinement on the full scaled
 * system restores the accuracy.
 */
final class KktSolver {
    /** Refinement steps per solve. */
    private static final int REFINEMENT = 2;

    private final ConicData d;
    private NtScaling scaling;
    private DMatrixRMaj lowerM;
    private DMatrixRMaj lowerS;
    /** Per block: svec of the scaled coefficient matrices R^{-1} F_v R^{-T}, one column per variable. */
    private final DMatrixRMaj[] fHat;
    private final double[] linWeight;

    KktSolver(ConicData d) {
        this.d = d;
        fHat = new DMatrixRMaj[d.blocks.length];
        linWeight = new double[d.l];
    }

    /** Length of svec for an m x m block. */
    static int svecLength(int m) {
        return m * (m + 1) / 2;
    }

    /**
     * Builds and factors the normal equations for the scaling W.
     *
     * @return false if the factorisation failed even with regularisation
     */
    boolean factor(NtScaling w) {
        this.scaling = w;
        int n = d.n;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double[] hd = h.data;
        for (int i = 0; i < d.l; i++) {
            linWeight[i] = 1 / w.w[i];
            double weight = linWeight[i] * linWeight[i];
            int[] idx = d.gIndex[i];
            double[] val = d.gValue[i];
            for (int a = 0; a < idx.length; a++) {
                double va = weight * val[a];
                for (int b = 0; b < idx.length; b++) {
                    hd[idx[a] * n + idx[b]] += va * val[b];
                }
            }
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            fHat[k] = scaledCoefficients(blk, w.rInv[k]);
            int nv = blk.vars.length;
            int m = blk.m;
            long nnz = 0;
            for (double[] v : blk.vals) {
                nnz += v.length;
            }
            // Gram matrix of the scaled columns (robust, dense cost svec * nv^2) unless the
            // coefficient matrices are sparse enough for tr(F_i Q F_j Q) entry by entry
            double gramCost = (double) svecLength(m) * nv * nv;
            double sparseCost = (double) nnz * m * m + 0.5 * nv * (double) nnz;
            if (sparseCost < 0.5 * gramCost) {
                addSparseBlock(blk, w.q[k], hd, n);
            } else {
                DMatrixRMaj gram = new DMatrixRMaj(nv, nv);
                CommonOps_DDRM.multTransA(fHat[k], fHat[k], gram);
                for (int i = 0; i < nv; i++) {
                    int vi = blk.vars[i];
                    for (int j = 0; j < nv; j++) {
                        hd[vi * n + blk.vars[j]] += gram.data[i * nv + j];
                    }
                }
            }
        }
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
        lowerM = choleskyRegularised(h);
        if (lowerM == null) {
            return false;
        }
        if (d.p > 0) {
            double[][] y = new double[d.p][];
            for (int i = 0; i < d.p; i++) {
                y[i] = d.a[i].clone();
                TriangularSolver_DDRM.solveL(lowerM.data, y[i], n);
            }
            DMatrixRMaj s = new DMatrixRMaj(d.p, d.p);
            for (int i = 0; i < d.p; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = 0;
                    for (int v = 0; v < n; v++) {
                        sum += y[i][v] * y[j][v];
                    }
                    s.data[i * d.p + j] = sum;
                    s.data[j * d.p + i] = sum;
                }
            }
            lowerS = choleskyRegularised(s);
            return lowerS != null;
        }
        return true;
    }

    /**
     * H(vi, vj) += tr(F_i Q F_j Q) over the variables of one block with sparse coefficient
     * matrices: T_j = Q F_j Q = sum_e f_e Q[:, r_e] Q[c_e, :] costs m^2 per nonzero, and each
     * entry of H then costs nnz(F_i). (The two signs of G cancel.)
     */
    private static void addSparseBlock(ConicData.Block blk, double[] q, double[] hd, int n) {
        int m = blk.m;
        double[] t = new double[m * m];
        for (int j = 0; j < blk.vars.length; j++) {
            int[] rj = blk.rows[j];
            int[] cj = blk.cols[j];
            double[] vj = blk.vals[j];
            java.util.Arrays.fill(t, 0);
            for (int e = 0; e < vj.length; e++) {
                double f = vj[e];
                int re = rj[e];
                int cOff = cj[e] * m;
                for (int a = 0; a < m; a++) {
                    double qa = f * q[a * m + re];
                    if (qa == 0) {
                        continue;
                    }
                    int rowOff = a * m;
                    for (int b = 0; b < m; b++) {
                        t[rowOff + b] += qa * q[cOff + b];
                    }
                }
            }
            int varJ = blk.vars[j];
            for (int i = 0; i <= j; i++) {
                int[] ri = blk.rows[i];
                int[] ci = blk.cols[i];
                double[] vi = blk.vals[i];
                double sum = 0;
                for (int e = 0; e < vi.length; e++) {
                    sum += vi[e] * t[ci[e] * m + ri[e]];
                }
                int varI = blk.vars[i];
                hd[varI * n + varJ] += sum;
                if (varI != varJ) {
                    hd[varJ * n + varI] += sum;
                }
            }
        }
    }

    /** svec(R^{-1} F_v R^{-T}) for every variable of a block, as the columns of a matrix. */
    private static DMatrixRMaj scaledCoefficients(ConicData.Block blk, double[] rInv) {
        int m = blk.m;
        int nv = blk.vars.length;
        DMatrixRMaj out = new DMatrixRMaj(svecLength(m), nv);
        double[] t = new double[m * m];
        DMatrixRMaj ri = DMatrixRMaj.wrap(m, m, rInv);
        for (int j = 0; j < nv; j++) {
            int[] rj = blk.rows[j];
            int[] cj = blk.cols[j];
            double[] vj = blk.vals[j];
            if (vj.length <= 2 * m) {
                // sparse: R^-1 F R^-T = sum_e f_e R^-1[:, r_e] R^-1[:, c_e]^T
                java.util.Arrays.fill(t, 0);
                for (int e = 0; e < vj.length; e++) {
                    double f = vj[e];
                    int re = rj[e];
                    int ce = cj[e];
                    for (int a = 0; a < m; a++) {
                        double fa = f * rInv[a * m + re];
                        if (fa == 0) {
                            continue;
                        }
                        int rowOff = a * m;
                        for (int b = 0; b < m; b++) {
                            t[rowOff + b] += fa * rInv[b * m + ce];
                        }
                    }
                }
            } else {
                DMatrixRMaj f = new DMatrixRMaj(m, m);
                for (int e = 0; e < vj.length; e++) {
                    f.data[rj[e] * m + cj[e]] += vj[e];
                }
                DMatrixRMaj tmp = new DMatrixRMaj(m, m);
                CommonOps_DDRM.mult(ri, f, tmp);
                CommonOps_DDRM.multTransB(tmp, ri, DMatrixRMaj.wrap(m, m, t));
            }
            // svec with the sign of G (= -F) folded in
            int q = 0;
            for (int a = 0; a < m; a++) {
                out.data[q++ * nv + j] = -t[a * m + a];
                for (int b = a + 1; b < m; b++) {
                    out.data[q++ * nv + j] = -SQRT2 * 0.5 * (t[a * m + b] + t[b * m + a]);
                }
            }
        }
        return out;
    }

    private static final double SQRT2 = Math.sqrt(2);

    /** out = Gs x, a scaled cone vector (full matrices on the blocks). */
    void gsMul(double[] x, double[] out) {
        for (int i = 0; i < d.l; i++) {
            double sum = 0;
            for (int k = 0; k < d.gIndex[i].length; k++) {
                sum += d.gValue[i][k] * x[d.gIndex[i][k]];
            }
            out[i] = sum * linWeight[i];
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            int nv = blk.vars.length;
            double[] fd = fHat[k].data;
            int q = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    double sum = 0;
                    int base = q * nv;
                    for (int j = 0; j < nv; j++) {
                        sum += fd[base + j] * x[blk.vars[j]];
                    }
                    if (a == b) {
                        out[blk.offset + a * m + a] = sum;
                    } else {
                        double v = sum / SQRT2;
                        out[blk.offset + a * m + b] = v;
                        out[blk.offset + b * m + a] = v;
                    }
                    q++;
                }
            }
        }
    }

    /** out = Gs^T z (length n), z a scaled cone vector. */
    void gsTMul(double[] z, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < d.l; i++) {
            double zi = z[i] * linWeight[i];
            for (int k = 0; k < d.gIndex[i].length; k++) {
                out[d.gIndex[i][k]] += d.gValue[i][k] * zi;
            }
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            int nv = blk.vars.length;
            double[] fd = fHat[k].data;
            int q = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    double zv = a == b ? z[blk.offset + a * m + a]
                            : SQRT2 * 0.5 * (z[blk.offset + a * m + b] + z[blk.offset + b * m + a]);
                    if (zv != 0) {
                        int base = q * nv;
                        for (int j = 0; j < nv; j++) {
                            out[blk.vars[j]] += fd[base + j] * zv;
                        }
                    }
                    q++;
                }
            }
        }
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

    /**
     * Solves the scaled KKT system for the scaling of the last {@link #factor} call.
     *
     * @param bx length n; not modified
     * @param by length p; not modified
     * @param bz scaled cone vector bz~ = W^{-T} bz; not modified
     * @param ux length n; modified (the solution)
     * @param uy length p; modified
     * @param uz scaled cone vector uz~ = W uz; modified
     */
    void solve(double[] bx, double[] by, double[] bz, double[] ux, double[] uy, double[] uz) {
        solveOnce(bx, by, bz, ux, uy, uz);
        double[] ex = new double[d.n];
        double[] ey = new double[d.p];
        double[] ez = new double[d.coneDim];
        double[] tn = new double[d.n];
        double[] cx = new double[d.n];
        double[] cy = new double[d.p];
        double[] cz = new double[d.coneDim];
        for (int step = 0; step < REFINEMENT; step++) {
            d.aTMul(uy, ex);
            gsTMul(uz, tn);
            for (int v = 0; v < d.n; v++) {
                ex[v] = bx[v] - ex[v] - tn[v];
            }
            d.aMul(ux, ey);
            for (int i = 0; i < d.p; i++) {
                ey[i] = by[i] - ey[i];
            }
            gsMul(ux, ez);
            for (int i = 0; i < d.coneDim; i++) {
                ez[i] = bz[i] - (ez[i] - uz[i]);
            }
            solveOnce(ex, ey, ez, cx, cy, cz);
            for (int v = 0; v < d.n; v++) {
                ux[v] += cx[v];
            }
            for (int i = 0; i < d.p; i++) {
                uy[i] += cy[i];
            }
            for (int i = 0; i < d.coneDim; i++) {
                uz[i] += cz[i];
            }
        }
    }

    private void solveOnce(double[] bx, double[] by, double[] bz, double[] ux, double[] uy, double[] uz) {
        int n = d.n;
        double[] tn = new double[n];
        gsTMul(bz, tn);
        double[] rhs = new double[n];
        double[] aty = new double[n];
        d.aTMul(by, aty);
        for (int v = 0; v < n; v++) {
            rhs[v] = bx[v] + tn[v] + aty[v];
        }
        if (d.p > 0) {
            double[] t = rhs.clone();
            solveM(t);
            double[] at = new double[d.p];
            d.aMul(t, at);
            for (int i = 0; i < d.p; i++) {
                uy[i] = at[i] - by[i];
            }
            TriangularSolver_DDRM.solveL(lowerS.data, uy, d.p);
            TriangularSolver_DDRM.solveTranL(lowerS.data, uy, d.p);
            d.aTMul(uy, aty);
            for (int v = 0; v < n; v++) {
                rhs[v] -= aty[v];
            }
        }
        solveM(rhs);
        System.arraycopy(rhs, 0, ux, 0, n);
        gsMul(ux, uz);
        for (int i = 0; i < d.coneDim; i++) {
            uz[i] -= bz[i];
        }
    }

    private void solveM(double[] v) {
        TriangularSolver_DDRM.solveL(lowerM.data, v, d.n);
        TriangularSolver_DDRM.solveTranL(lowerM.data, v, d.n);
    }
}
