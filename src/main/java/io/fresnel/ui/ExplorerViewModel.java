package io.fresnel.ui;

import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.math.Vec3;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.service.Evaluation;
import io.fresnel.service.SolverListener;
import io.fresnel.service.SolverService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state and commands of the explorer window, testable without the FX toolkit (it uses
 * JavaFX properties only; callbacks from the background are handed to {@code ui}, which is
 * {@code Platform::runLater} in the app and a direct executor in tests).
 *
 * <p>Every edit makes a new immutable {@link Scenario}; an edit that the scenario rejects leaves
 * everything unchanged and reports the reason in {@link #messageProperty()}. After each change
 * the scenario snapshot goes to the {@link SolverService} (design and metrics on its worker; the
 * newest request wins and cancels the older), and the {@link #evaluationProperty()} follows
 * when the result arrives. While a design runs, a second worker evaluates the precoder in force
 * at the edited positions, so that metrics and heatmap follow a drag even when a design takes
 * longer than the drag's events.
 */
public final class ExplorerViewModel implements AutoCloseable {
    private final Executor ui;
    private final Executor io;
    private final SolverService solver;
    /** Metrics of the present precoder at the edited positions, while a slower design runs. */
    private final SolverService quick;
    private final EditHistory<Scenario> history = new EditHistory<>();
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ObjectProperty<String> algorithm = new SimpleObjectProperty<>(this, "algorithm");
    private final StringProperty selectedId = new SimpleStringProperty(this, "selectedId");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper solverStatus = new ReadOnlyStringWrapper(this, "solverStatus", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final BooleanProperty autoSolve = new SimpleBooleanProperty(this, "autoSolve", true);
    private final ObservableList<ProgressLog.Step> convergence =
            FXCollections.observableArrayList();
    private final AtomicLong runs = new AtomicLong();
    private Scenario dragStart;
    private Scenario lastSubmitted;
    private long edits;

    /**
     * @param initial the first scenario
     * @param ui runs state changes coming from the background (the FX thread in the app)
     * @param io runs file reading and writing off the FX thread
     */
    public ExplorerViewModel(Scenario initial, Executor ui, Executor io) {
        this.ui = ui;
        this.io = io;
        ProgressLog progress = new ProgressLog(ui, this::showProgress);
        this.solver = new SolverService(new SolverListener() {
            @Override
            public void onProgress(int iteration, double objective, String text) {
                progress.add(new ProgressLog.Step(runs.get(), iteration, objective));
            }

            @Override
            public void onIntermediate(Evaluation e) {
                ui.execute(() -> deliverIntermediate(e));
            }

            @Override
            public void onResult(Evaluation e) {
                ui.execute(() -> deliver(e));
            }

            @Override
            public void onFailure(Throwable error) {
                ui.execute(() -> failed(error));
            }
        });
        this.quick = new SolverService(new SolverListener() {
            @Override
            public void onResult(Evaluation e) {
                ui.execute(() -> deliverQuick(e));
            }

            @Override
            public void onFailure(Throwable error) {
                ui.execute(() -> failed(error));
            }
        });
        algorithm.addListener((obs, old, now) -> evaluate());
        autoSolve.addListener((obs, old, now) -> evaluate());
        replaceDocument(initial, null);
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

    /** @return the latest evaluation delivered by the solver worker (null before the first) */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** @return the chosen beamformer (a {@link Designs} name), or null to keep the file's precoder */
    public ObjectProperty<String> algorithmProperty() {
        return algorithm;
    }

    /** @return whether every edit re-runs the chosen beamformer */
    public BooleanProperty autoSolveProperty() {
        return autoSolve;
    }

    /** @return the id of the selected node, or null */
    public StringProperty selectedIdProperty() {
        return selectedId;
    }

    /** @return the last message for the user (why an edit was refused, what was saved) */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * @return the iterations of the latest solver run (objective per iteration), for a
     *     convergence chart; cleared when a new run starts
     */
    public ObservableList<ProgressLog.Step> convergence() {
        return convergence;
    }

    /** @return the solver's state in words */
    public ReadOnlyStringProperty solverStatusProperty() {
        return solverStatus.getReadOnlyProperty();
    }

    /** @return whether a request is being worked on */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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

    // ---- scene edits ------------------------------------------------------------------------

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
            history.committed(dragStart);
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
        Scenario before = scenario.get();
        Scenario after;
        try {
            after = edit.apply(before);
        } catch (IllegalArgumentException e) {
            message.set(what + " refused: " + e.getMessage());
            return false;
        }
        if (after.equals(before)) {
            return true;
        }
        history.committed(before);
        setScenario(after);
        markEdited();
        message.set(what);
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
        history.undo(scenario.get()).ifPresent(s -> {
            setScenario(s);
            markEdited();
            message.set("undone");
        });
    }

    /** Redoes the last undone edit. */
    public void redo() {
        history.redo(scenario.get()).ifPresent(s -> {
            setScenario(s);
            markEdited();
            message.set("redone");
        });
    }

    // ---- documents --------------------------------------------------------------------------

    /** Starts a new document from the default scenario. */
    public void newDocument() {
        message.set("new scenario" + replaceDocument(Presets.defaultScenario(), null));
    }

    /**
     * Loads a preset as a new, unsaved document.
     *
     * @param preset the preset
     */
    public void loadPreset(Presets.Preset preset) {
        try {
            message.set("preset: " + preset.title() + replaceDocument(Presets.load(preset), null));
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
        io.execute(() -> {
            try {
                ScenarioReader.Result r = ScenarioReader.read(path);
                ui.execute(() -> {
                    String note = replaceDocument(r.scenario(), path);
                    message.set("opened " + path.getFileName()
                            + (r.warnings().isEmpty() ? "" : " (" + String.join("; ", r.warnings()) + ")") + note);
                });
            } catch (IOException e) {
                ui.execute(() -> message.set("cannot read " + path + ": " + e.getMessage()));
            } catch (ScenarioFormatException e) {
                ui.execute(() -> message.set(path.getFileName() + " rejected: " + e.getMessage()));
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

    /** Re-runs the chosen beamformer on the present scenario. */
    public void solveNow() {
        submit(true);
    }

    @Override
    public void close() {
        solver.close();
        quick.close();
    }

    // ---- internals --------------------------------------------------------------------------

    /** @return a note for the user about the document's algorithm, or "" */
    private String replaceDocument(Scenario s, Path path) {
        history.clear();
        dragStart = null;
        selectedId.set(null);
        file.set(path);
        dirty.set(false);
        String wanted = s.solver() != null ? s.solver().algorithm() : null;
        boolean known = wanted != null && Designs.all().stream().anyMatch(d -> d.name().equals(wanted));
        scenario.set(s);
        updateUndoState();
        String note = "";
        if (wanted != null && !known) {
            note = "; its algorithm " + wanted + " is not available yet, "
                    + (s.precoder() == null ? "designing with a baseline instead" : "showing the file's precoder");
        }
        String fallback = s.architecture().kind() == ArchitectureKind.DIGITAL ? "mrt"
                : "two-stage-hybrid";
        String chosen = known ? wanted : (s.precoder() == null ? fallback : null);
        if (Objects.equals(chosen, algorithm.get())) {
            submit(true);
        } else {
            algorithm.set(chosen);
        }
        return note;
    }

    private void setScenario(Scenario s) {
        scenario.set(s);
        updateUndoState();
        evaluate();
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

    private void evaluate() {
        submit(autoSolve.get());
    }

    private void submit(boolean design) {
        Scenario s = scenario.get();
        if (s == null) {
            return;
        }
        String alg = design ? algorithm.get() : null;
        lastSubmitted = s;
        runs.incrementAndGet();
        busy.set(true);
        solverStatus.set(alg == null ? "evaluating" : alg + ": solving");
        solver.submit(s, alg);
        if (alg != null && s.precoder() != null) {
            quick.submit(s, null);
        }
    }

    private void showProgress(List<ProgressLog.Step> steps) {
        long run = runs.get();
        List<ProgressLog.Step> current = steps.stream().filter(st -> st.run() == run).toList();
        if (current.isEmpty()) {
            return;
        }
        if (!convergence.isEmpty() && convergence.get(0).run() != run) {
            convergence.clear();
        }
        convergence.addAll(current);
        ProgressLog.Step last = current.get(current.size() - 1);
        solverStatus.set(algorithm.get() + ": iteration " + last.iteration()
                + (Double.isFinite(last.objective()) ? String.format(", objective %.6g", last.objective()) : ""));
    }

    private void deliverQuick(Evaluation e) {
        Evaluation shown = evaluation.get();
        // Only while the design for this very snapshot has not arrived yet.
        if (e.input() == lastSubmitted && (shown == null || shown.input() != e.input())) {
            evaluation.set(e);
        }
    }

    /**
     * Shows a running design's feasible intermediate precoder (paper 000's local methods report
     * them while they converge), until the final result for the same snapshot arrives.
     */
    private void deliverIntermediate(Evaluation e) {
        Evaluation shown = evaluation.get();
        if (e.input() == lastSubmitted && (shown == null || shown.input() != e.input() || shown.design() == null)) {
            evaluation.set(e);
        }
    }

    private void deliver(Evaluation e) {
        busy.set(e.input() != lastSubmitted);
        evaluation.set(e);
        if (e.design() != null) {
            solverStatus.set(e.design().algorithm() + ": " + e.design().status().jsonName() + " in "
                    + String.format("%.0f ms", e.design().seconds() * 1e3) + (e.problem() != null ? "; " + e.problem()
                            : ""));
        } else {
            solverStatus.set(e.problem() == null ? "evaluated" : e.problem());
        }
        if (e.input().equals(scenario.get()) && e.designed() != e.input()) {
            // Keep the designed precoder with the document (it is saved with it); no new request.
            // Not an edit: the design is reproducible, so it does not make the document dirty.
            scenario.set(e.designed());
            lastSubmitted = e.designed();
        }
    }

    private void failed(Throwable error) {
        busy.set(false);
        solverStatus.set("solver failed: " + error.getMessage());
        message.set("the solver failed: " + error);
    }
}
