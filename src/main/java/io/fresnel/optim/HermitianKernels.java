package io.fresnel.optim;

/**
 * Small dense complex kernels for the Hermitian PSD blocks of {@link HermitianScaling}: complex matrices of size
 * n x n as a pair of row-major arrays (re, im) of length n^2, no allocation.
 *
 * <p>The real embedding E(A) = [[Re A, -Im A], [Im A, Re A]] is an algebra homomorphism (E(AB) = E(A) E(B),
 * E(A^H) = E(A)^T) under which a Hermitian A has the eigenvalues of A, each twice. So the Cholesky factor, the SVD
 * and the smallest eigenvalue of a Hermitian block can be computed on the n x n complex matrix and embedded back,
 * with about a quarter to a half of the flops of the 2n x 2n real ones.
 */
final class HermitianKernels {
    /** One-sided Jacobi: a pair of columns counts as orthogonal below this cosine of their angle. */
    static final double JACOBI_TOLERANCE = 1e-15;
    /** One-sided Jacobi: at most this many sweeps (convergence is quadratic; 5 x 5 takes 4-7). */
    static final int JACOBI_SWEEPS = 40;

    private HermitianKernels() {
    }

    /**
     * The Hermitian matrix H = P(V) of the real 2n x 2n matrix V stored at off (row-major): the projection onto the
     * embedded Hermitian matrices, Re H_ij = (V_ij + V_ji + V_{i+n,j+n} + V_{j+n,i+n}) / 4 and
     * Im H_ij = (V_{i+n,j} - V_{i,j+n} + V_{j,i+n} - V_{j+n,i}) / 4. It is E^{-1}(V) for an embedded Hermitian V, and
     * for any symmetric V it is E^{-1} of the average of V and J^T V J (J = [[0, -I], [I, 0]]), which keeps V PSD.
     */
    static void extract(double[] v, int off, int n, double[] re, double[] im) {
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double r = 0.25 * (v[off + i * m + j] + v[off + j * m + i] + v[off + (i + n) * m + j + n]
                        + v[off + (j + n) * m + i + n]);
                double s = i == j ? 0 : 0.25 * (v[off + (i + n) * m + j] - v[off + i * m + j + n]
                        + v[off + j * m + i + n] - v[off + (j + n) * m + i]);
                re[i * n + j] = r;
                re[j * n + i] = r;
                im[i * n + j] = s;
                im[j * n + i] = -s;
            }
        }
    }

    /**
     * A from its embedding E(A) (2n x 2n, row-major): Re A from the top-left quadrant, Im A from the bottom-left one
     * (the inverse of {@link #embed}; unlike {@link #extract}, no projection, so A need not be Hermitian).
     */
    static void unembed(double[] e, int n, double[] re, double[] im) {
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i * n + j] = e[i * m + j];
                im[i * n + j] = e[(i + n) * m + j];
            }
        }
    }

    /** out (2n x 2n, row-major) = E(A) = [[Re A, -Im A], [Im A, Re A]]. */
    static void embed(double[] re, double[] im, int n, double[] out) {
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r = re[i * n + j];
                double s = im[i * n + j];
                out[i * m + j] = r;
                out[i * m + j + n] = -s;
                out[(i + n) * m + j] = s;
                out[(i + n) * m + j + n] = r;
            }
        }
    }

    /**
     * Lower Cholesky factor L (real positive diagonal, zero above it) of the Hermitian H = L L^H.
     *
     * @return false if H is not numerically positive definite (a pivot not positive or not finite)
     */
    static boolean cholesky(double[] hRe, double[] hIm, int n, double[] lRe, double[] lIm) {
        for (int j = 0; j < n; j++) {
            double d = hRe[j * n + j];
            for (int k = 0; k < j; k++) {
                double a = lRe[j * n + k];
                double b = lIm[j * n + k];
                d -= a * a + b * b;
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            lRe[j * n + j] = ljj;
            lIm[j * n + j] = 0;
            for (int k = j + 1; k < n; k++) {
                lRe[j * n + k] = 0;
                lIm[j * n + k] = 0;
            }
            for (int i = j + 1; i < n; i++) {
                // L_ij = (H_ij - sum_k L_ik conj(L_jk)) / L_jj
                double sr = hRe[i * n + j];
                double si = hIm[i * n + j];
                for (int k = 0; k < j; k++) {
                    double ar = lRe[i * n + k];
                    double ai = lIm[i * n + k];
                    double br = lRe[j * n + k];
                    double bi = lIm[j * n + k];
                    sr -= ar * br + ai * bi;
                    si -= ai * br - ar * bi;
                }
                lRe[i * n + j] = sr / ljj;
                lIm[i * n + j] = si / ljj;
            }
        }
        return true;
    }

    /** out = A B (complex n x n; out must not alias A or B). */
    static void mult(double[] aRe, double[] aIm, double[] bRe, double[] bIm, int n, double[] oRe, double[] oIm) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) {
                    double ar = aRe[i * n + k];
                    double ai = aIm[i * n + k];
                    double br = bRe[k * n + j];
                    double bi = bIm[k * n + j];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                oRe[i * n + j] = sr;
                oIm[i * n + j] = si;
            }
        }
    }

    /** out = A^H A (Hermitian: the upper triangle computed, the lower its conjugate, a real diagonal). */
    static void gram(double[] aRe, double[] aIm, int n, double[] oRe, double[] oIm) {
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) {
                    double ar = aRe[k * n + i];
                    double ai = aIm[k * n + i];
                    double br = aRe[k * n + j];
                    double bi = aIm[k * n + j];
                    sr += ar * br + ai * bi;
                    si += ar * bi - ai * br;
                }
                oRe[i * n + j] = sr;
                oRe[j * n + i] = sr;
                oIm[i * n + j] = i == j ? 0 : si;
                oIm[j * n + i] = i == j ? 0 : -si;
            }
        }
    }

    /**
     * The singular value decomposition A = U diag(sv) V^H of a square complex matrix by one-sided Jacobi
     * (Hestenes): plane rotations of pairs of columns of G = A V, each making the pair orthogonal, until every pair
     * is orthogonal to {@link #JACOBI_TOLERANCE}; then sv_j = ||g_j|| and u_j = g_j / sv_j. For a pair (p, q) with
     * a = ||g_p||^2, b = ||g_q||^2, g_p^H g_q = |c| e^{i phi}: zeta = (b - a) / (2 |c|),
     * t = sign(zeta) / (|zeta| + sqrt(1 + zeta^2)), cs = 1 / sqrt(1 + t^2), sn = cs t, and
     * (g_p, g_q) <- (cs g_p - sn e^{-i phi} g_q, sn g_p + cs e^{-i phi} g_q), a unitary transformation. Each column
     * keeps its own relative accuracy, so small singular values are as accurate as the data allow.
     *
     * @param a A (re, im), overwritten by G
     * @param v V out (re, im)
     * @param u U out (re, im)
     * @param sv singular values out (unordered)
     * @return false if a singular value is not positive or not finite
     */
    static boolean svd(double[] aRe, double[] aIm, int n, double[] uRe, double[] uIm, double[] vRe, double[] vIm,
            double[] sv) {
        for (int i = 0; i < n * n; i++) {
            vRe[i] = 0;
            vIm[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            vRe[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double cr = 0;
                    double ci = 0;
                    for (int i = 0; i < n; i++) {
                        double pr = aRe[i * n + p];
                        double pi = aIm[i * n + p];
                        double qr = aRe[i * n + q];
                        double qi = aIm[i * n + q];
                        alpha += pr * pr + pi * pi;
                        beta += qr * qr + qi * qi;
                        cr += pr * qr + pi * qi;
                        ci += pr * qi - pi * qr;
                    }
                    double abs = Math.sqrt(cr * cr + ci * ci);
                    if (!(abs > JACOBI_TOLERANCE * Math.sqrt(alpha) * Math.sqrt(beta))) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * abs);
                    double az = Math.abs(zeta);
                    double t = (az > 1e150 ? 0.5 / az : 1 / (az + Math.sqrt(1 + zeta * zeta)));
                    if (zeta < 0) {
                        t = -t;
                    }
                    double cs = 1 / Math.sqrt(1 + t * t);
                    double sn = cs * t;
                    // e^{-i phi} = conj(c) / |c|
                    double er = cr / abs;
                    double ei = -ci / abs;
                    rotate(aRe, aIm, n, p, q, cs, sn, er, ei);
                    rotate(vRe, vIm, n, p, q, cs, sn, er, ei);
                }
            }
            if (!rotated) {
                break;
            }
        }
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double r = aRe[i * n + j];
                double s = aIm[i * n + j];
                norm += r * r + s * s;
            }
            double s = Math.sqrt(norm);
            if (!(s > 0) || !Double.isFinite(s)) {
                return false;
            }
            sv[j] = s;
            for (int i = 0; i < n; i++) {
                uRe[i * n + j] = aRe[i * n + j] / s;
                uIm[i * n + j] = aIm[i * n + j] / s;
            }
        }
        return true;
    }

    /** Columns p, q of X: (x_p, x_q) <- (cs x_p - sn e x_q, sn x_p + cs e x_q) with e = er + j ei. */
    private static void rotate(double[] xRe, double[] xIm, int n, int p, int q, double cs, double sn, double er,
            double ei) {
        for (int i = 0; i < n; i++) {
            double pr = xRe[i * n + p];
            double pi = xIm[i * n + p];
            double qr = xRe[i * n + q];
            double qi = xIm[i * n + q];
            double fr = er * qr - ei * qi;
            double fi = er * qi + ei * qr;
            xRe[i * n + p] = cs * pr - sn * fr;
            xIm[i * n + p] = cs * pi - sn * fi;
            xRe[i * n + q] = sn * pr + cs * fr;
            xIm[i * n + q] = sn * pi + cs * fi;
        }
    }

    /**
     * The smallest eigenvalue of a Hermitian matrix (NaN if an entry is not finite), overwriting it: Householder
     * reflections H = I - beta v v^H (v = x - alpha e_1, alpha = -e^{i arg x_0} ||x||, beta = 1 / (||x|| (||x|| +
     * |x_0|)), so H x = alpha e_1) reduce it to a Hermitian tridiagonal matrix, which has the eigenvalues of the real
     * symmetric one with the moduli |alpha_k| off the diagonal; then {@link DenseKernels#tridiagonalMinEigenvalue}.
     *
     * @param work at least 4 n entries
     */
    static double minEigenvalue(double[] re, double[] im, int n, double[] work) {
        int eOff = n;
        int pOff = 2 * n; // p = beta A22 v, real and imaginary parts
        int piOff = 3 * n;
        for (int k = 0; k < n - 2; k++) {
            double scale = 0;
            for (int i = k + 1; i < n; i++) {
                scale = Math.max(scale, Math.max(Math.abs(re[i * n + k]), Math.abs(im[i * n + k])));
            }
            if (!(scale > 0)) {
                if (!(scale == 0)) {
                    return Double.NaN;
                }
                work[eOff + k] = 0;
                continue;
            }
            double sigma = 0;
            for (int i = k + 1; i < n; i++) {
                double r = re[i * n + k] / scale;
                double s = im[i * n + k] / scale;
                re[i * n + k] = r;
                im[i * n + k] = s;
                sigma += r * r + s * s;
            }
            double norm = Math.sqrt(sigma);
            double x0r = re[(k + 1) * n + k];
            double x0i = im[(k + 1) * n + k];
            double x0 = Math.sqrt(x0r * x0r + x0i * x0i);
            // alpha = -e^{i arg x0} ||x|| (-||x|| for x0 = 0); v = x - alpha e_1, so v_0 = x0 (1 + ||x|| / |x0|) (or ||x||)
            double f = x0 > 0 ? 1 + norm / x0 : 0;
            if (x0 > 0) {
                re[(k + 1) * n + k] = x0r * f;
                im[(k + 1) * n + k] = x0i * f;
            } else {
                re[(k + 1) * n + k] = norm;
                im[(k + 1) * n + k] = 0;
            }
            double beta = 1 / (norm * (norm + x0));
            work[eOff + k] = norm * scale;
            // p = beta A22 v; K = (beta / 2) v^H p (real); w = p - K v; A22 -= v w^H + w v^H
            double kr = 0;
            for (int i = k + 1; i < n; i++) {
                double sr = 0;
                double si = 0;
                for (int j = k + 1; j < n; j++) {
                    double ar = re[i * n + j];
                    double ai = im[i * n + j];
                    double vr = re[j * n + k];
                    double vi = im[j * n + k];
                    sr += ar * vr - ai * vi;
                    si += ar * vi + ai * vr;
                }
                work[pOff + i - k - 1] = beta * sr;
                work[piOff + i - k - 1] = beta * si;
                kr += re[i * n + k] * beta * sr + im[i * n + k] * beta * si;
            }
            double half = 0.5 * beta * kr;
            for (int i = k + 1; i < n; i++) {
                work[pOff + i - k - 1] -= half * re[i * n + k];
                work[piOff + i - k - 1] -= half * im[i * n + k];
            }
            for (int i = k + 1; i < n; i++) {
                double vr = re[i * n + k];
                double vi = im[i * n + k];
                double wr = work[pOff + i - k - 1];
                double wi = work[piOff + i - k - 1];
                for (int j = k + 1; j <= i; j++) {
                    double ujr = re[j * n + k];
                    double uji = im[j * n + k];
                    double wjr = work[pOff + j - k - 1];
                    double wji = work[piOff + j - k - 1];
                    // (v w^H + w v^H)_ij = v_i conj(w_j) + w_i conj(v_j)
                    double dr = vr * wjr + vi * wji + wr * ujr + wi * uji;
                    double di = vi * wjr - vr * wji + wi * ujr - wr * uji;
                    double nr = re[i * n + j] - dr;
                    double ni = i == j ? 0 : im[i * n + j] - di;
                    re[i * n + j] = nr;
                    im[i * n + j] = ni;
                    re[j * n + i] = nr;
                    im[j * n + i] = -ni;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            work[i] = re[i * n + i];
        }
        if (n >= 2) {
            double r = re[(n - 1) * n + n - 2];
            double s = im[(n - 1) * n + n - 2];
            work[eOff + n - 2] = Math.sqrt(r * r + s * s);
        }
        return DenseKernels.tridiagonalMinEigenvalue(work, n);
    }
}
