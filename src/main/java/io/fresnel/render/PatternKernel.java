package io.fresnel.render;

import io.fresnel.model.Scenario;
import io.fresnel.physics.ArrayResponse;

/**
 * The beampattern ||P^T v(p)||^2 = v(p)^T R_X v(p)^* (W), or one stream's pattern
 * |p_i^T v(p)|^2 (W): the {@code illumination_w} of a target at p. NaN within
 * {@link Scenario#MIN_ELEMENT_DISTANCE_M} of a transmit element.
 */
final class PatternKernel implements PointKernel {
    private final ArrayResponse tx;
    private final double[][] re;
    private final double[][] im;

    /**
     * @param tx the transmit-array response
     * @param columns {re[S][N], im[S][N]} of the columns to sum (see {@link StreamPowers#columns})
     */
    PatternKernel(ArrayResponse tx, double[][][] columns) {
        this.tx = tx;
        this.re = columns[0];
        this.im = columns[1];
    }

    @Override
    public Worker worker() {
        StreamPowers powers = new StreamPowers(tx, re, im);
        double[] pw = new double[re.length];
        return (x, y, z) -> {
            if (powers.powers(x, y, z, pw) < Scenario.MIN_ELEMENT_DISTANCE_M) {
                return Double.NaN;
            }
            double sum = 0;
            for (double v : pw) {
                sum += v;
            }
            return sum;
        };
    }
}
