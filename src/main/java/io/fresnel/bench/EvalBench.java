package io.fresnel.bench;

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
import java.util.Locale;
import java.util.Random;

/**
 * {@code fresnel bench} (no other option): times {@code eval} (every metric of SCENARIO.md
 * section 2) on a 256-element ULA at 28 GHz with 4 users (MRT streams), 3 targets (focused sensing
 * streams), an eavesdropper and an eavesdropping target, exact phase and unit amplitude; prints the
 * median, minimum, 90th percentile and maximum time of one evaluation and a description of the
 * machine ({@link #machine()}, which every benchmark of this package prints last).
 */
final class EvalBench {
    private EvalBench() {
    }

    /**
     * @param out where to print
     * @param warmup untimed evaluations first
     * @param runs timed evaluations (at least 1)
     */
    static void run(PrintWriter out, int warmup, int runs) {
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
        out.printf(Locale.ROOT, "runs: %d (after %d warm-up)%n", runs, warmup);
        out.printf(Locale.ROOT, "time per eval (ms): median %.3f, min %.3f, p90 %.3f, max %.3f%n", ms[runs / 2], ms[0],
                ms[(int) (0.9 * (runs - 1))], ms[runs - 1]);
        out.printf(Locale.ROOT, "check: crb_position_sum_m2 = %.6e%n", last.system().crbPositionSumM2());
        out.println("machine: " + machine());
        out.flush();
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
