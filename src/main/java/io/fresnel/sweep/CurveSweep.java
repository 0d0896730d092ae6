package io.fresnel.sweep;

import io.fresnel.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link CurveFigure}: every (x, series, draw) is one independent run on a fixed pool of
 * threads (one level of parallelism: the designs run single-threaded), the runs are averaged per
 * (x, series) over the counted draws, and {@code fig<K>.csv} (one row per point),
 * {@code fig<K>-runs.csv} (one audit row per run) and the charts are written atomically, all or
 * none ({@link CurveCsv}, {@link CurveChart}). The result does not depend on the number of
 * threads: each run sees only its own (x, series, draw) and the seed.
 */
public final class CurveSweep {

    /** One run: a pure function of its coordinates (and the sweep's seed, captured by the caller). */
    @FunctionalInterface
    public interface Runner {
        /**
         * @param x the x value
         * @param series the series index
         * @param draw the draw index
         * @param cancelled polled by the design
         * @return the audited run (never throws for a design failure: status {@code error})
         */
        CurveRun run(double x, int series, int draw, BooleanSupplier cancelled);
    }

    private CurveSweep() {
    }

    /**
     * Runs every (x, series, draw).
     *
     * @param f the figure
     * @param points the x values
     * @param series the series labels
     * @param draws draws per point (>= 1)
     * @param threads the pool size (>= 1)
     * @param runner one run
     * @param progress one line per finished run
     * @return the runs in canonical order (x, series, draw)
     * @throws InterruptedException when interrupted (the pending runs are cancelled)
     */
    public static List<CurveRun> runAll(CurveFigure f, List<Double> points, List<String> series, int draws,
            int threads, Runner runner, PrintWriter progress) throws InterruptedException {
        int total = points.size() * series.size() * draws;
        progress.printf(Locale.ROOT, "fresnel: sweep: paper %s figure %d, %d x values x %d series x %d draws = %d"
                + " runs on %d threads%n", f.paper(), f.number(), points.size(), series.size(), draws, total, threads);
        progress.flush();
        return GridRuns.runAll(points.size(), series.size(), draws, threads, "fresnel-sweep-" + f.paper(),
                (xi, si, d, cancelled) -> runner.run(points.get(xi), si, d, cancelled),
                (r, done, all) -> report(progress, f, r, done, all));
    }

    private static void report(PrintWriter progress, CurveFigure f, CurveRun r, int done, int total) {
        synchronized (progress) {
            progress.printf(Locale.ROOT, "fresnel: sweep: [%d/%d] %s, %s = %s, draw %d: %s%s (%.2f s)%s%n", done,
                    total, r.series(), f.xName(), SpebCsv.number(r.x()), r.draw(), r.status(),
                    r.counted() ? "" : ", not counted", r.seconds(), r.message() == null ? "" : ": " + r.message());
            progress.flush();
        }
    }

    /**
     * The statistics of each (x, series) over its draws.
     *
     * @param f the figure
     * @param points the x values
     * @param series the series labels
     * @param runs every run, in canonical order (x, series, draw)
     * @return one point per (x, series), ordered by series then x
     */
    public static List<CurvePoint> aggregate(CurveFigure f, List<Double> points, List<String> series,
            List<CurveRun> runs) {
        int draws = runs.size() / (points.size() * series.size());
        int nc = f.columns().size();
        List<CurvePoint> out = new ArrayList<>();
        for (int si = 0; si < series.size(); si++) {
            for (int xi = 0; xi < points.size(); xi++) {
                List<CurveRun> at = runs.subList((xi * series.size() + si) * draws,
                        (xi * series.size() + si + 1) * draws);
                Double[] means = new Double[nc];
                Double[] stds = new Double[nc];
                for (int c = 0; c < nc; c++) {
                    List<Double> v = new ArrayList<>();
                    for (CurveRun r : at) {
                        if (r.counted() && r.value(c) != null) {
                            v.add(r.value(c));
                        }
                    }
                    if (!v.isEmpty()) {
                        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                        means[c] = mean;
                        if (v.size() >= 2) {
                            stds[c] = Math.sqrt(v.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum()
                                    / (v.size() - 1));
                        }
                    }
                }
                int counted = (int) at.stream().filter(CurveRun::counted).count();
                double seconds = at.stream().mapToDouble(CurveRun::seconds).average().orElse(0);
                out.add(new CurvePoint(points.get(xi), series.get(si), at.size(), counted, means, stds, seconds));
            }
        }
        return out;
    }

    /**
     * Writes {@code fig<K>.csv}, {@code fig<K>-runs.csv} and one PNG per panel, atomically.
     *
     * @param f the figure
     * @param runs every run
     * @param points the statistics
     * @param options the sweep's options (folder, draws, seed)
     * @param setup one line describing the set-up, for the chart's subtitle
     * @return the files written
     * @throws IOException when writing fails (nothing is left behind)
     */
    public static List<Path> write(CurveFigure f, List<CurveRun> runs, List<CurvePoint> points, SweepOptions options,
            String setup) throws IOException {
        Path dir = options.out();
        List<AtomicFiles.Entry> files = new ArrayList<>();
        files.add(new AtomicFiles.Entry(dir.resolve(f.stem() + ".csv"), o -> CurveCsv.writeSummary(f, points, o)));
        files.add(new AtomicFiles.Entry(dir.resolve(f.stem() + "-runs.csv"), o -> CurveCsv.writeRuns(f, runs, o)));
        for (CurveFigure.Panel p : f.panels()) {
            files.add(new AtomicFiles.Entry(dir.resolve(f.stem() + p.suffix() + ".png"),
                    o -> CurveChart.writePng(f, p, points, options, setup, o)));
        }
        AtomicFiles.writeAll(files);
        return files.stream().map(AtomicFiles.Entry::file).toList();
    }
}
