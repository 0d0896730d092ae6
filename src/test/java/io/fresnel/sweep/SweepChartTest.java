package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.figure.FigureMetadata;
import io.fresnel.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepChartTest {

    private static SweepResult result(SweepFigure f, List<Double> xs) {
        SweepSpec spec = new SweepSpec(f, SweepScenarios.smallBase(), xs, 1, 1, List.of("rsma-hybrid", "mrt"), null);
        List<SweepResult.Solve> solves = List.of(
                new SweepResult.Solve(xs.get(0), 0, "rsma-hybrid", "optimal", true, 2.0, 2.0, 5, 1, null),
                new SweepResult.Solve(xs.get(0), 0, "mrt", "optimal", true, 1.0, 9.0, 1, 0, null),
                new SweepResult.Solve(xs.get(1), 0, "rsma-hybrid", "infeasible", false, null, null, 5, 1, null),
                new SweepResult.Solve(xs.get(1), 0, "mrt", "optimal", true, 1.5, 9.0, 1, 0, null));
        return new SweepResult(spec, solves, SweepRunner.aggregate(spec, solves), List.of(), 1);
    }

    @Test
    void thePngDecodesWithTheDocumentedSize(@TempDir Path dir) throws IOException {
        // the way a sweep writes its chart: ChartFiles' PNG, SVG and PDF entries in one batch
        AtomicFiles.writeAll(ChartFiles.entries(SweepChart.chart(result(SweepFigure.FIG2, List.of(10.0, 20.0))), dir,
                "fig2", FigureMetadata.now("test", null, null, null, null)));
        BufferedImage img = ImageIO.read(dir.resolve("fig2.png").toFile());
        assertNotNull(img, "a PNG");
        assertEquals(SweepChart.WIDTH, img.getWidth());
        assertEquals(SweepChart.HEIGHT, img.getHeight());
    }

    @Test
    void oneSeriesPerSchemeWithoutTheUncountedPoints() {
        JFreeChart c = SweepChart.chart(result(SweepFigure.FIG3, List.of(2.0, 3.0)));
        assertEquals("Paper 000 Fig. 3: Max-min secrecy rate versus the number of users", c.getTitle().getText());
        XYPlot plot = c.getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("rsma-hybrid (RSMA-HB)", data.getSeriesKey(0));
        assertEquals("mrt", data.getSeriesKey(1));
        assertEquals(1, data.getItemCount(0));
        assertEquals(2, data.getItemCount(1));
        assertEquals(1.5, data.getYValue(1, 1));
        assertInstanceOf(NumberAxis.class, plot.getDomainAxis());
        assertTrue(plot.getDomainAxis().getLabel().contains("users"));
        assertTrue(plot.getRangeAxis().getLabel().contains("bit/s/Hz"));
        assertNotNull(c.getLegend());
    }

    @Test
    void theCrbFiguresHaveALogarithmicXAxisWithUnits() {
        XYPlot five = SweepChart.chart(result(SweepFigure.FIG5, List.of(1e-3, 1e-1))).getXYPlot();
        assertInstanceOf(LogAxis.class, five.getDomainAxis());
        assertTrue(five.getDomainAxis().getLabel().contains("m\u00b2"));
        XYPlot six = SweepChart.chart(result(SweepFigure.FIG6, List.of(1e-7, 1e-5))).getXYPlot();
        assertInstanceOf(LogAxis.class, six.getDomainAxis());
        assertTrue(six.getDomainAxis().getLabel().contains("rad\u00b2"));
    }
}
