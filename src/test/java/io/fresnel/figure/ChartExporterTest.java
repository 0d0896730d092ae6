package io.fresnel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartExporterTest {
    private static JFreeChart chart(XYSeriesCollection data) {
        JFreeChart c = ChartFactory.createXYLineChart("Beam cut", "angle \u03b8 (rad)", "beampattern (W)", data,
                PlotOrientation.VERTICAL, true, false, false);
        return ChartStyle.apply(c);
    }

    private static XYSeriesCollection data() {
        XYSeries s = new XYSeries("focused beam");
        XYSeries t = new XYSeries("steered beam");
        for (int i = 0; i <= 20; i++) {
            double x = -1 + i * 0.1;
            s.add(x, Math.exp(-x * x * 10));
            t.add(x, 0.5 * Math.exp(-x * x * 3));
        }
        XYSeriesCollection c = new XYSeriesCollection(s);
        c.addSeries(t);
        return c;
    }

    @Test
    void aChartIsExportedAsVectorTextWithItsSeriesAsCsv(@TempDir Path dir) throws Exception {
        XYSeriesCollection data = data();
        FigureMetadata meta = FigureMetadata.now("Beam cut", "lecture", null, "mrt", "optimal");
        List<Path> pdf = ChartExporter.export(chart(data), SeriesCsv.of(data, "angle_rad", "beampattern_w"),
                dir.resolve("cut.pdf"), ChartExporter.DEFAULT_SIZE, true, meta);
        assertEquals(List.of(dir.resolve("cut.pdf"), dir.resolve("cut.csv")), pdf);
        try (PDDocument doc = Loader.loadPDF(dir.resolve("cut.pdf").toFile())) {
            String text = FigureWritersTest.text(doc);
            for (String s : new String[] {"Beam cut", "angle \u03b8 (rad)", "beampattern (W)", "focused beam",
                "steered beam"}) {
                assertTrue(text.contains(s), s + " in " + text);
            }
            assertEquals("mrt", doc.getDocumentInformation().getCustomMetadataValue("Design"));
        }
        List<String> csv = Files.readAllLines(dir.resolve("cut.csv"));
        assertEquals("series,angle_rad,beampattern_w", csv.get(0));
        assertEquals(1 + 42, csv.size());
        String[] row = csv.get(1 + 21 + 3).split(",");
        assertEquals("steered beam", row[0]);
        assertEquals(data.getXValue(1, 3), Double.parseDouble(row[1]), 0);
        assertEquals(data.getYValue(1, 3), Double.parseDouble(row[2]), 0);

        ChartExporter.export(chart(data), SeriesCsv.of(data, "angle_rad", "beampattern_w"), dir.resolve("cut.svg"),
                ChartExporter.DEFAULT_SIZE, false, meta);
        Document svg = FigureWritersTest.parse(Files.readAllBytes(dir.resolve("cut.svg")));
        List<String> texts = FigureWritersTest.texts(svg);
        assertTrue(texts.contains("angle \u03b8 (rad)"), texts.toString());
        assertTrue(texts.contains("beampattern (W)"), texts.toString());
        assertFalse(texts.contains("focused beam"), "the legend was asked away: " + texts);
    }

    @Test
    void theStyleIsWhiteWithOkabeItoSeriesAndIntegerTicksWhereAsked() {
        JFreeChart c = chart(data());
        XYPlot plot = (XYPlot) c.getPlot();
        assertEquals(Color.WHITE, c.getBackgroundPaint());
        assertEquals(Color.WHITE, plot.getBackgroundPaint());
        assertEquals(new Color(0xD55E00), plot.getRenderer().getSeriesPaint(0));
        assertEquals(new Color(0x0072B2), plot.getRenderer().getSeriesPaint(1));
        assertEquals(7, ChartStyle.okabeIto().length);
        NumberAxis axis = (NumberAxis) plot.getDomainAxis();
        ChartStyle.integerTicks(axis);
        assertEquals(1.0, axis.getStandardTickUnits().getCeilingTickUnit(0.1).getSize(), 0,
                "no tick step below 1 on a discrete axis");
    }
}
