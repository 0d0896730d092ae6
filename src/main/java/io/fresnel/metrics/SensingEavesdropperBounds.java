package io.fresnel.metrics;

import io.fresnel.math.CVec;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.SensingEavesdropper;
import io.fresnel.model.Target;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.physics.ScenarioPhysics;

/**
 * Angle CRBs of a sensing eavesdropper (paper 002, corrected per ERRATA 002.1-002.3): its own
 * array (reference point: its centroid o_e) hears beta_e a(p_t) w^T X with the base-station side
 * w = P^T v(p_t) known; phi is the target's angle about o_e, and the target moves on the circle
 * about the vertical axis through o_e.
 *
 * <pre>
 *   strong (knows X, gain nuisance):  CRB = sigma^2 / (2 L |beta_e|^2 ||P_a^perp da/dphi||^2 ||w||^2)
 *   weak (Gaussian signal, Slepian-Bangs closed form):  CRB_strong (1 + sigma^2 / (s ||a||^2)),
 *   s = |beta_e|^2 ||w||^2
 * </pre>
 */
public final class SensingEavesdropperBounds {

    /**
     * The eavesdropper's bounds; null fields when the target is not illuminated or the angle is
     * unobservable (infinite bound).
     *
     * @param id its id
     * @param strongRad2 strong-eavesdropper angle CRB (rad^2)
     * @param weakRad2 weak-eavesdropper angle CRB (rad^2)
     */
    public record Result(String id, Double strongRad2, Double weakRad2) {
    }

    private SensingEavesdropperBounds() {
    }

    /**
     * @param physics the scenario's responses
     * @param columns the effective precoder
     * @param eve the sensing eavesdropper
     * @return its bounds
     */
    public static Result evaluate(ScenarioPhysics physics, PrecoderColumns columns, SensingEavesdropper eve) {
        Scenario sc = physics.scenario();
        Target target = sc.targets().stream().filter(t -> t.id().equals(eve.targetId())).findFirst().orElseThrow();
        Vec3 p = target.positionM();
        Vec3 oe = eve.array().centroid();
        ArrayResponse resp = new ArrayResponse(eve.array().positions(), oe, sc.wavelengthM(),
                sc.propagation().phase(), sc.propagation().amplitude());
        int m = resp.size();
        double[] ar = new double[m];
        double[] ai = new double[m];
        double[][] dar = new double[3][m];
        double[][] dai = new double[3][m];
        resp.evaluate(p, false, ar, ai, dar, dai);
        // dp/dphi on the horizontal circle about the vertical axis through o_e
        double tx = -(p.y() - oe.y());
        double ty = p.x() - oe.x();
        double[] dr = new double[m];
        double[] di = new double[m];
        for (int i = 0; i < m; i++) {
            dr[i] = tx * dar[0][i] + ty * dar[1][i];
            di[i] = tx * dai[0][i] + ty * dai[1][i];
        }
        double a2 = CVec.norm2(ar, ai);
        double[] aHd = CVec.dot(ar, ai, dr, di);
        double perp = CVec.norm2(dr, di) - (aHd[0] * aHd[0] + aHd[1] * aHd[1]) / a2;
        int n = physics.transmit().size();
        double[] vr = new double[n];
        double[] vi = new double[n];
        physics.transmit().evaluate(p, true, vr, vi);
        double[][] w = columns.transposeTimes(vr, vi);
        double w2 = CVec.norm2(w[0], w[1]);
        double beta2 = eve.reflection().abs2();
        double denominator = 2 * eve.snapshots() * beta2 * perp * w2;
        if (!(denominator > 0) || !(a2 > 0)) {
            return new Result(eve.id(), null, null);
        }
        double strong = eve.noiseW() / denominator;
        double s = beta2 * w2;
        double weak = strong * (1 + eve.noiseW() / (s * a2));
        return new Result(eve.id(), strong, weak);
    }
}
