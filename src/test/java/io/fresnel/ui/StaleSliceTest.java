package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.io.ScenarioReader;
import io.fresnel.math.Vec3;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.render.Plane;
import io.fresnel.service.Evaluation;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A design that fails leaves the 3-D view's slice on the last designed precoder, marked stale (grey),
 * with a note naming the failure; it still follows the plane; a design that succeeds again
 * replaces it. The renderer runs headless (only its texture needs 3-D).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StaleSliceTest {
    private ExplorerViewModel model;
    private FxFixture fixture;
    private MainWindow window;
    private SliceRenderer renderer;
    private final AtomicReference<HeatmapFrame> shown = new AtomicReference<>();
    private final AtomicBoolean stale = new AtomicBoolean();

    /** p004_upa_two_targets designed by crb-min-sdr with each user's minimum rate (bit/s/Hz). */
    private static Scenario withRates(double rate) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(GoldenFiles.goldenDir()
                .resolve("public/p004_upa_two_targets.scenario.json").toFile());
        tree.remove("precoder");
        tree.putObject("solver").put("algorithm", "crb-min-sdr");
        tree.get("users").forEach(u -> ((ObjectNode) u).put("min_rate_bps_hz", rate));
        return ScenarioReader.readScenario(json.writeValueAsString(tree));
    }

    @Start
    void start(Stage stage) throws Exception {
        fixture = new FxFixture(withRates(3));
        model = fixture.model();
        window = new MainWindow(model);
        stage.setScene(new Scene(window, 1000, 700));
        renderer = new SliceRenderer(model, window.heatmap(), (f, old) -> {
            shown.set(f);
            stale.set(old);
        });
        fixture.closing(renderer, window);
        renderer.setActive(true);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private HeatmapFrame awaitFine(boolean old, Plane plane) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            HeatmapFrame f = shown.get();
            return f != null && f.request().fine() && stale.get() == old && f.field().grid().plane().equals(plane);
        }));
        return onFx(shown::get);
    }

    private Evaluation awaitEvaluation(boolean designed) throws Exception {
        return awaitEvaluation(designed, designed);
    }

    /**
     * @param precoder whether the evaluation's scene has a precoder
     * @param designed whether the design (if one ran) gave one; false: the evaluation reports a
     *     problem (the failed design's)
     */
    private Evaluation awaitEvaluation(boolean precoder, boolean designed) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
                Evaluation e = model.evaluationProperty().get();
                // the document adopts a designed precoder: its scene is then the evaluation's designed one
                return e != null && (e.input() == model.getScenario() || e.designed() == model.getScenario())
                        && (e.designed().precoder() != null) == precoder
                        // a failure is the design's own result (not the quick evaluation of the
                        // precoder the scene carries, which has no design and no problem)
                        && (designed ? e.design() == null || e.design().precoder() != null
                                : e.problem() != null && (e.design() == null || e.design().precoder() == null));
            }));
        } catch (java.util.concurrent.TimeoutException ex) {
            Evaluation e = onFx(() -> model.evaluationProperty().get());
            throw new AssertionError("no evaluation " + (designed ? "with" : "without") + " a precoder; now: "
                    + (e == null ? "none" : e.problem() + ", input is the scene: " + (e.input() == onFx(
                    model::getScenario)) + ", solver: " + onFx(() -> model.solverStatusProperty().get())), ex);
        }
        return onFx(() -> model.evaluationProperty().get());
    }

    @Test
    void aFailedDesignLeavesTheLastDesignStaleWithANoteAndASuccessReplacesIt() throws Exception {
        Precoder designed = awaitEvaluation(true).designed().precoder();
        awaitFine(false, onFx(() -> model.slice().getPlane()));
        assertEquals("", onFx(() -> renderer.noteProperty().get()));
        Scenario infeasible = withRates(30);
        // the document keeps the designed precoder with its scene, and an edit keeps it: the design
        // fails on a scene that still carries it, which is then stale too
        assertTrue(onFx(() -> model.edit("rates", s -> infeasible.withPrecoder(s.precoder()))));
        Evaluation carried = awaitEvaluation(true, false);
        assertEquals(designed, carried.designed().precoder());
        HeatmapFrame c = awaitFine(true, onFx(() -> model.slice().getPlane()));
        assertEquals(designed, c.request().scenario().precoder());
        assertEquals("Design failed: " + carried.problem() + ". The slice shows the scene's earlier beamformer"
                + " (stale).", onFx(() -> renderer.noteProperty().get()));
        WaitForAsyncUtils.asyncFx(model::undo).get(10, TimeUnit.SECONDS);
        awaitEvaluation(true);
        awaitFine(false, onFx(() -> model.slice().getPlane()));
        // a scene without a precoder: the last designed one is put on it
        assertTrue(onFx(() -> model.edit("rates", s -> infeasible)));
        Evaluation failed = awaitEvaluation(false);
        assertTrue(failed.problem().contains("infeasible"), failed.problem());
        HeatmapFrame f = awaitFine(true, onFx(() -> model.slice().getPlane()));
        assertEquals(designed, f.request().scenario().precoder(), "the last designed precoder");
        String note = onFx(() -> renderer.noteProperty().get());
        assertEquals("Design failed: " + failed.problem() + ". The slice shows the last designed beamformer (stale).",
                note);
        assertTrue(onFx(() -> renderer.statusProperty().get()).endsWith("of the last design (stale)"));
        // a drag that still fails: the default plane follows the first target, and the stale slice with it
        Vec3 t1 = onFx(() -> ScenarioEdits.position(model.getScenario(), "t1"));
        WaitForAsyncUtils.asyncFx(() -> {
            model.dragNode("t1", t1.plus(new Vec3(0.02, 0, 0)));
            model.endDrag();
        }).get(10, TimeUnit.SECONDS);
        Plane moved = onFx(() -> model.slice().getPlane());
        assertEquals(t1.x() + 0.02, moved.offsetM(), 1e-15);
        awaitEvaluation(false);
        HeatmapFrame again = awaitFine(true, moved);
        assertEquals(designed, again.request().scenario().precoder());
        // undo both: the design succeeds, the slice is current and the note goes
        WaitForAsyncUtils.asyncFx(() -> {
            model.undo();
            model.undo();
        }).get(10, TimeUnit.SECONDS);
        awaitEvaluation(true);
        awaitFine(false, onFx(() -> model.slice().getPlane()));
        assertEquals("", onFx(() -> renderer.noteProperty().get()));
        // a new document that fails from the start has no earlier design: no slice, and the note says so
        WaitForAsyncUtils.asyncFx(() -> model.document().replace(infeasible, null)).get(10, TimeUnit.SECONDS);
        awaitEvaluation(false);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() ->
                renderer.noteProperty().get().endsWith("No earlier design of this scene to show.")));
        assertNull(onFx(shown::get));
    }

    @Test
    void aStaleTextureIsGrey() throws Exception {
        HeatmapFrame f = awaitFine(false, onFx(() -> model.slice().getPlane()));
        int[] grey = SliceQuad3D.greyed(f.argb());
        int p = f.argb()[0];
        int q = grey[0];
        assertEquals(p >>> 24, q >>> 24, "alpha kept");
        double y = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        for (int shift : new int[] {0, 8, 16}) {
            assertEquals(Math.round(y), (q >> shift) & 0xff);
        }
        SliceQuad3D quad = onFx(() -> {
            SliceQuad3D s = new SliceQuad3D(new SceneOptions());
            s.show(f, true);
            return s;
        });
        int shownPixel = onFx(() -> quad.material().getSelfIlluminationMap().getPixelReader().getArgb(0, 0));
        assertEquals(q, shownPixel);
        assertNotEquals(p, shownPixel, "the stale texture differs from the current one");
    }
}
