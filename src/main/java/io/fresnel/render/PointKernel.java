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
    }
}
