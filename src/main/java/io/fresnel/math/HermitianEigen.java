package io.fresnel.math;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigen-decomposition H = sum_k lambda_k u_k u_k^H of a complex Hermitian n x n matrix,
 * through the real symmetric embedding E = [[A, -B], [B, A]] (H = A + jB), whose spectrum is that
 * of H twice: each eigenvector [x; y] of E gives the complex eigenvector x + jy. The complex
 * vectors are orthonormalised across each eigenvalue's real pair, so repeated eigenvalues are
 * handled. Eigenvalues descending.
 */
public final class HermitianEigen {
    private final double[] values;
    private final double[][] vectorsRe;
    private final double[][] vectorsIm;

    /**
     * @param re A = Re H, n x n; not modified
     * @param im B = Im H, n x n (antisymmetric); not modified
     * @throws ArithmeticException when the decomposition fails
     */
    public HermitianEigen(double[][] re, double[][] im) {
        int n = re.length;
        DMatrixRMaj e = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = 0.5 * (re[i][j] + re[j][i]);
                double b = 0.5 * (im[i][j] - im[j][i]);
                e.set(i, j, a);
                e.set(i + n, j + n, a);
                e.set(i, j + n, -b);
                e.set(i + n, j, b);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, true, true);
        if (!eig.decompose(e)) {
            throw new ArithmeticException("the Hermitian eigen-decomposition did not converge");
        }
        Integer[] order = new Integer[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(eig.getEigenvalue(q).real, eig.getEigenvalue(p).real));
        List<double[]> ur = new ArrayList<>();
        List<double[]> ui = new ArrayList<>();
        List<Double> lam = new ArrayList<>();
        for (int k = 0; k < 2 * n && ur.size() < n; k++) {
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            double[] xr = new double[n];
            double[] xi = new double[n];
            for (int i = 0; i < n; i++) {
                xr[i] = v.get(i, 0);
                xi[i] = v.get(i + n, 0);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < ur.size(); j++) {
                    double[] c = CVec.dot(ur.get(j), ui.get(j), xr, xi);
                    CVec.subtractScaled(xr, xi, c[0], c[1], ur.get(j), ui.get(j));
                }
            }
            double norm = Math.sqrt(CVec.norm2(xr, xi));
            if (norm > 0.5) {
                for (int i = 0; i < n; i++) {
                    xr[i] /= norm;
                    xi[i] /= norm;
                }
                ur.add(xr);
                ui.add(xi);
                lam.add(eig.getEigenvalue(order[k]).real);
            }
        }
        values = lam.stream().mapToDouble(Double::doubleValue).toArray();
        vectorsRe = ur.toArray(new double[0][]);
        vectorsIm = ui.toArray(new double[0][]);
    }

    /** @return the eigenvalues, descending (a copy) */
    public double[] values() {
        return values.clone();
    }

    /**
     * @param k an index into {@link #values()}
     * @return {re, im} of the unit eigenvector u_k (copies)
     */
    public double[][] vector(int k) {
        return new double[][] {vectorsRe[k].clone(), vectorsIm[k].clone()};
    }

    /**
     * A factor F with F F^H = H for a positive semidefinite H: the columns sqrt(lambda_k) u_k of
     * every eigenvalue above {@code relativeFloor} times the largest (smaller and negative ones,
     * rounding noise of a PSD matrix, are dropped).
     *
     * @param relativeFloor e.g. 1e-14
     * @return {re, im}, each a list of columns of length n
     */
    public List<double[][]> factorColumns(double relativeFloor) {
        List<double[][]> out = new ArrayList<>();
        double top = values.length == 0 ? 0 : Math.max(values[0], 0);
        for (int k = 0; k < values.length; k++) {
            if (values[k] > relativeFloor * top && values[k] > 0) {
                double s = Math.sqrt(values[k]);
                double[] cr = new double[vectorsRe[k].length];
                double[] ci = new double[vectorsRe[k].length];
                for (int i = 0; i < cr.length; i++) {
                    cr[i] = s * vectorsRe[k][i];
                    ci[i] = s * vectorsIm[k][i];
                }
                out.add(new double[][] {cr, ci});
            }
        }
        return out;
    }
}
