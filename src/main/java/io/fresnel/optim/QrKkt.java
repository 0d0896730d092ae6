package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The scaled KKT system of {@link KktSolver},
 * <pre>
 *   [ 0   A^T  Gs^T ] [ux]   [bx]
 *   [ A   0    0    ] [uy] = [by]        Gs = W^{-T} G,
 *   [ Gs  0   -I    ] [uz~]  [bz~]
 * </pre>
 * solved through QR factorisations of A^T and of the scaled constraints instead of the normal
 * equations (the method of cvxopt's {@code kkt_qr}, Vandenberghe 2010, sec. 10.2, which cvxopt's
 * {@code sdp} uses by default): with A^T = [Q1 Q2] [R1; 0] and the packed Gs Q2 = Q3 R3,
 * <pre>
 *   x1 = R1^{-T} by,   w = bz~ - Gs Q1 x1,   u = R3^{-T} Q2^T bx + Q3^T w,
 *   uz~ = Q3 u - w,    x2 = R3^{-1} u,       uy = R1^{-1} (Q1^T bx - (Gs Q1)^T uz~),   ux = Q1 x1 + Q2 x2.
 * </pre>
 * Its error grows with the condition number of Gs, not with its square as the normal matrix Gs^T Gs
 * does: near the optimum of a badly scaled program (weights z/s spread over twenty decades) the
 * normal matrix cannot be factored to any accuracy while this still gives usable directions. It
 * costs a dense QR of a (packed cone dimension) x n matrix per scaling, so {@link KktSolver} uses it
 * only as the last resort of its fallback ladder.
 *
 * <p>Packing: the orthant entries as they are, then per PSD block its lower triangle row by row,
 * off-diagonal entries times sqrt 2, so that Euclidean inner products of packed vectors are those
 * of the full cone vectors.
 */
final class QrKkt {
    private static final double SQRT2 = Math.sqrt(2);
    /**
     * Largest packed length x n^2 (about the multiply-adds of one factorisation, 0.3-0.5 s here) for which a QR
     * factorisation is attempted; larger programs keep the normal equations' last answer rather than spend
     * seconds per iteration (the crb-min-sdr programs that needed it: 591 x 196^2 = 2.3e7).
     */
    static final double MAX_WORK = 5e8;

    private final ConicData d;
    private final int packed;
    /** Q of A^T (n x n), null without equalities. */
    private final DMatrixRMaj qa;
    /** R1 (p x p, upper triangular), null without equalities. */
    private final DMatrixRMaj r1;
    /** Gs Q1 (packed x p), null without equalities. */
    private final DMatrixRMaj gs1;
    /** Q3 (packed x (n - p), orthonormal columns). */
    private final DMatrixRMaj q3;
    /** R3 ((n - p) x (n - p), upper triangular). */
    private final DMatrixRMaj r3;

    private QrKkt(ConicData d, int packed, DMatrixRMaj qa, DMatrixRMaj r1, DMatrixRMaj gs1, DMatrixRMaj q3,
            DMatrixRMaj r3) {
        this.d = d;
        this.packed = packed;
        this.qa = qa;
        this.r1 = r1;
        this.gs1 = gs1;
        this.q3 = q3;
        this.r3 = r3;
    }

    /** @return the length of a packed cone vector of d */
    static int packedLength(ConicData d) {
        int len = d.l;
        for (ConicData.Block b : d.blocks) {
            len += b.m * (b.m + 1) / 2;
        }
        return len;
    }

    /**
     * Factors the scaled constraints of the current scaling.
     *
     * @param d the data
     * @param gs the scaled constraints, with no block rotated and no row bordered
     * @return the factors, or null when A or Gs Q2 has not full column rank (a zero or non-finite
     *     diagonal entry of R1 or R3) or the program is larger than {@link #MAX_WORK} allows
     */
    static QrKkt factor(ConicData d, ScaledConstraints gs) {
        int n = d.n;
        int p = d.p;
        int packed = packedLength(d);
        if (packed < n - p || (double) packed * n * n > MAX_WORK) {
            return null;
        }
        // the packed Gs, one column per variable
        DMatrixRMaj g = new DMatrixRMaj(packed, n);
        double[] e = new double[n];
        double[] col = new double[d.coneDim];
        double[] pc = new double[packed];
        for (int v = 0; v < n; v++) {
            e[v] = 1;
            gs.mul(e, col);
            e[v] = 0;
            pack(d, col, pc);
            for (int i = 0; i < packed; i++) {
                g.data[i * n + v] = pc[i];
            }
        }
        DMatrixRMaj qa = null;
        DMatrixRMaj r1 = null;
        DMatrixRMaj gs1 = null;
        DMatrixRMaj gs2 = g;
        if (p > 0) {
            DMatrixRMaj at = new DMatrixRMaj(n, p);
            for (int i = 0; i < p; i++) {
                for (int v = 0; v < n; v++) {
                    at.data[v * p + i] = d.a[i][v];
                }
            }
            QRDecomposition<DMatrixRMaj> qrA = DecompositionFactory_DDRM.qr(n, p);
            if (!qrA.decompose(at)) {
                return null;
            }
            qa = qrA.getQ(null, false);
            r1 = qrA.getR(null, true);
            if (!fullRank(r1)) {
                return null;
            }
            DMatrixRMaj gq = new DMatrixRMaj(packed, n);
            CommonOps_DDRM.mult(g, qa, gq);
            gs1 = CommonOps_DDRM.extract(gq, 0, packed, 0, p);
            gs2 = CommonOps_DDRM.extract(gq, 0, packed, p, n);
        }
        QRDecomposition<DMatrixRMaj> qrG = DecompositionFactory_DDRM.qr(packed, n - p);
        if (!qrG.decompose(gs2)) {
            return null;
        }
        DMatrixRMaj r3 = qrG.getR(null, true);
        if (!fullRank(r3)) {
            return null;
        }
        return new QrKkt(d, packed, qa, r1, gs1, qrG.getQ(null, true), r3);
    }

    private static boolean fullRank(DMatrixRMaj r) {
        for (int i = 0; i < r.numCols; i++) {
            double v = r.get(i, i);
            if (v == 0 || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Solves the system for one right-hand side (see the class comment).
     *
     * @param bx length n; not modified
     * @param by length p; not modified
     * @param bz the scaled bz~ (a cone vector with symmetric blocks); not modified
     * @param ux length n; written
     * @param uy length p; written
     * @param uz the scaled uz~; written
     */
    void solve(double[] bx, double[] by, double[] bz, double[] ux, double[] uy, double[] uz) {
        int n = d.n;
        int p = d.p;
        int m = n - p;
        double[] qbx = p > 0 ? multTransposed(qa, bx) : bx.clone();
        double[] x1 = by.clone();
        if (p > 0) {
            solveUpperTransposed(r1, x1);
        }
        double[] w = new double[packed];
        pack(d, bz, w);
        for (int i = 0; i < packed && p > 0; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += gs1.data[i * p + j] * x1[j];
            }
            w[i] -= s;
        }
        double[] u = new double[m];
        System.arraycopy(qbx, p, u, 0, m);
        solveUpperTransposed(r3, u);
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < packed; i++) {
                s += q3.data[i * m + j] * w[i];
            }
            u[j] += s;
        }
        double[] zp = new double[packed];
        for (int i = 0; i < packed; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += q3.data[i * m + j] * u[j];
            }
            zp[i] = s - w[i];
        }
        unpack(d, zp, uz);
        double[] x2 = u;
        solveUpper(r3, x2);
        if (p > 0) {
            double[] y = new double[p];
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0; i < packed; i++) {
                    s += gs1.data[i * p + j] * zp[i];
                }
                y[j] = qbx[j] - s;
            }
            solveUpper(r1, y);
            System.arraycopy(y, 0, uy, 0, p);
            double[] xq = new double[n];
            System.arraycopy(x1, 0, xq, 0, p);
            System.arraycopy(x2, 0, xq, p, m);
            for (int v = 0; v < n; v++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += qa.data[v * n + k] * xq[k];
                }
                ux[v] = s;
            }
        } else {
            System.arraycopy(x2, 0, ux, 0, n);
        }
    }

    /** @return q^T x for a square q */
    private static double[] multTransposed(DMatrixRMaj q, double[] x) {
        int n = q.numRows;
        double[] out = new double[q.numCols];
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            for (int k = 0; k < q.numCols; k++) {
                out[k] += q.data[i * q.numCols + k] * xi;
            }
        }
        return out;
    }

    /** x = R^{-1} x for an upper triangular R. */
    private static void solveUpper(DMatrixRMaj r, double[] x) {
        int n = r.numCols;
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int j = i + 1; j < n; j++) {
                s -= r.data[i * n + j] * x[j];
            }
            x[i] = s / r.data[i * n + i];
        }
    }

    /** x = R^{-T} x for an upper triangular R. */
    private static void solveUpperTransposed(DMatrixRMaj r, double[] x) {
        int n = r.numCols;
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int j = 0; j < i; j++) {
                s -= r.data[j * n + i] * x[j];
            }
            x[i] = s / r.data[i * n + i];
        }
    }

    /** Packs a cone vector (see the class comment). */
    static void pack(ConicData d, double[] full, double[] out) {
        System.arraycopy(full, 0, out, 0, d.l);
        int k = d.l;
        for (ConicData.Block b : d.blocks) {
            int m = b.m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = i == j ? full[b.offset + i * m + i]
                            : 0.5 * SQRT2 * (full[b.offset + i * m + j] + full[b.offset + j * m + i]);
                    out[k++] = v;
                }
            }
        }
    }

    /** The inverse of {@link #pack} for symmetric blocks. */
    static void unpack(ConicData d, double[] packedVector, double[] out) {
        System.arraycopy(packedVector, 0, out, 0, d.l);
        int k = d.l;
        for (ConicData.Block b : d.blocks) {
            int m = b.m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = packedVector[k++];
                    if (i == j) {
                        out[b.offset + i * m + i] = v;
                    } else {
                        out[b.offset + i * m + j] = v / SQRT2;
                        out[b.offset + j * m + i] = v / SQRT2;
                    }
                }
            }
        }
    }
}
