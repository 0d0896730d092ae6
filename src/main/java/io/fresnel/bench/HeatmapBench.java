package io.fresnel.bench;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Complex;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.render.Field;
import io.fresnel.render.FieldComputer;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Layer;
import io.fresnel.render.Plane;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The heatmap benchmark behind {@code fresnel bench --heatmap}: full (400 x 400) and coarse
 * (100 x 100) beampattern frames of the {@link EvalBench} array (256-element ULA at 28 GHz,
 * exact phase, unit amplitude) with its first 3 precoder columns, on x in [0.5, 30] m,
 * y in [-15, 15] m; warm-up first, then the median, minimum and maximum over the runs.
 */
final class HeatmapBench {
    /** The plotted area: x0, x1, y0, y1 (m). */
    static final double[] EXTENT = {0.5, 30, -15, 15};

    private HeatmapBench() {
    }

    /** @return the benchmark scenario: {@link EvalBench#scenario()} with 3 streams */
    static Scenario scenario() {
        Scenario full = EvalBench.scenario();
        Precoder p = full.precoder();
        ComplexMatrix cols = p.effective();
        List<List<Complex>> kept = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            kept.add(cols.column(s));
        }
        return full.withPrecoder(new Precoder(p.streams().subList(0, 3), ComplexMatrix.ofColumns(kept), null, null,
                null));
    }

    /**
     * Runs the benchmark and prints the results.
     *
     * @param out where the report goes
     * @param warmup untimed frames of each size first
     * @param runs timed frames of each size
     * @throws InterruptedException when interrupted
     */
    static void run(PrintWriter out, int warmup, int runs) throws InterruptedException {
        Scenario sc = scenario();
        out.println("benchmark: beampattern heatmap, N = 256 ULA (28 GHz, exact phase, unit amplitude), 3 streams,"
                + " x in [0.5, 30] m, y in [-15, 15] m");
        out.printf(Locale.ROOT, "runs: %d per size (after %d warm-up)%n", runs, warmup);
        for (int n : new int[] {400, 100}) {
            GridSpec grid = new GridSpec(Plane.Z0, EXTENT[0], EXTENT[1], EXTENT[2], EXTENT[3], n, n);
            Timed t = time(sc, grid, warmup, runs);
            double[] ms = t.ms();
            Field last = t.last();
            out.printf(Locale.ROOT, "%dx%d frame (ms): median %.2f, min %.2f, max %.2f; %.1f ns per point-element-stream;"
                    + " max %.6e W%n", n, n, ms[runs / 2], ms[0], ms[runs - 1],
                    ms[runs / 2] * 1e6 / ((double) n * n * 256 * 3), last.maxFinite());
        }
        out.println("machine: " + EvalBench.machine());
        out.flush();
    }

    /**
     * Beampattern frames timed after a warm-up.
     *
     * @param ms the times of the timed frames, sorted (ms)
     * @param last the last frame
     */
    record Timed(double[] ms, Field last) {
    }

    /**
     * @param sc the scenario (with a precoder)
     * @param grid the grid
     * @param warmup untimed frames first
     * @param runs timed frames (at least 1)
     * @return the sorted times and the last frame
     * @throws InterruptedException when interrupted
     */
    static Timed time(Scenario sc, GridSpec grid, int warmup, int runs) throws InterruptedException {
        Field last = null;
        for (int i = 0; i < warmup; i++) {
            last = FieldComputer.compute(sc, new Layer.Beampattern(), grid, () -> false);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = FieldComputer.compute(sc, new Layer.Beampattern(), grid, () -> false);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Timed(ms, last);
    }
}
