package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The beamformer chosen for a new document (results are covered by ExplorerViewModelTest). */
class DesignRunsTest {
    private final ScenarioDocument doc = new ScenarioDocument(r -> { }, Runnable::run,
            new ScenarioDocument.Listener() {
                @Override
                public void edited(Scenario s) {
                }

                @Override
                public String replaced(Scenario s) {
                    return "";
                }
            });
    private final DesignRuns runs = new DesignRuns(r -> { }, doc);

    @AfterEach
    void close() {
        runs.close();
    }

    @Test
    void aDigitalScenarioWithoutAlgorithmGetsMrt() {
        Scenario s = Presets.defaultScenario();
        doc.replace(s, null);
        assertEquals("", runs.chooseFor(s));
        assertEquals("mrt", runs.algorithmProperty().get());
        assertTrue(runs.busyProperty().get(), "choosing starts a run");
    }

    @Test
    void anUnavailableAlgorithmFallsBackAndSaysSo() {
        Scenario preset = Presets.byFile("paper-003-speb.json");
        Scenario s = preset.withSolver(new io.fresnel.model.SolverSpec("not-yet-implemented", null));
        doc.replace(s, null);
        String note = runs.chooseFor(s);
        assertTrue(note.contains("not available yet"), note);
        assertEquals("two-stage-hybrid", runs.algorithmProperty().get());
    }

    @Test
    void nothingIsSubmittedWithoutAScenario() {
        runs.evaluate();
        assertEquals("", runs.solverStatusProperty().get());
        assertNull(runs.evaluationProperty().get());
    }
}
