package io.fresnel.design.speb;

import io.fresnel.design.DesignException;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.Scenario;

/**
 * The checks and requirements paper 003's designs share: a sensing block and at least one target
 * (the SPEB needs them) and the partially connected architecture of the hybrid designs (the SINR
 * requirements and the final check are {@link io.fresnel.design.common.SinrRequirements}).
 */
final class SpebInputs {
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
}
