package io.fresnel.ui;

import io.fresnel.model.Scenario;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import io.fresnel.service.Evaluation;
import io.fresnel.service.LatestRequestWorker;
import io.fresnel.service.Outcome;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * Computes the heatmap texture of the 3-D view's slice on its own render worker, with the same
 * field code and layer, colormap and range as the 2-D canvas ({@link HeatmapController}): over
 * {@link SlicePlanes#extent} of the plane, a coarse frame ({@link #COARSE} points a side) at
 * once after every change and a full one ({@link #FINE} a side) when nothing has changed for
 * {@link HeatmapController#REST_MS} ms; the newest request wins. Works only while active (the
 * 3-D tab is shown).
 */
final class SliceRenderer implements AutoCloseable {
    /** Coarse grid per side. */
    static final int COARSE = 64;
    /** Full grid per side. */
    static final int FINE = 200;

    private final ExplorerViewModel model;
    private final HeatmapController heatmap;
    private final Consumer<HeatmapFrame> sink;
    private final LatestRequestWorker<HeatmapRequest, HeatmapFrame> worker =
            new LatestRequestWorker<>("fresnel-slice", HeatmapFrames::compute);
    private final PauseTransition rest = new PauseTransition(Duration.millis(HeatmapController.REST_MS));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Runnable onFinePainted = () -> { };
    private boolean active;
    private boolean closed;

    /**
     * @param model the window state
     * @param heatmap the 2-D heatmap's settings (layer, colormap, range)
     * @param sink receives each frame on the FX thread (null when there is nothing to show)
     */
    SliceRenderer(ExplorerViewModel model, HeatmapController heatmap, Consumer<HeatmapFrame> sink) {
        this.model = model;
        this.heatmap = heatmap;
        this.sink = sink;
        rest.setOnFinished(e -> request(true));
        model.evaluationProperty().addListener((o, a, b) -> changed());
        model.slice().planeProperty().addListener((o, a, b) -> changed());
        heatmap.layerProperty().addListener((o, a, b) -> changed());
        heatmap.colormapProperty().addListener((o, a, b) -> changed());
        heatmap.dynamicRangeDbProperty().addListener((o, a, b) -> changed());
    }

    /** @return what the slice renderer is doing, or why it shows nothing */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @param r called on the FX thread after each full frame was handed to the sink */
    void setOnFinePainted(Runnable r) {
        onFinePainted = r;
    }

    /** @param on whether the slice is on screen (off: no work) */
    void setActive(boolean on) {
        boolean was = active;
        active = on;
        if (on && !was) {
            changed();
        }
    }

    /** Requests a coarse frame now and a full one at rest. */
    void changed() {
        if (!active || closed) {
            return;
        }
        request(false);
        rest.playFromStart();
    }

    private void request(boolean fine) {
        Evaluation e = model.evaluationProperty().get();
        if (closed || !active) {
            return;
        }
        if (e == null) {
            // a new scene is being designed: nothing of the previous one stays (as in HeatmapController)
            worker.cancel();
            sink.accept(null);
            status.set("slice: waiting for the new scene's design");
            return;
        }
        Scenario s = e.designed();
        if (s.precoder() == null) {
            sink.accept(null);
            status.set("no slice: " + (e.problem() != null ? e.problem() : "no precoder"));
            return;
        }
        Plane plane = model.slice().getPlane();
        double[] ext = SlicePlanes.extent(s, plane);
        int n = fine ? FINE : COARSE;
        double aspect = (ext[3] - ext[2]) / (ext[1] - ext[0]);
        int nu = aspect > 1 ? Math.max(2, (int) Math.round(n / aspect)) : n;
        int nv = aspect > 1 ? n : Math.max(2, (int) Math.round(n * aspect));
        GridSpec grid = new GridSpec(plane, ext[0], ext[1], ext[2], ext[3], nu, nv);
        HeatmapRequest req = new HeatmapRequest(s, heatmap.layerProperty().get(), grid,
                heatmap.colormapProperty().get(), heatmap.dynamicRangeDbProperty().get(), fine);
        worker.submit(req, outcome -> Platform.runLater(() -> show(outcome, s)));
    }

    private void show(Outcome<HeatmapFrame> outcome, Scenario computedFor) {
        Evaluation now = model.evaluationProperty().get();
        if (closed || now == null || computedFor != now.designed()) {
            return; // computed for an evaluation (or a scene) no longer shown
        }
        if (outcome instanceof Outcome.Success<HeatmapFrame> ok) {
            HeatmapFrame f = ok.value();
            sink.accept(f);
            var plane = f.field().grid().plane();
            // an offset to 4 digits (a followed target's x printed as 0.06595756730605669)
            String name = plane.isAxisAligned() ? String.format(java.util.Locale.ROOT, "%s=%.4g", plane.normal().key(),
                    plane.offsetM()) : plane.toString();
            status.set(String.format("slice %s: %d x %d%s", name, f.field().grid().nu(), f.field().grid().nv(),
                    f.request().fine() ? "" : " (coarse)"));
            if (f.request().fine()) {
                onFinePainted.run();
            }
        } else if (outcome instanceof Outcome.Failure<HeatmapFrame> failed) {
            sink.accept(null);
            status.set("no slice: " + failed.error().getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        rest.stop();
        worker.close();
    }
}
