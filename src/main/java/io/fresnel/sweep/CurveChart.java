package io.fresnel.sweep;

import io.fresnel.io.Provenance;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A chart of a {@link CurveFigure} panel in the style of {@link SweepChart} (Okabe-Ito colours,
 * white plot, legend under the plot, provenance footer): the mean of one column against x, one
 * line with markers per series; a point without a counted run, or a non-positive value on a
 * logarithmic axis, is left out (the CSV says why).
 */
public final class CurveChart {
    private CurveChart() {
    }

    /**
     * @param f the figure
     * @param panel the panel
     * @param points the figure's points
     * @param options the sweep's options (draws and seed for the subtitle)
     * @param setup one line describing the set-up
     * @return the chart
     */
    public static JFreeChart chart(CurveFigure f, CurveFigure.Panel panel, List<CurvePoint> points,
            SweepOptions options, String setup) {
        int c = f.column(panel.column());
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> lines = new LinkedHashMap<>();
        for (CurvePoint p : points) {
            XYSeries s = lines.computeIfAbsent(p.series(), k -> {
                XYSeries n = new XYSeries(k, true, false);
                data.addSeries(n);
                return n;
            });
            Double v = p.mean(c);
            if (v != null && (!panel.logY() || v > 0) && (!f.logX() || p.x() > 0)) {
                s.add(p.x(), v);
            }
        }
        ValueAxis xAxis = axis(f.xLabel(), f.logX());
        ValueAxis yAxis = axis(f.columns().get(c).label(), panel.logY());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, SweepChart.PALETTE[i % SweepChart.PALETTE.length]);
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Paper " + f.paper() + " Fig. " + f.number() + ": " + f.title(),
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        String draws = options.draws() == 1 ? "one geometry"
                : "mean over " + options.draws() + " draws (seed " + options.seed() + ")";
        chart.addSubtitle(new TextTitle(setup + "; " + draws + "; failed runs left out (" + f.stem() + "-runs.csv)",
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        TextTitle footer = new TextTitle(Provenance.line("paper " + f.paper() + " figure set-up (docs/sweeps.md)"),
                new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        footer.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(footer);
        LegendTitle legend = chart.getLegend();
        chart.removeLegend();
        chart.addSubtitle(legend);
        return chart;
    }

    private static ValueAxis axis(String label, boolean log) {
        if (log) {
            LogAxis l = new LogAxis(label);
            l.setBase(10);
            l.setSmallestValue(1e-300);
            l.setNumberFormatOverride(new DecimalFormat("0.##E0"));
            return l;
        }
        NumberAxis n = new NumberAxis(label);
        n.setAutoRangeIncludesZero(false);
        return n;
    }

    /**
     * Writes a panel as a {@link SweepChart#WIDTH} x {@link SweepChart#HEIGHT} PNG.
     *
     * @param f the figure
     * @param panel the panel
     * @param points the figure's points
     * @param options the sweep's options
     * @param setup one line describing the set-up
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void writePng(CurveFigure f, CurveFigure.Panel panel, List<CurvePoint> points, SweepOptions options,
            String setup, OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart(f, panel, points, options, setup), SweepChart.WIDTH, SweepChart.HEIGHT);
    }
}
