package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.sweep.SweepScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose solve is not counted. Paper 004's SDR design {@code crb-min-sdr} is fully digital
 * and the small base scenario is {@code hybrid-full} (its {@code architecture} block), so the
 * design rejects the draw at once: the sweep still ends with exit 0 and its files, the progress
 * line says "not counted" with the design's reason, and the summary shows "-" for the mean with
 * 0 of 1 draws counted and the status marked "(not counted)".
 */
class SweepNotCountedTest {

    @Test
    void aSolveThatIsNotCountedShowsItsReasonAndNoMean(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("figs");
        GoldenEvalTest.Run r = GoldenEvalTest.run("sweep", "--figure", "3", "--base",
                SweepScenarios.smallBaseFile().toString(), "--schemes", "crb-min-sdr", "--draws", "1", "--points", "1",
                "--threads", "1", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> progress = r.err().lines().filter(l -> l.startsWith("fresnel: sweep: [")).toList();
        assertEquals(1, progress.size(), r.err());
        assertTrue(progress.get(0).matches("fresnel: sweep: \\[1/1] crb-min-sdr users = 1, draw 0: rejected, not counted"
                + " \\(\\d+\\.\\d{2} s\\): crb-min-sdr: .*fully digital.*hybrid-full.*"), progress.get(0));
        String row = String.format(Locale.ROOT, "%-24s %22s", "1", "- [0/1]");
        assertTrue(r.out().lines().anyMatch(l -> l.equals(row)), row + " in " + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("1 solves in \\d+\\.\\d s: \\{rejected \\(not counted\\)=1}")),
                r.out());
        List<String> summary = Files.readAllLines(out.resolve("fig3.csv"));
        assertTrue(summary.get(1).startsWith("3,users,1,crb-min-sdr,1,0,,"), summary.get(1));
    }
}
