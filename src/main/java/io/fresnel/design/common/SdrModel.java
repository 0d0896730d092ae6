package io.fresnel.design.common;

import io.fresnel.math.CVec;
import io.fresnel.math.ComplexSubspace;
import io.fresnel.math.Vec3;
import io.fresnel.model.CommNode;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of paper 004's SDR designs, expressed in a covariance subspace: R_X = Q X Q^H with Q
 * (N x d) orthonormal and X (d x d) Hermitian PSD, so that no N x N matrix is ever formed.
 *
 * <p>Convention (SCENARIO.md section 1): a node receives c^T x, so user u's received power from a
 * covariance W is c_u^T W c_u^* = g_u^H X g_u with g_u = Q^H c_u^*; the illumination of a target is
 * v^T R_X v^* (paper 004 eq. 24) = e^H X e with e = Q^H v^*; and every entry of the Fisher
 * information of Prop. 1 is a sum of terms y'^T R_X y^* with y, y' in {v, dv/dx, dv/dy(, dv/dz)}
 * (see {@link FisherCoefficients}). Hence the optimum lives in span{v_k^*, dv_k^* / dx, ...,
 * c_u^*} (Prop. 2, (32); in the h^H notation of the paper h_u = c_u^*, and V there is our
 * conj(v)) for the CRB design and in span{v_k^*, c_u^*} (Prop. 4, (45)) for the power designs.
 * {@link Span#FULL} uses the identity basis (d = N), i.e. the unreduced (SDR1.2)/(SDR2.1).
 *
 * <p>Numerics: the transmit and receive responses are taken with the common phase exp(-j k r_t)
 * removed and the gains re-parameterised as beta' = beta exp(-2 j k r_t), as in
 * {@code JointFisherInformation}; this spans the same subspace, leaves the illumination and the
 * CRB of the coordinates unchanged and makes the FIM far better conditioned.
 */
public final class SdrModel {

    /** Which subspace the covariances are restricted to. */
    public enum Span {
        /** span{v_k^*, dv_k^* per coordinate, c_u^*}: paper 004 Prop. 2, (SDR1.3). */
        CRB,
        /** span{v_k^*, c_u^*}: paper 004 Prop. 4. */
        POWER,
        /** the whole C^N (identity basis): the unreduced (SDR1.2)/(SDR2.1), for checks on small arrays. */
        FULL
    }

    final ScenarioPhysics physics;
    public final int antennas;
    final int dims;
    public final ComplexSubspace basis;
    public final int d;
    public final List<CommNode> users;
    /** g_u = Q^H c_u^* per user, {re, im} of length d. */
    public final double[][][] userVectors;
    /** ||c_u||^2 per user. */
    public final double[] userChannelNorm2;
    public final double[] userNoiseW;
    public final List<Target> targets;
    /**
     * Per target t and item m (0: v, 1 + c: dv/d coordinate c), the reduced conjugate
     * transmit vector Q^H conj(y_{t,m}) with the common phase removed, {re, im} of length d.
     */
    final double[][][][] transmitItems;
    /** Gram matrix x^H x' of the receive items (a, da/dc per target), flattened (t, m), {re, im}. */
    final double[][][] receiveGram;
    /** beta'_t = beta_t exp(-2 j k r_t), {re, im}. */
    final double[][] beta;
    /** ||a(p_t)||^2 per target. */
    public final double[] receiveNorm2;
    /** 2 T / sigma^2 of the FIM (SCENARIO.md section 1). */
    final double fisherScale;

    private SdrModel(ScenarioPhysics physics, Span span, List<double[][]> extraConjugate, boolean userSpan) {
        this.physics = physics;
        var sc = physics.scenario();
        this.dims = sc.dimension();
        this.antennas = physics.transmit().size();
        this.users = sc.users();
        this.targets = sc.targets();
        int n = antennas;
        int m = physics.receive().size();
        int items = dims + 1;
        int k = targets.size();
        // transmit items with the common phase removed: v'_t, dv'_t/dc
        double[][][] vRe = new double[k][items][];
        double[][][] vIm = new double[k][items][];
        double[][][] aRe = new double[k][items][];
        double[][][] aIm = new double[k][items][];
        beta = new double[k][2];
        receiveNorm2 = new double[k];
        Vec3 o = physics.transmit().reference();
        double wk = physics.transmit().wavenumber();
        for (int t = 0; t < k; t++) {
            Target tg = targets.get(t);
            double[] re = new double[n];
            double[] im = new double[n];
            double[][] dre = new double[3][n];
            double[][] dim = new double[3][n];
            physics.transmit().evaluate(tg.positionM(), false, re, im, dre, dim);
            vRe[t][0] = re;
            vIm[t][0] = im;
            for (int c = 0; c < dims; c++) {
                vRe[t][1 + c] = dre[c];
                vIm[t][1 + c] = dim[c];
            }
            double[] rr = new double[m];
            double[] ri = new double[m];
            double[][] drr = new double[3][m];
            double[][] dri = new double[3][m];
            physics.receive().evaluate(tg.positionM(), false, rr, ri, drr, dri);
            aRe[t][0] = rr;
            aIm[t][0] = ri;
            for (int c = 0; c < dims; c++) {
                aRe[t][1 + c] = drr[c];
                aIm[t][1 + c] = dri[c];
            }
            receiveNorm2[t] = CVec.norm2(rr, ri);
            double ph = -2 * wk * tg.positionM().minus(o).norm();
            double br = tg.reflection().re();
            double bi = tg.reflection().im();
            beta[t][0] = br * Math.cos(ph) - bi * Math.sin(ph);
            beta[t][1] = br * Math.sin(ph) + bi * Math.cos(ph);
        }
        double[][][] channels = new double[users.size()][][];
        userChannelNorm2 = new double[users.size()];
        userNoiseW = new double[users.size()];
        for (int u = 0; u < users.size(); u++) {
            double[][] c = physics.channelRow(users.get(u));
            channels[u] = new double[][] {c[0], negate(c[1])}; // c^*
            userChannelNorm2[u] = CVec.norm2(c[0], c[1]);
            userNoiseW[u] = users.get(u).noiseW();
        }
        // the basis Q
        List<double[]> spanRe = new ArrayList<>();
        List<double[]> spanIm = new ArrayList<>();
        if (span == Span.FULL) {
            for (int i = 0; i < n; i++) {
                double[] e = new double[n];
                e[i] = 1;
                spanRe.add(e);
                spanIm.add(new double[n]);
            }
        } else {
            int transmitItems = span == Span.CRB ? items : span == Span.POWER ? 1 : 0;
            for (int t = 0; t < k; t++) {
                for (int it = 0; it < transmitItems; it++) {
                    addUnit(spanRe, spanIm, vRe[t][it], negate(vIm[t][it]));
                }
            }
            if (userSpan) {
                for (double[][] c : channels) {
                    addUnit(spanRe, spanIm, c[0], c[1]);
                }
            }
            for (double[][] c : extraConjugate) {
                addUnit(spanRe, spanIm, c[0], c[1]);
            }
        }
        if (spanRe.isEmpty()) {
            throw new IllegalArgumentException("nothing spans the covariance subspace");
        }
        basis = new ComplexSubspace(spanRe, spanIm);
        d = basis.dimension();
        userVectors = new double[users.size()][][];
        for (int u = 0; u < users.size(); u++) {
            userVectors[u] = basis.coordinates(channels[u][0], channels[u][1]);
        }
        transmitItems = new double[k][items][][];
        for (int t = 0; t < k; t++) {
            for (int it = 0; it < items; it++) {
                transmitItems[t][it] = basis.coordinates(vRe[t][it], negate(vIm[t][it]));
            }
        }
        int q = k * items;
        receiveGram = new double[2][q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double[] g = CVec.dot(aRe[i / items][i % items], aIm[i / items][i % items], aRe[j / items][j % items],
                        aIm[j / items][j % items]);
                receiveGram[0][i][j] = g[0];
                receiveGram[1][i][j] = g[1];
            }
        }
        fisherScale = sc.sensing() == null ? Double.NaN
                : 2.0 * sc.sensing().snapshots() / sc.sensing().noiseW();
    }

    /**
     * @param physics the scenario's physics
     * @param span the subspace
     * @return the model
     */
    public static SdrModel of(ScenarioPhysics physics, Span span) {
        return new SdrModel(physics, span, List.of(), true);
    }

    /**
     * @param physics the scenario's physics
     * @param span the subspace (not {@code FULL})
     * @param extraConjugate further vectors {re, im} (length N) added to the span, e.g. the
     *     conjugate channel rows of eavesdroppers
     * @return the model
     */
    public static SdrModel of(ScenarioPhysics physics, Span span, List<double[][]> extraConjugate) {
        return new SdrModel(physics, span, extraConjugate, true);
    }

    /**
     * A model whose subspace leaves the users' true channels out (a design that assumes other
     * user channels, e.g. paper 000's RSMA-Far, passes those in {@code extraConjugate}).
     *
     * @param physics the scenario's physics
     * @param span the subspace (not {@code FULL})
     * @param extraConjugate the vectors {re, im} (length N) spanning the communication part
     * @return the model; its {@code userVectors} are the true channels' coordinates in that span
     */
    public static SdrModel withoutUserSpan(ScenarioPhysics physics, Span span, List<double[][]> extraConjugate) {
        return new SdrModel(physics, span, extraConjugate, false);
    }

    /**
     * A model in the span of given vectors only (no target or user directions added), e.g. the
     * columns of a hybrid analog beamformer F_A: R_X = Q X Q^H is then exactly the set of
     * covariances F_A R_D F_A^H (paper 003, (35)-(38)).
     *
     * @param physics the scenario's physics
     * @param vectors the spanning vectors {re, im} (length N), orthonormalised in order
     * @return the model
     */
    public static SdrModel inSpanOf(ScenarioPhysics physics, List<double[][]> vectors) {
        return new SdrModel(physics, null, vectors, false);
    }

    /** @return the illumination vector e_t = Q^H v(p_t)^* of target t (phase-removed), {re, im} */
    public double[][] illuminationVector(int t) {
        return transmitItems[t][0];
    }

    /**
     * @param x a d-vector of coordinates {re, im}
     * @return the N-vector Q x
     */
    public double[][] expand(double[][] x) {
        return basis.expand(x[0], x[1]);
    }

    private static void addUnit(List<double[]> re, List<double[]> im, double[] xr, double[] xi) {
        double norm = Math.sqrt(CVec.norm2(xr, xi));
        if (!(norm > 0)) {
            return;
        }
        double[] a = new double[xr.length];
        double[] b = new double[xr.length];
        for (int i = 0; i < xr.length; i++) {
            a[i] = xr[i] / norm;
            b[i] = xi[i] / norm;
        }
        re.add(a);
        im.add(b);
    }

    private static double[] negate(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        return y;
    }

    /** @return {Re, Im} of the d x d outer product g g^H */
    public static double[][][] outer(double[][] g) {
        int d = g[0].length;
        double[][] re = new double[d][d];
        double[][] im = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // g_i conj(g_j)
                re[i][j] = g[0][i] * g[0][j] + g[1][i] * g[1][j];
                im[i][j] = g[1][i] * g[0][j] - g[0][i] * g[1][j];
            }
        }
        return new double[][][] {re, im};
    }
}
