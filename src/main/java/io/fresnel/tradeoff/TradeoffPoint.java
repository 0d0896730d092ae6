package io.fresnel.tradeoff;

import io.fresnel.design.DesignResult;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;

/**
 * One level of a front: the design run at that level and its evaluation.
 *
 * @param level the swept level (SI: the SINR requirement Gamma linear, or the bound in m^2 or rad^2)
 * @param state what came of the run
 * @param design the design's result, or null when it threw (see {@code message})
 * @param designed the scene at this level with the designed precoder, or null without a precoder
 * @param metrics the metrics of {@code designed} ({@link io.fresnel.metrics.MetricsEvaluator}), or null
 * @param sensing the sensing measure (SI, lower is better), NaN without metrics
 * @param communication the communication measure (higher is better), NaN without metrics
 * @param dominated true when another feasible point of the front is better in one measure and no
 *     worse in the other (always false for a point that is not feasible)
 * @param message why the point is not feasible, or the design's note; may be null
 */
public record TradeoffPoint(double level, State state, DesignResult design, Scenario designed, Metrics metrics,
        double sensing, double communication, boolean dominated, String message) {

    /** What came of a level's design run. */
    public enum State {
        /** A precoder was designed and every constraint of the level holds on re-evaluation. */
        FEASIBLE("feasible"),
        /** The design reports that no precoder meets the level (no precoder). */
        INFEASIBLE("infeasible"),
        /** A precoder was designed but re-evaluation finds a constraint missed (it is not on the front). */
        VIOLATED("violates a constraint"),
        /** The design threw, ended without a result (unbounded) or its metrics could not be computed. */
        FAILED("failed");

        private final String text;

        State(String text) {
            this.text = text;
        }

        /** @return the state in words */
        public String text() {
            return text;
        }
    }

    /** @return whether the point is feasible (it may still be dominated) */
    public boolean feasible() {
        return state == State.FEASIBLE;
    }

    /**
     * @param flag the dominance flag
     * @return a copy with it
     */
    TradeoffPoint withDominated(boolean flag) {
        return new TradeoffPoint(level, state, design, designed, metrics, sensing, communication, flag, message);
    }
}
