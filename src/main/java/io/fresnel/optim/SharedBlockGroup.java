package io.fresnel.optim;

import java.util.Arrays;

/**
 * PSD blocks of equal size that share the same dense coefficient matrices F_v for a common set of
 * variables S (bit for bit, after equilibration), each with a few sparse variables of its own: the
 * Schur LMIs [[J(x), e_k], [e_k^T, tau_k]] of the CRB programs, one per coordinate k, all with the
 * same Fisher information J(x) (paper 004 (28b)/(35b)).
 *
 * <p>The normal matrix's contribution of the shared variables is summed over the members before it
 * is formed: with Q_k = R_k^{-T} R_k^{-1},
 *
 * <pre>
 *   sum_k tr(F_v Q_k F_w Q_k) = p_v^T (sum_k K_k) p_w,   K_k[(ab), (cd)] = beta_ab beta_cd (Q_ac Q_bd + Q_ad Q_bc)
 * </pre>
 *
 * over the upper triangle (a &lt;= b) of the support of the F_v (p_v: the upper-triangle entries of F_v;
 * beta = 1/sqrt(2) on the diagonal and sqrt(2) off it), i.e. one product P^T K P (s' = s (s + 1) / 2 rows)
 * for the group instead of per member the scaled columns svec(R_k^{-1} F_v R_k^{-T}) (2 m^3 per variable)
 * and their Gram product (svec(m) |S|^2 / 2). For six 11 x 11 blocks with 81 shared variables of support
 * 10 x 10: 0.43 million multiply-adds per scaling instead of 2.2 million. The products apply the members
 * through their matrices: (Gs x)_k = -R_k^{-1} F_k(x) R_k^{-T} with the shared part J(x) = sum_S x_v F_v
 * formed once, and (Gs^T z)_v = -tr(F_v sum_k R_k^{-T} Z_k R_k^{-1}) for v in S, contracted once.
 *
 * <p>A member that is rotated ({@link RotatedBlock}, border rows) leaves the group's sums for that
 * factorisation; the caller passes which members take part. Groups are found by {@link SharedBlockGroups#detect}.
 */
final class SharedBlockGroup {
    final int[] members;
    /** The shared variables (the same, in the same order, in every member). */
    final int[] shared;
    /** Per member: the positions (in its block's vars) of its own variables. */
    final int[][] own;
    /** The support of the shared F_v: block indices, ascending. */
    private final int[] support;
    /** The upper triangle of the support: per pair (a &lt;= b) its block indices. */
    private final int[] pairRow;
    private final int[] pairCol;
    /** pairs x |S|, row-major: the upper-triangle entries of F_v on the support (p_v as columns). */
    private final double[] coef;
    /** pairs x pairs: P P^T (for the traces). */
    private final double[] coefGram;
    private final ConicData d;

    // per scaling
    /** Per member: K_k (pairs x pairs, row-major). */
    private double[][] kernel;
    /** Per member and own variable: T_o = Q F_o Q (m x m). */
    private double[][][] ownT;
    /** Per member: R^{-1} and R^{-T}. */
    private double[][] rInv;
    private double[][] rInvT;

    SharedBlockGroup(ConicData d, int[] members, int[] shared, int[][] own, int[] support) {
        this.d = d;
        this.members = members;
        this.shared = shared;
        this.own = own;
        this.support = support;
        int s = support.length;
        int pairs = Svec.length(s);
        pairRow = new int[pairs];
        pairCol = new int[pairs];
        int[] index = new int[d.blocks[members[0]].m];
        Arrays.fill(index, -1);
        for (int a = 0; a < s; a++) {
            index[support[a]] = a;
        }
        int q = 0;
        for (int a = 0; a < s; a++) {
            for (int b = a; b < s; b++) {
                pairRow[q] = support[a];
                pairCol[q] = support[b];
                q++;
            }
        }
        ConicData.Block first = d.blocks[members[0]];
        int ns = shared.length;
        coef = new double[pairs * ns];
        int[] pos = positions(first, shared);
        for (int v = 0; v < ns; v++) {
            int j = pos[v];
            for (int e = 0; e < first.vals[j].length; e++) {
                int a = index[first.rows[j][e]];
                int b = index[first.cols[j][e]];
                if (a <= b) {
                    coef[pairIndex(a, b, s) * ns + v] += first.vals[j][e];
                }
            }
        }
        coefGram = new double[pairs * pairs];
        for (int x = 0; x < pairs; x++) {
            for (int y = 0; y < pairs; y++) {
                double sum = 0;
                for (int v = 0; v < ns; v++) {
                    sum += coef[x * ns + v] * coef[y * ns + v];
                }
                coefGram[x * pairs + y] = sum;
            }
        }
    }

    private static int pairIndex(int a, int b, int s) {
        return a * s - a * (a - 1) / 2 + (b - a);
    }

    private double beta(int pair) {
        return pairRow[pair] == pairCol[pair] ? 1 / Svec.SQRT2 : Svec.SQRT2;
    }

    private static int[] positions(ConicData.Block blk, int[] vars) {
        int[] pos = new int[vars.length];
        for (int v = 0; v < vars.length; v++) {
            pos[v] = -1;
            for (int j = 0; j < blk.vars.length; j++) {
                if (blk.vars[j] == vars[v]) {
                    pos[v] = j;
                }
            }
        }
        return pos;
    }

    /**
     * Prepares a scaling: per member K_k, T_o = Q F_o Q for its own variables, and its total weight
     * sum_v ||R^{-1} F_v R^{-T}||^2 = &lt;K_k, P P^T&gt; + sum_o tr(F_o Q F_o Q).
     *
     * @param w the scaling
     * @param blockTrace per block its total weight; the members' entries written
     */
    void rescale(NtScaling w, double[] blockTrace) {
        int pairs = pairRow.length;
        int nm = members.length;
        kernel = new double[nm][];
        ownT = new double[nm][][];
        rInv = new double[nm][];
        rInvT = new double[nm][];
        for (int i = 0; i < nm; i++) {
            int k = members[i];
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            double[] q = w.q[k];
            rInv[i] = w.rInv[k].clone();
            rInvT[i] = new double[m * m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    rInvT[i][b * m + a] = rInv[i][a * m + b];
                }
            }
            double[] kk = new double[pairs * pairs];
            double trace = 0;
            for (int x = 0; x < pairs; x++) {
                int a = pairRow[x];
                int b = pairCol[x];
                double bx = beta(x);
                for (int y = x; y < pairs; y++) {
                    int c = pairRow[y];
                    int e = pairCol[y];
                    double v = bx * beta(y) * (q[a * m + c] * q[b * m + e] + q[a * m + e] * q[b * m + c]);
                    kk[x * pairs + y] = v;
                    kk[y * pairs + x] = v;
                }
            }
            for (int x = 0; x < pairs * pairs; x++) {
                trace += kk[x] * coefGram[x];
            }
            kernel[i] = kk;
            ownT[i] = new double[own[i].length][];
            for (int o = 0; o < own[i].length; o++) {
                double[] t = qfq(blk, own[i][o], q);
                ownT[i][o] = t;
                trace += ownDot(blk, own[i][o], t);
            }
            blockTrace[k] = trace;
        }
    }

    /** T = Q F_j Q = sum_e f_e Q[:, r_e] Q[c_e, :] (m^2 per nonzero). */
    private static double[] qfq(ConicData.Block blk, int j, double[] q) {
        int m = blk.m;
        double[] t = new double[m * m];
        for (int e = 0; e < blk.vals[j].length; e++) {
            double f = blk.vals[j][e];
            int re = blk.rows[j][e];
            int cOff = blk.cols[j][e] * m;
            for (int a = 0; a < m; a++) {
                double qa = f * q[a * m + re];
                for (int b = 0; b < m; b++) {
                    t[a * m + b] += qa * q[cOff + b];
                }
            }
        }
        return t;
    }

    /** tr(F_j T) = sum_e f_e T[c_e, r_e] (T symmetric). */
    private static double ownDot(ConicData.Block blk, int j, double[] t) {
        int m = blk.m;
        double sum = 0;
        for (int e = 0; e < blk.vals[j].length; e++) {
            sum += blk.vals[j][e] * t[blk.cols[j][e] * m + blk.rows[j][e]];
        }
        return sum;
    }

    /**
     * The shared variables' part of the normal matrix, P^T (sum over the taking part members of K_k) P.
     *
     * @param taking per member whether it takes part
     * @return |S| x |S|, full, row-major; null when no member takes part
     */
    double[] sharedGram(boolean[] taking) {
        int pairs = pairRow.length;
        int ns = shared.length;
        double[] ks = new double[pairs * pairs];
        boolean any = false;
        for (int i = 0; i < members.length; i++) {
            if (taking[i]) {
                any = true;
                double[] kk = kernel[i];
                for (int x = 0; x < ks.length; x++) {
                    ks[x] += kk[x];
                }
            }
        }
        if (!any) {
            return null;
        }
        // kp = K P (pairs x |S|)
        double[] kp = new double[pairs * ns];
        for (int x = 0; x < pairs; x++) {
            int rx = x * ns;
            for (int y = 0; y < pairs; y++) {
                double kxy = ks[x * pairs + y];
                if (kxy == 0) {
                    continue;
                }
                int ry = y * ns;
                for (int v = 0; v < ns; v++) {
                    kp[rx + v] += kxy * coef[ry + v];
                }
            }
        }
        // g = P^T kp, upper triangle accumulated pair by pair, then mirrored
        double[] g = new double[ns * ns];
        for (int x = 0; x < pairs; x++) {
            int rx = x * ns;
            for (int v = 0; v < ns; v++) {
                double c = coef[rx + v];
                if (c == 0) {
                    continue;
                }
                int off = v * ns;
                for (int u = v; u < ns; u++) {
                    g[off + u] += c * kp[rx + u];
                }
            }
        }
        BlockGrams.mirrorUpper(g, ns);
        return g;
    }

    /**
     * hd += the member's own variables' part of the normal matrix: tr(F_o Q F_o' Q) among its own variables and
     * tr(F_o Q F_v Q) with the shared ones (both triangles).
     *
     * @param i the member (index into {@link #members})
     * @param hd the n x n normal matrix; modified
     * @param n its dimension
     */
    void scatterOwn(int i, double[] hd, int n) {
        ConicData.Block blk = d.blocks[members[i]];
        int m = blk.m;
        int ns = shared.length;
        int pairs = pairRow.length;
        for (int o = 0; o < own[i].length; o++) {
            double[] t = ownT[i][o];
            int vo = blk.vars[own[i][o]];
            for (int o2 = 0; o2 < own[i].length; o2++) {
                hd[vo * n + blk.vars[own[i][o2]]] += ownDot(blk, own[i][o2], t);
            }
            // cross terms: sum over the support's upper triangle of p_v(ab) (2 - [a = b]) T[a, b]
            double[] cross = new double[ns];
            for (int x = 0; x < pairs; x++) {
                int a = pairRow[x];
                int b = pairCol[x];
                double tab = a == b ? t[a * m + b] : t[a * m + b] + t[b * m + a];
                if (tab == 0) {
                    continue;
                }
                int rx = x * ns;
                for (int v = 0; v < ns; v++) {
                    cross[v] += coef[rx + v] * tab;
                }
            }
            for (int v = 0; v < ns; v++) {
                hd[vo * n + shared[v]] += cross[v];
                hd[shared[v] * n + vo] += cross[v];
            }
        }
    }

    /**
     * diag += the member's own variables' diagonal entries tr(F_o Q F_o Q).
     *
     * @param i the member
     * @param diag length n; modified
     */
    void addOwnDiagonal(int i, double[] diag) {
        ConicData.Block blk = d.blocks[members[i]];
        for (int o = 0; o < own[i].length; o++) {
            diag[blk.vars[own[i][o]]] += ownDot(blk, own[i][o], ownT[i][o]);
        }
    }

    /**
     * Writes (Gs x) of the taking part members, -R_k^{-1} F_k(x) R_k^{-T}, full m x m at their offsets.
     *
     * @param x length n; not modified
     * @param taking per member whether to write it
     * @param out a cone vector; modified
     * @param f scratch, m x m
     * @param t scratch, m x m
     */
    void mul(double[] x, boolean[] taking, double[] out, double[] f, double[] t) {
        int ns = shared.length;
        int pairs = pairRow.length;
        double[] jx = null;
        for (int i = 0; i < members.length; i++) {
            if (!taking[i]) {
                continue;
            }
            if (jx == null) {
                double[] xs = new double[ns];
                for (int v = 0; v < ns; v++) {
                    xs[v] = x[shared[v]];
                }
                jx = new double[pairs];
                for (int p = 0; p < pairs; p++) {
                    int rp = p * ns;
                    double sum = 0;
                    for (int v = 0; v < ns; v++) {
                        sum += coef[rp + v] * xs[v];
                    }
                    jx[p] = sum;
                }
            }
            ConicData.Block blk = d.blocks[members[i]];
            int m = blk.m;
            Arrays.fill(f, 0, m * m, 0);
            for (int p = 0; p < pairs; p++) {
                f[pairRow[p] * m + pairCol[p]] = jx[p];
                f[pairCol[p] * m + pairRow[p]] = jx[p];
            }
            for (int j : own[i]) {
                double xv = x[blk.vars[j]];
                if (xv == 0) {
                    continue;
                }
                for (int e = 0; e < blk.vals[j].length; e++) {
                    f[blk.rows[j][e] * m + blk.cols[j][e]] += xv * blk.vals[j][e];
                }
            }
            BlockProducts.congruence(m, rInv[i], f, t, out, blk.offset);
        }
    }

    /**
     * out += (Gs^T z) over the taking part members: -tr(F_v Y_k), Y_k = R_k^{-T} Z_k R_k^{-1}, summed over the
     * members for the shared variables.
     *
     * @param z a scaled cone vector; not modified
     * @param taking per member whether it takes part
     * @param out length n; modified
     * @param u scratch, m x m
     * @param y scratch, m x m
     */
    void transposeMulAdd(double[] z, boolean[] taking, double[] out, double[] u, double[] y) {
        int ns = shared.length;
        int pairs = pairRow.length;
        double[] sumY = null;
        for (int i = 0; i < members.length; i++) {
            if (!taking[i]) {
                continue;
            }
            ConicData.Block blk = d.blocks[members[i]];
            int m = blk.m;
            if (!BlockProducts.transposeCongruence(m, rInvT[i], z, blk.offset, u, y)) {
                continue;
            }
            for (int j : own[i]) {
                double sum = 0;
                for (int e = 0; e < blk.vals[j].length; e++) {
                    int r = blk.rows[j][e];
                    int c = blk.cols[j][e];
                    sum += blk.vals[j][e] * (r <= c ? y[r * m + c] : y[c * m + r]);
                }
                out[blk.vars[j]] -= sum;
            }
            if (sumY == null) {
                sumY = new double[pairs];
            }
            for (int p = 0; p < pairs; p++) {
                int a = pairRow[p];
                int b = pairCol[p];
                // both triangles of the symmetric Y: off-diagonal pairs count twice
                sumY[p] += a == b ? y[a * m + b] : 2 * y[a * m + b];
            }
        }
        if (sumY == null) {
            return;
        }
        double[] acc = new double[ns];
        for (int p = 0; p < pairs; p++) {
            double sp = sumY[p];
            if (sp == 0) {
                continue;
            }
            int rp = p * ns;
            for (int v = 0; v < ns; v++) {
                acc[v] += coef[rp + v] * sp;
            }
        }
        for (int v = 0; v < ns; v++) {
            out[shared[v]] -= acc[v];
        }
    }
}
