package io.fresnel.ui;

import io.fresnel.model.Scenario;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import io.fresnel.service.Evaluation;
import io.fresnel.service.LatestRequestWorker;
import io.fresnel.service.Outcome;
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
 *
 * <p>A design that fails (infeasible, iteration limit, an error) leaves the scene without a
 * precoder. The slice then shows the field of the <em>last</em> precoder designed for this
 * document (the same transmit array) on the present scene and plane, handed to the sink as
 * stale, and {@link #noteProperty()} says why (the solver's one-line reason) and that it is stale;
 * with no earlier design to show the slice is empty and the note says so. The 2-D canvas clears
 * its heatmap in that case and names the reason in the status line only; the 3-D view, where an
 * empty scene said nothing, shows the note over the view.
 */
final class SliceRenderer implements AutoCloseable {
    /** Coarse grid per side. */
    static final int COARSE = 64;
    /** Full grid per side. */
    static final int FINE = 200;

    private final ExplorerViewModel model;
    private final HeatmapController heatmap;
    private final SliceSink sink;
    private final LatestRequestWorker<HeatmapRequest, HeatmapFrame> worker =
            new LatestRequestWorker<>("fresnel-slice", HeatmapFrames::compute);
    private final PauseTransition rest = new PauseTransition(Duration.millis(HeatmapController.REST_MS));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    /** The newest evaluation of this document with a precoder: the stale slice after a failed design. */
    private Evaluation lastDesigned;
    private Runnable onFinePainted = () -> { };
    private boolean active;
    private boolean closed;

    /** Receives the frames to show on the FX thread. */
    interface SliceSink {
        /**
         * @param frame the frame, or null when there is nothing to show
         * @param stale whether it shows an earlier design's precoder (the present design failed)
         */
        void show(HeatmapFrame frame, boolean stale);
    }

    /**
     * @param model the window state
     * @param heatmap the 2-D heatmap's settings (layer, colormap, range)
     * @param sink receives each frame on the FX thread
     */
    SliceRenderer(ExplorerViewModel model, HeatmapController heatmap, SliceSink sink) {
        this.model = model;
        this.heatmap = heatmap;
        this.sink = sink;
        rest.setOnFinished(e -> request(true));
        model.evaluationProperty().addListener((o, a, b) -> {
            remember(b);
            changed();
        });
        remember(model.evaluationProperty().get());
        model.slice().planeProperty().addListener((o, a, b) -> changed());
        heatmap.layerProperty().addListener((o, a, b) -> changed());
        heatmap.colormapProperty().addListener((o, a, b) -> changed());
        heatmap.dynamicRangeDbProperty().addListener((o, a, b) -> changed());
    }

    /** @return what the slice renderer is doing, or why it shows nothing */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * @return why the slice shows an earlier design or nothing (the design failed), for a note
     *     over the view; "" while the slice shows the design in force
     */
    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Keeps the newest evaluation with a precoder; a new document (no evaluation) forgets it. */
    private void remember(Evaluation e) {
        if (e == null) {
            lastDesigned = null;
        } else if (e.designed().precoder() != null && !designFailed(e)) {
            lastDesigned = e;
        }
    }

    /**
     * The present scene with the last designed precoder, when the present design failed and an
     * earlier design of the same document and transmit array exists.
     *
     * @param e the evaluation in force (without a precoder)
     * @return the scene to map, or null when there is none
     */
    Scenario staleScene(Evaluation e) {
        Evaluation last = lastDesigned;
        if (last == null || !designFailed(e) || last.generation() != e.generation()
                || !last.designed().txArray().equals(e.input().txArray())) {
            return null;
        }
        try {
            return e.input().withPrecoder(last.designed().precoder());
        } catch (IllegalArgumentException ex) {
            return null; // the nodes changed so that the old precoder no longer fits
        }
    }

    /**
     * @param e an evaluation
     * @return whether a design was run and gave no precoder (rather than no beamformer chosen);
     *     the scene may still carry the precoder it had before, which is then stale too
     */
    private boolean designFailed(Evaluation e) {
        return e.design() != null ? e.design().precoder() == null
                : e.designed().precoder() == null && model.algorithmProperty().get() != null;
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
            sink.show(null, false);
            note.set("");
            status.set("slice: waiting for the new scene's design");
            return;
        }
        Scenario s = e.designed();
        String why = e.problem() != null ? e.problem() : "no precoder";
        String staleNote = null;
        if (s.precoder() != null && designFailed(e)) {
            // the design failed on a scene that still carries its earlier precoder: that one is stale
            staleNote = "Design failed: " + why + ". The slice shows the scene's earlier beamformer (stale).";
        } else if (s.precoder() == null) {
            s = staleScene(e);
            if (s == null) {
                worker.cancel();
                sink.show(null, false);
                note.set(!designFailed(e) ? "No slice: " + why : "Design failed: " + why
                        + ". No earlier design of this scene to show.");
                status.set("no slice: " + why);
                return;
            }
            staleNote = "Design failed: " + why + ". The slice shows the last designed beamformer (stale).";
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
        String stale = staleNote;
        worker.submit(req, outcome -> Platform.runLater(() -> show(outcome, e, stale)));
    }

    /**
     * @param outcome the computed frame
     * @param computedFor the evaluation it was computed for
     * @param staleNote the note when it shows an earlier design, or null
     */
    private void show(Outcome<HeatmapFrame> outcome, Evaluation computedFor, String staleNote) {
        if (closed || computedFor != model.evaluationProperty().get()) {
            return; // computed for an evaluation (or a scene) no longer shown
        }
        if (outcome instanceof Outcome.Success<HeatmapFrame> ok) {
            HeatmapFrame f = ok.value();
            sink.show(f, staleNote != null);
            note.set(staleNote == null ? "" : staleNote);
            var plane = f.field().grid().plane();
            // an offset to 4 digits (a followed target's x printed as 0.06595756730605669)
            String name = plane.isAxisAligned() ? String.format(java.util.Locale.ROOT, "%s=%.4g", plane.normal().key(),
                    plane.offsetM()) : plane.toString();
            status.set(String.format("slice %s: %d x %d%s%s", name, f.field().grid().nu(), f.field().grid().nv(),
                    f.request().fine() ? "" : " (coarse)", staleNote == null ? "" : " of the last design (stale)"));
            if (f.request().fine()) {
                onFinePainted.run();
            }
        } else if (outcome instanceof Outcome.Failure<HeatmapFrame> failed) {
            sink.show(null, false);
            note.set("No slice: " + failed.error().getMessage());
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
