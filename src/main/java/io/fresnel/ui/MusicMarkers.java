package io.fresnel.ui;

import io.fresnel.localize.Localizer;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.render.Layer;
import io.fresnel.service.Evaluation;
import io.fresnel.service.LatestRequestWorker;
import io.fresnel.service.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;

/**
 * While the MUSIC spectrum layer is shown, keeps the MUSIC estimate of every target on the scene:
 * the estimates of the same seeded echo realisation as the layer ({@link Localizer#estimateOnce}),
 * recomputed on a background worker after every change (newest request wins); the old markers are
 * removed at once when the scenario changes, so a stale estimate is never drawn beside a moved
 * target.
 */
final class MusicMarkers implements AutoCloseable {
    /** One request: the designed scenario and the realisation's seed. */
    private record Request(Scenario scenario, long seed) {
    }

    private final ExplorerViewModel model;
    private final HeatmapController heatmap;
    private final SceneCanvas scene;
    private final LatestRequestWorker<Request, Map<String, Vec3>> worker =
            new LatestRequestWorker<>("fresnel-music", (r, cancelled) -> estimates(r));

    /**
     * @param model the window state (its evaluation carries the designed scenario)
     * @param heatmap the heatmap controller (its layer selects the seed, or turns the markers off)
     * @param scene where the markers are drawn
     */
    MusicMarkers(ExplorerViewModel model, HeatmapController heatmap, SceneCanvas scene) {
        this.model = model;
        this.heatmap = heatmap;
        this.scene = scene;
        model.evaluationProperty().addListener((o, a, b) -> changed());
        heatmap.layerProperty().addListener((o, a, b) -> changed());
    }

    private static Map<String, Vec3> estimates(Request r) {
        List<Vec3> est = Localizer.estimateOnce(r.scenario(), r.seed());
        Map<String, Vec3> out = new LinkedHashMap<>();
        for (int t = 0; t < est.size(); t++) {
            out.put(r.scenario().targets().get(t).id(), est.get(t));
        }
        return out;
    }

    /** Clears the markers and asks for new ones when the MUSIC layer is shown. */
    void changed() {
        scene.setMusicEstimates(Map.of());
        Evaluation e = model.evaluationProperty().get();
        if (!(heatmap.layerProperty().get() instanceof Layer.Music music) || e == null) {
            return;
        }
        Scenario s = e.designed();
        if (s.precoder() == null || s.targets().isEmpty() || s.dimension() != 2) {
            return;
        }
        worker.submit(new Request(s, music.seed()), outcome -> Platform.runLater(() -> show(s, outcome)));
    }

    private void show(Scenario requested, Outcome<Map<String, Vec3>> outcome) {
        Evaluation now = model.evaluationProperty().get();
        if (now == null || now.designed() != requested) {
            return;
        }
        if (outcome instanceof Outcome.Success<Map<String, Vec3>> ok) {
            scene.setMusicEstimates(ok.value());
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
