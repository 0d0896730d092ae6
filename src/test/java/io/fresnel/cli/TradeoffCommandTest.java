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
     * The option limits at their exact ends. An accepted value starts the trace, which the short
     * {@code --timeout} then stops (exit 3) unless it ends first (exit 0); a rejected one exits 2
     * before anything runs.
     */
    @Test
    void theOptionLimitsAreExact(@TempDir Path dir) {
        String[][] accepted = {{"--points", "2"}, {"--refine", "0"}, {"--points", "2", "--refine", "6"}, {"--from", "1e-30"},
            {"--from", "0.5", "--to", "0.5000001"}, {"--to", "1e30"}};
        for (String[] a : accepted) {
            String[] args = concat(new String[] {"tradeoff", SCENE, "--timeout", "0.3"}, a);
            GoldenEvalTest.Run r = GoldenEvalTest.run(args);
            // accepted: the trace runs, and ends by the short timeout (3) or, on a fast machine, by itself (0)
            assertTrue(r.status() == 3 || r.status() == 0, String.join(" ", a) + ": " + r.status() + " " + r.err());
        }
        String[][] rejected = {{"--points", "1"}, {"--refine", "-1"}, {"--refine", "7"}, {"--from", "0"},
            {"--from", "-1"}, {"--from", "Infinity"}, {"--from", "NaN"}, {"--from", "9.9e-31"}, {"--to", "0"}, {"--to", "Infinity"},
            {"--to", "1.01e30"}, {"--to", "1e300"},
            {"--to", "NaN"}, {"--from", "0.5", "--to", "0.5"}, {"--from", "0.5", "--to", "0.4"}};
        for (String[] a : rejected) {
            String[] args = concat(new String[] {"tradeoff", SCENE, "--timeout", "30"}, a);
            GoldenEvalTest.Run r = GoldenEvalTest.run(args);
            assertEquals(2, r.status(), String.join(" ", a) + ": " + r.err());
            String option = a[a.length - 2];
            assertTrue(r.err().startsWith("fresnel: tradeoff: rejected: " + option + " must be"), r.err());
            assertEquals("", r.out());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
