package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fresnel.GoldenFiles;
import io.fresnel.metrics.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The randomised SDR cases of golden/fuzz (drawn by src/bench/python/solver_fuzz.py, expected status
 * and optimum from solver_reference.py's cvxopt programs) through {@code solve --out}, judged as
 * golden/solver/README.md says: status; for an optimal case the written precoder, put into the
 * original scenario, meets the power, SINR and PCRB constraints to 1e-6 and its objective lies within
 * rtol (1e-4) of the reference in both directions; an infeasible case writes nothing. The cases are
 * the fuzzer's closest calls (see golden/fuzz/README.md), so a change that loses accuracy there fails.
 */
class FuzzSolveGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() {
        List<Path> files = GoldenFiles.files("fuzz", "*.scenario.json");
        return files.stream().map(p -> p.getFileName().toString().replace(".scenario.json", ""));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fuzzCaseMatchesTheCvxoptReference(String id, @TempDir Path dir) throws Exception {
        Path folder = GoldenFiles.goldenDir().resolve("fuzz");
        Path in = folder.resolve(id + ".scenario.json");
        JsonNode expected = JSON.readTree(folder.resolve(id + ".expected.json").toFile());
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run solve = GoldenEvalTest.run("solve", in.toString(), "--out", out.toString());
        assertEquals(0, solve.status(), solve.err());
        JsonNode solver = JSON.readTree(solve.out()).get("solver");
        String status = solver.get("status").asText();
        assertEquals(expected.get("status").asText(), status, id + ": " + solve.out());
        if (status.equals("infeasible")) {
            assertFalse(Files.exists(out), id + ": an infeasible design wrote " + out);
            return;
        }
        Metrics m = SolvedPrecoderJudge.evaluateWritten(in, out);
        SolvedPrecoderJudge.assertMeetsConstraints(id, m, expected.get("constraints"));
        JsonNode objective = expected.get("objective");
        double want = objective.get("value").asDouble();
        Double got = SolvedPrecoderJudge.objective(id, m, objective.get("name").asText());
        assertNotNull(got, id + ": no " + objective.get("name").asText());
        double rel = (got - want) / Math.abs(want);
        System.out.printf("fuzz %s: %s, objective %.12e, reference %.12e, relative %+.2e, %s s%n", id, status, got,
                want, rel, solver.get("seconds"));
        assertTrue(Math.abs(rel) <= objective.get("rtol").asDouble(),
                id + ": objective " + got + " vs reference " + want + " (relative " + rel + ")");
    }
}
