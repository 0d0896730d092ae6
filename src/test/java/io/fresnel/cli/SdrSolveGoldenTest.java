package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.metrics.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDR golden cases of golden/solver through {@code solve --out}, judged as golden/solver/README.md says:
 * the written precoder is put into the original scenario and evaluated by the metric code.
 */
class SdrSolveGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"p_solver_crb_2d_n8", "p_solver_illum_2d_n12"})
    void goldenCaseMeetsItsConstraintsAndObjective(String id, @TempDir Path dir) throws Exception {
        Path solverDir = GoldenFiles.goldenDir().resolve("solver");
        Path in = solverDir.resolve(id + ".scenario.json");
        JsonNode expected = JSON.readTree(solverDir.resolve(id + ".expected.json").toFile());
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run solve = GoldenEvalTest.run("solve", in.toString(), "--out", out.toString());
        assertEquals(0, solve.status(), solve.err());
        JsonNode solver = JSON.readTree(solve.out()).get("solver");
        String status = solver.get("status").asText();
        assertEquals("optimal", status, solve.out());
        assertTrue(solver.get("iterations").asInt() > 1, solver.toString());

        Metrics m = SolvedPrecoderJudge.evaluateWritten(in, out);
        SolvedPrecoderJudge.assertMeetsConstraints(id, m, expected.get("constraints"));
        double want = expected.get("objective").get("value").asDouble();
        double got = SolvedPrecoderJudge.objective(id, m, expected.get("objective").get("name").asText());
        double rel = Math.abs(got - want) / Math.abs(want);
        System.out.printf("golden %s: %s, objective %.12e, expected %.12e, relative error %.2e, %d iterations%n", id,
                status, got, want, rel, solver.get("iterations").asInt());
        assertTrue(rel <= 1e-4, id + ": objective " + got + " vs expected " + want + " (relative " + rel + ")");
        assertEquals(got, solver.get("objective").asDouble(), 1e-9 * Math.abs(got));
    }

    @Test
    void anInfeasibleRequirementPrintsInfeasibleAndWritesNothing(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(
                GoldenFiles.goldenDir().resolve("solver/p_solver_crb_2d_n8.scenario.json").toFile());
        ((ObjectNode) tree.get("users").get(0)).put("min_rate_bps_hz", 40.0);
        Path in = dir.resolve("in.json");
        Files.writeString(in, JSON.writeValueAsString(tree));
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run solve = GoldenEvalTest.run("solve", in.toString(), "--out", out.toString());
        assertEquals(0, solve.status(), solve.err());
        assertEquals("infeasible", JSON.readTree(solve.out()).get("solver").get("status").asText());
        assertFalse(Files.exists(out));
    }
}
