package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The Nesterov-Todd scaling W of the current primal-dual pair (s, z) of the cone
 * R^l_+ x S^{m_1}_+ x ..., with W z = W^{-T} s = lambda.
 *
 * <p>Orthant: W = diag(w), w = sqrt(s / z), lambda = sqrt(s z). PSD block: W(Z) = R^T Z R,
 * W^{-T}(S) = R^{-1} S R^{-T}, with R^T Z R = R^{-1} S R^{-T} = diag(lambda). Following
 * L. Vandenberghe, "The CVXOPT linear and quadratic cone program solvers" (2010), sec. 4, with
 * S = L_s L_s^T, Z = L_z L_z^T and the SVD L_z^T L_s = U diag(lambda) V^T one has
 * R = L_s V diag(lambda)^{-1/2} and R^{-1} = diag(lambda)^{-1/2} U^T L_z^T. The scaling is
 * updated multiplicatively from the scaled iterates (lambda + alpha ds~, lambda + alpha dz~),
 * which stay well conditioned near the central path even as S and Z become singular.
 *
 * <p>The real embeddings of Hermitian blocks ({@link ConeProgram#addHermitianPsd}) are scaled in n x n complex
 * arithmetic by {@link HermitianScaling} (the same W, embedded back; their lambda is (lambda_1..lambda_n,
 * lambda_1..lambda_n)), and their step lengths come from the n x n Hermitian matrix.
 */
final class NtScaling {
    private final ConicData d;
    final double[] w;
    /** lambda: l orthant entries, then m diagonal entries per block at lambdaOffset[k]. */
    final double[] lambda;
    final int[] lambdaOffset;
    final double[][] r;
    final double[][] rInv;
    /** (W^T W)^{-1} = Q . Q with Q = R^{-T} R^{-1}; W^T W = P . P with P = R R^T. */
    final double[][] q;
    /** W^T W = P . P per block, formed on first use after each update ({@link #wtw}); null until then. */
    private final double[][] pMat;
    /**
     * Per block: the decompositions and m x m scratch matrices of {@link #update}, {@link #maxStep} and the
     * congruences, allocated once per scaling (the EJML decomposition objects allocate their workspaces on
     * creation; creating them per call was a tenth of the secure SDPs' time). The same operations as fresh
     * objects, so the same results to the last bit.
     */
    private final Workspace[] work;
    /** Per block: the complex scaling of a Hermitian block ({@link HermitianScaling}), null for a real one. */
    private final HermitianScaling[] hermitian;

    /** The reusable objects of one block of size m. */
    private static final class Workspace {
        final CholeskyDecomposition_F64<DMatrixRMaj> chol;
        final SingularValueDecomposition_F64<DMatrixRMaj> svd;
        final DMatrixRMaj a;
        final DMatrixRMaj l1;
        final DMatrixRMaj l2;
        final DMatrixRMaj prod;
        final DMatrixRMaj u;
        final DMatrixRMaj v;
        final DMatrixRMaj t;
        final DMatrixRMaj t2;
        final DMatrixRMaj vin;
        final DMatrixRMaj tmp;
        final DMatrixRMaj res;
        final double[] eigenWork;

        Workspace(int m) {
            chol = DecompositionFactory_DDRM.chol(m, true);
            svd = DecompositionFactory_DDRM.svd(m, m, true, true, false);
            a = new DMatrixRMaj(m, m);
            l1 = new DMatrixRMaj(m, m);
            l2 = new DMatrixRMaj(m, m);
            prod = new DMatrixRMaj(m, m);
            u = new DMatrixRMaj(m, m);
            v = new DMatrixRMaj(m, m);
            t = new DMatrixRMaj(m, m);
            t2 = new DMatrixRMaj(m, m);
            vin = new DMatrixRMaj(m, m);
            tmp = new DMatrixRMaj(m, m);
            res = new DMatrixRMaj(m, m);
            eigenWork = new double[3 * m];
        }
    }

    NtScaling(ConicData d) {
        this.d = d;
        w = new double[d.l];
        java.util.Arrays.fill(w, 1.0);
        lambdaOffset = new int[d.blocks.length];
        int len = d.l;
        for (int k = 0; k < d.blocks.length; k++) {
            lambdaOffset[k] = len;
            len += d.blocks[k].m;
        }
        lambda = new double[len];
        java.util.Arrays.fill(lambda, 1.0);
        r = new double[d.blocks.length][];
        rInv = new double[d.blocks.length][];
        q = new double[d.blocks.length][];
        pMat = new double[d.blocks.length][];
        work = new Workspace[d.blocks.length];
        hermitian = new HermitianScaling[d.blocks.length];
        for (int k = 0; k < d.blocks.length; k++) {
            int m = d.blocks[k].m;
            if (d.blocks[k].hermitian) {
                hermitian[k] = new HermitianScaling(m / 2);
            }
            r[k] = identity(m);
            rInv[k] = identity(m);
            q[k] = identity(m);
            pMat[k] = identity(m);
            work[k] = new Workspace(m);
        }
    }

    static double[] identity(int m) {
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            a[i * m + i] = 1;
        }
        return a;
    }

    /**
     * Replaces the scaling W by the NT scaling of the pair (W^T sTilde, W^{-1} zTilde), i.e. of
     * the point whose scaled coordinates under the current W are sTilde and zTilde.
     *
     * @return false if either is not in the interior of the cone
     */
    boolean update(double[] sTilde, double[] zTilde) {
        for (int i = 0; i < d.l; i++) {
            if (!(sTilde[i] > 0) || !(zTilde[i] > 0)) {
                return false;
            }
        }
        double[][] newR = new double[d.blocks.length][];
        double[][] newRInv = new double[d.blocks.length][];
        double[][] newLambda = new double[d.blocks.length][];
        for (int k = 0; k < d.blocks.length; k++) {
            int m = d.blocks[k].m;
            int off = d.blocks[k].offset;
            if (hermitian[k] != null) {
                newLambda[k] = new double[m];
                if (!hermitian[k].stage(sTilde, zTilde, off, newLambda[k])) {
                    return false;
                }
                continue;
            }
            Workspace ws = work[k];
            DMatrixRMaj l1 = cholesky(ws, sTilde, off, m, ws.l1);
            DMatrixRMaj l2 = cholesky(ws, zTilde, off, m, ws.l2);
            if (l1 == null || l2 == null) {
                return false;
            }
            DMatrixRMaj prod = ws.prod;
            DenseKernels.lowerTransLower(l2.data, l1.data, prod.data, m);
            SingularValueDecomposition_F64<DMatrixRMaj> svd = ws.svd;
            if (!svd.decompose(prod)) {
                return false;
            }
            DMatrixRMaj u = svd.getU(ws.u, false);
            DMatrixRMaj v = svd.getV(ws.v, false);
            double[] sv = svd.getSingularValues();
            for (int i = 0; i < m; i++) {
                if (!(sv[i] > 0) || !Double.isFinite(sv[i])) {
                    return false;
                }
            }
            // R_new = R L1 V diag(sv)^{-1/2}
            DMatrixRMaj t = ws.t;
            DenseKernels.lowerMult(l1.data, v.data, t.data, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    t.data[i * m + j] /= Math.sqrt(sv[j]);
                }
            }
            double[] rNew = new double[m * m];
            DenseKernels.mult(r[k], t.data, rNew, m);
            // R_new^{-1} = diag(sv)^{-1/2} U^T L2^T R^{-1}
            DMatrixRMaj t2 = ws.t2;
            DenseKernels.transMultLowerTrans(u.data, l2.data, t2.data, m);
            for (int i = 0; i < m; i++) {
                double f = 1 / Math.sqrt(sv[i]);
                for (int j = 0; j < m; j++) {
                    t2.data[i * m + j] *= f;
                }
            }
            double[] rInvNew = new double[m * m];
            DenseKernels.mult(t2.data, rInv[k], rInvNew, m);
            newR[k] = rNew;
            newRInv[k] = rInvNew;
            newLambda[k] = java.util.Arrays.copyOf(sv, m);
        }
        for (int i = 0; i < d.l; i++) {
            w[i] *= Math.sqrt(sTilde[i] / zTilde[i]);
            lambda[i] = Math.sqrt(sTilde[i] * zTilde[i]);
        }
        for (int k = 0; k < d.blocks.length; k++) {
            int m = d.blocks[k].m;
            if (hermitian[k] != null) {
                r[k] = new double[m * m];
                rInv[k] = new double[m * m];
                q[k] = new double[m * m];
                hermitian[k].commit(r[k], rInv[k], q[k]);
                System.arraycopy(newLambda[k], 0, lambda, lambdaOffset[k], m);
                pMat[k] = null;
                continue;
            }
            r[k] = newR[k];
            rInv[k] = newRInv[k];
            System.arraycopy(newLambda[k], 0, lambda, lambdaOffset[k], m);
            // Q = R^-T R^-1: its entries (i, j) and (j, i) are the same sum, so it is symmetric as computed
            double[] qk = new double[m * m];
            DenseKernels.transGram(rInv[k], qk, m);
            q[k] = qk;
            pMat[k] = null;
        }
        return true;
    }

    /** P = R R^T of block k (symmetrised), formed on first use after an update. */
    private double[] p(int k) {
        if (pMat[k] == null) {
            int m = d.blocks[k].m;
            DMatrixRMaj pk = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(m, m, r[k]), DMatrixRMaj.wrap(m, m, r[k]), pk);
            pMat[k] = symmetrised(pk.data, m);
        }
        return pMat[k];
    }

    private static double[] symmetrised(double[] a, int m) {
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double v = 0.5 * (a[i * m + j] + a[j * m + i]);
                a[i * m + j] = v;
                a[j * m + i] = v;
            }
        }
        return a;
    }

    /**
     * Lower Cholesky factor of the symmetric part of the block at off into lower, or null if not PD.
     */
    private static DMatrixRMaj cholesky(Workspace ws, double[] vec, int off, int m, DMatrixRMaj lower) {
        DMatrixRMaj a = ws.a;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a.data[i * m + j] = 0.5 * (vec[off + i * m + j] + vec[off + j * m + i]);
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = ws.chol;
        if (!chol.decompose(a)) {
            return null;
        }
        chol.getT(lower);
        for (int i = 0; i < m; i++) {
            if (!(lower.data[i * m + i] > 0) || !Double.isFinite(lower.data[i * m + i])) {
                return null;
            }
        }
        return lower;
    }

    /** out = X^T V X for each block (transA) or X V X^T (otherwise); orthant: out = f(v). */
    private void congruence(double[][] mats, boolean transposeFirst, double[] v, double[] out) {
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            Workspace ws = work[k];
            DMatrixRMaj x = DMatrixRMaj.wrap(m, m, mats[k]);
            DMatrixRMaj vin = ws.vin;
            System.arraycopy(v, blk.offset, vin.data, 0, m * m);
            DMatrixRMaj tmp = ws.tmp;
            DMatrixRMaj res = ws.res;
            if (transposeFirst) {
                CommonOps_DDRM.mult(vin, x, tmp);
                CommonOps_DDRM.multTransA(x, tmp, res);
            } else {
                CommonOps_DDRM.multTransB(vin, x, tmp);
                CommonOps_DDRM.mult(x, tmp, res);
            }
            symmetrised(res.data, m);
            System.arraycopy(res.data, 0, out, blk.offset, m * m);
        }
    }

    /** out = W z. */
    void scale(double[] z, double[] out) {
        for (int i = 0; i < d.l; i++) {
            out[i] = w[i] * z[i];
        }
        congruence(r, true, z, out);
    }

    /** out = W^{-T} s. */
    void scaleInvT(double[] s, double[] out) {
        for (int i = 0; i < d.l; i++) {
            out[i] = s[i] / w[i];
        }
        congruence(rInv, false, s, out);
    }

    /** out = W^T v. */
    void scaleT(double[] v, double[] out) {
        for (int i = 0; i < d.l; i++) {
            out[i] = w[i] * v[i];
        }
        congruence(r, false, v, out);
    }

    /** out = W^{-1} v. */
    void scaleInv(double[] v, double[] out) {
        for (int i = 0; i < d.l; i++) {
            out[i] = v[i] / w[i];
        }
        congruence(rInv, true, v, out);
    }

    /** out = W^T W v. */
    void wtw(double[] v, double[] out) {
        for (int i = 0; i < d.l; i++) {
            out[i] = w[i] * w[i] * v[i];
        }
        double[][] p = new double[d.blocks.length][];
        for (int k = 0; k < p.length; k++) {
            p[k] = p(k);
        }
        congruence(p, false, v, out);
    }

    /** out = (W^T W)^{-1} v. */
    void wtwInv(double[] v, double[] out) {
        for (int i = 0; i < d.l; i++) {
            out[i] = v[i] / (w[i] * w[i]);
        }
        congruence(q, false, v, out);
    }

    /** out = lambda as a cone vector (diagonal matrices on the blocks). */
    void lambdaVector(double[] out) {
        java.util.Arrays.fill(out, 0);
        System.arraycopy(lambda, 0, out, 0, d.l);
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            for (int i = 0; i < blk.m; i++) {
                out[blk.offset + i * blk.m + i] = lambda[lambdaOffset[k] + i];
            }
        }
    }

    /** out = u o v, the Jordan product: u_i v_i on the orthant, (UV + VU)/2 on the blocks. */
    void circ(double[] u, double[] v, double[] out) {
        for (int i = 0; i < d.l; i++) {
            out[i] = u[i] * v[i];
        }
        for (ConicData.Block blk : d.blocks) {
            int m = blk.m;
            int off = blk.offset;
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double sum = 0;
                    for (int t = 0; t < m; t++) {
                        sum += u[off + i * m + t] * v[off + t * m + j] + v[off + i * m + t] * u[off + t * m + j];
                    }
                    out[off + i * m + j] = 0.5 * sum;
                    out[off + j * m + i] = 0.5 * sum;
                }
            }
        }
    }

    /** out = lambda \ v, the solution u of lambda o u = v. */
    void lambdaSolve(double[] v, double[] out) {
        for (int i = 0; i < d.l; i++) {
            out[i] = v[i] / lambda[i];
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            int lo = lambdaOffset[k];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    out[blk.offset + i * m + j] = 2 * v[blk.offset + i * m + j] / (lambda[lo + i] + lambda[lo + j]);
                }
            }
        }
    }

    /** @return lambda^T lambda = s^T z */
    double lambdaSquaredNorm() {
        double sum = 0;
        for (double v : lambda) {
            sum += v * v;
        }
        return sum;
    }

    /**
     * The largest alpha with lambda + alpha delta in the cone (delta in scaled coordinates), or
     * +infinity if every alpha is allowed.
     */
    double maxStep(double[] delta) {
        double step = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.l; i++) {
            if (delta[i] < 0) {
                step = Math.min(step, -lambda[i] / delta[i]);
            }
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            int lo = lambdaOffset[k];
            if (hermitian[k] != null) {
                double min = hermitian[k].scaledMinEigenvalue(delta, blk.offset, lambda, lo);
                if (min < 0) {
                    step = Math.min(step, -1 / min);
                }
                continue;
            }
            Workspace ws = work[k];
            double[] x = ws.a.data;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double v = 0.5 * (delta[blk.offset + i * m + j] + delta[blk.offset + j * m + i]);
                    x[i * m + j] = v / Math.sqrt(lambda[lo + i] * lambda[lo + j]);
                }
            }
            double min = DenseKernels.minEigenvalue(x, m, ws.eigenWork);
            if (min < 0) {
                step = Math.min(step, -1 / min);
            }
        }
        return step;
    }

    /** Smallest eigenvalue of a symmetric matrix (NaN if the decomposition fails). */
    static double minEigenvalue(DMatrixRMaj symmetric) {
        int m = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        if (!eig.decompose(symmetric.copy())) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            min = Math.min(min, eig.getEigenvalue(i).getReal());
        }
        return min;
    }

    /** out = s = W^T lambda. */
    void primal(double[] out) {
        double[] lam = new double[d.coneDim];
        lambdaVector(lam);
        scaleT(lam, out);
    }

    /** out = z = W^{-1} lambda. */
    void dual(double[] out) {
        double[] lam = new double[d.coneDim];
        lambdaVector(lam);
        scaleInv(lam, out);
    }
}
