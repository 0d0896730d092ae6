package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.ScenarioReader;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.tradeoff.TradeoffFront;
import io.fresnel.tradeoff.TradeoffKind;
import io.fresnel.tradeoff.TradeoffOptions;
import io.fresnel.tradeoff.TradeoffPoint;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
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
 * Undo and redo of a tradeoff point, headless (Monocle): on a small paper-004 scene (ULA N = 12, two users,
 * two targets) designed with {@code mrt}, the sum-CRB front is traced with {@code crb-min-sdr}; clicking a
 * point applies its level and precoder and makes {@code crb-min-sdr} the beamformer, in one undo step. Undo
 * must give back the scene and the beamformer {@code mrt}, redo both again; an ordinary edit's undo leaves a
 * beamformer the user chose from the menu alone.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TradeoffUndoTest {
    private TradeoffPanel panel;
    private ExplorerViewModel model;
    private FxFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        String json;
        try (InputStream in = TradeoffUndoTest.class.getResourceAsStream(
                "/io/fresnel/tradeoff/sdr-two-users.scenario.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Scenario scene = ScenarioReader.readScenario(json.replace("\"algorithm\": \"crb-min-sdr\"",
                "\"algorithm\": \"mrt\""));
        fixture = new FxFixture(scene);
        model = fixture.model();
        panel = new TradeoffPanel(model);
        panel.setOptions(k -> TradeoffOptions.defaults(k).withPoints(3, 0));
        stage.setScene(new Scene(panel, 760, 760));
        fixture.closing(panel, model);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static double minRate(Scenario s) {
        return s.users().stream().mapToDouble(CommNode::minRateBpsHz).min().orElseThrow();
    }

    @Test
    void undoAndRedoOfATradeoffPointRestoreTheBeamformerItChose(FxRobot robot) throws Exception {
        assertEquals("mrt", onFx(() -> model.algorithmProperty().get()));
        onFx(() -> {
            panel.setActive(true);
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> panel.front() != null
                && panel.front().stage() == TradeoffFront.Stage.COMPLETE));
        TradeoffFront f = onFx(panel::front);
        assertEquals(TradeoffKind.SUM_CRB_VS_SINR, f.kind());
        assertEquals("crb-min-sdr", f.algorithm());
        Scenario before = onFx(model::getScenario);
        double rateBefore = minRate(before);
        List<TradeoffPoint> plotted = onFx(() -> panel.chartContent().frontPoints());
        TradeoffPoint target = plotted.stream().filter(p -> Math.abs(Math.log(1 + p.level()) / Math.log(2)
                - rateBefore) > 1e-6).findFirst().orElseThrow(() -> new AssertionError("no other level: " + plotted));
        Point2D at = onFx(() -> panel.screenPointOf(target));
        assertNotNull(at);
        robot.clickOn(at);
        double applied = Math.log(1 + target.level()) / Math.log(2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> Math.abs(minRate(model.getScenario())
                - applied) < 1e-12));
        assertEquals("crb-min-sdr", onFx(() -> model.algorithmProperty().get()), "the front's design is chosen");

        onFx(() -> {
            model.undo();
            return null;
        });
        assertEquals(before, onFx(model::getScenario), "undo restores the scene");
        assertEquals("mrt", onFx(() -> model.algorithmProperty().get()), "undo restores the beamformer");
        assertFalse(onFx(() -> model.canUndoProperty().get()), "the point was one undo step");

        onFx(() -> {
            model.redo();
            return null;
        });
        assertEquals(applied, onFx(() -> minRate(model.getScenario())), 1e-12, "redo applies the level again");
        assertEquals("crb-min-sdr", onFx(() -> model.algorithmProperty().get()), "redo chooses the design again");
        onFx(() -> {
            model.undo();
            return null;
        });
        assertEquals("mrt", onFx(() -> model.algorithmProperty().get()), "undo after redo");

        // an ordinary edit, then a beamformer chosen from the menu: undo of the edit keeps that choice
        onFx(() -> {
            model.edit("power", s -> io.fresnel.model.ScenarioEdits.withTransmitPower(s, 0.2));
            model.algorithmProperty().set("zf");
            model.undo();
            return null;
        });
        assertEquals(before.transmitPowerW(), onFx(() -> model.getScenario().transmitPowerW()));
        assertEquals("zf", onFx(() -> model.algorithmProperty().get()), "an ordinary edit's undo keeps the menu choice");
        assertTrue(onFx(() -> model.canRedoProperty().get()));
    }
}
