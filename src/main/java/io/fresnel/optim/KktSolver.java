package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecomposition_DDRB_to_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

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
 *
 * <p>Near the optimum of a program whose active inequality carries a large multiplier (an SINR
 * row with coefficient 1 + 1/Gamma, multiplier ~ Gamma, and the PSD block that is singular along
 * the same direction) single rows of the scaled system get weights z/s of 1e17 and more. Eliminated
 * into H, their rank-one terms dominate the Cholesky factor, whose backward error (eps times that
 * weight) then swamps every other direction: the computed direction violated the dual equation by
 * far more than the dual residual, which stalled or grew (refinement cannot recover from a solve
 * with relative error above one). Such rows (weight above BORDER_RATIO times the smallest diagonal
 * entry of H; for PSD blocks in the rotated basis of the SVD of the scaling) are therefore kept
 * as border rows beside the equalities, with the unscaled multiplier step as unknown, and the
 * refinement continues while it still gains.
 */
final class KktSolver {
    /**
     * Iterative refinement on the full scaled system: at least MIN_REFINEMENT steps, then more
     * (up to MAX_REFINEMENT) while each step still reduces the squared residual fourfold; a step that
     * does not reduce it is undone.
     */
    private static final int MIN_REFINEMENT = 2;
    private static final int MAX_REFINEMENT = 10;
    /**
     * Weight ratio (to the smallest diagonal entry of the normal matrix) above which a row of the
     * scaled system is bordered rather than eliminated into the normal matrix.
     */
    private static final double BORDER_RATIO = 1e4;

    private final ConicData d;
    private NtScaling scaling;
    private DMatrixRMaj lowerM;
    private DMatrixRMaj lowerS;
    /** Per block: svec of the scaled coefficient matrices R^{-1} F_v R^{-T}, one column per variable. */
    private final DMatrixRMaj[] fHat;
    private final double[] linWeight;

    // rotated blocks (null entries: block handled through fHat): R^{-1} = U diag(sigma) V^T,
    // rows (i <= j) of the rotated system: scale sigma_i sigma_j times the unscaled row
    // -c_ij (V^T F_v V)_ij over the block's variables
    private final DMatrixRMaj[] rotU;
    private final double[][] rotScale;
    private final DMatrixRMaj[] rotG;
    /** Per rotated block and row: index of its border row, or -1. */
    private final int[][] rotBorder;
    /** Per orthant row: index of its border row, or -1. */
    private final int[] linBorder;
    // border rows (after the p equalities): dense unscaled row, w_r = 1 / scale, rho_r
    private double[][] borderG = new double[0][];
    private double[] borderW = new double[0];
    private double[] borderRho = new double[0];
    private int bigCount;

    KktSolver(ConicData d) {
        this.d = d;
        fHat = new DMatrixRMaj[d.blocks.length];
        linWeight = new double[d.l];
        rotU = new DMatrixRMaj[d.blocks.length];
        rotScale = new double[d.blocks.length][];
        rotG = new DMatrixRMaj[d.blocks.length];
        rotBorder = new int[d.blocks.length][];
        linBorder = new int[d.l];
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
        java.util.Arrays.fill(rotU, null);
        java.util.Arrays.fill(linBorder, -1);
        bigCount = 0;
        for (int i = 0; i < d.l; i++) {
            linWeight[i] = 1 / w.w[i];
        }
        double[] blockTrace = new double[d.blocks.length];
        for (int k = 0; k < d.blocks.length; k++) {
            fHat[k] = scaledCoefficients(d.blocks[k], w.rInv[k]);
            double t = 0;
            for (double v : fHat[k].data) {
                t += v * v;
            }
            blockTrace[k] = t;
        }
        DMatrixRMaj h = normalMatrix(w, null, 0);
        double minDiag = Double.POSITIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            double dv = h.data[v * n + v];
            if (dv > 0) {
                minDiag = Math.min(minDiag, dv);
            }
        }
        if (Double.isFinite(minDiag)) {
            double threshold = BORDER_RATIO * minDiag;
            boolean any = false;
            for (int i = 0; i < d.l && !any; i++) {
                any = rowNorm2(i) * linWeight[i] * linWeight[i] > threshold;
            }
            for (int k = 0; k < d.blocks.length && !any; k++) {
                any = blockTrace[k] > threshold;
            }
            if (any) {
                h = normalMatrix(w, blockTrace, minDiag);
            }
        }
        lowerM = choleskyRegularised(h);
        if (lowerM == null) {
            return false;
        }
        int rows = d.p + bigCount;
        if (rows > 0) {
            double[][] y = new double[rows][];
            for (int i = 0; i < rows; i++) {
                y[i] = i < d.p ? d.a[i].clone() : borderG[i - d.p].clone();
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
            for (int t = 0; t < bigCount; t++) {
                double w2 = borderW[t] * borderW[t];
                s.data[(d.p + t) * rows + d.p + t] += w2 / (1 + borderRho[t] * w2);
            }
            lowerS = choleskyRegularised(s);
            return lowerS != null;
        }
        return true;
    }

    private double rowNorm2(int i) {
        double sq = 0;
        for (double g : d.gValue[i]) {
            sq += g * g;
        }
        return sq;
    }

    /**
     * The normal matrix M. Without blockTrace: H + A^T A, H = Gs^T Gs. With it: rows of the scaled
     * system whose weight ||row||^2 exceeds BORDER_RATIO * minDiag (an inequality active with a
     * large multiplier: s -> 0 while z stays large, in an orthant entry or in an eigen-direction
     * of a PSD block) are not eliminated, because their rank-one terms would dominate the
     * factor and its backward error (eps times their weight) would wipe out every other
     * direction. They enter M with a moderate weight rho_r only and are kept as border rows
     * beside the equalities (see {@link #solveOnce}). PSD blocks with such rows are written in
     * the rotated basis of the SVD R^{-1} = U diag(sigma) V^T, in which the scaled rows are the
     * unscaled rows of V^T F_v V times sigma_i sigma_j.
     */
    private DMatrixRMaj normalMatrix(NtScaling w, double[] blockTrace, double minDiag) {
        int n = d.n;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double[] hd = h.data;
        double threshold = blockTrace == null ? Double.POSITIVE_INFINITY : BORDER_RATIO * minDiag;
        double moderate = blockTrace == null ? 0 : Math.sqrt(BORDER_RATIO) * minDiag;
        java.util.List<double[]> bg = new java.util.ArrayList<>();
        java.util.List<double[]> bwr = new java.util.ArrayList<>();
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            int nv = blk.vars.length;
            int m = blk.m;
            if (blockTrace != null && blockTrace[k] > threshold) {
                rotate(k, w.rInv[k]);
                int len = svecLength(m);
                rotBorder[k] = new int[len];
                double[] gd = rotG[k].data;
                for (int r = 0; r < len; r++) {
                    double sq = 0;
                    for (int j = 0; j < nv; j++) {
                        sq += gd[r * nv + j] * gd[r * nv + j];
                    }
                    double sc = rotScale[k][r];
                    double rowWeight = sc * sc;
                    rotBorder[k][r] = -1;
                    if (sq > 0 && sq * sc * sc > threshold) {
                        double[] g = new double[n];
                        for (int j = 0; j < nv; j++) {
                            g[blk.vars[j]] = gd[r * nv + j];
                        }
                        rotBorder[k][r] = bg.size();
                        bg.add(g);
                        bwr.add(new double[] {1 / sc, moderate / sq});
                        rowWeight = moderate / sq;
                    }
                    for (int a = 0; a < nv; a++) {
                        double va = rowWeight * gd[r * nv + a];
                        if (va == 0) {
                            continue;
                        }
                        int rowOff = blk.vars[a] * n;
                        for (int b = 0; b < nv; b++) {
                            hd[rowOff + blk.vars[b]] += va * gd[r * nv + b];
                        }
                    }
                }
                continue;
            }
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
        for (int i = 0; i < d.l; i++) {
            double weight = linWeight[i] * linWeight[i];
            double sq = rowNorm2(i);
            linBorder[i] = -1;
            if (sq > 0 && sq * weight > threshold) {
                double[] g = new double[n];
                for (int k = 0; k < d.gIndex[i].length; k++) {
                    g[d.gIndex[i][k]] += d.gValue[i][k];
                }
                linBorder[i] = bg.size();
                bg.add(g);
                bwr.add(new double[] {1 / linWeight[i], moderate / sq});
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
        bigCount = bg.size();
        borderG = bg.toArray(new double[0][]);
        borderW = new double[bigCount];
        borderRho = new double[bigCount];
        for (int t = 0; t < bigCount; t++) {
            borderW[t] = bwr.get(t)[0];
            borderRho[t] = bwr.get(t)[1];
        }
        return h;
    }

    /** Computes the rotated form of block k: U, the row scales and the unscaled rotated rows. */
    private void rotate(int k, double[] rInv) {
        ConicData.Block blk = d.blocks[k];
        int m = blk.m;
        int nv = blk.vars.length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, m, true, true, false);
        if (!svd.decompose(new DMatrixRMaj(m, m, true, rInv))) {
            throw new IllegalStateException("SVD of the scaling failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] sv = svd.getSingularValues();
        int len = svecLength(m);
        double[] scale = new double[len];
        int q = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                scale[q++] = sv[a] * sv[b];
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(len, nv);
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        DMatrixRMaj rot = new DMatrixRMaj(m, m);
        for (int j = 0; j < nv; j++) {
            DMatrixRMaj f = new DMatrixRMaj(m, m);
            for (int e = 0; e < blk.vals[j].length; e++) {
                f.data[blk.rows[j][e] * m + blk.cols[j][e]] += blk.vals[j][e];
            }
            CommonOps_DDRM.multTransA(v, f, tmp);
            CommonOps_DDRM.mult(tmp, v, rot);
            q = 0;
            for (int a = 0; a < m; a++) {
                g.data[q++ * nv + j] = -rot.data[a * m + a];
                for (int b = a + 1; b < m; b++) {
                    g.data[q++ * nv + j] = -SQRT2 * 0.5 * (rot.data[a * m + b] + rot.data[b * m + a]);
                }
            }
        }
        rotU[k] = u;
        rotScale[k] = scale;
        rotG[k] = g;
    }

    /** svec(U^T X U) of the block k of a full cone vector. */
    private double[] toRotated(int k, double[] z) {
        ConicData.Block blk = d.blocks[k];
        int m = blk.m;
        DMatrixRMaj x = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                x.data[i * m + j] = 0.5 * (z[blk.offset + i * m + j] + z[blk.offset + j * m + i]);
            }
        }
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        DMatrixRMaj r = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransA(rotU[k], x, tmp);
        CommonOps_DDRM.mult(tmp, rotU[k], r);
        double[] out = new double[svecLength(m)];
        int q = 0;
        for (int a = 0; a < m; a++) {
            out[q++] = r.data[a * m + a];
            for (int b = a + 1; b < m; b++) {
                out[q++] = SQRT2 * 0.5 * (r.data[a * m + b] + r.data[b * m + a]);
            }
        }
        return out;
    }

    /** Writes U smat(y) U^T into block k of a full cone vector. */
    private void fromRotated(int k, double[] y, double[] out) {
        ConicData.Block blk = d.blocks[k];
        int m = blk.m;
        DMatrixRMaj x = new DMatrixRMaj(m, m);
        int q = 0;
        for (int a = 0; a < m; a++) {
            x.data[a * m + a] = y[q++];
            for (int b = a + 1; b < m; b++) {
                double v = y[q++] / SQRT2;
                x.data[a * m + b] = v;
                x.data[b * m + a] = v;
            }
        }
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        DMatrixRMaj r = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(rotU[k], x, tmp);
        CommonOps_DDRM.multTransB(tmp, rotU[k], r);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[blk.offset + i * m + j] = 0.5 * (r.data[i * m + j] + r.data[j * m + i]);
            }
        }
    }

    /** The rotated scaled rows times x: scale_r (g_r . x), for every row of rotated block k. */
    private double[] rotatedMul(int k, double[] x) {
        ConicData.Block blk = d.blocks[k];
        int nv = blk.vars.length;
        int len = svecLength(blk.m);
        double[] gd = rotG[k].data;
        double[] out = new double[len];
        for (int r = 0; r < len; r++) {
            double sum = 0;
            for (int j = 0; j < nv; j++) {
                sum += gd[r * nv + j] * x[blk.vars[j]];
            }
            out[r] = rotScale[k][r] * sum;
        }
        return out;
    }

    /** out[vars] += sum_r scale_r y_r g_r over the rows of rotated block k (skipping bordered rows if asked). */
    private void rotatedTMulAdd(int k, double[] y, boolean skipBorder, double[] out) {
        ConicData.Block blk = d.blocks[k];
        int nv = blk.vars.length;
        int len = svecLength(blk.m);
        double[] gd = rotG[k].data;
        for (int r = 0; r < len; r++) {
            if (skipBorder && rotBorder[k][r] >= 0) {
                continue;
            }
            double f = rotScale[k][r] * y[r];
            if (f == 0) {
                continue;
            }
            for (int j = 0; j < nv; j++) {
                out[blk.vars[j]] += gd[r * nv + j] * f;
            }
        }
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
            if (rotU[k] != null) {
                fromRotated(k, rotatedMul(k, x), out);
                continue;
            }
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
        gsTMul(z, false, out);
    }

    /** out = Gs^T z, without the bordered rows if skipBorder. */
    private void gsTMul(double[] z, boolean skipBorder, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < d.l; i++) {
            if (skipBorder && linBorder[i] >= 0) {
                continue;
            }
            double zi = z[i] * linWeight[i];
            for (int k = 0; k < d.gIndex[i].length; k++) {
                out[d.gIndex[i][k]] += d.gValue[i][k] * zi;
            }
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            if (rotU[k] != null) {
                rotatedTMulAdd(k, toRotated(k, z), skipBorder, out);
                continue;
            }
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
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; ; step++) {
            d.aTMul(uy, ex);
            gsTMul(uz, tn);
            double norm = 0;
            for (int v = 0; v < d.n; v++) {
                ex[v] = bx[v] - ex[v] - tn[v];
                norm += ex[v] * ex[v];
            }
            d.aMul(ux, ey);
            for (int i = 0; i < d.p; i++) {
                ey[i] = by[i] - ey[i];
                norm += ey[i] * ey[i];
            }
            gsMul(ux, ez);
            for (int i = 0; i < d.coneDim; i++) {
                ez[i] = bz[i] - (ez[i] - uz[i]);
                norm += ez[i] * ez[i];
            }
            if (step > 0 && !(norm < previous)) {
                // the last correction did not help: undo it and stop
                for (int v = 0; v < d.n; v++) {
                    ux[v] -= cx[v];
                }
                for (int i = 0; i < d.p; i++) {
                    uy[i] -= cy[i];
                }
                for (int i = 0; i < d.coneDim; i++) {
                    uz[i] -= cz[i];
                }
                return;
            }
            if (step >= MAX_REFINEMENT || norm == 0 || (step >= MIN_REFINEMENT && norm > 0.25 * previous)) {
                return;
            }
            previous = norm;
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

    /**
     * One solve by block elimination. With the border C = [A; g_r^T (bordered rows r)],
     * w_r = 1 / scale_r, and M = H_rest + A^T A + sum rho_r g_r g_r^T (H_rest: the normal
     * matrix without the bordered rows), the unknowns u = (uy, u_r), u_r = (1 + rho_r w_r^2) dz_r
     * (dz_r = uz~_r / w_r, the unscaled multiplier step) solve
     * <pre>
     *   M ux + C^T u = bx + Gs_rest^T bz + A^T by + sum rho_r w_r bz_r g_r
     *   C ux - E u  = (by, w_r bz_r),     E = diag(0, w_r^2 / (1 + rho_r w_r^2)),
     * </pre>
     * through the Schur complement C M^{-1} C^T + E. A bordered row's uz~_r comes from u_r, not
     * from the cancelling difference g_r^T ux / w_r - bz_r.
     */
    private void solveOnce(double[] bx, double[] by, double[] bz, double[] ux, double[] uy, double[] uz) {
        int n = d.n;
        double[] tn = new double[n];
        gsTMul(bz, bigCount > 0, tn);
        double[] rhs = new double[n];
        double[] aty = new double[n];
        d.aTMul(by, aty);
        for (int v = 0; v < n; v++) {
            rhs[v] = bx[v] + tn[v] + aty[v];
        }
        double[][] bzRot = new double[d.blocks.length][];
        double[] rhs2 = new double[bigCount];
        if (bigCount > 0) {
            for (int i = 0; i < d.l; i++) {
                if (linBorder[i] >= 0) {
                    rhs2[linBorder[i]] = bz[i] / linWeight[i];
                }
            }
            for (int k = 0; k < d.blocks.length; k++) {
                if (rotU[k] != null) {
                    bzRot[k] = toRotated(k, bz);
                    for (int r = 0; r < bzRot[k].length; r++) {
                        int t = rotBorder[k][r];
                        if (t >= 0) {
                            rhs2[t] = bzRot[k][r] / rotScale[k][r];
                        }
                    }
                }
            }
            for (int t = 0; t < bigCount; t++) {
                double f = borderRho[t] * rhs2[t];
                double[] g = borderG[t];
                for (int v = 0; v < n; v++) {
                    rhs[v] += f * g[v];
                }
            }
        }
        int rows = d.p + bigCount;
        double[] u = new double[rows];
        if (rows > 0) {
            double[] t = rhs.clone();
            solveM(t);
            d.aMul(t, u);
            for (int i = 0; i < d.p; i++) {
                u[i] -= by[i];
            }
            for (int k = 0; k < bigCount; k++) {
                double sum = 0;
                double[] g = borderG[k];
                for (int v = 0; v < n; v++) {
                    sum += g[v] * t[v];
                }
                u[d.p + k] = sum - rhs2[k];
            }
            TriangularSolver_DDRM.solveL(lowerS.data, u, rows);
            TriangularSolver_DDRM.solveTranL(lowerS.data, u, rows);
            double[] uyPart = java.util.Arrays.copyOf(u, d.p);
            d.aTMul(uyPart, aty);
            for (int v = 0; v < n; v++) {
                rhs[v] -= aty[v];
            }
            for (int k = 0; k < bigCount; k++) {
                double f = u[d.p + k];
                double[] g = borderG[k];
                for (int v = 0; v < n; v++) {
                    rhs[v] -= f * g[v];
                }
            }
            System.arraycopy(u, 0, uy, 0, d.p);
        }
        solveM(rhs);
        System.arraycopy(rhs, 0, ux, 0, n);
        gsMul(ux, uz);
        for (int i = 0; i < d.l; i++) {
            int t = linBorder[i];
            if (bigCount > 0 && t >= 0) {
                double wr = borderW[t];
                uz[i] = wr * u[d.p + t] / (1 + borderRho[t] * wr * wr);
            } else {
                uz[i] -= bz[i];
            }
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            if (rotU[k] != null) {
                double[] y = rotatedMul(k, ux);
                double[] b = bzRot[k] != null ? bzRot[k] : toRotated(k, bz);
                for (int r = 0; r < y.length; r++) {
                    int t = rotBorder[k][r];
                    if (t >= 0) {
                        double wr = borderW[t];
                        y[r] = wr * u[d.p + t] / (1 + borderRho[t] * wr * wr);
                    } else {
                        y[r] -= b[r];
                    }
                }
                fromRotated(k, y, uz);
            } else {
                int end = blk.offset + blk.m * blk.m;
                for (int i = blk.offset; i < end; i++) {
                    uz[i] -= bz[i];
                }
            }
        }
    }

    private void solveM(double[] v) {
        TriangularSolver_DDRM.solveL(lowerM.data, v, d.n);
        TriangularSolver_DDRM.solveTranL(lowerM.data, v, d.n);
    }
}

