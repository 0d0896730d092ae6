package io.fresnel.ui;

import io.fresnel.service.Evaluation;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.BeamCuts;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.service.LatestRequestWorker;
import io.fresnel.service.Outcome;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import io.fresnel.figure.ChartStyle;
import io.fresnel.figure.CsvData;
import io.fresnel.figure.SeriesCsv;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * JFreeChart-FX charts of the precoder in force: the beam cut versus angle at the focus range,
 * versus range at the focus angle (the beam depth), the eigenvalues of R_X, and the objective
 * per iteration of the latest solver run. The focus is
 * the selected node (else the first user, target or eavesdropper). Curves are computed on a
 * worker; only the datasets are touched on the FX thread.
 *
 * <p>The charts share {@link ChartStyle} (white, Okabe-Ito, one font family); the eigenvalue
 * index and the iteration axes have integer ticks, the range axis whole decades; an empty chart
 * says why in its plot area and prints no ticks. Each chart is exportable ({@link #figures()}):
 * its data in SI units (radians, metres, watts; the objective in its design's unit).
 */
public final class ChartsPanel extends VBox implements AutoCloseable {
    private static final int POINTS = 721;

    private final ExplorerViewModel model;
    private final XYSeriesCollection angleData = new XYSeriesCollection();
    private final XYSeriesCollection rangeData = new XYSeriesCollection();
    private final XYSeriesCollection eigenData = new XYSeriesCollection();
    private final XYSeriesCollection convergenceData = new XYSeriesCollection();
    private final JFreeChart angleChart;
    private final JFreeChart rangeChart;
    private final JFreeChart eigenChart;
    private final JFreeChart convergenceChart;
    private final Label note = new Label();
    /** The curves on screen (SI), for the export's CSV; null when none. */
    private Curves shown;
    private final LatestRequestWorker<Scenario, Curves> worker;
    private boolean closed;

    /** The computed curves and the focus they are about. */
    private record Curves(String focus, double rangeM, double angleRad, BeamCuts.Curve angle, BeamCuts.Curve range,
            double[] eigen) {
    }

    /** @param model the window state */
    public ChartsPanel(ExplorerViewModel model) {
        this.model = model;
        angleChart = ChartFactory.createXYLineChart("Beam cut vs angle", "angle \u03b8 (deg)", "beampattern (dBm)",
                angleData, PlotOrientation.VERTICAL, true, true, false);
        rangeChart = ChartFactory.createXYLineChart("Beam cut vs range (beam depth)", "range r (m)",
                "beampattern (dBm)", rangeData, PlotOrientation.VERTICAL, true, true, false);
        LogAxis log = new LogAxis("range r (m)");
        log.setSmallestValue(1e-6);
        ChartStyle.decadeTicks(log);
        ((XYPlot) rangeChart.getPlot()).setDomainAxis(log);
        eigenChart = ChartFactory.createScatterPlot("Eigenvalues of R_X", "index", "eigenvalue (dBm)",
                eigenData, PlotOrientation.VERTICAL, true, true, false);
        ChartStyle.integerTicks((NumberAxis) ((XYPlot) eigenChart.getPlot()).getDomainAxis());
        convergenceChart = ChartFactory.createXYLineChart("Solver convergence", "iteration", "objective",
                convergenceData, PlotOrientation.VERTICAL, true, true, false);
        NumberAxis iterations = (NumberAxis) ((XYPlot) convergenceChart.getPlot()).getDomainAxis();
        ChartStyle.integerTicks(iterations);
        NumberAxis objective = (NumberAxis) ((XYPlot) convergenceChart.getPlot()).getRangeAxis();
        objective.setAutoRangeIncludesZero(false);
        for (JFreeChart chart : new JFreeChart[] {angleChart, rangeChart, eigenChart, convergenceChart}) {
            ChartStyle.apply(chart);
            ChartStyle.ticksFor(chart, false);
        }
        ChartStyle.emptyMessage(angleChart, "no precoder yet");
        ChartStyle.emptyMessage(rangeChart, "no precoder yet");
        ChartStyle.emptyMessage(eigenChart, "no precoder yet");
        ChartStyle.emptyMessage(convergenceChart, "no iterative solver run yet");
        ChartViewer a = new ChartViewer(angleChart);
        ChartViewer r = new ChartViewer(rangeChart);
        ChartViewer e = new ChartViewer(eigenChart);
        ChartViewer c = new ChartViewer(convergenceChart);
        for (ChartViewer v : new ChartViewer[] {a, r, e, c}) {
            v.setPrefHeight(180);
            VBox.setVgrow(v, Priority.ALWAYS);
        }
        getChildren().addAll(note, a, r, e, c);
        model.convergence().addListener((javafx.collections.ListChangeListener<ProgressLog.Step>) ch -> {
            XYSeries series = new XYSeries("objective per iteration", false, true);
            double largest = 0;
            for (ProgressLog.Step st : model.convergence()) {
                if (Double.isFinite(st.objective())) {
                    series.add(st.iteration(), st.objective());
                    largest = Math.max(largest, Math.abs(st.objective()));
                }
            }
            // a flat run still gets readable ticks (not "1E0 1E0 1E0"): at least 0.1 % of its size
            objective.setAutoRangeMinimumSize(Math.max(1e-300, 1e-3 * largest));
            convergenceData.removeAllSeries();
            convergenceData.addSeries(series);
            ChartStyle.ticksFor(convergenceChart, series.getItemCount() > 0);
        });
        worker = new LatestRequestWorker<>("fresnel-charts", (s, cancelled) -> compute(s, model.selectedIdProperty()
                .get(), cancelled));
        model.evaluationProperty().addListener((o, old, ev) -> refresh());
        model.selectedIdProperty().addListener((o, old, id) -> refresh());
    }

    private void refresh() {
        if (closed) {
            return;
        }
        Evaluation ev = model.evaluationProperty().get();
        if (ev == null || ev.designed().precoder() == null) {
            // nothing of an earlier scene stays plotted; late curves are dropped by show
            worker.cancel();
            if (angleData.getSeriesCount() + rangeData.getSeriesCount() + eigenData.getSeriesCount() > 0) {
                angleData.removeAllSeries();
                rangeData.removeAllSeries();
                eigenData.removeAllSeries();
            }
            shown = null;
            for (JFreeChart chart : new JFreeChart[] {angleChart, rangeChart, eigenChart}) {
                ChartStyle.ticksFor(chart, false);
            }
            note.setText(ev == null ? "waiting for the scene's design" : "no precoder: nothing to plot");
            return;
        }
        Scenario s = ev.designed();
        worker.submit(s, outcome -> Platform.runLater(() -> {
            Evaluation now = model.evaluationProperty().get();
            if (!closed && now != null && now.designed() == s) {
                show(outcome);
            }
        }));
    }

    /** Cancels the curves being computed (Escape in the window). */
    public void cancel() {
        worker.cancel();
    }

    private static Curves compute(Scenario s, String selected, java.util.function.BooleanSupplier cancelled) {
        String focus = selected != null && ScenarioEdits.kindOf(s, selected).isPresent() ? selected : firstNode(s);
        Vec3 o = s.referencePoint();
        Vec3 p = focus != null ? ScenarioEdits.position(s, focus) : new Vec3(o.x() + 5, o.y(), o.z());
        double r = Math.max(p.distance(o), 1e-3);
        // in 3-D the cuts lie in the broadside plane through the focus, not in the array's plane z = 0
        BroadsideAngle frame = BroadsideAngle.of(s, p);
        double th = frame.thetaRad();
        BeamCuts.Curve angle = BeamCuts.versusAngle(s, frame.zero(), frame.ninety(), r, POINTS, cancelled);
        BeamCuts.Curve range = BeamCuts.versusRange(s, frame.zero(), frame.ninety(), th, r / 20, r * 20, POINTS,
                cancelled);
        return new Curves(focus, r, th, angle, range, BeamCuts.covarianceEigenvalues(s));
    }

    private static String firstNode(Scenario s) {
        if (!s.users().isEmpty()) {
            return s.users().get(0).id();
        }
        if (!s.targets().isEmpty()) {
            return s.targets().get(0).id();
        }
        return s.eavesdroppers().isEmpty() ? null : s.eavesdroppers().get(0).id();
    }

    private void show(Outcome<Curves> outcome) {
        if (outcome instanceof Outcome.Failure<Curves> f) {
            note.setText("charts: " + f.error().getMessage());
            return;
        }
        Curves c = ((Outcome.Success<Curves>) outcome).value();
        // one redraw per chart for the whole update, not one per title and series change
        JFreeChart[] charts = {angleChart, rangeChart, eigenChart};
        for (JFreeChart chart : charts) {
            chart.setNotify(false);
        }
        try {
            plot(c);
        } finally {
            for (JFreeChart chart : charts) {
                chart.setNotify(true);
            }
        }
    }

    private void plot(Curves c) {
        note.setText(String.format("focus %s: r = %.3g m, \u03b8 = %.2f\u00b0", c.focus() == null ? "(none)" : c.focus(),
                c.rangeM(), Math.toDegrees(c.angleRad())));
        angleChart.setTitle(String.format("Beam cut vs angle at r = %.3g m", c.rangeM()));
        rangeChart.setTitle(String.format("Beam depth: cut vs range at \u03b8 = %.2f\u00b0", Math.toDegrees(c.angleRad())));
        shown = c;
        angleData.removeAllSeries();
        angleData.addSeries(series("beampattern at r = " + String.format("%.3g m", c.rangeM()), c.angle(),
                true));
        rangeData.removeAllSeries();
        rangeData.addSeries(series(String.format("beampattern at \u03b8 = %.2f\u00b0", Math.toDegrees(c.angleRad())),
                c.range(), false));
        XYSeries eig = new XYSeries("eigenvalues of R_X (zeros left out)");
        for (int i = 0; i < c.eigen().length; i++) {
            if (c.eigen()[i] > 0) {
                eig.add(i + 1, Units.wattsToDbm(c.eigen()[i]));
            }
        }
        eigenData.removeAllSeries();
        eigenData.addSeries(eig);
        for (JFreeChart chart : new JFreeChart[] {angleChart, rangeChart, eigenChart}) {
            ChartStyle.ticksFor(chart, true);
        }
    }

    /**
     * The charts as exportable figures; their CSV holds the curves on screen in SI units
     * (angle in rad and range in m with the beampattern in W, eigenvalues in W by 1-based index,
     * the objective per iteration).
     *
     * @return the four charts
     */
    public List<FigureSource> figures() {
        String none = "no curves yet: the scene has no precoder or is still being designed";
        return List.of(
                FigureSource.chart("Beam cut vs angle", angleChart, () -> shown == null ? null
                        : SeriesCsv.of("beampattern", "angle_rad", "beampattern_w", shown.angle().x(), shown.angle().y()),
                        none),
                FigureSource.chart("Beam depth (cut vs range)", rangeChart, () -> shown == null ? null
                        : SeriesCsv.of("beampattern", "range_m", "beampattern_w", shown.range().x(), shown.range().y()),
                        none),
                FigureSource.chart("Eigenvalues of R_X", eigenChart, () -> shown == null ? null : eigenCsv(shown.eigen()),
                        none),
                FigureSource.chart("Solver convergence", convergenceChart, () -> convergenceData.getSeriesCount() == 0
                        || convergenceData.getSeries(0).getItemCount() == 0 ? null
                        : SeriesCsv.of(convergenceData, "iteration", "objective"), "no iterative solver run yet"));
    }

    private static CsvData eigenCsv(double[] eigen) {
        double[] index = new double[eigen.length];
        for (int i = 0; i < eigen.length; i++) {
            index[i] = i + 1;
        }
        return SeriesCsv.of("eigenvalues of R_X", "index", "eigenvalue_w", index, eigen);
    }

    private static XYSeries series(String name, BeamCuts.Curve c, boolean degrees) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < c.x().length; i++) {
            double y = c.y()[i];
            if (y > 0 && Double.isFinite(y)) {
                s.add(degrees ? Math.toDegrees(c.x()[i]) : c.x()[i], Units.wattsToDbm(y));
            }
        }
        return s;
    }

    @Override
    public void close() {
        closed = true;
        worker.close();
    }
}
