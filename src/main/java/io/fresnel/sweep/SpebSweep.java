package io.fresnel.sweep;

import io.fresnel.design.Designs;
import io.fresnel.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paper 003's Figs. 2-9 ({@code sweep --paper 003 --figure K}): for every x value, series and
 * draw one {@link SpebRunner} run on a fixed pool of {@link SweepOptions#threads()} threads, the
 * counted runs averaged per point ({@link SpebPoint}), then {@code DIR/fig<K>.csv} (one row per
 * point), {@code DIR/fig<K>-runs.csv} (one audit row per run) and {@code DIR/fig<K>.png}, {@code .svg} and {@code .pdf} ({@link ChartFiles}) written
 * atomically, all or none. The set-up choices the paper does not print are in
 * docs/paper-003-figures.md.
 */
public final class SpebSweep implements PaperSweep {
    /** MUSIC echo realisations per counted run of Figs. 3-4. */
    public static final int MUSIC_TRIALS = 100;

    @Override
    public String paper() {
        return "003";
    }

    @Override
    public List<Integer> figures() {
        List<Integer> out = new ArrayList<>();
        for (SpebFigure f : SpebFigure.values()) {
            out.add(f.number());
        }
        return out;
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("figures ");
        for (SpebFigure f : SpebFigure.values()) {
            b.append(f.number()).append(" (").append(f.title()).append(f == SpebFigure.RATE_VS_PEB ? ")" : "), ");
        }
        return b.toString();
    }

    @Override
    public List<Path> run(int figure, SweepOptions options, PrintWriter progress) throws IOException,
            InterruptedException {
        SpebFigure f = SpebFigure.of(figure);
        List<SpebSeries> series = series(f, options);
        List<Double> points = points(f, options, series);
        List<SpebRun> runs = runAll(f, options, series, points, progress);
        List<SpebPoint> summary = aggregate(f, series, points, runs);
        Path csv = options.out().resolve("fig" + figure + ".csv");
        Path audit = options.out().resolve("fig" + figure + "-runs.csv");
        List<AtomicFiles.Entry> files = new java.util.ArrayList<>(List.of(
                new AtomicFiles.Entry(csv, o -> SpebCsv.writeSummary(f, summary, o)),
                new AtomicFiles.Entry(audit, o -> SpebCsv.writeRuns(f, runs, o))));
        org.jfree.chart.JFreeChart chart = SpebChart.chart(f, summary, options);
        files.addAll(ChartFiles.entries(chart, options.out(), "fig" + figure, io.fresnel.figure.FigureMetadata.now(
                chart.getTitle().getText(), "paper 003 scenes (fresnel scene --paper 003)", null,
                String.join(",", series.stream().map(SpebSeries::design).distinct().toList()), null)));
        AtomicFiles.writeAll(files);
        List<Path> written = new java.util.ArrayList<>(List.of(csv, audit));
        written.addAll(ChartFiles.files(options.out(), "fig" + figure));
        return written;
    }

    /** The curves: {@code --schemes} or the figure's registered defaults; every design must exist. */
    static List<SpebSeries> series(SpebFigure f, SweepOptions options) {
        if (options.base() != null) {
            throw new IllegalArgumentException("--base: paper 003 figures draw their own scenes (see fresnel scene);"
                    + " a base scenario is not used");
        }
        if (options.monteCarlo()) {
            throw new IllegalArgumentException("--monte-carlo: paper 003 figures have no analytical alternative");
        }
        List<SpebSeries> series = options.schemes() == null ? f.defaultSeries()
                : SpebSeries.parse(options.schemes(), 4);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("--schemes: none of the figure's designs " + f.defaultSchemes()
                    + " is available in this build");
        }
        for (SpebSeries s : series) {
            try {
                Designs.byName(s.design());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--schemes: " + e.getMessage(), e);
            }
        }
        return series;
    }

    /** The x values, each checked against every series before anything runs. */
    static List<Double> points(SpebFigure f, SweepOptions options, List<SpebSeries> series) {
        if (f.metric() == SpebFigure.Metric.CONVERGENCE) {
            if (options.points() != null) {
                throw new IllegalArgumentException("--points: figure " + f.number() + " plots every iteration; use"
                        + " --max-iterations");
            }
            return List.of(0.0);
        }
        List<Double> points = options.points() != null ? options.points() : f.defaultPoints();
        if (points.isEmpty()) {
            throw new IllegalArgumentException("--points: give at least one x value");
        }
        for (double x : points) {
            for (SpebSeries s : series) {
                f.sceneOptions(x, s);
            }
        }
        return points;
    }

    private static List<SpebRun> runAll(SpebFigure f, SweepOptions options, List<SpebSeries> series,
            List<Double> points, PrintWriter progress) throws InterruptedException {
        int total = points.size() * series.size() * options.draws();
        progress.printf(Locale.ROOT, "fresnel: sweep: paper 003 figure %d, %d x values x %d series x %d draws = %d"
                + " runs on %d threads%n", f.number(), points.size(), series.size(), options.draws(), total,
                options.threads());
        progress.flush();
        return GridRuns.runAll(points.size(), series.size(), options.draws(), options.threads(), "fresnel-sweep-003",
                (xi, si, d, cancelled) -> SpebRunner.run(f, points.get(xi), series.get(si), d, options.seed(),
                        options.maxIterations(), MUSIC_TRIALS, cancelled),
                (r, done, all) -> report(progress, f, r, done, all));
    }

    private static void report(PrintWriter progress, SpebFigure f, SpebRun r, int done, int total) {
        synchronized (progress) {
            progress.printf(Locale.ROOT, "fresnel: sweep: [%d/%d] %s %s = %s, draw %d: %s%s (%.2f s)%s%n", done, total,
                    r.series().label(), f.x().key(), SpebCsv.number(r.x()), r.draw(), r.status(),
                    r.counted() ? "" : ", not counted", r.seconds(), r.message() == null ? "" : ": " + r.message());
            progress.flush();
        }
    }

    /** Means per (x, series), or per (iteration, series) for the convergence figures. */
    static List<SpebPoint> aggregate(SpebFigure f, List<SpebSeries> series, List<Double> points, List<SpebRun> runs) {
        List<SpebPoint> out = new ArrayList<>();
        for (SpebSeries s : series) {
            if (f.metric() == SpebFigure.Metric.CONVERGENCE) {
                out.addAll(trace(s, runs));
                continue;
            }
            for (double x : points) {
                List<SpebRun> at = runs.stream().filter(r -> r.series().equals(s) && r.x() == x).toList();
                List<SpebRun> ok = at.stream().filter(SpebRun::counted).toList();
                double seconds = at.stream().mapToDouble(SpebRun::seconds).average().orElse(0);
                Double peb = ok.isEmpty() ? null : Math.sqrt(ok.stream().mapToDouble(SpebRun::spebM2).average()
                        .orElseThrow());
                List<SpebRun> localised = ok.stream().filter(r -> r.msePooledM2() != null).toList();
                Double rmse = localised.isEmpty() ? null : Math.sqrt(localised.stream()
                        .mapToDouble(SpebRun::msePooledM2).average().orElseThrow());
                List<SpebRun> rated = ok.stream().filter(r -> r.sumRateBpsHz() != null).toList();
                Double rate = rated.isEmpty() ? null : rated.stream().mapToDouble(SpebRun::sumRateBpsHz).average()
                        .orElseThrow();
                out.add(new SpebPoint(x, s, at.size(), ok.size(), peb, rmse, rate, null, seconds));
            }
        }
        return out;
    }

    /** The mean objective per iteration; a run that stopped early keeps its last value. */
    private static List<SpebPoint> trace(SpebSeries s, List<SpebRun> runs) {
        List<SpebRun> at = runs.stream().filter(r -> r.series().equals(s)).toList();
        List<SpebRun> ok = at.stream().filter(r -> r.counted() && !r.objectives().isEmpty()).toList();
        int length = ok.stream().mapToInt(r -> r.objectives().size()).max().orElse(0);
        double seconds = at.stream().mapToDouble(SpebRun::seconds).average().orElse(0);
        List<SpebPoint> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int iteration = i;
            double mean = ok.stream().mapToDouble(r -> r.objectives().get(Math.min(iteration,
                    r.objectives().size() - 1))).average().orElseThrow();
            out.add(new SpebPoint(i + 1, s, at.size(), ok.size(), null, null, null, mean, seconds));
        }
        return out;
    }
}
