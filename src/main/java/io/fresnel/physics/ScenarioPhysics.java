package io.fresnel.physics;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.CommNode;
import io.fresnel.model.Link;
import io.fresnel.model.Scatterer;
import io.fresnel.model.Scenario;
import java.util.List;

/**
 * The responses of one scenario's arrays and the channel rows of its receivers
 * (SCENARIO.md section 1). Immutable and thread-safe.
 */
public final class ScenarioPhysics {
    private final Scenario scenario;
    private final ArrayResponse tx;
    private final ArrayResponse rx;

    /** @param scenario the scenario; its arrays and propagation models are read */
    public ScenarioPhysics(Scenario scenario) {
        this.scenario = scenario;
        Vec3 o = scenario.referencePoint();
        double lambda = scenario.wavelengthM();
        this.tx = new ArrayResponse(scenario.txArray().positions(), o, lambda, scenario.propagation().phase(),
                scenario.propagation().amplitude());
        this.rx = scenario.rxArray() == null ? tx
                : new ArrayResponse(scenario.rxArray().positions(), o, lambda, scenario.propagation().phase(),
                        scenario.propagation().amplitude());
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the transmit-array response v(p) */
    public ArrayResponse transmit() {
        return tx;
    }

    /** @return the receive-array response a(p) (the transmit array when monostatic) */
    public ArrayResponse receive() {
        return rx;
    }

    /**
     * The default line-of-sight gain of a node at p: lambda / (4 pi |p - o|) with the unit
     * amplitude model (the path loss sits in the scalar gain), 1 with the spherical model.
     *
     * @param p node position (m)
     * @return the gain g (dimensionless amplitude)
     */
    public double defaultGain(Vec3 p) {
        if (scenario.propagation().amplitude() == AmplitudeModel.SPHERICAL) {
            return 1;
        }
        return scenario.wavelengthM() / (4 * Math.PI * p.distance(scenario.referencePoint()));
    }

    /**
     * The channel row c of a single-antenna receiver: its explicit {@code channel}, or
     * c = g v(p) + sum_l g_l v(q_l) with the full phase (the node receives c^T x).
     *
     * @param node the receiver
     * @return {re, im}, each of length N
     */
    public double[][] channelRow(CommNode node) {
        return channelRow(node.positionM(), node.link());
    }

    /**
     * The channel row of a receiver at p with the given link; see {@link #channelRow(CommNode)}.
     *
     * @param p receiver position (m)
     * @param link its link
     * @return {re, im}, each of length N
     */
    public double[][] channelRow(Vec3 p, Link link) {
        int n = tx.size();
        double[] re = new double[n];
        double[] im = new double[n];
        if (link.channel() != null) {
            List<Complex> ch = link.channel();
            for (int i = 0; i < n; i++) {
                re[i] = ch.get(i).re();
                im[i] = ch.get(i).im();
            }
            return new double[][] {re, im};
        }
        Complex g = link.gain() != null ? link.gain() : Complex.real(defaultGain(p));
        tx.evaluate(p, true, re, im);
        scaleInPlace(re, im, g);
        if (!link.scatterers().isEmpty()) {
            double[] vr = new double[n];
            double[] vi = new double[n];
            for (Scatterer sc : link.scatterers()) {
                tx.evaluate(sc.positionM(), true, vr, vi);
                double gr = sc.gain().re();
                double gi = sc.gain().im();
                for (int i = 0; i < n; i++) {
                    re[i] += gr * vr[i] - gi * vi[i];
                    im[i] += gr * vi[i] + gi * vr[i];
                }
            }
        }
        return new double[][] {re, im};
    }

    private static void scaleInPlace(double[] re, double[] im, Complex g) {
        for (int i = 0; i < re.length; i++) {
            double a = re[i];
            double b = im[i];
            re[i] = g.re() * a - g.im() * b;
            im[i] = g.re() * b + g.im() * a;
        }
    }
}
