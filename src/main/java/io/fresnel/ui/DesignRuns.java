package io.fresnel.ui;

import io.fresnel.design.Designs;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.Scenario;
import io.fresnel.service.Evaluation;
import io.fresnel.service.SolverListener;
import io.fresnel.service.SolverService;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The design runs of a {@link ScenarioDocument}: the chosen beamformer, the background services,
 * the solver's status and the delivery of their results. Testable without the FX toolkit.
 *
 * <p>Each scenario snapshot goes to the {@link SolverService} (design and metrics on its worker;
 * the newest request wins and cancels the older), and {@link #evaluationProperty()} follows when
 * the result arrives. While a design runs, a second worker evaluates the precoder in force at the
 * edited positions, so that metrics and heatmap follow a drag even when a design takes longer than
 * the drag's events. A design delivered for the document's present scenario is adopted by the
 * document ({@link ScenarioDocument#adoptDesigned}).
 *
 * <p>Every request carries the document's {@link ScenarioDocument#generation()}; a new document
 * clears the evaluation (views show "pending" until the new scene's results arrive) and results,
 * progress and failures of another generation are dropped, so that nothing computed for a scene
 * no longer shown is ever shown.
 */
public final class DesignRuns implements AutoCloseable {
    private final ScenarioDocument document;
    private final SolverService solver;
    /** Metrics of the present precoder at the edited positions, while a slower design runs. */
    private final SolverService quick;
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ObjectProperty<String> algorithm = new SimpleObjectProperty<>(this, "algorithm");
    private final ReadOnlyStringWrapper solverStatus = new ReadOnlyStringWrapper(this, "solverStatus", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanProperty autoSolve = new SimpleBooleanProperty(this, "autoSolve", true);
    private final ObservableList<ProgressLog.Step> convergence = FXCollections.observableArrayList();
    private final AtomicLong runs = new AtomicLong();
    private Scenario lastSubmitted;
    /** The input of the newest solver request until its result arrives (busy while not null). */
    private Scenario awaited;

    /**
     * @param ui runs state changes coming from the background (the FX thread in the app)
     * @param document the document whose scenario is designed and evaluated
     */
    public DesignRuns(Executor ui, ScenarioDocument document) {
        Objects.requireNonNull(ui, "ui");
        this.document = Objects.requireNonNull(document, "document");
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
            public void onFailure(Throwable error, long generation) {
                ui.execute(() -> failed(error, generation));
            }

            @Override
            public void onFailure(Throwable error) {
                onFailure(error, 0);
            }
        });
        this.quick = new SolverService(new SolverListener() {
            @Override
            public void onResult(Evaluation e) {
                ui.execute(() -> deliverQuick(e));
            }

            @Override
            public void onFailure(Throwable error, long generation) {
                ui.execute(() -> failed(error, generation));
            }

            @Override
            public void onFailure(Throwable error) {
                onFailure(error, 0);
            }
        });
        algorithm.addListener((obs, old, now) -> evaluate());
        autoSolve.addListener((obs, old, now) -> evaluate());
    }

    // ---- properties -------------------------------------------------------------------------

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

    // ---- commands ---------------------------------------------------------------------------

    /** Evaluates the present scenario, re-designing it when {@link #autoSolveProperty()} is on. */
    public void evaluate() {
        submit(autoSolve.get());
    }

    /** Re-runs the chosen beamformer on the present scenario. */
    public void solveNow() {
        submit(true);
    }

    /**
     * Chooses the beamformer for a new document and starts its run: the file's algorithm when it
     * is available; otherwise the file's precoder when it has one; otherwise a baseline
     * ({@code mrt} for a digital array, {@code two-stage-hybrid} for a hybrid one).
     *
     * @param s the new document's scenario
     * @return a note for the user about the document's algorithm, or ""
     */
    public String chooseFor(Scenario s) {
        // a new scene: nothing of the previous one may stay on screen
        evaluation.set(null);
        convergence.clear();
        lastSubmitted = null;
        awaited = null;
        String wanted = s.solver() != null ? s.solver().algorithm() : null;
        boolean known = wanted != null && Designs.all().stream().anyMatch(d -> d.name().equals(wanted));
        String note = "";
        if (wanted != null && !known) {
            note = "; its algorithm " + wanted + " is not available yet, "
                    + (s.precoder() == null ? "designing with a baseline instead" : "showing the file's precoder");
        }
        String fallback = baselineFor(s);
        String chosen = known ? wanted : (s.precoder() == null ? fallback : null);
        if (Objects.equals(chosen, algorithm.get())) {
            submit(true);
        } else {
            algorithm.set(chosen);
        }
        return note;
    }

    /**
     * @param s a scenario
     * @return the baseline beamformer of its architecture: {@code mrt} for a digital transmitter,
     *     {@code two-stage-hybrid} for a hybrid one
     */
    public static String baselineFor(Scenario s) {
        return s.architecture().kind() == ArchitectureKind.DIGITAL ? "mrt" : "two-stage-hybrid";
    }

    /**
     * Cancels the running design and evaluation (Escape in the window). An evaluation that does
     * not belong to the present scenario is cleared rather than left on screen as if it did.
     */
    public void cancel() {
        solver.cancel();
        quick.cancel();
        lastSubmitted = null; // results already on their way to the UI thread are dropped
        awaited = null;
        runs.incrementAndGet();
        busy.set(false);
        solverStatus.set("cancelled");
        Evaluation shown = evaluation.get();
        Scenario s = document.getScenario();
        if (shown != null && shown.input() != s && shown.designed() != s) {
            evaluation.set(null);
        }
    }

    @Override
    public void close() {
        solver.close();
        quick.close();
    }

    // ---- internals --------------------------------------------------------------------------

    private void submit(boolean design) {
        Scenario s = document.getScenario();
        if (s == null) {
            return;
        }
        String alg = design ? algorithm.get() : null;
        lastSubmitted = s;
        awaited = s;
        runs.incrementAndGet();
        busy.set(true);
        solverStatus.set(alg == null ? "evaluating" : alg + ": solving");
        long generation = document.generation();
        solver.submit(s, alg, generation);
        if (alg != null && s.precoder() != null) {
            quick.submit(s, null, generation);
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

    /** @return whether an evaluation was computed for the document shown now (not an earlier one) */
    private boolean current(Evaluation e) {
        return e.generation() == document.generation();
    }

    private void deliverQuick(Evaluation e) {
        if (!current(e)) {
            return;
        }
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
        if (!current(e)) {
            return;
        }
        Evaluation shown = evaluation.get();
        if (e.input() == lastSubmitted && (shown == null || shown.input() != e.input() || shown.design() == null)) {
            evaluation.set(e);
        }
    }

    private void deliver(Evaluation e) {
        if (!current(e) || lastSubmitted == null) {
            return; // another document's, or one that was cancelled
        }
        if (e.input() == awaited) {
            // (by identity: after an undo an older request may have an equal input)
            awaited = null;
        }
        busy.set(awaited != null);
        evaluation.set(e);
        if (e.design() != null) {
            solverStatus.set(e.design().algorithm() + ": " + e.design().status().jsonName() + " in "
                    + String.format("%.0f ms", e.design().seconds() * 1e3) + (e.problem() != null ? "; " + e.problem()
                            : ""));
        } else {
            solverStatus.set(e.problem() == null ? "evaluated" : e.problem());
        }
        if (e.input().equals(document.getScenario()) && e.designed() != e.input()) {
            // Keep the designed precoder with the document; no new request.
            document.adoptDesigned(e.designed());
            lastSubmitted = e.designed();
        }
    }

    private void failed(Throwable error, long generation) {
        if (generation != document.generation()) {
            return;
        }
        awaited = null;
        busy.set(false);
        solverStatus.set("solver failed: " + error.getMessage());
        document.report("the solver failed: " + error);
    }
}
