package io.fresnel.bench;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.render.Field;
import io.fresnel.render.FieldComputer;
import io.fresnel.render.Layer;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The slice benchmark behind {@code fresnel bench --slice}: beampattern slices of the 3-D view
 * for paper 004's set-up ({@link SdrBench#scenario}: a UPA pair at 28 GHz, exact phase, spherical
 * amplitude, 2 users, 2 targets) with a 6-stream precoder (2 private + 4 sensing columns, seeded
 * random, like an SDR design's rank), on the default plane (paper 004's y-z plane through the
 * first target) and on the oblique broadside plane through target t2 (rotated off the y-z
 * plane), each over the extent that holds the arrays and nodes: 200 x 200 points for the
 * 48 x 48 UPA (N = 2304) and 100 x 100 for the 16 x 16 UPA (N = 256). Targets: under 250 ms
 * and 25 ms.
 */
final class SliceBench {
    private SliceBench() {
    }

    /**
     * @param out where the report goes
     * @param warmup untimed slices per configuration
     * @param runs timed slices per configuration
     * @throws InterruptedException when interrupted
     */
    static void run(PrintWriter out, int warmup, int runs) throws InterruptedException {
        out.println("benchmark: beampattern slices of the 3-D view, paper 004 UPA pair (28 GHz, exact/spherical),"
                + " 6 streams");
        out.printf(Locale.ROOT, "runs: %d per configuration (after %d warm-up)%n", runs, warmup);
        for (int[] cfg : new int[][] {{48, 200, 250}, {16, 100, 25}}) {
            int n = cfg[0];
            int points = cfg[1];
            Scenario sc = scenario(n);
            Plane yz = SlicePlanes.defaultFor(sc);
            Scenario tilted = io.fresnel.model.ScenarioEdits.move(sc, "t2", new io.fresnel.math.Vec3(0.3,
                    sc.targets().get(1).positionM().y(), sc.targets().get(1).positionM().z()));
            Plane broadside = SlicePlanes.broadside(tilted, "t2");
            for (Plane plane : new Plane[] {yz, broadside}) {
                double[] e = SlicePlanes.extent(sc, plane);
                GridSpec grid = new GridSpec(plane, e[0], e[1], e[2], e[3], points, points);
                long cpuAll = processCpuNanos();
                for (int i = 0; i < warmup; i++) {
                    FieldComputer.compute(sc, new Layer.Beampattern(), grid, () -> false);
                }
                long cpu0 = processCpuNanos();
                HeatmapBench.Timed t = HeatmapBench.time(sc, grid, 0, runs);
                long cpu1 = processCpuNanos();
                double cpuMs = (cpu1 - cpu0) / 1e6 / runs;
                double cpuAllMs = (cpu1 - cpuAll) / 1e6 / (warmup + runs);
                double[] ms = t.ms();
                Field last = t.last();
                out.printf(Locale.ROOT, "%dx%d UPA (N = %d), %dx%d slice on %s: median %.1f ms, min %.1f, max %.1f (target %d ms);"
                        + " %.2f ns per point-element-stream; CPU %.1f ms per timed slice (all threads; %.1f ms"
                        + " with the warm-ups and the JIT compiler); max %.6e W%n", n, n, n * n, points, points,
                        plane, ms[runs / 2], ms[0], ms[runs - 1], cfg[2],
                        ms[runs / 2] * 1e6 / ((double) points * points * n * n * 6), cpuMs, cpuAllMs,
                        last.maxFinite());
            }
        }
        out.println("machine: " + EvalBench.machine());
        out.flush();
    }

    /**
     * @return the CPU time of this process so far (ns), or 0 where the JVM does not report it;
     *     on a loaded machine CPU time per slice divided by the cores says more than wall time (the
     *     timed runs' CPU, after the warm-ups, leaves out the JIT compiler's threads once it is done)
     */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** @return {@link SdrBench#scenario} with 2 users and a seeded 6-column precoder at 10 dBm */
    static Scenario scenario(int n) {
        Scenario sc = SdrBench.scenario(n, 2);
        int size = n * n;
        int cols = 6;
        Random rnd = new Random(4);
        double[] re = new double[size * cols];
        double[] im = new double[size * cols];
        for (int i = 0; i < re.length; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        List<Stream> streams = new ArrayList<>(List.of(new Stream(StreamRole.PRIVATE, "u1"),
                new Stream(StreamRole.PRIVATE, "u2")));
        for (int s = 2; s < cols; s++) {
            streams.add(new Stream(StreamRole.SENSING, null));
        }
        Precoder p = new Precoder(streams, ComplexMatrix.ofColumnMajor(size, cols, re, im), null, null, null);
        double power = 0;
        for (int i = 0; i < re.length; i++) {
            power += re[i] * re[i] + im[i] * im[i];
        }
        return sc.withPrecoder(p.scaled(Math.sqrt(0.01 / power)));
    }
}
