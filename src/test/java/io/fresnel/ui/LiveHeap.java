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
    /** Classes kept from each class histogram (the largest; the histogram lists them by size). */
    private static final int HISTOGRAM_CLASSES = 300;
    /** Requests for a full GC that did none (System.gc() returns without one while a JNI critical region is held). */
    private static long skipped;

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
     * One reading of the live heap: the smallest of the eight looks (the reading the leak check uses; a look
     * whose {@code System.gc()} did no full GC is left out, as its report is an earlier GC's), their
     * median and largest (a transient dip or spike shows as a spread), and the live bytes per class of a class
     * histogram taken after the looks (a full GC of its own), to name what grew between two readings.
     *
     * @param least the smallest look (bytes)
     * @param median the median look (the lower of the middle two, bytes)
     * @param most the largest look (bytes)
     * @param looks the looks read (a look whose full GC was not done after ten requests is left out)
     * @param skipped requests for a full GC (System.gc() or the histogram's) that did none and were repeated
     * @param bytesByClass live bytes per class name
     */
    record Reading(long least, long median, long most, int looks, int skipped,
            java.util.Map<String, Long> bytesByClass) {

        /** @return "a MB (looks a..m..b MB)", with the looks left out and the repeated GC requests if any */
        String describe() {
            return String.format(java.util.Locale.ROOT, "%.1f MB (looks %.1f..%.1f..%.1f MB%s%s)", least / 1048576.0,
                    least / 1048576.0, median / 1048576.0, most / 1048576.0,
                    looks == LOOKS ? "" : ", " + (LOOKS - looks) + " of " + LOOKS + " left out",
                    skipped == 0 ? "" : ", " + skipped + " GC requests did no full GC and were repeated");
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
        // before the looks: the first use of the platform MBean server (for the class histogram below) sets
        // it up, about 0.5 MB that stays, which would otherwise count as growth of the next reading
        diagnosticCommand("vmVersion");
        System.gc();
        long[] looks = new long[LOOKS];
        int fresh = 0;
        long skippedBefore = skipped;
        for (int i = 0; i < LOOKS; i++) {
            WaitForAsyncUtils.asyncFx(LiveHeap::styleThrowawayNode).get(60, TimeUnit.SECONDS);
            long used = freshFullGc();
            if (used >= 0) {
                looks[fresh++] = used;
            }
            Thread.sleep(400);
        }
        if (fresh == 0) {
            looks[fresh++] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        long[] read = java.util.Arrays.copyOf(looks, fresh);
        java.util.Arrays.sort(read);
        // after the looks: a task still finishing (the reason for eight looks) has let go of its data by then
        java.util.Map<String, Long> histogram = classHistogram();
        if (dumpDir != null) {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(
                    Path.of(dumpDir, "window-abuse-" + name + ".hprof").toString(), true);
        }
        return new Reading(read[0], read[(fresh - 1) / 2], read[fresh - 1], fresh, (int) (skipped - skippedBefore),
                histogram);
    }

    /** @return how many full GCs the old-generation collector has done */
    private static long fullGcCount() {
        long n = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Old") || gc.getName().contains("MarkSweep")) {
                n += gc.getCollectionCount();
            }
        }
        return n;
    }

    /** @return the output of a {@code jcmd} diagnostic command without arguments, run in this JVM */
    private static Object diagnosticCommand(String operation) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /**
     * Asks for a full GC and reads the heap it left, only when one was done: {@code System.gc()} may
     * return without one (e.g. while a thread is in a JNI critical region), and the collector's last
     * report would then be that of an earlier full GC, perhaps one another test class asked for with less
     * on the heap. Up to ten tries, 50 ms apart.
     *
     * @return the heap in use after the new full GC (bytes), or -1 when none was done
     */
    private static long freshFullGc() throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            long before = fullGcCount();
            System.gc();
            if (fullGcCount() > before) {
                return usedAfterLastFullGc();
            }
            skipped++;
            Thread.sleep(50);
        }
        return -1;
    }

    /**
     * @return live bytes of the {@value #HISTOGRAM_CLASSES} largest classes, as {@code jcmd GC.class_histogram}
     *     prints them (after a full GC); only these, so that the first reading, which the test keeps until
     *     the last, adds about 30 KB to the heap it measures (all 5,000 classes would add 0.7 MB)
     */
    private static java.util.Map<String, Long> classHistogram() throws Exception {
        // the command's own full GC is skipped like System.gc() while a JNI critical region is held, and the
        // histogram then counts dead objects too (one histogram taken right after a reading counted 310 MB of io.fresnel.math.Vec3 while the looks read 61 MB): retried until
        // its GC was done
        Object text = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            long before = fullGcCount();
            text = diagnosticCommand("gcClassHistogram");
            if (fullGcCount() > before) {
                break;
            }
            skipped++;
            Thread.sleep(50);
        }
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*");
        for (String line : String.valueOf(text).split("\\R")) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.matches() && out.size() < HISTOGRAM_CLASSES) {
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
