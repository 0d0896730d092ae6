package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioReader;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.math.Vec3;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Scenario;
import io.fresnel.model.UniformLinearArray;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * The scenario editor headless (Monocle): representative fields of every part of the file, in
 * display units, invalid values refused with the field named, one undo step per edit, re-solve on
 * edit, and after every edit a scenario that the reader reads back from its written file.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScenarioEditorTest {
    private ExplorerViewModel model;
    private PropertiesPanel panel;
    private FxFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new FxFixture(Presets.defaultScenario());
        model = fixture.model();
        panel = new PropertiesPanel(model);
        stage.setScene(new Scene(panel, 520, 760));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }


    private FieldRow row(String path) throws Exception {
        return onFx(() -> panel.rows().stream().filter(r -> r.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + path + " in " + panel.rows())));
    }

    /** Commits a text (or choice key) in the row of a field, as its editor does, and checks the file round trip. */
    private Scenario commit(String path, String text) throws Exception {
        FieldRow r = row(path);
        Scenario s = onFx(() -> {
            r.commit(text);
            return model.getScenario();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(s, ScenarioReader.readScenario(ScenarioWriter.write(s)), "the reader reads the edited scenario back");
        return s;
    }

    private String message() throws Exception {
        return onFx(() -> model.messageProperty().get());
    }

    /** Asserts that an edit is refused: the scenario and the history stay, the message names the field. */
    private void refused(String path, String text, String field) throws Exception {
        Scenario before = onFx(model::getScenario);
        boolean undo = onFx(() -> model.canUndoProperty().get());
        assertEquals(before, commit(path, text), path + " = " + text + " must not be applied");
        assertEquals(undo, onFx(() -> model.canUndoProperty().get()));
        String m = message();
        assertTrue(m.contains("refused: " + field), m);
        assertFalse(m.contains("\n"), m);
    }

    private void undo() throws Exception {
        onFx(() -> {
            model.undo();
            return null;
        });
    }

    @Test
    void scenarioFieldsAreEditedInDisplayUnitsAndStoredInSiOneUndoStepEach() throws Exception {
        onFx(() -> {
            model.autoSolveProperty().set(false);
            return null;
        });
        assertEquals("28", row("carrier_frequency_hz").text());
        assertEquals(30e9, commit("carrier_frequency_hz", "30").carrierFrequencyHz(), 1e-3);
        undo();
        assertEquals(28e9, onFx(model::getScenario).carrierFrequencyHz(), 1e-3);
        assertFalse(onFx(() -> model.canUndoProperty().get()), "one edit, one undo step");

        assertEquals(0.1, commit("transmit_power_w", "20").transmitPowerW(), 1e-12);
        assertEquals(2e-3, ((UniformLinearArray) commit("tx_array.ula.spacing_m", "2").txArray()).spacingM(), 1e-15);
        assertEquals(new Vec3(1, 0, 0), commit("propagation.reference_m", "1, 0").referencePoint());
        assertEquals(onFx(model::getScenario).txArray().centroid(),
                commit("propagation.reference_m", "").referencePoint(), "empty: back to the centroid");

        FieldRow phase = row("propagation.phase");
        assertEquals("exact", phase.text());
        List<String> labels = phase.options().stream().map(FieldRow.Option::label).toList();
        assertTrue(labels.contains("exact (spherical)"), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.equals("EXACT") || l.equals("FRESNEL")), labels.toString());
        assertEquals(PhaseModel.FRESNEL, commit("propagation.phase", "fresnel").propagation().phase());

        Scenario hybrid = commit("architecture.kind", "hybrid-partial");
        assertEquals(ArchitectureKind.HYBRID_PARTIAL, hybrid.architecture().kind());
        assertEquals(2, hybrid.architecture().rfChains(), "one RF chain per user by default");
        assertEquals(4, commit("architecture.rf_chains", "4").architecture().rfChains());
        assertNull(commit("architecture.kind", "digital").architecture().rfChains());

        assertEquals(1, commit("rx_array", "ula").receiveArray().positions().size() / 128);
        assertEquals(16, commit("rx_array.ula.elements", "16").rxArray().size());
        assertNull(commit("rx_array", "none").rxArray());

        assertEquals(500, commit("sensing.snapshots", "500").sensing().snapshots());
        assertEquals(3, commit("dimension", "3").dimension());
        assertEquals("my scene", commit("name", "my scene").name());
        // every edit above is one step: undo walks them all back
        for (int i = 0; i < 14; i++) {
            undo();
        }
        assertEquals(Presets.defaultScenario(), onFx(() -> model.getScenario().withPrecoder(null)));
        assertFalse(onFx(() -> model.canUndoProperty().get()));
    }

    @Test
    void invalidValuesAreRefusedWithTheFieldNamedAndNothingChanges() throws Exception {
        onFx(() -> {
            model.autoSolveProperty().set(false);
            return null;
        });
        refused("carrier_frequency_hz", "abc", "carrier_frequency_hz: not a number");
        refused("carrier_frequency_hz", "1e-300", "carrier_frequency_hz must be in [1000.0, 1.0E15]");
        refused("tx_array.ula.spacing_m", "-1", "tx_array.ula.spacing_m: must be > 0");
        refused("tx_array.ula.elements", "4.5", "tx_array.ula.elements:");
        refused("tx_array.ula.elements", "0", "tx_array.ula.elements:");
        refused("sensing.noise_w", "NaN", "sensing.noise_w: not a number");
        refused("sensing.snapshots", "", "sensing.snapshots");
        refused("propagation.reference_m", "1, 2, 3", "propagation.reference_m: z must be exactly 0");
        // u1 at x = 0, y = 0 would sit on the array: moved to y = 0 first is fine, then x = 0 is refused
        onFx(() -> {
            model.selectedIdProperty().set("u1");
            return null;
        });
        commit("users[0].position_m[1]", "0");
        refused("users[0].position_m[0]", "0", "users[0].position_m");
        refused("users[0].noise_w", "-400", "users[0].noise_w: must be in");
        refused("users[0].id", "u2", "users[1].id");
        refused("users[0].min_rate_bps_hz", "2000", "users[0].min_rate_bps_hz: must be in");
    }

    @Test
    void resizingTheArrayReDesignsThePrecoderForTheNewSize() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> model.getScenario().precoder() != null));
        Scenario s = commit("tx_array.ula.elements", "64");
        assertEquals(64, s.txArray().size());
        assertTrue(message().contains("precoder"), message());
        // re-solve on edit: the chosen beamformer designs a precoder for 64 elements
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> model.getScenario().precoder() != null
                && model.getScenario().precoder().effective().rows() == 64));
        Scenario designed = onFx(model::getScenario);
        assertEquals(designed, ScenarioReader.readScenario(ScenarioWriter.write(designed)));
    }

    @Test
    void droppingTheFilesPrecoderWithoutABeamformerChoosesTheBaseline() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> model.getScenario().precoder() != null));
        onFx(() -> {
            model.algorithmProperty().set(null); // show the precoder in force, as for a file with one
            return null;
        });
        int rows = onFx(() -> model.getScenario().precoder().effective().rows());
        commit("tx_array.ula.elements", "32");
        assertEquals("mrt", onFx(() -> model.algorithmProperty().get()), "a digital array gets the mrt baseline");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> model.getScenario().precoder() != null
                && model.getScenario().precoder().effective().rows() == 32));
        // one undo step: the array, its precoder and the choice to show the precoder in force come back
        undo();
        assertEquals(null, onFx(() -> model.algorithmProperty().get()), "undo restores showing the precoder in force");
        assertEquals(rows, onFx(() -> model.getScenario().precoder().effective().rows()));
    }

    @Test
    void renamingANodeKeepsItSelectedAndItsStreamAndUndoRestoresIt() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> model.getScenario().precoder() != null));
        onFx(() -> {
            model.autoSolveProperty().set(false);
            model.selectedIdProperty().set("u1");
            return null;
        });
        Scenario s = commit("users[0].id", "alice");
        assertEquals("alice", s.users().get(0).id());
        assertEquals("alice", onFx(() -> model.selectedIdProperty().get()));
        assertTrue(s.precoder().privateIndex("alice") >= 0, "the private stream follows the rename");
        assertEquals("Alice".toLowerCase(), row("users[0].id").text());
        undo();
        assertEquals("u1", onFx(model::getScenario).users().get(0).id());
    }

    @Test
    void targetsPriorsScatterersAndComplexGainsAreEditable() throws Exception {
        onFx(() -> {
            model.autoSolveProperty().set(false);
            model.selectedIdProperty().set("t1");
            return null;
        });
        Scenario s = commit("targets[0].prior", "mixture");
        assertNotNull(s.targets().get(0).prior());
        s = commit("targets[0].prior.angles_rad", "10, 30");
        assertEquals(Math.toRadians(10), s.targets().get(0).prior().anglesRad().get(0), 1e-12);
        assertEquals(List.of(0.5, 0.5), s.targets().get(0).prior().probabilities(), "another count: equal weights");
        refused("targets[0].prior.probabilities", "0.3, 0.3", "targets[0].prior.probabilities: must sum to 1");
        assertEquals(0.7, commit("targets[0].prior.probabilities", "0.3, 0.7").targets().get(0).prior()
                .probabilities().get(1), 1e-15);
        s = commit("targets[0].scatterers", "2");
        assertEquals(2, s.targets().get(0).link().scatterers().size());
        // |reflection| (dB) and arg (deg): -100 dB at 90 degrees is 1e-5 j
        commit("targets[0].reflection", "-100");
        FieldRow phase = onFx(() -> panel.rows().stream().filter(r -> r.path().equals("targets[0].reflection"))
                .skip(1).findFirst().orElseThrow());
        onFx(() -> {
            phase.commit("90");
            return null;
        });
        var beta = onFx(model::getScenario).targets().get(0).reflection();
        assertEquals(0, beta.re(), 1e-18);
        assertEquals(1e-5, beta.im(), 1e-15);
        assertEquals(onFx(model::getScenario), ScenarioReader.readScenario(ScenarioWriter.write(
                onFx(model::getScenario))));
    }

    @Test
    void solverParametersAreCheckedByTheDesignsOwnRule() throws Exception {
        onFx(() -> {
            model.autoSolveProperty().set(false);
            model.algorithmProperty().set("rsma-digital");
            return null;
        });
        refused("solver.max_iterations", "2.5", "rsma-digital: solver.max_iterations must be an integer in [1, ");
        refused("solver.penalty_factor", "1", "rsma-digital: solver.penalty_factor must be a finite number in (0.0, 1.0)");
        Scenario s = commit("solver.crb_angle_max_rad2", "0.01");
        assertEquals("rsma-digital", s.solver().algorithm());
        assertEquals(0.01, ((Number) s.solver().parameters().get("crb_angle_max_rad2")).doubleValue());
        assertEquals(50L, ((Number) commit("solver.max_iterations", "50").solver().parameters().get("max_iterations"))
                .longValue());
        assertEquals("known-other", commit("solver.crb_variant", "known-other").solver().parameters()
                .get("crb_variant"));
        assertNull(commit("solver.crb_angle_max_rad2", "").solver().parameters().get("crb_angle_max_rad2"),
                "empty: the bound is lifted");
    }

    /**
     * Every row of every preset (and of a scenario with a sensing eavesdropper) accepts the value it
     * shows: the display-unit text parses back to the stored value (within its 10 shown digits),
     * the reader accepts it, and the scenario reads back from its written file.
     */
    @Test
    void everyRowOfEveryPresetAcceptsTheValueItShows() throws Exception {
        List<Scenario> scenes = new java.util.ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            scenes.add(Presets.load(p));
        }
        scenes.add(ScenarioReader.readScenario(java.nio.file.Path.of(
                "src/test/resources/golden/public/p002_ssjb_sensing_eve.scenario.json")));
        int checked = 0;
        for (Scenario scene : scenes) {
            onFx(() -> {
                model.autoSolveProperty().set(false);
                model.document().replace(scene, null);
                model.cancel();
                String first = scene.targets().isEmpty() ? scene.users().isEmpty() ? null : scene.users().get(0).id()
                        : scene.targets().get(0).id();
                model.selectedIdProperty().set(first);
                return null;
            });
            for (FieldRow r : onFx(panel::rows)) {
                if (r.kind() != FieldRow.Kind.TEXT || r.text().isEmpty()) {
                    continue;
                }
                onFx(() -> {
                    model.report("");
                    r.force(r.text());
                    return null;
                });
                String m = message();
                assertFalse(m.contains("refused"), scene.name() + ": " + r + ": " + m);
                Scenario after = onFx(model::getScenario);
                assertEquals(after, ScenarioReader.readScenario(ScenarioWriter.write(after)));
                FieldRow again = onFx(() -> panel.rows().stream().filter(x -> x.path().equals(r.path())
                        && x.getName().equals(r.getName())).findFirst().orElseThrow());
                assertEquals(r.text(), again.text(), scene.name() + ": the shown value is stable");
                checked++;
            }
        }
        assertTrue(checked > 100, "rows checked: " + checked);
    }

    @Test
    void typingInTheFieldCommitsOnceOnEnter(FxRobot robot) throws Exception {
        onFx(() -> {
            model.autoSolveProperty().set(false);
            return null;
        });
        TextField field = onFx(() -> (TextField) panel.lookupAll(".text-field").stream()
                .filter(n -> "carrier_frequency_hz".equals(n.getUserData())).findFirst()
                .orElseThrow(() -> new AssertionError("no carrier field")));
        robot.clickOn((Node) field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("29.5");
        assertEquals(28e9, onFx(model::getScenario).carrierFrequencyHz(), 1e-3, "nothing is applied while typing");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(29.5e9, onFx(model::getScenario).carrierFrequencyHz(), 1e-3);
        undo();
        assertFalse(onFx(() -> model.canUndoProperty().get()), "typing 29.5 is one edit");
    }
}
