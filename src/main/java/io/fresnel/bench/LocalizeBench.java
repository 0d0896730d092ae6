package io.fresnel.bench;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.localize.LocalizationResult;
import io.fresnel.localize.LocalizeOptions;
import io.fresnel.localize.Localizer;
import io.fresnel.model.Scenario;
import io.fresnel.scene.PaperScene;
import io.fresnel.scene.SceneOptions;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/**
 * The benchmark behind {@code fresnel bench --localize}: {@code localize} with 200 trials on the
 * paper-003 scene of seed 1 with N = 64 antennas and 8 RF chains, the precoder designed by
 * {@link #DESIGN} (the paper's Algorithm 1 when this build has it, else the two-stage hybrid
 * baseline); the target is under 10 s. One warm-up run of 20 trials, then {@code runs}
 * timed runs.
 */
final class LocalizeBench {
    /** Trials per timed run. */
    static final int TRIALS = 200;
    /** The design of the localised precoder. */
    static final String DESIGN = designName();

    private LocalizeBench() {
    }

    private static String designName() {
        try {
            return Designs.byName("speb-min-hybrid").name();
        } catch (IllegalArgumentException e) {
            return "two-stage-hybrid";
        }
    }

    /**
     * @param out where the report goes
     * @param runs timed runs (>= 1)
     * @throws DesignException when the design fails
     */
    static void run(PrintWriter out, int runs) throws DesignException {
        Scenario scene = PaperScene.generate(SceneOptions.PAPER.withElements(64).withRfChains(8).withAlgorithm(DESIGN),
                1);
        DesignResult r = Designs.byName(DESIGN).run(scene, DesignContext.none());
        if (r.precoder() == null) {
            throw new IllegalStateException(DESIGN + " ended " + r.status().jsonName() + " on the benchmark scene");
        }
        Scenario solved = scene.withPrecoder(r.precoder());
        Localizer.run(solved, LocalizeOptions.DEFAULT.withTrials(20));
        double[] s = new double[runs];
        LocalizationResult last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = Localizer.run(solved, LocalizeOptions.DEFAULT.withTrials(TRIALS).withSeed(i + 1));
            s[i] = (System.nanoTime() - t0) * 1e-9;
        }
        Arrays.sort(s);
        LocalizationResult.TargetSummary t = last.targets().get(0);
        out.printf(Locale.ROOT, "benchmark: localize, %d trials, paper-003 scene (seed 1), N = 64, 8 RF chains, T = %d,"
                + " precoder %s (%s)%n", TRIALS, scene.sensing().snapshots(), DESIGN, r.status().jsonName());
        out.printf(Locale.ROOT, "search grid: %d angles x %d ranges; runs: %d (after one 20-trial warm-up)%n",
                last.region().angles(), last.region().ranges(), runs);
        out.printf(Locale.ROOT, "time per localize (s): median %.3f, min %.3f, max %.3f (target: under 10 s)%n", s[runs / 2], s[0],
                s[runs - 1]);
        out.printf(Locale.ROOT, "check: rmse_m = %.4e, peb_m = %s%n", t.rmseM(), t.pebM() == null ? "none" : String.format(Locale.ROOT, "%.4e",
                t.pebM()));
        out.println("machine: " + EvalBench.machine());
        out.flush();
    }
}
