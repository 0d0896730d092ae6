package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Paper002SweepTest {
    private static final List<Double> AXIS = List.of(0.0, 0.25, 0.5, 0.75, 1.0);

    private static SweepOptions options(Path dir, List<String> schemes, List<Double> points, boolean mc) {
        return new SweepOptions(dir, 200, 3, schemes, points, null, 2, null, mc);
    }

    @Test
    void isRegisteredForPaper002() {
        assertEquals("002", PaperSweeps.byPaper("2").paper());
        assertEquals(List.of(2, 3, 4), PaperSweeps.byPaper("002").figures());
    }

    @Test
    void figure2WritesOneRowPerSplitAndAHeatmapPerSchemeAndEavesdropper(@TempDir Path dir) throws Exception {
        List<Path> files = new Paper002Sweep().run(2, options(dir, null, AXIS, false), new PrintWriter(new StringWriter()));
        assertEquals(1 + 4 * 3, files.size(), "the CSV, then 2 schemes x 2 eavesdroppers as PNG, SVG and PDF");
        assertTrue(Files.readString(dir.resolve("fig2-ssjb-eve.svg")).contains(">Paper 002 Fig. 2: SSJB ESR"));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve(
                "fig2-slb-target.pdf").toFile())) {
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).contains("Paper 002 Fig. 2: SLB ESR"));
            assertEquals("slb", pdf.getDocumentInformation().getCustomMetadataValue("Design"));
        }
        List<String> rows = Files.readAllLines(dir.resolve("fig2.csv"));
        // SSJB: 5 x 5; SLB: the 15 splits with tau1 + tau2 <= 1
        assertEquals(1 + 25 + 15, rows.size());
        assertTrue(rows.get(0).startsWith("scheme,tau1,alpha,tau2,tau3,tau4,method,ergodic_rate_user_bps_hz"));
        for (Path f : files) {
            assertTrue(Files.size(f) > 1000, f.toString());
        }
        // tau1 = 1 puts nothing towards the target: the infinite CRB is an empty cell, never a number
        assertTrue(rows.stream().filter(r -> r.startsWith("slb,1.0,")).allMatch(r -> r.contains(",,")));
    }

    @Test
    void figure4BoundaryTradesCrbForSecrecyMonotonically(@TempDir Path dir) throws Exception {
        new Paper002Sweep().run(4, options(dir, List.of("ssjb"), AXIS, false), new PrintWriter(new StringWriter()));
        assertTrue(Files.exists(dir.resolve("fig4.png")) && Files.exists(dir.resolve("fig4.svg"))
                && Files.exists(dir.resolve("fig4.pdf")));
        List<String> rows = Files.readAllLines(dir.resolve("fig4-boundary.csv"));
        assertEquals("scheme,eavesdropper,ergodic_crb_bs_rad2,ergodic_secrecy_rate_bps_hz", rows.get(0));
        double lastCrb = 0;
        double lastRate = -1;
        String lastCurve = "";
        for (String r : rows.subList(1, rows.size())) {
            String[] c = r.split(",");
            assertEquals(4, c.length, r);
            if (!(c[0] + c[1]).equals(lastCurve)) {
                lastCurve = c[0] + c[1];
                lastCrb = 0;
                lastRate = -1;
            }
            double crb = Double.parseDouble(c[2]);
            double rate = Double.parseDouble(c[3]);
            assertTrue(crb >= lastCrb && rate > lastRate, r);
            lastCrb = crb;
            lastRate = rate;
        }
    }

    @Test
    void boundaryKeepsOnlyUndominatedPairs() {
        StochasticGrid.Point a = point(1.0, 0.1);
        StochasticGrid.Point b = point(2.0, 0.05);
        StochasticGrid.Point c = point(3.0, 0.2);
        Map<String, double[][]> m = Paper002Sweep.boundaries(List.of(c, b, a),
                List.of(io.fresnel.stochastic.StochasticQuery.Scheme.SSJB));
        double[][] eve = m.get("SSJB, external eavesdropper");
        assertEquals(2, eve[0].length);
        assertEquals(1.0, eve[0][0]);
        assertEquals(3.0, eve[0][1]);
    }

    @Test
    void monteCarloModeRunsAndBadInputsAreRejectedBeforeWriting(@TempDir Path dir) throws Exception {
        new Paper002Sweep().run(3, options(dir, List.of("slb"), List.of(0.0, 0.5), true),
                new PrintWriter(new StringWriter()));
        assertTrue(Files.readAllLines(dir.resolve("fig3.csv")).get(1).contains("monte-carlo"));
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Paper002Sweep().run(2,
                options(other, List.of("mrt"), AXIS, false), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("--schemes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Paper002Sweep().run(2,
                options(other, null, List.of(0.5, 1.5), false), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("--points"), e.getMessage());
        assertFalse(Files.list(other).findAny().isPresent());
    }

    private static StochasticGrid.Point point(double crb, double esr) {
        double[] v = new double[11];
        v[io.fresnel.stochastic.Output.ERGODIC_CRB_BS.ordinal()] = crb;
        v[io.fresnel.stochastic.Output.ERGODIC_SECRECY_RATE.ordinal()] = esr;
        return new StochasticGrid.Point(io.fresnel.stochastic.StochasticQuery.Scheme.SSJB,
                io.fresnel.stochastic.StochasticQuery.PowerSplit.ssjb(0.5, 0.5), 0.5, 0.5,
                io.fresnel.stochastic.Outputs.of(v));
    }
}
