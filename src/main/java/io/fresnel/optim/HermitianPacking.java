package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * The scaled columns of an unrotated Hermitian PSD block ({@link ConeProgram#addHermitianPsd}) packed as n^2 real
 * rows ("hvec") instead of the svec(2n) = n (2n + 1) rows of its real 2n x 2n embedding, with the products of
 * {@link ScaledConstraints} and the Gram matrix of {@link BlockGrams} done in n x n complex arithmetic.
 *
 * <p>Packing. For a Hermitian n x n X = A + j B (A symmetric, B antisymmetric) with real embedding
 * E(X) = [[A, -B], [B, A]],
 *
 * <pre>
 *   hvec(X) = ( sqrt2 a_ii  for each i ;  2 a_ij, 2 b_ij  for each i &lt; j ),   row by row (i, then j &gt; i),
 * </pre>
 *
 * so that hvec(X) . hvec(Y) = 2 sum_i a_ii a'_ii + 4 sum_{i&lt;j} (a_ij a'_ij + b_ij b'_ij) = 2 Re tr(X Y^H)
 * = tr(E(X) E(Y)) = svec(E(X)) . svec(E(Y)): the Gram matrix, the column norms (the block trace of
 * {@link ScaledConstraints#rescale}) and every inner product of the scaled system are those of the svec layout, with
 * n^2 instead of n (2n + 1) rows (25 instead of 55 for n = 5).
 *
 * <p>Scaled coefficients. The Nesterov-Todd factor of a Hermitian block is the embedding of a complex one
 * ({@link HermitianScaling}: R^{-1} = E(P)), and E is an algebra homomorphism with E(X)^T = E(X^H), so the scaled
 * coefficient R^{-1} F_v R^{-T} is E(P F_v P^H): computed on the n x n complex matrices (a complex multiply-add is
 * four real ones, against the eight of the 2n x 2n real product; a complex coefficient entry stands for two to four
 * real ones). F_v is read from the embedding's left quadrants (Re from the top-left, Im from the bottom-left);
 * {@link #of} packs a block only if the embedding reproduces every stored entry exactly, which it does for
 * blocks written through {@link HermitianPsdBlock} (the equilibration's congruence scales i and i + n alike).
 *
 * <p>Adjoint. mul writes E(X) in full (2n x 2n); transposeMul reads an arbitrary real 2n x 2n Z as
 * tr(E(F^) Z) = hvec(F^) . z with z_ii = (Z_ii + Z_{i+n,i+n}) / sqrt2,
 * z_re(ij) = (Z_ij + Z_ji + Z_{i+n,j+n} + Z_{j+n,i+n}) / 2 and
 * z_im(ij) = (Z_{i+n,j} - Z_{i,j+n} + Z_{j,i+n} - Z_{j+n,i}) / 2, i.e. 2 hvec-weights times the projection of Z onto
 * the embedded Hermitian matrices ({@link HermitianKernels#extract}), so that the two are exact adjoints.
 *
 * <p>Gram. tr(F_i Q F_j Q) with Q = E(Qc) is 2 Re tr(F_i Qc F_j Qc): T_j = Qc F_j Qc = sum_e f_e Qc[:, r_e] Qc[c_e, :]
 * costs 4 n^2 real multiply-adds per complex entry, and each entry of H then costs 2 per entry of F_i.
 */
final class HermitianPacking {
    /** The complex dimension n (the embedding has 2n). */
    final int n;
    private final int nv;
    /** Per variable: its complex entries (row, column, re, im), both triangles, row-major order; null if dense. */
    private final int[][] rows;
    private final int[][] cols;
    private final double[][] re;
    private final double[][] im;
    /** Per variable: its complex F_v as n x n row-major (re, im), or null on the sparse path. */
    private final double[][] denseRe;
    private final double[][] denseIm;
    /** Per dense variable: {lo, hi}, F_v is zero outside rows and columns lo..hi. */
    private final int[][] range;
    /** Whether {@link BlockGrams} forms the Gram matrix from the complex entries ({@link #sparseGram}). */
    private boolean gramFromEntries;

    private HermitianPacking(int n, int nv) {
        this.n = n;
        this.nv = nv;
        rows = new int[nv][];
        cols = new int[nv][];
        re = new double[nv][];
        im = new double[nv][];
        denseRe = new double[nv][];
        denseIm = new double[nv][];
        range = new int[nv][];
    }

    /** @return whether {@link BlockGrams} forms this block's Gram matrix with {@link #sparseGram} (cheaper) */
    boolean gramFromEntries() {
        return gramFromEntries;
    }

    /** @return n^2, the number of rows of hvec for an n x n Hermitian matrix */
    static int length(int n) {
        return n * n;
    }

    /**
     * The complex form of a Hermitian block, or null if its stored coefficients are not exactly the real embedding of
     * Hermitian matrices (then the block stays on the svec layout). A variable with more than 2n complex entries
     * takes the dense path of {@link #scaledColumns} (as a real variable with more than 2m entries does in
     * {@link ScaledConstraints}).
     *
     * @param blk a block with {@code hermitian} set (m even)
     * @return the packing, or null
     */
    static HermitianPacking of(ConicData.Block blk) {
        if (!blk.hermitian || blk.m % 2 != 0) {
            return null;
        }
        int m = blk.m;
        int n = m / 2;
        int nv = blk.vars.length;
        HermitianPacking p = new HermitianPacking(n, nv);
        double[] f = new double[m * m];
        double[] xr = new double[n * n];
        double[] xi = new double[n * n];
        long complexNnz = 0;
        for (int j = 0; j < nv; j++) {
            java.util.Arrays.fill(f, 0);
            for (int e = 0; e < blk.vals[j].length; e++) {
                f[blk.rows[j][e] * m + blk.cols[j][e]] += blk.vals[j][e];
            }
            int count = 0;
            int lo = n;
            int hi = -1;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double r = f[a * m + b];
                    double s = f[(a + n) * m + b];
                    // E(X) = [[Re, -Im], [Im, Re]] must reproduce the stored matrix in every bit, X Hermitian
                    if (f[(a + n) * m + b + n] != r || f[a * m + b + n] != -s || f[b * m + a] != r
                            || f[(b + n) * m + a] != -s) {
                        return null;
                    }
                    xr[a * n + b] = r;
                    xi[a * n + b] = s;
                    if (r != 0 || s != 0) {
                        count++;
                        lo = Math.min(lo, Math.min(a, b));
                        hi = Math.max(hi, Math.max(a, b));
                    }
                }
            }
            complexNnz += count;
            if (count > 2 * n) {
                p.denseRe[j] = xr.clone();
                p.denseIm[j] = xi.clone();
                p.range[j] = new int[] {lo, hi};
            }
            p.rows[j] = new int[count];
            p.cols[j] = new int[count];
            p.re[j] = new double[count];
            p.im[j] = new double[count];
            int t = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (xr[a * n + b] != 0 || xi[a * n + b] != 0) {
                        p.rows[j][t] = a;
                        p.cols[j][t] = b;
                        p.re[j][t] = xr[a * n + b];
                        p.im[j][t++] = xi[a * n + b];
                    }
                }
            }
        }
        // multiply-adds: T_j costs 4 n^2 per complex entry and H about nv nnz more; the dense Gram n^2 nv^2 / 2
        double gramCost = (double) length(n) * nv * nv;
        double sparseCost = 4.0 * complexNnz * n * n + (double) nv * complexNnz;
        p.gramFromEntries = sparseCost < 0.5 * gramCost;
        return p;
    }

    /**
     * -hvec(P F_v P^H) for every variable, as the columns of a matrix (sign of G folded in), with P the complex
     * matrix of R^{-1} = E(P). Sparse F_v: T = sum_e f_e P[:, r_e] P[:, c_e]^H, packed as its Hermitian part
     * (T + T^H) / 2. Dense F_v, zero outside rows and columns lo..hi: U = P F_v over those columns, then the upper
     * triangle of U P^H (each entry computed once).
     *
     * @param rInv R^{-1}, 2n x 2n row-major, the embedding of a complex matrix; not modified
     * @return n^2 x nv
     */
    DMatrixRMaj scaledColumns(double[] rInv) {
        double[] pr = new double[n * n];
        double[] pi = new double[n * n];
        HermitianKernels.unembed(rInv, n, pr, pi);
        DMatrixRMaj out = new DMatrixRMaj(length(n), nv);
        double[] od = out.data;
        double[] tr = new double[n * n];
        double[] ti = new double[n * n];
        for (int j = 0; j < nv; j++) {
            if (denseRe[j] == null) {
                sparseColumn(j, pr, pi, tr, ti);
                int q = 0;
                for (int a = 0; a < n; a++) {
                    od[q++ * nv + j] = -Svec.SQRT2 * tr[a * n + a];
                    for (int b = a + 1; b < n; b++) {
                        od[q++ * nv + j] = -(tr[a * n + b] + tr[b * n + a]);
                        od[q++ * nv + j] = -(ti[a * n + b] - ti[b * n + a]);
                    }
                }
            } else {
                denseColumn(j, pr, pi, tr, ti, od);
            }
        }
        return out;
    }

    /** (tr, ti) = sum_e f_e P[:, r_e] P[:, c_e]^H over the entries of variable j. */
    private void sparseColumn(int j, double[] pr, double[] pi, double[] tr, double[] ti) {
        java.util.Arrays.fill(tr, 0);
        java.util.Arrays.fill(ti, 0);
        int[] rj = rows[j];
        int[] cj = cols[j];
        for (int e = 0; e < rj.length; e++) {
            double fr = re[j][e];
            double fi = im[j][e];
            int r = rj[e];
            int c = cj[e];
            for (int a = 0; a < n; a++) {
                // u = f P[a, r]
                double par = pr[a * n + r];
                double pai = pi[a * n + r];
                double ur = fr * par - fi * pai;
                double ui = fr * pai + fi * par;
                if (ur == 0 && ui == 0) {
                    continue;
                }
                int off = a * n;
                for (int b = 0; b < n; b++) {
                    // u conj(P[b, c])
                    double qr = pr[b * n + c];
                    double qi = pi[b * n + c];
                    tr[off + b] += ur * qr + ui * qi;
                    ti[off + b] += ui * qr - ur * qi;
                }
            }
        }
    }

    /** Column j of the dense path: U = P F_v over the columns lo..hi, then -hvec of the upper triangle of U P^H. */
    private void denseColumn(int j, double[] pr, double[] pi, double[] ur, double[] ui, double[] od) {
        double[] fr = denseRe[j];
        double[] fi = denseIm[j];
        int lo = range[j][0];
        int hi = range[j][1];
        for (int a = 0; a < n; a++) {
            int ra = a * n;
            for (int b = lo; b <= hi; b++) {
                double sr = 0;
                double si = 0;
                for (int c = lo; c <= hi; c++) {
                    double xr = pr[ra + c];
                    double xi = pi[ra + c];
                    double yr = fr[c * n + b];
                    double yi = fi[c * n + b];
                    sr += xr * yr - xi * yi;
                    si += xr * yi + xi * yr;
                }
                ur[ra + b] = sr;
                ui[ra + b] = si;
            }
        }
        int q = 0;
        for (int a = 0; a < n; a++) {
            int ra = a * n;
            for (int b = a; b < n; b++) {
                int rb = b * n;
                double sr = 0;
                double si = 0;
                for (int c = lo; c <= hi; c++) {
                    // U[a, c] conj(P[b, c])
                    double xr = ur[ra + c];
                    double xi = ui[ra + c];
                    double yr = pr[rb + c];
                    double yi = pi[rb + c];
                    sr += xr * yr + xi * yi;
                    si += xi * yr - xr * yi;
                }
                if (a == b) {
                    od[q++ * nv + j] = -Svec.SQRT2 * sr;
                } else {
                    od[q++ * nv + j] = -2 * sr;
                    od[q++ * nv + j] = -2 * si;
                }
            }
        }
    }

    /**
     * B = V^H F_j V = sum_e f_e conj(V[r_e, :])^T V[c_e, :] (n^2 complex multiply-adds per entry of F_j), for the
     * rotated rows of {@link HermitianRotatedBlock}.
     *
     * @param j the variable (index into the block's variables)
     * @param vRe V, n x n row-major (re); not modified
     * @param vIm V (im); not modified
     * @param bRe B out (re), n x n
     * @param bIm B out (im)
     */
    void congruence(int j, double[] vRe, double[] vIm, double[] bRe, double[] bIm) {
        java.util.Arrays.fill(bRe, 0);
        java.util.Arrays.fill(bIm, 0);
        for (int e = 0; e < rows[j].length; e++) {
            double fr = re[j][e];
            double fi = im[j][e];
            int rOff = rows[j][e] * n;
            int cOff = cols[j][e] * n;
            for (int a = 0; a < n; a++) {
                // u = f conj(V[r, a])
                double xr = vRe[rOff + a];
                double xi = -vIm[rOff + a];
                double ur = fr * xr - fi * xi;
                double ui = fr * xi + fi * xr;
                if (ur == 0 && ui == 0) {
                    continue;
                }
                int off = a * n;
                for (int b = 0; b < n; b++) {
                    double yr = vRe[cOff + b];
                    double yi = vIm[cOff + b];
                    bRe[off + b] += ur * yr - ui * yi;
                    bIm[off + b] += ur * yi + ui * yr;
                }
            }
        }
    }

    /**
     * out = E(X) for the block at offset, X the Hermitian matrix with hvec(X) = columns x (x over the block's
     * variables vars).
     *
     * @param columns n^2 x nv; not modified
     * @param vars the block's variables
     * @param x length n; not modified
     * @param m 2n
     * @param offset the block's offset in the cone vector
     * @param out the cone vector; the block's m^2 entries written
     */
    static void mul(DMatrixRMaj columns, int[] vars, double[] x, int m, int offset, double[] out) {
        int n = m / 2;
        int nv = vars.length;
        double[] fd = columns.data;
        int q = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                if (a == b) {
                    double v = row(fd, q++, nv, vars, x) / Svec.SQRT2;
                    out[offset + a * m + a] = v;
                    out[offset + (a + n) * m + a + n] = v;
                    out[offset + a * m + a + n] = 0;
                    out[offset + (a + n) * m + a] = 0;
                    continue;
                }
                double r = 0.5 * row(fd, q++, nv, vars, x);
                double s = 0.5 * row(fd, q++, nv, vars, x);
                // [[A, -B], [B, A]] with A_ab = A_ba = r, B_ab = -B_ba = s
                out[offset + a * m + b] = r;
                out[offset + b * m + a] = r;
                out[offset + (a + n) * m + b + n] = r;
                out[offset + (b + n) * m + a + n] = r;
                out[offset + (a + n) * m + b] = s;
                out[offset + (b + n) * m + a] = -s;
                out[offset + a * m + b + n] = -s;
                out[offset + b * m + a + n] = s;
            }
        }
    }

    private static double row(double[] fd, int q, int nv, int[] vars, double[] x) {
        double sum = 0;
        int base = q * nv;
        for (int j = 0; j < nv; j++) {
            sum += fd[base + j] * x[vars[j]];
        }
        return sum;
    }

    /**
     * out[vars[j]] += tr(E(F^_j) Z) for an arbitrary real 2n x 2n block Z of z (the adjoint of {@link #mul}).
     *
     * @param columns n^2 x nv; not modified
     * @param vars the block's variables
     * @param z the cone vector; not modified
     * @param m 2n
     * @param offset the block's offset in z
     * @param out length n; modified
     */
    static void transposeMulAdd(DMatrixRMaj columns, int[] vars, double[] z, int m, int offset, double[] out) {
        int n = m / 2;
        int nv = vars.length;
        double[] fd = columns.data;
        int q = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                if (a == b) {
                    double zv = (z[offset + a * m + a] + z[offset + (a + n) * m + a + n]) / Svec.SQRT2;
                    addRow(fd, q++, nv, vars, zv, out);
                    continue;
                }
                double zr = 0.5 * (z[offset + a * m + b] + z[offset + b * m + a] + z[offset + (a + n) * m + b + n]
                        + z[offset + (b + n) * m + a + n]);
                double zi = 0.5 * (z[offset + (a + n) * m + b] - z[offset + a * m + b + n] + z[offset + b * m + a + n]
                        - z[offset + (b + n) * m + a]);
                addRow(fd, q++, nv, vars, zr, out);
                addRow(fd, q++, nv, vars, zi, out);
            }
        }
    }

    private static void addRow(double[] fd, int q, int nv, int[] vars, double zv, double[] out) {
        if (zv == 0) {
            return;
        }
        int base = q * nv;
        for (int j = 0; j < nv; j++) {
            out[vars[j]] += fd[base + j] * zv;
        }
    }

    /**
     * H(i, j) = tr(F_i Q F_j Q) = 2 Re tr(F_i Qc F_j Qc) over the block's variables, Q = E(Qc) (the two signs of G
     * cancel).
     *
     * @param q Q, 2n x 2n row-major, the embedding of a complex Hermitian matrix; not modified
     * @return nv x nv, full
     */
    double[] sparseGram(double[] q) {
        double[] qr = new double[n * n];
        double[] qi = new double[n * n];
        HermitianKernels.unembed(q, n, qr, qi);
        double[] g = new double[nv * nv];
        double[] tr = new double[n * n];
        double[] ti = new double[n * n];
        for (int j = 0; j < nv; j++) {
            // T_j = Qc F_j Qc = sum_e f_e Qc[:, r_e] Qc[c_e, :], and Qc[c, b] = conj(Qc[b, c]) (Qc is stored exactly
            // Hermitian: HermitianKernels.gram writes one triangle and its conjugate), so it is the sum of
            // sparseColumn with Qc for P, term for term the same products
            sparseColumn(j, qr, qi, tr, ti);
            for (int i = 0; i <= j; i++) {
                int[] ri = rows[i];
                int[] ci = cols[i];
                double[] vr = re[i];
                double[] vi = im[i];
                double sum = 0;
                for (int e = 0; e < ri.length; e++) {
                    int t = ci[e] * n + ri[e];
                    sum += vr[e] * tr[t] - vi[e] * ti[t];
                }
                g[i * nv + j] = 2 * sum;
                g[j * nv + i] = 2 * sum;
            }
        }
        return g;
    }
}
