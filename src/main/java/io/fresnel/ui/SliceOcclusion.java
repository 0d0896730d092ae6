package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;

/**
 * Whether the opaque slice of the 3-D view hides a point from the eye: the segment from the eye
 * e to the point p crosses the slice's rectangle. With the plane through o with unit normal n,
 * signed distances d_e = (e - o) . n and d_p = (p - o) . n, the segment meets the plane where
 * t = d_e / (d_e - d_p) when d_e and d_p have opposite signs, at q = e + t (p - e), and q hides
 * p when its in-plane coordinates (u, v) = ((q - o) . e_u, (q - o) . e_v) lie in the rectangle
 * [u0, u1] x [v0, v1]. A point within {@code margin} of the plane is never hidden (a marker of
 * that radius cut by the slice still shows). Used to hide the labels of nodes and axis ticks
 * behind the slice, as the depth buffer hides their markers. Pure geometry, in metres.
 */
final class SliceOcclusion {
    private SliceOcclusion() {
    }

    /**
     * @param slice the slice's grid (its plane and rectangle), or null when no slice is shown
     * @param eye the eye (m)
     * @param p the point (m)
     * @param margin distance from the plane within which a point is not hidden (m, >= 0)
     * @return whether the slice lies between the eye and the point
     */
    static boolean hides(GridSpec slice, Vec3 eye, Vec3 p, double margin) {
        if (slice == null) {
            return false;
        }
        Plane plane = slice.plane();
        Vec3 n = plane.unitNormal();
        Vec3 o = plane.origin();
        double de = eye.minus(o).dot(n);
        double dp = p.minus(o).dot(n);
        if (Math.abs(dp) <= margin || de * dp >= 0) {
            return false; // on the plane, or on the eye's side of it
        }
        double t = de / (de - dp);
        Vec3 q = eye.plus(p.minus(eye).times(t));
        double[] uv = plane.project(q);
        return uv[0] >= slice.u0() && uv[0] <= slice.u1() && uv[1] >= slice.v0() && uv[1] <= slice.v1();
    }
}
