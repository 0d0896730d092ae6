package io.fresnel.physics;

import io.fresnel.math.Vec3;

/**
 * A block of points p_0 ... p_{m-1} expressed relative to an array's reference point o, laid out
 * as parallel arrays so that {@link ArrayResponse#elementCyclesAndDistance} can sweep one element
 * over all of them in a loop the JIT compiles to vector instructions: q_i = p_i - o (m),
 * r_i = |q_i| (m) and, for the Fresnel and far-field phase models, u_i = q_i / r_i.
 *
 * <p>Mutable scratch space owned by one thread: {@link #set} overwrites it. The expressions are
 * those of {@link ArrayResponse#cyclesAndDistance}, so the per-element values are the same bits.
 */
public final class PointBlock {
    final double[] qx;
    final double[] qy;
    final double[] qz;
    final double[] r;
    final double[] ux;
    final double[] uy;
    final double[] uz;
    private int count;
    private boolean atReference;

    /** @param capacity the largest number of points a block will hold (&gt;= 1) */
    public PointBlock(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a point block needs a capacity of at least 1 (got " + capacity + ")");
        }
        qx = new double[capacity];
        qy = new double[capacity];
        qz = new double[capacity];
        r = new double[capacity];
        ux = new double[capacity];
        uy = new double[capacity];
        uz = new double[capacity];
    }

    /** @return the largest number of points this block can hold */
    public int capacity() {
        return qx.length;
    }

    /** @return the number of points set by the last {@link #set} */
    public int count() {
        return count;
    }

    /** @return true when one of the points is the reference point itself (r = 0) */
    boolean hasPointAtReference() {
        return atReference;
    }

    /**
     * Loads points.
     *
     * @param reference the array's reference point o (m)
     * @param xs x of the points (m); not modified
     * @param ys y of the points (m); not modified
     * @param zs z of the points (m); not modified
     * @param from index of the first point in the arrays
     * @param m number of points (&lt;= {@link #capacity()})
     */
    public void set(Vec3 reference, double[] xs, double[] ys, double[] zs, int from, int m) {
        if (m < 0 || m > qx.length) {
            throw new IllegalArgumentException("a block of " + m + " points exceeds the capacity " + qx.length);
        }
        double ox = reference.x();
        double oy = reference.y();
        double oz = reference.z();
        for (int i = 0; i < m; i++) {
            double x = xs[from + i] - ox;
            double y = ys[from + i] - oy;
            double z = zs[from + i] - oz;
            qx[i] = x;
            qy[i] = y;
            qz[i] = z;
            double ri = Math.sqrt(x * x + y * y + z * z);
            r[i] = ri;
            ux[i] = x / ri;
            uy[i] = y / ri;
            uz[i] = z / ri;
        }
        boolean zero = false;
        for (int i = 0; i < m; i++) {
            zero |= !(r[i] > 0);
        }
        atReference = zero;
        count = m;
    }
}
