package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads a scenario file rejects one it cannot read with exit 2, one line on
 * stderr naming the file, nothing on stdout and no file written, also under {@code --timeout}
 * (where the command's own status must come through the deadline's worker thread).
 */
class UnreadableInputTest {

    private static void assertRejected(Path bad, Path out, GoldenEvalTest.Run r) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(bad.toString()), r.err());
        assertEquals("", r.out());
        if (out != null) {
            assertFalse(Files.exists(out), out + " was written");
        }
    }

    @Test
    void everyCommandRejectsAFileItCannotRead(@TempDir Path dir) throws Exception {
        Path bad = GoldenFiles.goldenDir().resolve("bad/truncated_json.json");
        Path out = dir.resolve("out.json");
        assertRejected(bad, null, GoldenEvalTest.run("eval", bad.toString()));
        assertRejected(bad, null, GoldenEvalTest.run("eval", bad.toString(), "--timeout", "30"));
        assertRejected(bad, out, GoldenEvalTest.run("solve", bad.toString(), "--algorithm", "mrt", "--out",
                out.toString()));
        Path png = dir.resolve("map.png");
        assertRejected(bad, png, GoldenEvalTest.run("render", bad.toString(), "--layer", "beampattern", "--grid",
                "9x7", "--extent", "1,20,-10,10", "--out", png.toString()));
        Path csv = dir.resolve("est.csv");
        assertRejected(bad, csv, GoldenEvalTest.run("localize", bad.toString(), "--csv", csv.toString()));
        assertRejected(bad, csv, GoldenEvalTest.run("tradeoff", bad.toString(), "--out", csv.toString()));
        Path figs = dir.resolve("figs");
        assertRejected(bad, figs, GoldenEvalTest.run("sweep", "--figure", "2", "--base", bad.toString(), "--out",
                figs.toString()));
        assertRejected(bad, figs, GoldenEvalTest.run("sweep", "--paper", "001", "--figure", "2", "--base",
                bad.toString(), "--out", figs.toString()));
    }

    @Test
    void sweepRejectsABadPaperAndAnOutputItCannotCreate(@TempDir Path dir) throws Exception {
        Path figs = dir.resolve("figs");
        GoldenEvalTest.Run paper = GoldenEvalTest.run("sweep", "--paper", "x1", "--figure", "2", "--out",
                figs.toString());
        assertEquals(2, paper.status(), paper.err());
        assertTrue(paper.err().startsWith("fresnel: sweep: rejected: --paper must be a paper number"), paper.err());
        // the default base (the paper-000 preset) is loaded and then the draws are checked against it
        GoldenEvalTest.Run draws = GoldenEvalTest.run("sweep", "--figure", "2", "--draws", "0", "--out",
                figs.toString());
        assertEquals(2, draws.status(), draws.err());
        assertTrue(draws.err().contains("draws must be at least 1"), draws.err());
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        for (String[] args : new String[][] {{"sweep", "--figure", "2", "--draws", "1", "--schemes", "mrt"},
            {"sweep", "--paper", "001", "--figure", "2"}}) {
            String[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--out";
            all[args.length + 1] = file.toString();
            GoldenEvalTest.Run notDir = GoldenEvalTest.run(all);
            assertEquals(2, notDir.status(), notDir.err());
            assertTrue(notDir.err().contains("--out " + file + " exists and is not a directory"), notDir.err());
        }
        assertFalse(Files.exists(figs));
        assertEquals("x", Files.readString(file));
    }
}
