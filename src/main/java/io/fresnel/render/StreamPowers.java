package io.fresnel.render;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.FastTrig;
import io.fresnel.physics.ArrayResponse;

/**
 * The hot loop of every heatmap: the power each precoder column radiates towards a point,
 * pw_s(p) = |p_s^T v(p)|^2 (W), with v_n(p) = A_n exp(-j k D_n(p)) computed on the fly
 * ({@link ArrayResponse#phaseAndAmplitude}, {@link FastTrig#sinCos}) and without allocation.
 *
 * <p>One instance per thread: it owns scratch arrays of N entries that every call overwrites.
 * The precoder arrays are shared read-only between instances.
 */
final class StreamPowers {
    private final ArrayResponse tx;
    private final double[][] pRe;
    private final double[][] pIm;
    private final double[] phase;
    private final double[] amp;
    private final double[] cos;
    private final double[] sin;
    private final double[] scratch;

    /**
     * @param tx the transmit-array response (N elements)
     * @param columns the precoder columns' real parts, [S][N]; shared, not modified
     * @param columnsIm the imaginary parts, [S][N]; shared, not modified
     */
    StreamPowers(ArrayResponse tx, double[][] columns, double[][] columnsIm) {
        this.tx = tx;
        this.pRe = columns;
        this.pIm = columnsIm;
        int n = tx.size();
        phase = new double[n];
        amp = new double[n];
        cos = new double[n];
        sin = new double[n];
        scratch = new double[n];
    }

    /**
     * Splits an N x S precoder into per-column arrays.
     *
     * @param p the precoder; not modified
     * @param first first column to keep
     * @param count number of columns to keep
     * @return {re[count][N], im[count][N]}
     */
    static double[][][] columns(ComplexMatrix p, int first, int count) {
        int n = p.rows();
        double[][] re = new double[count][n];
        double[][] im = new double[count][n];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < n; i++) {
                re[s][i] = p.re(i, first + s);
                im[s][i] = p.im(i, first + s);
            }
        }
        return new double[][][] {re, im};
    }

    /** @return the number of streams S */
    int streams() {
        return pRe.length;
    }

    /**
     * Computes pw_s(p) for every column s.
     *
     * @param x x of p (m)
     * @param y y of p (m)
     * @param z z of p (m)
     * @param out pw_s (W), length S; modified
     * @return the distance from p to the nearest transmit element (m)
     */
    double powers(double x, double y, double z, double[] out) {
        int n = phase.length;
        double nearest = tx.phaseAndAmplitude(x, y, z, phase, amp);
        FastTrig.sinCos(phase, n, cos, sin, scratch);
        // v = A (cos - j sin), stored in place of cos/sin
        for (int i = 0; i < n; i++) {
            double a = amp[i];
            cos[i] *= a;
            sin[i] *= -a;
        }
        int s = 0;
        int streams = pRe.length;
        for (; s + 1 < streams; s += 2) {
            pair(s, out);
        }
        if (s < streams) {
            single(s, out);
        }
        return nearest;
    }

    /** Two columns in one pass over the elements, two elements per step (eight partial sums). */
    private void pair(int s, double[] out) {
        double[] ar = pRe[s];
        double[] ai = pIm[s];
        double[] br = pRe[s + 1];
        double[] bi = pIm[s + 1];
        double[] vr = cos;
        double[] vi = sin;
        int n = vr.length;
        double a0 = 0;
        double a1 = 0;
        double b0 = 0;
        double b1 = 0;
        double c0 = 0;
        double c1 = 0;
        double d0 = 0;
        double d1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double x = vr[i];
            double y = vi[i];
            double x2 = vr[i + 1];
            double y2 = vi[i + 1];
            a0 += ar[i] * x - ai[i] * y;
            a1 += ar[i] * y + ai[i] * x;
            b0 += br[i] * x - bi[i] * y;
            b1 += br[i] * y + bi[i] * x;
            c0 += ar[i + 1] * x2 - ai[i + 1] * y2;
            c1 += ar[i + 1] * y2 + ai[i + 1] * x2;
            d0 += br[i + 1] * x2 - bi[i + 1] * y2;
            d1 += br[i + 1] * y2 + bi[i + 1] * x2;
        }
        if (i < n) {
            a0 += ar[i] * vr[i] - ai[i] * vi[i];
            a1 += ar[i] * vi[i] + ai[i] * vr[i];
            b0 += br[i] * vr[i] - bi[i] * vi[i];
            b1 += br[i] * vi[i] + bi[i] * vr[i];
        }
        double wa = a0 + c0;
        double wb = a1 + c1;
        double wc = b0 + d0;
        double wd = b1 + d1;
        out[s] = wa * wa + wb * wb;
        out[s + 1] = wc * wc + wd * wd;
    }

    /** One column, two elements per step (four partial sums). */
    private void single(int s, double[] out) {
        double[] ar = pRe[s];
        double[] ai = pIm[s];
        double[] vr = cos;
        double[] vi = sin;
        int n = vr.length;
        double a0 = 0;
        double a1 = 0;
        double c0 = 0;
        double c1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            a0 += ar[i] * vr[i] - ai[i] * vi[i];
            a1 += ar[i] * vi[i] + ai[i] * vr[i];
            c0 += ar[i + 1] * vr[i + 1] - ai[i + 1] * vi[i + 1];
            c1 += ar[i + 1] * vi[i + 1] + ai[i + 1] * vr[i + 1];
        }
        if (i < n) {
            a0 += ar[i] * vr[i] - ai[i] * vi[i];
            a1 += ar[i] * vi[i] + ai[i] * vr[i];
        }
        double wr = a0 + c0;
        double wi = a1 + c1;
        out[s] = wr * wr + wi * wi;
    }
}
