package io.fresnel.bench;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.model.Scenario;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code fresnel bench --speb}: times paper 003's designs on its set-up (Table II scale: 28 GHz,
 * 0.5 m aperture, P = 30 dBm, noise -90 dBm, T = 100, users on the 20 m semicircle with one NLoS
 * scatterer each, 5 bit/s/Hz per user, target at (10, 0.5) m): {@code speb-min-hybrid} and
 * {@code speb-min-digital} for N = 64 with 4 and 8 RF chains and 2 and 3 users (one cold run each
 * after one warm-up on another scene).
 */
final class SpebBench {
    private SpebBench() {
    }

    static void run(PrintWriter out) {
        out.println("benchmark: paper 003 designs, N = 64 ULA (0.5 m aperture), 28 GHz, P = 1 W, noise 1e-12 W,"
                + " 5 bit/s/Hz per user");
        try {
            Designs.byName("speb-min-hybrid").run(SpebScenes.scene(32, 4, 2, 5, 99), DesignContext.none());
        } catch (DesignException e) {
            out.println("warm-up rejected: " + e.getMessage());
        }
        for (String algorithm : new String[] {"speb-min-hybrid", "speb-min-digital"}) {
            for (int chains : new int[] {4, 8}) {
                for (int users : new int[] {2, 3}) {
                    Scenario sc = SpebScenes.scene(64, chains, users, 5, 7);
                    try {
                        long t0 = System.nanoTime();
                        DesignResult r = Designs.byName(algorithm).run(sc, DesignContext.none());
                        double s = (System.nanoTime() - t0) / 1e9;
                        out.printf(Locale.ROOT, "%s N = 64, %d RF chains, %d users: %.2f s, status %s, SPEB %s m^2, %d iterations%n",
                                algorithm, chains, users, s, r.status().jsonName(),
                                r.objective() == null ? "-" : String.format(Locale.ROOT, "%.6e", r.objective()), r.iterations());
                    } catch (DesignException e) {
                        out.println(algorithm + " rejected: " + e.getMessage());
                    }
                }
            }
        }
        out.println("machine: " + EvalBench.machine());
        out.flush();
    }
}
