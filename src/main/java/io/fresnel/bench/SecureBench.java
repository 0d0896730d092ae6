package io.fresnel.bench;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.AnglePrior;
import io.fresnel.model.Architecture;
import io.fresnel.model.Axis;
import io.fresnel.model.CommNode;
import io.fresnel.model.Link;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.Sensing;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.Target;
import io.fresnel.model.UniformLinearArray;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark behind {@code fresnel bench --secure}: the whole {@code an-secure-pcrb} design
 * (1-D search over gamma with one reduced SDP per step, rank-one reconstruction, AN factorisation)
 * on paper 001's set-up (the golden case p_solver_secure_paper001) scaled to Nt = 8, 16, 32, 64
 * transmit antennas with Nr = Nt + 2: far-field centred half-wavelength ULAs at 30 GHz, four
 * candidate angles -55/-35/65/45 deg (p = 0.2/0.3/0.1/0.4) at 10 m as eavesdroppers (10 dB path
 * loss), the target with that prior (sigma 0.01 rad, |beta| = 0.1 * 0.0071), the user at -10 deg
 * (60 dB path loss), P = 20 dBm, noise -60 dBm, Gamma = 2.68e-5 rad^2. It first times the paper-001
 * preset ({@link #preset}): the first design in the JVM (cold) and the median of the timed runs.
 */
final class SecureBench {
    static final int[] SIZES = {8, 16, 32, 64};

    private SecureBench() {
    }

    /** @return the scaled golden scenario with Nt transmit antennas */
    static Scenario scenario(int nt) {
        double f = 30e9;
        double lambda = Scenario.SPEED_OF_LIGHT_M_S / f;
        UniformLinearArray tx = new UniformLinearArray(nt, lambda / 2, Axis.Y, Vec3.ZERO, null);
        UniformLinearArray rx = new UniformLinearArray(nt + 2, lambda / 2, Axis.Y, Vec3.ZERO, null);
        Propagation prop = new Propagation(PhaseModel.FAR_FIELD, AmplitudeModel.UNIT, null);
        double[] deg = {-55, -35, 65, 45};
        List<Double> angles = new ArrayList<>();
        List<CommNode> eves = new ArrayList<>();
        Link eveLink = new Link(Complex.real(Math.pow(10, -0.5)), null, List.of());
        for (int k = 0; k < deg.length; k++) {
            double th = Math.toRadians(deg[k]);
            angles.add(th);
            eves.add(new CommNode("cand" + (k + 1), new Vec3(10 * Math.cos(th), 10 * Math.sin(th), 0), 1e-9, eveLink,
                    null));
        }
        AnglePrior prior = new AnglePrior(angles, List.of(0.2, 0.3, 0.1, 0.4), 0.01, 10);
        double beta = 0.1 * 0.0071;
        Target target = new Target("target", new Vec3(10 * Math.cos(angles.get(3)), 10 * Math.sin(angles.get(3)), 0),
                new Complex(beta * Math.cos(2), beta * Math.sin(2)), false, null, null, prior);
        double u = Math.toRadians(-10);
        CommNode user = new CommNode("user", new Vec3(50 * Math.cos(u), 50 * Math.sin(u), 0), 1e-9,
                new Link(Complex.real(1e-3), null, List.of()), null);
        return new Scenario("bench --secure: paper 001 set-up, Nt = " + nt, 2, f, Scenario.SPEED_OF_LIGHT_M_S, prop,
                tx, rx, 0.1, Architecture.DIGITAL, new Sensing(1, 1e-9), List.of(user), eves, List.of(target),
                List.of(), null, new SolverSpec("an-secure-pcrb", Map.of("pcrb_max_rad2", 2.68e-5)));
    }

    /**
     * Times the design of the paper-001 preset ({@code presets/paper-001-prior.json}): the first run in
     * this JVM (cold: interpreted and JIT-compiled code, as in a fresh {@code fresnel solve}), then the
     * median of {@code runs} more; wall time and the CPU time of this thread (the design is
     * single-threaded; the JIT compiler's threads are not counted).
     */
    static void preset(PrintWriter out, int runs) {
        Scenario sc = Presets.byFile("paper-001-prior.json");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs + 1];
        double[] cpu = new double[runs + 1];
        DesignResult last = null;
        try {
            for (int i = 0; i <= runs; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                last = Designs.byName("an-secure-pcrb").run(sc, DesignContext.none());
                wall[i] = (System.nanoTime() - t0) / 1e9;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        } catch (DesignException e) {
            out.println("paper-001 preset: rejected: " + e.getMessage());
            return;
        }
        double[] w = Arrays.copyOfRange(wall, 1, runs + 1);
        double[] c = Arrays.copyOfRange(cpu, 1, runs + 1);
        Arrays.sort(w);
        Arrays.sort(c);
        out.printf(Locale.ROOT, "paper-001 preset: first design in this JVM %.3f s (cpu %.3f s), then median %.3f s (cpu %.3f s)"
                + " over %d; %s, %d SDP solves, min secrecy %.9f bit/s/Hz%n", wall[0], cpu[0], w[runs / 2],
                c[runs / 2], runs, last.status().jsonName(), last.iterations(),
                last.objective() == null ? Double.NaN : last.objective());
        out.flush();
    }

    static void run(PrintWriter out, int warmup, int runs) {
        out.println("benchmark: an-secure-pcrb (paper 001 set-up scaled: Nr = Nt + 2, 4 candidates, Gamma = 2.68e-5)"
                + ", whole design: 1-D gamma search, reduced Charnes-Cooper SDP per step, rank-one, AN factorisation");
        preset(out, runs);
        out.printf(Locale.ROOT, "runs per size: %d (after %d warm-up)%n", runs, warmup);
        for (int nt : SIZES) {
            Scenario sc = scenario(nt);
            try {
                for (int i = 0; i < warmup; i++) {
                    Designs.byName("an-secure-pcrb").run(sc, DesignContext.none());
                }
                double[] s = new double[runs];
                DesignResult last = null;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    last = Designs.byName("an-secure-pcrb").run(sc, DesignContext.none());
                    s[i] = (System.nanoTime() - t0) / 1e9;
                }
                Arrays.sort(s);
                out.printf(Locale.ROOT, "Nt = %2d: median %.4f s (min %.4f, max %.4f), %s, %d SDP solves, min secrecy %.9f"
                        + " bit/s/Hz%n", nt, s[runs / 2], s[0], s[runs - 1], last.status().jsonName(),
                        last.iterations(), last.objective() == null ? Double.NaN : last.objective());
            } catch (DesignException e) {
                out.printf(Locale.ROOT, "Nt = %2d: rejected: %s%n", nt, e.getMessage());
            }
            out.flush();
        }
        out.println("machine: " + EvalBench.machine());
        out.flush();
    }
}
