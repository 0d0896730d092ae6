package io.fresnel.design.speb;

import io.fresnel.bench.SpebScenes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.design.common.ZMatrices;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SPEB/SINR evaluator against the metric code, and its phase gradients against differences. */
class SpebEvaluatorTest {
    private static final Scenario SC = SpebScenes.scene(16, 4, 2, 0, 3);

    private static List<double[][]> randomColumns(int n, int s, long seed) {
        Random rnd = new Random(seed);
        List<double[][]> out = new ArrayList<>();
        for (int c = 0; c < s; c++) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int k = 0; k < n; k++) {
                re[k] = rnd.nextGaussian() * 0.1;
                im[k] = rnd.nextGaussian() * 0.1;
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    @Test
    void spebAndSinrEqualTheMetricCode() {
        SpebEvaluator ev = new SpebEvaluator(new ScenarioPhysics(SC));
        List<double[][]> cols = randomColumns(16, 3, 5);
        List<Stream> streams = List.of(new Stream(StreamRole.PRIVATE, "u1"), new Stream(StreamRole.PRIVATE, "u2"),
                new Stream(StreamRole.SENSING, null));
        Metrics m = MetricsEvaluator.evaluate(SC.withPrecoder(
                new Precoder(streams, ZMatrices.ofColumns(cols), null, null, null)));
        assertEquals(m.targets().get(0).spebM2(), ev.speb(cols), 1e-9 * ev.speb(cols));
        for (int u = 0; u < 2; u++) {
            assertEquals(m.users().get(u).sinr(), ev.sinr(cols, u), 1e-9 * ev.sinr(cols, u));
        }
    }

    @Test
    void phaseGradientsMatchCentralDifferences() {
        SpebEvaluator ev = new SpebEvaluator(new ScenarioPhysics(SC));
        List<double[][]> weights = randomColumns(16, 3, 8);
        double[] theta = new double[16];
        Random rnd = new Random(2);
        for (int k = 0; k < 16; k++) {
            theta[k] = rnd.nextDouble() * 6;
        }
        double[] g = new double[16];
        double[] gs = new double[16];
        double s0 = ev.spebGradient(PartialAnalog.apply(theta, weights), g);
        ev.sinrGradient(PartialAnalog.apply(theta, weights), 1, gs);
        double h = 1e-6;
        for (int k = 0; k < 16; k += 3) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            double fd = (ev.speb(PartialAnalog.apply(tp, weights)) - ev.speb(PartialAnalog.apply(tm, weights))) / (2 * h);
            assertEquals(fd, g[k], 1e-5 * s0, "dSPEB/dtheta_" + k);
            double fs = (ev.sinr(PartialAnalog.apply(tp, weights), 1) - ev.sinr(PartialAnalog.apply(tm, weights), 1))
                    / (2 * h);
            assertEquals(fs, gs[k], 1e-5 * Math.abs(ev.sinr(PartialAnalog.apply(theta, weights), 1)) + 1e-9,
                    "dSINR/dtheta_" + k);
        }
    }
}
