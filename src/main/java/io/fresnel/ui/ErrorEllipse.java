package io.fresnel.ui;

/**
 * The 1-sigma error ellipse of a 2-D position estimate from its equivalent Fisher information
 * J (m^-2): the CRB is C = J^-1, whose eigenvalues are the squared semi-axes (m^2) along its
 * eigenvectors. The k-sigma ellipse is the 1-sigma one scaled by k.
 *
 * @param semiMajorM 1-sigma semi-major axis (m)
 * @param semiMinorM 1-sigma semi-minor axis (m)
 * @param angleRad direction of the major axis from +x towards +y (rad)
 */
public record ErrorEllipse(double semiMajorM, double semiMinorM, double angleRad) {

    /**
     * @param efim the 2x2 EFIM [[Jxx, Jxy], [Jxy, Jyy]] (m^-2), positive definite
     * @return its error ellipse
     * @throws IllegalArgumentException when J is not positive definite
     */
    public static ErrorEllipse of(double[][] efim) {
        double a = efim[0][0];
        double b = efim[0][1];
        double d = efim[1][1];
        double det = a * d - b * b;
        if (!(a > 0 && det > 0)) {
            throw new IllegalArgumentException("the EFIM is not positive definite");
        }
        // C = J^-1 = [[d, -b], [-b, a]] / det
        double cxx = d / det;
        double cyy = a / det;
        double cxy = -b / det;
        double mean = (cxx + cyy) / 2;
        double rad = Math.hypot((cxx - cyy) / 2, cxy);
        double l1 = mean + rad;
        double l2 = Math.max(mean - rad, 0);
        double angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
        return new ErrorEllipse(Math.sqrt(l1), Math.sqrt(l2), angle);
    }
}
