package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A golden scenario without its precoder, with an optional solver block, written to dir. */
    private static Path scenario(Path dir, String golden, String algorithm) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(
                GoldenFiles.goldenDir().resolve("public/" + golden + ".scenario.json").toFile());
        tree.remove("precoder");
        tree.remove("solver");
        if (algorithm != null) {
            tree.putObject("solver").put("algorithm", algorithm);
        }
        Path f = dir.resolve("in.json");
        Files.writeString(f, JSON.writeValueAsString(tree));
        return f;
    }

    @Test
    void solvedFileReadsBackAndEvaluatesToThePrintedMetrics(@TempDir Path dir) throws Exception {
        Path in = scenario(dir, "p_dbg_random_n6", "zf");
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run solve = GoldenEvalTest.run("solve", in.toString(), "--out", out.toString());
        assertEquals(0, solve.status(), solve.err());
        ObjectNode printed = (ObjectNode) JSON.readTree(solve.out());
        JsonNode solver = printed.remove("solver");
        assertEquals("zf", solver.get("algorithm").asText());
        assertEquals("optimal", solver.get("status").asText());
        assertEquals(1, solver.get("iterations").asInt());
        assertTrue(solver.get("seconds").isNumber());
        assertEquals(printed.get("system").get("sum_rate_bps_hz").asDouble(), solver.get("objective").asDouble(),
                1e-12);
        Scenario solved = ScenarioReader.readScenario(out);
        assertEquals(2, solved.precoder().streams().size());
        GoldenEvalTest.Run eval = GoldenEvalTest.run("eval", out.toString());
        assertEquals(0, eval.status(), eval.err());
        assertEquals(printed, JSON.readTree(eval.out()));
    }

    @Test
    void theAlgorithmOptionOverridesTheSolverBlockAndAHybridDesignWritesFaAndFd(@TempDir Path dir)
            throws Exception {
        Path in = scenario(dir, "p003_hybrid_partial_exact", "zf");
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run solve = GoldenEvalTest.run("solve", in.toString(), "--algorithm", "two-stage-hybrid",
                "--out", out.toString());
        assertEquals(0, solve.status(), solve.err());
        assertEquals("two-stage-hybrid", JSON.readTree(solve.out()).get("solver").get("algorithm").asText());
        JsonNode written = JSON.readTree(out.toFile()).get("precoder");
        assertTrue(written.has("F_A") && written.has("F_D"), written.toString());
    }

    @Test
    void withoutOutNoFileIsWritten(@TempDir Path dir) throws Exception {
        Path in = scenario(dir, "p_dbg_mrt_n4", "mrt");
        GoldenEvalTest.Run solve = GoldenEvalTest.run("solve", in.toString());
        assertEquals(0, solve.status(), solve.err());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void anUnknownAlgorithmIsARejectedInput(@TempDir Path dir) throws Exception {
        Path in = scenario(dir, "p_dbg_mrt_n4", null);
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", in.toString(), "--algorithm", "magic");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("magic") && r.err().contains("mrt"), r.err());
    }

    @Test
    void aScenarioWithoutASolverBlockNeedsTheAlgorithmOption(@TempDir Path dir) throws Exception {
        Path in = scenario(dir, "p_dbg_mrt_n4", null);
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", in.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--algorithm"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anInputTheDesignCannotHandleIsARejectedInputAndWritesNothing(@TempDir Path dir) throws Exception {
        Path in = scenario(dir, "p_dbg_isotropic_n4", "zf");
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", in.toString(), "--out", out.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no users"), r.err());
        assertFalse(Files.exists(out));
    }

    /**
     * A design that ends without a precoder (an unreachable rate requirement): exit 0, the metrics of
     * the scenario without a precoder with the solver's status, the reason on stderr, no file.
     */
    @Test
    void aDesignWithoutAPrecoderPrintsItsStatusAndWritesNoFile(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(
                GoldenFiles.goldenDir().resolve("solver/p_solver_crb_2d_n8.scenario.json").toFile());
        ((ObjectNode) tree.get("users").get(0)).put("min_rate_bps_hz", 40.0);
        String algorithm = tree.get("solver").get("algorithm").asText();
        Path in = dir.resolve("in.json");
        Files.writeString(in, JSON.writeValueAsString(tree));
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", in.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode printed = JSON.readTree(r.out());
        assertEquals("infeasible", printed.get("solver").get("status").asText());
        assertEquals(0, printed.get("system").size(), "no precoder: no system metrics");
        assertTrue(r.err().startsWith("fresnel: " + in + ": " + algorithm + " ended infeasible: "), r.err());
        assertTrue(r.err().strip().endsWith("; no precoder designed, " + out + " not written"), r.err());
        assertFalse(Files.exists(out));
        GoldenEvalTest.Run noOut = GoldenEvalTest.run("solve", in.toString());
        assertEquals(0, noOut.status(), noOut.err());
        assertTrue(noOut.err().strip().endsWith("; no precoder designed"), noOut.err());
        // an --out that cannot be written is rejected before the design, even one that would write nothing
        GoldenEvalTest.Run unwritable = GoldenEvalTest.run("solve", in.toString(), "--out",
                dir.resolve("missing/solved.json").toString());
        assertEquals(2, unwritable.status(), unwritable.err());
        assertEquals("", unwritable.out());
    }

    @Test
    void anOutInAMissingFolderIsRejectedBeforeTheDesignRuns(@TempDir Path dir) throws Exception {
        Path in = scenario(dir, "p_dbg_mrt_n4", "mrt");
        Path out = dir.resolve("missing/solved.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", in.toString(), "--out", out.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("fresnel: " + in + ": rejected: --out: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out));
    }

    /** A clean solve says nothing on stderr and prints exactly one JSON document. */
    @Test
    void aCleanSolveIsQuietOnStderr(@TempDir Path dir) throws Exception {
        Path in = scenario(dir, "p_dbg_mrt_n4", "mrt");
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", in.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertEquals("mrt", JSON.readTree(r.out()).get("solver").get("algorithm").asText());
        assertTrue(r.out().endsWith("}" + System.lineSeparator()) || r.out().endsWith("}\n"), r.out());
    }
}
