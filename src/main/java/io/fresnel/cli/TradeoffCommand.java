package io.fresnel.cli;

import io.fresnel.io.AtomicFiles;
import io.fresnel.model.Scenario;
import io.fresnel.tradeoff.TradeoffCsv;
import io.fresnel.tradeoff.TradeoffFront;
import io.fresnel.tradeoff.TradeoffKind;
import io.fresnel.tradeoff.TradeoffListener;
import io.fresnel.tradeoff.TradeoffOptions;
import io.fresnel.tradeoff.TradeoffPoint;
import io.fresnel.tradeoff.TradeoffTracer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fresnel tradeoff SCENARIO.json [--front KIND] [--algorithm NAME] [--points N] [--refine P]
 * [--from LO] [--to HI] [--out FRONT.csv]}: traces the scene's sensing-communication front
 * ({@link TradeoffTracer}) and writes it as CSV ({@link TradeoffCsv}) to the file (atomically) or
 * to stdout; progress and a summary go to stderr. The front and the design default to what the
 * window offers for the scene's {@code solver.algorithm} ({@link TradeoffKind#availableFor}).
 */
@Command(name = "tradeoff", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trace the scene's sensing-communication Pareto front (paper 004: sum CRB vs SINR requirement;"
                + " paper 000: secrecy vs a CRB bound; paper 001: secrecy vs the PCRB bound) as CSV.")
public final class TradeoffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario file")
    private Path file;

    @Option(names = "--front", paramLabel = "KIND", description = "sum-crb-vs-sinr, secrecy-vs-range-crb,"
            + " secrecy-vs-angle-crb or secrecy-vs-pcrb (default: the first the scene is offered)")
    private String front;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "the design in force (default: the scene's"
            + " solver.algorithm); paper 004's front always runs crb-min-sdr")
    private String algorithm;

    @Option(names = "--points", paramLabel = "N", description = "levels of the coarse pass (default 6; 4 for paper"
            + " 000's fronts)")
    private Integer points;

    @Option(names = "--refine", paramLabel = "P", description = "refinement passes, each halving the spacing"
            + " (default " + TradeoffOptions.DEFAULT_REFINE_PASSES + ")")
    private Integer refine;

    /**
     * The range of --from and --to (SI): the levels are SINR requirements (linear) or bounds in m^2
     * or rad^2; beyond it the refinement's levels between and past the traced ones can overflow.
     */
    static final double MIN_LEVEL = 1e-30;
    /** See {@link #MIN_LEVEL}. */
    static final double MAX_LEVEL = 1e30;

    @Option(names = "--from", paramLabel = "LO", description = "lowest level, SI (SINR requirement linear; bound in"
            + " m^2 or rad^2); default: see docs/tradeoff.md")
    private Double from;

    @Option(names = "--to", paramLabel = "HI", description = "highest level, SI")
    private Double to;

    @Option(names = "--out", paramLabel = "FRONT.csv", description = "write the CSV here (default: stdout)")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario = ScenarioInput.load(file, err);
        if (scenario == null) {
            return FresnelCommand.REJECTED;
        }
        String inForce = algorithm != null ? algorithm : scenario.solver() != null ? scenario.solver().algorithm()
                : null;
        List<TradeoffKind> offered = TradeoffKind.availableFor(scenario, inForce);
        TradeoffKind kind;
        TradeoffOptions options;
        try {
            kind = front != null ? TradeoffKind.byKey(front) : null;
            if (kind == null && offered.isEmpty()) {
                return reject(err, file + ": no tradeoff front for this scene " + withAlgorithm(inForce)
                        + " (see docs/tradeoff.md)");
            }
            kind = kind != null ? kind : offered.get(0);
            if (!offered.contains(kind)) {
                return reject(err, "--front " + kind.key() + ": not offered for this scene " + withAlgorithm(inForce)
                        + " (offered: " + String.join(", ", offered.stream().map(TradeoffKind::key).toList()) + ")");
            }
            if (points != null && points < 2) {
                return reject(err, "--points must be at least 2 (got " + points + ")");
            }
            if (refine != null && (refine < 0 || refine > 6)) {
                return reject(err, "--refine must be between 0 and 6 (got " + refine + ")");
            }
            if (from != null && !(from >= MIN_LEVEL && from <= MAX_LEVEL)) {
                return reject(err, "--from must be a level in [1e-30, 1e30] (got " + from + ")");
            }
            if (to != null && (!(to >= MIN_LEVEL && to <= MAX_LEVEL) || (from != null && !(to > from)))) {
                return reject(err, "--to must be a level in [1e-30, 1e30] and above --from (got " + to + ")");
            }
            TradeoffOptions d = TradeoffOptions.defaults(kind);
            options = new TradeoffOptions(points != null ? points : d.coarsePoints(),
                    refine != null ? refine : d.refinePasses(), from, to, d.tolerance());
        } catch (IllegalArgumentException e) {
            return reject(err, e.getMessage());
        }
        try {
            AtomicFiles.checkWritable(out);
        } catch (IOException e) {
            return reject(err, "--out: " + e.getMessage());
        }
        TradeoffListener progress = new TradeoffListener() {
            @Override
            public void onFront(TradeoffFront f) {
                if (f.stage() == TradeoffFront.Stage.PARTIAL) {
                    err.println("fresnel: tradeoff: coarse pass done (" + f.points().size() + " levels), refining");
                }
            }
        };
        TradeoffFront result;
        try {
            result = TradeoffTracer.trace(scenario, kind, kind.designFor(inForce), options,
                    CommandDeadline.cancelled(), progress);
        } catch (IllegalArgumentException e) {
            return reject(err, file + ": " + e.getMessage());
        }
        if (result.stage() == TradeoffFront.Stage.CANCELLED) {
            return FresnelCommand.TIMED_OUT; // the deadline passed: nothing is written
        }
        String text = TradeoffCsv.format(result);
        if (out != null) {
            try {
                AtomicFiles.write(out, s -> s.write(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return reject(err, "--out " + out + ": cannot write the file (" + e + ")");
            }
        } else {
            PrintWriter o = spec.commandLine().getOut();
            o.print(text);
        }
        long feasible = result.points().stream().filter(TradeoffPoint::feasible).count();
        long dominated = result.points().stream().filter(TradeoffPoint::dominated).count();
        err.println(String.format(Locale.ROOT, "fresnel: tradeoff: %s with %s: %d levels, %d feasible (%d dominated),"
                + " %d not feasible", kind.key(), result.algorithm(), result.points().size(), feasible, dominated,
                result.points().size() - feasible));
        return FresnelCommand.OK;
    }

    /** @return "with algorithm NAME", or "without an algorithm" when neither option nor solver block names one */
    private static String withAlgorithm(String inForce) {
        return inForce != null ? "with algorithm " + inForce : "without an algorithm";
    }

    private static int reject(PrintWriter err, String message) {
        err.println("fresnel: tradeoff: rejected: " + message);
        return FresnelCommand.REJECTED;
    }
}
