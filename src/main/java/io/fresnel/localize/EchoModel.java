package io.fresnel.localize;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The radar echo of SCENARIO.md section 1 under the deterministic-signal model, for Monte-Carlo
 * localisation: over T = {@code sensing.snapshots} snapshots
 *
 * <pre>
 *   Y = sum_t beta_t a(p_t) v(p_t)^T X + Z,   X = P S,
 * </pre>
 *
 * with S (streams x T) i.i.d. CN(0, 1) (the data symbols, E{s s^H} = I as paper 003 eq. (10)),
 * Z (N_r x T) i.i.d. CN(0, {@code sensing.noise_w}). The echo of target t is the rank-one
 * a(p_t) (beta_t w_t^T S) with w_t = P^T v(p_t) (the {@code a a^T}-type echo of ERRATA 003 item 2).
 * Only the sample covariance R_Y = Y Y^H / T is kept, which is all MUSIC needs.
 *
 * <p>Immutable and thread-safe; each call draws from the generator it is given.
 */
public final class EchoModel {
    private final int receivers;
    private final int streams;
    private final int snapshots;
    private final double noiseW;
    /** a_t (receive response, full phase), per target. */
    private final double[][] aRe;
    private final double[][] aIm;
    /** beta_t w_t = beta_t P^T v(p_t), per target. */
    private final double[][] wRe;
    private final double[][] wIm;

    /**
     * @param scenario a scenario with targets, a sensing block and a precoder
     * @throws IllegalArgumentException when one is missing (the message names the field)
     */
    public EchoModel(Scenario scenario) {
        if (scenario.targets().isEmpty()) {
            throw new IllegalArgumentException("targets: the scenario has no target to localise");
        }
        if (scenario.precoder() == null) {
            throw new IllegalArgumentException("precoder: the scenario has no precoder (and no solver block)");
        }
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        ArrayResponse tx = physics.transmit();
        ArrayResponse rx = physics.receive();
        ComplexMatrix p = scenario.precoder().effective();
        List<Target> targets = scenario.targets();
        receivers = rx.size();
        streams = p.cols();
        snapshots = scenario.sensing().snapshots();
        noiseW = scenario.sensing().noiseW();
        int n = tx.size();
        aRe = new double[targets.size()][receivers];
        aIm = new double[targets.size()][receivers];
        wRe = new double[targets.size()][streams];
        wIm = new double[targets.size()][streams];
        double[] vr = new double[n];
        double[] vi = new double[n];
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            rx.evaluate(target.positionM(), true, aRe[t], aIm[t]);
            tx.evaluate(target.positionM(), true, vr, vi);
            double br = target.reflection().re();
            double bi = target.reflection().im();
            for (int s = 0; s < streams; s++) {
                double sr = 0;
                double si = 0;
                for (int i = 0; i < n; i++) {
                    double pr = p.re(i, s);
                    double pi = p.im(i, s);
                    sr += pr * vr[i] - pi * vi[i];
                    si += pr * vi[i] + pi * vr[i];
                }
                wRe[t][s] = br * sr - bi * si;
                wIm[t][s] = br * si + bi * sr;
            }
        }
    }

    /** @return N_r, the receive elements */
    public int receivers() {
        return receivers;
    }

    /** @return the number of targets */
    public int targets() {
        return aRe.length;
    }

    /**
     * Draws one echo Y and returns its sample covariance R_Y = Y Y^H / T.
     *
     * @param rng the generator of S and Z (advanced)
     * @return {Re R_Y, Im R_Y}, each N_r x N_r
     */
    public double[][][] sampleCovariance(RandomGenerator rng) {
        int nr = receivers;
        double[][] yRe = new double[snapshots][nr];
        double[][] yIm = new double[snapshots][nr];
        double symbol = Math.sqrt(0.5);
        double noise = Math.sqrt(noiseW / 2);
        double[] sRe = new double[streams];
        double[] sIm = new double[streams];
        for (int k = 0; k < snapshots; k++) {
            for (int s = 0; s < streams; s++) {
                sRe[s] = symbol * rng.nextGaussian();
                sIm[s] = symbol * rng.nextGaussian();
            }
            double[] yr = yRe[k];
            double[] yi = yIm[k];
            for (int t = 0; t < aRe.length; t++) {
                double cr = 0;
                double ci = 0;
                for (int s = 0; s < streams; s++) {
                    cr += wRe[t][s] * sRe[s] - wIm[t][s] * sIm[s];
                    ci += wRe[t][s] * sIm[s] + wIm[t][s] * sRe[s];
                }
                for (int i = 0; i < nr; i++) {
                    yr[i] += aRe[t][i] * cr - aIm[t][i] * ci;
                    yi[i] += aRe[t][i] * ci + aIm[t][i] * cr;
                }
            }
            for (int i = 0; i < nr; i++) {
                yr[i] += noise * rng.nextGaussian();
                yi[i] += noise * rng.nextGaussian();
            }
        }
        double[][] rRe = new double[nr][nr];
        double[][] rIm = new double[nr][nr];
        for (int k = 0; k < snapshots; k++) {
            double[] yr = yRe[k];
            double[] yi = yIm[k];
            for (int i = 0; i < nr; i++) {
                double ar = yr[i];
                double ai = yi[i];
                double[] rowRe = rRe[i];
                double[] rowIm = rIm[i];
                for (int j = 0; j <= i; j++) {
                    // y_i conj(y_j)
                    rowRe[j] += ar * yr[j] + ai * yi[j];
                    rowIm[j] += ai * yr[j] - ar * yi[j];
                }
            }
        }
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j <= i; j++) {
                rRe[i][j] /= snapshots;
                rIm[i][j] /= snapshots;
                rRe[j][i] = rRe[i][j];
                rIm[j][i] = -rIm[i][j];
            }
        }
        return new double[][][] {rRe, rIm};
    }
}
