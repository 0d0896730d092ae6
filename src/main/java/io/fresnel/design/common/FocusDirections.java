package io.fresnel.design.common;

import io.fresnel.design.DesignException;
import io.fresnel.math.CVec;
import io.fresnel.math.Vec3;
import io.fresnel.model.CommNode;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.physics.ScenarioPhysics;

/**
 * The vectors a focused (maximum-ratio) beam is matched to: a user's channel row c_u and the
 * transmit response v(p) towards a point. The beam itself is their conjugate, since a node at p
 * receives c^T x and c^T conj(c) = ||c||^2 is the largest gain for a given ||x||.
 */
public final class FocusDirections {
    private FocusDirections() {
    }

    /** @return the user's channel row c_u, {re, im} of length N */
    public static double[][] user(ScenarioPhysics physics, CommNode user) {
        return physics.channelRow(user);
    }

    /** @return the transmit response v(p) with its full phase, {re, im} of length N */
    public static double[][] point(ArrayResponse response, Vec3 p) {
        int n = response.size();
        double[] re = new double[n];
        double[] im = new double[n];
        response.evaluate(p, true, re, im);
        return new double[][] {re, im};
    }

    /**
     * The unit-norm conjugate conj(x)/||x||, scaled by {@code amplitude}.
     *
     * @param x {re, im}; not modified
     * @param amplitude the column norm wanted (sqrt(W))
     * @param algorithm the design's name, for the message
     * @param node what x belongs to, for the message
     * @return {re, im}
     * @throws DesignException when x = 0 (the node receives nothing, whatever the beam)
     */
    public static double[][] conjugateBeam(double[][] x, double amplitude, String algorithm, String node)
            throws DesignException {
        double norm = Math.sqrt(CVec.norm2(x[0], x[1]));
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new DesignException(algorithm + ": the channel of " + node + " is zero, no beam can reach it");
        }
        int n = x[0].length;
        double[] re = new double[n];
        double[] im = new double[n];
        double a = amplitude / norm;
        for (int i = 0; i < n; i++) {
            re[i] = a * x[0][i];
            im[i] = -a * x[1][i];
        }
        return new double[][] {re, im};
    }
}
