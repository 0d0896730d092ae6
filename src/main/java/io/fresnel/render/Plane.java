package io.fresnel.render;

import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.model.Envelope;
import java.util.Objects;

/**
 * A cut plane on which a heatmap is computed: the set of points origin + u e_u + v e_v for an
 * orthonormal pair (e_u, e_v). Two kinds exist:
 * <ul>
 *   <li>axis-aligned, {normal = offset}: the in-plane axes (u, v) are the two other coordinate
 *       axes in order: (x, y) for z = c, (x, z) for y = c and (y, z) for x = c; the origin is the
 *       point of the plane with u = v = 0. The desktop canvas of a 2-D scenario is z = 0.
 *   <li>oblique ({@link #through}): any plane, e.g. the "broadside" plane of an array through its
 *       centre and a node; its coordinates are metres along e_u and e_v from the origin.
 * </ul>
 * Immutable; equal when kind, axis/offset or origin/axes (and name) are equal.
 */
public final class Plane {

    /** The plane z = 0 of every 2-D scenario. */
    public static final Plane Z0 = new Plane(Axis.Z, 0);

    private final Axis normal;
    private final double offsetM;
    private final Vec3 origin;
    private final Vec3 eu;
    private final Vec3 ev;
    private final Vec3 en;
    private final String name;

    /**
     * An axis-aligned plane.
     *
     * @param normal the axis normal to the plane
     * @param offsetM the plane's coordinate along the normal (m, finite)
     */
    public Plane(Axis normal, double offsetM) {
        if (normal == null) {
            throw new IllegalArgumentException("a plane needs a normal axis");
        }
        if (!Double.isFinite(offsetM) || Math.abs(offsetM) > Envelope.MAX_COORDINATE_M) {
            throw new IllegalArgumentException("the plane offset must be a finite number of metres within +-"
                    + Envelope.MAX_COORDINATE_M + " (got " + offsetM + ")");
        }
        this.normal = normal;
        this.offsetM = offsetM;
        Axis ua = normal == Axis.X ? Axis.Y : Axis.X;
        Axis va = normal == Axis.Z ? Axis.Y : Axis.Z;
        this.eu = ua.unit();
        this.ev = va.unit();
        this.en = normal.unit();
        this.origin = en.times(offsetM);
        this.name = null;
    }

    private Plane(Vec3 origin, Vec3 eu, Vec3 ev, String name) {
        this.normal = null;
        this.offsetM = Double.NaN;
        this.origin = origin;
        this.eu = eu;
        this.ev = ev;
        this.en = cross(eu, ev);
        this.name = name;
    }

    /**
     * An oblique plane through a point, spanned by two directions (made orthonormal: e_u along
     * {@code uDir}, e_v the part of {@code vDir} orthogonal to it).
     *
     * @param origin the point with u = v = 0 (m, finite)
     * @param uDir the first in-plane direction (finite, non-zero)
     * @param vDir the second in-plane direction (finite, not parallel to {@code uDir})
     * @param name a short name for titles and labels, e.g. {@code "broadside t1"} (not null)
     * @return the plane
     * @throws IllegalArgumentException when a vector is not finite or the directions are parallel
     */
    public static Plane through(Vec3 origin, Vec3 uDir, Vec3 vDir, String name) {
        Objects.requireNonNull(name, "name");
        if (!origin.isFinite() || !uDir.isFinite() || !vDir.isFinite()) {
            throw new IllegalArgumentException("a plane needs a finite origin and finite directions");
        }
        double nu = uDir.norm();
        if (!(nu > 0)) {
            throw new IllegalArgumentException("a plane's first direction must not be zero");
        }
        Vec3 eu = uDir.times(1 / nu);
        Vec3 w = vDir.minus(eu.times(vDir.dot(eu)));
        double nw = w.norm();
        if (!(nw > 1e-12 * Math.max(1, vDir.norm()))) {
            throw new IllegalArgumentException("a plane's two directions must not be parallel");
        }
        return new Plane(origin, eu, w.times(1 / nw), name);
    }

    /**
     * Parses {@code z=0}, {@code x=1.5}, {@code y=-2} (metres; spaces allowed).
     *
     * @param text the plane
     * @return the plane
     * @throws IllegalArgumentException naming the expected form when the text is not a plane
     */
    public static Plane parse(String text) {
        String t = text == null ? "" : text.replace(" ", "");
        int eq = t.indexOf('=');
        if (eq != 1) {
            throw new IllegalArgumentException("plane \"" + text + "\" is not of the form x=C, y=C or z=C (C in m)");
        }
        Axis axis;
        try {
            axis = Axis.fromKey(t.substring(0, 1).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plane \"" + text + "\": " + e.getMessage(), e);
        }
        double offset;
        try {
            offset = Double.parseDouble(t.substring(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plane \"" + text + "\": \"" + t.substring(2)
                    + "\" is not a number of metres", e);
        }
        return new Plane(axis, offset);
    }

    /** @return whether the plane is {normal = offset} for a coordinate axis */
    public boolean isAxisAligned() {
        return normal != null;
    }

    /** @return the axis normal to an axis-aligned plane, or null for an oblique one */
    public Axis normal() {
        return normal;
    }

    /** @return the offset of an axis-aligned plane along its normal (m); NaN for an oblique one */
    public double offsetM() {
        return offsetM;
    }

    /**
     * @return the in-plane horizontal axis u: x, or y for x = c
     * @throws IllegalStateException for an oblique plane
     */
    public Axis uAxis() {
        requireAxisAligned();
        return normal == Axis.X ? Axis.Y : Axis.X;
    }

    /**
     * @return the in-plane vertical axis v: y for z = c, else z
     * @throws IllegalStateException for an oblique plane
     */
    public Axis vAxis() {
        requireAxisAligned();
        return normal == Axis.Z ? Axis.Y : Axis.Z;
    }

    /** @return the label of the u coordinate: "x", "y", or "u" for an oblique plane */
    public String uLabel() {
        return normal == null ? "u" : uAxis().key();
    }

    /** @return the label of the v coordinate: "y", "z", or "v" for an oblique plane */
    public String vLabel() {
        return normal == null ? "v" : vAxis().key();
    }

    /** @return the point with u = v = 0 (m) */
    public Vec3 origin() {
        return origin;
    }

    /** @return the unit vector e_u */
    public Vec3 uDirection() {
        return eu;
    }

    /** @return the unit vector e_v */
    public Vec3 vDirection() {
        return ev;
    }

    /** @return the unit normal e_u x e_v (for z = c: +z; for y = c: -y; for x = c: +x) */
    public Vec3 unitNormal() {
        return en;
    }

    /**
     * @param u coordinate along e_u (m)
     * @param v coordinate along e_v (m)
     * @return the point of the plane (m)
     */
    public Vec3 point(double u, double v) {
        if (normal != null) {
            return switch (normal) {
                case Z -> new Vec3(u, v, offsetM);
                case Y -> new Vec3(u, offsetM, v);
                case X -> new Vec3(offsetM, u, v);
            };
        }
        return new Vec3(origin.x() + u * eu.x() + v * ev.x(), origin.y() + u * eu.y() + v * ev.y(),
                origin.z() + u * eu.z() + v * ev.z());
    }

    /**
     * @param p a point (m)
     * @return its in-plane coordinates {u, v} (the orthogonal projection) (m)
     */
    public double[] project(Vec3 p) {
        if (normal != null) {
            return new double[] {p.get(uAxis().ordinal()), p.get(vAxis().ordinal())};
        }
        Vec3 d = p.minus(origin);
        return new double[] {d.dot(eu), d.dot(ev)};
    }

    /**
     * @param p a point (m)
     * @return its signed distance from the plane (m): along the normal axis for an axis-aligned
     *     plane, along {@link #unitNormal()} for an oblique one
     */
    public double distance(Vec3 p) {
        if (normal != null) {
            return p.get(normal.ordinal()) - offsetM;
        }
        return p.minus(origin).dot(en);
    }

    /** @return e.g. {@code z=0}, or the name of an oblique plane */
    @Override
    public String toString() {
        if (normal == null) {
            return name;
        }
        return normal.key() + "=" + (offsetM == Math.rint(offsetM) && Math.abs(offsetM) < 1e15
                ? Long.toString((long) offsetM) : Double.toString(offsetM));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Plane p)) {
            return false;
        }
        if (normal != null || p.normal != null) {
            return normal == p.normal && Double.compare(offsetM, p.offsetM) == 0;
        }
        return origin.equals(p.origin) && eu.equals(p.eu) && ev.equals(p.ev) && name.equals(p.name);
    }

    @Override
    public int hashCode() {
        return normal != null ? Objects.hash(normal, offsetM) : Objects.hash(origin, eu, ev, name);
    }

    private void requireAxisAligned() {
        if (normal == null) {
            throw new IllegalStateException("the plane " + name + " is not axis-aligned");
        }
    }

    private static Vec3 cross(Vec3 a, Vec3 b) {
        return new Vec3(a.y() * b.z() - a.z() * b.y(), a.z() * b.x() - a.x() * b.z(), a.x() * b.y() - a.y() * b.x());
    }
}
