package io.fresnel.sweep;

import io.fresnel.io.Provenance;
import io.fresnel.stochastic.Output;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of paper 002's figures (JFreeChart AWT API, headless): a heatmap of one output over
 * the power-split grid (viridis anchors, a colour bar, infinite values grey; CRBs on a log10 scale), and
 * the tradeoff boundaries of Fig. 4 as lines in the Okabe-Ito palette over a logarithmic CRB axis.
 */
final class StochasticCharts {
    /** Okabe-Ito colours ({@link io.fresnel.figure.ChartStyle#okabeIto()}). */
    private static final Color[] PALETTE = io.fresnel.figure.ChartStyle.okabeIto();
    private static final Color INFINITE = new Color(0x9E9E9E);
    /** Eight equally spaced colours of viridis (matplotlib), linearly interpolated. */
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x46327E), new Color(0x365C8D),
        new Color(0x277F8E), new Color(0x1FA187), new Color(0x4AC16D), new Color(0xA0DA39), new Color(0xFDE725)};
    static final int WIDTH = 760;
    static final int HEIGHT = 640;

    private StochasticCharts() {
    }

    /**
     * A heatmap of one output over the grid of one scheme.
     *
     * @param points the scheme's points
     * @param scheme the scheme
     * @param output the output
     * @param step the grid step (block size)
     * @param title the chart title
     * @param subtitle e.g. the method
     * @return the chart ({@link #WIDTH} x {@link #HEIGHT} is its size)
     */
    static JFreeChart heatmap(List<StochasticGrid.Point> points, Scheme scheme, Output output, double step, String title,
            String subtitle) {
        boolean log = output.key().startsWith("ergodic_crb");
        int n = points.size();
        double[][] xyz = new double[3][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            StochasticGrid.Point p = points.get(i);
            double v = p.outputs().value(output);
            double z = !Double.isFinite(v) ? Double.NaN : log ? Math.log10(v) : v;
            xyz[0][i] = p.x();
            xyz[1][i] = p.y();
            xyz[2][i] = z;
            if (Double.isFinite(z)) {
                lo = Math.min(lo, z);
                hi = Math.max(hi, z);
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(output.key(), xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(step);
        renderer.setBlockHeight(step);
        ViridisScale scale = new ViridisScale(lo, hi);
        renderer.setPaintScale(scale);
        NumberAxis xAxis = new NumberAxis(scheme == Scheme.SSJB ? "tau (user's power fraction)" : "tau1 (user)");
        NumberAxis yAxis = new NumberAxis(scheme == Scheme.SSJB ? "alpha (amplitude towards the target)"
                : "tau2 (AN); tau3 = tau4 = (1 - tau1 - tau2)/2");
        xAxis.setRange(-step / 2, 1 + step / 2);
        yAxis.setRange(-step / 2, 1 + step / 2);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis scaleAxis = new NumberAxis(log ? "log10 " + output.key() : output.key());
        scaleAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        chart.addSubtitle(new TextTitle(subtitle + "; grey: infinite"));
        footer(chart);
        return chart;
    }

    /**
     * Lines y over x (x logarithmic), one series per entry.
     *
     * @param series name to {x[], y[]}, in legend order
     * @param xLabel the x-axis label
     * @param yLabel the y-axis label
     * @param title the title
     * @param subtitle the subtitle
     * @return the chart ({@link #WIDTH} + 140 x {@link #HEIGHT} - 40 is its size)
     */
    static JFreeChart lines(Map<String, double[][]> series, String xLabel, String yLabel, String title,
            String subtitle) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int k = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (int i = 0; i < e.getValue()[0].length; i++) {
                s.add(e.getValue()[0][i], e.getValue()[1][i]);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(k, PALETTE[k % PALETTE.length]);
            renderer.setSeriesStroke(k, new BasicStroke(2f));
            k++;
        }
        LogAxis xAxis = new LogAxis(xLabel);
        xAxis.setSmallestValue(1e-12);
        xAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.###E0"));
        NumberAxis yAxis = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(subtitle));
        footer(chart);
        return chart;
    }

    private static void footer(JFreeChart chart) {
        TextTitle foot = new TextTitle(Provenance.line("paper 002 set-up (STOCHASTIC.md)"), new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        foot.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(foot);
    }

    /** Viridis between two bounds; NaN (an infinite value) grey. */
    private record ViridisScale(double lo, double hi) implements PaintScale {
        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return INFINITE;
            }
            double t = Math.max(0, Math.min(1, (value - lo) / (hi - lo))) * (VIRIDIS.length - 1);
            int i = Math.min(VIRIDIS.length - 2, (int) t);
            double f = t - i;
            Color a = VIRIDIS[i];
            Color b = VIRIDIS[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
