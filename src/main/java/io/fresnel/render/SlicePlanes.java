package io.fresnel.render;

import io.fresnel.math.Vec3;
import io.fresnel.model.ArrayGeometry;
import io.fresnel.model.Axis;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.Scenario;
import io.fresnel.model.UniformLinearArray;
import io.fresnel.model.UniformPlanarArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The cut planes a user looks at in a scenario: the default slice, the "broadside" plane of the
 * transmit array through a node, paper 004's y-z plane, and the extent of a plane that holds the
 * array and every node. Stateless.
 *
 * <p>An array's axes: a UPA lies in a plane z = c (normal z, SCENARIO.md section 3), its long axis
 * is y unless it has more elements along x; a ULA has its axis; an explicit array is classified by
 * the extents of its elements along x, y, z (two non-zero extents: planar with the zero-extent axis
 * as normal; one: linear along it; none: a point, treated as a planar array facing +z).
 */
public final class SlicePlanes {
    /** Smallest side of a plane's extent, in wavelengths. */
    static final double MIN_EXTENT_WAVELENGTHS = 20;

    private SlicePlanes() {
    }

    /**
     * The array's normal axis when it is planar (or a point), else null (a line).
     *
     * @param a the array
     * @return the normal axis, or null for a linear array
     */
    public static Axis planarNormal(ArrayGeometry a) {
        if (a instanceof UniformPlanarArray) {
            return Axis.Z;
        }
        if (a instanceof UniformLinearArray) {
            return null;
        }
        double[] ext = extents(a);
        int nonZero = 0;
        int zero = 2;
        for (int i = 2; i >= 0; i--) {
            if (ext[i] > 0) {
                nonZero++;
            } else {
                zero = i;
            }
        }
        return nonZero == 1 ? null : nonZero == 0 ? Axis.Z : Axis.values()[zero];
    }

    /**
     * @param a the array
     * @return its long axis: a ULA's axis; a UPA's y unless it has more elements along x; an
     *     explicit array's axis of largest extent
     */
    public static Axis longAxis(ArrayGeometry a) {
        if (a instanceof UniformPlanarArray u) {
            return u.elementsX() > u.elementsY() ? Axis.X : Axis.Y;
        }
        if (a instanceof UniformLinearArray l) {
            return l.axis();
        }
        double[] ext = extents(a);
        int best = 1;
        for (int i = 0; i < 3; i++) {
            if (ext[i] > ext[best]) {
                best = i;
            }
        }
        return Axis.values()[best];
    }

    /**
     * The plane shown first: z = 0 for a 2-D scenario; for a 3-D one the axis-aligned plane
     * through the first target (else the first user, else the array centre) whose normal is
     * neither a planar array's normal nor a linear array's axis, trying x, y, z in that order:
     * never the array's own plane (for a UPA in z = c and a target at x = 0 this is paper 004's
     * y-z plane), and for a line array a plane along its axis, where its beam's angle and depth
     * show, not one across it, where they show as rings.
     *
     * @param s the scenario
     * @return the plane
     */
    public static Plane defaultFor(Scenario s) {
        if (s.dimension() == 2) {
            return Plane.Z0;
        }
        Vec3 through = focus(s);
        Axis normal = planarNormal(s.txArray());
        Axis skip = normal != null ? normal : longAxis(s.txArray());
        for (Axis a : Axis.values()) {
            if (a != skip) {
                return new Plane(a, through.get(a.ordinal()));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Paper 004's y-z plane through the transmit array's centre, x = x_c (eq. (50) plots the
     * beampattern P(0, y, z) on it).
     *
     * @param s the scenario
     * @return the plane x = centre x
     */
    public static Plane paperYz(Scenario s) {
        return new Plane(Axis.X, centre(s.txArray()).x());
    }

    /**
     * The broadside plane of the transmit array through a node: it passes through the array
     * centre c and the node p and contains the array's broadside direction towards p. Planar
     * array (normal n): spanned by the part of p - c across n (e_u) and n (e_v); when p lies on
     * the normal through c, e_u is the long axis. Linear array (axis a): spanned by a (e_u) and
     * the part of p - c across a (e_v); when p lies on the axis, e_v is z (x for an array along z).
     *
     * @param s the scenario
     * @param nodeId a user, eavesdropper or target id
     * @return the plane (oblique in general), named {@code "broadside <id>"}
     * @throws IllegalArgumentException when the id is unknown
     */
    public static Plane broadside(Scenario s, String nodeId) {
        Vec3 p = ScenarioEdits.position(s, nodeId);
        Vec3 c = centre(s.txArray());
        Vec3 d = p.minus(c);
        Axis normal = planarNormal(s.txArray());
        String name = "broadside " + nodeId;
        if (normal != null) {
            Vec3 n = normal.unit();
            Vec3 across = d.minus(n.times(d.dot(n)));
            if (across.norm() <= 1e-9 * Math.max(1, d.norm())) {
                across = longAxis(s.txArray()).unit();
            }
            Vec3 up = d.dot(n) < 0 ? n.times(-1) : n;
            return Plane.through(c, across, up, name);
        }
        Vec3 a = longAxis(s.txArray()).unit();
        Vec3 across = d.minus(a.times(d.dot(a)));
        if (across.norm() <= 1e-9 * Math.max(1, d.norm())) {
            across = (longAxis(s.txArray()) == Axis.Z ? Axis.X : Axis.Z).unit();
        }
        return Plane.through(c, a, across, name);
    }

    /**
     * A rectangle of a plane that holds the projections of the transmit and receive arrays and
     * every node, padded by 15 % and at least {@link #MIN_EXTENT_WAVELENGTHS} wavelengths a side.
     * On an oblique plane whose origin is the transmit array's centre (the {@link #broadside}
     * planes) the u-range is symmetric about the centre, u0 = -u1: the array is in the middle of
     * the slice, and the kernels compute a grid point and its image under a half-turn of the
     * array about the plane's v axis from the same element responses (about 30 % faster).
     *
     * @param s the scenario
     * @param plane the plane
     * @return {u0, u1, v0, v1} (m)
     */
    public static double[] extent(Scenario s, Plane plane) {
        double[] b = bounds(scenePoints(s), plane);
        if (!plane.isAxisAligned() && plane.origin().equals(centre(s.txArray()))) {
            double half = Math.max(-b[0], b[1]);
            b[0] = -half;
            b[1] = half;
        }
        double u0 = b[0];
        double u1 = b[1];
        double v0 = b[2];
        double v1 = b[3];
        double min = MIN_EXTENT_WAVELENGTHS * s.wavelengthM();
        double pad = 0.15 * Math.max(u1 - u0, v1 - v0);
        double du = Math.max(0, min - (u1 - u0 + 2 * pad)) / 2 + pad;
        double dv = Math.max(0, min - (v1 - v0 + 2 * pad)) / 2 + pad;
        return new double[] {u0 - du, u1 + du, v0 - dv, v1 + dv};
    }

    /**
     * @param s the scenario
     * @return the transmit and receive elements and every user, eavesdropper and target (m)
     */
    public static List<Vec3> scenePoints(Scenario s) {
        List<Vec3> pts = new ArrayList<>(s.txArray().positions());
        if (s.rxArray() != null) {
            pts.addAll(s.rxArray().positions());
        }
        s.users().forEach(n -> pts.add(n.positionM()));
        s.eavesdroppers().forEach(n -> pts.add(n.positionM()));
        s.targets().forEach(n -> pts.add(n.positionM()));
        return pts;
    }

    /**
     * @param points points (m), not empty
     * @param plane a plane
     * @return the bounding rectangle of their projections, {u0, u1, v0, v1} (m)
     */
    public static double[] bounds(List<Vec3> points, Plane plane) {
        double u0 = Double.POSITIVE_INFINITY;
        double u1 = Double.NEGATIVE_INFINITY;
        double v0 = Double.POSITIVE_INFINITY;
        double v1 = Double.NEGATIVE_INFINITY;
        for (Vec3 p : points) {
            double[] uv = plane.project(p);
            u0 = Math.min(u0, uv[0]);
            u1 = Math.max(u1, uv[0]);
            v0 = Math.min(v0, uv[1]);
            v1 = Math.max(v1, uv[1]);
        }
        return new double[] {u0, u1, v0, v1};
    }

    private static Vec3 focus(Scenario s) {
        if (!s.targets().isEmpty()) {
            return s.targets().get(0).positionM();
        }
        if (!s.users().isEmpty()) {
            return s.users().get(0).positionM();
        }
        return centre(s.txArray());
    }

    /**
     * @param a the array
     * @return its centre: a UPA's declared centre (exact), else the centroid (m)
     */
    public static Vec3 centre(ArrayGeometry a) {
        if (a instanceof UniformPlanarArray u) {
            return u.centerM();
        }
        return a.centroid();
    }

    private static double[] extents(ArrayGeometry a) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Vec3 p : a.positions()) {
            for (int i = 0; i < 3; i++) {
                lo[i] = Math.min(lo[i], p.get(i));
                hi[i] = Math.max(hi[i], p.get(i));
            }
        }
        return new double[] {hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
    }
}
