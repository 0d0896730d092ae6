package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.tradeoff.TradeoffCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeoffCommandTest {
    private static final String SCENE = "src/test/resources/io/fresnel/tradeoff/sdr-two-users.scenario.json";

    @Test
    void writesTheSumCrbFrontAsCsvWithEveryLevel(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("front.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("tradeoff", SCENE, "--points", "3", "--refine", "0", "--out",
                csv.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(TradeoffCsv.HEADER, lines.get(0));
        assertEquals(4, lines.size(), "three levels");
        assertTrue(lines.get(1).startsWith("sum-crb-vs-sinr,crb-min-sdr,"), lines.get(1));
        assertTrue(lines.get(3).contains(",infeasible,"), "the top level is kept as infeasible: " + lines.get(3));
        assertTrue(r.err().contains("coarse pass done (3 levels), refining") == false, "no refinement pass: " + r.err());
        assertTrue(r.err().strip().endsWith("fresnel: tradeoff: sum-crb-vs-sinr with crb-min-sdr: 3 levels, 2 feasible"
                + " (0 dominated), 1 not feasible"), r.err());
        assertEquals("", r.out(), "the CSV went to the file");
    }

    @Test
    void withoutOutTheCsvGoesToStandardOutput(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("front.csv");
        GoldenEvalTest.Run file = GoldenEvalTest.run("tradeoff", SCENE, "--points", "3", "--refine", "0", "--out",
                csv.toString());
        assertEquals(0, file.status(), file.err());
        GoldenEvalTest.Run r = GoldenEvalTest.run("tradeoff", SCENE, "--points", "3", "--refine", "0");
        assertEquals(0, r.status(), r.err());
        // the same deterministic trace: stdout holds the file's CSV (all but the run times), the summary
        // stays on stderr
        List<String> written = Files.readAllLines(csv);
        List<String> printed = r.out().lines().toList();
        assertEquals(TradeoffCsv.HEADER, printed.get(0));
        assertEquals(written.size(), printed.size(), r.out());
        int seconds = List.of(TradeoffCsv.HEADER.split(",")).indexOf("seconds");
        for (int i = 0; i < written.size(); i++) {
            List<String> a = new java.util.ArrayList<>(List.of(written.get(i).split(",", -1)));
            List<String> b = new java.util.ArrayList<>(List.of(printed.get(i).split(",", -1)));
            a.remove(seconds);
            b.remove(seconds);
            assertEquals(a, b, "row " + i);
        }
        assertTrue(r.err().contains("3 levels, 2 feasible"), r.err());
    }

    @Test
    void aRefinedTraceSaysWhenItsCoarsePassIsDone(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("front.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("tradeoff", SCENE, "--points", "3", "--refine", "1", "--out",
                csv.toString());
        assertEquals(0, r.status(), r.err());
        List<String> err = r.err().lines().toList();
        assertEquals("fresnel: tradeoff: coarse pass done (3 levels), refining", err.get(0), r.err());
        // the refinement round adds levels to the three coarse ones
        assertTrue(Files.readAllLines(csv).size() - 1 > 3, "the refinement added levels");
    }

    @Test
    void badInputExitsTwoNamingTheOptionAndWritesNothing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("front.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("tradeoff", SCENE, "--points", "1", "--out", csv.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--points"), r.err());
        r = GoldenEvalTest.run("tradeoff", SCENE, "--from", "10", "--to", "1", "--out", csv.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--to"), r.err());
        r = GoldenEvalTest.run("tradeoff", SCENE, "--front", "secrecy-vs-pcrb", "--out", csv.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("not offered"), r.err());
        r = GoldenEvalTest.run("tradeoff", SCENE, "--front", "pareto");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown tradeoff"), r.err());
        r = GoldenEvalTest.run("tradeoff", SCENE, "--out", dir.resolve("missing/front.csv").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--out"), r.err());
        assertFalse(Files.exists(csv));
    }

    /**
     * The option limits at their exact ends. Acceptance is seen without tracing a front and without
     * depending on timing: every run gets an {@code --out} in a missing folder, which is checked
     * right after the options, so an accepted value gets the {@code --out} message and a rejected
     * one its own option's message, each with exit 2 and nothing on stdout.
     */
    @Test
    void theOptionLimitsAreExact(@TempDir Path dir) {
        String missing = dir.resolve("missing/front.csv").toString();
        String[][] accepted = {{"--points", "2"}, {"--refine", "0"}, {"--points", "2", "--refine", "6"}, {"--from", "1e-30"},
            {"--from", "0.5", "--to", "0.5000001"}, {"--to", "1e30"}};
        for (String[] a : accepted) {
            GoldenEvalTest.Run r = GoldenEvalTest.run(concat(new String[] {"tradeoff", SCENE, "--out", missing}, a));
            assertEquals(2, r.status(), String.join(" ", a) + ": " + r.err());
            assertTrue(r.err().startsWith("fresnel: tradeoff: rejected: --out: cannot write " + missing),
                    String.join(" ", a) + " passes the option checks: " + r.err());
            assertEquals("", r.out());
        }
        String[][] rejected = {{"--points", "1"}, {"--refine", "-1"}, {"--refine", "7"}, {"--from", "0"},
            {"--from", "-1"}, {"--from", "Infinity"}, {"--from", "NaN"}, {"--from", "9.9e-31"}, {"--to", "0"}, {"--to", "Infinity"},
            {"--to", "1.01e30"}, {"--to", "1e300"},
            {"--to", "NaN"}, {"--from", "0.5", "--to", "0.5"}, {"--from", "0.5", "--to", "0.4"}};
        for (String[] a : rejected) {
            GoldenEvalTest.Run r = GoldenEvalTest.run(concat(new String[] {"tradeoff", SCENE, "--out", missing}, a));
            assertEquals(2, r.status(), String.join(" ", a) + ": " + r.err());
            String option = a[a.length - 2];
            assertTrue(r.err().startsWith("fresnel: tradeoff: rejected: " + option + " must be"), r.err());
            assertEquals("", r.out());
        }
    }

    /**
     * A level the options accept but the scene's default range does not: the tracer rejects it
     * before any design, and the command passes its message on with exit 2 (one line, naming the
     * scene file and the front). The SINR front's default top is the smallest single-user bound
     * Gamma_u = P ||h_u||^2 / sigma_u^2 (paper 004 section V-A), by hand for this scene (N = 12
     * elements at spacing d along y, |h_un| = lambda / (4 pi r_un), P = 0.1 W, sigma^2 = 1e-10 W):
     * 86935 for u1 and 60025 for u2, so the top is 6.0e4 and the bottom, 30 dB below, 60.0.
     * {@code --from 1e6} lies above that top and {@code --to 1e-3} below that bottom.
     */
    @Test
    void aLevelOutsideTheScenesDefaultRangeIsRejectedByTheTracer(@TempDir Path dir) {
        Path csv = dir.resolve("front.csv");
        double lambda = 299_792_458.0 / 28e9;
        double top = Double.POSITIVE_INFINITY;
        for (double[] u : new double[][] {{0.3, 0.1}, {0.35, -0.15}}) {
            double h2 = 0;
            for (int n = 0; n < 12; n++) {
                double y = (n - 5.5) * 0.00535343675;
                double amplitude = lambda / (4 * Math.PI * Math.hypot(u[0], u[1] - y));
                h2 += amplitude * amplitude;
            }
            top = Math.min(top, 0.1 * h2 / 1e-10);
        }
        String prefix = "fresnel: tradeoff: rejected: " + SCENE + ": sum-crb-vs-sinr: the highest level must exceed"
                + " the lowest (got ";
        GoldenEvalTest.Run r = GoldenEvalTest.run("tradeoff", SCENE, "--from", "1e6", "--out", csv.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith(prefix + "1000000.0 .. "), r.err());
        double hi = Double.parseDouble(r.err().strip().substring((prefix + "1000000.0 .. ").length()).replace(")", ""));
        assertEquals(top, hi, 1e-6 * top, "the default top is the smallest single-user bound");
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(csv));

        r = GoldenEvalTest.run("tradeoff", SCENE, "--to", "1e-3", "--out", csv.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith(prefix), r.err());
        assertTrue(r.err().strip().endsWith(" .. 0.001)"), r.err());
        double lo = Double.parseDouble(r.err().substring(prefix.length(), r.err().indexOf(" .. ")));
        assertEquals(top * 1e-3, lo, 1e-6 * top * 1e-3, "the default bottom is 30 dB below the top");
        assertEquals("", r.out());
        assertFalse(Files.exists(csv));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
