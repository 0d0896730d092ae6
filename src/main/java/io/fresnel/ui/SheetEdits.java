package io.fresnel.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.io.ScenarioPatch;
import io.fresnel.model.Scenario;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies the scenario editor's edits: each goes through {@link ScenarioPatch} (the file form,
 * read back by the scenario reader, so validated exactly as a file) and then into the document
 * as one undo step; the solver re-designs on the edit as on any other. A value the reader (or a
 * design's parameter check) rejects is not applied, and the message, one line, names the field.
 * What the edit repaired to keep the scenario consistent (a precoder dropped with the array it
 * was designed for, ...) is added to the message; when the precoder in force is dropped and no
 * beamformer is chosen, the baseline of the architecture is chosen so that the scene has one.
 */
final class SheetEdits {
    private final ExplorerViewModel model;
    private final Runnable refused;

    /**
     * @param model the window state
     * @param refused run after a refused edit, so that the editors show the value in force again
     */
    SheetEdits(ExplorerViewModel model, Runnable refused) {
        this.model = model;
        this.refused = refused;
    }

    /** @return the scenario being edited */
    Scenario scenario() {
        return model.getScenario();
    }

    /** @return the chosen beamformer, or null */
    String algorithm() {
        return model.algorithmProperty().get();
    }

    /**
     * Sets one field to the JSON value the user's text makes.
     *
     * @param what the edit in words, for the message and the history
     * @param path the field's path in the file
     * @param value turns the text into the JSON value (null removes the field); it may throw
     *     IllegalArgumentException naming the field
     * @param text the user's text
     */
    void text(String what, String path, Function<String, JsonNode> value, String text) {
        JsonNode v;
        try {
            v = value.apply(text);
        } catch (IllegalArgumentException e) {
            model.report(what + " refused: " + e.getMessage());
            refused.run();
            return;
        }
        change(what, path, root -> ScenarioPatch.put(root, path, v));
    }

    /**
     * Applies a change of the file form.
     *
     * @param what the edit in words
     * @param path the path of the field it is about
     * @param change the change of the tree
     */
    void change(String what, String path, Consumer<ObjectNode> change) {
        apply(what, () -> ScenarioPatch.edit(model.getScenario(), path, change));
    }

    /**
     * Applies an edit that another check may still refuse.
     *
     * @param what the edit in words
     * @param edit makes the edited scenario (throws IllegalArgumentException naming the field)
     * @return whether it was applied
     */
    boolean apply(String what, Supplier<ScenarioPatch.Result> edit) {
        Scenario before = model.getScenario();
        ScenarioPatch.Result r;
        try {
            r = edit.get();
        } catch (IllegalArgumentException e) {
            model.report(what + " refused: " + e.getMessage());
            refused.run();
            return false;
        }
        String message = what + (r.notes().isEmpty() ? "" : "; " + String.join("; ", r.notes()));
        String selected = model.selectedIdProperty().get();
        if (before.precoder() != null && r.scenario().precoder() == null && model.algorithmProperty().get() == null) {
            // the file's precoder was shown and is gone: the baseline designs one, in the same undo step
            model.editWithBeamformer(message, s -> r.scenario(), DesignRuns.baselineFor(r.scenario()));
        } else {
            model.edit(message, s -> r.scenario());
        }
        if (selected != null && !model.getScenario().equals(before)) {
            NodePaths.renamed(before, model.getScenario(), selected).ifPresent(model.selectedIdProperty()::set);
        }
        return true;
    }
}
