package io.fresnel.ui;

import io.fresnel.model.Scenario;
import io.fresnel.service.Evaluation;
import io.fresnel.service.SolverListener;
import io.fresnel.service.SolverService;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The two design runs of the beamformer comparison: design A and design B of the document's
 * present scene, each on its own {@link SolverService} (in the background, newest request wins,
 * the older one cancelled), while the comparison is shown ({@link #activeProperty()}). A result
 * is delivered only for the scene and generation it was computed for; nothing of an earlier
 * scene stays. The document is not changed: the comparison designs copies. Testable without the
 * FX toolkit (JavaFX properties only).
 */
final class CompareRuns implements AutoCloseable {
    /** Design A by default: paper 004's near-field CRB-min SDR (focuses in range and angle). */
    static final String DEFAULT_A = "crb-min-sdr";
    /** Design B by default: far-field steering (the plane-wave baseline). */
    static final String DEFAULT_B = "far-field-steering";

    private final ScenarioDocument document;
    private final Side a;
    private final Side b;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");

    /**
     * @param document the document whose scene is compared
     * @param ui runs the deliveries (the FX thread in the app)
     */
    CompareRuns(ScenarioDocument document, Executor ui) {
        this.document = Objects.requireNonNull(document, "document");
        this.a = new Side(ui, DEFAULT_A);
        this.b = new Side(ui, DEFAULT_B);
        document.scenarioProperty().addListener((o, x, s) -> submit());
        active.addListener((o, x, now) -> {
            if (now) {
                submit();
            } else {
                a.cancel();
                b.cancel();
            }
        });
    }

    /** @return whether the comparison is shown (it computes only then) */
    BooleanProperty activeProperty() {
        return active;
    }

    /** @return side A */
    Side a() {
        return a;
    }

    /** @return side B */
    Side b() {
        return b;
    }

    private void submit() {
        if (active.get()) {
            a.submit();
            b.submit();
        }
    }

    @Override
    public void close() {
        a.service.close();
        b.service.close();
    }

    /** One of the two designs: its algorithm, its latest evaluation and its state in words. */
    final class Side {
        private final ObjectProperty<String> algorithm;
        private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
        private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
        private final SolverService service;
        /** The scene of the newest request without its precoder (the designs ignore it). */
        private Scenario submitted;

        private Side(Executor ui, String initial) {
            algorithm = new SimpleObjectProperty<>(this, "algorithm", initial);
            service = new SolverService(new SolverListener() {
                @Override
                public void onResult(Evaluation e) {
                    ui.execute(() -> deliver(e));
                }

                @Override
                public void onFailure(Throwable error, long generation) {
                    ui.execute(() -> {
                        if (generation == document.generation()) {
                            status.set(algorithm.get() + ": failed: " + error.getMessage());
                        }
                    });
                }

                @Override
                public void onFailure(Throwable error) {
                    onFailure(error, document.generation());
                }
            });
            algorithm.addListener((o, x, now) -> {
                submitted = null;
                if (active.get()) {
                    submit();
                }
            });
        }

        /** @return the algorithm (a {@code Designs} name) */
        ObjectProperty<String> algorithmProperty() {
            return algorithm;
        }

        /** @return the latest evaluation of the present scene with this design, or null */
        ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
            return evaluation.getReadOnlyProperty();
        }

        /** @return the state in words ("crb-min-sdr: solving", "... optimal in 120 ms", why it failed) */
        ReadOnlyStringProperty statusProperty() {
            return status.getReadOnlyProperty();
        }

        private void submit() {
            Scenario s = document.getScenario();
            if (s == null || algorithm.get() == null) {
                return;
            }
            Scenario scene = s.withPrecoder(null);
            if (scene.equals(submitted)) {
                return; // only the precoder changed (the main design was adopted): same comparison
            }
            submitted = scene;
            evaluation.set(null);
            status.set(algorithm.get() + ": solving\u2026");
            service.submit(scene, algorithm.get(), document.generation());
        }

        private void cancel() {
            service.cancel();
            if (submitted != null && evaluation.get() == null) {
                status.set(algorithm.get() + ": cancelled");
            }
            submitted = null;
        }

        private void deliver(Evaluation e) {
            if (e.generation() != document.generation() || submitted == null || e.input() != submitted) {
                return; // another scene's, or one that was cancelled
            }
            evaluation.set(e);
            status.set(e.design() != null && e.designed().precoder() != null
                    ? algorithm.get() + ": " + e.design().status().jsonName() + " in "
                            + String.format("%.0f ms", e.design().seconds() * 1e3)
                    : e.problem() != null ? e.problem() : algorithm.get() + ": no precoder");
        }
    }
}
