package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fresnel.io.Presets;
import io.fresnel.service.Evaluation;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The metrics table forgets the rows of earlier evaluations. It used to set a new tree root per
 * evaluation, and JavaFX 21's TreeTableView kept every former root reachable: the window's live
 * heap grew by about 5 KB per operation under {@link WindowAbuseTest}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MetricsPanelRetentionTest {
    private ExplorerViewModel model;
    private MetricsPanel panel;
    private FxFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new FxFixture(Presets.defaultScenario());
        model = fixture.model();
        panel = new MetricsPanel(model);
        stage.setScene(new Scene(panel, 600, 500));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }


    /** Waits for an evaluation other than {@code before} whose rows are on screen. */
    private Evaluation awaitRowsOfNewEvaluation(Evaluation before) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            Evaluation e = model.evaluationProperty().get();
            return e != null && e != before && e.metrics() != null
                    && !panel.table().getRoot().getChildren().isEmpty();
        }));
        return onFx(() -> model.evaluationProperty().get());
    }

    @Test
    void rowsOfEarlierEvaluationsBecomeGarbage() throws Exception {
        Evaluation shown = awaitRowsOfNewEvaluation(null);
        WeakReference<TreeItem<MetricsPanel.Row>> firstRow =
                new WeakReference<>(onFx(() -> panel.table().getRoot().getChildren().get(0)));
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.asyncFx(model::newDocument).get(10, TimeUnit.SECONDS);
            shown = awaitRowsOfNewEvaluation(shown);
        }
        assertFalse(onFx(() -> panel.table().getRoot().getChildren().isEmpty()));
        for (int i = 0; i < 10 && firstRow.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(firstRow.get(), "a row of the first evaluation is still reachable");
    }
}
