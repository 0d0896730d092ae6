package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;

/**
 * The status-line text of the point under the pointer, on the 2-D canvas and on the slice of the
 * 3-D view: its coordinates and the heatmap's value there. Looks values up only (nearest grid
 * point of the frame on screen); computes nothing.
 */
final class HoverText {
    private HoverText() {
    }

    /**
     * The status text of a point of the plane: its coordinates (and on z = 0 its range and angle
     * about the reference point) and the value of the frame there (nearest grid point); shared with
     * the 3-D view, whose pointer meets the slice plane.
     *
     * @param plane the plane
     * @param x the first in-plane coordinate (m)
     * @param y the second in-plane coordinate (m)
     * @param o the reference point (m)
     * @param frame the heatmap on the plane, or null
     * @return the text
     */
    static String at(Plane plane, double x, double y, Vec3 o, HeatmapFrame frame) {
        StringBuilder sb;
        if (Plane.Z0.equals(plane)) {
            double r = Math.hypot(x - o.x(), y - o.y());
            double th = Math.toDegrees(Math.atan2(y - o.y(), x - o.x()));
            sb = new StringBuilder(String.format("x %.4g m   y %.4g m   r %.4g m   \u03b8 %.2f\u00b0", x, y, r, th));
        } else {
            Vec3 q = plane.point(x, y);
            sb = new StringBuilder(String.format("%s: (%.4g, %.4g, %.4g) m   r %.4g m", plane, q.x(), q.y(), q.z(),
                    q.distance(o)));
        }
        if (frame != null) {
            double v = HeatmapSampling.valueAt(frame.field(), x, y);
            if (!Double.isNaN(v)) {
                sb.append(String.format("   %s: %.4g %s", frame.request().layer().label(), v,
                        frame.request().layer().siUnit()));
                String unit = displayUnit(frame.scale().label());
                if (!unit.isEmpty() && !unit.equals(frame.request().layer().siUnit())) {
                    sb.append(" = ").append(frame.scale().formatTick(frame.scale().toDisplay(v), 0)).append(' ')
                            .append(unit);
                }
            }
        }
        return sb.toString();
    }

    /** @return the unit in a scale label such as "Beampattern (dBm)", or "" */
    static String displayUnit(String label) {
        int open = label.lastIndexOf('(');
        int close = label.lastIndexOf(')');
        return open >= 0 && close > open ? label.substring(open + 1, close) : "";
    }

    /**
     * The point of the slice under the pointer of the 3-D view: where the pointer's ray meets the
     * frame's plane, if inside the frame's grid.
     *
     * @param ray the pointer's ray in scenario coordinates: {origin (m), direction}
     * @param frame the slice shown, or null
     * @param o the reference point (m)
     * @return {@link #at} of that point, or "" when the ray misses the slice
     */
    static String onSlice(Vec3[] ray, HeatmapFrame frame, Vec3 o) {
        if (frame == null) {
            return "";
        }
        GridSpec g = frame.field().grid();
        Vec3 q = DragGeometry.onPlane(ray[0], ray[1], g.plane().origin(), g.plane().unitNormal());
        double[] uv = q == null ? null : g.plane().project(q);
        return uv == null || uv[0] < g.u0() || uv[0] > g.u1() || uv[1] < g.v0() || uv[1] > g.v1() ? ""
                : at(g.plane(), uv[0], uv[1], o, frame);
    }
}
