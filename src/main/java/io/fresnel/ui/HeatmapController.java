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

    private final ExplorerViewModel model;
    private final SceneCanvas scene;
    private final LatestRequestWorker<HeatmapRequest, HeatmapFrame> worker =
            new LatestRequestWorker<>("fresnel-render", HeatmapFrames::compute);
    private final ObjectProperty<Layer> layer = new SimpleObjectProperty<>(this, "layer", new Layer.Beampattern());
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(this, "colormap", Colormap.VIRIDIS);
    private final DoubleProperty dynamicRangeDb = new SimpleDoubleProperty(this, "dynamicRangeDb", 40);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final PauseTransition rest = new PauseTransition(Duration.millis(REST_MS));
    private Runnable onFinePainted = () -> { };
    private boolean closed;

    /**
     * @param model the window state (its evaluation carries the precoder to map)
     * @param scene where frames are painted
     */
    public HeatmapController(ExplorerViewModel model, SceneCanvas scene) {
        this.model = model;
        this.scene = scene;
        rest.setOnFinished(e -> request(true));
        model.evaluationProperty().addListener((o, a, b) -> changed());
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

    /** @param r called on the FX thread after each full-resolution frame is painted */
    public void setOnFinePainted(Runnable r) {
        onFinePainted = r;
    }

    /** Requests a coarse frame now and a fine one after the pointer rests. */
    public void changed() {
        request(false);
        rest.playFromStart();
    }

    private void request(boolean fine) {
        Evaluation e = model.evaluationProperty().get();
        if (e == null || closed) {
            return;
        }
        Scenario s = e.designed();
        if (s.precoder() == null) {
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
        worker.submit(req, outcome -> Platform.runLater(() -> show(outcome)));
    }

    private void show(Outcome<HeatmapFrame> outcome) {
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
        rest.stop();
        worker.close();
    }
}
