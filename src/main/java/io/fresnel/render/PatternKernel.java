package io.fresnel.render;

import io.fresnel.model.Scenario;
import io.fresnel.physics.ArrayResponse;

/**
 * The beampattern ||P^T v(p)||^2 = v(p)^T R_X v(p)^* (W), or one stream's pattern
 * |p_i^T v(p)|^2 (W): the {@code illumination_w} of a target at p. NaN within
 * {@link Scenario#MIN_ELEMENT_DISTANCE_M} of a transmit element. Rows are evaluated with the
 * elements in the outer loop ({@link StreamPowers}' block form): v(p) once per point and element,
 * shared by all streams.
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
        return new PatternWorker(new StreamPowers(tx, re, im), re.length);
    }

    /** One thread's evaluator: per point, or per run of points with the elements outside. */
    private static final class PatternWorker implements Worker {
        private final StreamPowers powers;
        private final double[] pw;
        private double[][] rowPowers = new double[0][];
        private double[] rowNearest = new double[0];

        PatternWorker(StreamPowers powers, int streams) {
            this.powers = powers;
            this.pw = new double[streams];
        }

        @Override
        public double valueAt(double x, double y, double z) {
            if (powers.powers(x, y, z, pw) < Scenario.MIN_ELEMENT_DISTANCE_M) {
                return Double.NaN;
            }
            double sum = 0;
            for (double v : pw) {
                sum += v;
            }
            return sum;
        }

        @Override
        public void valuesAt(double[] xs, double[] ys, double[] zs, int from, int count, double[] out) {
            int streams = pw.length;
            if (rowNearest.length < from + count) {
                rowNearest = new double[from + count];
                rowPowers = new double[streams][from + count];
            }
            powers.powers(xs, ys, zs, from, count, rowPowers, rowNearest);
            for (int i = from; i < from + count; i++) {
                double sum = 0;
                for (int s = 0; s < streams; s++) {
                    sum += rowPowers[s][i];
                }
                out[i] = rowNearest[i] < Scenario.MIN_ELEMENT_DISTANCE_M ? Double.NaN : sum;
            }
        }
    }
}
