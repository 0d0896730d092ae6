package io.fresnel.ui;

import io.fresnel.service.Evaluation;
import io.fresnel.model.Scenario;
import io.fresnel.render.Colormap;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Layer;
import io.fresnel.service.LatestRequestWorker;
import io.fresnel.service.Outcome;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

/**
 * Keeps the scene's heatmap up to date with progressive refinement: after every change a coarse
 * frame ({@link #COARSE} x {@link #COARSE} over the visible area) is requested at once, and a
 * full-resolution frame (one sample per {@link #FINE_PIXELS} screen pixels, at most
 * {@link #FINE_MAX} per side) when nothing has changed for {@link #REST_MS} ms. Frames are
 * computed on the render worker (newest request wins); only painting happens on the FX thread.
 *
 * <p>Nothing stale is painted: when the evaluation is cleared (a new document) the frame is
 * cleared at once and the status says the heatmap is pending, and a frame is painted only if it
 * was computed for the evaluation shown now (its scenario is that evaluation's
 * {@link Evaluation#designed()}, which also fixes the document generation); a late frame of an
 * earlier scene or evaluation is dropped.
 */
public final class HeatmapController implements AutoCloseable {
    /** Coarse grid size per side. */
    public static final int COARSE = 100;
    /** Screen pixels per sample of the full-resolution frame. */
    public static final int FINE_PIXELS = 2;
    /** Largest full-resolution grid per side. */
    public static final int FINE_MAX = 480;
    /** Rest time before the full-resolution frame (ms). */
    public static final int REST_MS = 180;
    /** Time after which a frame still being computed is shown as progress (ms). */
    public static final int SLOW_MS = 500;

    private final ExplorerViewModel model;
    private final SceneCanvas scene;
    private final LatestRequestWorker<HeatmapRequest, HeatmapFrame> worker =
            new LatestRequestWorker<>("fresnel-render", HeatmapFrames::compute);
    private final ObjectProperty<Layer> layer = new SimpleObjectProperty<>(this, "layer", new Layer.Beampattern());
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(this, "colormap", Colormap.VIRIDIS);
    private final DoubleProperty dynamicRangeDb = new SimpleDoubleProperty(this, "dynamicRangeDb", 40);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final PauseTransition rest = new PauseTransition(Duration.millis(REST_MS));
    /** Shows that a frame is slow ({@link #SLOW_MS}): progress for anything longer than that. */
    private final PauseTransition slow = new PauseTransition(Duration.millis(SLOW_MS));
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private Runnable onFinePainted = () -> { };
    private boolean closed;
    private boolean active = true;

    /**
     * @param model the window state (its evaluation carries the precoder to map)
     * @param scene where frames are painted
     */
    public HeatmapController(ExplorerViewModel model, SceneCanvas scene) {
        this.model = model;
        this.scene = scene;
        rest.setOnFinished(e -> request(true));
        slow.setOnFinished(e -> {
            computing.set(true);
            status.set("heatmap: computing\u2026 (Esc cancels)");
        });
        model.evaluationProperty().addListener((o, a, b) -> {
            if (b == null) {
                pending();
            } else {
                changed();
            }
        });
        scene.setOnViewportChanged(this::changed);
        layer.addListener((o, a, b) -> changed());
        colormap.addListener((o, a, b) -> changed());
        dynamicRangeDb.addListener((o, a, b) -> changed());
    }

    /** @return the mapped layer */
    public ObjectProperty<Layer> layerProperty() {
        return layer;
    }

    /** @return the colormap */
    public ObjectProperty<Colormap> colormapProperty() {
        return colormap;
    }

    /** @return the shown range below the maximum for dB layers (dB) */
    public DoubleProperty dynamicRangeDbProperty() {
        return dynamicRangeDb;
    }

    /** @return what the renderer is doing, or why a layer cannot be shown */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return whether a frame has been computing for more than {@link #SLOW_MS} ms (shown as progress) */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** @param r called on the FX thread after each full-resolution frame is painted */
    public void setOnFinePainted(Runnable r) {
        onFinePainted = r;
    }

    /**
     * Cancels the frames being computed (Escape in the window). The frame on screen stays if it
     * belongs to the evaluation shown; one still waiting to be replaced (of an earlier evaluation)
     * is cleared.
     */
    public void cancel() {
        idle();
        worker.cancel();
        Evaluation now = model.evaluationProperty().get();
        HeatmapFrame shown = scene.frame();
        if (shown != null && (now == null || shown.request().scenario() != now.designed())) {
            scene.showFrame(null); // it was waiting to be replaced: never leave it under newer nodes
        }
        status.set("heatmap cancelled");
    }

    private void idle() {
        rest.stop();
        slow.stop();
        computing.set(false);
    }

    /** No evaluation (a new scene is being designed): clear the frame, drop the work in flight. */
    private void pending() {
        idle();
        worker.cancel();
        scene.showFrame(null);
        status.set("heatmap: waiting for the new scene's design");
    }

    /**
     * Turns the 2-D heatmap on and off with the visibility of the canvas (off while the 3-D tab is
     * shown, whose slice has its own renderer): while off, nothing is computed and the work in
     * flight is cancelled; on again, a frame of an earlier evaluation is cleared and a new one
     * requested as after any change.
     *
     * @param on whether the canvas is on screen
     */
    public void setActive(boolean on) {
        if (on == active || closed) {
            return;
        }
        active = on;
        if (!on) {
            idle();
            worker.cancel();
            return;
        }
        Evaluation now = model.evaluationProperty().get();
        HeatmapFrame shown = scene.frame();
        if (shown != null && (now == null || shown.request().scenario() != now.designed())) {
            scene.showFrame(null);
        }
        if (now == null) {
            pending();
        } else {
            changed();
        }
    }

    /** Requests a coarse frame now and a fine one after the pointer rests. */
    public void changed() {
        if (!active) {
            return;
        }
        request(false);
        rest.playFromStart();
    }

    private void request(boolean fine) {
        Evaluation e = model.evaluationProperty().get();
        if (e == null || closed || !active) {
            return;
        }
        Scenario s = e.designed();
        if (s.precoder() == null) {
            idle();
            worker.cancel();
            scene.showFrame(null);
            status.set("no heatmap: " + (e.problem() != null ? e.problem() : "no precoder"));
            return;
        }
        Viewport v = scene.viewport();
        double[] vis = v.visible();
        int nu;
        int nv;
        if (fine) {
            nu = (int) Math.min(FINE_MAX, Math.max(2, v.width() / FINE_PIXELS));
            nv = (int) Math.min(FINE_MAX, Math.max(2, v.height() / FINE_PIXELS));
        } else {
            double aspect = v.height() / v.width();
            nu = COARSE;
            nv = (int) Math.max(2, Math.round(COARSE * aspect));
        }
        GridSpec grid = new GridSpec(scene.plane(), vis[0], vis[1], vis[2], vis[3], nu, nv);
        HeatmapRequest req = new HeatmapRequest(s, layer.get(), grid, colormap.get(), dynamicRangeDb.get(), fine);
        worker.submit(req, outcome -> Platform.runLater(() -> show(outcome, s)));
        if (slow.getStatus() != javafx.animation.Animation.Status.RUNNING && !computing.get()) {
            slow.playFromStart();
        }
    }

    private void show(Outcome<HeatmapFrame> outcome, Scenario computedFor) {
        Evaluation now = model.evaluationProperty().get();
        if (closed || now == null || computedFor != now.designed()) {
            return; // computed for an evaluation (or a scene) no longer shown
        }
        slow.stop();
        computing.set(false);
        if (outcome instanceof Outcome.Success<HeatmapFrame> ok) {
            HeatmapFrame f = ok.value();
            scene.showFrame(f);
            status.set(String.format("%s: %d x %d%s", f.request().layer().label(), f.field().grid().nu(),
                    f.field().grid().nv(), f.request().fine() ? "" : " (coarse)"));
            if (f.request().fine()) {
                onFinePainted.run();
            }
        } else if (outcome instanceof Outcome.Failure<HeatmapFrame> failed) {
            scene.showFrame(null);
            status.set("no heatmap: " + failed.error().getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        idle();
        worker.close();
    }
}
