package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.render.SlicePlanes;

/**
 * A node's angle from the transmit array's broadside, and the plane it is measured in, for the
 * property sheet and the beam-cut charts. In 2-D it is the usual polar angle about the reference
 * point o, from +x towards +y. In 3-D that angle (in the array's own plane z = 0 for a UPA) means
 * nothing for a node above the array, and is not even defined on its axis, so the angle is taken
 * in the broadside plane through the node (as {@link SlicePlanes#broadside}): for a planar array
 * with normal n (turned towards the node) and d = p - o,
 * theta = atan2(|d - (d.n) n|, d.n), from the normal towards the node (0 on the array's axis);
 * for a linear array with axis e, theta = atan2(d.e, |d - (d.e) e|), from broadside towards +e.
 *
 * @param zero the unit direction of theta = 0 (the broadside)
 * @param ninety the unit direction of theta = pi/2, orthogonal to {@code zero}
 * @param thetaRad the node's angle (rad)
 */
record BroadsideAngle(Vec3 zero, Vec3 ninety, double thetaRad) {

    /**
     * @param s the scenario
     * @param p the node's position (m)
     * @return its angle and the plane of it
     */
    static BroadsideAngle of(Scenario s, Vec3 p) {
        Vec3 o = s.referencePoint();
        Vec3 d = p.minus(o);
        if (s.dimension() == 2) {
            return new BroadsideAngle(new Vec3(1, 0, 0), new Vec3(0, 1, 0), Math.atan2(d.y(), d.x()));
        }
        Axis normal = SlicePlanes.planarNormal(s.txArray());
        double tiny = 1e-9 * Math.max(1, d.norm());
        if (normal != null) {
            Vec3 n = normal.unit();
            if (d.dot(n) < 0) {
                n = n.times(-1);
            }
            Vec3 across = d.minus(n.times(d.dot(n)));
            if (!(across.norm() > tiny)) {
                // on the axis (to rounding: a centroid is not exactly the centre): theta = 0
                return new BroadsideAngle(n, SlicePlanes.longAxis(s.txArray()).unit(), 0);
            }
            Vec3 b = across.times(1 / across.norm());
            return new BroadsideAngle(n, b, Math.atan2(across.norm(), d.dot(n)));
        }
        Axis axis = SlicePlanes.longAxis(s.txArray());
        Vec3 e = axis.unit();
        Vec3 across = d.minus(e.times(d.dot(e)));
        Vec3 a = across.norm() > tiny ? across.times(1 / across.norm()) : (axis == Axis.Z ? Axis.X : Axis.Z).unit();
        return new BroadsideAngle(a, e, Math.atan2(d.dot(e), d.dot(a)));
    }
}
