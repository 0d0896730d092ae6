package io.fresnel.ui;

import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.math.Vec3;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The document of the explorer window: the scenario being edited, its file, the undo/redo
 * history, the dirty flag, the selection and the user's messages; presets and files are loaded
 * into it. Testable without the FX toolkit (JavaFX properties only).
 *
 * <p>Every edit makes a new immutable {@link Scenario}; an edit that the scenario rejects leaves
 * everything unchanged and reports the reason in {@link #messageProperty()}. The document does
 * not solve anything: it tells its {@link Listener} when the scenario was edited or replaced, and
 * the coordinator ({@link ExplorerViewModel}) starts the design runs.
 */
public final class ScenarioDocument {

    /** What the document tells its owner; called on the UI thread. */
    public interface Listener {
        /**
         * The scenario was edited (or undone/redone): it needs a new evaluation.
         *
         * @param scenario the new scenario
         */
        void edited(Scenario scenario);

        /**
         * The document was replaced (new, preset, opened file): choose its beamformer.
         *
         * @param scenario the new document's scenario
         * @return a note for the user about the document's algorithm, or ""
         */
        String replaced(Scenario scenario);

        /**
         * @return the beamformer chosen now (a design name, or null for the file's precoder), recorded
         *     by an edit that also changes it ({@link #editWithBeamformer})
         */
        default String beamformer() {
            return null;
        }

        /**
         * Undo or redo of an edit that also changed the beamformer: choose this one again.
         *
         * @param name a design name, or null for the file's precoder
         */
        default void restoreBeamformer(String name) {
        }
    }

    /**
     * One undo or redo step: the scenario to restore and, for an edit that also changed the
     * beamformer ({@link #editWithBeamformer}), the beamformer to restore with it.
     *
     * @param scenario the scenario
     * @param withBeamformer whether the step restores the beamformer too
     * @param beamformer the beamformer (a design name, or null for the file's precoder)
     */
    private record Step(Scenario scenario, boolean withBeamformer, String beamformer) {
        static Step of(Scenario s) {
            return new Step(s, false, null);
        }
    }

    private final Executor ui;
    private final Executor io;
    private final Listener listener;
    private final EditHistory<Step> history = new EditHistory<>();
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final StringProperty selectedId = new SimpleStringProperty(this, "selectedId");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    /** Bumped by every {@link #replace}: results computed for another generation are stale. */
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper(this, "generation");
    private Scenario dragStart;
    private long edits;
    /** Bumped by every {@link #open} and {@link #cancelOpen}: only the newest read is adopted. */
    private long opens;

    /**
     * Makes an empty document; {@link #replace} gives it its first scenario.
     *
     * @param ui runs state changes coming from the background (the FX thread in the app)
     * @param io runs file reading and writing off the FX thread
     * @param listener told of edits and replacements, on the UI thread
     */
    public ScenarioDocument(Executor ui, Executor io, Listener listener) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.io = Objects.requireNonNull(io, "io");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ---- properties -------------------------------------------------------------------------

    /** @return the scenario being edited (with the precoder last designed for it) */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    /** @return the scenario being edited */
    public Scenario getScenario() {
        return scenario.get();
    }

    /** @return the id of the selected node, or null */
    public StringProperty selectedIdProperty() {
        return selectedId;
    }

    /** @return the last message for the user (why an edit was refused, what was saved) */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return whether there are unsaved edits */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** @return whether undo is possible */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** @return whether redo is possible */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** @return the file the scenario was opened from or saved to, or null */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** @return whether a file is being read (see {@link #open} and {@link #cancelOpen}) */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * The document's identity: it changes with every new document (new, preset, opened file), not
     * with edits. Background results are tagged with the generation they were computed for, and
     * the window drops those of another generation: they belong to a scene no longer shown.
     *
     * @return the present generation (0 before the first document)
     */
    public long generation() {
        return generation.get();
    }

    /**
     * @return how many times the document was replaced (new, preset, opened file); views that
     *     keep per-document state (the slice plane, the 3-D camera) reset when it changes
     */
    public ReadOnlyIntegerProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    // ---- edits ------------------------------------------------------------------------------

    /**
     * Moves a node while dragging: the scene and the solver follow, but no undo step is made
     * until {@link #endDrag()}. A position the scenario rejects (e.g. on an antenna) is refused
     * and reported; the node stays where it was.
     *
     * @param id the node
     * @param p the new position (m)
     * @return whether the move was applied
     */
    public boolean dragNode(String id, Vec3 p) {
        Scenario before = scenario.get();
        if (dragStart == null) {
            dragStart = before;
        }
        try {
            setScenario(ScenarioEdits.move(before, id, p));
            return true;
        } catch (IllegalArgumentException e) {
            message.set("cannot move " + id + ": " + e.getMessage());
            return false;
        }
    }

    /** Ends a drag: one undo step for the whole gesture. */
    public void endDrag() {
        if (dragStart != null && !dragStart.equals(scenario.get())) {
            history.committed(Step.of(dragStart));
            markEdited();
        }
        dragStart = null;
    }

    /**
     * Applies an edit as one undo step.
     *
     * @param what a short description for messages
     * @param edit the edit (it may throw IllegalArgumentException naming the cause)
     * @return whether it was applied
     */
    public boolean edit(String what, UnaryOperator<Scenario> edit) {
        return apply(what, edit, false, null);
    }

    /**
     * Applies an edit and a choice of beamformer as one undo step (e.g. a tradeoff point: its level
     * and precoder, and the front's design): undo restores the scenario and the beamformer chosen
     * before, redo both again. Edits made with {@link #edit} leave the beamformer to the user.
     *
     * @param what a short description for messages
     * @param edit the edit (it may throw IllegalArgumentException naming the cause)
     * @param beamformer the beamformer to choose with it (a design name, or null for the file's precoder)
     * @return whether it was applied
     */
    public boolean editWithBeamformer(String what, UnaryOperator<Scenario> edit, String beamformer) {
        return apply(what, edit, true, beamformer);
    }

    /** {@link #edit} and, with {@code withBeamformer}, {@link #editWithBeamformer}: one undo step. */
    private boolean apply(String what, UnaryOperator<Scenario> edit, boolean withBeamformer, String beamformer) {
        Scenario before = scenario.get();
        String chosen = withBeamformer ? listener.beamformer() : null;
        boolean switches = withBeamformer && !Objects.equals(chosen, beamformer);
        Scenario after;
        try {
            after = edit.apply(before);
        } catch (IllegalArgumentException e) {
            message.set(what + " refused: " + e.getMessage());
            return false;
        }
        if (after.equals(before) && !switches) {
            return true;
        }
        history.committed(new Step(before, withBeamformer, chosen));
        setScenario(after);
        markEdited();
        message.set(what);
        if (switches) {
            listener.restoreBeamformer(beamformer);
        }
        return true;
    }

    /**
     * Adds a node at a point and selects it.
     *
     * @param kind what to add
     * @param p where (m)
     */
    public void addNode(NodeKind kind, Vec3 p) {
        Scenario before = scenario.get();
        if (edit("added a " + kind.label(), s -> ScenarioEdits.add(s, kind, p))) {
            List<String> ids = switch (kind) {
                case USER -> scenario.get().users().stream().map(n -> n.id()).toList();
                case EAVESDROPPER -> scenario.get().eavesdroppers().stream().map(n -> n.id()).toList();
                case TARGET -> scenario.get().targets().stream().map(n -> n.id()).toList();
            };
            if (!scenario.get().equals(before)) {
                selectedId.set(ids.get(ids.size() - 1));
            }
        }
    }

    /** Deletes the selected node, if any. */
    public void deleteSelected() {
        String id = selectedId.get();
        if (id != null && edit("deleted " + id, s -> ScenarioEdits.remove(s, id))) {
            selectedId.set(null);
        }
    }

    /** Undoes the last edit. */
    public void undo() {
        history.undo(this::present).ifPresent(s -> restore(s, "undone"));
    }

    /** Redoes the last undone edit. */
    public void redo() {
        history.redo(this::present).ifPresent(s -> restore(s, "redone"));
    }

    /** @return the present state in the form of the step about to be restored (with the beamformer when it has one) */
    private Step present(Step restored) {
        return restored.withBeamformer() ? new Step(scenario.get(), true, listener.beamformer())
                : Step.of(scenario.get());
    }

    private void restore(Step s, String what) {
        setScenario(s.scenario());
        markEdited();
        if (s.withBeamformer() && !Objects.equals(s.beamformer(), listener.beamformer())) {
            listener.restoreBeamformer(s.beamformer());
        }
        message.set(what);
    }

    /**
     * Keeps the precoder designed for the present scenario with the document (it is saved with
     * it). Not an edit: the design is reproducible, so the document does not become dirty, no
     * undo step is made and the listener is not told.
     *
     * @param designed the present scenario with its designed precoder
     */
    public void adoptDesigned(Scenario designed) {
        scenario.set(designed);
    }

    // ---- documents --------------------------------------------------------------------------

    /** Starts a new document from the default scenario. */
    public void newDocument() {
        message.set("new scenario" + replace(Presets.defaultScenario(), null));
    }

    /**
     * Loads a preset as a new, unsaved document.
     *
     * @param preset the preset
     */
    public void loadPreset(Presets.Preset preset) {
        try {
            message.set("preset: " + preset.title() + replace(Presets.load(preset), null));
        } catch (ScenarioFormatException e) {
            message.set("preset " + preset.file() + " is invalid: " + e.getMessage());
        }
    }

    /**
     * Opens a scenario file (read on the I/O executor). A file that is rejected changes
     * nothing; the message names the field and the reason.
     *
     * @param path the file
     */
    public void open(Path path) {
        long ticket = ++opens;
        loading.set(true);
        message.set("opening " + path.getFileName() + "\u2026");
        io.execute(() -> {
            try {
                ScenarioReader.Result r = ScenarioReader.read(path);
                whenCurrent(ticket, () -> {
                    String note = replace(r.scenario(), path);
                    message.set("opened " + path.getFileName()
                            + (r.warnings().isEmpty() ? "" : " (" + String.join("; ", r.warnings()) + ")") + note);
                });
            } catch (IOException e) {
                whenCurrent(ticket, () -> message.set("cannot read " + path + ": " + e.getMessage()));
            } catch (ScenarioFormatException e) {
                whenCurrent(ticket, () -> message.set(path.getFileName() + " rejected: " + e.getMessage()));
            }
        });
    }

    /**
     * Abandons the file being read, if any: its content or rejection is ignored when it arrives,
     * and the document stays as it is.
     *
     * @return whether a read was abandoned
     */
    public boolean cancelOpen() {
        if (!loading.get()) {
            return false;
        }
        opens++;
        loading.set(false);
        message.set("opening cancelled");
        return true;
    }

    /** Runs the outcome of the read {@code ticket} on the UI thread, unless a newer open or a cancel came since. */
    private void whenCurrent(long ticket, Runnable outcome) {
        ui.execute(() -> {
            if (ticket == opens) {
                loading.set(false);
                outcome.run();
            }
        });
    }

    /**
     * Saves the scenario (with its current precoder) to a file, atomically, off the FX thread.
     *
     * @param path the file
     */
    public void saveAs(Path path) {
        Scenario snapshot = scenario.get();
        long editsAtSave = edits;
        io.execute(() -> {
            try {
                ScenarioWriter.write(snapshot, path);
                ui.execute(() -> {
                    file.set(path);
                    dirty.set(edits != editsAtSave);
                    message.set("saved " + path.getFileName());
                });
            } catch (IOException e) {
                ui.execute(() -> message.set("cannot save " + path + ": " + e.getMessage()));
            }
        });
    }

    /**
     * Records that the initial scenario came from a file (for the title and Save).
     *
     * @param path the file it was read from
     */
    public void markOpened(Path path) {
        file.set(path);
    }

    /**
     * Shows a message to the user (e.g. the outcome of an export).
     *
     * @param text the message
     */
    public void report(String text) {
        message.set(text);
    }

    /**
     * Replaces the document: no history, no selection, not dirty; then the listener chooses
     * the beamformer.
     *
     * @param s the new scenario
     * @param path the file it came from, or null
     * @return the listener's note for the user about the document's algorithm, or ""
     */
    public String replace(Scenario s, Path path) {
        if (loading.get()) {
            // a newer document than the file being read: the read is abandoned
            opens++;
            loading.set(false);
        }
        history.clear();
        dragStart = null;
        selectedId.set(null);
        file.set(path);
        dirty.set(false);
        scenario.set(s);
        updateUndoState();
        generation.set(generation.get() + 1);
        return listener.replaced(s);
    }

    // ---- internals --------------------------------------------------------------------------

    private void setScenario(Scenario s) {
        scenario.set(s);
        updateUndoState();
        listener.edited(s);
    }

    private void markEdited() {
        edits++;
        dirty.set(true);
        updateUndoState();
    }

    private void updateUndoState() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }
}
