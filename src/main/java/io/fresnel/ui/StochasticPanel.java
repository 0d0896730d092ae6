package io.fresnel.ui;

import io.fresnel.model.Scenario;
import io.fresnel.service.LatestRequestWorker;
import io.fresnel.service.Outcome;
import io.fresnel.stochastic.Output;
import io.fresnel.stochastic.Outputs;
import io.fresnel.stochastic.StochasticQuery;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import io.fresnel.sweep.StochasticGrid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The "Stochastic" tab for a paper-002 beamformer ({@code ssjb}, {@code slb}): the current power
 * split as a point on the ESR map over the splits and on the Fig. 4 tradeoff boundaries, with its
 * exact ergodic outputs ({@link StochasticMaps}). Recomputed on a background worker after every
 * change of the scene or the beamformer (the newest request wins; the map itself only when the
 * scheme, sizes or power changed); clicking the map applies that split (one undo step).
 */
final class StochasticPanel extends VBox implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StochasticPanel.class.getName());
    private static final double SIZE = 260;
    private static final double MARGIN = 34;

    private final ExplorerViewModel model;
    private final LatestRequestWorker<StochasticQuery, StochasticMaps.View> worker;
    private final Label info = new Label();
    private final Canvas map = new Canvas(SIZE + 2 * MARGIN, SIZE + 2 * MARGIN);
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    /** The key of the map on screen; read by the worker thread. */
    private volatile String shownKey;
    private List<StochasticGrid.Point> points = List.of();
    private Map<String, double[][]> boundaries = Map.of();
    private Scheme scheme;

    /** @param model the window state */
    StochasticPanel(ExplorerViewModel model) {
        this.model = model;
        this.worker = new LatestRequestWorker<>("fresnel-stochastic", (q, cancelled) ->
                StochasticMaps.compute(q, shownKey));
        setSpacing(6);
        setPadding(new Insets(8));
        setId("stochastic");
        info.setWrapText(true);
        xAxis.setLabel("log10 ergodic CRB at the BS (rad\u00b2)");
        xAxis.setForceZeroInRange(false);
        yAxis.setLabel("ergodic secrecy rate (bit/s/Hz)");
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        map.setOnMouseClicked(e -> click(e.getX(), e.getY()));
        getChildren().addAll(info, map, chart);
        model.scenarioProperty().addListener((o, a, b) -> refresh());
        model.algorithmProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        Scenario s = model.getScenario();
        Scheme now = StochasticMaps.scheme(model.algorithmProperty().get());
        if (s == null || now == null) {
            scheme = null;
            info.setText("Choose ssjb or slb as the beamformer to see paper 002's ergodic secrecy and sensing"
                    + " for this array.");
            map.getGraphicsContext2D().clearRect(0, 0, map.getWidth(), map.getHeight());
            chart.getData().clear();
            return;
        }
        info.setText("computing ...");
        worker.submit(StochasticMaps.query(s, now), outcome -> Platform.runLater(() -> show(outcome)));
    }

    private void show(Outcome<StochasticMaps.View> outcome) {
        if (outcome instanceof Outcome.Failure<StochasticMaps.View> f) {
            LOG.log(System.Logger.Level.WARNING, "stochastic analysis failed", f.error());
            info.setText("stochastic analysis failed: " + f.error().getMessage());
            return;
        }
        StochasticMaps.View v = ((Outcome.Success<StochasticMaps.View>) outcome).value();
        if (StochasticMaps.scheme(model.algorithmProperty().get()) != v.scheme()) {
            return; // the beamformer changed meanwhile; a newer request is on its way
        }
        scheme = v.scheme();
        if (v.map() != null) {
            points = v.map();
            boundaries = v.boundaries();
            shownKey = v.key();
        }
        Outputs o = v.current();
        info.setText(String.format(Locale.ROOT, "Paper 002 random network (Rayleigh user and eavesdropper, uniform"
                + " target angle, the paper's gains), this array's N, M, P, L. Current split: ESR %.4f bit/s/Hz"
                + " (malicious target %.4f), E[CRB_BS] %s rad\u00b2, P(CRB_BS > 0.5) %.3f, E[CRB strong eve] %s rad\u00b2."
                + " Click the map to choose a split.", o.value(Output.ERGODIC_SECRECY_RATE),
                o.value(Output.ERGODIC_SECRECY_RATE_TARGET), text(o.value(Output.ERGODIC_CRB_BS)),
                o.value(Output.OUTAGE_CRB_BS), text(o.value(Output.ERGODIC_CRB_SEVE_STRONG))));
        drawMap(v);
        drawChart(v);
    }

    private static String text(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "infinite";
    }

    private void drawMap(StochasticMaps.View v) {
        GraphicsContext g = map.getGraphicsContext2D();
        g.clearRect(0, 0, map.getWidth(), map.getHeight());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (StochasticGrid.Point p : points) {
            double z = p.outputs().value(Output.ERGODIC_SECRECY_RATE);
            lo = Math.min(lo, z);
            hi = Math.max(hi, z);
        }
        double cell = SIZE / (StochasticMaps.POINTS - 1);
        for (StochasticGrid.Point p : points) {
            double z = p.outputs().value(Output.ERGODIC_SECRECY_RATE);
            double t = hi > lo ? (z - lo) / (hi - lo) : 0.5;
            g.setFill(Color.hsb(260 - 200 * t, 0.7, 0.35 + 0.6 * t));
            g.fillRect(MARGIN + p.x() * SIZE - cell / 2, MARGIN + (1 - p.y()) * SIZE - cell / 2, cell, cell);
        }
        g.setFill(Color.BLACK);
        boolean ssjb = v.scheme() == Scheme.SSJB;
        g.fillText(ssjb ? "tau \u2192" : "tau1 \u2192", MARGIN + SIZE / 2 - 20, MARGIN + SIZE + 26);
        g.fillText(ssjb ? "alpha \u2191" : "tau2 \u2191", 2, MARGIN - 18);
        g.fillText(String.format(Locale.ROOT, "ESR %.3f..%.3f", lo, hi), MARGIN + SIZE - 110, MARGIN - 18);
        double x = v.split().tau1();
        double y = ssjb ? v.split().alpha() : v.split().tau2();
        g.setStroke(Color.WHITE);
        g.setLineWidth(3);
        g.strokeOval(MARGIN + x * SIZE - 7, MARGIN + (1 - y) * SIZE - 7, 14, 14);
        g.setStroke(Color.BLACK);
        g.setLineWidth(1.5);
        g.strokeOval(MARGIN + x * SIZE - 7, MARGIN + (1 - y) * SIZE - 7, 14, 14);
    }

    private void drawChart(StochasticMaps.View v) {
        chart.getData().clear();
        for (Map.Entry<String, double[][]> e : boundaries.entrySet()) {
            if (e.getKey().endsWith("no eavesdropper")) {
                continue;
            }
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(e.getKey());
            for (int i = 0; i < e.getValue()[0].length; i++) {
                s.getData().add(new XYChart.Data<>(Math.log10(e.getValue()[0][i]), e.getValue()[1][i]));
            }
            chart.getData().add(s);
        }
        double crb = v.current().value(Output.ERGODIC_CRB_BS);
        if (Double.isFinite(crb)) {
            XYChart.Series<Number, Number> here = new XYChart.Series<>();
            here.setName("current split (external eve)");
            here.getData().add(new XYChart.Data<>(Math.log10(crb), v.current().value(Output.ERGODIC_SECRECY_RATE)));
            chart.getData().add(here);
        }
    }

    private void click(double px, double py) {
        Scheme s = scheme;
        if (s == null) {
            return;
        }
        double x = (px - MARGIN) / SIZE;
        double y = 1 - (py - MARGIN) / SIZE;
        if (x < -0.05 || x > 1.05 || y < -0.05 || y > 1.05) {
            return;
        }
        model.edit("power split", sc -> StochasticMaps.apply(sc, StochasticMaps.at(s, x, y), s));
    }

    @Override
    public void close() {
        worker.close();
    }
}
