package io.fresnel.math;

import java.util.ArrayList;
import java.util.List;

/**
 * An orthonormal basis Q (N x d) of the span of some complex N-vectors, built by modified
 * Gram-Schmidt with one re-orthogonalisation pass. A vector whose residual is below
 * {@link #RANK_TOLERANCE} times the largest input norm adds nothing. Used to restrict covariance
 * designs to the low-dimensional subspace their optimum lives in (paper 004 Prop. 2/4, paper
 * 001's subspace): R = Q X Q^H with X (d x d).
 */
public final class ComplexSubspace {
    /** Relative residual below which a vector is taken as dependent. */
    public static final double RANK_TOLERANCE = 1e-10;

    private final int n;
    private final List<double[]> qRe = new ArrayList<>();
    private final List<double[]> qIm = new ArrayList<>();

    /**
     * @param re real parts of the spanning vectors (each of length N); not modified
     * @param im imaginary parts; not modified
     * @throws IllegalArgumentException when the lists are empty or the lengths differ
     */
    public ComplexSubspace(List<double[]> re, List<double[]> im) {
        if (re.isEmpty() || re.size() != im.size()) {
            throw new IllegalArgumentException("need at least one vector, with real and imaginary parts");
        }
        n = re.get(0).length;
        double maxNorm = 0;
        for (int k = 0; k < re.size(); k++) {
            if (re.get(k).length != n || im.get(k).length != n) {
                throw new IllegalArgumentException("vector " + k + " has length " + re.get(k).length + ", expected "
                        + n);
            }
            maxNorm = Math.max(maxNorm, Math.sqrt(CVec.norm2(re.get(k), im.get(k))));
        }
        for (int k = 0; k < re.size(); k++) {
            double[] xr = re.get(k).clone();
            double[] xi = im.get(k).clone();
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < qRe.size(); j++) {
                    double[] c = CVec.dot(qRe.get(j), qIm.get(j), xr, xi);
                    CVec.subtractScaled(xr, xi, c[0], c[1], qRe.get(j), qIm.get(j));
                }
            }
            double norm = Math.sqrt(CVec.norm2(xr, xi));
            if (norm > RANK_TOLERANCE * maxNorm && norm > 0) {
                for (int i = 0; i < n; i++) {
                    xr[i] /= norm;
                    xi[i] /= norm;
                }
                qRe.add(xr);
                qIm.add(xi);
            }
        }
    }

    /** @return N, the ambient dimension */
    public int ambientDimension() {
        return n;
    }

    /** @return d, the dimension of the span */
    public int dimension() {
        return qRe.size();
    }

    /**
     * @param j a basis index
     * @return {re, im} of the basis vector q_j (copies)
     */
    public double[][] basisVector(int j) {
        return new double[][] {qRe.get(j).clone(), qIm.get(j).clone()};
    }

    /**
     * The coordinates y = Q^H x.
     *
     * @param xRe real part of an N-vector; not modified
     * @param xIm imaginary part; not modified
     * @return {re, im} of length d
     */
    public double[][] coordinates(double[] xRe, double[] xIm) {
        int d = dimension();
        double[] yr = new double[d];
        double[] yi = new double[d];
        for (int j = 0; j < d; j++) {
            double[] c = CVec.dot(qRe.get(j), qIm.get(j), xRe, xIm);
            yr[j] = c[0];
            yi[j] = c[1];
        }
        return new double[][] {yr, yi};
    }

    /**
     * The N-vector x = Q y.
     *
     * @param yRe real part of d coordinates; not modified
     * @param yIm imaginary part; not modified
     * @return {re, im} of length N
     */
    public double[][] expand(double[] yRe, double[] yIm) {
        double[] xr = new double[n];
        double[] xi = new double[n];
        for (int j = 0; j < dimension(); j++) {
            double[] qr = qRe.get(j);
            double[] qi = qIm.get(j);
            for (int i = 0; i < n; i++) {
                xr[i] += qr[i] * yRe[j] - qi[i] * yIm[j];
                xi[i] += qr[i] * yIm[j] + qi[i] * yRe[j];
            }
        }
        return new double[][] {xr, xi};
    }
}
