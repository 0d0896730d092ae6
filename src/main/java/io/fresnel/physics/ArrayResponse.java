package io.fresnel.physics;

import io.fresnel.math.FastTrig;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.PhaseModel;
import java.util.List;

/**
 * One-way response of an antenna array to a point p (SCENARIO.md section 1):
 *
 * <pre>
 *   v_n(p) = A_n(p) exp(-j k D_n(p)),   k = 2 pi / lambda
 * </pre>
 *
 * with the phase model D_n (exact |p - t_n|; Fresnel r - u.s_n + (|s_n|^2 - (u.s_n)^2)/(2r);
 * far-field r - u.s_n, where s_n = t_n - o, r = |p - o|, u = (p - o)/r) and the amplitude model
 * A_n (1, or lambda/(4 pi |p - t_n|)). The analytic gradient with respect to p is available for
 * every model (every CRB needs it).
 *
 * <p>The response can be evaluated with the common phase exp(-j k r) removed, i.e. with
 * D_n - r instead of D_n. The reduced distance is computed without cancellation (for the exact
 * model as (|s|^2 - 2 (p-o).s)/(|p - t| + r)). Removing the common phase re-parameterises a
 * complex gain in front of the response and leaves every equivalent Fisher information
 * unchanged, while making it far better conditioned (golden/README.md, numerical advice).
 *
 * <p>Instances are immutable and thread-safe; the output arrays passed to the methods are the
 * only state that changes.
 */
public final class ArrayResponse {
    private final double[] sx;
    private final double[] sy;
    private final double[] sz;
    private final double[] s2;
    private final Vec3 reference;
    private final double wavelength;
    private final double k;
    private final double inverseWavelength;
    private final PhaseModel phase;
    private final AmplitudeModel amplitude;

    /**
     * @param elements element positions t_n (m); not modified
     * @param reference reference point o (m)
     * @param wavelengthM lambda (m, > 0)
     * @param phase phase model
     * @param amplitude amplitude model
     */
    public ArrayResponse(List<Vec3> elements, Vec3 reference, double wavelengthM, PhaseModel phase,
            AmplitudeModel amplitude) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("an array needs at least one element");
        }
        if (!(wavelengthM > 0)) {
            throw new IllegalArgumentException("wavelength must be > 0 (got " + wavelengthM + ")");
        }
        int n = elements.size();
        sx = new double[n];
        sy = new double[n];
        sz = new double[n];
        s2 = new double[n];
        for (int i = 0; i < n; i++) {
            Vec3 s = elements.get(i).minus(reference);
            sx[i] = s.x();
            sy[i] = s.y();
            sz[i] = s.z();
            s2[i] = s.dot(s);
        }
        this.reference = reference;
        this.wavelength = wavelengthM;
        this.k = 2 * Math.PI / wavelengthM;
        this.inverseWavelength = 1 / wavelengthM;
        this.phase = phase;
        this.amplitude = amplitude;
    }

    /** @return the number of elements N */
    public int size() {
        return sx.length;
    }

    /** @return the reference point o (m) */
    public Vec3 reference() {
        return reference;
    }

    /** @return the phase model */
    public PhaseModel phaseModel() {
        return phase;
    }

    /**
     * @param axis 0, 1 or 2 for x, y or z
     * @return the element offsets from the reference point along that axis, s_n = t_n - o (m); a copy
     */
    public double[] elementOffsets(int axis) {
        return switch (axis) {
            case 0 -> sx.clone();
            case 1 -> sy.clone();
            case 2 -> sz.clone();
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2 (got " + axis + ")");
        };
    }

    /** @return the wavenumber k = 2 pi / lambda (rad/m) */
    public double wavenumber() {
        return k;
    }

    /**
     * The full phase theta_n = k D_n(p) and the amplitude A_n(p) of every element, so that
     * v_n(p) = A_n exp(-j theta_n) exactly as {@link #evaluate(Vec3, boolean, double[], double[])}
     * with the common phase forms it (the same expressions, hence the same bits). Written for
     * sweeps over many points: no allocation and one branch on the model outside the loop; the
     * caller takes the sines and cosines (e.g. with {@link io.fresnel.math.FastTrig}).
     *
     * <p>With the Fresnel or far-field model the phase needs a point away from the reference
     * point; at r = 0 every phase is NaN.
     *
     * @param px x of the point (m)
     * @param py y of the point (m)
     * @param pz z of the point (m)
     * @param phaseRad theta_n (rad), length N; modified
     * @param amplitudeOut A_n (1, or lambda / (4 pi |p - t_n|)), length N; modified
     * @return the distance from p to the nearest element, min_n |p - t_n| (m)
     */
    public double phaseAndAmplitude(double px, double py, double pz, double[] phaseRad, double[] amplitudeOut) {
        double qx = px - reference.x();
        double qy = py - reference.y();
        double qz = pz - reference.z();
        double r = Math.sqrt(qx * qx + qy * qy + qz * qz);
        boolean spherical = amplitude == AmplitudeModel.SPHERICAL;
        double nearest = Double.POSITIVE_INFINITY;
        int count = sx.length;
        if (phase == PhaseModel.EXACT) {
            for (int n = 0; n < count; n++) {
                double ex = qx - sx[n];
                double ey = qy - sy[n];
                double ez = qz - sz[n];
                double dist = Math.sqrt(ex * ex + ey * ey + ez * ez);
                phaseRad[n] = k * dist;
                amplitudeOut[n] = spherical ? wavelength / (4 * Math.PI * dist) : 1;
                nearest = Math.min(nearest, dist);
            }
            return nearest;
        }
        boolean fresnel = phase == PhaseModel.FRESNEL;
        double ux = qx / r;
        double uy = qy / r;
        double uz = qz / r;
        for (int n = 0; n < count; n++) {
            double ex = qx - sx[n];
            double ey = qy - sy[n];
            double ez = qz - sz[n];
            double dist = Math.sqrt(ex * ex + ey * ey + ez * ez);
            double us = ux * sx[n] + uy * sy[n] + uz * sz[n];
            double reduced = fresnel ? -us + (s2[n] - us * us) / (2 * r) : -us;
            phaseRad[n] = r > 0 ? k * (r + reduced) : Double.NaN;
            amplitudeOut[n] = spherical ? wavelength / (4 * Math.PI * dist) : 1;
            nearest = Math.min(nearest, dist);
        }
        return nearest;
    }

    /**
     * The phase of every element in cycles, t_n = D_n(p) / lambda, and its distance |p - t_n|:
     * the per-point form of {@link #elementCyclesAndDistance}, with the same expressions (hence the
     * same bits). v_n(p) = A_n exp(-j 2 pi t_n) follows with {@link #response}.
     *
     * @param px x of the point (m)
     * @param py y of the point (m)
     * @param pz z of the point (m)
     * @param cycles t_n (cycles), length N; modified (NaN at p = o for the Fresnel and far-field
     *     models)
     * @param distance |p - t_n| (m), length N; modified
     * @return the distance from p to the nearest element, min_n |p - t_n| (m)
     */
    public double cyclesAndDistance(double px, double py, double pz, double[] cycles, double[] distance) {
        double qx = px - reference.x();
        double qy = py - reference.y();
        double qz = pz - reference.z();
        double r = Math.sqrt(qx * qx + qy * qy + qz * qz);
        double il = inverseWavelength;
        double nearest = Double.POSITIVE_INFINITY;
        int count = sx.length;
        boolean exact = phase == PhaseModel.EXACT;
        boolean fresnel = phase == PhaseModel.FRESNEL;
        double ux = qx / r;
        double uy = qy / r;
        double uz = qz / r;
        for (int n = 0; n < count; n++) {
            double ex = qx - sx[n];
            double ey = qy - sy[n];
            double ez = qz - sz[n];
            double dist = Math.sqrt(ex * ex + ey * ey + ez * ez);
            if (exact) {
                cycles[n] = il * dist;
            } else {
                double us = ux * sx[n] + uy * sy[n] + uz * sz[n];
                double reduced = fresnel ? -us + (s2[n] - us * us) / (2 * r) : -us;
                cycles[n] = r > 0 ? il * (r + reduced) : Double.NaN;
            }
            distance[n] = dist;
            nearest = Math.min(nearest, dist);
        }
        return nearest;
    }

    /**
     * The transpose of {@link #cyclesAndDistance}: the phase t_n(p_i) = D_n(p_i) / lambda (cycles)
     * and the distance |p_i - t_n| of ONE element n at every point of a block, with the same
     * expressions (hence the same bits). A sweep that loops over elements outside and points
     * inside runs every loop here over independent points, which the JIT turns into vector
     * instructions; the per-point loop of {@link #cyclesAndDistance} cannot be vectorised that way.
     *
     * @param n the element index (0 &lt;= n &lt; N)
     * @param block the points, loaded with this array's {@link #reference()}
     * @param cycles t_n(p_i) (cycles), at least {@code block.count()} entries; modified (NaN at
     *     p = o for the Fresnel and far-field models)
     * @param distance |p_i - t_n| (m), at least {@code block.count()} entries; modified
     * @param nearest running minimum of the element distances per point (m); entry i becomes
     *     min(nearest_i, |p_i - t_n|)
     */
    public void elementCyclesAndDistance(int n, PointBlock block, double[] cycles, double[] distance,
            double[] nearest) {
        int m = block.count();
        double[] qx = block.qx;
        double[] qy = block.qy;
        double[] qz = block.qz;
        double tx = sx[n];
        double ty = sy[n];
        double tz = sz[n];
        double il = inverseWavelength;
        if (phase == PhaseModel.EXACT) {
            for (int i = 0; i < m; i++) {
                double ex = qx[i] - tx;
                double ey = qy[i] - ty;
                double ez = qz[i] - tz;
                double dist = Math.sqrt(ex * ex + ey * ey + ez * ez);
                cycles[i] = il * dist;
                nearest[i] = Math.min(nearest[i], dist);
                distance[i] = dist;
            }
            return;
        }
        double[] r = block.r;
        double[] ux = block.ux;
        double[] uy = block.uy;
        double[] uz = block.uz;
        double t2 = s2[n];
        boolean fresnel = phase == PhaseModel.FRESNEL;
        for (int i = 0; i < m; i++) {
            double ex = qx[i] - tx;
            double ey = qy[i] - ty;
            double ez = qz[i] - tz;
            double dist = Math.sqrt(ex * ex + ey * ey + ez * ez);
            double us = ux[i] * tx + uy[i] * ty + uz[i] * tz;
            double ri = r[i];
            double reduced = fresnel ? -us + (t2 - us * us) / (2 * ri) : -us;
            cycles[i] = il * (ri + reduced);
            nearest[i] = Math.min(nearest[i], dist);
            distance[i] = dist;
        }
        if (block.hasPointAtReference()) {
            for (int i = 0; i < m; i++) {
                if (!(r[i] > 0)) {
                    cycles[i] = Double.NaN;
                }
            }
        }
    }

    /**
     * The response from the phases in cycles and the distances:
     * v_n = A_n exp(-j 2 pi t_n), A_n = lambda / (4 pi |p - t_n|) (spherical) or 1 (unit), with
     * {@link io.fresnel.math.FastTrig#expCycles}.
     *
     * @param cycles t_n (cycles); not modified
     * @param distance |p - t_n| (m); not modified
     * @param count number of entries
     * @param re Re v_n; modified
     * @param im Im v_n; modified
     */
    public void response(double[] cycles, double[] distance, int count, double[] re, double[] im) {
        if (amplitude == AmplitudeModel.SPHERICAL) {
            FastTrig.expCycles(cycles, count, wavelength / (4 * Math.PI), distance, re, im);
        } else {
            FastTrig.expCycles(cycles, count, 1, null, re, im);
        }
    }

    /**
     * Evaluates v(p).
     *
     * @param p the point (m)
     * @param withCommonPhase true for the full phase D_n; false for D_n - |p - o|
     * @param re real parts, length N; modified
     * @param im imaginary parts, length N; modified
     */
    public void evaluate(Vec3 p, boolean withCommonPhase, double[] re, double[] im) {
        evaluate(p, withCommonPhase, re, im, null, null);
    }

    /**
     * Evaluates v(p) and, when the gradient arrays are given, dv/dp_c for c = x, y, z.
     *
     * @param p the point (m)
     * @param withCommonPhase true for the full phase D_n; false for D_n - |p - o|
     * @param re real parts of v, length N; modified
     * @param im imaginary parts of v, length N; modified
     * @param dRe real parts of the gradient, [3][N] (per metre), or null; modified
     * @param dIm imaginary parts of the gradient, [3][N] (per metre), or null; modified
     */
    public void evaluate(Vec3 p, boolean withCommonPhase, double[] re, double[] im, double[][] dRe,
            double[][] dIm) {
        double qx = p.x() - reference.x();
        double qy = p.y() - reference.y();
        double qz = p.z() - reference.z();
        double r = Math.sqrt(qx * qx + qy * qy + qz * qz);
        boolean expansion = phase != PhaseModel.EXACT;
        if (expansion && !(r > 0)) {
            throw new IllegalArgumentException("the " + phase.key() + " phase model needs a point away from the"
                    + " reference point " + reference);
        }
        double ux = expansion ? qx / r : 0;
        double uy = expansion ? qy / r : 0;
        double uz = expansion ? qz / r : 0;
        boolean gradient = dRe != null;
        double[] g = new double[3];
        for (int n = 0; n < sx.length; n++) {
            // (p - t_n) = q - s_n
            double ex = qx - sx[n];
            double ey = qy - sy[n];
            double ez = qz - sz[n];
            double dist = Math.sqrt(ex * ex + ey * ey + ez * ez);
            double reduced; // D_n - r
            switch (phase) {
                case EXACT -> {
                    reduced = (s2[n] - 2 * (qx * sx[n] + qy * sy[n] + qz * sz[n])) / (dist + r);
                    if (gradient) {
                        g[0] = ex / dist;
                        g[1] = ey / dist;
                        g[2] = ez / dist;
                    }
                }
                case FAR_FIELD -> {
                    double us = ux * sx[n] + uy * sy[n] + uz * sz[n];
                    reduced = -us;
                    if (gradient) {
                        // grad D = u - (s - (u.s) u) / r
                        g[0] = ux - (sx[n] - us * ux) / r;
                        g[1] = uy - (sy[n] - us * uy) / r;
                        g[2] = uz - (sz[n] - us * uz) / r;
                    }
                }
                case FRESNEL -> {
                    double us = ux * sx[n] + uy * sy[n] + uz * sz[n];
                    double quad = (s2[n] - us * us) / (2 * r);
                    reduced = -us + quad;
                    if (gradient) {
                        // grad D = u - (1 + (u.s)/r) (s - (u.s) u)/r - (|s|^2 - (u.s)^2)/(2 r^2) u
                        double a = (1 + us / r) / r;
                        double b = quad / r;
                        g[0] = ux - a * (sx[n] - us * ux) - b * ux;
                        g[1] = uy - a * (sy[n] - us * uy) - b * uy;
                        g[2] = uz - a * (sz[n] - us * uz) - b * uz;
                    }
                }
                default -> throw new IllegalStateException("unknown phase model " + phase);
            }
            double theta = withCommonPhase ? k * (r + reduced) : k * reduced;
            if (withCommonPhase && phase == PhaseModel.EXACT) {
                theta = k * dist;
            }
            double c = Math.cos(theta);
            double s = -Math.sin(theta);
            double amp = amplitude == AmplitudeModel.UNIT ? 1 : wavelength / (4 * Math.PI * dist);
            re[n] = amp * c;
            im[n] = amp * s;
            if (gradient) {
                if (!withCommonPhase && expansion) {
                    g[0] -= ux;
                    g[1] -= uy;
                    g[2] -= uz;
                } else if (!withCommonPhase) {
                    // exact model: grad (D - r) = (p - t)/|p - t| - (p - o)/r
                    if (!(r > 0)) {
                        throw new IllegalArgumentException("removing the common phase needs a point away from the"
                                + " reference point " + reference);
                    }
                    g[0] -= qx / r;
                    g[1] -= qy / r;
                    g[2] -= qz / r;
                }
                double e0 = ex / dist;
                double e1 = ey / dist;
                double e2 = ez / dist;
                for (int cI = 0; cI < 3; cI++) {
                    // d(A e^{-j k D}) = (dA - j k A dD) e^{-j k D}; dA = -A (p - t)/|p - t|^2 (spherical)
                    double dA = amplitude == AmplitudeModel.UNIT ? 0
                            : -amp * (cI == 0 ? e0 : cI == 1 ? e1 : e2) / dist;
                    double kAg = k * amp * g[cI];
                    // (dA - j kAg)(c + j s) = dA c + kAg s + j (dA s - kAg c)
                    dRe[cI][n] = dA * c + kAg * s;
                    dIm[cI][n] = dA * s - kAg * c;
                }
            }
        }
    }
}
