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
 */
public record Evaluation(Scenario input, Scenario designed, Metrics metrics, DesignResult design, String problem) {
}
