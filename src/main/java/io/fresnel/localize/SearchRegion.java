package io.fresnel.localize;

import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import java.util.List;

/**
 * The region a 2-D near-field MUSIC search covers, in the coordinates it searches on: the sine
 * u = sin(phi - phi0) of the angle from the receive array's broadside phi0 (about the reference
 * point o, u in [-1, 1]) and the inverse range s = 1/r (s in [1/r_max, 1/r_min]). A linear array
 * cannot tell a point from its mirror image through the array's axis, so the region is the
 * half-plane in front of the array: broadside points to the side of the targets (the side of
 * the mean target position). The grid is uniform in (u, s), in which the beam widths of a ULA
 * are uniform: u step lambda / (2 D) and s step 2 lambda / D^2 (D the receive aperture), about a
 * quarter of the main lobe's width in each.
 *
 * @param originM the reference point o (m)
 * @param broadsideRad phi0, the direction of broadside in the x-y plane (rad)
 * @param rangeMinM r_min (m, > 0)
 * @param rangeMaxM r_max (m, > r_min)
 * @param angles grid points along u (>= 2)
 * @param ranges grid points along s (>= 2)
 */
public record SearchRegion(Vec3 originM, double broadsideRad, double rangeMinM, double rangeMaxM, int angles,
        int ranges) {

    /** Validates the bounds. */
    public SearchRegion {
        if (!(rangeMinM > 0) || !(rangeMaxM > rangeMinM) || !Double.isFinite(rangeMaxM)) {
            throw new IllegalArgumentException("the search ranges must satisfy 0 < range min < range max < infinity"
                    + " (got " + rangeMinM + ", " + rangeMaxM + ")");
        }
        if (angles < 2 || ranges < 2) {
            throw new IllegalArgumentException("a search grid needs at least 2 x 2 points");
        }
    }

    /**
     * The default region of a 2-D scenario: r_min = max(D, 10 lambda), r_max = max(8 D^2 / lambda,
     * 2 r_min) (four Rayleigh distances), unless given.
     *
     * @param scenario a 2-D scenario with targets
     * @param rangeMinM r_min (m), or null for the default
     * @param rangeMaxM r_max (m), or null for the default
     * @return the region
     * @throws IllegalArgumentException for a 3-D scenario, a receive array of one point, or bad
     *     bounds (the message names the field or option)
     */
    public static SearchRegion of(Scenario scenario, Double rangeMinM, Double rangeMaxM) {
        if (scenario.dimension() != 2) {
            throw new IllegalArgumentException("dimension: MUSIC localisation supports 2-D scenarios only");
        }
        List<Vec3> rx = scenario.receiveArray().positions();
        double aperture = 0;
        Vec3 a = rx.get(0);
        Vec3 b = rx.get(0);
        for (Vec3 p : rx) {
            for (Vec3 q : rx) {
                double d = p.distance(q);
                if (d > aperture) {
                    aperture = d;
                    a = p;
                    b = q;
                }
            }
        }
        if (!(aperture > 0)) {
            throw new IllegalArgumentException("rx_array: MUSIC needs a receive array of at least two distinct"
                    + " elements");
        }
        Vec3 o = scenario.referencePoint();
        double ex = (b.x() - a.x()) / aperture;
        double ey = (b.y() - a.y()) / aperture;
        double nx = -ey;
        double ny = ex;
        double side = 0;
        for (Target t : scenario.targets()) {
            side += (t.positionM().x() - o.x()) * nx + (t.positionM().y() - o.y()) * ny;
        }
        if (side < 0) {
            nx = -nx;
            ny = -ny;
        }
        double lambda = scenario.wavelengthM();
        double rMin = rangeMinM != null ? rangeMinM : Math.max(aperture, 10 * lambda);
        double rMax = rangeMaxM != null ? rangeMaxM : Math.max(8 * aperture * aperture / lambda, 2 * rMin);
        if (!(rMin > 0) || !Double.isFinite(rMin)) {
            throw new IllegalArgumentException("--range-min must be finite and > 0 (got " + rMin + ")");
        }
        if (!(rMax > rMin) || !Double.isFinite(rMax)) {
            throw new IllegalArgumentException("--range-max must be finite and above the range min " + rMin
                    + " m (got " + rMax + ")");
        }
        int nu = clamp((int) Math.ceil(4 * aperture / lambda) + 1, 33, 4097);
        int ns = clamp((int) Math.ceil((1 / rMin - 1 / rMax) * aperture * aperture / (2 * lambda)) + 1, 9, 513);
        return new SearchRegion(o, Math.atan2(ny, nx), rMin, rMax, nu, ns);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** @return the smallest s = 1 / r_max (1/m) */
    public double inverseRangeMin() {
        return 1 / rangeMaxM;
    }

    /** @return the largest s = 1 / r_min (1/m) */
    public double inverseRangeMax() {
        return 1 / rangeMinM;
    }

    /** @param i a grid index along u, 0 .. angles - 1 @return u_i */
    public double u(int i) {
        return -1 + 2.0 * i / (angles - 1);
    }

    /** @param j a grid index along s, 0 .. ranges - 1 @return s_j (1/m) */
    public double s(int j) {
        return inverseRangeMin() + (inverseRangeMax() - inverseRangeMin()) * j / (ranges - 1);
    }

    /** @return the u step of the grid */
    public double uStep() {
        return 2.0 / (angles - 1);
    }

    /** @return the s step of the grid (1/m) */
    public double sStep() {
        return (inverseRangeMax() - inverseRangeMin()) / (ranges - 1);
    }

    /**
     * @param u sin of the angle from broadside, in [-1, 1]
     * @param s the inverse range (1/m, > 0)
     * @return the point o + (1/s) (cos phi, sin phi, 0), phi = phi0 + asin u (m)
     */
    public Vec3 point(double u, double s) {
        double phi = broadsideRad + Math.asin(Math.max(-1, Math.min(1, u)));
        double r = 1 / s;
        return new Vec3(originM.x() + r * Math.cos(phi), originM.y() + r * Math.sin(phi), 0);
    }
}
