package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpebSweepTest {

    private static SweepOptions options(Path dir, int draws, List<String> schemes, List<Double> points) {
        return new SweepOptions(dir, draws, 3, schemes, points, null, 2, null, false);
    }

    @Test
    void aFigureWritesItsSummaryAuditAndChart(@TempDir Path dir) throws Exception {
        StringWriter log = new StringWriter();
        List<Path> files = new SpebSweep().run(3, options(dir, 2, List.of("two-stage-hybrid:4", "mrt:4"),
                List.of(30.0)), new PrintWriter(log));
        assertEquals(List.of(dir.resolve("fig3.csv"), dir.resolve("fig3-runs.csv"), dir.resolve("fig3.png"),
                dir.resolve("fig3.svg"), dir.resolve("fig3.pdf")), files);
        List<String> summary = Files.readAllLines(dir.resolve("fig3.csv"));
        assertEquals(SpebCsv.SUMMARY_HEADER, summary.get(0));
        assertEquals(3, summary.size(), "one row per x and series");
        List<String> runs = Files.readAllLines(dir.resolve("fig3-runs.csv"));
        assertEquals(SpebCsv.RUNS_HEADER, runs.get(0));
        assertEquals(5, runs.size(), "one row per x, series and draw");
        assertTrue(summary.get(1).contains("two-stage-hybrid"));
        assertNotNull(ImageIO.read(dir.resolve("fig3.png").toFile()));
        assertTrue(Files.readString(dir.resolve("fig3.svg")).contains(">Paper 003 Fig. 3"), "the SVG's title is text");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("fig3.pdf")
                .toFile())) {
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).contains("Paper 003 Fig. 3"));
            assertTrue(pdf.getDocumentInformation().getCreator().startsWith("Fresnel "));
        }
        assertTrue(log.toString().contains("[4/4]"), log.toString());
    }

    @Test
    void theMeansAreOverCountedRunsAndThePebIsTheRootOfTheMeanSpeb() {
        SpebSeries s = new SpebSeries("mrt", 4, null);
        List<SpebRun> runs = List.of(
                new SpebRun(1, s, 0, 7, "optimal", true, 1, 0.5, 0.04, 0.09, 0.1, 10.0, 4.0, 1.0, List.of(3.0, 2.0),
                        null),
                new SpebRun(1, s, 1, 8, "optimal", true, 1, 1.5, 0.02, 0.01, 0.1, 20.0, 4.0, 1.0, List.of(1.0), null),
                new SpebRun(1, s, 2, 9, "infeasible", false, 1, 1.0, null, null, null, null, null, null, List.of(),
                        "no"));
        SpebPoint p = SpebSweep.aggregate(SpebFigure.PEB_VS_POWER, List.of(s), List.of(1.0), runs).get(0);
        assertEquals(3, p.draws());
        assertEquals(2, p.counted());
        assertEquals(Math.sqrt(0.03), p.pebM(), 1e-15);
        assertEquals(Math.sqrt(0.05), p.rmseM(), 1e-15);
        assertEquals(15, p.sumRateBpsHz(), 1e-12);
        assertEquals(1.0, p.meanSeconds(), 1e-12);
        List<SpebPoint> trace = SpebSweep.aggregate(SpebFigure.CONVERGENCE_SPEB, List.of(s), List.of(0.0), runs);
        assertEquals(2, trace.size(), "as long as the longest counted trace");
        assertEquals(2.0, trace.get(0).objective(), 1e-15);
        assertEquals(1.5, trace.get(1).objective(), 1e-15, "a finished run keeps its last value");
    }

    @Test
    void badOptionsAreRejectedBeforeAnythingRuns(@TempDir Path dir) {
        SpebSweep sweep = new SpebSweep();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sweep.run(3, options(dir, 1, List.of("no-such-design"), List.of(30.0)), quiet));
        assertTrue(e.getMessage().startsWith("--schemes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> sweep.run(2, options(dir, 1, List.of("mrt"), List.of(1.0)), quiet));
        assertTrue(e.getMessage().startsWith("--points"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> sweep.run(4, options(dir, 1, List.of("mrt:4"), List.of(30.0)), quiet));
        assertTrue(e.getMessage().contains("RF chains"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("fig3.csv")));
        assertEquals("003", PaperSweeps.byPaper("3").paper());
    }
}
