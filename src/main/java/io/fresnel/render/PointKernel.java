package io.fresnel.render;

/**
 * A layer's value as a function of the point p, prepared once per scenario (everything that does
 * not depend on p is precomputed) and then evaluated by one {@link Worker} per thread.
 */
interface PointKernel {

    /** @return a new evaluator with its own scratch space (not thread-safe; one per thread) */
    Worker worker();

    /** Evaluates the layer at single points; reuses its scratch space between calls. */
    interface Worker {
        /**
         * @param x x of p (m)
         * @param y y of p (m)
         * @param z z of p (m)
         * @return the layer's value at p (SI), NaN where it is undefined
         */
        double valueAt(double x, double y, double z);

        /**
         * Evaluates the layer at a run of points, out[from + i] = valueAt(xs[from + i], ...). The
         * default calls {@link #valueAt} per point; a kernel whose cost is a sweep over the
         * array's elements overrides it with a loop order that shares work between points.
         *
         * @param xs x of the points (m); not modified
         * @param ys y of the points (m); not modified
         * @param zs z of the points (m); not modified
         * @param from index of the first point
         * @param count number of points
         * @param out the values (SI, NaN where undefined); modified at [from, from + count)
         */
        default void valuesAt(double[] xs, double[] ys, double[] zs, int from, int count, double[] out) {
            for (int i = from; i < from + count; i++) {
                out[i] = valueAt(xs[i], ys[i], zs[i]);
            }
        }
    }
}
