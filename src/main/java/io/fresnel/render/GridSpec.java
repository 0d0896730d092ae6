package io.fresnel.render;

import io.fresnel.math.Vec3;
import io.fresnel.model.Envelope;

/**
 * A rectangular grid of points on a plane: nu points from u0 to u1 and nv points from v0 to v1,
 * both endpoints included (like {@code linspace}). Point (iu, iv) has the flat index
 * iv * nu + iu (u varies fastest).
 *
 * @param plane the plane
 * @param u0 first u coordinate (m)
 * @param u1 last u coordinate (m, > u0)
 * @param v0 first v coordinate (m)
 * @param v1 last v coordinate (m, > v0)
 * @param nu points along u (2 .. {@link #MAX_POINTS_PER_AXIS})
 * @param nv points along v (2 .. {@link #MAX_POINTS_PER_AXIS})
 */
public record GridSpec(Plane plane, double u0, double u1, double v0, double v1, int nu, int nv) {

    /** Most points along one axis. */
    public static final int MAX_POINTS_PER_AXIS = 8192;
    /** Most points in a grid (4096 x 4096). */
    public static final long MAX_POINTS = 4096L * 4096;

    /** Validates the fields. */
    public GridSpec {
        if (plane == null) {
            throw new IllegalArgumentException("a grid needs a plane");
        }
        extent("u", u0, u1);
        extent("v", v0, v1);
        count("nu", nu);
        count("nv", nv);
        if ((long) nu * nv > MAX_POINTS) {
            throw new IllegalArgumentException("the grid has " + ((long) nu * nv) + " points, more than the limit "
                    + MAX_POINTS);
        }
    }

    private static void extent(String axis, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("the " + axis + " extent must be finite (got " + lo + ", " + hi + ")");
        }
        if (Math.abs(lo) > Envelope.MAX_COORDINATE_M || Math.abs(hi) > Envelope.MAX_COORDINATE_M) {
            throw new IllegalArgumentException("the " + axis + " extent must lie within +-" + Envelope.MAX_COORDINATE_M
                    + " m (got " + lo + " .. " + hi + ")");
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("the " + axis + " extent must be increasing (got " + lo + " .. " + hi
                    + ")");
        }
    }

    private static void count(String name, int n) {
        if (n < 2 || n > MAX_POINTS_PER_AXIS) {
            throw new IllegalArgumentException(name + " must be between 2 and " + MAX_POINTS_PER_AXIS + " (got " + n
                    + ")");
        }
    }

    /** @return nu * nv, the number of points */
    public int size() {
        return nu * nv;
    }

    /**
     * @param iu index along u (0 .. nu - 1)
     * @return u0 + iu (u1 - u0) / (nu - 1), exactly u1 at the last index (m)
     */
    public double u(int iu) {
        return iu == nu - 1 ? u1 : u0 + iu * ((u1 - u0) / (nu - 1));
    }

    /**
     * @param iv index along v (0 .. nv - 1)
     * @return v0 + iv (v1 - v0) / (nv - 1), exactly v1 at the last index (m)
     */
    public double v(int iv) {
        return iv == nv - 1 ? v1 : v0 + iv * ((v1 - v0) / (nv - 1));
    }

    /**
     * @param iu index along u
     * @param iv index along v
     * @return the grid point (m)
     * @throws IndexOutOfBoundsException when an index is outside the grid
     */
    public Vec3 point(int iu, int iv) {
        java.util.Objects.checkIndex(iu, nu);
        java.util.Objects.checkIndex(iv, nv);
        return plane.point(u(iu), v(iv));
    }

    /**
     * @param iu index along u
     * @param iv index along v
     * @return iv * nu + iu
     */
    public int index(int iu, int iv) {
        return iv * nu + iu;
    }
}
