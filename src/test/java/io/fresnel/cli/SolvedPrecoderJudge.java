package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.Scenario;
import java.nio.file.Path;

/**
 * The judgement of golden/solver/README.md shared by the golden solver tests: the precoder that
 * {@code solve --out} wrote is put into the original scenario and evaluated by the metric code; it must meet
 * the expected file's {@code constraints} (power, SINRs, PCRB bounds, each to 1e-6), and its objective is read
 * by the expected file's objective name.
 */
final class SolvedPrecoderJudge {
    private SolvedPrecoderJudge() {
    }

    /**
     * @param in the scenario given to {@code solve}
     * @param out the scenario {@code solve --out} wrote
     * @return the metrics of the written precoder in the original scenario
     */
    static Metrics evaluateWritten(Path in, Path out) throws Exception {
        Scenario original = ScenarioReader.readScenario(in);
        return MetricsEvaluator.evaluate(original.withPrecoder(ScenarioReader.readScenario(out).precoder()));
    }

    /**
     * Asserts the expected file's constraints: transmit power at most {@code transmit_power_w_max} (1 + 1e-6),
     * every {@code users_sinr_min} met to (1 - 1e-6), every {@code pcrb_upper_approx_rad2_max} met to (1 + 1e-6).
     */
    static void assertMeetsConstraints(String id, Metrics m, JsonNode limits) {
        double pMax = limits.get("transmit_power_w_max").asDouble();
        assertTrue(m.system().transmitPowerW() <= pMax * (1 + 1e-6), id + ": power " + m.system().transmitPowerW());
        if (limits.has("users_sinr_min")) {
            for (UserMetrics u : m.users()) {
                double need = limits.get("users_sinr_min").get(u.id()).asDouble();
                assertTrue(u.sinr() >= need * (1 - 1e-6), id + ": " + u.id() + " SINR " + u.sinr() + " < " + need);
            }
        }
        if (limits.has("pcrb_upper_approx_rad2_max")) {
            double max = limits.get("pcrb_upper_approx_rad2_max").asDouble();
            for (TargetMetrics t : m.targets()) {
                if (t.pcrbUpperApproxRad2() != null) {
                    assertTrue(t.pcrbUpperApproxRad2() <= max * (1 + 1e-6),
                            id + ": " + t.id() + " PCRB " + t.pcrbUpperApproxRad2() + " > " + max);
                }
            }
        }
    }

    /**
     * @param name an expected file's objective name
     * @return that objective of m, or null when the metric code has none
     */
    static Double objective(String id, Metrics m, String name) {
        return switch (name) {
            case "crb_position_sum_m2" -> m.system().crbPositionSumM2();
            case "min_secrecy_rate_bps_hz" -> m.system().minSecrecyRateBpsHz();
            case "min_illumination_w" -> m.targets().stream().mapToDouble(TargetMetrics::illuminationW).min()
                    .orElse(Double.NaN);
            case "min_echo_power_w" -> m.targets().stream().mapToDouble(TargetMetrics::echoPowerW).min()
                    .orElse(Double.NaN);
            default -> throw new AssertionError(id + ": unknown objective " + name);
        };
    }
}
