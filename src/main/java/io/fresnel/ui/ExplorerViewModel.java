package io.fresnel.ui;

import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scenario;
import io.fresnel.service.Evaluation;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The state and commands of the explorer window, testable without the FX toolkit (it uses
 * JavaFX properties only; callbacks from the background are handed to {@code ui}, which is
 * {@code Platform::runLater} in the app and a direct executor in tests).
 *
 * <p>A thin coordinator of two parts: the {@link ScenarioDocument} (scenario, file, history,
 * dirty flag, selection, presets, messages) and its {@link DesignRuns} (beamformer, background
 * services, solver status, evaluations). Each edit of the document starts a run; a new document
 * chooses its beamformer. The methods below delegate, so that views bind to one object; panels
 * that need only one part may take {@link #document()} or {@link #runs()}.
 */
public final class ExplorerViewModel implements AutoCloseable {
    private final ScenarioDocument document;
    private final DesignRuns runs;
    private final SliceViewModel slice;

    /**
     * @param initial the first scenario
     * @param ui runs state changes coming from the background (the FX thread in the app)
     * @param io runs file reading and writing off the FX thread
     */
    public ExplorerViewModel(Scenario initial, Executor ui, Executor io) {
        this.document = new ScenarioDocument(ui, io, new ScenarioDocument.Listener() {
            @Override
            public void edited(Scenario scenario) {
                runs().evaluate();
            }

            @Override
            public String replaced(Scenario scenario) {
                return runs().chooseFor(scenario);
            }

            @Override
            public String beamformer() {
                return runs().algorithmProperty().get();
            }

            @Override
            public void restoreBeamformer(String name) {
                runs().algorithmProperty().set(name);
            }
        });
        this.runs = new DesignRuns(ui, document);
        document.replace(initial, null);
        this.slice = new SliceViewModel(document);
    }

    /** @return the document: scenario, file, history, selection, messages */
    public ScenarioDocument document() {
        return document;
    }

    /** @return the design runs: beamformer, services, status, evaluations */
    public DesignRuns runs() {
        return runs;
    }

    /** @return the cut plane of the 2-D canvas and the 3-D view's slice */
    public SliceViewModel slice() {
        return slice;
    }

    // ---- properties -------------------------------------------------------------------------

    /** @return the scenario being edited (with the precoder last designed for it) */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return document.scenarioProperty();
    }

    /** @return the scenario being edited */
    public Scenario getScenario() {
        return document.getScenario();
    }

    /** @return the latest evaluation delivered by the solver worker (null before the first) */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return runs.evaluationProperty();
    }

    /** @return the chosen beamformer (a {@link Designs} name), or null to keep the file's precoder */
    public ObjectProperty<String> algorithmProperty() {
        return runs.algorithmProperty();
    }

    /** @return whether every edit re-runs the chosen beamformer */
    public BooleanProperty autoSolveProperty() {
        return runs.autoSolveProperty();
    }

    /** @return the id of the selected node, or null */
    public StringProperty selectedIdProperty() {
        return document.selectedIdProperty();
    }

    /** @return the last message for the user (why an edit was refused, what was saved) */
    public ReadOnlyStringProperty messageProperty() {
        return document.messageProperty();
    }

    /** @return the iterations of the latest solver run, for a convergence chart */
    public ObservableList<ProgressLog.Step> convergence() {
        return runs.convergence();
    }

    /** @return the solver's state in words */
    public ReadOnlyStringProperty solverStatusProperty() {
        return runs.solverStatusProperty();
    }

    /** @return whether a request is being worked on */
    public ReadOnlyBooleanProperty busyProperty() {
        return runs.busyProperty();
    }

    /** @return whether there are unsaved edits */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return document.dirtyProperty();
    }

    /** @return whether undo is possible */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return document.canUndoProperty();
    }

    /** @return whether redo is possible */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return document.canRedoProperty();
    }

    /** @return the file the scenario was opened from or saved to, or null */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return document.fileProperty();
    }

    // ---- commands (see ScenarioDocument and DesignRuns) ------------------------------------

    /**
     * @param id the node
     * @param p the new position (m)
     * @return whether the move was applied
     * @see ScenarioDocument#dragNode
     */
    public boolean dragNode(String id, Vec3 p) {
        return document.dragNode(id, p);
    }

    /** Ends a drag: one undo step for the whole gesture. */
    public void endDrag() {
        document.endDrag();
    }

    /**
     * @param what a short description for messages
     * @param edit the edit (it may throw IllegalArgumentException naming the cause)
     * @return whether it was applied
     * @see ScenarioDocument#edit
     */
    public boolean edit(String what, UnaryOperator<Scenario> edit) {
        return document.edit(what, edit);
    }

    /**
     * @param what a short description for messages
     * @param edit the edit (it may throw IllegalArgumentException naming the cause)
     * @param beamformer the beamformer chosen with it, restored by undo/redo together with the scene
     * @return whether it was applied
     * @see ScenarioDocument#editWithBeamformer
     */
    public boolean editWithBeamformer(String what, UnaryOperator<Scenario> edit, String beamformer) {
        return document.editWithBeamformer(what, edit, beamformer);
    }

    /**
     * @param kind what to add
     * @param p where (m)
     * @see ScenarioDocument#addNode
     */
    public void addNode(NodeKind kind, Vec3 p) {
        document.addNode(kind, p);
    }

    /** Deletes the selected node, if any. */
    public void deleteSelected() {
        document.deleteSelected();
    }

    /** Undoes the last edit. */
    public void undo() {
        document.undo();
    }

    /** Redoes the last undone edit. */
    public void redo() {
        document.redo();
    }

    /** Starts a new document from the default scenario. */
    public void newDocument() {
        document.newDocument();
    }

    /** @param preset the preset to load as a new, unsaved document */
    public void loadPreset(Presets.Preset preset) {
        document.loadPreset(preset);
    }

    /** @param path the scenario file to open (read off the FX thread) */
    public void open(Path path) {
        document.open(path);
    }

    /** @param path where to save the scenario (atomically, off the FX thread) */
    public void saveAs(Path path) {
        document.saveAs(path);
    }

    /** @param path the file the initial scenario was read from */
    public void markOpened(Path path) {
        document.markOpened(path);
    }

    /** @param text a message to show the user (e.g. the outcome of an export) */
    public void report(String text) {
        document.report(text);
    }

    /** Re-runs the chosen beamformer on the present scenario. */
    public void solveNow() {
        runs.solveNow();
    }

    /** Cancels the file being read and the running design (Escape in the window). */
    public void cancel() {
        document.cancelOpen();
        runs.cancel();
    }

    @Override
    public void close() {
        runs.close();
    }
}
