package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fresnel.io.Presets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Compare A | B" tab of the window: selecting it runs the comparison, leaving it stops it. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CompareTabTest {
    private MainWindow window;
    private ExplorerViewModel model;
    private ExecutorService io;

    @Start
    void start(Stage stage) {
        io = Executors.newSingleThreadExecutor();
        model = new ExplorerViewModel(Presets.defaultScenario(), Platform::runLater, io);
        window = new MainWindow(model);
        stage.setScene(new Scene(window, 1280, 780));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get(10, TimeUnit.SECONDS);
        io.shutdown();
    }

    private static <T> T onFx(Supplier<T> s) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> out.set(s.get())).get(10, TimeUnit.SECONDS);
        return out.get();
    }

    @Test
    void selectingTheTabComparesAndLeavingItStops() throws Exception {
        ComparePane pane = window.compare();
        TabPane views = onFx(() -> window.lookupAll(".tab-pane").stream().map(n -> (TabPane) n)
                .filter(t -> t.getTabs().stream().anyMatch(x -> "tabCompare".equals(x.getId()))).findFirst()
                .orElseThrow());
        assertFalse(onFx(() -> pane.frames() != null), "nothing is computed while the tab is hidden");
        onFx(() -> {
            views.getSelectionModel().select(views.getTabs().stream()
                    .filter(t -> "tabCompare".equals(t.getId())).findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> pane.frames() != null));
        assertNotNull(onFx(pane::frames).right(), "side by side by default");
        onFx(() -> {
            views.getSelectionModel().select(0);
            return null;
        });
    }
}
