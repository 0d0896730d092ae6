package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.service.Evaluation;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle): drag, heatmap, metrics, undo, presets. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    private MainWindow window;
    private ExplorerViewModel model;
    private FxFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new FxFixture(Presets.defaultScenario());
        model = fixture.model();
        window = new MainWindow(model);
        stage.setScene(new Scene(window, 1280, 800));
        fixture.closing(window);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }


    private void awaitFineFrameOf(Scenario expected) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            HeatmapFrame f = window.scene().frame();
            return f != null && f.request().fine() && f.request().scenario().users().equals(expected.users());
        }));
    }

    private Point2D screenPointOf(String id) throws Exception {
        return onFx(() -> {
            Vec3 p = ScenarioEdits.position(model.getScenario(), id);
            Viewport v = window.scene().viewport();
            return window.scene().canvas().localToScreen(v.screenX(p.x()), v.screenY(p.y()));
        });
    }

    private double sinrOf(String user) throws Exception {
        return onFx(() -> {
            Evaluation e = model.evaluationProperty().get();
            return e == null || e.metrics() == null ? Double.NaN : e.metrics().users().stream()
                    .filter(u -> u.id().equals(user)).findFirst().orElseThrow().sinr();
        });
    }

    @Test
    void draggingAUserMovesItAndTheHeatmapAndMetricsFollowAndUndoRestoresIt(FxRobot robot) throws Exception {
        awaitFineFrameOf(onFx(model::getScenario));
        HeatmapFrame before = onFx(() -> window.scene().frame());
        assertTrue(before.computedOn().startsWith("fresnel-render"), before.computedOn());
        Vec3 start = onFx(() -> ScenarioEdits.position(model.getScenario(), "u1"));
        double sinrBefore = sinrOf("u1");
        String metricsBefore = onFx(() -> MetricsPanelText.of(window));

        Point2D from = screenPointOf("u1");
        robot.drag(from, MouseButton.PRIMARY).moveBy(40, -30).moveBy(40, -30).drop();

        Vec3 moved = onFx(() -> ScenarioEdits.position(model.getScenario(), "u1"));
        assertNotEquals(start, moved);
        assertTrue(moved.x() > start.x() && moved.y() > start.y(), "moved right and up: " + moved);
        awaitFineFrameOf(onFx(model::getScenario));
        HeatmapFrame after = onFx(() -> window.scene().frame());
        assertFalse(Arrays.equals(before.argb(), after.argb()), "the heatmap follows the drag");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sinrOf("u1") != sinrBefore);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !onFx(() -> MetricsPanelText.of(window))
                .equals(metricsBefore));

        robot.clickOn(window.scene().canvas());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(start, onFx(() -> ScenarioEdits.position(model.getScenario(), "u1")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sinrOf("u1") == sinrBefore);
    }

    @Test
    void theMusicLayerShowsTheEstimateBesideTheTargetAndFollowsADrag(FxRobot robot) throws Exception {
        onFx(() -> {
            window.heatmap().layerProperty().set(new io.fresnel.render.Layer.Music(1));
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> window.scene().musicEstimates()
                .containsKey("t1")));
        Vec3 start = onFx(() -> ScenarioEdits.position(model.getScenario(), "t1"));
        assertTrue(onFx(() -> window.scene().musicEstimates().get("t1")).distance(start) < 0.5,
                "the estimate lies near the target");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            HeatmapFrame f = window.scene().frame();
            return f != null && f.request().layer() instanceof io.fresnel.render.Layer.Music;
        }));
        Vec3 moved = start.plus(new Vec3(1.5, -1, 0));
        onFx(() -> {
            model.dragNode("t1", moved);
            model.endDrag();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            Vec3 e = window.scene().musicEstimates().get("t1");
            return e != null && e.distance(moved) < 0.5;
        }));
    }

    @Test
    void draggingTheBackgroundPansAndNodesStayPut(FxRobot robot) throws Exception {
        Scenario s = onFx(model::getScenario);
        Point2D empty = onFx(() -> window.scene().canvas().localToScreen(30, 300));
        double xBefore = onFx(() -> window.scene().viewport().worldX(100));
        robot.drag(empty, MouseButton.PRIMARY).moveBy(80, 0).drop();
        double xAfter = onFx(() -> window.scene().viewport().worldX(100));
        assertTrue(xAfter < xBefore, "the view moved with the pointer");
        assertEquals(s.users(), onFx(model::getScenario).users());
    }

    @Test
    void saveThenOpenInTheWindowRestoresTheScene(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        awaitFineFrameOf(onFx(model::getScenario));
        java.nio.file.Path f = dir.resolve("saved.json");
        WaitForAsyncUtils.asyncFx(() -> model.saveAs(f)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> model.messageProperty().get())
                .startsWith("saved"));
        Scenario saved = onFx(model::getScenario);
        Point2D from = screenPointOf("e1");
        robot.drag(from, MouseButton.PRIMARY).moveBy(-60, 50).drop();
        assertNotEquals(saved.eavesdroppers(), onFx(model::getScenario).eavesdroppers());
        WaitForAsyncUtils.asyncFx(() -> model.open(f)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> model.messageProperty().get())
                .startsWith("opened"));
        assertEquals(saved.eavesdroppers(), onFx(model::getScenario).eavesdroppers());
        assertEquals(saved.precoder(), onFx(model::getScenario).precoder());
        Point2D back = screenPointOf("e1");
        assertEquals("e1", onFx(() -> {
            Point2D local = window.scene().canvas().screenToLocal(back);
            return window.scene().nodeAt(local.getX(), local.getY());
        }));
        assertFalse(onFx(() -> model.dirtyProperty().get()));
    }

    @Test
    void aPresetLoadsFromThePresetsMenu(FxRobot robot) throws Exception {
        robot.clickOn("Presets");
        robot.clickOn("Teaching: near-field focusing vs far-field steering");
        Scenario s = onFx(model::getScenario);
        assertTrue(s.name().startsWith("Teaching"), s.name());
        assertEquals(256, s.txArray().positions().size());
        awaitFineFrameOf(s);
    }
}
