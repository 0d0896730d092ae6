package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.render.Plane;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The 1-sigma error ellipsoid of a 3-D position estimate from its equivalent Fisher information
 * J (3 x 3, m^-2; paper 004 eqs. (13)-(22): the target's block of the joint CRB C = F^-1 is
 * J^-1): the set {x : (x - p)^T J (x - p) <= 1}, whose semi-axes are the square roots of the
 * eigenvalues of C = J^-1 (m) along its eigenvectors. The k-sigma ellipsoid is the 1-sigma one
 * scaled by k.
 *
 * @param centre the target position p (m)
 * @param efim J (m^-2), symmetric positive definite; kept as given (not modified)
 * @param semiAxesM the 1-sigma semi-axes, largest first (m)
 * @param axes the unit directions of the semi-axes, in the same order
 */
public record ErrorEllipsoid(Vec3 centre, double[][] efim, double[] semiAxesM, Vec3[] axes) {

    /**
     * @param centre the target position (m)
     * @param efim the 3x3 EFIM (m^-2)
     * @return its error ellipsoid
     * @throws IllegalArgumentException when J is not 3x3 symmetric positive definite
     */
    public static ErrorEllipsoid of(Vec3 centre, double[][] efim) {
        if (efim == null || efim.length != 3 || efim[0].length != 3) {
            throw new IllegalArgumentException("the EFIM of a 3-D target is 3 x 3");
        }
        DMatrixRMaj j = new DMatrixRMaj(efim);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(3, true, true);
        if (!eig.decompose(j)) {
            throw new IllegalArgumentException("the EFIM's eigen decomposition failed");
        }
        double[] lambda = new double[3];
        Vec3[] dirs = new Vec3[3];
        for (int i = 0; i < 3; i++) {
            lambda[i] = eig.getEigenvalue(i).getReal();
            if (!(lambda[i] > 0) || !Double.isFinite(lambda[i])) {
                throw new IllegalArgumentException("the EFIM is not positive definite");
            }
            DMatrixRMaj v = eig.getEigenVector(i);
            Vec3 d = new Vec3(v.get(0), v.get(1), v.get(2));
            dirs[i] = d.times(1 / d.norm());
        }
        // Semi-axis 1/sqrt(lambda_J): the smallest eigenvalue of J gives the longest axis.
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (a, b) -> Double.compare(lambda[a], lambda[b]));
        double[] semi = new double[3];
        Vec3[] axes = new Vec3[3];
        for (int i = 0; i < 3; i++) {
            semi[i] = 1 / Math.sqrt(lambda[order[i]]);
            axes[i] = dirs[order[i]];
        }
        return new ErrorEllipsoid(centre, efim, semi, axes);
    }

    /**
     * The cut of the k-sigma ellipsoid by a plane. With the plane's points o + U s (U = [e_u e_v],
     * s in R^2) and d = o - p: q(s) = (U s + d)^T J (U s + d) = s^T A s + 2 b^T s + e with
     * A = U^T J U, b = U^T J d, e = d^T J d; the cut is {q(s) <= k^2}, an ellipse centred at
     * s0 = -A^-1 b with (s - s0)^T A (s - s0) <= k^2 - q(s0).
     *
     * @param plane the plane
     * @param k how many sigmas (> 0)
     * @return the cut, or null when the plane misses the k-sigma ellipsoid
     */
    public Cut cut(Plane plane, double k) {
        Vec3 eu = plane.uDirection();
        Vec3 ev = plane.vDirection();
        Vec3 d = plane.origin().minus(centre);
        Vec3 ju = times(eu);
        Vec3 jv = times(ev);
        Vec3 jd = times(d);
        double a11 = eu.dot(ju);
        double a12 = eu.dot(jv);
        double a22 = ev.dot(jv);
        double b1 = eu.dot(jd);
        double b2 = ev.dot(jd);
        double e = d.dot(jd);
        double det = a11 * a22 - a12 * a12;
        double s1 = -(a22 * b1 - a12 * b2) / det;
        double s2 = -(-a12 * b1 + a11 * b2) / det;
        double q0 = e + b1 * s1 + b2 * s2;
        double room = k * k - q0;
        if (!(room > 0)) {
            return null;
        }
        ErrorEllipse shape = ErrorEllipse.of(new double[][] {{a11 / room, a12 / room}, {a12 / room, a22 / room}});
        return new Cut(s1, s2, shape);
    }

    private Vec3 times(Vec3 x) {
        return new Vec3(efim[0][0] * x.x() + efim[0][1] * x.y() + efim[0][2] * x.z(),
                efim[1][0] * x.x() + efim[1][1] * x.y() + efim[1][2] * x.z(),
                efim[2][0] * x.x() + efim[2][1] * x.y() + efim[2][2] * x.z());
    }

    /**
     * An ellipse in a plane's coordinates.
     *
     * @param u centre along e_u (m)
     * @param v centre along e_v (m)
     * @param ellipse its semi-axes (m) and the angle of the major axis from e_u towards e_v
     */
    public record Cut(double u, double v, ErrorEllipse ellipse) {
    }
}
