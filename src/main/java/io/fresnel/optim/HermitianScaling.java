package io.fresnel.optim;

/**
 * The Nesterov-Todd scaling of one Hermitian PSD block (a block of {@link ConeProgram#addHermitianPsd}, held by the
 * solver as its 2n x 2n real embedding E(X) = [[Re X, -Im X], [Im X, Re X]]) computed in n x n complex arithmetic.
 *
 * <p>The Hermitian cone's NT scaling is that of Vandenberghe's notes ("The CVXOPT linear and quadratic cone program
 * solvers", 2010, sec. 4) with transposes replaced by conjugate transposes: with S = L_s L_s^H, Z = L_z L_z^H and
 * the SVD L_z^H L_s = U diag(lambda) V^H, R = L_s V diag(lambda)^{-1/2} and R^{-1} = diag(lambda)^{-1/2} U^H L_z^H
 * give R^H Z R = R^{-1} S R^{-H} = diag(lambda). Since E is an algebra homomorphism with E(A^H) = E(A)^T, E(R) is an
 * NT scaling of the embedded pair (E(S), E(Z)) with lambda = (lambda_1..lambda_n, lambda_1..lambda_n): the same
 * scaling W as the real code's (W^T W is unique; only the orthogonal freedom R -> R O with O diag(lambda) O^T =
 * diag(lambda), which leaves every direction and step unchanged, differs), for about a quarter of the flops. The
 * scaled iterates are read through the projection of {@link HermitianKernels#extract}, which is the identity on
 * embedded Hermitian matrices (and removes the rounding-level part outside them).
 *
 * <p>Updated multiplicatively like the real blocks: R_new = R L1 V diag(lambda)^{-1/2} and R_new^{-1} =
 * diag(lambda)^{-1/2} U^H L2^H R^{-1}, where L1, L2 are the factors of the scaled iterates sTilde, zTilde.
 * Q = R^{-H} R^{-1} is formed as a Gram product (exactly Hermitian). {@link #stage} computes the new scaling,
 * {@link #commit} adopts it, so that a failed update of another block leaves this one unchanged.
 */
final class HermitianScaling {
    private final int n;
    private double[] rRe;
    private double[] rIm;
    private double[] rInvRe;
    private double[] rInvIm;
    private double[] nextRRe;
    private double[] nextRIm;
    private double[] nextRInvRe;
    private double[] nextRInvIm;
    private final double[] hRe;
    private final double[] hIm;
    private final double[] l1Re;
    private final double[] l1Im;
    private final double[] l2Re;
    private final double[] l2Im;
    private final double[] aRe;
    private final double[] aIm;
    private final double[] uRe;
    private final double[] uIm;
    private final double[] vRe;
    private final double[] vIm;
    private final double[] sv;
    private final double[] eigenWork;

    /** @param n the complex dimension; the scaling starts as the identity */
    HermitianScaling(int n) {
        this.n = n;
        int nn = n * n;
        rRe = identity(n);
        rIm = new double[nn];
        rInvRe = identity(n);
        rInvIm = new double[nn];
        nextRRe = new double[nn];
        nextRIm = new double[nn];
        nextRInvRe = new double[nn];
        nextRInvIm = new double[nn];
        hRe = new double[nn];
        hIm = new double[nn];
        l1Re = new double[nn];
        l1Im = new double[nn];
        l2Re = new double[nn];
        l2Im = new double[nn];
        aRe = new double[nn];
        aIm = new double[nn];
        uRe = new double[nn];
        uIm = new double[nn];
        vRe = new double[nn];
        vIm = new double[nn];
        sv = new double[n];
        eigenWork = new double[4 * n];
    }

    private static double[] identity(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1;
        }
        return a;
    }

    /**
     * Computes the scaling of the pair whose scaled coordinates under the current one are the embedded blocks of
     * sTilde and zTilde at off, without adopting it.
     *
     * @param lambdaOut the new lambda_1..lambda_n, then the same again (the embedding's diagonal)
     * @return false if either is not positive definite or the SVD fails
     */
    boolean stage(double[] sTilde, double[] zTilde, int off, double[] lambdaOut) {
        HermitianKernels.extract(sTilde, off, n, hRe, hIm);
        if (!HermitianKernels.cholesky(hRe, hIm, n, l1Re, l1Im)) {
            return false;
        }
        HermitianKernels.extract(zTilde, off, n, hRe, hIm);
        if (!HermitianKernels.cholesky(hRe, hIm, n, l2Re, l2Im)) {
            return false;
        }
        // A = L2^H L1 (both lower: the sum runs from max(i, j))
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int k = Math.max(i, j); k < n; k++) {
                    double ar = l2Re[k * n + i];
                    double ai = -l2Im[k * n + i];
                    double br = l1Re[k * n + j];
                    double bi = l1Im[k * n + j];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                aRe[i * n + j] = sr;
                aIm[i * n + j] = si;
            }
        }
        if (!HermitianKernels.svd(aRe, aIm, n, uRe, uIm, vRe, vIm, sv)) {
            return false;
        }
        // T = L1 V diag(sv)^{-1/2} into h; R_next = R T
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k <= i; k++) {
                    double ar = l1Re[i * n + k];
                    double ai = l1Im[i * n + k];
                    double br = vRe[k * n + j];
                    double bi = vIm[k * n + j];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                double f = 1 / Math.sqrt(sv[j]);
                hRe[i * n + j] = sr * f;
                hIm[i * n + j] = si * f;
            }
        }
        HermitianKernels.mult(rRe, rIm, hRe, hIm, n, nextRRe, nextRIm);
        // T2 = diag(sv)^{-1/2} U^H L2^H into a; R_next^{-1} = T2 R^{-1}
        for (int i = 0; i < n; i++) {
            double f = 1 / Math.sqrt(sv[i]);
            for (int j = 0; j < n; j++) {
                // (U^H L2^H)_ij = sum_k conj(U_ki) conj(L2_jk), L2_jk = 0 for k > j
                double sr = 0;
                double si = 0;
                for (int k = 0; k <= j; k++) {
                    double ar = uRe[k * n + i];
                    double ai = -uIm[k * n + i];
                    double br = l2Re[j * n + k];
                    double bi = -l2Im[j * n + k];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                aRe[i * n + j] = sr * f;
                aIm[i * n + j] = si * f;
            }
        }
        HermitianKernels.mult(aRe, aIm, rInvRe, rInvIm, n, nextRInvRe, nextRInvIm);
        for (int i = 0; i < n; i++) {
            lambdaOut[i] = sv[i];
            lambdaOut[n + i] = sv[i];
        }
        return true;
    }

    /** Adopts the staged scaling and writes E(R), E(R^{-1}) and E(Q), Q = R^{-H} R^{-1}, into the 2n x 2n arrays. */
    void commit(double[] r, double[] rInv, double[] q) {
        double[] t = rRe;
        rRe = nextRRe;
        nextRRe = t;
        t = rIm;
        rIm = nextRIm;
        nextRIm = t;
        t = rInvRe;
        rInvRe = nextRInvRe;
        nextRInvRe = t;
        t = rInvIm;
        rInvIm = nextRInvIm;
        nextRInvIm = t;
        HermitianKernels.embed(rRe, rIm, n, r);
        HermitianKernels.embed(rInvRe, rInvIm, n, rInv);
        HermitianKernels.gram(rInvRe, rInvIm, n, hRe, hIm);
        HermitianKernels.embed(hRe, hIm, n, q);
    }

    /**
     * The smallest eigenvalue of diag(lambda)^{-1/2} P(delta) diag(lambda)^{-1/2}, P the projection of {@link
     * HermitianKernels#extract} of the embedded block of delta at off (the step-length test of the block).
     *
     * @param lambda the block's n values lambda_1..lambda_n at lo
     */
    double scaledMinEigenvalue(double[] delta, int off, double[] lambda, int lo) {
        HermitianKernels.extract(delta, off, n, hRe, hIm);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double f = 1 / Math.sqrt(lambda[lo + i] * lambda[lo + j]);
                hRe[i * n + j] *= f;
                hIm[i * n + j] *= f;
            }
        }
        return HermitianKernels.minEigenvalue(hRe, hIm, n, eigenWork);
    }
}
