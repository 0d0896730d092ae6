package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.render.Layer;
import io.fresnel.service.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window under abuse, headless (Monocle): seeded random sequences of node drags,
 * background drags, preset switches, undo/redo storms, file opens (valid and rejected), layer
 * switches, new documents and cancels. Asserts that nothing is logged as an error or thrown on any
 * thread, that once the window settles the heatmap and metrics shown belong to the present
 * document generation and node positions, that the FX thread never freezes (runLater round trips
 * are probed throughout; the worst is reported), and that the live heap after full GCs does not
 * grow between the first and the last stretch of operations.
 *
 * <p>{@code -Dfresnel.abuse.operations=N} (default 1,000; the CI check runs 10,000) and
 * {@code -Dfresnel.abuse.seed=S} (default 13) choose the run.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowAbuseTest {
    private static final int OPERATIONS = Integer.getInteger("fresnel.abuse.operations", 1000);
    private static final long SEED = Long.getLong("fresnel.abuse.seed", 13);
    /** A freeze detector, not a speed test: a design or heatmap run on the FX thread takes far longer. */
    private static final long FREEZE_MS = Long.getLong("fresnel.abuse.freezeMs", 5000);
    /**
     * The limit of the live heap's growth (MB, {@code -Dfresnel.abuse.heapLimitMb}). Run alone in its
     * JVM ({@code .ci/window-abuse-10k.sh} passes 4) the growth measured 0.00-0.19 MB
     * (docs/window-robustness.md); inside the whole suite, where earlier test classes share the JVM,
     * one quiet-machine run read 27.8 MB (and 0.01 MB alone right after), so the suite's guard is 32. That
     * reading was most likely a stale look (a System.gc() that did no full GC, see {@link LiveHeap}), which
     * the looks now leave out; the guard stays at 32 until a full-suite run confirms it.
     */
    private static final long HEAP_GROWTH_LIMIT = Long.getLong("fresnel.abuse.heapLimitMb", 32) << 20;
    private static final int CHECK_EVERY = 100;

    /** Where to write live-heap dumps at the two heap looks (for hunting a leak); none by default. */
    private static final String HEAP_DUMPS = System.getProperty("fresnel.abuse.heapDumps");

    private Stage stage;
    private MainWindow window;
    private ExplorerViewModel model;
    private ExecutorService io;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private Handler logHandler;
    private Thread.UncaughtExceptionHandler previousDefault;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        io = Executors.newSingleThreadExecutor();
        model = new ExplorerViewModel(Presets.defaultScenario(), Platform::runLater, io);
        window = new MainWindow(model);
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get(10, TimeUnit.SECONDS);
        io.shutdownNow();
        if (logHandler != null) {
            Logger.getLogger("").removeHandler(logHandler);
            Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        }
    }

    /** Fails the test on anything thrown on any thread, and on any log record with an exception or SEVERE. */
    private void watchForProblems() throws Exception {
        logHandler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getThrown() != null || r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    problems.add("log " + r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                            + (r.getThrown() != null ? " " + r.getThrown() : ""));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(logHandler);
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> problems.add("uncaught on " + t.getName() + ": " + e));
        fx(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> problems.add(
                "uncaught on the FX thread: " + e)));
    }

    // ---- the abuse ------------------------------------------------------------------------------

    @Test
    void randomDragsPresetsUndoStormsAndFileOpensLeaveNothingStaleThrownFrozenOrLeaked(FxRobot robot,
            @TempDir Path dir) throws Exception {
        watchForProblems();
        List<Path> valid = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            Path f = dir.resolve(p.file());
            ScenarioWriter.write(Presets.load(p), f);
            valid.add(f);
        }
        List<Path> rejected = AbuseFiles.rejected(dir);
        List<Presets.Preset> presets = Presets.all();
        Random rnd = new Random(SEED);
        FxProbe probe = new FxProbe();
        probe.start();
        LiveHeap.Reading heapFirst = null;
        // after the first thousand operations (half of a shorter run): the caches of the toolkit,
        // the charts and the renderers have seen every kind of operation by then
        int baselineAt = Math.min(1000, OPERATIONS / 2);
        int checks = 0;
        int[] counts = new int[Op.values().length];
        long t0 = System.nanoTime();
        try {
            awaitSettled("start");
            checkNothingStale("start");
            assertSyntheticDragMovesANode();
            int done = 0;
            int nextCheck = CHECK_EVERY;
            while (done < OPERATIONS) {
                Op op = Op.pick(rnd);
                counts[op.ordinal()]++;
                done += switch (op) {
                    case DRAG_NODE -> dragNode(rnd);
                    case DRAG_BACKGROUND -> dragBackground(rnd);
                    case ROBOT_DRAG -> robotDrag(robot, rnd);
                    case PRESET -> fxOp(() -> {
                        model.loadPreset(presets.get(rnd.nextInt(presets.size())));
                        window.scene().fitScene();
                    });
                    case NEW -> fxOp(() -> {
                        model.newDocument();
                        window.scene().fitScene();
                    });
                    case UNDO_REDO_STORM -> undoRedoStorm(rnd, Math.min(1 + rnd.nextInt(25), OPERATIONS - done));
                    case OPEN_VALID -> fxOp(() -> model.open(valid.get(rnd.nextInt(valid.size()))));
                    case OPEN_REJECTED -> fxOp(() -> model.open(rejected.get(rnd.nextInt(rejected.size()))));
                    case LAYER -> fxOp(() -> switchLayer(rnd));
                    case CANCEL -> fxOp(window::cancelWork);
                    case PAUSE -> {
                        Thread.sleep(rnd.nextInt(150));
                        yield 1;
                    }
                };
                if (done >= nextCheck || done >= OPERATIONS) {
                    nextCheck += CHECK_EVERY;
                    freshEventRecord();
                    awaitSettled("after operation " + done);
                    checkNothingStale("after operation " + done);
                    checks++;
                    int at = done;
                    assertTrue(problems.isEmpty(), () -> "after operation " + at + ": " + problems);
                }
                if (heapFirst == null && done >= baselineAt) {
                    heapFirst = settledHeap(probe, done);
                }
            }
            LiveHeap.Reading heapLast = settledHeap(probe, done);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long growth = heapLast.least() - heapFirst.least();
            String report = String.format("window-abuse: %d operations (seed %d) in %.1f s, %d settle checks;"
                    + " ops %s; FX round trips: %d probes, worst %d ms, 99th percentile %d ms;"
                    + " live heap after GC %s after %d operations, %s at the end (growth %.2f MB, of the medians"
                    + " %.2f MB; largest class growths: %s)",
                    OPERATIONS, SEED, seconds, checks, Op.summary(counts), probe.count(), probe.worstMs(),
                    probe.percentileMs(99), heapFirst.describe(), baselineAt, heapLast.describe(),
                    growth / 1048576.0, (heapLast.median() - heapFirst.median()) / 1048576.0,
                    heapLast.largestGrowths(heapFirst, 5)) + probe.stalls();
            System.out.println(report);
            assertTrue(problems.isEmpty(), problems::toString);
            assertTrue(probe.worstMs() < FREEZE_MS, report);
            assertTrue(growth < HEAP_GROWTH_LIMIT, report);
        } finally {
            probe.stop();
        }
    }

    /** The window's behaviour after a preset switch: the old heatmap and metrics go at once. */
    @Test
    void aPresetSwitchClearsTheOldHeatmapAndMetricsUntilTheNewSceneIsDesigned() throws Exception {
        watchForProblems();
        awaitSettled("start");
        assertNotNull(onFx(() -> window.scene().frame()));
        Presets.Preset other = Presets.all().stream().filter(p -> p.file().equals("near-vs-far-field.json"))
                .findFirst().orElseThrow();
        AtomicReference<String> right = new AtomicReference<>();
        fx(() -> {
            model.loadPreset(other);
            window.scene().fitScene(); // a viewport change asks for a frame at once
            HeatmapFrame f = window.scene().frame();
            String metrics = MetricsPanelText.of(window).replace(new MetricsPanel.Row("", "", "") + "\n", "");
            right.set(f != null ? "a frame of " + f.request().scenario().users() + " under "
                    + model.getScenario().users() : metrics.isEmpty() ? null : "metrics of the old scene: " + metrics);
        });
        assertNull(right.get());
        // and nothing of the old scene comes back later
        for (int i = 0; i < 20; i++) {
            checkNothingStale("while the new scene is designed");
            Thread.sleep(25);
        }
        awaitSettled("the new scene");
        checkNothingStale("the new scene");
        assertNotNull(onFx(() -> window.scene().frame()));
        assertTrue(problems.isEmpty(), problems::toString);
    }

    /** Item 5 in the window: too heavy is rejected with the estimate; heavy but valid shows progress and cancels. */
    @Test
    void aTooHeavyFileIsRejectedAndAHeavyOneOpensWithProgressAndCanBeCancelled(FxRobot robot, @TempDir Path dir)
            throws Exception {
        watchForProblems();
        awaitSettled("start");
        Path tooHeavy = AbuseFiles.tooHeavy(dir);
        Scenario before = onFx(model::getScenario);
        fx(() -> model.open(tooHeavy));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> model.messageProperty().get())
                .contains("rejected"));
        String msg = onFx(() -> model.messageProperty().get());
        assertTrue(msg.contains("limit") && !msg.contains("\n"), msg);
        assertSame(before, onFx(model::getScenario), "a rejected file changes nothing");

        FxProbe probe = new FxProbe();
        probe.start();
        try {
            Path heavy = AbuseFiles.heavy(dir);
            fx(() -> model.open(heavy));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> model.messageProperty().get())
                    .startsWith("opened"));
            // the scene is replaced at once; the design, then the coarse heatmap of 8192 elements x 64
            // streams take seconds: progress is shown and Escape cancels
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> window.lookup("#cancel").isVisible()));
            robot.clickOn(window.scene().canvas(), MouseButton.MIDDLE);
            robot.push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !window.lookup("#cancel").isVisible()));
            assertFalse(onFx(() -> model.busyProperty().get()));
            checkNothingStale("after cancelling the heavy file");
            String status = onFx(() -> model.solverStatusProperty().get() + " | " + window.heatmap().statusProperty()
                    .get());
            assertTrue(status.contains("cancelled"), status);
        } finally {
            probe.stop();
        }
        System.out.println(String.format("window-abuse: heavy file: FX round trips worst %d ms over %d probes%s",
                probe.worstMs(), probe.count(), probe.stalls()));
        assertTrue(probe.worstMs() < FREEZE_MS, "the FX thread froze for " + probe.worstMs() + " ms");
        assertTrue(problems.isEmpty(), problems::toString);
    }

    // ---- operations -----------------------------------------------------------------------------

    /** What the abuse does, with weights. */
    private enum Op {
        DRAG_NODE(30), DRAG_BACKGROUND(8), ROBOT_DRAG(1), PRESET(7), NEW(2), UNDO_REDO_STORM(14), OPEN_VALID(5),
        OPEN_REJECTED(5), LAYER(12), CANCEL(3), PAUSE(13);

        final int weight;

        Op(int weight) {
            this.weight = weight;
        }

        static Op pick(Random rnd) {
            int total = Arrays.stream(values()).mapToInt(o -> o.weight).sum();
            int k = rnd.nextInt(total);
            for (Op o : values()) {
                k -= o.weight;
                if (k < 0) {
                    return o;
                }
            }
            throw new AssertionError();
        }

        static String summary(int[] counts) {
            StringBuilder sb = new StringBuilder();
            for (Op o : values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(o.name().toLowerCase()).append(' ')
                        .append(counts[o.ordinal()]);
            }
            return sb.toString();
        }
    }

    private int fxOp(Runnable r) throws Exception {
        fx(r);
        return 1;
    }

    private void assertSyntheticDragMovesANode() throws Exception {
        String id = onFx(() -> model.getScenario().users().get(0).id());
        Vec3 before = onFx(() -> ScenarioEdits.position(model.getScenario(), id));
        Point2D at = onFx(() -> local(before));
        fireMouse(MouseEvent.MOUSE_PRESSED, at.getX(), at.getY());
        fireMouse(MouseEvent.MOUSE_DRAGGED, at.getX() + 30, at.getY() - 20);
        fireMouse(MouseEvent.MOUSE_RELEASED, at.getX() + 30, at.getY() - 20);
        assertFalse(before.equals(onFx(() -> ScenarioEdits.position(model.getScenario(), id))),
                "a synthetic drag moves the node (else the abuse would test nothing)");
    }

    private Point2D local(Vec3 p) {
        Viewport v = window.scene().viewport();
        return new Point2D(v.screenX(p.x()), v.screenY(p.y()));
    }

    private int dragNode(Random rnd) throws Exception {
        Point2D at = onFx(() -> {
            Scenario s = model.getScenario();
            List<String> ids = new ArrayList<>();
            s.users().forEach(n -> ids.add(n.id()));
            s.eavesdroppers().forEach(n -> ids.add(n.id()));
            s.targets().forEach(n -> ids.add(n.id()));
            if (ids.isEmpty()) {
                return null;
            }
            Point2D p = local(ScenarioEdits.position(s, ids.get(rnd.nextInt(ids.size()))));
            Canvas c = window.scene().canvas();
            return p.getX() < 0 || p.getY() < 0 || p.getX() > c.getWidth() || p.getY() > c.getHeight() ? null : p;
        });
        if (at == null) {
            return dragBackground(rnd);
        }
        gesture(rnd, at.getX(), at.getY());
        return 1;
    }

    private int dragBackground(Random rnd) throws Exception {
        Canvas c = onFx(() -> window.scene().canvas());
        gesture(rnd, rnd.nextDouble() * c.getWidth(), rnd.nextDouble() * c.getHeight());
        return 1;
    }

    /**
     * Press, 1 to 8 moves of up to 60 px (some far off the canvas), release: posted to the FX
     * thread as separate events (background results interleave with them), awaited once.
     */
    private void gesture(Random rnd, double x, double y) throws Exception {
        int moves = 1 + rnd.nextInt(8);
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {x, y});
        for (int i = 0; i < moves; i++) {
            double reach = rnd.nextInt(20) == 0 ? 2000 : 60;
            double[] last = points.get(points.size() - 1);
            points.add(new double[] {last[0] + (rnd.nextDouble() * 2 - 1) * reach,
                last[1] + (rnd.nextDouble() * 2 - 1) * reach});
        }
        double[] end = points.get(points.size() - 1);
        points.add(end);
        CountDownLatch done = new CountDownLatch(points.size());
        for (int i = 0; i < points.size(); i++) {
            EventType<MouseEvent> type = i == 0 ? MouseEvent.MOUSE_PRESSED : i == points.size() - 1
                    ? MouseEvent.MOUSE_RELEASED : MouseEvent.MOUSE_DRAGGED;
            double[] p = points.get(i);
            Platform.runLater(() -> {
                try {
                    mouse(type, p[0], p[1]);
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "the gesture was not processed");
    }

    private int robotDrag(FxRobot robot, Random rnd) throws Exception {
        Point2D from = onFx(() -> window.scene().canvas().localToScreen(50 + rnd.nextDouble() * 500,
                50 + rnd.nextDouble() * 400));
        robot.drag(from, MouseButton.PRIMARY).moveBy(rnd.nextInt(81) - 40, rnd.nextInt(81) - 40).drop();
        return 1;
    }

    private void fireMouse(EventType<MouseEvent> type, double x, double y) throws Exception {
        fx(() -> mouse(type, x, y));
    }

    /** Fires a primary-button mouse event at a canvas point (on the FX thread). */
    private void mouse(EventType<MouseEvent> type, double x, double y) {
        Canvas c = window.scene().canvas();
        Point2D scene = c.localToScene(x, y);
        Point2D screen = c.localToScreen(x, y);
        boolean down = type != MouseEvent.MOUSE_RELEASED;
        c.fireEvent(new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.PRIMARY, 1, false, false, false, false, down, false, false, false, false, false, null));
    }

    /** Undo and redo as fast as the FX thread takes them: posted together, awaited once. */
    private int undoRedoStorm(Random rnd, int n) throws Exception {
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            boolean undo = rnd.nextInt(3) != 0;
            Platform.runLater(() -> {
                try {
                    if (undo) {
                        model.undo();
                    } else {
                        model.redo();
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "the undo storm was not processed");
        return n;
    }

    @SuppressWarnings("unchecked")
    private void switchLayer(Random rnd) {
        ComboBox<Layer> layers = (ComboBox<Layer>) window.lookup("#layer");
        if (!layers.getItems().isEmpty()) {
            layers.setValue(layers.getItems().get(rnd.nextInt(layers.getItems().size())));
        }
    }

    // ---- checks ---------------------------------------------------------------------------------

    /** Idle: nothing read, designed or rendered, and the frame on screen (if any) is of the evaluation shown. */
    private boolean settled() {
        Evaluation e = model.evaluationProperty().get();
        HeatmapFrame f = window.scene().frame();
        return !model.busyProperty().get() && !model.document().loadingProperty().get()
                && !window.heatmap().computingProperty().get()
                && (f == null || e != null && f.request().scenario() == e.designed());
    }

    private void awaitSettled(String when) throws Exception {
        try {
            // two looks 100 ms apart: a result may be on its way to the FX thread
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(this::settled) && sleep(100)
                    && onFx(this::settled));
        } catch (TimeoutException e) {
            fail(when + ": the window did not settle: " + onFx(this::describe) + "; problems " + problems);
        }
    }

    private static boolean sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
        return true;
    }

    private String describe() {
        Evaluation e = model.evaluationProperty().get();
        HeatmapFrame f = window.scene().frame();
        return "busy " + model.busyProperty().get() + ", loading " + model.document().loadingProperty().get()
                + ", heatmap computing " + window.heatmap().computingProperty().get() + ", status '"
                + model.solverStatusProperty().get() + "' / '" + window.heatmap().statusProperty().get()
                + "', evaluation " + (e == null ? "none" : "of generation " + e.generation()) + " (document "
                + model.document().generation() + "), frame " + (f == null ? "none" : f.request().scenario() == (e
                        == null ? null : e.designed()) ? "of the evaluation" : "of ANOTHER scenario");
    }

    /**
     * What the window shows belongs to the present document generation and node positions: the
     * evaluation (metrics, constraints, overlays), and the heatmap frame when it is complete.
     */
    private void checkNothingStale(String when) throws Exception {
        String stale = onFx(() -> {
            Scenario s = model.getScenario();
            Evaluation e = model.evaluationProperty().get();
            HeatmapFrame f = window.scene().frame();
            boolean settledNow = settled();
            if (e != null && e.generation() != model.document().generation()) {
                return "an evaluation of generation " + e.generation() + " in document " + model.document()
                        .generation();
            }
            if (e != null && settledNow && !sameNodes(s, e.input())) {
                return "metrics of other node positions after settling";
            }
            if (f != null && (e == null || !sameNodes(f.request().scenario(), e.input()) && settledNow)) {
                return "a heatmap of " + (e == null ? "a scene no longer shown" : "other node positions");
            }
            if (f != null && !sameScene(f.request().scenario(), s)) {
                return "a heatmap of another document's array or nodes";
            }
            if (e == null && !MetricsPanelText.of(window).replace(new MetricsPanel.Row("", "", "").toString() + "\n",
                    "").isEmpty()) {
                return "metrics without an evaluation";
            }
            return null;
        });
        assertNull(stale, () -> when + ": " + stale);
    }

    private static boolean sameNodes(Scenario a, Scenario b) {
        return a.users().equals(b.users()) && a.eavesdroppers().equals(b.eavesdroppers())
                && a.targets().equals(b.targets());
    }

    /** Same document: the same array and the same node ids (positions may differ while a drag runs). */
    private static boolean sameScene(Scenario a, Scenario b) {
        return a.txArray().equals(b.txArray()) && ids(a).equals(ids(b));
    }

    private static List<String> ids(Scenario s) {
        List<String> ids = new ArrayList<>();
        s.users().forEach(n -> ids.add(n.id()));
        s.eavesdroppers().forEach(n -> ids.add(n.id()));
        s.targets().forEach(n -> ids.add(n.id()));
        return ids;
    }

    /** TestFX's record of fired events only grows and keeps old nodes: see {@link LiveHeap#forgetTestFxEvents}. */
    private void freshEventRecord() throws Exception {
        LiveHeap.forgetTestFxEvents(stage);
    }

    /**
     * Settles on a fresh default document with a fresh TestFX event record, then the live heap after
     * full GCs ({@link LiveHeap}); with {@code -Dfresnel.abuse.heapDumps=DIR} also a live-heap dump there.
     */
    private LiveHeap.Reading settledHeap(FxProbe probe, int done) throws Exception {
        fx(() -> {
            model.newDocument();
            window.scene().fitScene();
        });
        awaitSettled("before measuring the heap");
        freshEventRecord();
        probe.pause(true);
        try {
            return LiveHeap.afterGc(HEAP_DUMPS, Integer.toString(done));
        } finally {
            probe.pause(false);
        }
    }

    // ---- FX helpers -----------------------------------------------------------------------------

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(60, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Supplier<T> s) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> out.set(s.get())).get(60, TimeUnit.SECONDS);
        return out.get();
    }
}
