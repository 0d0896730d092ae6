package io.fresnel.ui;

import io.fresnel.model.Scenario;
import io.fresnel.stochastic.ExactAnalysis;
import io.fresnel.stochastic.Outputs;
import io.fresnel.stochastic.StochasticQuery;
import io.fresnel.stochastic.StochasticQuery.PowerSplit;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import io.fresnel.sweep.Paper002Sweep;
import io.fresnel.sweep.StochasticGrid;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Stochastic panel shows for a paper-002 beamformer, computed off the FX thread: the
 * exact ergodic outputs of the current power split, the ESR over the split map (SSJB: (tau,
 * alpha); SLB: (tau1, tau2) with tau3 = tau4 = the rest halved) and the tradeoff boundaries of
 * Fig. 4. The random network is the paper's (Rayleigh user and eavesdropper, uniform target
 * angle, the paper's gains and noise); the scene gives N, M, Ne, P and L. No JavaFX here.
 */
final class StochasticMaps {
    /** Grid points per axis of the map. */
    static final int POINTS = 11;

    /**
     * The panel's content.
     *
     * @param key what the map depends on (the scheme and the scene's sizes and power)
     * @param scheme the scheme
     * @param split the current split
     * @param current the exact outputs at the current split
     * @param map the grid points (null when not recomputed: reuse the previous one)
     * @param boundaries the Fig. 4 boundaries (null with map)
     */
    record View(String key, Scheme scheme, PowerSplit split, Outputs current, List<StochasticGrid.Point> map,
            Map<String, double[][]> boundaries) {
    }

    private StochasticMaps() {
    }

    /**
     * @param algorithm the beamformer
     * @return its scheme, or null when it is not a paper-002 beamformer
     */
    static Scheme scheme(String algorithm) {
        return "ssjb".equals(algorithm) ? Scheme.SSJB : "slb".equals(algorithm) ? Scheme.SLB : null;
    }

    /**
     * @param s the scene
     * @param scheme the scheme
     * @return the current split from the scene's solver block (the designs' defaults otherwise)
     */
    static PowerSplit split(Scenario s, Scheme scheme) {
        List<PowerSplits.Split> sp = PowerSplits.of(scheme.key());
        if (scheme == Scheme.SSJB) {
            return PowerSplit.ssjb(PowerSplits.value(s, sp.get(0)), PowerSplits.value(s, sp.get(1)));
        }
        double t1 = PowerSplits.value(s, sp.get(0));
        double t2 = PowerSplits.value(s, sp.get(1));
        double t3 = PowerSplits.value(s, sp.get(2));
        double sum = t1 + t2 + t3;
        double scale = sum > 1 ? 1 / sum : 1;
        return PowerSplit.slb(t1 * scale, t2 * scale, t3 * scale);
    }

    /**
     * @param s the scene
     * @param scheme the scheme
     * @return the paper's random network with the scene's N (at least 4), M, Ne, P and L
     */
    static StochasticQuery query(Scenario s, Scheme scheme) {
        StochasticQuery paper = StochasticQuery.paperSetup(scheme, split(s, scheme));
        int n = Math.max(4, s.txArray().positions().size());
        int m = Math.max(2, s.receiveArray().positions().size());
        int ne = s.sensingEavesdroppers().isEmpty() ? paper.seveElements()
                : Math.max(2, s.sensingEavesdroppers().get(0).array().positions().size());
        double p = s.transmitPowerW() != null ? s.transmitPowerW() : paper.powerW();
        int l = s.sensing() != null ? s.sensing().snapshots() : paper.snapshots();
        return new StochasticQuery(scheme, paper.split(), n, m, ne, p, l, paper.gains(), paper.noise(),
                paper.deltaRad(), paper.thresholds(), 1, 1);
    }

    /**
     * @param q the query
     * @return the key of its map (everything but the split)
     */
    static String key(StochasticQuery q) {
        return q.scheme() + "/" + q.txElements() + "/" + q.rxElements() + "/" + q.seveElements() + "/" + q.powerW()
                + "/" + q.snapshots();
    }

    /**
     * Computes the view; the map only when its key differs from {@code previousKey}.
     *
     * @param q the query of the current split
     * @param previousKey the key of the map already shown, or null
     * @return the view
     * @throws InterruptedException when interrupted
     */
    static View compute(StochasticQuery q, String previousKey) throws InterruptedException {
        Outputs current = ExactAnalysis.evaluate(q).outputs();
        String key = key(q);
        if (key.equals(previousKey)) {
            return new View(key, q.scheme(), q.split(), current, null, null);
        }
        List<Double> axis = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            axis.add(i / (POINTS - 1.0));
        }
        List<StochasticGrid.Point> map = StochasticGrid.evaluate(List.of(q.scheme()), axis, q, false, 1,
                new PrintWriter(Writer.nullWriter()));
        return new View(key, q.scheme(), q.split(), current, map, Paper002Sweep.boundaries(map, List.of(q.scheme())));
    }

    /**
     * The split a click on the map chooses.
     *
     * @param scheme the scheme
     * @param x the first axis value (tau or tau1), clamped to [0, 1]
     * @param y the second (alpha or tau2), clamped; for SLB clipped to tau1 + tau2 &lt;= 1
     * @return the split
     */
    static PowerSplit at(Scheme scheme, double x, double y) {
        double a = Math.max(0, Math.min(1, x));
        double b = Math.max(0, Math.min(1, y));
        if (scheme == Scheme.SSJB) {
            return PowerSplit.ssjb(a, b);
        }
        b = Math.min(b, 1 - a);
        return PowerSplit.slb(a, b, (1 - a - b) / 2);
    }

    /**
     * @param s the scene
     * @param split a split
     * @return the scene with the split in its solver block
     */
    static Scenario apply(Scenario s, PowerSplit split, Scheme scheme) {
        if (scheme == Scheme.SSJB) {
            return PowerSplits.with(PowerSplits.with(s, "ssjb", "tau", split.tau1()), "ssjb", "alpha", split.alpha());
        }
        Scenario t = PowerSplits.with(s, "slb", "tau1", 0);
        t = PowerSplits.with(t, "slb", "tau2", 0);
        t = PowerSplits.with(t, "slb", "tau3", split.tau3());
        t = PowerSplits.with(t, "slb", "tau2", split.tau2());
        return PowerSplits.with(t, "slb", "tau1", split.tau1());
    }
}
