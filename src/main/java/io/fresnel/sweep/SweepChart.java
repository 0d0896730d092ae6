package io.fresnel.sweep;

import io.fresnel.figure.ChartStyle;
import io.fresnel.io.Provenance;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figure of a sweep: a line chart of the mean max-min secrecy rate (bit/s/Hz) versus x, one
 * series with markers per scheme, drawn with JFreeChart's AWT API (no JavaFX; works headless).
 * An (x, scheme) with no counted draw has no point. The x axis is logarithmic for the CRB
 * thresholds (Figs. 5-6). The legend names each scheme and, for paper 000's, its label in the
 * paper (RSMA-HB, ...); a subtitle gives the number of draws and the seed, a footer the
 * provenance ({@link Provenance#line}).
 */
public final class SweepChart {
    /** Okabe-Ito colours ({@link ChartStyle#okabeIto()}): distinguishable with the common colour-vision deficiencies and in print. */
    public static final Color[] PALETTE = ChartStyle.okabeIto();

    /** Width of the PNG (pixels). */
    public static final int WIDTH = 900;
    /** Height of the PNG (pixels). */
    public static final int HEIGHT = 600;

    private static final Map<String, String> PAPER_LABELS = new LinkedHashMap<>();

    static {
        PAPER_LABELS.put("rsma-hybrid", "RSMA-HB");
        PAPER_LABELS.put("rsma-digital", "RSMA-FD");
        PAPER_LABELS.put("rsma-no-crb", "RSMA-SC");
        PAPER_LABELS.put("sdma-hybrid", "SDMA-HB");
        PAPER_LABELS.put("rsma-far-field", "RSMA-Far");
    }

    private SweepChart() {
    }

    /**
     * Builds the chart.
     *
     * @param r the result (not modified)
     * @return a new chart titled "Paper 000 Fig. k: ..."
     */
    public static JFreeChart chart(SweepResult r) {
        SweepFigure f = r.spec().figure();
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String scheme : r.spec().schemes()) {
            XYSeries s = new XYSeries(legend(scheme), true, false);
            series.put(scheme, s);
            data.addSeries(s);
        }
        for (SweepResult.Point p : r.points()) {
            if (p.meanBpsHz() != null) {
                series.get(p.scheme()).add(p.x(), p.meanBpsHz());
            }
        }
        ValueAxis xAxis;
        if (f.logX()) {
            LogAxis log = new LogAxis(f.axisLabel());
            log.setBase(10);
            log.setSmallestValue(1e-300);
            // whole decades only: 10^-3, 10^-2, ... rather than 10^-2.9, 10^-2.8, ...
            TickUnits decades = new TickUnits();
            for (int step : new int[] {1, 2, 5, 10, 20, 50, 100}) {
                decades.add(new NumberTickUnit(step, new DecimalFormat("0"), 0));
            }
            log.setStandardTickUnits(decades);
            xAxis = log;
        } else {
            NumberAxis lin = new NumberAxis(f.axisLabel());
            lin.setAutoRangeIncludesZero(false);
            if (f.integerX()) {
                lin.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            xAxis = lin;
        }
        NumberAxis yAxis = new NumberAxis("Max-min secrecy rate (bit/s/Hz)");
        yAxis.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Paper 000 Fig. " + f.number() + ": " + f.title(),
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("mean over " + r.spec().draws() + " random user/target draw"
                + (r.spec().draws() == 1 ? "" : "s") + " (seed " + r.spec().seed() + "); failed or infeasible solves"
                + " left out, see fig" + f.number() + "-draws.csv", new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        TextTitle footer = new TextTitle(Provenance.line(r.spec().base().name()),
                new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        footer.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(footer);
        // re-added last so that it sits between the plot and the footer
        LegendTitle legend = chart.getLegend();
        chart.removeLegend();
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * @param scheme a design name
     * @return its legend entry, e.g. "rsma-hybrid (RSMA-HB)"
     */
    static String legend(String scheme) {
        String label = PAPER_LABELS.get(scheme);
        return label == null ? scheme : scheme + " (" + label + ")";
    }
}
