package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden case p_solver_secure_paper001 through {@code solve}, judged as
 * golden/solver/README.md says: the precoder written to --out is put into the original
 * scenario and evaluated.
 */
class SecureSolveGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path golden(String suffix) {
        return GoldenFiles.goldenDir().resolve("solver/p_solver_secure_paper001" + suffix);
    }

    @Test
    void theSolvedPrecoderMeetsTheConstraintsAndTheReferenceObjective(@TempDir Path dir) throws Exception {
        JsonNode expected = JSON.readTree(golden(".expected.json").toFile());
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", golden(".scenario.json").toString(), "--out",
                out.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode solver = JSON.readTree(r.out()).get("solver");
        assertEquals("an-secure-pcrb", solver.get("algorithm").asText());
        assertEquals("optimal", solver.get("status").asText());

        Scenario original = ScenarioReader.readScenario(golden(".scenario.json"));
        Scenario written = ScenarioReader.readScenario(out);
        Metrics m = MetricsEvaluator.evaluate(original.withPrecoder(written.precoder()));
        JsonNode limits = expected.get("constraints");
        double pMax = limits.get("transmit_power_w_max").asDouble();
        double pcrbMax = limits.get("pcrb_upper_approx_rad2_max").asDouble();
        assertTrue(m.system().transmitPowerW() <= pMax * (1 + 1e-6), "power " + m.system().transmitPowerW());
        double pcrb = m.targets().get(0).pcrbUpperApproxRad2();
        assertTrue(pcrb <= pcrbMax * (1 + 1e-6), "pcrb_upper_approx_rad2 " + pcrb);
        double value = expected.get("objective").get("value").asDouble();
        double rtol = expected.get("objective").get("rtol").asDouble();
        double got = m.system().minSecrecyRateBpsHz();
        assertEquals(value, got, rtol * Math.abs(value), "min_secrecy_rate_bps_hz");
        System.out.printf("an-secure-pcrb golden: objective %.12f (reference %.12f, relative error %.3e),"
                + " power %.12g W, pcrb %.12g rad^2, %d streams, %s s%n", got, value, (got - value) / value,
                m.system().transmitPowerW(), pcrb, written.precoder().streams().size(), solver.get("seconds"));
    }

    @Test
    void anUnreachableThresholdIsInfeasibleExitsZeroAndWritesNothing(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(golden(".scenario.json").toFile());
        ((ObjectNode) tree.get("solver")).put("pcrb_max_rad2", 5e-6);
        Path in = dir.resolve("in.json");
        Files.writeString(in, JSON.writeValueAsString(tree));
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", in.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("infeasible", JSON.readTree(r.out()).get("solver").get("status").asText());
        assertFalse(Files.exists(out));
        assertTrue(r.err().contains("6.70366e-06"), r.err());
    }
}
