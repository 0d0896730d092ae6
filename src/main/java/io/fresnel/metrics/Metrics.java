package io.fresnel.metrics;

import java.util.List;

/**
 * Every metric of one scenario (SCENARIO.md section 2), in scenario order. Without a precoder
 * every node is listed with no values and the system values are all null.
 *
 * @param users per user
 * @param eavesdroppers per external eavesdropper
 * @param targets per target
 * @param sensingEavesdroppers per sensing eavesdropper
 * @param system system-wide values
 */
public record Metrics(List<UserMetrics> users, List<EavesdropperMetrics> eavesdroppers, List<TargetMetrics> targets,
        List<SensingEavesdropperBounds.Result> sensingEavesdroppers, SystemMetrics system) {

    /** Copies the lists. */
    public Metrics {
        users = List.copyOf(users);
        eavesdroppers = List.copyOf(eavesdroppers);
        targets = List.copyOf(targets);
        sensingEavesdroppers = List.copyOf(sensingEavesdroppers);
    }
}
