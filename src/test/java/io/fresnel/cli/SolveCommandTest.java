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
}
