package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.sweep.SweepChart;
import io.fresnel.sweep.SweepCsv;
import io.fresnel.sweep.SweepScenarios;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final String BASE = SweepScenarios.smallBaseFile().toString();

    @Test
    void writesTheCsvFilesAndThePngAndPrintsASummary(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("figs");
        GoldenEvalTest.Run r = GoldenEvalTest.run("sweep", "--figure", "3", "--base", BASE, "--schemes", "mrt,zf",
                "--draws", "3", "--points", "1,2", "--seed", "5", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> summary = Files.readAllLines(out.resolve("fig3.csv"));
        assertEquals(SweepCsv.SUMMARY_HEADER, summary.get(0));
        assertEquals(5, summary.size());
        assertTrue(summary.get(1).startsWith("3,users,1,mrt,3,3,"), summary.get(1));
        assertTrue(summary.get(4).startsWith("3,users,2,zf,3,3,"), summary.get(4));
        List<String> draws = Files.readAllLines(out.resolve("fig3-draws.csv"));
        assertEquals(SweepCsv.DRAWS_HEADER, draws.get(0));
        assertEquals(1 + 2 * 3 * 2, draws.size());
        List<String> nodes = Files.readAllLines(out.resolve("fig3-nodes.csv"));
        assertEquals(1 + 3 * (1 + 2), nodes.size());
        BufferedImage png = ImageIO.read(out.resolve("fig3.png").toFile());
        assertEquals(SweepChart.WIDTH, png.getWidth());
        assertEquals(SweepChart.HEIGHT, png.getHeight());
        String svg = Files.readString(out.resolve("fig3.svg"));
        assertTrue(svg.contains(">Paper 000 Fig. 3") && svg.contains("<metadata"), "SVG chart with provenance");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(out.resolve("fig3.pdf")
                .toFile())) {
            org.apache.pdfbox.text.PDFTextStripper strip = new org.apache.pdfbox.text.PDFTextStripper();
            strip.setSortByPosition(true);
            String text = strip.getText(pdf);
            assertTrue(text.contains("Paper 000 Fig. 3") && text.contains("Max-min secrecy rate (bit/s/Hz)"), text);
            assertEquals("mrt,zf", pdf.getDocumentInformation().getCustomMetadataValue("Design"));
            assertEquals(64, pdf.getDocumentInformation().getCustomMetadataValue("ScenarioSHA256").length());
        }
        assertTrue(r.out().contains("wrote " + out.resolve("fig3.pdf")), r.out());
        assertTrue(r.out().contains("Paper 000 Fig. 3"), r.out());
        assertTrue(r.out().contains("[3/3]"), r.out());
        assertTrue(r.err().contains("[12/12]"), r.err());
        assertFalse(r.err().contains("resumed"), "a fresh sweep resumes nothing: " + r.err());
        // every solve counted: its progress line gives the rate, with the whole-number x of Fig. 3
        long progress = r.err().lines().filter(l -> l.startsWith("fresnel: sweep: [")).count();
        assertEquals(12, progress, r.err());
        assertTrue(r.err().lines().filter(l -> l.startsWith("fresnel: sweep: [")).allMatch(l -> l.matches(
                "fresnel: sweep: \\[\\d+/12] (mrt|zf) users = [12], draw [0-2]: \\w+, -?\\d+\\.\\d{4} bit/s/Hz \\(\\d+\\.\\d{2}"
                        + " s\\)")), r.err());
        // the summary table: header, one row per x with each scheme's mean as in fig3.csv, the statuses
        StringBuilder head = new StringBuilder(String.format(java.util.Locale.ROOT, "%-24s", "users"));
        head.append(String.format(java.util.Locale.ROOT, " %22s %22s", "mrt", "zf"));
        assertTrue(r.out().lines().anyMatch(l -> l.equals(head.toString())), head + " in " + r.out());
        for (int xi = 0; xi < 2; xi++) {
            StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "%-24s", Integer.toString(xi + 1)));
            for (int si = 0; si < 2; si++) {
                String mean = summary.get(1 + 2 * xi + si).split(",", -1)[6];
                String shown = mean.isEmpty() ? "-" : String.format(java.util.Locale.ROOT, "%.4f",
                        Double.parseDouble(mean));
                row.append(String.format(java.util.Locale.ROOT, " %22s", shown + " [3/3]"));
            }
            assertTrue(r.out().lines().anyMatch(l -> l.equals(row.toString())), row + " in " + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("12 solves in \\d+\\.\\d s: \\{[a-z]+=\\d+.*}")), r.out());
        assertFalse(r.out().contains("not counted"), r.out());
    }

    @Test
    void theSameSeedGivesTheSameNumbers(@TempDir Path dir) throws IOException {
        String[] common = {"sweep", "--figure", "6", "--base", BASE, "--schemes", "zf", "--draws", "2", "--points",
            "1e-7,1e-5"};
        GoldenEvalTest.Run a = GoldenEvalTest.run(cat(common, "--threads", "1", "--out", dir.resolve("a").toString()));
        GoldenEvalTest.Run b = GoldenEvalTest.run(cat(common, "--threads", "2", "--out", dir.resolve("b").toString()));
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        assertEquals(valuesOf(dir.resolve("a/fig6.csv")), valuesOf(dir.resolve("b/fig6.csv")));
        assertEquals(Files.readAllLines(dir.resolve("a/fig6-nodes.csv")),
                Files.readAllLines(dir.resolve("b/fig6-nodes.csv")));
    }

    @Test
    void aSecondRunInTheSameFolderResumesFromTheJournalAndAnotherSeedIsRefused(@TempDir Path dir) throws IOException {
        String[] common = {"sweep", "--figure", "6", "--base", BASE, "--schemes", "zf", "--draws", "2", "--points",
            "1e-7,1e-5", "--out", dir.toString()};
        GoldenEvalTest.Run a = GoldenEvalTest.run(common);
        assertEquals(0, a.status(), a.err());
        List<String> first = valuesOf(dir.resolve("fig6.csv"));
        GoldenEvalTest.Run b = GoldenEvalTest.run(common);
        assertEquals(0, b.status(), b.err());
        assertTrue(b.err().contains("4 runs resumed from the journal, 0 computed"), b.err());
        assertEquals(first, valuesOf(dir.resolve("fig6.csv")));
        GoldenEvalTest.Run c = GoldenEvalTest.run(cat(common, "--seed", "9"));
        assertEquals(2, c.status(), c.err());
        assertTrue(c.err().contains("journal of another sweep (seed 1 vs 9"), c.err());
    }

    /** The summary without the timing column. */
    private static List<String> valuesOf(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static void assertRejected(Path dir, String cause, String... options) {
        Path out = dir.resolve("out");
        String[] args = Stream.concat(Stream.of("sweep", "--out", out.toString()), Stream.of(options))
                .toArray(String[]::new);
        GoldenEvalTest.Run r = GoldenEvalTest.run(args);
        assertEquals(2, r.status(), String.join(" ", options) + ": " + r.err());
        assertTrue(r.err().contains(cause), r.err());
        assertFalse(Files.exists(out), "nothing is written for a rejected input");
    }

    @Test
    void badInputsExitTwoNamingTheCause(@TempDir Path dir) throws IOException {
        String[] ok = {"--base", BASE, "--draws", "1"};
        String[] mrt = {"--base", BASE, "--draws", "1", "--schemes", "mrt"};
        assertRejected(dir, "unknown figure 7", cat(mrt, "--figure", "7"));
        assertRejected(dir, "draws must be at least 1", "--figure", "2", "--base", BASE, "--schemes", "mrt",
                "--draws", "0");
        assertRejected(dir, "no-such-scheme", cat(ok, "--figure", "2", "--schemes", "mrt,no-such-scheme"));
        assertRejected(dir, "empty name", cat(ok, "--figure", "2", "--schemes", "mrt,,zf"));
        assertRejected(dir, "\"abc\" is not a number", cat(mrt, "--figure", "2", "--points", "10,abc"));
        assertRejected(dir, "whole number", cat(mrt, "--figure", "3", "--points", "2.5"));
        assertRejected(dir, "must be positive", cat(mrt, "--figure", "5", "--points", "0,1e-3"));
        assertRejected(dir, "given twice", cat(mrt, "--figure", "2", "--points", "10,10"));
        assertRejected(dir, "--threads", cat(mrt, "--figure", "2", "--threads", "0"));
        assertRejected(dir, "max_iterations", cat(mrt, "--figure", "2", "--max-iterations", "0"));
        assertRejected(dir, "missing.json", "--figure", "2", "--base", dir.resolve("missing.json").toString());
        assertRejected(dir, "--figure", "--base", BASE);
        assertRejected(dir, "'x'", cat(mrt, "--figure", "x"));
        assertRejected(dir, "unknown engine (known: local", cat(mrt, "--figure", "2", "--engine", "mpi"));
        assertRejected(dir, "--master applies to a distributed engine", cat(mrt, "--figure", "2", "--master",
                "local[*]"));
        assertRejected(dir, "only paper 000's figures run on another engine", cat(mrt, "--paper", "001",
                "--figure", "2", "--engine", "spark"));

        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(Path.of(BASE).toFile());
        ((ObjectNode) tree.get("targets").get(0)).put("eavesdropper", false);
        Path noEve = dir.resolve("no-eve.json");
        Files.writeString(noEve, json.writeValueAsString(tree));
        assertRejected(dir, "no eavesdropper", "--figure", "2", "--base", noEve.toString(), "--schemes", "mrt");
    }

    @Test
    void anOutputPathThatIsAFileIsRejected(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        GoldenEvalTest.Run r = GoldenEvalTest.run("sweep", "--figure", "2", "--base", BASE, "--schemes", "mrt",
                "--draws", "1", "--out", file.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("not a directory"), r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void theHelpListsTheOptions() {
        GoldenEvalTest.Run r = GoldenEvalTest.run("sweep", "--help");
        assertEquals(0, r.status());
        for (String option : List.of("--figure", "--draws", "--seed", "--schemes", "--points", "--base", "--threads",
                "--max-iterations", "--out")) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
        assertTrue(GoldenEvalTest.run("--help").out().contains("sweep"));
    }

    private static String[] cat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
