package io.fresnel.ui;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live heap (bytes) after full GCs, for leak checks of the window.
 *
 * <p>JavaFX's style cache keeps one entry per scene root in a weak map ({@code StyleManager}): the
 * root weakly, its cache strongly until the map is next touched. A GC clears the roots of the
 * scenes that died since the previous one (every property-sheet rebuild discards the popup scenes
 * of its tooltips and combo boxes), but their caches stay reachable until the next CSS pass: heap
 * dumps of a 1,600-operation abuse run found 11,189 such stale entries at one look and 6,436 at
 * the next (about 9 and 5 MB), against 136 live ones. Nothing keeps them: the next pulse that styles
 * a node frees them. So each look styles a throwaway node on the FX thread (a CSS pass, which
 * purges the stale entries) between full GCs; the heap is read as the collector left it after each
 * full GC, and the smallest of eight looks 0.4 s apart is returned.
 */
final class LiveHeap {
    /** Looks, 0.4 s apart: a background task that was still finishing holds its data in only some of them. */
    private static final int LOOKS = 8;

    private LiveHeap() {
    }

    /**
     * @return the heap in use (bytes) right after the last full GC, summed over the pools, as the
     *         collector reports it (nothing allocated after the GC counts); the heap in use now if
     *         no collector reports it
     */
    private static long usedAfterLastFullGc() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean g && g.getLastGcInfo() != null
                    && (g.getName().contains("Old") || g.getName().contains("MarkSweep"))) {
                var after = g.getLastGcInfo().getMemoryUsageAfterGc();
                return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> after.containsKey(p.getName()) ? after.get(p.getName()).getUsed() : 0).sum();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * @param dumpDir where to write a live-heap dump {@code window-abuse-<name>.hprof} after the looks, or null
     * @param name the dump's name
     * @return the smallest heap use (bytes) of eight looks after full GCs
     * @throws Exception if the FX thread does not answer within 60 s, or the dump fails
     */
    static long afterGc(String dumpDir, String name) throws Exception {
        System.gc();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < LOOKS; i++) {
            WaitForAsyncUtils.asyncFx(LiveHeap::styleThrowawayNode).get(60, TimeUnit.SECONDS);
            System.gc();
            least = Math.min(least, usedAfterLastFullGc());
            Thread.sleep(400);
        }
        if (dumpDir != null) {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(
                    Path.of(dumpDir, "window-abuse-" + name + ".hprof").toString(), true);
        }
        return least;
    }

    /**
     * Empties TestFX's record of the events fired through the primary stage. TestFX keeps every
     * event (for its debug output) in a list that only grows, and the events keep their targets: in
     * a 1,600-operation abuse run it held about 2,700 mouse events, and through the targets of some
     * of them earlier property sheets with their tooltips and popup scenes. The window itself keeps
     * none of this. Registering the stage again starts an empty record.
     *
     * @param stage the primary stage the test was started with
     * @throws Exception if the FX thread does not answer within 60 s
     */
    static void forgetTestFxEvents(Stage stage) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> FxToolkit.toolkitContext().setRegisteredStage(stage)).get(60, TimeUnit.SECONDS);
    }

    /** A CSS pass on a label of a throwaway scene: the style manager drops the caches of dead scenes. */
    private static void styleThrowawayNode() {
        Group root = new Group(new Label("x"));
        new Scene(root);
        root.applyCss();
    }
}
