package io.fresnel.metrics;

import io.fresnel.math.CVec;
import io.fresnel.math.SymmetricMatrices;
import io.fresnel.math.Vec3;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;

/**
 * The joint Fisher information of every target's coordinates with the complex reflection gains
 * as nuisance (SCENARIO.md section 1, "Echo"; paper 004 Prop. 1 in 3-D, paper 003 eqs. (18)-(22)
 * corrected per ERRATA 003.1 in 2-D).
 *
 * <p>Model: U = G P with G = sum_t beta_t a(p_t) v(p_t)^T observed over T snapshots in noise of
 * power sigma^2 per receive antenna, so FIM_ij = (2T/sigma^2) Re tr(dU^H/dxi_i dU/dxi_j).
 *
 * <p>Numerics: the responses are evaluated with the common phase exp(-j k |p - o|) removed and
 * the gains re-parameterised as beta'_t = beta_t exp(-2 j k r_t), which leaves the equivalent FIM
 * of the coordinates unchanged. The derivative columns vec(dU/dxi) are projected orthogonally
 * onto the complement of the gain directions vec(a_t w_t^T), w_t = P^T v(p_t), by Gram-Schmidt with
 * re-orthogonalisation, and the EFIM is the Gram matrix of the residuals. This avoids the
 * 5-6 digits a textbook Schur complement loses (golden/README.md).
 *
 * <p>Memory: (dims + 1) K columns of M S complex entries; a larger problem than
 * {@link #MAX_COLUMN_ENTRIES} is refused with a {@link ProblemTooLargeException}.
 *
 * <p>Regularity (SCENARIO.md section 2): a target without echo, gain directions whose
 * unit-diagonal Gram matrix has an eigenvalue below 1e-10, or a coordinate EFIM with
 * lambda_min &lt;= 1e-10 lambda_max make the joint FIM singular.
 */
public final class JointFisherInformation {
    /** Relative eigenvalue threshold below which a FIM is singular. */
    public static final double SINGULARITY_THRESHOLD = 1e-10;
    /** Most complex entries the derivative and gain columns may hold (16 bytes each: 256 MiB). */
    public static final long MAX_COLUMN_ENTRIES = 16L * 1024 * 1024;

    private final int dims;
    private final int targets;
    private final double[] ranges;
    private final double[] angles;
    /** Residual derivative columns [target * dims + coordinate] of length M * S, or null. */
    private final double[][] resRe;
    private final double[][] resIm;
    private final double scale;
    private final String error;
    private final double[][] efim;
    private final double lambdaMax;

    /**
     * One target's contribution to the joint FIM, which depends only on that target: its range and
     * angle about o, its gain direction vec(a w^T) and its derivative columns
     * vec(beta' (da w^T + a dw^T)) per coordinate, all with the common phase removed
     * (beta' = beta exp(-2 j k r)). Sweeps that move one target precompute the others' columns.
     * The arrays are owned by the instance and never modified after construction.
     *
     * @param id target id
     * @param rangeM |p - o| (m)
     * @param angleRad angle about o in the x-y plane (rad)
     * @param noEcho whether the target returns no echo (beta = 0 or a zero gain direction)
     * @param gainRe real part of vec(a w^T), length M S
     * @param gainIm imaginary part of vec(a w^T)
     * @param derivativeRe real parts of the derivative columns, [dims][M S]
     * @param derivativeIm imaginary parts of the derivative columns
     */
    public record TargetColumns(String id, double rangeM, double angleRad, boolean noEcho, double[] gainRe,
            double[] gainIm, double[][] derivativeRe, double[][] derivativeIm) {

        /**
         * @param physics the scenario's responses (its dimension gives the coordinates)
         * @param columns the effective precoder
         * @param target the target
         * @return the target's columns
         */
        public static TargetColumns of(ScenarioPhysics physics, PrecoderColumns columns, Target target) {
            int dims = physics.scenario().dimension();
            Vec3 o = physics.transmit().reference();
            double k = physics.transmit().wavenumber();
            int n = physics.transmit().size();
            int m = physics.receive().size();
            int len = m * columns.streams();
            Vec3 p = target.positionM();
            Vec3 q = p.minus(o);
            double range = q.norm();
            double[] vr = new double[n];
            double[] vi = new double[n];
            double[][] dvr = new double[3][n];
            double[][] dvi = new double[3][n];
            physics.transmit().evaluate(p, false, vr, vi, dvr, dvi);
            double[] ar = new double[m];
            double[] ai = new double[m];
            double[][] dar = new double[3][m];
            double[][] dai = new double[3][m];
            physics.receive().evaluate(p, false, ar, ai, dar, dai);
            double[][] w = columns.transposeTimes(vr, vi);
            double[] gr = new double[len];
            double[] gi = new double[len];
            CVec.addOuter(1, 0, ar, ai, w[0], w[1], gr, gi);
            // beta' = beta exp(-2 j k r)
            double ph = -2 * k * range;
            double br = target.reflection().re() * Math.cos(ph) - target.reflection().im() * Math.sin(ph);
            double bi = target.reflection().re() * Math.sin(ph) + target.reflection().im() * Math.cos(ph);
            boolean noEcho = target.reflection().abs2() == 0 || CVec.norm2(gr, gi) == 0;
            double[][] xr = new double[dims][len];
            double[][] xi = new double[dims][len];
            for (int c = 0; c < dims; c++) {
                double[][] dw = columns.transposeTimes(dvr[c], dvi[c]);
                CVec.addOuter(br, bi, dar[c], dai[c], w[0], w[1], xr[c], xi[c]);
                CVec.addOuter(br, bi, ar, ai, dw[0], dw[1], xr[c], xi[c]);
            }
            return new TargetColumns(target.id(), range, Math.atan2(q.y(), q.x()), noEcho, gr, gi, xr, xi);
        }
    }

    /**
     * Computes the projected derivative columns and the joint coordinate EFIM.
     *
     * @param physics the scenario's responses
     * @param columns the effective precoder
     * @param targetList the targets (at least one)
     * @param snapshots T
     * @param noiseW sigma^2 (W)
     * @throws ProblemTooLargeException when the columns would exceed {@link #MAX_COLUMN_ENTRIES}
     */
    public JointFisherInformation(ScenarioPhysics physics, PrecoderColumns columns, List<Target> targetList,
            int snapshots, double noiseW) {
        this(columnsOf(physics, columns, targetList), physics.scenario().dimension(), snapshots, noiseW);
    }

    /**
     * Computes the joint coordinate EFIM from the targets' precomputed columns (which are read,
     * never modified).
     *
     * @param targetColumns every target's columns, in target order (at least one)
     * @param dims 2 or 3 coordinates per target
     * @param snapshots T
     * @param noiseW sigma^2 (W)
     */
    public JointFisherInformation(List<TargetColumns> targetColumns, int dims, int snapshots, double noiseW) {
        this.dims = dims;
        this.targets = targetColumns.size();
        this.scale = 2.0 * snapshots / noiseW;
        ranges = new double[targets];
        angles = new double[targets];
        double[][] gainRe = new double[targets][];
        double[][] gainIm = new double[targets][];
        int cols = targets * dims;
        double[][] dRe = new double[cols][];
        double[][] dIm = new double[cols][];
        String err = null;
        for (int t = 0; t < targets; t++) {
            TargetColumns tc = targetColumns.get(t);
            ranges[t] = tc.rangeM();
            angles[t] = tc.angleRad();
            gainRe[t] = tc.gainRe();
            gainIm[t] = tc.gainIm();
            if (err == null && tc.noEcho()) {
                err = "the joint FIM is singular: target " + tc.id() + " returns no echo";
            }
            for (int c = 0; c < dims; c++) {
                // copies: the projection below works in place
                dRe[t * dims + c] = tc.derivativeRe()[c].clone();
                dIm[t * dims + c] = tc.derivativeIm()[c].clone();
            }
        }
        if (err == null && targets > 1 && minUnitGramEigenvalue(gainRe, gainIm) < SINGULARITY_THRESHOLD) {
            err = "the joint FIM is singular: the echoes of the targets are not separable";
        }
        double[][] fim = null;
        double lmax = Double.NaN;
        if (err == null) {
            double[][] qRe = new double[targets][];
            double[][] qIm = new double[targets][];
            orthonormalise(gainRe, gainIm, qRe, qIm);
            for (int c = 0; c < cols; c++) {
                project(dRe[c], dIm[c], qRe, qIm);
                project(dRe[c], dIm[c], qRe, qIm);
            }
            fim = gram(dRe, dIm);
            double[] ev = SymmetricMatrices.eigenvalues(fim);
            lmax = ev[ev.length - 1];
            if (!(ev[0] > SINGULARITY_THRESHOLD * lmax)) {
                double ratio = ev[0] / lmax;
                err = "the joint FIM is singular: the coordinate EFIM has " + (Double.isFinite(ratio)
                        ? "lambda_min/lambda_max = " + ratio : "no finite positive eigenvalue")
                        + " (a coordinate is unobservable)";
            }
        }
        this.error = err;
        this.resRe = dRe;
        this.resIm = dIm;
        this.efim = fim;
        this.lambdaMax = lmax;
    }

    /**
     * Checks the memory bound and computes every target's columns.
     *
     * @throws ProblemTooLargeException when the columns would exceed {@link #MAX_COLUMN_ENTRIES}
     */
    public static List<TargetColumns> columnsOf(ScenarioPhysics physics, PrecoderColumns columns,
            List<Target> targetList) {
        int dims = physics.scenario().dimension();
        int m = physics.receive().size();
        int s = columns.streams();
        int targets = targetList.size();
        long entries = (long) m * s * targets * (dims + 1);
        if (entries > MAX_COLUMN_ENTRIES) {
            throw new ProblemTooLargeException("the joint FIM of " + targets + " targets with " + m
                    + " receive antennas and " + s + " streams needs " + entries + " complex entries, more than the"
                    + " limit " + MAX_COLUMN_ENTRIES);
        }
        List<TargetColumns> out = new java.util.ArrayList<>(targets);
        for (Target t : targetList) {
            out.add(TargetColumns.of(physics, columns, t));
        }
        return out;
    }

    /** @return why the joint FIM is singular, or null when it is regular */
    public String error() {
        return error;
    }

    /** @return whether the residual columns exist (the echoes are present and separable) */
    public boolean echoesSeparable() {
        return efim != null;
    }

    /**
     * @return the joint CRB (inverse of the coordinate EFIM), (dims K) x (dims K), ordered
     *     target-major (x, y[, z]) (m^2)
     * @throws IllegalStateException when the FIM is singular
     */
    public double[][] crb() {
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return SymmetricMatrices.inverse(efim);
    }

    /** @return the range |p_t - o| of each target (m) */
    public double[] ranges() {
        return ranges.clone();
    }

    /** @return the angle of each target about o in the x-y plane (rad) */
    public double[] angles() {
        return angles.clone();
    }

    /**
     * Known-other bound (2-D, paper 000 eqs. (23)-(24) generalised, ERRATA 000.7): the CRB of one
     * polar coordinate of each target when the other polar coordinate of every target is known.
     * The reduced EFIM is the Gram matrix of the projected derivative columns along e_theta
     * (angle) or e_r (range); it is regular when, per metre of displacement, its smallest
     * eigenvalue exceeds 1e-10 times the largest eigenvalue of the joint coordinate EFIM.
     *
     * @param angle true for the angle bound (range known), false for the range bound
     * @return per target the bound (rad^2 or m^2), or null when the reduced FIM is singular or the
     *     echoes are not separable
     */
    public double[] knownOtherBound(boolean angle) {
        if (efim == null || dims != 2) {
            return null;
        }
        int len = resRe[0].length;
        double[][] cr = new double[targets][len];
        double[][] ci = new double[targets][len];
        for (int t = 0; t < targets; t++) {
            double c = Math.cos(angles[t]);
            double s = Math.sin(angles[t]);
            double ex = angle ? -s : c;
            double ey = angle ? c : s;
            double[] xr = resRe[t * 2];
            double[] xi = resIm[t * 2];
            double[] yr = resRe[t * 2 + 1];
            double[] yi = resIm[t * 2 + 1];
            for (int i = 0; i < len; i++) {
                cr[t][i] = ex * xr[i] + ey * yr[i];
                ci[t][i] = ex * xi[i] + ey * yi[i];
            }
        }
        double[][] reduced = gram(cr, ci);
        double[] ev = SymmetricMatrices.eigenvalues(reduced);
        if (!(ev[0] > SINGULARITY_THRESHOLD * lambdaMax)) {
            return null;
        }
        double[][] inv = SymmetricMatrices.inverse(reduced);
        double[] out = new double[targets];
        for (int t = 0; t < targets; t++) {
            double perUnit = angle ? ranges[t] * ranges[t] : 1;
            out[t] = inv[t][t] / perUnit;
        }
        return out;
    }

    private double[][] gram(double[][] xr, double[][] xi) {
        int c = xr.length;
        double[][] g = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = i; j < c; j++) {
                double v = scale * CVec.dot(xr[i], xi[i], xr[j], xi[j])[0];
                g[i][j] = v;
                g[j][i] = v;
            }
        }
        return g;
    }

    private static double minUnitGramEigenvalue(double[][] gr, double[][] gi) {
        int k = gr.length;
        double[][] re = new double[k][k];
        double[][] im = new double[k][k];
        double[] nrm = new double[k];
        for (int i = 0; i < k; i++) {
            nrm[i] = Math.sqrt(CVec.norm2(gr[i], gi[i]));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double[] d = CVec.dot(gr[i], gi[i], gr[j], gi[j]);
                re[i][j] = d[0] / (nrm[i] * nrm[j]);
                im[i][j] = d[1] / (nrm[i] * nrm[j]);
            }
        }
        return SymmetricMatrices.hermitianEigenvalues(re, im)[0];
    }

    /** Orthonormal basis of the span of the vectors (modified Gram-Schmidt, applied twice). */
    private static void orthonormalise(double[][] vr, double[][] vi, double[][] qRe, double[][] qIm) {
        for (int t = 0; t < vr.length; t++) {
            double[] xr = vr[t].clone();
            double[] xi = vi[t].clone();
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < t; j++) {
                    double[] d = CVec.dot(qRe[j], qIm[j], xr, xi);
                    CVec.subtractScaled(xr, xi, d[0], d[1], qRe[j], qIm[j]);
                }
            }
            double nrm = Math.sqrt(CVec.norm2(xr, xi));
            for (int i = 0; i < xr.length; i++) {
                xr[i] /= nrm;
                xi[i] /= nrm;
            }
            qRe[t] = xr;
            qIm[t] = xi;
        }
    }

    /** x = x - Q Q^H x. */
    private static void project(double[] xr, double[] xi, double[][] qRe, double[][] qIm) {
        for (int j = 0; j < qRe.length; j++) {
            double[] d = CVec.dot(qRe[j], qIm[j], xr, xi);
            CVec.subtractScaled(xr, xi, d[0], d[1], qRe[j], qIm[j]);
        }
    }
}
