package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalizeCommandTest {

    @Test
    void printsRmseBiasAndPebAndWritesEveryTrial(@TempDir Path dir) throws Exception {
        Path scene = dir.resolve("scene.json");
        assertEquals(0, GoldenEvalTest.run("scene", "--seed", "2", "--elements", "16", "--algorithm", "mrt", "--out",
                scene.toString()).status());
        Path csv = dir.resolve("est.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("localize", scene.toString(), "--trials", "6", "--seed", "3",
                "--csv", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("designed one with its solver block (mrt"), r.err());
        JsonNode t = new ObjectMapper().readTree(r.out()).get("targets").get("t1");
        assertTrue(t.get("rmse_m").asDouble() > 0);
        assertTrue(t.get("bias_m").asDouble() <= t.get("rmse_m").asDouble() + 1e-12, "bias <= RMSE");
        assertTrue(t.get("peb_m").asDouble() > 0);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(LocalizeCommand.CSV_HEADER, lines.get(0));
        assertEquals(7, lines.size());
        double seconds = new ObjectMapper().readTree(r.out()).get("seconds").asDouble();
        assertTrue(seconds > 0 && seconds < 600, "the run's wall time in s: " + seconds);
        Path unwritable = dir.resolve("missing/est.csv");
        GoldenEvalTest.Run bad = GoldenEvalTest.run("localize", scene.toString(), "--trials", "6", "--csv",
                unwritable.toString());
        assertEquals(2, bad.status(), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), "rejected before the design: " + bad.err());
        assertTrue(bad.err().startsWith("fresnel: localize: rejected: --csv: cannot write "), bad.err());
        GoldenEvalTest.Run again = GoldenEvalTest.run("localize", scene.toString(), "--trials", "6", "--seed", "3");
        assertEquals(new ObjectMapper().readTree(r.out()).get("targets"),
                new ObjectMapper().readTree(again.out()).get("targets"), "seeded");
    }

    @Test
    void badInputExitsTwoNamingTheField(@TempDir Path dir) throws Exception {
        Path scene = dir.resolve("scene.json");
        assertEquals(0, GoldenEvalTest.run("scene", "--elements", "16", "--algorithm", "mrt", "--out",
                scene.toString()).status());
        Path csv = dir.resolve("est.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("localize", scene.toString(), "--trials", "0", "--csv",
                csv.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--trials"), r.err());
        r = GoldenEvalTest.run("localize", scene.toString(), "--range-min", "3", "--range-max", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--range-max"), r.err());
        Path bare = dir.resolve("bare.json");
        Files.writeString(bare, Files.readString(scene).replace("\"solver\"", "\"unused\""));
        r = GoldenEvalTest.run("localize", bare.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("precoder"), r.err());
        assertFalse(Files.exists(csv));
    }
}
