package io.fresnel.render;

import java.util.function.ToDoubleFunction;

/**
 * One thread's evaluator of a layer that is a function of the stream powers at a receiver
 * standing at p ({@link ReceivedPowers}): per point, or per run of points with the elements in the
 * outer loop; NaN where no receiver may stand (on an element).
 */
final class ReceivedPowersWorker implements PointKernel.Worker {
    private final ReceivedPowers received;
    private final ToDoubleFunction<double[]> value;
    private final double[] pw;
    private double[][] rowPowers = new double[0][];
    private boolean[] allowed = new boolean[0];

    /**
     * @param received the stream powers at a point (this thread's)
     * @param streams the number of streams
     * @param value the layer's value from the stream powers |c^T p_s|^2 (W); it may keep scratch space
     */
    ReceivedPowersWorker(ReceivedPowers received, int streams, ToDoubleFunction<double[]> value) {
        this.received = received;
        this.value = value;
        this.pw = new double[streams];
    }

    @Override
    public double valueAt(double x, double y, double z) {
        return received.at(x, y, z, pw) ? value.applyAsDouble(pw) : Double.NaN;
    }

    @Override
    public void valuesAt(double[] xs, double[] ys, double[] zs, int from, int count, double[] out) {
        if (allowed.length < from + count) {
            allowed = new boolean[from + count];
            rowPowers = new double[pw.length][from + count];
        }
        received.at(xs, ys, zs, from, count, rowPowers, allowed);
        for (int i = from; i < from + count; i++) {
            for (int s = 0; s < pw.length; s++) {
                pw[s] = rowPowers[s][i];
            }
            out[i] = allowed[i] ? value.applyAsDouble(pw) : Double.NaN;
        }
    }
}
