package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.model.CommNode;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.tradeoff.TradeoffFront;
import io.fresnel.tradeoff.TradeoffKind;
import io.fresnel.tradeoff.TradeoffOptions;
import io.fresnel.tradeoff.TradeoffPoint;
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
 * The Tradeoff panel, headless (Monocle), on paper 004's ELAA preset (48 x 48 UPA pair, two users,
 * two targets, crb-min-sdr): the front is traced in the background, coarse before refined, the
 * design in force is marked, clicking a point applies its SINR requirement and precoder as one
 * undoable edit, and a scene without a front says so.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TradeoffPanelTest {
    private TradeoffPanel panel;
    private ExplorerViewModel model;
    private FxFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Presets.Preset p004 = Presets.all().stream().filter(p -> p.file().equals("paper-004-elaa-crb-min-sdr.json"))
                .findFirst().orElseThrow();
        fixture = new FxFixture(Presets.load(p004));
        model = fixture.model();
        panel = new TradeoffPanel(model);
        // three coarse levels and one refinement pass (five SDR designs of the 2304-element array)
        panel.setOptions(k -> TradeoffOptions.defaults(k).withPoints(3, 1));
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
    void thePaper004FrontIsTracedCoarseThenRefinedAndAClickAppliesAPointAsOneUndoStep(FxRobot robot)
            throws Exception {
        double rateBefore = onFx(() -> minRate(model.getScenario()));
        onFx(() -> {
            panel.setActive(true);
            return null;
        });
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> onFx(() -> panel.front() != null
                && panel.front().stage() == TradeoffFront.Stage.COMPLETE));
        TradeoffFront f = onFx(panel::front);
        assertEquals(TradeoffKind.SUM_CRB_VS_SINR, f.kind());
        assertEquals("crb-min-sdr", f.algorithm());
        assertEquals(5, f.points().size());
        List<TradeoffFront.Stage> stages = onFx(panel::stagesShown);
        assertEquals(TradeoffFront.Stage.PARTIAL, stages.get(0), "the coarse front is shown first: " + stages);
        assertEquals(TradeoffFront.Stage.COMPLETE, stages.get(stages.size() - 1));
        List<TradeoffPoint> plotted = onFx(() -> panel.chartContent().frontPoints());
        assertFalse(plotted.isEmpty(), "feasible points on the chart");

        // the design in force (crb-min-sdr at the preset's 10 dB) is marked and not beyond the front
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> onFx(() -> panel.chartContent().inForceMarkers() == 1));
        String standing = onFx(panel::standingText);
        assertTrue(standing.startsWith("Design in force"), standing);
        assertFalse(standing.contains("beyond"), standing);

        // click the plotted point whose level differs most from the preset's requirement
        TradeoffPoint target = plotted.stream().max((a, b) -> Double.compare(Math.abs(Math.log(a.level())
                - Math.log(Math.pow(2, rateBefore) - 1)), Math.abs(Math.log(b.level())
                        - Math.log(Math.pow(2, rateBefore) - 1)))).orElseThrow();
        Point2D at = onFx(() -> panel.screenPointOf(target));
        assertNotNull(at);
        robot.clickOn(at);
        double expected = Math.log(1 + target.level()) / Math.log(2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> Math.abs(minRate(model.getScenario())
                - expected) < 1e-12));
        Scenario applied = onFx(model::getScenario);
        for (CommNode u : applied.users()) {
            assertEquals(expected, u.minRateBpsHz(), 1e-12, "every user's requirement is the point's level");
        }
        assertNotNull(applied.precoder(), "the point's precoder is in force");
        assertTrue(onFx(() -> model.canUndoProperty().get()));

        onFx(() -> {
            model.undo();
            return null;
        });
        assertEquals(rateBefore, onFx(() -> minRate(model.getScenario())), 1e-12, "one undo restores the level");
        assertEquals(f, onFx(panel::front), "a change of the level alone does not re-trace the front");

        // a drag of a target re-traces (after the pointer rests); Cancel stops it and keeps the front shown
        // (Cancel is pressed as soon as the trace starts: its first stage can arrive within a few SDPs, sooner than
        // a robot click, e.g. when a level's SINR requirements alone exceed the budget and need no SDP)
        int shownBefore = onFx(() -> panel.stagesShown().size());
        javafx.scene.control.Label infoLabel = (javafx.scene.control.Label) panel.lookup("#tradeoff-info");
        javafx.scene.control.Button cancelButton = (javafx.scene.control.Button) panel.lookup("#tradeoff-cancel");
        javafx.beans.value.ChangeListener<String> cancelOnStart = (o, was, now) -> {
            if (now.startsWith("tracing")) {
                javafx.application.Platform.runLater(cancelButton::fire);
            }
        };
        onFx(() -> {
            infoLabel.textProperty().addListener(cancelOnStart);
            return null;
        });
        drag("t1", 0.02);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> info().startsWith("cancelled")));
        onFx(() -> {
            infoLabel.textProperty().removeListener(cancelOnStart);
            return null;
        });
        // a new precoder alone (the design service's re-design after the drag) does not undo the Cancel
        onFx(() -> {
            model.edit("precoder only", sc -> sc.withPrecoder(null));
            return null;
        });
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        assertTrue(onFx(() -> info().startsWith("cancelled")), onFx(this::info));
        assertEquals(shownBefore, onFx(() -> panel.stagesShown().size()), "nothing of the cancelled trace arrives");
        assertEquals(f, onFx(panel::front));

        // the next drag traces the front of the moved scene
        drag("t1", 0.02);
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> onFx(() -> panel.front() != f
                && panel.front().stage() == TradeoffFront.Stage.COMPLETE));
        TradeoffFront moved = onFx(panel::front);
        assertEquals(f.points().size(), moved.points().size());
        boolean differs = false;
        for (int i = 0; i < f.points().size(); i++) {
            differs |= f.points().get(i).feasible() && moved.points().get(i).feasible()
                    && f.points().get(i).sensing() != moved.points().get(i).sensing();
        }
        assertTrue(differs, "the sum CRB follows the moved target");
    }

    private String info() {
        return ((javafx.scene.control.Label) panel.lookup("#tradeoff-info")).getText();
    }

    /** Drags a node by dz metres along z (one undo step), as the canvas does. */
    private void drag(String id, double dz) throws Exception {
        onFx(() -> {
            Vec3 p = ScenarioEdits.position(model.getScenario(), id);
            model.dragNode(id, new Vec3(p.x(), p.y(), p.z() + dz / 2));
            model.dragNode(id, new Vec3(p.x(), p.y(), p.z() + dz));
            model.endDrag();
            return null;
        });
    }

    @Test
    void aSceneWithoutAFrontSaysSoInsteadOfShowingAnEmptyChart() throws Exception {
        onFx(() -> {
            model.algorithmProperty().set(null);
            model.edit("no targets", s -> s.withUsersAndTargets(s.users(), List.of()));
            panel.setActive(true);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> panel.front() == null
                && ((javafx.scene.control.Label) panel.lookup("#tradeoff-info")).getText().startsWith("No tradeoff")));
    }
}
