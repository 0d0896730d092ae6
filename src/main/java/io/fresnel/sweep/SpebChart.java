package io.fresnel.sweep;

import io.fresnel.io.Provenance;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The chart of a paper-003 figure, in the style of {@link SweepChart} (Okabe-Ito colours, white
 * plot, legend under the plot, provenance footer): one line per series; for Figs. 3-4 the PEB as a
 * solid line and the MUSIC RMSE as a dashed line of the same colour; a logarithmic y axis for the
 * PEB, the RMSE and the SPEB objective.
 */
public final class SpebChart {
    private SpebChart() {
    }

    /**
     * @param f the figure
     * @param points its points
     * @param options the sweep's options (draws and seed for the subtitle)
     * @return the chart
     */
    public static JFreeChart chart(SpebFigure f, List<SpebPoint> points, SweepOptions options) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<SpebSeries, XYSeries> main = new LinkedHashMap<>();
        Map<SpebSeries, XYSeries> rmse = new LinkedHashMap<>();
        List<Integer> colours = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        int c = 0;
        for (SpebPoint p : points) {
            if (!main.containsKey(p.series())) {
                String suffix = f.metric() == SpebFigure.Metric.PEB_AND_RMSE ? " PEB" : "";
                XYSeries s = new XYSeries(p.series().label() + suffix, true, false);
                main.put(p.series(), s);
                data.addSeries(s);
                colours.add(c);
                dashed.add(false);
                if (f.metric() == SpebFigure.Metric.PEB_AND_RMSE) {
                    XYSeries r = new XYSeries(p.series().label() + " RMSE (MUSIC)", true, false);
                    rmse.put(p.series(), r);
                    data.addSeries(r);
                    colours.add(c);
                    dashed.add(true);
                }
                c++;
            }
            Double v = p.value(f);
            if (v != null && v > 0) {
                main.get(p.series()).add(p.x(), v);
            }
            if (p.rmseM() != null && p.rmseM() > 0 && rmse.containsKey(p.series())) {
                rmse.get(p.series()).add(p.x(), p.rmseM());
            }
        }
        NumberAxis xAxis = new NumberAxis(f.x().label());
        xAxis.setAutoRangeIncludesZero(false);
        if (f.x() == SpebFigure.XVariable.ITERATION || f.x() == SpebFigure.XVariable.ANTENNAS) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ValueAxis yAxis;
        boolean log = f.metric() == SpebFigure.Metric.PEB_AND_RMSE || f.metric() == SpebFigure.Metric.PEB
                || (f.metric() == SpebFigure.Metric.CONVERGENCE && !f.sumRate());
        if (log) {
            LogAxis l = new LogAxis(yLabel(f));
            l.setBase(10);
            l.setSmallestValue(1e-300);
            l.setNumberFormatOverride(new DecimalFormat("0.###E0"));
            yAxis = l;
        } else {
            NumberAxis n = new NumberAxis(yLabel(f));
            n.setAutoRangeIncludesZero(false);
            yAxis = n;
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, SweepChart.PALETTE[colours.get(i) % SweepChart.PALETTE.length]);
            renderer.setSeriesStroke(i, dashed.get(i)
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Paper 003 Fig. " + f.number() + ": " + f.title(),
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("mean over " + options.draws() + " random scene" + (options.draws() == 1 ? ""
                : "s") + " (seed " + options.seed() + "); infeasible or violating runs left out, see fig" + f.number()
                + "-runs.csv", new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        TextTitle footer = new TextTitle(Provenance.line("paper 003 scenes (fresnel scene --paper 003)"),
                new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        footer.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(footer);
        LegendTitle legend = chart.getLegend();
        chart.removeLegend();
        chart.addSubtitle(legend);
        return chart;
    }

    private static String yLabel(SpebFigure f) {
        return switch (f.metric()) {
            case CONVERGENCE -> f.sumRate() ? "Objective: sum rate (bps/Hz)" : "Objective: SPEB (m^2)";
            case PEB_AND_RMSE -> "PEB and MUSIC RMSE (m)";
            case PEB -> "PEB (m)";
            case SUM_RATE -> "Sum rate (bps/Hz)";
        };
    }
}
