package io.fresnel.ui;

import io.fresnel.math.Vec3;

/**
 * The geometry of dragging a node in the 3-D view (world coordinates, m): the pointer defines a
 * ray from the camera; the node moves to where that ray meets the plane through its start point
 * facing the camera (the default), or to the point of an axis line through its start point
 * nearest to the ray (with a modifier). Stateless.
 */
public final class DragGeometry {
    private DragGeometry() {
    }

    /**
     * @param origin the ray's origin (m)
     * @param direction the ray's direction (not zero)
     * @param point a point of the plane (m)
     * @param normal the plane's normal (not zero)
     * @return where the ray meets the plane, or null when it is parallel to it or the meeting
     *     point is behind the origin
     */
    public static Vec3 onPlane(Vec3 origin, Vec3 direction, Vec3 point, Vec3 normal) {
        double den = direction.dot(normal);
        if (Math.abs(den) <= 1e-12 * direction.norm() * normal.norm()) {
            return null;
        }
        double t = point.minus(origin).dot(normal) / den;
        return t > 0 ? origin.plus(direction.times(t)) : null;
    }

    /**
     * The point of the line point + s axis nearest to the ray origin + t direction (closest
     * points of two lines).
     *
     * @param origin the ray's origin (m)
     * @param direction the ray's direction (not zero)
     * @param point a point of the line (m)
     * @param axis the line's direction (not zero)
     * @return that point, or null when the ray is parallel to the line
     */
    public static Vec3 onLine(Vec3 origin, Vec3 direction, Vec3 point, Vec3 axis) {
        Vec3 w = point.minus(origin);
        double a = axis.dot(axis);
        double b = axis.dot(direction);
        double c = direction.dot(direction);
        double d = axis.dot(w);
        double e = direction.dot(w);
        double den = a * c - b * b;
        if (Math.abs(den) <= 1e-12 * a * c) {
            return null;
        }
        double s = (b * e - c * d) / den;
        return point.plus(axis.times(s));
    }
}
