package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * A packed Hermitian block ({@link HermitianPacking}) written in the rotated basis of the complex SVD of its scaling,
 * R^{-1} = E(P), P = U diag(sigma) V^H (n x n complex, {@link HermitianKernels#svd}). The scaled coefficient is
 * E(P F_v P^H) = E(U diag(sigma) V^H F_v V diag(sigma) U^H), so in that basis the scaled rows are the unscaled rows
 * -hvec(V^H F_v V) times sigma_a sigma_b (row (a, a): sigma_a^2; the two rows Re, Im of (a, b), a &lt; b:
 * sigma_a sigma_b), n^2 rows instead of the n (2n + 1) svec rows of {@link RotatedBlock} on the real embedding.
 *
 * <p>With hvec as in {@link HermitianPacking} (hvec(X) . hvec(Y) = tr(E(X) E(Y))): {@link #toRotated} is
 * hvec(U^H P(Z) U) with P(Z) the projection of the real block Z onto the embedded Hermitian matrices
 * ({@link HermitianKernels#extract}), so that tr(E(P F P^H) Z) = sum_r scale_r g_r toRotated(Z)_r exactly (the
 * adjoint of the rows); {@link #fromRotated} writes E(U hmat(y) U^H). A cone vector's part outside the embedded
 * Hermitian matrices, which no row reaches, is carried by {@link #addOutsideRange}.
 *
 * <p>Each real pair of rows of the embedding with the same scale is one hvec row here, whose squared norm is the
 * pair's sum: the bordering test of {@link NormalEquations#assemble} (row weight above the threshold) reads the
 * weight of the pair, and a bordered pair is one border row (the embedding's pairs were linearly dependent).
 */
final class HermitianRotatedBlock extends RotatedBlock {
    private final int n;
    private final int offset;
    private final double[] uRe;
    private final double[] uIm;
    // scratch n x n (a block is used by one thread)
    private final double[] hRe;
    private final double[] hIm;
    private final double[] tRe;
    private final double[] tIm;

    private HermitianRotatedBlock(ConicData.Block blk, double[] scale, DMatrixRMaj rows, int n, double[] uRe,
            double[] uIm) {
        super(blk, null, scale, rows);
        this.n = n;
        this.offset = blk.offset;
        this.uRe = uRe;
        this.uIm = uIm;
        hRe = new double[n * n];
        hIm = new double[n * n];
        tRe = new double[n * n];
        tIm = new double[n * n];
    }

    /**
     * The rotated form of a packed Hermitian block under its scaling; the real {@link RotatedBlock} if the complex
     * SVD fails.
     *
     * @param packing the block's packing
     * @param blk the block
     * @param rInv R^{-1} = E(P), 2n x 2n row-major; not modified
     * @return the rotated block, no row bordered yet
     */
    static RotatedBlock of(HermitianPacking packing, ConicData.Block blk, double[] rInv) {
        int n = packing.n;
        double[] aRe = new double[n * n];
        double[] aIm = new double[n * n];
        HermitianKernels.unembed(rInv, n, aRe, aIm);
        double[] uRe = new double[n * n];
        double[] uIm = new double[n * n];
        double[] vRe = new double[n * n];
        double[] vIm = new double[n * n];
        double[] sv = new double[n];
        if (!HermitianKernels.svd(aRe, aIm, n, uRe, uIm, vRe, vIm, sv)) {
            return RotatedBlock.of(blk, rInv);
        }
        int len = HermitianPacking.length(n);
        double[] scale = new double[len];
        int q = 0;
        for (int a = 0; a < n; a++) {
            scale[q++] = sv[a] * sv[a];
            for (int b = a + 1; b < n; b++) {
                scale[q++] = sv[a] * sv[b];
                scale[q++] = sv[a] * sv[b];
            }
        }
        int nv = blk.vars.length;
        DMatrixRMaj g = new DMatrixRMaj(len, nv);
        double[] bRe = new double[n * n];
        double[] bIm = new double[n * n];
        for (int j = 0; j < nv; j++) {
            packing.congruence(j, vRe, vIm, bRe, bIm);
            q = 0;
            for (int a = 0; a < n; a++) {
                g.data[q++ * nv + j] = -Svec.SQRT2 * bRe[a * n + a];
                for (int b = a + 1; b < n; b++) {
                    g.data[q++ * nv + j] = -(bRe[a * n + b] + bRe[b * n + a]);
                    g.data[q++ * nv + j] = -(bIm[a * n + b] - bIm[b * n + a]);
                }
            }
        }
        return new HermitianRotatedBlock(blk, scale, g, n, uRe, uIm);
    }

    /** hvec(U^H P(Z) U) of this block of a cone vector: T = P(Z) U, then the upper triangle of U^H T. */
    @Override
    double[] toRotated(double[] z) {
        HermitianKernels.extract(z, offset, n, hRe, hIm);
        HermitianKernels.mult(hRe, hIm, uRe, uIm, n, tRe, tIm);
        double[] out = new double[HermitianPacking.length(n)];
        int q = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) {
                    // conj(U[k, a]) T[k, b]
                    double xr = uRe[k * n + a];
                    double xi = uIm[k * n + a];
                    double yr = tRe[k * n + b];
                    double yi = tIm[k * n + b];
                    sr += xr * yr + xi * yi;
                    si += xr * yi - xi * yr;
                }
                if (a == b) {
                    out[q++] = Svec.SQRT2 * sr;
                } else {
                    out[q++] = 2 * sr;
                    out[q++] = 2 * si;
                }
            }
        }
        return out;
    }

    /** Writes E(U hmat(y) U^H) into this block of a cone vector: T = U hmat(y), then the upper triangle of T U^H. */
    @Override
    void fromRotated(double[] y, double[] out) {
        int q = 0;
        for (int a = 0; a < n; a++) {
            hRe[a * n + a] = y[q++] / Svec.SQRT2;
            hIm[a * n + a] = 0;
            for (int b = a + 1; b < n; b++) {
                double r = 0.5 * y[q++];
                double s = 0.5 * y[q++];
                hRe[a * n + b] = r;
                hRe[b * n + a] = r;
                hIm[a * n + b] = s;
                hIm[b * n + a] = -s;
            }
        }
        HermitianKernels.mult(uRe, uIm, hRe, hIm, n, tRe, tIm);
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) {
                    // T[i, k] conj(U[j, k])
                    double xr = tRe[i * n + k];
                    double xi = tIm[i * n + k];
                    double yr = uRe[j * n + k];
                    double yi = uIm[j * n + k];
                    sr += xr * yr + xi * yi;
                    si += xi * yr - xr * yi;
                }
                if (i == j) {
                    si = 0;
                }
                // E(X) = [[Re, -Im], [Im, Re]] with X_ij = sr + j si, X_ji = sr - j si
                out[offset + i * m + j] = sr;
                out[offset + j * m + i] = sr;
                out[offset + (i + n) * m + j + n] = sr;
                out[offset + (j + n) * m + i + n] = sr;
                out[offset + (i + n) * m + j] = si;
                out[offset + (j + n) * m + i] = -si;
                out[offset + i * m + j + n] = -si;
                out[offset + j * m + i + n] = si;
            }
        }
    }

    /** uz -= sym(Bz) - E(P(Bz)) on this block: the part of -bz that no hvec row reaches. */
    @Override
    void addOutsideRange(double[] bz, double[] uz) {
        HermitianKernels.extract(bz, offset, n, hRe, hIm);
        int m = 2 * n;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                int a = i % n;
                int b = j % n;
                boolean top = i < n;
                boolean left = j < n;
                double e = top == left ? hRe[a * n + b] : (top ? -hIm[a * n + b] : hIm[a * n + b]);
                double sym = 0.5 * (bz[offset + i * m + j] + bz[offset + j * m + i]);
                uz[offset + i * m + j] -= sym - e;
            }
        }
    }
}
