package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.math.Complex;
import io.fresnel.math.SymmetricMatrices;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SPEB (paper 003 (22): the trace of the position block of the inverse FIM, the gain being a
 * nuisance) and its phase gradient where the gain's variance is not negligible next to the
 * position's: a reflection coefficient of 1 instead of the radar equation's 2e-6, so that
 * summing one index too far (the gain's variance) or forming E F^-1 over the gain's rows would
 * show at the 1e-9 level at which the evaluator must agree with the metric code.
 */
class SpebEvaluatorStrongEchoTest {
    private static Scenario strongEcho() {
        Scenario sc = SpebScenes.scene(16, 4, 2, 0, 3);
        Target t = sc.targets().get(0);
        return ScenarioEdits.replaceTarget(sc, t.id(), new Target(t.id(), t.positionM(), new Complex(1, 0),
                t.eavesdropper(), t.noiseW(), t.link(), t.prior()));
    }

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
    void spebEqualsTheMetricCodeAndItsGradientTheDifferencesWhenTheGainVarianceCounts() {
        Scenario sc = strongEcho();
        SpebEvaluator ev = new SpebEvaluator(new ScenarioPhysics(sc));
        List<double[][]> weights = randomColumns(16, 3, 5);
        double[] theta = new double[16];
        Random rnd = new Random(2);
        for (int k = 0; k < 16; k++) {
            theta[k] = rnd.nextDouble() * 6;
        }
        List<double[][]> cols = PartialAnalog.apply(theta, weights);
        double speb = ev.speb(cols);
        // the premise: the first nuisance variance is at least 1e-4 of the SPEB here
        double[][] inv = SymmetricMatrices.inverse(ev.fim(cols));
        assertTrue(ev.parameters > ev.coordinates);
        assertTrue(inv[ev.coordinates][ev.coordinates] > 1e-4 * speb,
                "gain variance " + inv[ev.coordinates][ev.coordinates] + " vs SPEB " + speb);
        List<Stream> streams = List.of(new Stream(StreamRole.PRIVATE, "u1"), new Stream(StreamRole.PRIVATE, "u2"),
                new Stream(StreamRole.SENSING, null));
        Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(new Precoder(streams, ZMatrices.ofColumns(cols), null,
                null, null)));
        assertEquals(m.targets().get(0).spebM2(), speb, 1e-9 * speb);
        double[] g = new double[16];
        assertEquals(speb, ev.spebGradient(cols, g), 0.0);
        double h = 1e-6;
        for (int k = 0; k < 16; k += 3) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            double fd = (ev.speb(PartialAnalog.apply(tp, weights)) - ev.speb(PartialAnalog.apply(tm, weights)))
                    / (2 * h);
            assertEquals(fd, g[k], 1e-5 * speb, "dSPEB/dtheta_" + k);
        }
    }
}
