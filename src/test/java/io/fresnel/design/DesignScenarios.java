package io.fresnel.design;

import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;

/** Small scenarios for the design tests, written as scenario-file text, and helpers to judge designs. */
public final class DesignScenarios {
    /** The power budget of every scenario here (W). */
    public static final double POWER_W = 2.0;

    public static final String THREE_USERS = """
        {"id": "u1", "position_m": [3, 1, 0], "noise_w": 1e-9},
        {"id": "u2", "position_m": [4, -2, 0], "noise_w": 2e-9},
        {"id": "u3", "position_m": [2.5, 0.2, 0], "noise_w": 1.5e-9}""";

    public static final String ONE_USER = """
        {"id": "u1", "position_m": [3, 1, 0], "noise_w": 1e-9}""";

    public static final String TWO_TARGETS = """
        {"id": "t1", "position_m": [2.0, 0.8, 0], "reflection": [0.01, 0.004]},
        {"id": "t2", "position_m": [1.5, -1.1, 0], "reflection": [-0.006, 0.008]}""";

    private DesignScenarios() {
    }

    /**
     * A 2-D scenario at 3.5 GHz: an 8-element ULA along y centred at the origin, P = 2 W.
     *
     * @param phase phase model key
     * @param amplitude amplitude model key
     * @param users the users' JSON objects (comma separated, may be empty)
     * @param targets the targets' JSON objects (comma separated, may be empty)
     * @param extra further top-level members, each followed by a comma (may be empty)
     */
    public static Scenario scenario(String phase, String amplitude, String users, String targets, String extra) {
        try {
            return ScenarioReader.readScenario(json(phase, amplitude, users, targets, extra));
        } catch (ScenarioFormatException e) {
            throw new AssertionError("test scenario rejected: " + e.getMessage(), e);
        }
    }

    /** @return the scenario file text of {@link #scenario(String, String, String, String, String)} */
    public static String json(String phase, String amplitude, String users, String targets, String extra) {
        return """
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "%s", "amplitude": "%s"},
             "tx_array": {"ula": {"elements": 8, "spacing_m": 0.0428, "axis": "y", "center_m": [0, 0, 0]}},
             "transmit_power_w": %s, %s
             "sensing": {"snapshots": 64, "noise_w": 1e-9},
             "users": [%s],
             "targets": [%s]}
            """.formatted(phase, amplitude, POWER_W, extra, users, targets);
    }

    /** @return the default near-field scenario (exact phase, unit amplitude) with three users and two targets */
    public static Scenario threeUsers() {
        return scenario("exact", "unit", THREE_USERS, TWO_TARGETS, "");
    }

    /** Runs the design and returns its precoder, failing when it has none. */
    public static Precoder design(String algorithm, Scenario scenario) {
        try {
            DesignResult r = Designs.byName(algorithm).run(scenario, DesignContext.none());
            if (r.precoder() == null) {
                throw new AssertionError(algorithm + " designed no precoder: " + r);
            }
            return r.precoder();
        } catch (DesignException e) {
            throw new AssertionError(algorithm + " rejected the scenario: " + e.getMessage(), e);
        }
    }

    /** @return the metrics of the scenario with the precoder (the metric code is the judge) */
    public static Metrics evaluate(Scenario scenario, Precoder precoder) {
        return MetricsEvaluator.evaluate(scenario.withPrecoder(precoder));
    }

    /** @return |c_u^T p_s|^2 for every stream s at the user (W) */
    public static double[] received(Scenario scenario, Precoder precoder, CommNode user) {
        double[][] c = new ScenarioPhysics(scenario).channelRow(user);
        return new PrecoderColumns(precoder.effective()).streamPowers(c[0], c[1]);
    }
}
