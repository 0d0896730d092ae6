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
