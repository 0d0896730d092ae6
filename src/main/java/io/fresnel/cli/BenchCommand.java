package io.fresnel.cli;

import io.fresnel.bench.BenchPlan;
import io.fresnel.bench.BenchPlan.Kind;
import io.fresnel.bench.Benchmarks;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fresnel bench}: the command line of the benchmarks in {@code io.fresnel.bench}. Without an
 * option it times {@code eval} (every metric of SCENARIO.md section 2) on a 256-element ULA at
 * 28 GHz with 4 users, 3 targets and an eavesdropper and prints the distribution of the times and a
 * description of the machine. With {@code --heatmap} it times beampattern heatmap frames instead;
 * with {@code --sdr} the paper 004 {@code crb-min-sdr} design on 16x16 and 48x48 UPAs; with
 * {@code --secure} the {@code an-secure-pcrb} design for Nt = 8, 16, 32, 64; with {@code --rsma}
 * paper 000's designs on its default set-up, cold and warm-started after a drag; with
 * {@code --vs-cvxopt} the SDR designs side by side with the cvxopt reference scripts (exit 2 if a
 * script cannot run); {@code --slice}, {@code --stochastic}, {@code --localize} and {@code --speb}
 * likewise ({@link BenchPlan.Kind}). This class only turns the options into a {@link BenchPlan}
 * ({@link #plan()}); {@code --runs} below 1 or {@code --warmup} below 0 is rejected (exit 2).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the evaluation of a 256-element, 3-target, 4-user scenario.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--warmup", defaultValue = "30", description = "untimed evaluations first (default ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--runs", defaultValue = "100", description = "timed evaluations (default ${DEFAULT-VALUE})")
    private int runs;

    @Option(names = "--heatmap", description = "time beampattern heatmap frames (400x400 and 100x100) instead")
    private boolean heatmap;

    @Option(names = "--sdr", description = "time the crb-min-sdr design on 16x16 and 48x48 UPAs instead"
            + " (runs and warm-ups divided by 10)")
    private boolean sdr;
    @Option(names = "--secure", description = "time the an-secure-pcrb design (the paper-001 preset cold and warm,"
            + " then the paper 001 set-up, Nt = 8, 16, 32, 64)"
            + " instead; --warmup and --runs then count whole designs (defaults 1 and 5)")
    private boolean secure;

    @Option(names = "--rsma", description = "time paper 000's rsma-digital and rsma-hybrid on the paper's set-up"
            + " instead: cold start, then warm-started after a small drag")
    private boolean rsma;

    @Option(names = "--slice", description = "time beampattern slices of the 3-D view instead (paper 004 UPA pair:"
            + " 200x200 points for 48x48 elements, 100x100 for 16x16; runs and warm-ups divided by 10)")
    private boolean slice;

    @Option(names = "--vs-cvxopt", description = "run crb-min-sdr and an-secure-pcrb side by side with the cvxopt"
            + " scripts of src/bench/python instead (--runs timed runs per case, default 3; --warmup untimed Fresnel"
            + " designs per case first, default 1)")
    private boolean vsCvxopt;

    @Option(names = "--cvxopt-scripts", defaultValue = "src/bench/python",
            description = "folder of the cvxopt scripts (default ${DEFAULT-VALUE})")
    private java.nio.file.Path cvxoptScripts;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with cvxopt and numpy (default ${DEFAULT-VALUE})")
    private String python;

    @Option(names = "--stochastic", description = "time paper 002's stochastic analysis instead: exact (SSJB, SLB) and"
            + " 10^6 Monte Carlo draws at N = 16 on two threads")
    private boolean stochastic;

    @Option(names = "--localize", description = "time localize (200 MUSIC trials, paper-003 scene, N = 64) instead;"
            + " --runs then counts localize runs (default 3)")
    private boolean localize;

    @Option(names = "--speb", description = "time paper 003's speb-min-hybrid and speb-min-digital (N = 64, 4 and 8"
            + " RF chains, 2 and 3 users) instead")
    private boolean speb;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1) {
            return reject("--runs must be at least 1 (got " + runs + ")");
        }
        if (warmup < 0) {
            return reject("--warmup must be at least 0 (got " + warmup + ")");
        }
        BenchPlan plan = plan();
        return Benchmarks.run(plan, out) ? FresnelCommand.OK : FresnelCommand.REJECTED;
    }

    /**
     * The benchmark the options ask for, the first of {@code --sdr}, {@code --secure},
     * {@code --vs-cvxopt}, {@code --stochastic}, {@code --localize}, {@code --speb}, {@code --rsma},
     * {@code --slice}, {@code --heatmap} given (else {@code eval}), with its warm-ups and runs:
     * {@code --sdr} and {@code --slice} divide both by 10 (at least 1); {@code --secure} defaults
     * to 1 warm-up and 5 runs; {@code --vs-cvxopt} and {@code --localize} to 3 runs.
     *
     * @return the plan
     * @throws IllegalArgumentException if {@code --runs} is below 1 or {@code --warmup} below 0
     */
    BenchPlan plan() {
        var parsed = spec.commandLine().getParseResult();
        boolean runsGiven = parsed.matchedOption("--runs") != null;
        boolean warmupGiven = parsed.matchedOption("--warmup") != null;
        if (sdr) {
            return plan(Kind.SDR, Math.max(1, warmup / 10), Math.max(1, runs / 10));
        }
        if (secure) {
            return plan(Kind.SECURE, warmupGiven ? warmup : 1, runsGiven ? runs : 5);
        }
        if (vsCvxopt) {
            return plan(Kind.VS_CVXOPT, warmupGiven ? warmup : 1, runsGiven ? runs : 3);
        }
        if (stochastic) {
            return plan(Kind.STOCHASTIC, warmup, runs);
        }
        if (localize) {
            return plan(Kind.LOCALIZE, warmup, runsGiven ? runs : 3);
        }
        if (speb) {
            return plan(Kind.SPEB, warmup, runs);
        }
        if (rsma) {
            return plan(Kind.RSMA, warmup, runs);
        }
        if (slice) {
            return plan(Kind.SLICE, Math.max(1, warmup / 10), Math.max(1, runs / 10));
        }
        return plan(heatmap ? Kind.HEATMAP : Kind.EVAL, warmup, runs);
    }

    private BenchPlan plan(Kind kind, int warmupCount, int runCount) {
        return new BenchPlan(kind, warmupCount, runCount, cvxoptScripts, python);
    }

    private int reject(String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("fresnel: bench: rejected: " + reason);
        return FresnelCommand.REJECTED;
    }
}
