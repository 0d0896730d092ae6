package io.fresnel.localize;

/**
 * The MUSIC pseudo-spectrum (Schmidt 1986) of one sample covariance R_Y: with U_s the
 * eigenvectors of its K largest eigenvalues (the signal subspace, K = the number of targets;
 * {@link SignalSubspace}) and U_n the others,
 *
 * <pre>
 *   P(p) = ||a(p)||^2 / ||U_n^H a(p)||^2 = 1 / (1 - f(p)),   f(p) = ||U_s^H a(p)||^2 / ||a(p)||^2,
 * </pre>
 *
 * a(p) the receive-array response of SCENARIO.md section 1 (near-field, any phase model). f is in
 * [0, 1] and 1 exactly on a noise-free echo's target; P >= 1, capped at 1 / {@link #FLOOR}.
 * Immutable and thread-safe.
 */
public final class MusicSpectrum {
    /** Smallest noise-subspace fraction 1 - f used in P (P is at most 1e15). */
    public static final double FLOOR = 1e-15;

    private final double[][] uRe;
    private final double[][] uIm;

    /**
     * @param covariance {Re R, Im R} of a Hermitian N x N sample covariance (not modified)
     * @param signalDimension K, 1 <= K < N
     * @throws IllegalArgumentException when K is out of range
     */
    public MusicSpectrum(double[][][] covariance, int signalDimension) {
        int n = covariance[0].length;
        if (signalDimension < 1 || signalDimension >= n) {
            throw new IllegalArgumentException("MUSIC needs 1 <= targets < receive elements (got " + signalDimension
                    + " targets and " + n + " elements)");
        }
        double[][][] u = SignalSubspace.top(covariance[0], covariance[1], signalDimension);
        uRe = u[0];
        uIm = u[1];
    }

    /** @return K, the signal-subspace dimension */
    public int signalDimension() {
        return uRe.length;
    }

    /**
     * @param aRe Re a, length N
     * @param aIm Im a, length N
     * @return f = ||U_s^H a||^2 / ||a||^2 in [0, 1] (0 for a = 0)
     */
    public double signalFraction(double[] aRe, double[] aIm) {
        double norm = 0;
        for (int i = 0; i < aRe.length; i++) {
            norm += aRe[i] * aRe[i] + aIm[i] * aIm[i];
        }
        if (!(norm > 0)) {
            return 0;
        }
        double sum = 0;
        for (int k = 0; k < uRe.length; k++) {
            double[] ur = uRe[k];
            double[] ui = uIm[k];
            double cr = 0;
            double ci = 0;
            for (int i = 0; i < aRe.length; i++) {
                cr += ur[i] * aRe[i] + ui[i] * aIm[i];
                ci += ur[i] * aIm[i] - ui[i] * aRe[i];
            }
            sum += cr * cr + ci * ci;
        }
        return Math.min(1, sum / norm);
    }

    /**
     * f of {@link #signalFraction} for many unit-norm responses at once (the grid of a search).
     *
     * @param re Re of the responses, point g's element i at [g * N + i], each of norm 1
     * @param im Im of the responses, the same layout
     * @param count the number of responses
     * @return f per response
     */
    public double[] signalFractions(double[] re, double[] im, int count) {
        int n = uRe[0].length;
        double[] out = new double[count];
        for (int k = 0; k < uRe.length; k++) {
            double[] ur = uRe[k];
            double[] ui = uIm[k];
            for (int g = 0; g < count; g++) {
                int base = g * n;
                double cr = 0;
                double ci = 0;
                for (int i = 0; i < n; i++) {
                    double ar = re[base + i];
                    double ai = im[base + i];
                    cr += ur[i] * ar + ui[i] * ai;
                    ci += ur[i] * ai - ui[i] * ar;
                }
                out[g] += cr * cr + ci * ci;
            }
        }
        for (int g = 0; g < count; g++) {
            out[g] = Math.min(1, out[g]);
        }
        return out;
    }

    /**
     * @param signalFraction f of {@link #signalFraction}
     * @return the pseudo-spectrum P = 1 / max(1 - f, FLOOR)
     */
    public static double pseudoSpectrum(double signalFraction) {
        return 1 / Math.max(1 - signalFraction, FLOOR);
    }
}
