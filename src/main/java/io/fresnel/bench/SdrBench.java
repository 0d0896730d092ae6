package io.fresnel.bench;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.Architecture;
import io.fresnel.model.CommNode;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.Sensing;
import io.fresnel.model.Target;
import io.fresnel.model.UniformPlanarArray;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code fresnel bench --sdr}: times the whole {@code crb-min-sdr} design (paper 004 P1 via the
 * reduced SDR1.3, rank-one reconstruction and the metric check of the result) on 3-D bistatic
 * n x n UPA pairs at 28 GHz, exact phase and spherical amplitude, in the geometry of paper 004
 * section VI: transmit UPA centred at the origin in z = 0, receive UPA centred at (0, 0, D_z) with
 * D_z = d_nf / 10, d_nf = 2 D^2 / lambda, D = sqrt(2) n lambda / 2; targets at (0, 0, 3 D_z/4) and
 * (0, D_z/8, D_z/3), users at (0, 0, D_z/4) and (0, -D_z/12, 2 D_z/3) needing 10 dB SINR each;
 * P = 10 dBm, noise -50 dBm, 100 snapshots, b = 1.
 */
final class SdrBench {
    private SdrBench() {
    }

    /**
     * @param out where to print
     * @param warmup untimed runs per configuration
     * @param runs timed runs per configuration
     */
    static void run(PrintWriter out, int warmup, int runs) {
        out.println("benchmark: crb-min-sdr (paper 004 P1, reduced SDR1.3), 3-D bistatic UPA pair, 28 GHz, exact/spherical,"
                + " 2 targets, 10 dB SINR per user");
        out.printf(Locale.ROOT, "runs: %d per configuration (after %d warm-up)%n", runs, warmup);
        for (int n : new int[] {16, 48}) {
            for (int users = 1; users <= 2; users++) {
                Scenario sc = scenario(n, users);
                double[] ms = new double[runs];
                DesignResult last = null;
                try {
                    for (int i = 0; i < warmup; i++) {
                        Designs.byName("crb-min-sdr").run(sc, DesignContext.none());
                    }
                    for (int i = 0; i < runs; i++) {
                        long t0 = System.nanoTime();
                        last = Designs.byName("crb-min-sdr").run(sc, DesignContext.none());
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                } catch (DesignException e) {
                    out.println(n + "x" + n + ", " + users + " user(s): rejected: " + e.getMessage());
                    continue;
                }
                Arrays.sort(ms);
                out.printf(Locale.ROOT, "%dx%d UPA (N = M = %d), %d user(s): median %.1f ms, min %.1f, max %.1f; status %s, "
                        + "sum CRB %.6e m^2, %d iterations, %d streams%n", n, n, n * n, users, ms[runs / 2], ms[0],
                        ms[runs - 1], last.status().jsonName(), last.objective(), last.iterations(),
                        last.precoder() == null ? 0 : last.precoder().streams().size());
            }
        }
        out.println("machine: " + EvalBench.machine());
        out.flush();
    }

    /** @return the benchmark scenario with an n x n UPA pair and 1 or 2 users (deterministic) */
    static Scenario scenario(int n, int users) {
        double f = 28e9;
        double lambda = Scenario.SPEED_OF_LIGHT_M_S / f;
        double spacing = lambda / 2;
        double aperture = Math.sqrt(2) * n * spacing;
        double dz = 2 * aperture * aperture / lambda / 10;
        UniformPlanarArray tx = new UniformPlanarArray(n, n, spacing, Vec3.ZERO);
        UniformPlanarArray rx = new UniformPlanarArray(n, n, spacing, new Vec3(0, 0, dz));
        Propagation prop = new Propagation(PhaseModel.EXACT, AmplitudeModel.SPHERICAL, null);
        double rate = Math.log(1 + 10) / Math.log(2);
        List<CommNode> us = new ArrayList<>();
        us.add(new CommNode("u1", new Vec3(0, 0, dz / 4), 1e-8, null, rate));
        if (users > 1) {
            us.add(new CommNode("u2", new Vec3(0, -dz / 12, 2 * dz / 3), 1e-8, null, rate));
        }
        List<Target> targets = List.of(
                new Target("t1", new Vec3(0, 0, 3 * dz / 4), new Complex(1, 0), false, null, null, null),
                new Target("t2", new Vec3(0, dz / 8, dz / 3), new Complex(1, 0), false, null, null, null));
        return new Scenario("benchmark: crb-min-sdr, " + n + "x" + n + " UPA pair", 3, f, Scenario.SPEED_OF_LIGHT_M_S,
                prop, tx, rx, 0.01, Architecture.DIGITAL, new Sensing(100, 1e-8), us, List.of(), targets, List.of(),
                null, null);
    }
}
