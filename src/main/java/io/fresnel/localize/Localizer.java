package io.fresnel.localize;

import io.fresnel.math.Vec3;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte-Carlo MUSIC localisation of every target of a scenario with the precoder in force (the
 * {@code localize} command; paper 003 section VI, Figs. 3-4): per trial one echo of
 * {@link EchoModel}, its {@link MusicSpectrum} with K = the number of targets, the
 * {@link MusicEstimator}'s K estimates, assigned to the targets by the permutation of least total
 * squared error. Per target it reports the RMSE sqrt(mean ||p_hat - p||^2), the bias
 * ||mean p_hat - p|| and the PEB of the metrics (ERRATA 003 item 7: MUSIC estimates from the
 * echoes alone, so its RMSE follows a receive-side bound and may stay well above the PEB).
 *
 * <p>Reproducible: trial i draws from the i-th {@link SplittableRandom#split() split} of
 * {@code new SplittableRandom(seed)}, made in order before the trials run in parallel, so the
 * result does not depend on the thread count.
 */
public final class Localizer {
    private Localizer() {
    }

    /**
     * @param scenario a 2-D scenario with targets, a sensing block and a precoder
     * @param options trials, seed and search region
     * @return the statistics and every estimate
     * @throws IllegalArgumentException when the scenario cannot be localised (the message names the
     *     field: no target, no precoder, 3-D, too few receive elements)
     */
    public static LocalizationResult run(Scenario scenario, LocalizeOptions options) {
        EchoModel echo = new EchoModel(scenario);
        int k = echo.targets();
        if (k >= echo.receivers()) {
            throw new IllegalArgumentException("rx_array: MUSIC needs more receive elements (" + echo.receivers()
                    + ") than targets (" + k + ")");
        }
        SearchRegion region = SearchRegion.of(scenario, options.rangeMinM(), options.rangeMaxM());
        MusicEstimator estimator = new MusicEstimator(region, new ScenarioPhysics(scenario).receive());
        List<Vec3> truth = scenario.targets().stream().map(Target::positionM).toList();
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom[] rngs = new SplittableRandom[options.trials()];
        for (int i = 0; i < rngs.length; i++) {
            rngs[i] = root.split();
        }
        List<List<Vec3>> estimates = IntStream.range(0, rngs.length).parallel()
                .mapToObj(i -> assign(estimator.estimate(new MusicSpectrum(echo.sampleCovariance(rngs[i]), k)), truth))
                .toList();
        Metrics metrics = MetricsEvaluator.evaluate(scenario);
        List<LocalizationResult.TargetSummary> summaries = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            Vec3 p = truth.get(t);
            double sx = 0;
            double sy = 0;
            double se = 0;
            for (List<Vec3> trial : estimates) {
                Vec3 e = trial.get(t);
                sx += e.x();
                sy += e.y();
                double d = e.distance(p);
                se += d * d;
            }
            int n = estimates.size();
            Vec3 mean = new Vec3(sx / n, sy / n, 0);
            TargetMetrics tm = metrics.targets().get(t);
            summaries.add(new LocalizationResult.TargetSummary(scenario.targets().get(t).id(), p, mean,
                    Math.sqrt(se / n), mean.distance(p), tm.pebM()));
        }
        return new LocalizationResult(summaries, estimates, region);
    }

    /**
     * The estimates of one echo realisation, the one {@code render --layer music:SEED} shows: the
     * symbols and noise drawn from {@code new SplittableRandom(seed)}, the default search region.
     *
     * @param scenario a 2-D scenario with targets, a sensing block and a precoder
     * @param seed the realisation's seed
     * @return one estimate per target, in target order (m)
     * @throws IllegalArgumentException when the scenario cannot be localised (see {@link #run})
     */
    public static List<Vec3> estimateOnce(Scenario scenario, long seed) {
        EchoModel echo = new EchoModel(scenario);
        int k = echo.targets();
        if (k >= echo.receivers()) {
            throw new IllegalArgumentException("rx_array: MUSIC needs more receive elements (" + echo.receivers()
                    + ") than targets (" + k + ")");
        }
        SearchRegion region = SearchRegion.of(scenario, null, null);
        MusicEstimator estimator = new MusicEstimator(region, new ScenarioPhysics(scenario).receive());
        List<Vec3> truth = scenario.targets().stream().map(Target::positionM).toList();
        return assign(estimator.estimate(new MusicSpectrum(echo.sampleCovariance(new SplittableRandom(seed)), k)),
                truth);
    }

    /**
     * Orders the estimates so that estimate t goes with target t, minimising the total squared
     * distance over all permutations (K <= 7), or greedily by nearest pair for more targets.
     *
     * @param estimates K estimates (m)
     * @param truth K true positions (m)
     * @return the estimates in target order
     */
    static List<Vec3> assign(List<Vec3> estimates, List<Vec3> truth) {
        int k = truth.size();
        if (k == 1) {
            return estimates;
        }
        if (k <= 7) {
            int[] perm = IntStream.range(0, k).toArray();
            int[] best = perm.clone();
            double[] bestCost = {Double.POSITIVE_INFINITY};
            permute(perm, 0, estimates, truth, best, bestCost);
            List<Vec3> out = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                out.add(estimates.get(best[t]));
            }
            return out;
        }
        Vec3[] out = new Vec3[k];
        boolean[] used = new boolean[k];
        for (int round = 0; round < k; round++) {
            int bt = -1;
            int be = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int t = 0; t < k; t++) {
                for (int e = 0; e < k; e++) {
                    if (out[t] == null && !used[e] && estimates.get(e).distance(truth.get(t)) < bd) {
                        bd = estimates.get(e).distance(truth.get(t));
                        bt = t;
                        be = e;
                    }
                }
            }
            out[bt] = estimates.get(be);
            used[be] = true;
        }
        return List.of(out);
    }

    private static void permute(int[] perm, int at, List<Vec3> est, List<Vec3> truth, int[] best, double[] bestCost) {
        if (at == perm.length) {
            double cost = 0;
            for (int t = 0; t < perm.length; t++) {
                double d = est.get(perm[t]).distance(truth.get(t));
                cost += d * d;
            }
            if (cost < bestCost[0]) {
                bestCost[0] = cost;
                System.arraycopy(perm, 0, best, 0, perm.length);
            }
            return;
        }
        for (int i = at; i < perm.length; i++) {
            int tmp = perm[at];
            perm[at] = perm[i];
            perm[i] = tmp;
            permute(perm, at + 1, est, truth, best, bestCost);
            perm[i] = perm[at];
            perm[at] = tmp;
        }
    }
}
