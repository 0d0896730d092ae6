package io.fresnel.ui;

import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application: the explorer window on the default scenario or on a file given as
 * the first argument; with {@code --snapshot OUT.png} it waits for the first full-resolution
 * heatmap, writes an image of the whole window and exits; {@code --view 3d} shows the 3-D view
 * first (then the snapshot waits for its full-resolution slice texture).
 */
public final class FresnelApp extends Application {
    /** Longest wait for the snapshot (s). */
    static final int SNAPSHOT_TIMEOUT_S = 180;
    private static volatile int exitCode;
    /** Where the snapshot mode reports; set by {@link AppLauncher} (JavaFX constructs this class itself). */
    private static volatile PrintStream reportOut;
    private static volatile PrintStream reportErr;

    private MainWindow window;
    private ExecutorService io;

    /**
     * @param out where the snapshot mode reports the file it wrote
     * @param err where it reports a failed snapshot
     */
    static void reportTo(PrintStream out, PrintStream err) {
        reportOut = out;
        reportErr = err;
    }

    /** @return the exit status after the application ended (0 unless a snapshot failed) */
    static int exitCode() {
        return exitCode;
    }

    @Override
    public void start(Stage stage) throws Exception {
        LaunchOptions opts = LaunchOptions.parse(getParameters().getRaw());
        Scenario initial = opts.scenario() == null ? Presets.defaultScenario()
                : ScenarioReader.read(opts.scenario()).scenario();
        io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fresnel-io");
            t.setDaemon(true);
            return t;
        });
        ExplorerViewModel model = new ExplorerViewModel(initial, Platform::runLater, io);
        if (opts.scenario() != null) {
            model.markOpened(opts.scenario());
        }
        window = new MainWindow(model);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight()));
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Fresnel \u2014 "
                + (model.fileProperty().get() == null ? nameOf(model.getScenario())
                        : model.fileProperty().get().getFileName().toString())
                + (model.dirtyProperty().get() ? " *" : ""), model.fileProperty(), model.dirtyProperty(),
                model.scenarioProperty()));
        stage.getIcons().add(appIcon());
        stage.setOnCloseRequest(e -> {
            if (!window.confirmDiscard()) {
                e.consume();
            }
        });
        if (opts.view3d()) {
            window.showView(true);
        }
        if (opts.snapshot() != null) {
            armSnapshot(opts.snapshot(), opts.view3d());
        }
        stage.show();
    }

    private static void report(PrintStream stream, String line) {
        if (stream != null) {
            stream.println("fresnel: " + line);
        }
    }

    private static String nameOf(Scenario s) {
        return s.name() == null ? "untitled" : s.name();
    }

    private void armSnapshot(Path out, boolean view3d) {
        AtomicBoolean taken = new AtomicBoolean();
        Runnable take = () -> {
            if (taken.compareAndSet(false, true)) {
                WindowSnapshot.write(window, out, result -> {
                    boolean ok = result.startsWith("wrote");
                    report(ok ? reportOut : reportErr, result);
                    if (ok && view3d && !window.view3d().isSupported()) {
                        // The image shows why; the exit status says that no 3-D view was captured.
                        report(reportErr, "this platform has no 3-D (ConditionalFeature.SCENE3D);"
                                + " without a GPU run under Xvfb with -Dprism.forceGPU=true");
                        ok = false;
                    }
                    exitCode = ok ? 0 : 1;
                    Platform.exit();
                });
            }
        };
        if (view3d && window.view3d().isSupported()) {
            // The 3-D view is ready when its slice texture has its full resolution.
            window.view3d().setOnFinePainted(() -> {
                PauseTransition settle = new PauseTransition(Duration.millis(300));
                settle.setOnFinished(x -> take.run());
                settle.play();
            });
        } else {
            window.heatmap().setOnFinePainted(take);
        }
        window.model().evaluationProperty().addListener((o, a, e) -> {
            if (e != null && e.designed().precoder() == null) {
                // Nothing to map: capture the window with its explanation instead of waiting forever.
                PauseTransition settle = new PauseTransition(Duration.millis(500));
                settle.setOnFinished(x -> take.run());
                settle.play();
            }
        });
        PauseTransition timeout = new PauseTransition(Duration.seconds(SNAPSHOT_TIMEOUT_S));
        timeout.setOnFinished(e -> {
            if (!taken.get()) {
                report(reportErr, "no heatmap after " + SNAPSHOT_TIMEOUT_S + " s; snapshot abandoned");
                exitCode = 1;
                Platform.exit();
            }
        });
        timeout.play();
    }

    private static javafx.scene.image.Image appIcon() {
        javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(64, 64);
        var g = c.getGraphicsContext2D();
        g.scale(64 / 24.0, 64 / 24.0);
        g.beginPath();
        g.appendSVGPath(Icons.APP.svgPath());
        g.setFill(javafx.scene.paint.Color.web(Icons.APP.fill()));
        g.fill();
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setFill(javafx.scene.paint.Color.TRANSPARENT);
        WritableImage img = new WritableImage(64, 64);
        return c.snapshot(p, img);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (io != null) {
            io.shutdown();
        }
    }

    /**
     * The window's command line: {@code [SCENARIO.json] [--snapshot OUT.png] [--view 2d|3d]}.
     *
     * @param scenario the file to open, or null for the default scenario
     * @param snapshot where to write the snapshot, or null to stay open
     * @param view3d whether to show the 3-D view first ({@code --view 3d})
     */
    record LaunchOptions(Path scenario, Path snapshot, boolean view3d) {
        static LaunchOptions parse(List<String> args) {
            Path scenario = null;
            Path snapshot = null;
            boolean view3d = false;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--view") || a.startsWith("--view=")) {
                    String v;
                    if (a.equals("--view")) {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException("--view needs 2d or 3d");
                        }
                        v = args.get(++i);
                    } else {
                        v = a.substring("--view=".length());
                    }
                    if (!v.equals("2d") && !v.equals("3d")) {
                        throw new IllegalArgumentException("--view must be 2d or 3d (got " + v + ")");
                    }
                    view3d = v.equals("3d");
                } else if (a.equals("--snapshot")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--snapshot needs an output file");
                    }
                    snapshot = Path.of(args.get(++i));
                } else if (a.startsWith("--snapshot=")) {
                    snapshot = Path.of(a.substring("--snapshot=".length()));
                } else if (scenario == null && !a.startsWith("-")) {
                    scenario = Path.of(a);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + a
                            + " (usage: fresnel [SCENARIO.json] [--snapshot OUT.png] [--view 2d|3d])");
                }
            }
            return new LaunchOptions(scenario, snapshot, view3d);
        }
    }
}
