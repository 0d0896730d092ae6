package io.fresnel.design.common;

import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.CommNode;
import java.util.List;

/**
 * The users' SINR requirements Gamma_u = 2^min_rate - 1 (SCENARIO.md {@code min_rate_bps_hz};
 * paper 004 (28c), paper 003 after (24)) and the final check of a designed precoder against them
 * and the power budget with the metric code, shared by the SDR designs of papers 003 and 004.
 */
public final class SinrRequirements {
    /** Relative tolerance of the final check (golden/solver/README.md). */
    public static final double CHECK_TOLERANCE = 1e-6;

    private SinrRequirements() {
    }

    /** @return per user Gamma_u = 2^min_rate - 1, or 0 without a (positive) requirement */
    public static double[] of(List<CommNode> users) {
        double[] g = new double[users.size()];
        for (int u = 0; u < g.length; u++) {
            Double r = users.get(u).minRateBpsHz();
            g[u] = r != null && r > 0 ? Math.pow(2, r) - 1 : 0;
        }
        return g;
    }

    /**
     * @param metrics the metrics of the designed precoder
     * @param power the budget (W)
     * @param required per user Gamma_u (0: none)
     * @param users the users
     * @return what the precoder violates beyond {@link #CHECK_TOLERANCE}, or null
     */
    public static String violation(Metrics metrics, double power, double[] required, List<CommNode> users) {
        StringBuilder sb = new StringBuilder();
        Double used = metrics.system().transmitPowerW();
        if (used == null || used > power * (1 + CHECK_TOLERANCE)) {
            sb.append("transmit power ").append(used).append(" W exceeds ").append(power).append(" W");
        }
        for (int u = 0; u < required.length; u++) {
            if (required[u] <= 0) {
                continue;
            }
            UserMetrics um = metrics.users().get(u);
            if (um.sinr() == null || um.sinr() < required[u] * (1 - CHECK_TOLERANCE)) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append("user ").append(users.get(u).id()).append(" SINR ").append(um.sinr()).append(" < required ")
                        .append(required[u]);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
