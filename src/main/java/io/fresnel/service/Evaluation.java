package io.fresnel.service;

import io.fresnel.design.DesignResult;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;

/**
 * What the background pipeline made of one scenario snapshot: the design (if a beamformer was
 * chosen), the scenario carrying the precoder in force, and its metrics.
 *
 * @param input the snapshot that was submitted
 * @param designed the input with the designed precoder, or the input itself when nothing was
 *     designed (no algorithm, or the design failed)
 * @param metrics the metrics of {@code designed}, or null when it has no precoder or they could
 *     not be computed
 * @param design the design's result, or null when no algorithm was run
 * @param problem why no design or metrics were produced (shown to the user), or null
 * @param generation the client's tag of the request (the window's document generation), given to
 *     {@link SolverService#submit(Scenario, String, long)}; 0 when none was given. A client drops an
 *     evaluation whose tag is not its present one: it was computed for a scene no longer shown.
 */
public record Evaluation(Scenario input, Scenario designed, Metrics metrics, DesignResult design, String problem,
        long generation) {

    /**
     * An evaluation without a client tag (generation 0).
     *
     * @param input the snapshot that was submitted
     * @param designed the input with the precoder in force
     * @param metrics the metrics of {@code designed}, or null
     * @param design the design's result, or null
     * @param problem why no design or metrics were produced, or null
     */
    public Evaluation(Scenario input, Scenario designed, Metrics metrics, DesignResult design, String problem) {
        this(input, designed, metrics, design, problem, 0);
    }
}
