package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paper 004's figures on small arrays (4 x 4 for Fig. 3, 2 x 12 for Fig. 6) against the trends
 * the paper states (Sec. VI), every counted precoder re-evaluated by the metric code.
 */
class Paper004SweepTest {
    private final Paper004Sweep small = new Paper004Sweep(8, 2, 12);

    private static SweepOptions options(Path out, List<Double> points, List<String> schemes) {
        return new SweepOptions(out, 1, 1, schemes, points, null, 2, null, false);
    }

    @Test
    void figure3TheCrbFirstFallsThenRisesAsTheTargetMovesAway() {
        double unit = Paper004Scenes.halfDiagonal(8);
        double[] ds = {0, 0.5 * unit, 4 * unit};
        for (String design : List.of("crb-min-sdr", "isotropic", "mrt")) {
            double[] crb = new double[ds.length];
            for (int i = 0; i < ds.length; i++) {
                Scenario scene = small.scene(Paper004Sweep.FIG3, ds[i], 0, 1);
                CurveAudit.Outcome o = CurveAudit.run(scene, design, () -> false);
                assertTrue(o.usable(), design + " at d = " + ds[i] + ": " + o);
                Metrics m = MetricsEvaluator.evaluate(o.solved());
                assertTrue(m.system().transmitPowerW() <= scene.transmitPowerW() * (1 + 1e-6));
                crb[i] = m.targets().get(0).crbPositionM2();
            }
            if (!design.equals("mrt")) {
                // "the optimized CRB ... decreases dramatically ... when the target is moving further
                // away from the z-axis, the CRB tends to increase again" (also isotropic)
                assertTrue(crb[1] < crb[0] && crb[1] < crb[2], design + ": " + java.util.Arrays.toString(crb));
            }
        }
        // Prop. 5: at d = 0 the CRB-min and SINR-max (MRT) designs coincide
        double[] atZero = new double[2];
        for (int k = 0; k < 2; k++) {
            CurveAudit.Outcome o = CurveAudit.run(small.scene(Paper004Sweep.FIG3, 0, 0, 1),
                    List.of("crb-min-sdr", "mrt").get(k), () -> false);
            atZero[k] = MetricsEvaluator.evaluate(o.solved()).targets().get(0).crbPositionM2();
        }
        assertEquals(atZero[1], atZero[0], 1e-6 * atZero[1]);
    }

    @Test
    void figure6SumCrbRisesAndTheMaxMinPowersFallAsTheSinrThresholdGrows(@TempDir Path dir) throws Exception {
        List<Double> gammas = List.of(0.0, 15.0, 25.0);
        List<Path> files = small.run(6, options(dir, gammas, null), new PrintWriter(new StringWriter()));
        assertEquals(5, files.size());
        List<Map<String, String>> rows = CurveCsvFiles.read(dir.resolve("fig6.csv"));
        assertEquals(9, rows.size());
        double[] sumCrb = new double[3];
        double[] illumination = new double[3];
        double[] echo = new double[3];
        for (int i = 0; i < 3; i++) {
            double g = gammas.get(i);
            Map<String, String> crbMin = CurveCsvFiles.at(rows, g, "crb-min-sdr");
            Map<String, String> illum = CurveCsvFiles.at(rows, g, "illumination-maxmin-sdr");
            Map<String, String> echoMax = CurveCsvFiles.at(rows, g, "echo-maxmin-sdr");
            for (Map<String, String> r : List.of(crbMin, illum, echoMax)) {
                assertEquals("1", r.get("counted"), r.toString());
            }
            sumCrb[i] = CurveCsvFiles.number(crbMin, "mean_crb_position_sum_m2");
            illumination[i] = CurveCsvFiles.number(illum, "mean_min_illumination_w");
            echo[i] = CurveCsvFiles.number(echoMax, "mean_min_echo_power_w");
            // each design is the best at its own objective (all three are global optima of their SDRs)
            for (Map<String, String> r : List.of(illum, echoMax)) {
                assertTrue(sumCrb[i] <= CurveCsvFiles.number(r, "mean_crb_position_sum_m2") * (1 + 1e-6));
            }
            assertTrue(illumination[i] >= CurveCsvFiles.number(crbMin, "mean_min_illumination_w") * (1 - 1e-6));
            assertTrue(illumination[i] >= CurveCsvFiles.number(echoMax, "mean_min_illumination_w") * (1 - 1e-6));
            assertTrue(echo[i] >= CurveCsvFiles.number(crbMin, "mean_min_echo_power_w") * (1 - 1e-6));
            assertTrue(echo[i] >= CurveCsvFiles.number(illum, "mean_min_echo_power_w") * (1 - 1e-6));
        }
        for (int i = 1; i < 3; i++) {
            // "when Gamma increases, the sum-CRB degrades"; "mu ... gradually decreases"
            assertTrue(sumCrb[i] >= sumCrb[i - 1] * (1 - 1e-6), java.util.Arrays.toString(sumCrb));
            assertTrue(illumination[i] <= illumination[i - 1] * (1 + 1e-6), java.util.Arrays.toString(illumination));
            assertTrue(echo[i] <= echo[i - 1] * (1 + 1e-6), java.util.Arrays.toString(echo));
        }
        // every run's precoder meets the SINR threshold and the power as the metric code evaluates it
        for (Map<String, String> r : CurveCsvFiles.read(dir.resolve("fig6-runs.csv"))) {
            double threshold = Math.pow(10, Double.parseDouble(r.get("x")) / 10);
            assertTrue(CurveCsvFiles.number(r, "min_user_sinr") >= threshold * (1 - 1e-6), r.toString());
            assertTrue(CurveCsvFiles.number(r, "transmit_power_w") <= Paper004Scenes.POWER_W * (1 + 1e-6));
        }
        // and re-evaluated here from the scene for one point
        Scenario scene = small.scene(Paper004Sweep.FIG6, 25.0, 0, 1);
        CurveAudit.Outcome o = CurveAudit.run(scene, "crb-min-sdr", () -> false);
        for (UserMetrics u : MetricsEvaluator.evaluate(o.solved()).users()) {
            assertTrue(u.sinr() >= Math.pow(10, 2.5) * (1 - 1e-6), u.toString());
        }
    }

    @Test
    void optionsTheFiguresCannotUseAreRejectedNamingTheOption() {
        Path out = Path.of("unused");
        Paper004Sweep p = new Paper004Sweep();
        assertTrue(msg(() -> p.check(2, options(out, null, null))).contains("--figure 2"));
        assertTrue(msg(() -> p.check(3, options(out, null, List.of("echo-maxmin-sdr")))).contains("--schemes"));
        assertTrue(msg(() -> p.check(6, options(out, List.of(Double.NaN), null))).contains("--points"));
        assertTrue(msg(() -> p.check(6, new SweepOptions(out, 1, 1, null, null,
                io.fresnel.io.Presets.byFile("paper-004-elaa-crb-min-sdr.json"), 1, null, false))).contains("--base"));
        assertTrue(msg(() -> p.check(3, new SweepOptions(out, 1, 1, null, null, null, 1, null, true)))
                .contains("--monte-carlo"));
    }

    private static String msg(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void drawsMoveTheNodesByAtMostATwentiethOfDzAndDrawZeroIsThePapersGeometry() {
        Scenario d0 = Paper004Scenes.multi(2, 12, 10, 0, 3);
        Scenario d2 = Paper004Scenes.multi(2, 12, 10, 2, 3);
        double dz = Paper004Scenes.dz(2, 12, 0.05);
        assertEquals(0.75 * dz, d0.targets().get(0).positionM().z(), 1e-15);
        assertEquals(d2, Paper004Scenes.multi(2, 12, 10, 2, 3));
        for (int t = 0; t < 2; t++) {
            double moved = d2.targets().get(t).positionM().minus(d0.targets().get(t).positionM()).norm();
            assertTrue(moved > 0 && moved <= Math.sqrt(3) * dz / 20, "target " + t + ": " + moved);
        }
        Scenario c = Paper004Scenes.collocated(4, 0.01, 5, 3);
        assertEquals(c.users().get(0).positionM(), c.targets().get(0).positionM());
    }
}
