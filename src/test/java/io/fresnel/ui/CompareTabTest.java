package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fresnel.io.Presets;
import java.util.concurrent.TimeUnit;
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
    private FxFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new FxFixture(Presets.defaultScenario());
        model = fixture.model();
        window = new MainWindow(model);
        stage.setScene(new Scene(window, 1280, 780));
        fixture.closing(window);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
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
