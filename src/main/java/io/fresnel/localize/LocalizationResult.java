package io.fresnel.localize;

import io.fresnel.math.Vec3;
import java.util.List;

/**
 * The outcome of a Monte-Carlo MUSIC localisation run.
 *
 * @param targets per target, in scenario order
 * @param estimates per trial, per target (scenario order), the estimate (m)
 * @param region the search region used
 */
public record LocalizationResult(List<TargetSummary> targets, List<List<Vec3>> estimates, SearchRegion region) {

    /** Copies the lists. */
    public LocalizationResult {
        targets = List.copyOf(targets);
        estimates = estimates.stream().map(List::copyOf).toList();
    }

    /**
     * One target's statistics over the trials.
     *
     * @param id the target's id
     * @param truthM its position (m)
     * @param meanEstimateM the mean estimate (m)
     * @param rmseM sqrt(mean ||p_hat - p||^2) (m)
     * @param biasM ||mean p_hat - p|| (m)
     * @param pebM the position error bound sqrt(SPEB) of the metrics (m), or null when the FIM is
     *     singular
     */
    public record TargetSummary(String id, Vec3 truthM, Vec3 meanEstimateM, double rmseM, double biasM, Double pebM) {
    }
}
