package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document alone: edits, history, dirty flag; the listener is a recorder, nothing solves. */
class ScenarioDocumentTest {
    private final List<Scenario> edited = new ArrayList<>();
    private final List<Scenario> replaced = new ArrayList<>();
    private final ScenarioDocument doc = new ScenarioDocument(Runnable::run, Runnable::run,
            new ScenarioDocument.Listener() {
                @Override
                public void edited(Scenario s) {
                    edited.add(s);
                }

                @Override
                public String replaced(Scenario s) {
                    replaced.add(s);
                    return "; note";
                }
            });

    @Test
    void replacingTellsTheListenerOnceAndClearsHistorySelectionAndDirt() {
        doc.replace(Presets.defaultScenario(), null);
        doc.selectedIdProperty().set("u1");
        assertTrue(doc.dragNode("u1", new Vec3(5, 2, 0)));
        doc.endDrag();
        assertTrue(doc.dirtyProperty().get());
        doc.newDocument();
        assertEquals(2, replaced.size());
        assertEquals("new scenario; note", doc.messageProperty().get());
        assertFalse(doc.dirtyProperty().get());
        assertFalse(doc.canUndoProperty().get());
        assertNull(doc.selectedIdProperty().get());
    }

    @Test
    void everyDragStepIsAnEditButTheGestureIsOneUndoStep() {
        doc.replace(Presets.defaultScenario(), null);
        Vec3 start = ScenarioEdits.position(doc.getScenario(), "u1");
        doc.dragNode("u1", new Vec3(4, 1, 0));
        doc.dragNode("u1", new Vec3(5, 2, 0));
        doc.endDrag();
        assertEquals(2, edited.size());
        doc.undo();
        assertEquals(start, ScenarioEdits.position(doc.getScenario(), "u1"));
        assertFalse(doc.canUndoProperty().get());
        assertEquals(3, edited.size(), "undo is an edit that needs a new evaluation");
    }

    @Test
    void anEditWithABeamformerIsOneStepThatUndoAndRedoRestoreWhole() {
        // the listener holds the beamformer (as the design runs do); the document records it only for an
        // edit made with editWithBeamformer, so undo/redo of that step restore it and of any other leave it
        String[] chosen = {"mrt"};
        List<String> restored = new ArrayList<>();
        ScenarioDocument d = new ScenarioDocument(Runnable::run, Runnable::run, new ScenarioDocument.Listener() {
            @Override
            public void edited(Scenario s) {
            }

            @Override
            public String replaced(Scenario s) {
                return "";
            }

            @Override
            public String beamformer() {
                return chosen[0];
            }

            @Override
            public void restoreBeamformer(String name) {
                restored.add(name);
                chosen[0] = name;
            }
        });
        d.replace(Presets.defaultScenario(), null);
        Scenario start = d.getScenario();
        assertTrue(d.editWithBeamformer("tradeoff", s -> ScenarioEdits.withTransmitPower(s, 0.5), "crb-min-sdr"));
        Scenario applied = d.getScenario();
        assertEquals(0.5, applied.transmitPowerW(), 0);
        assertEquals(List.of("crb-min-sdr"), restored);
        d.undo();
        assertEquals(start, d.getScenario());
        assertEquals("mrt", chosen[0]);
        assertFalse(d.canUndoProperty().get(), "one step");
        d.redo();
        assertEquals(applied, d.getScenario());
        assertEquals("crb-min-sdr", chosen[0]);
        // the beamformer changed from the menu after the step: undo restores the one before the step, redo the menu's
        chosen[0] = "zf";
        d.undo();
        assertEquals("mrt", chosen[0]);
        d.redo();
        assertEquals("zf", chosen[0]);
        // an ordinary edit's undo and redo leave the beamformer alone
        restored.clear();
        d.edit("power", s -> ScenarioEdits.withTransmitPower(s, 0.25));
        chosen[0] = "mmse";
        d.undo();
        d.redo();
        assertEquals("mmse", chosen[0]);
        assertEquals(List.of(), restored);
        // the beamformer alone (the scene already at the level) is still a step
        d.editWithBeamformer("same scene", s -> s, "crb-min-sdr");
        assertEquals("crb-min-sdr", chosen[0]);
        d.undo();
        assertEquals("mmse", chosen[0]);
        assertEquals(0.25, d.getScenario().transmitPowerW(), 0);
        // a refused edit changes neither
        assertFalse(d.editWithBeamformer("bad", s -> {
            throw new IllegalArgumentException("no");
        }, "zf"));
        assertEquals("mmse", chosen[0]);
    }

    @Test
    void adoptingADesignIsNeitherAnEditNorDirty() {
        doc.replace(Presets.defaultScenario(), null);
        Scenario moved = ScenarioEdits.move(doc.getScenario(), "u1", new Vec3(5, 2, 0));
        doc.adoptDesigned(moved);
        assertEquals(moved, doc.getScenario());
        assertTrue(edited.isEmpty());
        assertFalse(doc.dirtyProperty().get());
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void aRefusedEditChangesNothingAndSaysWhy() {
        doc.replace(Presets.defaultScenario(), null);
        Scenario before = doc.getScenario();
        assertFalse(doc.edit("rename", s -> {
            throw new IllegalArgumentException("bad name");
        }));
        assertEquals(before, doc.getScenario());
        assertEquals("rename refused: bad name", doc.messageProperty().get());
        assertTrue(edited.isEmpty());
    }

    @Test
    void openingAFileCanBeCancelledAndItsContentIsThenIgnored(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("other.json");
        io.fresnel.io.ScenarioWriter.write(Presets.byFile("near-vs-far-field.json"), f);
        List<Runnable> reads = new ArrayList<>();
        ScenarioDocument doc = new ScenarioDocument(Runnable::run, reads::add, new ScenarioDocument.Listener() {
            @Override
            public void edited(Scenario s) {
            }

            @Override
            public String replaced(Scenario s) {
                return "";
            }
        });
        doc.replace(Presets.defaultScenario(), null);
        long generation = doc.generation();
        doc.open(f);
        assertTrue(doc.loadingProperty().get());
        assertTrue(doc.cancelOpen());
        reads.forEach(Runnable::run);
        assertFalse(doc.loadingProperty().get());
        assertEquals(Presets.defaultScenario(), doc.getScenario());
        assertEquals(generation, doc.generation());
        assertEquals("opening cancelled", doc.messageProperty().get());
        doc.open(f);
        reads.get(reads.size() - 1).run();
        assertEquals(generation + 1, doc.generation(), "a new document is a new generation");
        assertTrue(doc.messageProperty().get().startsWith("opened"), doc.messageProperty().get());
    }
}
