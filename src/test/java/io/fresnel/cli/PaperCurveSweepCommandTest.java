package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --paper 001|004}: the files of a run, and bad options (exit 2, one line, no file). */
class PaperCurveSweepCommandTest {

    @Test
    void paper001Figure4WritesTheSummaryTheAuditAndTheChart(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("figs");
        // MRT only: closed form, so the command runs in a fraction of a second
        GoldenEvalTest.Run r = GoldenEvalTest.run("sweep", "--paper", "1", "--figure", "4", "--schemes",
                "an-secure-pcrb-mrt", "--points", "2e-5,6e-5", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> summary = Files.readAllLines(out.resolve("fig4.csv"));
        assertEquals(3, summary.size());
        assertTrue(summary.get(0).startsWith("figure,x_name,x,series,draws,counted,mean_min_secrecy_rate_bps_hz,"),
                summary.get(0));
        // MRT misses Gamma = 2e-5 (not counted, no value) and meets 6e-5
        assertTrue(summary.get(1).startsWith("4,pcrb_max_rad2,2.0E-5,an-secure-pcrb-mrt,1,0,,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("4,pcrb_max_rad2,6.0E-5,an-secure-pcrb-mrt,1,1,0.0,"), summary.get(2));
        List<String> runs = Files.readAllLines(out.resolve("fig4-runs.csv"));
        assertEquals(3, runs.size());
        assertTrue(runs.get(1).contains(",infeasible,false,"), runs.get(1));
        BufferedImage png = ImageIO.read(out.resolve("fig4.png").toFile());
        assertEquals(900, png.getWidth());
        assertTrue(r.out().contains("wrote " + out.resolve("fig4-runs.csv")), r.out());
        assertTrue(r.err().contains("[2/2]"), r.err());
    }

    private static void assertRejected(Path dir, String cause, String... options) {
        Path out = dir.resolve("out");
        String[] args = Stream.concat(Stream.of("sweep", "--out", out.toString()), Stream.of(options))
                .toArray(String[]::new);
        GoldenEvalTest.Run r = GoldenEvalTest.run(args);
        assertEquals(2, r.status(), String.join(" ", options) + ": " + r.err());
        assertTrue(r.err().contains(cause), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(out), "nothing is written for a rejected input");
    }

    @Test
    void badOptionsExitTwoWithOneLineAndWriteNothing(@TempDir Path dir) {
        assertRejected(dir, "--figure 3: paper 001 has figures 2", "--paper", "001", "--figure", "3");
        assertRejected(dir, "--figure 2: paper 004 has figures 3", "--paper", "004", "--figure", "2");
        assertRejected(dir, "--paper 005: no figures for that paper", "--paper", "5", "--figure", "2");
        assertRejected(dir, "--schemes: figure 4 compares", "--paper", "001", "--figure", "4", "--schemes", "mrt");
        assertRejected(dir, "--schemes: figure 2 plots an-secure-pcrb", "--paper", "001", "--figure", "2",
                "--schemes", "an-secure-pcrb");
        assertRejected(dir, "--points: the PCRB threshold", "--paper", "001", "--figure", "4", "--points", "-1e-5");
        assertRejected(dir, "--points: the SINR threshold", "--paper", "004", "--figure", "6", "--points", "1e9");
        assertRejected(dir, "--schemes: figure 6 compares", "--paper", "004", "--figure", "6", "--schemes", "mrt");
        assertRejected(dir, "--monte-carlo", "--paper", "004", "--figure", "3", "--monte-carlo");
        assertRejected(dir, "--max-iterations", "--paper", "001", "--figure", "2", "--max-iterations", "5");
        assertRejected(dir, "--draws must be at least 1", "--paper", "004", "--figure", "3", "--draws", "0");
    }

    @Test
    void aBaseScenarioRefusedOnlyWhenTheFigureRunsExitsTwoAndWritesNoFile(@TempDir Path dir) throws IOException {
        // papers 002 and 003 check their options when the figure runs (PaperSweep.check's default accepts all):
        // their figures build their own set-ups, so a --base scenario is refused there, after the output folder
        // was created; the command must still answer 2 with one line naming --base, write no file and remove
        // the folder it created; a folder that existed before stays
        String base = io.fresnel.sweep.SweepScenarios.smallBaseFile().toString();
        String[][] cases = {{"002", "2", "--base: paper 002's figures use the paper's set-up"},
            {"003", "2", "--base: paper 003 figures draw their own scenes"}};
        for (String[] c : cases) {
            Path out = dir.resolve("out" + c[0]);
            GoldenEvalTest.Run r = GoldenEvalTest.run("sweep", "--paper", c[0], "--figure", c[1], "--base", base,
                    "--out", out.toString());
            assertEquals(2, r.status(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[2]), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(Files.exists(out), "the folder the command created is removed");
        }
        Path existing = Files.createDirectories(dir.resolve("existing"));
        GoldenEvalTest.Run r = GoldenEvalTest.run("sweep", "--paper", "003", "--figure", "2", "--base", base,
                "--out", existing.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(Files.isDirectory(existing), "a folder given by the user stays");
        try (Stream<Path> files = Files.list(existing)) {
            assertEquals(List.of(), files.toList(), "no file is written");
        }
    }
}
