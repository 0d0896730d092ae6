package io.fresnel.cli;

import io.fresnel.figure.FigureMetadata;
import io.fresnel.io.AtomicFiles;
import io.fresnel.io.Presets;
import io.fresnel.model.Scenario;
import io.fresnel.sweep.ChartFiles;
import io.fresnel.sweep.SweepChart;
import io.fresnel.sweep.SweepCsv;
import io.fresnel.sweep.PaperSweep;
import io.fresnel.sweep.PaperSweeps;
import io.fresnel.sweep.SweepFigure;
import io.fresnel.sweep.SweepResult;
import io.fresnel.sweep.SweepEngine;
import io.fresnel.sweep.SweepEngineOptions;
import io.fresnel.sweep.SweepEngines;
import io.fresnel.sweep.SweepJob;
import io.fresnel.sweep.SweepJournal;
import io.fresnel.sweep.SweepRunner;
import io.fresnel.sweep.SweepOptions;
import io.fresnel.sweep.SweepSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fresnel sweep --figure K --out DIR [...]}: regenerates the data of paper 000's Fig. K
 * (K = 2..6: max-min secrecy rate versus transmit power, users, transmit antennas, range-CRB and
 * angle-CRB threshold) as the mean over seeded random user/target draws, for each scheme (design
 * name), and writes {@code DIR/fig<K>.csv} (one row per x and scheme), {@code DIR/fig<K>-draws.csv}
 * (one row per solve), {@code DIR/fig<K>-nodes.csv} (the drawn positions) and {@code DIR/fig<K>.png},
 * {@code .svg} and {@code .pdf} (the chart, with provenance; {@link ChartFiles}), all atomically and only when the sweep finished. Progress goes to stderr, a summary
 * table to stdout.
 *
 * <p>The runs are computed by {@code --engine local} (a thread pool, the default) or
 * {@code --engine spark [--master URL]} (Apache Spark, only in {@code fresnel-spark.jar}; the
 * desktop jar rejects it with exit 2): the same rows either way (docs/spark.md). Each finished
 * run is journaled in {@code DIR/fig<K>-runs/}; the same command started again with the same
 * {@code --out} computes only the missing runs, and a journal of another sweep is rejected
 * (exit 2).
 *
 * <p>Exit status 0 when the sweep ran (infeasible solves are data, counted in the CSV); 2 for a
 * rejected input, before anything is solved or written (unknown figure or scheme, draws < 1,
 * malformed {@code --points}, a base scenario that cannot be read or used); 1 when a design
 * failed with an internal error (the files are still written, the failing solves marked
 * {@code error}). A sweep that fails, is cancelled or interrupted before any run is journaled
 * leaves nothing behind: the journal folder and the output folder it created are removed again.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Regenerate the data of paper 000's Figs. 2-6 (max-min secrecy rate versus transmit power,"
                + " users, transmit antennas, range-CRB threshold, angle-CRB threshold) averaged over seeded random"
                + " user/target draws in r in [10, 20] m, theta in [0, pi/2], as CSV and PNG.",
            "Writes DIR/fig<k>.csv (figure,x_name,x,scheme,draws,counted,mean_bps_hz,std_bps_hz,min_bps_hz,"
                + "max_bps_hz,mean_seconds), DIR/fig<k>-draws.csv (one row per solve), DIR/fig<k>-nodes.csv (the"
                + " drawn positions) and the chart as DIR/fig<k>.png, .svg and .pdf."})
public final class SweepCommand implements Callable<Integer> {
    /** The file of the default base scenario among the presets. */
    static final String DEFAULT_BASE = "paper-000-rsma.json";

    @Option(names = "--paper", paramLabel = "P", defaultValue = "000",
            description = "the paper whose figure to regenerate (default ${DEFAULT-VALUE}; the others: see the README)")
    private String paper;

    @Option(names = "--monte-carlo",
            description = "compute a figure that has an exact (analytical) value by Monte Carlo instead")
    private boolean monteCarlo;

    @Option(names = "--figure", required = true, paramLabel = "K",
            description = "paper 000 figure: 2 power (dBm), 3 users, 4 transmit antennas, 5 range-CRB threshold (m^2),"
                    + " 6 angle-CRB threshold (rad^2); with --paper: 001 2|4, 002 2|3|4, 003 2-9, 004 3|6")
    private int figure;

    @Option(names = "--draws", paramLabel = "N",
            description = "random draws per x value and scheme (default 10, paper 000 uses 100; 1 for papers 001"
                    + " and 004, whose figures plot one geometry)")
    private Integer draws;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of the draws (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--schemes", paramLabel = "A,B,...",
            description = "design names (default: rsma-hybrid,rsma-digital,rsma-no-crb,sdma-hybrid,rsma-far-field)")
    private String schemes;

    @Option(names = "--points", paramLabel = "V1,V2,...",
            description = "x values in the figure's unit (default: the figure's, see the README)")
    private String points;

    @Option(names = "--base", paramLabel = "SCENARIO.json",
            description = "base scenario (default: the paper-000 preset)")
    private Path base;

    @Option(names = "--threads", paramLabel = "T", description = "parallel solves of the local engine (default: available processors)")
    private Integer threads;

    @Option(names = "--max-iterations", paramLabel = "I",
            description = "solver block max_iterations of every solve (default: the base's)")
    private Integer maxIterations;

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local",
            description = "where the runs are computed: local (a thread pool, the default) or spark (Apache Spark;"
                    + " only in fresnel-spark.jar, see docs/spark.md)")
    private String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master of --engine spark: local[*] (embedded, the default unless spark-submit set"
                    + " one), spark://HOST:7077, yarn, k8s://...")
    private String master;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created if missing)")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintWriter err = spec.commandLine().getErr();
        String paperKey;
        try {
            paperKey = PaperSweeps.normalise(paper);
        } catch (IllegalArgumentException e) {
            return reject(e.getMessage());
        }
        if (!paperKey.equals("000")) {
            if (!SweepEngines.LOCAL.equals(engine) || master != null) {
                return reject("--engine/--master: only paper 000's figures run on another engine so far (paper "
                        + paperKey + " runs locally)");
            }
            return otherPaper(paperKey, err);
        }
        SweepFigure fig;
        List<Double> xs;
        List<String> names;
        try {
            fig = SweepFigure.of(figure);
            xs = points == null ? boxed(fig.defaultPoints()) : parsePoints(points);
            names = schemes == null ? SweepSpec.PAPER_SCHEMES : parseSchemes(schemes);
        } catch (IllegalArgumentException e) {
            return reject(e.getMessage());
        }
        if (threads != null && threads < 1) {
            return reject("--threads must be at least 1 (got " + threads + ")");
        }
        int poolSize = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Scenario baseScenario = loadBase(err);
        if (baseScenario == null) {
            return FresnelCommand.REJECTED;
        }
        SweepSpec sweepSpec;
        int size;
        try {
            sweepSpec = new SweepSpec(fig, baseScenario, xs, draws(), seed, names, maxIterations);
            size = new SweepRunner(sweepSpec).size();
        } catch (IllegalArgumentException e) {
            return reject(e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return reject("--out " + out + " exists and is not a directory");
        }
        Path journal = SweepJournal.folder(out, fig.number());
        boolean outCreated = !Files.exists(out);
        boolean journalCreated = !Files.exists(journal);
        int status = FresnelCommand.INTERNAL_ERROR;
        try {
            status = runJob(fig, sweepSpec, baseScenario, xs, names, poolSize, size, err);
            return status;
        } finally {
            if (status != FresnelCommand.OK) {
                removeUnused(out, outCreated, journal, journalCreated);
            }
        }
    }

    /**
     * Runs paper 000's sweep job into the checked {@code --out} and writes its figure files.
     *
     * @return the exit status
     */
    private int runJob(SweepFigure fig, SweepSpec sweepSpec, Scenario baseScenario, List<Double> xs,
            List<String> names, int poolSize, int size, PrintWriter err) throws InterruptedException {
        SweepJob.Outcome outcome;
        try (SweepEngine sweepEngine = SweepEngines.create(engine, new SweepEngineOptions(poolSize, master,
                "fresnel sweep fig " + fig.number()))) {
            Files.createDirectories(out);
            SweepJob job = new SweepJob(sweepSpec, out);
            err.printf(Locale.ROOT, "fresnel: sweep: figure %d, %d x values x %d draws x %d schemes = %d solves on"
                    + " the %s engine (%s); journal %s%n", fig.number(), xs.size(), draws(), names.size(), size,
                    sweepEngine.name(), sweepEngine.describe(), job.journalFolder());
            outcome = job.run(sweepEngine, (s, done, total) -> progress(err, fig, s, done, total));
        } catch (IllegalArgumentException e) {
            return reject(e.getMessage());
        } catch (IOException e) {
            return reject(e.getMessage());
        } catch (IllegalStateException e) {
            err.println("fresnel: sweep: the engine failed: " + e.getMessage() + "; the finished runs are journaled:"
                    + " run the same command again to compute only the missing ones");
            return FresnelCommand.INTERNAL_ERROR;
        }
        if (outcome.cancelled()) {
            err.println("fresnel: sweep: stopped before every run finished; run the same command again to resume");
            return FresnelCommand.INTERNAL_ERROR;
        }
        if (outcome.resumed() > 0) {
            err.printf(Locale.ROOT, "fresnel: sweep: %d runs resumed from the journal, %d computed%n",
                    outcome.resumed(), outcome.computed());
        }
        SweepResult result = outcome.result();
        int k = fig.number();
        Path summary = out.resolve("fig" + k + ".csv");
        Path perDraw = out.resolve("fig" + k + "-draws.csv");
        Path nodes = out.resolve("fig" + k + "-nodes.csv");
        List<AtomicFiles.Entry> files = new ArrayList<>(List.of(
                new AtomicFiles.Entry(summary, o -> SweepCsv.writeSummary(result, o)),
                new AtomicFiles.Entry(perDraw, o -> SweepCsv.writeDraws(result, o)),
                new AtomicFiles.Entry(nodes, o -> SweepCsv.writeNodes(result, o))));
        JFreeChart chart = SweepChart.chart(result);
        files.addAll(ChartFiles.entries(chart, out, "fig" + k, FigureMetadata.now(chart.getTitle().getText(),
                baseScenario.name(), FigureMetadata.sha256(baseScenario), String.join(",", names),
                result.solves().size() + " solves, " + result.errors().size() + " internal errors")));
        List<Path> written = new ArrayList<>(List.of(summary, perDraw, nodes));
        written.addAll(ChartFiles.files(out, "fig" + k));
        try {
            AtomicFiles.writeAll(files);
        } catch (IOException e) {
            return reject(e.getMessage());
        }
        printSummary(spec.commandLine().getOut(), result, written);
        List<SweepResult.Solve> errors = result.errors();
        if (!errors.isEmpty()) {
            SweepResult.Solve first = errors.get(0);
            err.println("fresnel: sweep: internal error in " + errors.size() + " solve(s); first: " + first.scheme()
                    + " at x = " + first.x() + ", draw " + first.draw() + ": " + first.message());
            return FresnelCommand.INTERNAL_ERROR;
        }
        return FresnelCommand.OK;
    }

    /** Runs a figure of a paper other than 000 through its registered {@link PaperSweep}. */
    private int otherPaper(String paperKey, PrintWriter err) throws InterruptedException {
        PaperSweep sweep;
        SweepOptions options;
        try {
            sweep = PaperSweeps.byPaper(paperKey);
            if (!sweep.figures().contains(figure)) {
                return reject("--figure " + figure + ": paper " + paperKey + " has " + sweep.describe());
            }
            Scenario baseScenario = null;
            if (base != null) {
                baseScenario = ScenarioInput.load(base, err);
                if (baseScenario == null) {
                    return FresnelCommand.REJECTED;
                }
            }
            options = new SweepOptions(out, draws != null ? draws : sweep.defaultDraws(), seed,
                    schemes == null ? null : parseSchemes(schemes),
                    points == null ? null : parsePoints(points), baseScenario,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), maxIterations, monteCarlo);
            sweep.check(figure, options);
        } catch (IllegalArgumentException e) {
            return reject(e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return reject("--out " + out + " exists and is not a directory");
        }
        boolean created = !Files.exists(out);
        try {
            Files.createDirectories(out);
            List<Path> written = sweep.run(figure, options, err);
            PrintWriter stdout = spec.commandLine().getOut();
            written.forEach(p -> stdout.println("wrote " + p));
        } catch (IllegalArgumentException | IOException e) {
            if (created) {
                removeIfEmpty(out);
            }
            return reject(e.getMessage());
        }
        return FresnelCommand.OK;
    }

    /**
     * After a paper 000 sweep that did not succeed (rejected, engine failure, cancelled, interrupted): removes
     * what this command created and nothing needs, like {@link #removeIfEmpty} for the other papers: the journal
     * folder it created when it holds no finished run (only its plan.json, or nothing), then the output folder it
     * created when that is empty. A journal with finished runs stays, for the same command to resume.
     */
    private static void removeUnused(Path out, boolean outCreated, Path journal, boolean journalCreated) {
        if (journalCreated && Files.isDirectory(journal)) {
            Path plan = journal.resolve("plan.json");
            try (java.util.stream.Stream<Path> entries = Files.list(journal)) {
                if (entries.allMatch(plan::equals)) {
                    Files.deleteIfExists(plan);
                    Files.delete(journal);
                }
            } catch (IOException e) {
                return;
            }
        }
        if (outCreated) {
            removeIfEmpty(out);
        }
    }

    /** Deletes a folder this command created for a figure that then refused its input, if nothing was written. */
    private static void removeIfEmpty(Path folder) {
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(folder);
            }
        } catch (IOException e) {
            // left as it is: the rejection message is what the user needs
        }
    }

    /** @return --draws, or paper 000's default of 10 */
    private int draws() {
        return draws != null ? draws : PaperSweep.DEFAULT_DRAWS;
    }

    private Scenario loadBase(PrintWriter err) {
        if (base != null) {
            return ScenarioInput.load(base, err);
        }
        return Presets.byFile(DEFAULT_BASE);
    }

    /**
     * @param text comma-separated numbers
     * @return them
     * @throws IllegalArgumentException naming the entry that is not a number
     */
    static List<Double> parsePoints(String text) {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            try {
                if (p.isEmpty()) {
                    throw new NumberFormatException();
                }
                out.add(Double.parseDouble(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--points: \"" + p + "\" is not a number (expected V1,V2,...)", e);
            }
        }
        return out;
    }

    /**
     * @param text comma-separated design names
     * @return them
     * @throws IllegalArgumentException when an entry is empty
     */
    static List<String> parseSchemes(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String s = part.strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("--schemes: an empty name in \"" + text + "\" (expected A,B,...)");
            }
            out.add(s);
        }
        return out;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static void progress(PrintWriter err, SweepFigure fig, SweepResult.Solve s, int done, int total) {
        String value = s.counted() ? String.format(Locale.ROOT, "%.4f bit/s/Hz", s.minSecrecyRateBpsHz())
                : "not counted";
        synchronized (err) {
            err.printf(Locale.ROOT, "fresnel: sweep: [%d/%d] %s %s = %s, draw %d: %s, %s (%.2f s)%s%n", done, total,
                    s.scheme(), fig.xName(), xText(fig, s.x()), s.draw(), s.status(), value, s.seconds(),
                    s.counted() || s.message() == null ? "" : ": " + s.message());
        }
    }

    private static void printSummary(PrintWriter out, SweepResult r, List<Path> files) {
        SweepFigure f = r.spec().figure();
        out.printf(Locale.ROOT, "Paper 000 Fig. %d: %s%n", f.number(), f.title());
        out.printf(Locale.ROOT, "mean max-min secrecy rate (bit/s/Hz) over %d draws, seed %d [counted/draws]%n",
                r.spec().draws(), r.spec().seed());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s", f.xName()));
        for (String s : r.spec().schemes()) {
            head.append(String.format(Locale.ROOT, " %22s", s));
        }
        out.println(head);
        int ns = r.spec().schemes().size();
        for (int xi = 0; xi < r.spec().points().size(); xi++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-24s",
                    xText(f, r.spec().points().get(xi))));
            for (int si = 0; si < ns; si++) {
                SweepResult.Point p = r.points().get(xi * ns + si);
                String mean = p.meanBpsHz() == null ? "-" : String.format(Locale.ROOT, "%.4f", p.meanBpsHz());
                row.append(String.format(Locale.ROOT, " %22s", mean + " [" + p.counted() + "/" + p.draws() + "]"));
            }
            out.println(row);
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (SweepResult.Solve s : r.solves()) {
            statuses.merge(s.status() + (s.counted() ? "" : " (not counted)"), 1, Integer::sum);
        }
        out.printf(Locale.ROOT, "%d solves in %.1f s: %s%n", r.solves().size(), r.seconds(), statuses);
        for (Path p : files) {
            out.println("wrote " + p);
        }
    }

    private static String xText(SweepFigure f, double x) {
        return f.integerX() ? Long.toString((long) x) : Double.toString(x);
    }

    private int reject(String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("fresnel: sweep: rejected: " + reason);
        return FresnelCommand.REJECTED;
    }
}
