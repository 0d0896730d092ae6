package io.fresnel.design.speb;

import io.fresnel.design.DesignException;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import java.util.List;

/**
 * The checks and requirements paper 003's designs share: a sensing block and at least one target
 * (the SPEB needs them), the users' SINR requirements Gamma_k = 2^R_min,k - 1 (paper 003, after
 * (24)), the partially connected architecture of the hybrid designs, and the final check of a
 * designed precoder with the metric code.
 */
final class SpebInputs {
    /** Relative tolerance of the final check (as paper 004's designs). */
    static final double CHECK_TOLERANCE = 1e-6;

    private SpebInputs() {
    }

    /**
     * @param scenario the scenario
     * @param name the design's name
     * @throws DesignException naming the missing field
     */
    static void checkSensing(Scenario scenario, String name) throws DesignException {
        if (scenario.targets().isEmpty()) {
            throw new DesignException(name + ": targets: the scenario has no target to localise (the SPEB needs one)");
        }
        if (scenario.sensing() == null) {
            throw new DesignException(name + ": sensing: the scenario has no sensing block (snapshots, noise_w)");
        }
        if (scenario.users().size() > 64) {
            throw new DesignException(name + ": users: " + scenario.users().size()
                    + " users are more than the 64 this SDR design handles");
        }
    }

    /**
     * Checks the partially connected architecture of the hybrid designs (paper 003 (1)).
     *
     * @param scenario the scenario
     * @param name the design's name
     * @param streams the streams the design must carry (the users)
     * @return N_RF
     * @throws DesignException naming {@code architecture.kind} or {@code architecture.rf_chains}
     */
    static int partialChains(Scenario scenario, String name, int streams) throws DesignException {
        if (scenario.architecture() == null || scenario.architecture().kind() != ArchitectureKind.HYBRID_PARTIAL) {
            throw new DesignException(name + ": architecture.kind must be hybrid-partial (paper 003's partially"
                    + " connected array); the scenario's is "
                    + (scenario.architecture() == null ? "digital" : scenario.architecture().kind().key()));
        }
        int chains = scenario.architecture().rfChains();
        int n = scenario.txArray().positions().size();
        if (n % chains != 0) {
            throw new DesignException(name + ": architecture.rf_chains = " + chains + " does not divide the " + n
                    + " transmit elements (a partially connected array needs N divisible by rf_chains)");
        }
        if (chains < streams) {
            throw new DesignException(name + ": architecture.rf_chains = " + chains + " is fewer than the " + streams
                    + " user streams");
        }
        return chains;
    }

    /** @return per user Gamma_k = 2^min_rate - 1, or 0 without a (positive) requirement */
    static double[] sinrRequirements(List<CommNode> users) {
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
     * @param required per user Gamma_k
     * @param users the users
     * @return what the precoder violates beyond {@link #CHECK_TOLERANCE}, or null
     */
    static String violation(Metrics metrics, double power, double[] required, List<CommNode> users) {
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
                sb.append("user ").append(users.get(u).id()).append(" SINR ").append(um.sinr())
                        .append(" < required ").append(required[u]);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
