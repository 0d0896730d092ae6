package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paper 001's figures against the trends the paper states (Sec. VI) on its own set-up (the
 * preset, N_t = 8), with every counted precoder re-evaluated by the metric code.
 */
class Paper001SweepTest {

    private static SweepOptions options(Path out, List<Double> points, List<String> schemes) {
        return new SweepOptions(out, 1, 1, schemes, points, null, 2, null, false);
    }

    @Test
    void figure4SecrecyFallsAsThePcrbThresholdTightensAndAnBeatsNoAnBeatsMrt() {
        double tight = 1e-5;
        double loose = 6e-5;
        Paper001Sweep.Plan plan = Paper001Sweep.plan(4, options(Path.of("unused"), List.of(tight, loose), null));
        double[][] secrecy = new double[2][3];
        boolean[][] usable = new boolean[2][3];
        for (int xi = 0; xi < 2; xi++) {
            double gamma = plan.points().get(xi);
            for (int s = 0; s < 3; s++) {
                Scenario scene = Paper001Sweep.scenario(plan, gamma, s, 0, 1);
                CurveAudit.Outcome o = CurveAudit.run(scene, plan.designs().get(s), () -> false);
                usable[xi][s] = o.usable();
                if (!o.usable()) {
                    continue;
                }
                // re-evaluated here, independently of the audit: power and the PCRB bound (24)
                Metrics m = MetricsEvaluator.evaluate(o.solved());
                assertTrue(m.system().transmitPowerW() <= scene.transmitPowerW() * (1 + 1e-6), o.toString());
                for (TargetMetrics t : m.targets()) {
                    if (t.pcrbUpperApproxRad2() != null) {
                        assertTrue(t.pcrbUpperApproxRad2() <= gamma * (1 + 1e-6),
                                plan.designs().get(s) + " at " + gamma + ": " + t.pcrbUpperApproxRad2());
                    }
                }
                secrecy[xi][s] = m.system().minSecrecyRateBpsHz();
            }
        }
        // the proposed design is feasible at both thresholds; MRT misses the tight one (the paper:
        // "infeasible for the first five samples of Gamma") and meets the loose one
        assertTrue(usable[0][0] && usable[1][0]);
        assertTrue(usable[0][1] && usable[1][1]);
        assertFalse(usable[0][2], "MRT cannot meet Gamma = 1e-5");
        assertTrue(usable[1][2], "MRT meets Gamma = 6e-5");
        // "the secrecy rate increases as the sensing accuracy constraint becomes less stringent"
        assertTrue(secrecy[0][0] < secrecy[1][0], secrecy[0][0] + " vs " + secrecy[1][0]);
        assertTrue(secrecy[0][0] > 1, "AN keeps a positive secrecy rate: " + secrecy[0][0]);
        // AN >= no AN >= MRT, and both benchmarks "fail to achieve a non-zero secrecy rate"
        for (int xi = 0; xi < 2; xi++) {
            assertTrue(secrecy[xi][0] >= secrecy[xi][1] - 1e-6);
            assertEquals(0, secrecy[xi][1], 1e-9, "no AN at " + plan.points().get(xi));
        }
        assertTrue(secrecy[1][1] >= secrecy[1][2] - 1e-6);
        assertEquals(0, secrecy[1][2], 1e-9, "MRT");
    }

    @Test
    void figure2RisesThenFallsWithGammaAndFallsAsGammaMaxTightens(@TempDir Path dir) throws Exception {
        List<Double> gammas = List.of(0.003, 0.03, 3.0);
        List<Path> files = new Paper001Sweep().run(2, options(dir, gammas, null), new PrintWriter(new StringWriter()));
        assertEquals(List.of(dir.resolve("fig2.csv"), dir.resolve("fig2-runs.csv"), dir.resolve("fig2.png")), files);
        assertTrue(Files.size(dir.resolve("fig2.png")) > 1000);
        List<Map<String, String>> rows = CurveCsvFiles.read(dir.resolve("fig2.csv"));
        assertEquals(9, rows.size());
        List<String> curves = List.of("\u0393 = 7.00e-06 rad\u00b2", "\u0393 = 1.00e-05 rad\u00b2",
                "\u0393 = 2.68e-05 rad\u00b2");
        for (String c : curves) {
            double lo = CurveCsvFiles.number(CurveCsvFiles.at(rows, 0.003, c), "mean_secrecy_at_gamma_bps_hz");
            double mid = CurveCsvFiles.number(CurveCsvFiles.at(rows, 0.03, c), "mean_secrecy_at_gamma_bps_hz");
            double hi = CurveCsvFiles.number(CurveCsvFiles.at(rows, 3.0, c), "mean_secrecy_at_gamma_bps_hz");
            // "the secrecy rate first increases and then decreases with gamma"
            assertTrue(mid > lo && mid > hi, c + ": " + lo + ", " + mid + ", " + hi);
        }
        for (double g : gammas) {
            double previous = Double.NEGATIVE_INFINITY;
            for (String c : curves) {
                double v = CurveCsvFiles.number(CurveCsvFiles.at(rows, g, c), "mean_secrecy_at_gamma_bps_hz");
                // "as the sensing accuracy constraint becomes more stringent, the secrecy rate decreases"
                assertTrue(v > previous, c + " at gamma = " + g);
                previous = v;
            }
        }
        // every run counted, and its precoder as the metric code evaluates it meets gamma, Gamma and P
        List<Double> thresholds = List.of(7e-6, 1e-5, 2.68e-5);
        for (Map<String, String> r : CurveCsvFiles.read(dir.resolve("fig2-runs.csv"))) {
            assertEquals("true", r.get("counted"), r.toString());
            double gamma = Double.parseDouble(r.get("x"));
            assertTrue(CurveCsvFiles.number(r, "max_eve_sinr") <= gamma * (1 + 1e-6), r.toString());
            double gammaMax = thresholds.get(curves.indexOf(r.get("series")));
            assertTrue(CurveCsvFiles.number(r, "pcrb_bound_rad2") <= gammaMax * (1 + 1e-6), r.toString());
            assertTrue(CurveCsvFiles.number(r, "transmit_power_w") <= 0.1 * (1 + 1e-6), r.toString());
            // the worst-case secrecy of the precoder is at least the (P1.2) value at its gamma
            assertTrue(CurveCsvFiles.number(r, "min_secrecy_rate_bps_hz")
                    >= CurveCsvFiles.number(r, "secrecy_at_gamma_bps_hz") - 1e-6, r.toString());
        }
    }

    @Test
    void optionsTheFiguresCannotUseAreRejectedNamingTheOption() throws IOException {
        Path out = Path.of("unused");
        Paper001Sweep p = new Paper001Sweep();
        assertTrue(msg(() -> p.check(3, options(out, null, null))).contains("--figure 3"));
        assertTrue(msg(() -> p.check(4, options(out, null, List.of("mrt")))).contains("--schemes"));
        assertTrue(msg(() -> p.check(2, options(out, null, List.of("an-secure-pcrb")))).contains("--schemes"));
        assertTrue(msg(() -> p.check(4, options(out, List.of(0.0), null))).contains("--points"));
        assertTrue(msg(() -> p.check(2, options(out, List.of(1.0, 1.0), null))).contains("given twice"));
        assertTrue(msg(() -> p.check(4, new SweepOptions(out, 1, 1, null, null, null, 1, 5, false)))
                .contains("--max-iterations"));
        assertEquals(1, p.defaultDraws());
    }

    private static String msg(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void drawZeroIsTheBaseAndOtherDrawsTurnTheUserOnly() {
        Scenario base = io.fresnel.io.Presets.byFile(Paper001Sweep.PRESET);
        assertEquals(base, Paper001Sweep.drawn(base, 0, 7));
        Scenario d1 = Paper001Sweep.drawn(base, 1, 7);
        assertEquals(d1, Paper001Sweep.drawn(base, 1, 7));
        double r0 = base.users().get(0).positionM().minus(base.referencePoint()).norm();
        double r1 = d1.users().get(0).positionM().minus(base.referencePoint()).norm();
        assertEquals(r0, r1, 1e-9);
        assertFalse(base.users().get(0).positionM().equals(d1.users().get(0).positionM()));
        assertEquals(base.targets(), d1.targets());
        assertEquals(base.eavesdroppers(), d1.eavesdroppers());
    }
}
