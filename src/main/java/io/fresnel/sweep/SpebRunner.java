package io.fresnel.sweep;

import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.ProgressListener;
import io.fresnel.localize.LocalizationResult;
import io.fresnel.localize.LocalizeOptions;
import io.fresnel.localize.Localizer;
import io.fresnel.metrics.ConstraintStatus;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import io.fresnel.scene.PaperScene;
import io.fresnel.scene.SceneOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs one design of a paper-003 figure on one seeded scene and audits it: the scene of draw d is
 * {@link PaperScene} with seed {@link DrawGenerator#drawSeed(long, int) drawSeed(seed, d)} for
 * every x and series (common random numbers: the users, scatterers and the target's phase of a
 * draw are the same along a curve and across curves); the precoder is evaluated by the metric code
 * and counted only when it meets every constraint of its scene ({@link ConstraintStatus}); for the
 * RMSE figures the counted precoder is localised by MUSIC ({@link Localizer}, {@code trials}
 * echoes seeded with the scene's seed). Stateless.
 */
final class SpebRunner {
    private SpebRunner() {
    }

    /**
     * @param figure the figure
     * @param x the x value
     * @param series the curve
     * @param draw the draw index
     * @param seed the sweep's seed
     * @param maxIterations the solver block's max_iterations, or null
     * @param trials MUSIC trials per counted run (RMSE figures)
     * @param cancelled polled by the design
     * @return the audited run (never throws for a design failure: status {@code error})
     */
    static SpebRun run(SpebFigure figure, double x, SpebSeries series, int draw, long seed, Integer maxIterations,
            int trials, BooleanSupplier cancelled) {
        long sceneSeed = DrawGenerator.drawSeed(seed, draw);
        long start = System.nanoTime();
        SceneOptions options = figure.sceneOptions(x, series);
        Scenario scene = PaperScene.generate(options, sceneSeed);
        if (maxIterations != null) {
            Map<String, Object> params = new LinkedHashMap<>(scene.solver().parameters());
            params.put("max_iterations", (long) maxIterations);
            scene = scene.withSolver(new SolverSpec(series.design(), params));
        }
        List<Double> objectives = new ArrayList<>();
        // the objective after each iteration: the last report of that iteration wins (a design may
        // report several steps per iteration); a skipped iteration repeats the previous value
        ProgressListener trace = (iteration, objective, message) -> {
            if (!Double.isFinite(objective) || iteration < 1) {
                return;
            }
            while (objectives.size() < iteration - 1) {
                objectives.add(objectives.isEmpty() ? objective : objectives.get(objectives.size() - 1));
            }
            if (objectives.size() == iteration - 1) {
                objectives.add(objective);
            } else {
                objectives.set(iteration - 1, objective);
            }
        };
        DesignResult r;
        try {
            Design design = Designs.byName(series.design());
            r = design.run(scene, new DesignContext(cancelled, trace, null));
        } catch (DesignException | RuntimeException e) {
            return new SpebRun(x, series, draw, sceneSeed, "error", false, 0, DesignResult.secondsSince(start), null,
                    null, null, null, null, null, objectives, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (r.precoder() == null) {
            return new SpebRun(x, series, draw, sceneSeed, r.status().jsonName(), false, r.iterations(), r.seconds(),
                    null, null, null, null, null, null, objectives, r.message());
        }
        Scenario solved = scene.withPrecoder(r.precoder());
        Metrics m = MetricsEvaluator.evaluate(solved);
        Double speb = m.targets().isEmpty() ? null : m.targets().get(0).spebM2();
        String violation = null;
        for (ConstraintStatus.Check c : ConstraintStatus.of(solved, m)) {
            if (!c.met()) {
                violation = "violates " + c.name() + ": " + c.value() + " vs " + c.limit();
                break;
            }
        }
        boolean statusOk = r.status() == DesignStatus.OPTIMAL || r.status() == DesignStatus.CONVERGED
                || r.status() == DesignStatus.ITERATION_LIMIT;
        boolean counted = statusOk && violation == null && speb != null;
        Double mse = null;
        Double bias = null;
        if (counted && figure.metric() == SpebFigure.Metric.PEB_AND_RMSE) {
            LocalizationResult loc = Localizer.run(solved, LocalizeOptions.DEFAULT.withTrials(trials)
                    .withSeed(sceneSeed));
            LocalizationResult.TargetSummary t = loc.targets().get(0);
            mse = t.rmseM() * t.rmseM();
            bias = t.biasM();
        }
        Double minRate = null;
        for (UserMetrics u : m.users()) {
            if (u.rateBpsHz() != null) {
                minRate = minRate == null ? u.rateBpsHz() : Math.min(minRate, u.rateBpsHz());
            }
        }
        String message = violation != null ? violation : speb == null ? "no SPEB (singular FIM)" : r.message();
        return new SpebRun(x, series, draw, sceneSeed, r.status().jsonName(), counted, r.iterations(), r.seconds(),
                speb, mse, bias, m.system().sumRateBpsHz(), minRate, m.system().transmitPowerW(), objectives, message);
    }
}
