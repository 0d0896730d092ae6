package io.fresnel.bench;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.design.ProgressListener;
import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The benchmark behind {@code fresnel bench --rsma}: paper 000's designs on its default set-up
 * (the preset {@code paper-000-rsma.json}: N = 128, M = 64, L = 8, K = 4, 30 GHz, 20 dBm,
 * -84 dBm, T = 1000). For {@code rsma-digital} and {@code rsma-hybrid}: the time to converge from a
 * cold start, then, after a small drag (user u1 moved by {@link #DRAG_M} in x and y), the time to
 * the first feasible intermediate precoder and to convergence when warm-started from the previous
 * result, which is what the window does while a user drags.
 */
final class RsmaBench {
    /** The drag applied to user u1 in x and in y (m). */
    static final double DRAG_M = 0.05;
    static final String[] DESIGNS = {"rsma-digital", "rsma-hybrid"};

    private RsmaBench() {
    }

    /** @return the paper 000 default set-up */
    static Scenario scenario() {
        return Presets.byFile("paper-000-rsma.json");
    }

    /**
     * One timed run: the result, seconds to the first feasible intermediate (NaN: none) and in
     * all (wall clock), and the CPU seconds of the thread that ran it (NaN when the JVM cannot
     * measure them; on a machine shared with other work the CPU time is the fairer figure).
     */
    record Timed(DesignResult result, double firstFeasibleS, double totalS, double cpuS) {
    }

    /** @return the K = 6, two-target variant: users u5, u6 and a sensing-only target t2 added to the preset */
    static Scenario sixUsersTwoTargets() {
        Scenario sc = scenario();
        sc = ScenarioEdits.add(sc, NodeKind.USER, polar(15, 20));
        sc = ScenarioEdits.add(sc, NodeKind.USER, polar(18, 65));
        return ScenarioEdits.add(sc, NodeKind.TARGET, polar(14, 40));
    }

    /** @return the point at range r (m) and angle deg (degrees) from the origin, in the paper's [10, 20] m x [0, 90] deg */
    private static Vec3 polar(double r, double deg) {
        double a = Math.toRadians(deg);
        return new Vec3(r * Math.cos(a), r * Math.sin(a), 0);
    }

    static Timed time(Scenario sc, String algorithm, Precoder warm) throws DesignException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        double[] first = {Double.NaN};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onIteration(int iteration, double objective, String message) {
            }

            @Override
            public void onFeasible(int iteration, Precoder precoder) {
                if (Double.isNaN(first[0])) {
                    first[0] = (System.nanoTime() - t0) * 1e-9;
                }
            }
        };
        DesignResult r = Designs.byName(algorithm).run(sc.withPrecoder(null), new DesignContext(() -> false, listener,
                warm));
        double total = (System.nanoTime() - t0) * 1e-9;
        return new Timed(r, first[0], total, cpu ? (threads.getCurrentThreadCpuTime() - c0) * 1e-9 : Double.NaN);
    }

    static void run(PrintWriter out) {
        Scenario sc = scenario();
        out.println("benchmark: paper 000 designs on the default set-up (" + sc.name() + ")");
        Vec3 u1 = ScenarioEdits.position(sc, "u1");
        Scenario dragged = ScenarioEdits.move(sc, "u1", new Vec3(u1.x() + DRAG_M, u1.y() + DRAG_M, u1.z()));
        for (String name : DESIGNS) {
            try {
                Timed cold = time(sc, name, null);
                print(out, name + " cold start", cold);
                if (cold.result().precoder() != null) {
                    Timed warm = time(dragged, name, cold.result().precoder());
                    print(out, name + " after a " + DRAG_M + " m drag of u1, warm-started", warm);
                }
            } catch (DesignException e) {
                out.printf(Locale.ROOT, "%s: rejected: %s%n", name, e.getMessage());
            }
            out.flush();
        }
        try {
            print(out, "rsma-hybrid, K = 6 users, two targets (one eavesdropping), cold start",
                    time(sixUsersTwoTargets(), "rsma-hybrid", null));
        } catch (DesignException e) {
            out.printf(Locale.ROOT, "rsma-hybrid K = 6: rejected: %s%n", e.getMessage());
        }
        out.println("machine: " + EvalBench.machine() + " (wall times depend on the load of the machine; cpu is"
                + " the design thread's own time)");
        out.flush();
    }

    private static void print(PrintWriter out, String what, Timed t) {
        DesignResult r = t.result();
        out.printf(Locale.ROOT, "%s: %s, %d surrogate solves, first feasible after %.3f s, total %.3f s (cpu %.3f s), min"
                + " secrecy %.9f bit/s/Hz%n", what, r.status().jsonName(), r.iterations(), t.firstFeasibleS(),
                t.totalS(), t.cpuS(), r.objective() == null ? Double.NaN : r.objective());
    }
}
