package io.fresnel.ui;

import io.fresnel.design.stochastic.SlbDesign;
import io.fresnel.design.stochastic.SsjbDesign;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The power splits of paper 002's beamformers as the property sheet shows them (sliders in
 * [0, 1]): {@code ssjb} has tau and alpha, {@code slb} tau1, tau2, tau3 (tau4 is the rest). The
 * values live in the scenario's solver block, which the designs read; an edit that would make
 * SLB's taus sum above 1 scales the other two down so that the sum is 1. No JavaFX here.
 */
final class PowerSplits {
    /**
     * One slider.
     *
     * @param key the solver parameter
     * @param label the row's name
     * @param description its tooltip
     * @param defaultValue the design's default
     */
    record Split(String key, String label, String description, double defaultValue) {
    }

    private static final List<Split> SSJB = List.of(
            new Split("tau", "tau (user's power)", "power fraction of the user's stream; the rest is AN",
                    SsjbDesign.DEFAULT_TAU),
            new Split("alpha", "alpha (towards the target)", "amplitude of the information beam along the target",
                    SsjbDesign.DEFAULT_ALPHA));
    private static final List<Split> SLB = List.of(
            new Split("tau1", "tau1 (user's power)", "power fraction of the user's beam", SlbDesign.DEFAULT_TAU1),
            new Split("tau2", "tau2 (AN)", "power fraction of the AN outside the user's direction",
                    SlbDesign.DEFAULT_TAU2),
            new Split("tau3", "tau3 (target beam)", "power fraction towards the target; tau4 = 1 - tau1 - tau2 - tau3"
                    + " goes to the derivative beam", SlbDesign.DEFAULT_TAU3));

    private PowerSplits() {
    }

    /**
     * @param algorithm a design name, or null
     * @return its sliders (empty unless ssjb or slb)
     */
    static List<Split> of(String algorithm) {
        if ("ssjb".equals(algorithm)) {
            return SSJB;
        }
        if ("slb".equals(algorithm)) {
            return SLB;
        }
        return List.of();
    }

    /**
     * @param s the scenario
     * @param split a slider
     * @return the value in the solver block, or the design's default
     */
    static double value(Scenario s, Split split) {
        if (s.solver() != null && s.solver().parameters().get(split.key()) instanceof Number n) {
            return n.doubleValue();
        }
        return split.defaultValue();
    }

    /**
     * @param s the scenario
     * @param algorithm ssjb or slb
     * @param key the parameter
     * @param value the new value (clamped to [0, 1])
     * @return the scenario with the solver block naming the algorithm and holding the value
     */
    static Scenario with(Scenario s, String algorithm, String key, double value) {
        double v = Math.max(0, Math.min(1, value));
        Map<String, Object> p = new LinkedHashMap<>(s.solver() != null ? s.solver().parameters() : Map.of());
        p.put(key, v);
        if ("slb".equals(algorithm)) {
            double others = 0;
            for (Split sp : SLB) {
                if (!sp.key().equals(key)) {
                    others += value(s, sp);
                }
            }
            if (v + others > 1 && others > 0) {
                double scale = (1 - v) / others;
                for (Split sp : SLB) {
                    if (!sp.key().equals(key)) {
                        p.put(sp.key(), value(s, sp) * scale);
                    }
                }
            }
        }
        return s.withSolver(new SolverSpec(algorithm, p));
    }
}
