package io.fresnel.localize;

import io.fresnel.math.HermitianEigen;

/**
 * The eigenvectors of the K largest eigenvalues of a Hermitian positive semidefinite N x N matrix
 * R (the MUSIC signal subspace), by block subspace iteration with Rayleigh-Ritz (Saad, "Numerical
 * Methods for Large Eigenvalue Problems", 2011, section 5.2) on a block of b = min(N, K + 4)
 * vectors started from R's b columns of largest norm; when the top K Ritz pairs do not reach a
 * relative residual ||R u - theta u|| <= {@link #TOLERANCE} theta_1 within
 * {@link #MAX_ITERATIONS} iterations (a small eigengap: low SNR), the full decomposition
 * {@link HermitianEigen} is used instead. Each iteration costs O(N^2 b) against O(N^3) for the
 * full decomposition, and a strong echo converges in a few iterations.
 */
final class SignalSubspace {
    /** Relative residual of the top K Ritz pairs that ends the iteration. */
    static final double TOLERANCE = 1e-11;
    /** Iterations before falling back to the full decomposition. */
    static final int MAX_ITERATIONS = 40;

    private SignalSubspace() {
    }

    /**
     * @param re Re R, N x N (not modified)
     * @param im Im R, N x N (not modified)
     * @param k K, 1 <= K < N
     * @return {Re, Im} of K orthonormal vectors, [2][K][N], eigenvalues descending
     */
    static double[][][] top(double[][] re, double[][] im, int k) {
        int n = re.length;
        int b = Math.min(n, k + 4);
        double[][] qr = new double[b][n];
        double[][] qi = new double[b][n];
        // start: the b columns of R of largest norm
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                norms[j] += re[i][j] * re[i][j] + im[i][j] * im[i][j];
            }
        }
        boolean[] used = new boolean[n];
        for (int c = 0; c < b; c++) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (!used[j] && (best < 0 || norms[j] > norms[best])) {
                    best = j;
                }
            }
            used[best] = true;
            for (int i = 0; i < n; i++) {
                qr[c][i] = re[i][best];
                qi[c][i] = im[i][best];
            }
        }
        if (!orthonormalise(qr, qi)) {
            return full(re, im, k);
        }
        double[][] zr = new double[b][n];
        double[][] zi = new double[b][n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            multiply(re, im, qr, qi, zr, zi);
            // Rayleigh-Ritz: H = Q^H R Q = Q^H Z (b x b)
            double[][] hr = new double[b][b];
            double[][] hi = new double[b][b];
            for (int a = 0; a < b; a++) {
                for (int c = 0; c < b; c++) {
                    double sr = 0;
                    double si = 0;
                    for (int i = 0; i < n; i++) {
                        sr += qr[a][i] * zr[c][i] + qi[a][i] * zi[c][i];
                        si += qr[a][i] * zi[c][i] - qi[a][i] * zr[c][i];
                    }
                    hr[a][c] = sr;
                    hi[a][c] = si;
                }
            }
            HermitianEigen h = new HermitianEigen(hr, hi);
            double[] theta = h.values();
            // Ritz vectors U = Q W and R U = Z W
            double[][] ur = new double[b][n];
            double[][] ui = new double[b][n];
            double[][] vr = new double[b][n];
            double[][] vi = new double[b][n];
            for (int c = 0; c < b; c++) {
                double[][] w = h.vector(c);
                for (int a = 0; a < b; a++) {
                    double wr = w[0][a];
                    double wi = w[1][a];
                    for (int i = 0; i < n; i++) {
                        ur[c][i] += qr[a][i] * wr - qi[a][i] * wi;
                        ui[c][i] += qr[a][i] * wi + qi[a][i] * wr;
                        vr[c][i] += zr[a][i] * wr - zi[a][i] * wi;
                        vi[c][i] += zr[a][i] * wi + zi[a][i] * wr;
                    }
                }
            }
            boolean converged = theta[0] > 0;
            for (int c = 0; c < k && converged; c++) {
                double res = 0;
                for (int i = 0; i < n; i++) {
                    double dr = vr[c][i] - theta[c] * ur[c][i];
                    double di = vi[c][i] - theta[c] * ui[c][i];
                    res += dr * dr + di * di;
                }
                converged = Math.sqrt(res) <= TOLERANCE * theta[0];
            }
            if (converged) {
                double[][][] out = new double[2][k][];
                for (int c = 0; c < k; c++) {
                    out[0][c] = ur[c];
                    out[1][c] = ui[c];
                }
                return out;
            }
            // next block: orthonormalised R U (the Ritz vectors' images)
            for (int c = 0; c < b; c++) {
                qr[c] = vr[c];
                qi[c] = vi[c];
            }
            if (!orthonormalise(qr, qi)) {
                break;
            }
        }
        return full(re, im, k);
    }

    private static double[][][] full(double[][] re, double[][] im, int k) {
        HermitianEigen eig = new HermitianEigen(re, im);
        double[][][] out = new double[2][k][];
        for (int c = 0; c < k; c++) {
            double[][] u = eig.vector(c);
            out[0][c] = u[0];
            out[1][c] = u[1];
        }
        return out;
    }

    /** Z = R Q, column by column. */
    private static void multiply(double[][] re, double[][] im, double[][] qr, double[][] qi, double[][] zr,
            double[][] zi) {
        int n = re.length;
        for (int c = 0; c < qr.length; c++) {
            for (int i = 0; i < n; i++) {
                double sr = 0;
                double si = 0;
                double[] rr = re[i];
                double[] ri = im[i];
                for (int j = 0; j < n; j++) {
                    sr += rr[j] * qr[c][j] - ri[j] * qi[c][j];
                    si += rr[j] * qi[c][j] + ri[j] * qr[c][j];
                }
                zr[c][i] = sr;
                zi[c][i] = si;
            }
        }
    }

    /**
     * Modified Gram-Schmidt, twice; false when the block is numerically rank-deficient.
     */
    private static boolean orthonormalise(double[][] qr, double[][] qi) {
        int n = qr[0].length;
        double scale = 0;
        for (double[] v : qr) {
            for (double x : v) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        for (double[] v : qi) {
            for (double x : v) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return false;
        }
        for (int c = 0; c < qr.length; c++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int a = 0; a < c; a++) {
                    double dr = 0;
                    double di = 0;
                    for (int i = 0; i < n; i++) {
                        dr += qr[a][i] * qr[c][i] + qi[a][i] * qi[c][i];
                        di += qr[a][i] * qi[c][i] - qi[a][i] * qr[c][i];
                    }
                    for (int i = 0; i < n; i++) {
                        qr[c][i] -= dr * qr[a][i] - di * qi[a][i];
                        qi[c][i] -= dr * qi[a][i] + di * qr[a][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += qr[c][i] * qr[c][i] + qi[c][i] * qi[c][i];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 1e-12 * scale * Math.sqrt(n))) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                qr[c][i] /= norm;
                qi[c][i] /= norm;
            }
        }
        return true;
    }
}
