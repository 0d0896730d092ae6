package io.fresnel.cli;

import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.Architecture;
import io.fresnel.model.Axis;
import io.fresnel.model.CommNode;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Precoder;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.Sensing;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.model.UniformLinearArray;
import io.fresnel.physics.ArrayResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fresnel bench}: times {@code eval} (every metric of SCENARIO.md section 2) on a
 * 256-element ULA at 28 GHz with 4 users (MRT streams), 3 targets (focused sensing streams), an
 * eavesdropper and an eavesdropping target, exact phase and unit amplitude; prints the
 * distribution of the times and a description of the machine. With {@code --heatmap} it times
 * beampattern heatmap frames instead ({@link HeatmapBench}); with {@code --sdr} the paper 004
 * {@code crb-min-sdr} design on 16x16 and 48x48 UPAs ({@link SdrBench}); with {@code --secure} the
 * {@code an-secure-pcrb} design for Nt = 8, 16, 32, 64 ({@link SecureBench}); with {@code --rsma} paper
 * 000's designs on its default set-up, cold and warm-started after a drag ({@link RsmaBench}); with
 * {@code --vs-cvxopt} the SDR designs side by side with the cvxopt reference scripts ({@link CvxoptBench}).
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
            + " scripts of src/bench/python instead (--runs timed runs per case, default 3)")
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
        if (sdr) {
            SdrBench.run(out, Math.max(1, warmup / 10), Math.max(1, runs / 10));
            return FresnelCommand.OK;
        }
        if (secure) {
            var parsed = spec.commandLine().getParseResult();
            SecureBench.run(out, parsed.matchedOption("--warmup") == null ? 1 : warmup,
                    parsed.matchedOption("--runs") == null ? 5 : runs);
            return FresnelCommand.OK;
        }
        if (vsCvxopt) {
            var parsed = spec.commandLine().getParseResult();
            boolean ran = CvxoptBench.run(out, cvxoptScripts, python, parsed.matchedOption("--runs") == null ? 3
                    : Math.max(1, runs));
            return ran ? FresnelCommand.OK : FresnelCommand.REJECTED;
        }
        if (stochastic) {
            StochasticBench.run(out, 20, 100, 1_000_000);
            return FresnelCommand.OK;
        }
        if (localize) {
            try {
                LocalizeBench.run(out, spec.commandLine().getParseResult().matchedOption("--runs") == null ? 3
                        : Math.max(1, runs));
            } catch (io.fresnel.design.DesignException e) {
                throw new IllegalStateException(e);
            }
            return FresnelCommand.OK;
        }
        if (speb) {
            SpebBench.run(out);
            return FresnelCommand.OK;
        }
        if (rsma) {
            RsmaBench.run(out);
            return FresnelCommand.OK;
        }
        if (slice) {
            SliceBench.run(out, Math.max(1, warmup / 10), Math.max(1, runs / 10));
            return FresnelCommand.OK;
        }
        if (heatmap) {
            HeatmapBench.run(out, warmup, runs);
            return FresnelCommand.OK;
        }
        Scenario scenario = scenario();
        for (int i = 0; i < warmup; i++) {
            MetricsEvaluator.evaluate(scenario);
        }
        double[] ms = new double[runs];
        Metrics last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = MetricsEvaluator.evaluate(scenario);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        out.println("benchmark: eval, N = 256 ULA (28 GHz, exact/unit), 4 users, 3 targets, 1 eavesdropper, "
                + "7 streams, joint 2-D FIM with known-other bounds");
        out.printf("runs: %d (after %d warm-up)%n", runs, warmup);
        out.printf("time per eval (ms): median %.3f, min %.3f, p90 %.3f, max %.3f%n", ms[runs / 2], ms[0],
                ms[(int) (0.9 * (runs - 1))], ms[runs - 1]);
        out.printf("check: crb_position_sum_m2 = %.6e%n", last.system().crbPositionSumM2());
        out.println("machine: " + machine());
        out.flush();
        return FresnelCommand.OK;
    }

    /** @return the benchmark scenario (deterministic) */
    static Scenario scenario() {
        double f = 28e9;
        double lambda = Scenario.SPEED_OF_LIGHT_M_S / f;
        UniformLinearArray ula = new UniformLinearArray(256, lambda / 2, Axis.Y, Vec3.ZERO, null);
        Propagation prop = new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, null);
        List<CommNode> users = new ArrayList<>();
        double[][] userPos = {{8, 3}, {12, -4}, {20, 6}, {6, -1.5}};
        for (int i = 0; i < userPos.length; i++) {
            users.add(new CommNode("u" + (i + 1), new Vec3(userPos[i][0], userPos[i][1], 0), 1e-11, null, 1.0));
        }
        List<CommNode> eves = List.of(new CommNode("eve", new Vec3(15, 1, 0), 1e-11, null, null));
        List<Target> targets = new ArrayList<>();
        double[][] targetPos = {{10, 2}, {14, -6}, {25, 0.5}};
        for (int i = 0; i < targetPos.length; i++) {
            targets.add(new Target("t" + (i + 1), new Vec3(targetPos[i][0], targetPos[i][1], 0),
                    new Complex(1e-4, 2e-5), i == 0, i == 0 ? 1e-11 : null, null, null));
        }
        ArrayResponse tx = new ArrayResponse(ula.positions(), Vec3.ZERO, lambda, prop.phase(), prop.amplitude());
        List<List<Complex>> cols = new ArrayList<>();
        List<Stream> streams = new ArrayList<>();
        Random rnd = new Random(7);
        for (CommNode u : users) {
            cols.add(focusedBeam(tx, u.positionM(), 0.05, rnd));
            streams.add(new Stream(StreamRole.PRIVATE, u.id()));
        }
        for (Target t : targets) {
            cols.add(focusedBeam(tx, t.positionM(), 0.02, rnd));
            streams.add(new Stream(StreamRole.SENSING, null));
        }
        Precoder precoder = new Precoder(streams, ComplexMatrix.ofColumns(cols), null, null, null);
        return new Scenario("benchmark: 256-element ULA, 4 users, 3 targets", 2, f, Scenario.SPEED_OF_LIGHT_M_S, prop,
                ula, null, 1.0, Architecture.DIGITAL, new Sensing(1000, 1e-11), users, eves, targets, List.of(),
                precoder, null);
    }

    /** Conjugate (MRT) beam towards p with power {@code power} plus a small random perturbation. */
    private static List<Complex> focusedBeam(ArrayResponse tx, Vec3 p, double power, Random rnd) {
        int n = tx.size();
        double[] re = new double[n];
        double[] im = new double[n];
        tx.evaluate(p, true, re, im);
        double scale = Math.sqrt(power / n);
        List<Complex> col = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            col.add(new Complex(scale * (re[i] + 0.05 * rnd.nextGaussian()), -scale * (im[i] + 0.05 * rnd.nextGaussian())));
        }
        return col;
    }

    /** @return OS, CPU model, cores, JVM */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = "unknown CPU (" + e.getMessage() + ")";
        }
        Runtime rt = Runtime.getRuntime();
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + cpu + ", "
                + rt.availableProcessors() + " cores, max heap " + (rt.maxMemory() >> 20) + " MiB, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
