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
        assertTrue(r.err().contains("3 levels"), r.err());
        assertEquals("", r.out(), "the CSV went to the file");
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
}
