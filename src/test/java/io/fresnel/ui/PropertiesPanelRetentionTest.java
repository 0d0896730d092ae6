package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The property sheet forgets its earlier editors and their tooltips. The sheet is rebuilt on every
 * edit, drag step, selection and beamformer change, each time with new editors carrying tooltips
 * ({@code Tooltip.install}) and ControlsFX's name labels with theirs; a heap histogram of the
 * window under abuse once suggested that these tooltips pile up. Here the sheet is rebuilt with
 * the pointer moved onto an editor each time (so the tooltip behaviour tracks a node of every
 * sheet), and every tooltip of the earlier sheets must become garbage.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PropertiesPanelRetentionTest {
    private static final int REBUILDS = 12;
    private Stage stage;
    private ExplorerViewModel model;
    private PropertiesPanel panel;
    private ExecutorService io;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        io = Executors.newSingleThreadExecutor();
        model = new ExplorerViewModel(Presets.defaultScenario(), Platform::runLater, io);
        panel = new PropertiesPanel(model);
        stage.setScene(new Scene(panel, 520, 760));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
        io.shutdown();
    }

    private static <T> T onFx(Supplier<T> s) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> out.set(s.get())).get(10, TimeUnit.SECONDS);
        return out.get();
    }

    /** The tooltips of the sheet shown now: set on controls, or installed on nodes. */
    private List<Tooltip> tooltips() {
        List<Tooltip> out = new ArrayList<>();
        for (Node n : panel.lookupAll("*")) {
            if (n instanceof Control c && c.getTooltip() != null) {
                out.add(c.getTooltip());
            }
            n.getProperties().values().stream().filter(Tooltip.class::isInstance).map(Tooltip.class::cast)
                    .filter(t -> !out.contains(t)).forEach(out::add);
        }
        return out;
    }

    /** The screen centre of an editor of the sheet shown now that has an installed tooltip and is on screen. */
    private javafx.geometry.Point2D anEditor() {
        for (Node n : panel.lookupAll("*")) {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            if (n.getUserData() instanceof String && n.isVisible() && b != null && b.getWidth() > 0
                    && n.getProperties().values().stream().anyMatch(Tooltip.class::isInstance)) {
                return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
            }
        }
        throw new AssertionError("no editor with a tooltip on screen");
    }

    @Test
    void tooltipsOfEarlierSheetsBecomeGarbage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String user = onFx(() -> model.getScenario().users().get(0).id());
        List<WeakReference<Tooltip>> earlier = new ArrayList<>();
        for (int i = 0; i < REBUILDS; i++) {
            robot.moveTo(onFx(this::anEditor));
            onFx(this::tooltips).forEach(t -> earlier.add(new WeakReference<>(t)));
            boolean select = i % 2 == 0;
            WaitForAsyncUtils.asyncFx(() -> model.selectedIdProperty().set(select ? user : null))
                    .get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        // the pointer rests on an editor of the sheet shown now
        robot.moveTo(onFx(this::anEditor));
        int shown = onFx(this::tooltips).size();
        assertTrue(shown > 20 && earlier.size() >= REBUILDS * shown / 2, "the sheets show tooltips: " + shown
                + " now, " + earlier.size() + " before");
        List<Tooltip> now = onFx(this::tooltips);
        // the sheet's own tool bar (By Name, By Category) stays; what was built for a sheet must go
        earlier.removeIf(r -> now.contains(r.get()));
        LiveHeap.forgetTestFxEvents(stage);
        long alive = earlier.size();
        for (int i = 0; i < 20 && alive > 0; i++) {
            System.gc();
            Thread.sleep(50);
            alive = earlier.stream().filter(r -> r.get() != null).count();
        }
        assertEquals(0, alive, "tooltips of earlier sheets still reachable (of " + earlier.size() + ")");
    }
}
