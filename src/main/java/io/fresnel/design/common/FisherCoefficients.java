package io.fresnel.design.common;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Fisher information of paper 004 Prop. 1 (eqs. 13-21) as a linear function of the reduced
 * covariance X (R_X = Q X Q^H, {@link SdrModel}): F_ij(X) = Re tr(A_ij X) with d x d complex
 * coefficient matrices A_ij.
 *
 * <p>Parameters theta = (coordinates target-major: x_1, y_1(, z_1), x_2, ...; then Re beta'_1,
 * Im beta'_1, Re beta'_2, ...). With U = G P, G = sum_t beta'_t a'_t v'_t^T (common phases removed)
 * and dU/dtheta_i = B_i P, B_i = sum over terms alpha x y^T: a coordinate c of target t has the
 * terms (beta'_t, da'_t/dc, v'_t) and (beta'_t, a'_t, dv'_t/dc), Re beta'_t the term (1, a'_t, v'_t)
 * and Im beta'_t the term (j, a'_t, v'_t). Then
 *
 * <pre>
 *   F_ij = (2T/sigma^2) Re tr(B_i^H B_j R_X)
 *        = (2T/sigma^2) Re sum conj(alpha) alpha' (x^H x') (y'^T R_X y^*)
 *        = Re tr(A_ij X),   A_ij = (2T/sigma^2) sum conj(alpha) alpha' (x^H x') e_y e_y'^H,
 * </pre>
 *
 * e_y = Q^H y^*. This is Prop. 1 with Q = sigma^2 I (the Hadamard products written out per
 * target pair) and equals the FIM of {@code JointFisherInformation} for R_X = P P^H.
 */
public final class FisherCoefficients {
    public final int parameters;
    public final int coordinates;
    final int d;
    /** [i][j] -> {Re A_ij, Im A_ij}, d x d each; symmetric in the sense F_ji = F_ij. */
    public final double[][][][][] a;

    private FisherCoefficients(int parameters, int coordinates, int d, double[][][][][] a) {
        this.parameters = parameters;
        this.coordinates = coordinates;
        this.d = d;
        this.a = a;
    }

    /**
     * @param m the model (with targets and a sensing block)
     * @return the coefficients of the full FIM (coordinates and gains)
     */
    public static FisherCoefficients of(SdrModel m) {
        int k = m.targets.size();
        int dims = m.dims;
        int items = dims + 1;
        int coords = dims * k;
        int p = coords + 2 * k;
        // terms per parameter: {alphaRe, alphaIm, target, receive item, transmit item}
        double[][][] terms = new double[p][][];
        for (int t = 0; t < k; t++) {
            double br = m.beta[t][0];
            double bi = m.beta[t][1];
            for (int c = 0; c < dims; c++) {
                terms[t * dims + c] = new double[][] {{br, bi, t, 1 + c, 0}, {br, bi, t, 0, 1 + c}};
            }
            terms[coords + 2 * t] = new double[][] {{1, 0, t, 0, 0}};
            terms[coords + 2 * t + 1] = new double[][] {{0, 1, t, 0, 0}};
        }
        int d = m.d;
        double[][][][][] a = new double[p][p][][][];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double[][] re = new double[d][d];
                double[][] im = new double[d][d];
                for (double[] ti : terms[i]) {
                    for (double[] tj : terms[j]) {
                        // conj(alpha) alpha'
                        double cr = ti[0] * tj[0] + ti[1] * tj[1];
                        double ci = ti[0] * tj[1] - ti[1] * tj[0];
                        int xi = (int) ti[2] * items + (int) ti[3];
                        int xj = (int) tj[2] * items + (int) tj[3];
                        double gr = m.receiveGram[0][xi][xj];
                        double gi = m.receiveGram[1][xi][xj];
                        double sr = m.fisherScale * (cr * gr - ci * gi);
                        double si = m.fisherScale * (cr * gi + ci * gr);
                        double[][] ey = m.transmitItems[(int) ti[2]][(int) ti[4]];
                        double[][] ez = m.transmitItems[(int) tj[2]][(int) tj[4]];
                        for (int r = 0; r < d; r++) {
                            for (int s = 0; s < d; s++) {
                                // e_y[r] conj(e_z[s])
                                double or = ey[0][r] * ez[0][s] + ey[1][r] * ez[1][s];
                                double oi = ey[1][r] * ez[0][s] - ey[0][r] * ez[1][s];
                                re[r][s] += sr * or - si * oi;
                                im[r][s] += sr * oi + si * or;
                            }
                        }
                    }
                }
                a[i][j] = new double[][][] {re, im};
            }
        }
        return new FisherCoefficients(p, coords, d, a);
    }

    /** @return the coefficient matrix {Re, Im} of F_ij (any order of i, j) */
    public double[][][] coefficient(int i, int j) {
        return i <= j ? a[i][j] : a[j][i];
    }

    /**
     * @param xRe Re X (d x d)
     * @param xIm Im X
     * @return F(X), p x p symmetric
     */
    public double[][] fim(double[][] xRe, double[][] xIm) {
        double[][] f = new double[parameters][parameters];
        for (int i = 0; i < parameters; i++) {
            for (int j = i; j < parameters; j++) {
                double v = traceProduct(a[i][j], xRe, xIm);
                f[i][j] = v;
                f[j][i] = v;
            }
        }
        return f;
    }

    /** @return Re tr(A X) */
    static double traceProduct(double[][][] a, double[][] xRe, double[][] xIm) {
        int d = xRe.length;
        double s = 0;
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                s += a[0][r][c] * xRe[c][r] - a[1][r][c] * xIm[c][r];
            }
        }
        return s;
    }

    /**
     * The congruence T^T F T as new coefficients: (T^T F T)_ij = sum_kl T_ki T_lj F_kl.
     *
     * @param tMat p x p real matrix
     * @return the transformed coefficients
     */
    public FisherCoefficients congruence(double[][] tMat) {
        double[][][][][] b = new double[parameters][parameters][][][];
        for (int i = 0; i < parameters; i++) {
            for (int j = i; j < parameters; j++) {
                double[][] re = new double[d][d];
                double[][] im = new double[d][d];
                for (int k = 0; k < parameters; k++) {
                    for (int l = 0; l < parameters; l++) {
                        double w = tMat[k][i] * tMat[l][j];
                        if (w == 0) {
                            continue;
                        }
                        double[][][] c = coefficient(k, l);
                        // F_lk = F_kl: use A_kl for both orders (Re tr(A X) is what matters and A_lk := A_kl)
                        for (int r = 0; r < d; r++) {
                            for (int s = 0; s < d; s++) {
                                re[r][s] += w * c[0][r][s];
                                im[r][s] += w * c[1][r][s];
                            }
                        }
                    }
                }
                b[i][j] = new double[][][] {re, im};
            }
        }
        return new FisherCoefficients(parameters, coordinates, d, b);
    }

    /**
     * @param f a symmetric positive definite matrix
     * @return f^{-1/2} (symmetric)
     * @throws ArithmeticException when f is not positive definite
     */
    public static double[][] inverseSquareRoot(double[][] f) {
        int p = f.length;
        DMatrixRMaj m = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m.set(i, j, 0.5 * (f[i][j] + f[j][i]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(m)) {
            throw new ArithmeticException("the eigen-decomposition of the reference FIM failed");
        }
        double top = 0;
        for (int k = 0; k < p; k++) {
            top = Math.max(top, eig.getEigenvalue(k).real);
        }
        double[][] out = new double[p][p];
        for (int k = 0; k < p; k++) {
            double lam = eig.getEigenvalue(k).real;
            if (!(lam > 0)) {
                throw new ArithmeticException("the position CRB is unbounded for every precoder: the FIM under the"
                        + " isotropic covariance is singular (relative eigenvalue " + lam / top + "); e.g. the range"
                        + " is unobservable with far-field phase and unit amplitude");
            }
            DMatrixRMaj v = eig.getEigenVector(k);
            double s = 1 / Math.sqrt(lam);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    out[i][j] += s * v.get(i, 0) * v.get(j, 0);
                }
            }
        }
        return out;
    }
}
