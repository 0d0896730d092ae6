package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.service.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's state and commands, without any FX toolkit: the "UI thread" is this test's thread. */
class ExplorerViewModelTest {
    private final BlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final Thread testThread = Thread.currentThread();
    private final ExplorerViewModel model = new ExplorerViewModel(Presets.defaultScenario(), uiQueue::add,
            Runnable::run);

    @AfterEach
    void close() {
        model.close();
    }

    /** Runs the UI tasks the background posts until the condition holds (at most 30 s). */
    private void pumpUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the background");
            Runnable r = uiQueue.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
    }

    private void awaitEvaluationOfCurrent() throws InterruptedException {
        pumpUntil(() -> {
            Evaluation e = model.evaluationProperty().get();
            return e != null && e.designed().equals(model.getScenario()) && !model.busyProperty().get();
        });
    }

    private double sinr(String user) {
        return model.evaluationProperty().get().metrics().users().stream().filter(u -> u.id().equals(user))
                .findFirst().orElseThrow().sinr();
    }

    @Test
    void theDefaultScenarioIsDesignedWithMrtAndEvaluatedInTheBackground() throws Exception {
        assertEquals("mrt", model.algorithmProperty().get());
        awaitEvaluationOfCurrent();
        Evaluation e = model.evaluationProperty().get();
        assertNotNull(e.metrics());
        assertNotNull(model.getScenario().precoder());
        assertEquals("mrt", e.design().algorithm());
        assertFalse(model.canUndoProperty().get(), "designing is not an edit");
    }

    @Test
    void draggingMovesTheNodeTheMetricsFollowAndOneUndoRestoresIt() throws Exception {
        awaitEvaluationOfCurrent();
        Vec3 start = ScenarioEdits.position(model.getScenario(), "u1");
        double before = sinr("u1");
        assertTrue(model.dragNode("u1", new Vec3(4.5, 1.5, 0)));
        assertTrue(model.dragNode("u1", new Vec3(5, 2, 0)));
        model.endDrag();
        assertEquals(new Vec3(5, 2, 0), ScenarioEdits.position(model.getScenario(), "u1"));
        awaitEvaluationOfCurrent();
        assertNotEquals(before, sinr("u1"));
        assertTrue(model.dirtyProperty().get());
        assertTrue(model.canUndoProperty().get());
        model.undo();
        assertEquals(start, ScenarioEdits.position(model.getScenario(), "u1"));
        assertFalse(model.canUndoProperty().get(), "the whole drag was one step");
        awaitEvaluationOfCurrent();
        assertEquals(before, sinr("u1"), Math.abs(before) * 1e-9);
        model.redo();
        assertEquals(new Vec3(5, 2, 0), ScenarioEdits.position(model.getScenario(), "u1"));
    }

    @Test
    void aDragOntoAnAntennaIsRefusedWithTheReason() throws Exception {
        Scenario s = model.getScenario();
        Vec3 element = s.txArray().positions().get(0);
        assertFalse(model.dragNode("e1", element));
        model.endDrag();
        assertTrue(model.messageProperty().get().contains("element"), model.messageProperty().get());
        assertEquals(ScenarioEdits.position(s, "e1"), ScenarioEdits.position(model.getScenario(), "e1"));
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void aLocalDesignShowsFeasibleIntermediatesBeforeItsResult(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p000.json");
        try (var in = getClass().getResourceAsStream("/io/fresnel/design/rsma/p000_small.scenario.json")) {
            // Algorithm 1 alone, capped, keeps the test short; it reports intermediates like rsma-hybrid
            Files.writeString(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace(
                    "\"algorithm\": \"rsma-hybrid\"", "\"algorithm\": \"rsma-digital\", \"max_iterations\": 40"));
        }
        java.util.List<Evaluation> shown = new java.util.ArrayList<>();
        model.evaluationProperty().addListener((obs, old, now) -> shown.add(now));
        model.open(file);
        pumpUntil(() -> "rsma-digital".equals(model.algorithmProperty().get()));
        pumpUntil(() -> {
            Evaluation e = model.evaluationProperty().get();
            return e != null && e.design() != null && e.design().algorithm().equals("rsma-digital")
                    && !model.busyProperty().get();
        });
        Evaluation last = model.evaluationProperty().get();
        assertNotNull(last.design().precoder(), last.design().message());
        long intermediates = shown.stream().filter(e -> e != null && e.design() == null
                && e.input().precoder() == null && e.designed().precoder() != null && e.metrics() != null).count();
        assertTrue(intermediates >= 1, "no intermediate precoder was shown");
        assertFalse(model.convergence().isEmpty(), "the convergence chart has the run");
    }

    @Test
    void aRejectedFileChangesNothingAndTheMessageNamesTheField(@TempDir Path dir) throws Exception {
        awaitEvaluationOfCurrent();
        Scenario before = model.getScenario();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(io.fresnel.GoldenFiles.goldenDir().resolve(
                "bad/unknown_phase_model.json")));
        model.open(bad);
        pumpUntil(() -> model.messageProperty().get().contains("rejected"));
        assertTrue(model.messageProperty().get().contains("propagation.phase"), model.messageProperty().get());
        assertEquals(before, model.getScenario());
        assertNull(model.fileProperty().get());
    }

    @Test
    void saveThenOpenRestoresTheScenarioWithItsPrecoder(@TempDir Path dir) throws Exception {
        awaitEvaluationOfCurrent();
        model.addNode(NodeKind.TARGET, new Vec3(7, 0, 0));
        awaitEvaluationOfCurrent();
        Scenario saved = model.getScenario();
        Path f = dir.resolve("s.json");
        model.saveAs(f);
        pumpUntil(() -> model.messageProperty().get().startsWith("saved"));
        assertFalse(model.dirtyProperty().get());
        model.dragNode("u1", new Vec3(6, 6, 0));
        model.endDrag();
        model.algorithmProperty().set(null);
        model.open(f);
        pumpUntil(() -> model.messageProperty().get().startsWith("opened"));
        assertEquals(saved.users(), model.getScenario().users());
        assertEquals(saved.targets(), model.getScenario().targets());
        assertEquals(saved.precoder(), model.getScenario().precoder());
        assertEquals(f, model.fileProperty().get());
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void addingAndDeletingNodesAreUndoable() throws Exception {
        model.addNode(NodeKind.EAVESDROPPER, new Vec3(2, -4, 0));
        assertEquals("e2", model.selectedIdProperty().get());
        model.deleteSelected();
        assertTrue(ScenarioEdits.kindOf(model.getScenario(), "e2").isEmpty());
        model.undo();
        assertTrue(ScenarioEdits.kindOf(model.getScenario(), "e2").isPresent());
        model.undo();
        assertTrue(ScenarioEdits.kindOf(model.getScenario(), "e2").isEmpty());
    }

    @Test
    void aPresetLoadsAsANewUnsavedDocument() throws Exception {
        Presets.Preset p = Presets.all().stream().filter(x -> x.file().startsWith("paper-003")).findFirst()
                .orElseThrow();
        model.loadPreset(p);
        assertTrue(model.getScenario().name().startsWith("Paper 003"));
        assertFalse(model.messageProperty().get().contains("not available yet"), model.messageProperty().get());
        assertEquals("speb-min-hybrid", model.algorithmProperty().get(), "the paper 003 preset designs with Algorithm 1");
        awaitEvaluationOfCurrent();
        assertNotNull(model.evaluationProperty().get().metrics());
    }

    @Test
    void backgroundResultsAreAppliedOnlyOnTheUiThread() throws Exception {
        java.util.List<Thread> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        model.evaluationProperty().addListener((o, a, b) -> seen.add(Thread.currentThread()));
        model.dragNode("u2", new Vec3(6, -1, 0));
        model.endDrag();
        awaitEvaluationOfCurrent();
        assertFalse(seen.isEmpty());
        for (Thread t : seen) {
            assertEquals(testThread, t);
        }
    }

    /** Waits until the background has posted its outcome (the queue stops growing for 300 ms). */
    private void awaitPosted() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int size = -1;
        while (uiQueue.isEmpty() || uiQueue.size() != size) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the background");
            size = uiQueue.size();
            Thread.sleep(300);
        }
    }

    @Test
    void aNewDocumentClearsTheEvaluationAndLateResultsOfTheOldSceneAreDropped() throws Exception {
        awaitEvaluationOfCurrent();
        Vec3 p = ScenarioEdits.position(model.getScenario(), "u1");
        assertTrue(model.dragNode("u1", new Vec3(p.x() + 0.5, p.y() + 0.25, p.z())));
        model.endDrag();
        awaitPosted(); // the old scene's result is computed and waits in the UI queue
        Presets.Preset other = Presets.all().stream().filter(x -> x.file().equals("near-vs-far-field.json"))
                .findFirst().orElseThrow();
        model.loadPreset(other);
        Scenario now = model.getScenario();
        assertNull(model.evaluationProperty().get(), "the old scene's metrics are not shown under the new nodes");
        assertTrue(model.convergence().isEmpty(), "nor its convergence");
        java.util.List<Runnable> late = new java.util.ArrayList<>();
        uiQueue.drainTo(late);
        late.forEach(Runnable::run);
        Evaluation e = model.evaluationProperty().get();
        assertTrue(e == null || e.input().users().equals(now.users()), "a late result of the old scene is dropped");
        awaitEvaluationOfCurrent();
        assertEquals(now.users(), model.evaluationProperty().get().input().users());
        assertEquals(model.document().generation(), model.evaluationProperty().get().generation());
    }

    @Test
    void cancelStopsTheRunAndClearsAnEvaluationOfAnEarlierState() throws Exception {
        awaitEvaluationOfCurrent();
        Vec3 p = ScenarioEdits.position(model.getScenario(), "u1");
        assertTrue(model.dragNode("u1", new Vec3(p.x() + 0.5, p.y(), p.z())));
        model.endDrag();
        assertTrue(model.busyProperty().get());
        model.cancel();
        assertFalse(model.busyProperty().get());
        assertEquals("cancelled", model.solverStatusProperty().get());
        assertNull(model.evaluationProperty().get(), "the evaluation of the position before the drag is not kept");
        Thread.sleep(300);
        java.util.List<Runnable> late = new java.util.ArrayList<>();
        uiQueue.drainTo(late);
        late.forEach(Runnable::run);
        Evaluation e = model.evaluationProperty().get();
        assertTrue(e == null || e.input() == model.getScenario(), "nothing of the cancelled run but its own result");
    }
}
