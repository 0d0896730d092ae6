package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.BenchPlan;
import io.fresnel.bench.BenchPlan.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code fresnel bench}'s options: which benchmark runs, with how many warm-ups and runs, and the
 * rejected counts. The benchmarks themselves (io.fresnel.bench) are measurements; only the cheapest,
 * one {@code eval} of the 256-element scenario, is run here, to check the wiring and its output.
 */
class BenchCommandTest {

    private static BenchPlan plan(String... args) {
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.parseArgs(args);
        return ((BenchCommand) cl.getCommand()).plan();
    }

    private static void assertPlan(Kind kind, int warmup, int runs, BenchPlan plan) {
        assertEquals(kind, plan.kind(), plan.toString());
        assertEquals(warmup, plan.warmup(), "warm-ups of " + plan);
        assertEquals(runs, plan.runs(), "runs of " + plan);
    }

    @Test
    void withoutAnOptionItTimesEvalWithThirtyWarmUpsAndAHundredRuns() {
        assertPlan(Kind.EVAL, 30, 100, plan());
        assertPlan(Kind.EVAL, 0, 1, plan("--warmup", "0", "--runs", "1"));
        assertPlan(Kind.HEATMAP, 7, 9, plan("--heatmap", "--warmup", "7", "--runs", "9"));
    }

    @Test
    void sdrAndSliceDivideTheCountsByTenButRunAtLeastOnce() {
        assertPlan(Kind.SDR, 3, 10, plan("--sdr"));
        assertPlan(Kind.SDR, 2, 4, plan("--sdr", "--warmup", "29", "--runs", "40"));
        assertPlan(Kind.SDR, 1, 1, plan("--sdr", "--warmup", "0", "--runs", "9"));
        assertPlan(Kind.SLICE, 3, 10, plan("--slice"));
        assertPlan(Kind.SLICE, 2, 4, plan("--slice", "--warmup", "20", "--runs", "49"));
        assertPlan(Kind.SLICE, 1, 1, plan("--slice", "--warmup", "9", "--runs", "1"));
    }

    @Test
    void secureCountsWholeDesignsWithItsOwnDefaults() {
        assertPlan(Kind.SECURE, 1, 5, plan("--secure"));
        assertPlan(Kind.SECURE, 0, 5, plan("--secure", "--warmup", "0"));
        assertPlan(Kind.SECURE, 1, 2, plan("--secure", "--runs", "2"));
        assertPlan(Kind.SECURE, 4, 8, plan("--secure", "--runs", "8", "--warmup", "4"));
    }

    @Test
    void cvxoptAndLocalizeDefaultToThreeRuns() {
        assertPlan(Kind.VS_CVXOPT, 1, 3, plan("--vs-cvxopt"));
        assertPlan(Kind.VS_CVXOPT, 10, 3, plan("--vs-cvxopt", "--warmup", "10"));
        assertPlan(Kind.VS_CVXOPT, 1, 6, plan("--vs-cvxopt", "--runs", "6"));
        assertPlan(Kind.LOCALIZE, 30, 3, plan("--localize"));
        assertPlan(Kind.LOCALIZE, 30, 1, plan("--localize", "--runs", "1"));
        BenchPlan paths = plan("--vs-cvxopt", "--cvxopt-scripts", "elsewhere", "--python", "py3");
        assertEquals(Path.of("elsewhere"), paths.cvxoptScripts());
        assertEquals("py3", paths.python());
        BenchPlan defaults = plan("--vs-cvxopt");
        assertEquals(Path.of("src/bench/python"), defaults.cvxoptScripts());
        assertEquals("/usr/bin/python3", defaults.python());
    }

    @Test
    void theOtherBenchmarksTakeTheCountsAsGiven() {
        assertPlan(Kind.STOCHASTIC, 30, 100, plan("--stochastic"));
        assertPlan(Kind.SPEB, 2, 3, plan("--speb", "--warmup", "2", "--runs", "3"));
        assertPlan(Kind.RSMA, 30, 100, plan("--rsma"));
    }

    /** The first option in the documented order wins when several are given. */
    @Test
    void theFirstOptionInTheDocumentedOrderWins() {
        String[] order = {"--sdr", "--secure", "--vs-cvxopt", "--stochastic", "--localize", "--speb", "--rsma",
            "--slice", "--heatmap"};
        Kind[] kinds = {Kind.SDR, Kind.SECURE, Kind.VS_CVXOPT, Kind.STOCHASTIC, Kind.LOCALIZE, Kind.SPEB, Kind.RSMA,
            Kind.SLICE, Kind.HEATMAP};
        for (int i = 0; i < order.length; i++) {
            String[] args = java.util.Arrays.copyOfRange(order, i, order.length);
            assertEquals(kinds[i], plan(args).kind(), String.join(" ", args));
            assertEquals(kinds[i], plan(order[i]).kind(), order[i] + " alone");
        }
    }

    @Test
    void countsBelowTheirLimitsAreRejectedNamingTheOption() {
        GoldenEvalTest.Run runs = GoldenEvalTest.run("bench", "--runs", "0");
        assertEquals(2, runs.status(), runs.err());
        assertEquals("fresnel: bench: rejected: --runs must be at least 1 (got 0)", runs.err().strip());
        assertTrue(runs.out().isEmpty(), runs.out());
        GoldenEvalTest.Run warm = GoldenEvalTest.run("bench", "--sdr", "--warmup", "-1");
        assertEquals(2, warm.status(), warm.err());
        assertEquals("fresnel: bench: rejected: --warmup must be at least 0 (got -1)", warm.err().strip());
        GoldenEvalTest.Run warmZero = GoldenEvalTest.run("bench", "--runs", "1", "--warmup", "0");
        assertEquals(0, warmZero.status(), warmZero.err());
    }

    /** One timed evaluation through the whole command line: exit 0 and the report's lines. */
    @Test
    void oneEvalRunPrintsItsReport() {
        GoldenEvalTest.Run r = GoldenEvalTest.run("bench", "--warmup", "0", "--runs", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().isEmpty(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(5, lines.length, r.out());
        assertTrue(lines[0].startsWith("benchmark: eval, N = 256 ULA"), lines[0]);
        assertEquals("runs: 1 (after 0 warm-up)", lines[1].strip());
        assertTrue(lines[2].startsWith("time per eval (ms): median "), lines[2]);
        assertTrue(lines[3].matches("check: crb_position_sum_m2 = \\d\\.\\d{6}e[-+]\\d+\\s*"), lines[3]);
        assertTrue(lines[4].startsWith("machine: ") && lines[4].contains(" cores, "), lines[4]);
    }

    /** A cvxopt script that cannot run: the reason on stdout (the report's stream) and exit 2. */
    @Test
    void aMissingCvxoptScriptIsExitTwo(@org.junit.jupiter.api.io.TempDir Path dir) {
        GoldenEvalTest.Run r = GoldenEvalTest.run("bench", "--vs-cvxopt", "--cvxopt-scripts", dir.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.out().contains("cvxopt script not found: " + dir.resolve("crb_sdr_cvxopt.py")), r.out());
    }
}
