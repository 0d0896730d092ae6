package io.fresnel.render;

import io.fresnel.math.Vec3;
import io.fresnel.physics.ScenarioPhysics;

/**
 * The power of each stream at a single-antenna receiver standing at p with the default
 * line-of-sight link (no explicit channel, no scatterers): c = g(p) v(p), so
 * |c^T p_s|^2 = g(p)^2 |p_s^T v(p)|^2 (W) with g the default gain
 * ({@link ScenarioPhysics#defaultGain}). One instance per thread (it owns scratch space).
 */
final class ReceivedPowers {
    private final ScenarioPhysics physics;
    private final StreamPowers powers;
    private final NodeSite site;

    /**
     * @param physics the scenario's physics
     * @param columns {re[S][N], im[S][N]}, every precoder column; shared, not modified
     * @param site where the receiver may stand
     */
    ReceivedPowers(ScenarioPhysics physics, double[][][] columns, NodeSite site) {
        this.physics = physics;
        this.powers = new StreamPowers(physics.transmit(), columns[0], columns[1]);
        this.site = site;
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
}
