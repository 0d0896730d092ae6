package io.fresnel.metrics;

import io.fresnel.math.ComplexMatrix;

/**
 * The effective precoder P (N x S) unpacked column by column for the metric kernels.
 * Immutable after construction.
 */
public final class PrecoderColumns {
    private final double[][] re;
    private final double[][] im;
    private final int n;

    /** @param p the precoder, N x S; not modified */
    public PrecoderColumns(ComplexMatrix p) {
        n = p.rows();
        int s = p.cols();
        re = new double[s][n];
        im = new double[s][n];
        for (int c = 0; c < s; c++) {
            for (int r = 0; r < n; r++) {
                re[c][r] = p.re(r, c);
                im[c][r] = p.im(r, c);
            }
        }
    }

    /** @return the number of antennas N */
    public int antennas() {
        return n;
    }

    /** @return the number of streams S */
    public int streams() {
        return re.length;
    }

    /**
     * w = P^T x (no conjugation): w_s = sum_n P_ns x_n.
     *
     * @return {re, im}, each of length S
     */
    public double[][] transposeTimes(double[] xRe, double[] xIm) {
        int s = re.length;
        double[] wr = new double[s];
        double[] wi = new double[s];
        for (int c = 0; c < s; c++) {
            double a = 0;
            double b = 0;
            double[] pr = re[c];
            double[] pi = im[c];
            for (int i = 0; i < n; i++) {
                a += pr[i] * xRe[i] - pi[i] * xIm[i];
                b += pr[i] * xIm[i] + pi[i] * xRe[i];
            }
            wr[c] = a;
            wi[c] = b;
        }
        return new double[][] {wr, wi};
    }

    /**
     * The received power of each stream at a receiver with channel row c: |c^T p_s|^2 (W).
     *
     * @return one value per stream
     */
    public double[] streamPowers(double[] cRe, double[] cIm) {
        double[][] w = transposeTimes(cRe, cIm);
        double[] out = new double[w[0].length];
        for (int s = 0; s < out.length; s++) {
            out[s] = w[0][s] * w[0][s] + w[1][s] * w[1][s];
        }
        return out;
    }

    /** @return ||P||_F^2, the transmit power (W) */
    public double power() {
        double s = 0;
        for (int c = 0; c < re.length; c++) {
            for (int i = 0; i < n; i++) {
                s += re[c][i] * re[c][i] + im[c][i] * im[c][i];
            }
        }
        return s;
    }
}
