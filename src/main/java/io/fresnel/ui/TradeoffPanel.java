package io.fresnel.ui;

import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import io.fresnel.service.Evaluation;
import io.fresnel.service.LatestRequestWorker;
import io.fresnel.service.Outcome;
import io.fresnel.tradeoff.TradeoffFront;
import io.fresnel.tradeoff.TradeoffKind;
import io.fresnel.tradeoff.TradeoffListener;
import io.fresnel.tradeoff.TradeoffOptions;
import io.fresnel.tradeoff.TradeoffPoint;
import io.fresnel.tradeoff.TradeoffTracer;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/**
 * The "Tradeoff" tab: the Pareto front between a sensing and a communication or secrecy measure
 * for the scene in the window ({@link TradeoffKind}: paper 004's sum CRB versus the SINR
 * requirement, paper 000's secrecy versus a CRB bound, paper 001's secrecy versus the PCRB bound),
 * traced by {@link TradeoffTracer} on a background worker (newest request wins; a new request
 * cancels the running trace). After an edit has rested for {@link #REST_MS} ms the front is traced
 * again, coarse first and then refined, with progress and a Cancel button; only while the tab is
 * shown. The design in force is marked on the chart; clicking a feasible point (or a row of the
 * list) applies its level to the scene through the document's undoable edit path, with that
 * point's precoder, and makes the front's design the beamformer, as one undo step: undo restores
 * the scene and the beamformer chosen before, redo both again.
 */
final class TradeoffPanel extends VBox implements AutoCloseable {
    /** How long an edit must rest before the front is traced again (ms). */
    static final double REST_MS = 400;
    /** How far from a marker a click still picks it (pixels). */
    private static final double PICK_RADIUS = 12;

    /** One trace request: the scene, the front, the design, the options and the request's number. */
    private record Request(long id, Scenario scene, Scenario key, TradeoffKind kind, String algorithm,
            TradeoffOptions options) {
    }

    /** The latest progress of a trace, handed to the FX thread. */
    private record Progress(long id, int done, int total, String message) {
    }

    private final ExplorerViewModel model;
    private final Tab tab = new Tab("Tradeoff");
    private final ComboBox<TradeoffKind> kinds = new ComboBox<>();
    private final Label info = new Label();
    private final Label standing = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final TradeoffChart chart = new TradeoffChart();
    private final ChartViewer viewer = new ChartViewer(chart.chart());
    private final ListView<TradeoffPoint> list = new ListView<>();
    private final LatestRequestWorker<Request, TradeoffFront> worker;
    private final PauseTransition rest = new PauseTransition(Duration.millis(REST_MS));
    private final AtomicReference<Progress> latestProgress = new AtomicReference<>();
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private Function<TradeoffKind, TradeoffOptions> options = TradeoffOptions::defaults;
    /** The number of the newest request (FX thread); results of older ones are dropped. */
    private long requests;
    private boolean running;
    private boolean active;
    private boolean closed;
    /** What the front on screen (or being traced) was traced for: the scene without its level. */
    private Scenario tracedKey;
    private TradeoffKind tracedKind;
    /** The scene whose trace the user cancelled: not traced again until it, the kind or the tab changes. */
    private Scenario cancelledKey;
    private TradeoffKind cancelledKind;
    private TradeoffFront shown;
    /** What the front on screen was traced for (clicks apply only while the scene still matches it). */
    private Scenario shownKey;
    /** The stages of the fronts shown, in order (tests check coarse before refined). */
    private final List<TradeoffFront.Stage> stagesShown = new java.util.ArrayList<>();

    /** @param model the window state */
    TradeoffPanel(ExplorerViewModel model) {
        this.model = model;
        this.worker = new LatestRequestWorker<>("fresnel-tradeoff", this::trace);
        setId("tradeoff");
        setSpacing(6);
        setPadding(new Insets(8));
        tab.setContent(this);
        tab.setClosable(false);
        tab.setId("tab-tradeoff");
        tab.selectedProperty().addListener((o, a, b) -> setActive(b));
        kinds.setId("tradeoff-kind");
        kinds.setConverter(new StringConverter<>() {
            @Override
            public String toString(TradeoffKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public TradeoffKind fromString(String s) {
                return null;
            }
        });
        kinds.valueProperty().addListener((o, a, b) -> refresh());
        info.setWrapText(true);
        info.setId("tradeoff-info");
        standing.setWrapText(true);
        standing.setId("tradeoff-standing");
        progress.setPrefWidth(160);
        cancel.setId("tradeoff-cancel");
        cancel.setOnAction(e -> cancel());
        HBox bar = new HBox(8, progress, progressText, cancel);
        HBox.setHgrow(progressText, Priority.ALWAYS);
        viewer.setId("tradeoff-chart");
        viewer.setPrefHeight(340);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                Rectangle2D area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
                TradeoffPoint p = chart.pointAt(area, new Point2D.Double(e.getTrigger().getX(), e.getTrigger().getY()),
                        PICK_RADIUS);
                if (p != null) {
                    apply(p);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
            }
        });
        list.setId("tradeoff-points");
        list.setPrefHeight(150);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TradeoffPoint p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null || shown == null ? null : describe(shown.kind(), p));
            }
        });
        list.setOnMouseClicked(e -> {
            TradeoffPoint p = list.getSelectionModel().getSelectedItem();
            if (p != null && e.getClickCount() == 2) {
                apply(p);
            }
        });
        getChildren().addAll(new HBox(8, new Label("Front"), kinds), info, bar, viewer, standing, list);
        rest.setOnFinished(e -> startTrace());
        model.scenarioProperty().addListener((o, a, b) -> refresh());
        model.algorithmProperty().addListener((o, a, b) -> refresh());
        model.evaluationProperty().addListener((o, a, b) -> markInForce());
        showRunning(false);
        refresh();
    }

    /** @return the tab that holds the panel (tracing happens only while it is selected) */
    Tab tab() {
        return tab;
    }

    /**
     * @param o the options of each front (tests trace fewer levels); the defaults otherwise
     */
    void setOptions(Function<TradeoffKind, TradeoffOptions> o) {
        options = Objects.requireNonNull(o, "options");
        tracedKey = null;
        refresh();
    }

    /** @param on whether the panel is shown: it traces only then */
    void setActive(boolean on) {
        active = on;
        if (on) {
            cancelledKey = null;
            refresh();
        }
    }

    /**
     * @return the chart on screen (one instance for the panel's lifetime, updated in place), for a
     *     figure exporter; its data is {@link #front()} ({@code TradeoffCsv.format})
     */
    org.jfree.chart.JFreeChart chart() {
        return chart.chart();
    }

    /** @return the front on screen, or null */
    TradeoffFront front() {
        return shown;
    }

    /** @return the stages of the fronts shown so far, in order */
    List<TradeoffFront.Stage> stagesShown() {
        return List.copyOf(stagesShown);
    }

    /** @return the chart's content (tests find the markers) */
    TradeoffChart chartContent() {
        return chart;
    }

    /**
     * @param p a plotted point
     * @return where its marker is on the screen, or null when it is not plotted
     */
    javafx.geometry.Point2D screenPointOf(TradeoffPoint p) {
        Point2D q = chart.position(viewer.getRenderingInfo().getPlotInfo().getDataArea(), p);
        return q == null ? null : viewer.getCanvas().localToScreen(q.getX(), q.getY());
    }

    /** @return the standing line of the design in force */
    String standingText() {
        return standing.getText();
    }

    /** Cancels the trace (Escape or the Cancel button); the front on screen stays. */
    void cancel() {
        rest.stop();
        if (running) {
            worker.cancel();
            requests++;
            showRunning(false);
            // an edit of the scene, or showing the tab again, traces anew; a new precoder alone does not
            cancelledKey = tracedKey;
            cancelledKind = tracedKind;
            tracedKey = null;
            info.setText("cancelled" + (shown == null ? "" : "; the front shown has " + shown.points().size()
                    + " levels"));
        }
    }

    // ---- state ----------------------------------------------------------------------------

    private void refresh() {
        if (closed) {
            return;
        }
        Scenario s = model.getScenario();
        String alg = model.algorithmProperty().get();
        List<TradeoffKind> available = TradeoffKind.availableFor(s, alg);
        if (!available.equals(kinds.getItems())) {
            TradeoffKind keep = kinds.getValue();
            kinds.setItems(FXCollections.observableArrayList(available));
            kinds.setValue(available.contains(keep) ? keep : available.isEmpty() ? null : available.get(0));
        }
        TradeoffKind kind = kinds.getValue();
        if (kind == null) {
            empty(s == null ? "No scene." : "No tradeoff front for this scene and beamformer. Fronts exist for"
                    + " paper 004's sum CRB vs the users' SINR requirement (a digital array with users and targets),"
                    + " paper 000's secrecy vs its CRB bounds (rsma-hybrid, rsma-digital, sdma-hybrid,"
                    + " rsma-far-field) and paper 001's secrecy vs the PCRB bound (an-secure-pcrb and its"
                    + " benchmarks, one user, a target with a prior).");
            return;
        }
        Scenario key = keyOf(s, kind, alg);
        if (key != null && key.equals(tracedKey) && kind == tracedKind) {
            markInForce();
            return;
        }
        if (!active) {
            tracedKey = null;
            return;
        }
        if (key != null && key.equals(cancelledKey) && kind == cancelledKind) {
            return;
        }
        rest.playFromStart();
        if (shown != null) {
            info.setText("the scene changed: tracing again when it rests\u2026");
        }
    }

    private void empty(String why) {
        rest.stop();
        worker.cancel();
        requests++;
        running = false;
        showRunning(false);
        shown = null;
        shownKey = null;
        tracedKey = null;
        tracedKind = null;
        list.getItems().clear();
        chart.clear("Tradeoff", "No tradeoff front for this scene");
        info.setText(why);
        standing.setText("");
    }

    /** @return the scene without its level and precoder (what a front depends on), or null */
    private static Scenario keyOf(Scenario s, TradeoffKind kind, String inForce) {
        if (s == null || kind.designFor(inForce) == null) {
            return null;
        }
        try {
            return kind.withLevel(s.withPrecoder(null), 1.0, kind.designFor(inForce));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void startTrace() {
        Scenario s = model.getScenario();
        TradeoffKind kind = kinds.getValue();
        String alg = model.algorithmProperty().get();
        Scenario key = kind == null ? null : keyOf(s, kind, alg);
        if (closed || key == null) {
            return;
        }
        long id = ++requests;
        cancelledKey = null;
        tracedKey = key;
        tracedKind = kind;
        running = true;
        showRunning(true);
        progress.setProgress(0);
        progressText.setText("starting\u2026");
        info.setText("tracing " + kind.label() + " with " + kind.designFor(alg) + ": coarse levels first");
        Request r = new Request(id, s.withPrecoder(null), key, kind, kind.designFor(alg), options.apply(kind));
        worker.submit(r, outcome -> Platform.runLater(() -> finished(r, outcome)));
    }

    private TradeoffFront trace(Request r, java.util.function.BooleanSupplier cancelled) {
        TradeoffListener l = new TradeoffListener() {
            @Override
            public void onProgress(int done, int total, String message) {
                latestProgress.set(new Progress(r.id(), done, total, message));
                if (progressQueued.compareAndSet(false, true)) {
                    Platform.runLater(TradeoffPanel.this::showProgress);
                }
            }

            @Override
            public void onFront(TradeoffFront front) {
                if (!cancelled.getAsBoolean()) {
                    Platform.runLater(() -> {
                        if (r.id() == requests && !closed) {
                            show(front, r.key());
                        }
                    });
                }
            }
        };
        return TradeoffTracer.trace(r.scene(), r.kind(), r.algorithm(), r.options(), cancelled, l);
    }

    private void showProgress() {
        progressQueued.set(false);
        Progress p = latestProgress.get();
        if (p == null || p.id() != requests || !running) {
            return;
        }
        progress.setProgress(p.total() == 0 ? 0 : (double) p.done() / p.total());
        progressText.setText(p.message());
    }

    private void finished(Request r, Outcome<TradeoffFront> outcome) {
        if (r.id() != requests || closed) {
            return;
        }
        running = false;
        showRunning(false);
        if (outcome instanceof Outcome.Failure<TradeoffFront> f) {
            tracedKey = null;
            info.setText("tradeoff failed: " + f.error().getMessage());
            return;
        }
        show(((Outcome.Success<TradeoffFront>) outcome).value(), r.key());
    }

    private void show(TradeoffFront f, Scenario key) {
        shown = f;
        shownKey = key;
        stagesShown.add(f.stage());
        double[] m = inForceMeasures(f.kind());
        chart.show(f, m[0], m[1]);
        list.getItems().setAll(f.points());
        long feasible = f.points().stream().filter(TradeoffPoint::feasible).count();
        String stage = switch (f.stage()) {
            case PARTIAL -> "coarse front, refining\u2026";
            case COMPLETE -> "front traced";
            case CANCELLED -> "cancelled";
        };
        info.setText(String.format(Locale.ROOT, "%s: %d levels with %s, %d feasible, %d not. Click a point (or"
                + " double-click a row) to apply its design.", stage, f.points().size(), f.algorithm(), feasible,
                f.points().size() - feasible));
        markInForce();
    }

    /** @return the sensing and communication measures of the evaluation shown, or NaN */
    private double[] inForceMeasures(TradeoffKind kind) {
        Evaluation e = model.evaluationProperty().get();
        Metrics m = e == null ? null : e.metrics();
        if (m == null || e.designed().precoder() == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {kind.sensing(m), kind.communication(m)};
    }

    private void markInForce() {
        if (shown == null) {
            standing.setText("");
            return;
        }
        double[] m = inForceMeasures(shown.kind());
        chart.showInForce(m[0], m[1]);
        String where = switch (shown.standing(m[0], m[1])) {
            case ON_FRONT -> "on the front";
            case DOMINATED -> "inside the front (a traced level does better in both measures)";
            case BEYOND -> "beyond the traced front (the traced level there is not optimal: refine or re-trace)";
            case UNKNOWN -> "not placed (its measures are not defined, or no level is feasible)";
        };
        standing.setText("Design in force (\u25c6): " + where + ".");
    }

    private void apply(TradeoffPoint p) {
        TradeoffFront f = shown;
        if (f == null) {
            return;
        }
        if (!p.feasible()) {
            model.report("tradeoff: " + level(f.kind(), p.level()) + " is " + p.state().text()
                    + (p.message() != null ? " (" + p.message() + ")" : "") + "; nothing applied");
            return;
        }
        Scenario key = keyOf(model.getScenario(), f.kind(), model.algorithmProperty().get());
        if (key == null || !key.equals(shownKey)) {
            model.report("tradeoff: the front is being traced for the edited scene; click again when it is done");
            return;
        }
        String alg = f.algorithm();
        model.editWithBeamformer("tradeoff: " + level(f.kind(), p.level()),
                s -> f.kind().withLevel(s, p.level(), alg).withPrecoder(p.designed().precoder()), alg);
    }

    private void showRunning(boolean on) {
        progress.setVisible(on);
        cancel.setVisible(on);
        progressText.setVisible(on);
    }

    /** @return the level in words, e.g. "SINR requirement Γ = 12.0 dB" */
    static String level(TradeoffKind kind, double level) {
        if (kind == TradeoffKind.SUM_CRB_VS_SINR) {
            return String.format(Locale.ROOT, "%s = %.2f dB", kind.parameterLabel(), 10 * Math.log10(level));
        }
        return String.format(Locale.ROOT, "%s = %.3g", kind.parameterLabel(), level);
    }

    /** @return one row of the list: level, state, measures */
    static String describe(TradeoffKind kind, TradeoffPoint p) {
        String head = level(kind, p.level()) + ": " + (p.dominated() ? "dominated" : p.state().text());
        if (!Double.isFinite(p.sensing()) || !Double.isFinite(p.communication())) {
            return head + (p.message() != null ? " (" + p.message() + ")" : "");
        }
        String comm = kind == TradeoffKind.SUM_CRB_VS_SINR
                ? String.format(Locale.ROOT, "%.2f dB", 10 * Math.log10(p.communication()))
                : String.format(Locale.ROOT, "%.4f bit/s/Hz", p.communication());
        return String.format(Locale.ROOT, "%s; %s %.4g; %s %s", head, kind.sensingLabel(), p.sensing(),
                kind == TradeoffKind.SUM_CRB_VS_SINR ? "min SINR" : "secrecy", comm);
    }

    @Override
    public void close() {
        closed = true;
        rest.stop();
        worker.close();
    }
}
