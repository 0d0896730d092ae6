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
     * One reading of the live heap: the smallest of the eight looks (the reading the leak check uses), their
     * median and largest (a transient dip or spike shows as a spread), and the live bytes per class of a class
     * histogram taken after the looks (a full GC of its own), to name what grew between two readings.
     *
     * @param least the smallest look (bytes)
     * @param median the median look (the lower of the middle two, bytes)
     * @param most the largest look (bytes)
     * @param bytesByClass live bytes per class name
     */
    record Reading(long least, long median, long most, java.util.Map<String, Long> bytesByClass) {

        /** @return "a MB (looks a..m..b MB)" */
        String describe() {
            return String.format(java.util.Locale.ROOT, "%.1f MB (looks %.1f..%.1f..%.1f MB)", least / 1048576.0,
                    least / 1048576.0, median / 1048576.0, most / 1048576.0);
        }

        /**
         * @param earlier an earlier reading
         * @param count how many classes to name
         * @return the classes whose live bytes grew most since {@code earlier}, e.g. "[I +12.3 MB, [B +1.0 MB"
         */
        String largestGrowths(Reading earlier, int count) {
            java.util.List<java.util.Map.Entry<String, Long>> growths = new java.util.ArrayList<>();
            for (var e : bytesByClass.entrySet()) {
                long g = e.getValue() - earlier.bytesByClass().getOrDefault(e.getKey(), 0L);
                growths.add(java.util.Map.entry(e.getKey(), g));
            }
            growths.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            java.util.StringJoiner out = new java.util.StringJoiner(", ");
            for (var e : growths.subList(0, Math.min(count, growths.size()))) {
                out.add(String.format(java.util.Locale.ROOT, "%s %+.2f MB", e.getKey(), e.getValue() / 1048576.0));
            }
            return out.toString();
        }
    }

    /**
     * @param dumpDir where to write a live-heap dump {@code window-abuse-<name>.hprof} after the looks, or null
     * @param name the dump's name
     * @return the reading of eight looks after full GCs, with a class histogram
     * @throws Exception if the FX thread does not answer within 60 s, or the dump fails
     */
    static Reading afterGc(String dumpDir, String name) throws Exception {
        System.gc();
        long[] looks = new long[LOOKS];
        for (int i = 0; i < LOOKS; i++) {
            WaitForAsyncUtils.asyncFx(LiveHeap::styleThrowawayNode).get(60, TimeUnit.SECONDS);
            System.gc();
            looks[i] = usedAfterLastFullGc();
            Thread.sleep(400);
        }
        java.util.Arrays.sort(looks);
        java.util.Map<String, Long> histogram = classHistogram();
        if (dumpDir != null) {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(
                    Path.of(dumpDir, "window-abuse-" + name + ".hprof").toString(), true);
        }
        return new Reading(looks[0], looks[(LOOKS - 1) / 2], looks[LOOKS - 1], histogram);
    }

    /** @return live bytes per class name, as {@code jcmd GC.class_histogram} prints them (after a full GC) */
    private static java.util.Map<String, Long> classHistogram() throws Exception {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*");
        for (String line : String.valueOf(text).split("\\R")) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.matches()) {
                out.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
            }
        }
        return out;
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
