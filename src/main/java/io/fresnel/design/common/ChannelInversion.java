package io.fresnel.design.common;

import io.fresnel.design.DesignException;
import io.fresnel.math.SymmetricMatrices;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * The (regularised) right inverse of a channel matrix, the kernel of ZF, RZF and the digital
 * stage of the two-stage hybrid design:
 *
 * <pre>
 *   P0 = C^H (C C^H + delta I)^-1        (K x U for C of size U x K)
 * </pre>
 *
 * With delta = 0 this is zero forcing: C P0 = I, i.e. no inter-user interference.
 */
public final class ChannelInversion {
    /**
     * C C^H counts as singular when its smallest eigenvalue is at most this fraction of the
     * largest (the ZF power would then be dominated by rounding errors).
     */
    static final double RANK_TOLERANCE = 1e-12;

    private ChannelInversion() {
    }

    /**
     * @param c the channel matrix C, U x K; not modified
     * @param delta the regularisation delta (same unit as the entries of C C^H, >= 0)
     * @param algorithm the design's name, for the message
     * @param what what C is, for the message (e.g. "the users' channel matrix C")
     * @return P0 = C^H (C C^H + delta I)^-1, K x U
     * @throws DesignException when U > K with delta = 0, or C C^H + delta I is singular
     */
    public static ZMatrixRMaj rightInverse(ZMatrixRMaj c, double delta, String algorithm, String what)
            throws DesignException {
        int u = c.getNumRows();
        int k = c.getNumCols();
        if (delta == 0 && u > k) {
            throw new DesignException(algorithm + ": " + what + " has " + u + " rows (users) but only " + k
                    + " columns; zero forcing needs at most as many users as columns");
        }
        ZMatrixRMaj ch = CommonOps_ZDRM.transposeConjugate(c, null);
        ZMatrixRMaj gram = new ZMatrixRMaj(u, u);
        CommonOps_ZDRM.mult(c, ch, gram);
        for (int i = 0; i < u; i++) {
            gram.setReal(i, i, gram.getReal(i, i) + delta);
        }
        double[] eig = hermitianEigenvalues(gram);
        double largest = eig[u - 1];
        if (!(largest > 0) || eig[0] <= RANK_TOLERANCE * largest) {
            throw new DesignException(algorithm + ": " + what + " (" + u + " x " + k + ") is rank-deficient: the"
                    + " smallest eigenvalue of C C^H is " + eig[0] + ", the largest " + largest
                    + " (users with collinear channels cannot be separated)");
        }
        if (!CommonOps_ZDRM.invert(gram)) {
            throw new DesignException(algorithm + ": " + what + " is singular");
        }
        ZMatrixRMaj p0 = new ZMatrixRMaj(k, u);
        CommonOps_ZDRM.mult(ch, gram, p0);
        return p0;
    }

    private static double[] hermitianEigenvalues(ZMatrixRMaj h) {
        int n = h.getNumRows();
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i][j] = h.getReal(i, j);
                im[i][j] = h.getImag(i, j);
            }
        }
        return SymmetricMatrices.hermitianEigenvalues(re, im);
    }
}
