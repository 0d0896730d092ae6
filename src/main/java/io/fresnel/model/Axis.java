package io.fresnel.model;

import io.fresnel.math.Vec3;

/** A coordinate axis, the direction of a uniform linear array. */
public enum Axis {
    X("x", new Vec3(1, 0, 0)), Y("y", new Vec3(0, 1, 0)), Z("z", new Vec3(0, 0, 1));

    private final String key;
    private final Vec3 unit;

    Axis(String key, Vec3 unit) {
        this.key = key;
        this.unit = unit;
    }

    /** @return the name used in scenario files */
    public String key() {
        return key;
    }

    /** @return the unit vector along this axis */
    public Vec3 unit() {
        return unit;
    }

    /**
     * @param key x, y or z
     * @return the axis
     * @throws IllegalArgumentException when key is not an axis name
     */
    public static Axis fromKey(String key) {
        for (Axis a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown axis \"" + key + "\" (expected x, y or z)");
    }
}
