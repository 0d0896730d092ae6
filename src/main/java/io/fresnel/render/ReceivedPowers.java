package io.fresnel.render;

import io.fresnel.math.Vec3;
import io.fresnel.physics.ScenarioPhysics;

/**
 * The power of each stream at a single-antenna receiver standing at p with the default
 * line-of-sight link (no explicit channel, no scatterers): c = g(p) v(p), so
 * |c^T p_s|^2 = g(p)^2 |p_s^T v(p)|^2 (W) with g the default gain
 * ({@link ScenarioPhysics#defaultGain}). Per point, or per run of points with the elements in the
 * outer loop ({@link StreamPowers}' block form, the beampattern's code: the same sums). One
 * instance per thread (it owns scratch space).
 */
final class ReceivedPowers {
    private final ScenarioPhysics physics;
    private final StreamPowers powers;
    private final NodeSite site;
    private final int streams;
    private double[] nearest = new double[0];

    /**
     * @param physics the scenario's physics
     * @param columns {re[S][N], im[S][N]}, every precoder column; shared, not modified
     * @param site where the receiver may stand
     */
    ReceivedPowers(ScenarioPhysics physics, double[][][] columns, NodeSite site) {
        this.physics = physics;
        this.powers = new StreamPowers(physics.transmit(), columns[0], columns[1]);
        this.site = site;
        this.streams = columns[0].length;
    }

    /**
     * @param x x of p (m)
     * @param y y of p (m)
     * @param z z of p (m)
     * @param out |c^T p_s|^2 per stream (W), length S; modified
     * @return false (and out unspecified) where no receiver may stand
     */
    boolean at(double x, double y, double z, double[] out) {
        if (!site.allows(x, y, z)) {
            return false;
        }
        powers.powers(x, y, z, out);
        double g = physics.defaultGain(new Vec3(x, y, z));
        double g2 = g * g;
        for (int s = 0; s < out.length; s++) {
            out[s] *= g2;
        }
        return true;
    }

    /**
     * The powers at a run of points: out[s][from + i] = |c^T p_s|^2 at p_i, as {@link #at} gives
     * them one point at a time (up to the order of the additions).
     *
     * @param xs x of the points (m); not modified
     * @param ys y of the points (m); not modified
     * @param zs z of the points (m); not modified
     * @param from index of the first point
     * @param count number of points
     * @param out per stream and point (W), [S][&gt;= from + count]; modified (unspecified where no
     *     receiver may stand)
     * @param allowed whether a receiver may stand at p_i, at allowed[from + i]; modified
     */
    void at(double[] xs, double[] ys, double[] zs, int from, int count, double[][] out, boolean[] allowed) {
        if (nearest.length < from + count) {
            nearest = new double[from + count];
        }
        powers.powers(xs, ys, zs, from, count, out, nearest);
        for (int i = from; i < from + count; i++) {
            allowed[i] = site.allows(xs[i], ys[i], zs[i], nearest[i]);
            double g = physics.defaultGain(new Vec3(xs[i], ys[i], zs[i]));
            double g2 = g * g;
            for (int s = 0; s < streams; s++) {
                out[s][i] *= g2;
            }
        }
    }
}
