package io.fresnel.math;

/**
 * An immutable point or direction in Cartesian coordinates (m, or dimensionless for directions).
 *
 * @param x first coordinate
 * @param y second coordinate
 * @param z third coordinate
 */
public record Vec3(double x, double y, double z) {

    /** The origin. */
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    /** @return this + o */
    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    /** @return this - o */
    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    /** @return s * this */
    public Vec3 times(double s) {
        return new Vec3(s * x, s * y, s * z);
    }

    /** @return the dot product */
    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    /** @return the Euclidean norm (coordinates are bounded by the model, so no overflow guard) */
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** @return the Euclidean distance to o */
    public double distance(Vec3 o) {
        return minus(o).norm();
    }

    /** @return the i-th coordinate (0 = x, 1 = y, 2 = z) */
    public double get(int i) {
        return switch (i) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException("coordinate " + i);
        };
    }

    /** @return true when every coordinate is finite */
    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }

    /** @return the coordinates as a new array {x, y, z} */
    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
