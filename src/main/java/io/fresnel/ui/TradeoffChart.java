package io.fresnel.ui;

import io.fresnel.sweep.SweepChart;
import io.fresnel.tradeoff.TradeoffFront;
import io.fresnel.tradeoff.TradeoffKind;
import io.fresnel.tradeoff.TradeoffPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import java.text.DecimalFormat;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart of a tradeoff front (one JFreeChart, updated in place so that whoever holds it keeps
 * it): the feasible points that no other point beats, joined by a line; the dominated ones and
 * those whose re-evaluation misses a constraint as separate markers; the design in force as a
 * large diamond. Paper 004's front plots the sum CRB (log axis) against the smallest user SINR in
 * dB, as the paper's Fig. 6(d); the secrecy fronts plot the secrecy rate against the CRB or PCRB
 * (log axis), as papers 000 (Figs. 5-6) and 001 (Fig. 4). White background, Okabe-Ito colours.
 * No JavaFX here: the panel shows it in a {@code ChartViewer}.
 */
final class TradeoffChart {
    private static final String EMPTY = "No tradeoff front yet";

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYSeries front = new XYSeries("front", false, true);
    private final XYSeries dominated = new XYSeries("dominated", false, true);
    private final XYSeries violated = new XYSeries("violates a constraint", false, true);
    private final XYSeries inForce = new XYSeries("design in force", false, true);
    private final XYPlot plot;
    private final JFreeChart chart;
    /** The point behind each item of the first three series, in the same order. */
    private final List<List<TradeoffPoint>> items = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private TradeoffKind kind;

    TradeoffChart() {
        data.addSeries(front);
        data.addSeries(dominated);
        data.addSeries(violated);
        data.addSeries(inForce);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        Color[] c = SweepChart.PALETTE;
        r.setSeriesLinesVisible(0, true);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesPaint(0, c[1]);
        for (int s = 1; s < 4; s++) {
            r.setSeriesLinesVisible(s, false);
        }
        r.setSeriesPaint(1, c[3]);
        r.setSeriesPaint(2, c[4]);
        r.setSeriesPaint(3, c[0]);
        r.setSeriesShape(3, new java.awt.geom.Path2D.Double() {
            {
                moveTo(0, -8);
                lineTo(8, 0);
                lineTo(0, 8);
                lineTo(-8, 0);
                closePath();
            }
        });
        plot = new XYPlot(data, new NumberAxis(""), new NumberAxis(""), r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setNoDataMessage(EMPTY);
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart = new JFreeChart("Tradeoff", new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
    }

    /** @return the chart (the same instance for the panel's lifetime) */
    JFreeChart chart() {
        return chart;
    }

    /**
     * Empties the chart and shows a message in its place.
     *
     * @param title the chart's title
     * @param message what the empty plot says
     */
    void clear(String title, String message) {
        chart.setNotify(false);
        try {
            chart.setTitle(title);
            plot.setNoDataMessage(message);
            for (XYSeries s : new XYSeries[] {front, dominated, violated, inForce}) {
                s.clear();
            }
            items.forEach(List::clear);
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * Shows a front and the design in force.
     *
     * @param f the front
     * @param inForceSensing the design in force's sensing measure, or NaN
     * @param inForceCommunication its communication measure, or NaN
     */
    void show(TradeoffFront f, double inForceSensing, double inForceCommunication) {
        chart.setNotify(false);
        try {
            kind = f.kind();
            axes(kind, f);
            chart.setTitle(f.kind().label() + " (" + f.algorithm() + ")");
            plot.setNoDataMessage("no feasible level: see the list below");
            for (XYSeries s : new XYSeries[] {front, dominated, violated}) {
                s.clear();
            }
            items.forEach(List::clear);
            // the line joins the points that no other beats in the order of the x axis (they form a staircase)
            List<TradeoffPoint> ordered = new ArrayList<>(f.points());
            ordered.sort(java.util.Comparator.comparingDouble(p -> {
                Double x = x(f.kind(), p.sensing(), p.communication());
                return x == null ? Double.NaN : x;
            }));
            for (TradeoffPoint p : ordered) {
                if (p.state() == TradeoffPoint.State.FEASIBLE && !p.dominated()) {
                    add(0, front, p);
                } else if (p.state() == TradeoffPoint.State.FEASIBLE) {
                    add(1, dominated, p);
                } else if (p.state() == TradeoffPoint.State.VIOLATED) {
                    add(2, violated, p);
                }
            }
            showInForce(inForceSensing, inForceCommunication);
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * Moves the marker of the design in force (the front stays).
     *
     * @param sensing its sensing measure, or NaN (no marker)
     * @param communication its communication measure, or NaN
     */
    void showInForce(double sensing, double communication) {
        inForce.clear();
        Double x = kind == null || !Double.isFinite(sensing) || !Double.isFinite(communication) ? null
                : x(kind, sensing, communication);
        if (x != null) {
            inForce.add(x.doubleValue(), y(kind, sensing, communication));
        }
    }

    private void add(int series, XYSeries s, TradeoffPoint p) {
        Double x = x(kind, p.sensing(), p.communication());
        if (x != null) {
            s.add(x.doubleValue(), y(kind, p.sensing(), p.communication()));
            items.get(series).add(p);
        }
    }

    /** @return the plotted x of a point: the SINR in dB (paper 004), else the sensing measure; null if not plottable */
    static Double x(TradeoffKind k, double sensing, double communication) {
        if (k == TradeoffKind.SUM_CRB_VS_SINR) {
            return communication > 0 ? 10 * Math.log10(communication) : null;
        }
        return sensing > 0 ? sensing : null;
    }

    /** @return the plotted y: the sum CRB (paper 004), else the secrecy rate */
    static double y(TradeoffKind k, double sensing, double communication) {
        return k == TradeoffKind.SUM_CRB_VS_SINR ? sensing : communication;
    }

    /**
     * Sets the axes for a front: paper 004's x is the SINR in dB (linear axis), its y the sum CRB;
     * the secrecy fronts' x is the CRB or PCRB, their y the secrecy rate from 0. A CRB axis is
     * logarithmic, ticked at whole decades, when the front spans at least a decade, else linear
     * (a log axis inside one decade would tick at 10^-4.9, 10^-4.8, ...).
     */
    private void axes(TradeoffKind k, TradeoffFront f) {
        boolean sinr = k == TradeoffKind.SUM_CRB_VS_SINR;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (TradeoffPoint p : f.points()) {
            if (p.sensing() > 0 && Double.isFinite(p.sensing())) {
                lo = Math.min(lo, p.sensing());
                hi = Math.max(hi, p.sensing());
            }
        }
        ValueAxis crb = hi >= 10 * lo ? log(k.sensingLabel()) : linear(k.sensingLabel(), false);
        if (sinr) {
            plot.setDomainAxis(linear(k.communicationLabel() + " (dB)", false));
            plot.setRangeAxis(crb);
        } else {
            plot.setDomainAxis(crb);
            plot.setRangeAxis(linear(k.communicationLabel(), true));
        }
    }

    private static NumberAxis linear(String label, boolean zero) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(zero);
        return a;
    }

    private static LogAxis log(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        TickUnits decades = new TickUnits();
        for (int step : new int[] {1, 2, 5, 10, 20, 50}) {
            decades.add(new NumberTickUnit(step, new DecimalFormat("0"), 0));
        }
        a.setStandardTickUnits(decades);
        return a;
    }

    /**
     * The point whose marker is nearest to a position in the chart's drawing, within a radius.
     *
     * @param dataArea the plot's data area as last drawn (chart coordinates)
     * @param at the position (chart coordinates)
     * @param radius the largest distance (pixels)
     * @return the point, or null
     */
    TradeoffPoint pointAt(Rectangle2D dataArea, Point2D at, double radius) {
        TradeoffPoint best = null;
        double bestD = radius;
        for (int s = 0; s < items.size(); s++) {
            for (TradeoffPoint p : items.get(s)) {
                Point2D q = position(dataArea, p);
                if (q != null && q.distance(at) <= bestD) {
                    bestD = q.distance(at);
                    best = p;
                }
            }
        }
        return best;
    }

    /**
     * @param dataArea the plot's data area as last drawn (chart coordinates)
     * @param p a plotted point
     * @return where its marker is drawn (chart coordinates), or null when it is not plotted
     */
    Point2D position(Rectangle2D dataArea, TradeoffPoint p) {
        if (kind == null || dataArea == null) {
            return null;
        }
        Double x = x(kind, p.sensing(), p.communication());
        if (x == null) {
            return null;
        }
        double px = plot.getDomainAxis().valueToJava2D(x, dataArea, RectangleEdge.BOTTOM);
        double py = plot.getRangeAxis().valueToJava2D(y(kind, p.sensing(), p.communication()), dataArea,
                RectangleEdge.LEFT);
        return new Point2D.Double(px, py);
    }

    /** @return the points plotted as the front (not dominated), in the order of the x axis */
    List<TradeoffPoint> frontPoints() {
        return List.copyOf(items.get(0));
    }

    /** @return the number of markers of the design in force (0 or 1) */
    int inForceMarkers() {
        return inForce.getItemCount();
    }
}
