package io.fresnel.render;

import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.model.Envelope;

/**
 * An axis-aligned cut plane {normal = offset} on which a heatmap is computed. Its in-plane axes
 * (u, v) are the two other coordinate axes in order: (x, y) for z = c, (x, z) for y = c and
 * (y, z) for x = c. The desktop canvas of a 2-D scenario is z = 0.
 *
 * @param normal the axis normal to the plane
 * @param offsetM the plane's coordinate along the normal (m, finite)
 */
public record Plane(Axis normal, double offsetM) {

    /** The plane z = 0 of every 2-D scenario. */
    public static final Plane Z0 = new Plane(Axis.Z, 0);

    /** Validates the fields. */
    public Plane {
        if (normal == null) {
            throw new IllegalArgumentException("a plane needs a normal axis");
        }
        if (!Double.isFinite(offsetM) || Math.abs(offsetM) > Envelope.MAX_COORDINATE_M) {
            throw new IllegalArgumentException("the plane offset must be a finite number of metres within +-" + Envelope.MAX_COORDINATE_M + " (got " + offsetM
                    + ")");
        }
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

    /** @return the in-plane horizontal axis u: x, or y for x = c */
    public Axis uAxis() {
        return normal == Axis.X ? Axis.Y : Axis.X;
    }

    /** @return the in-plane vertical axis v: y for z = c, else z */
    public Axis vAxis() {
        return normal == Axis.Z ? Axis.Y : Axis.Z;
    }

    /**
     * @param u coordinate along {@link #uAxis()} (m)
     * @param v coordinate along {@link #vAxis()} (m)
     * @return the point of the plane (m)
     */
    public Vec3 point(double u, double v) {
        return switch (normal) {
            case Z -> new Vec3(u, v, offsetM);
            case Y -> new Vec3(u, offsetM, v);
            case X -> new Vec3(offsetM, u, v);
        };
    }

    /**
     * @param p a point (m)
     * @return its in-plane coordinates {u, v} (the orthogonal projection) (m)
     */
    public double[] project(Vec3 p) {
        return new double[] {p.get(index(uAxis())), p.get(index(vAxis()))};
    }

    /**
     * @param p a point (m)
     * @return its signed distance from the plane along the normal (m)
     */
    public double distance(Vec3 p) {
        return p.get(index(normal)) - offsetM;
    }

    /** @return e.g. {@code z=0} */
    @Override
    public String toString() {
        return normal.key() + "=" + (offsetM == Math.rint(offsetM) && Math.abs(offsetM) < 1e15
                ? Long.toString((long) offsetM) : Double.toString(offsetM));
    }

    private static int index(Axis a) {
        return a.ordinal();
    }
}
