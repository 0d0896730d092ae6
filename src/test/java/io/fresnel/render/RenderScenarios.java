package io.fresnel.render;

import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import java.util.List;

/** Small scenarios for the render tests, written as scenario-file text, and copies with moved nodes. */
final class RenderScenarios {
    private RenderScenarios() {
    }

    static Scenario parse(String json) {
        try {
            return ScenarioReader.readScenario(json);
        } catch (ScenarioFormatException e) {
            throw new AssertionError("test scenario rejected: " + e.getMessage(), e);
        }
    }

    private static final String COL_A = "[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05], [0.1, 0.1], [-0.2, 0.15]]";
    private static final String COL_B = "[[0.1, -0.3], [0.05, 0.2], [0.3, 0.1], [-0.2, -0.1], [0.15, 0.0], [0.1, -0.25]]";
    private static final String COL_C = "[[-0.2, 0.1], [0.3, 0.3], [0.0, -0.15], [0.1, 0.2], [-0.3, 0.05], [0.2, 0.1]]";
    private static final String COL_D = "[[0.05, 0.2], [-0.1, 0.1], [0.2, 0.0], [0.1, -0.3], [0.2, 0.2], [-0.1, -0.05]]";

    /**
     * 2-D at 3.5 GHz: 6-element Tx ULA on the y axis, 5-element Rx ULA, users u1 and u2, an
     * eavesdropper e1 (when {@code withEve}), targets t1 and t2 (t1 eavesdrops when
     * {@code targetEavesdrops}); SDMA streams private u1, private u2, sensing, or with
     * {@code rsma} a common stream first.
     */
    static Scenario planar(String phase, String amplitude, boolean rsma, boolean withEve, boolean targetEavesdrops) {
        String streams = (rsma ? "{\"role\": \"common\"}, " : "")
                + "{\"role\": \"private\", \"user\": \"u1\"}, {\"role\": \"private\", \"user\": \"u2\"},"
                + " {\"role\": \"sensing\"}";
        String cols = (rsma ? COL_D + ", " : "") + COL_A + ", " + COL_B + ", " + COL_C;
        return parse("""
            {"format": "fresnel-scenario/1", "name": "render test", "dimension": 2, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "%s", "amplitude": "%s", "reference_m": [0, 0.02, 0]},
             "tx_array": {"ula": {"elements": 6, "spacing_m": 0.0428, "axis": "y", "center_m": [0, 0, 0]}},
             "rx_array": {"ula": {"elements": 5, "spacing_m": 0.0428, "axis": "y", "center_m": [0, -0.3, 0]}},
             "sensing": {"snapshots": 64, "noise_w": 1e-9},
             "users": [{"id": "u1", "position_m": [3, 1, 0], "noise_w": 1e-9},
                       {"id": "u2", "position_m": [2, -1.5, 0], "noise_w": 2e-9}],
             "eavesdroppers": [%s],
             "targets": [{"id": "t1", "position_m": [2.0, 0.8, 0], "reflection": [0.01, 0.004]%s},
                         {"id": "t2", "position_m": [1.5, -1.1, 0], "reflection": [-0.006, 0.008]}],
             "precoder": {"streams": [%s], "columns": [%s]}}
            """.formatted(phase, amplitude,
                withEve ? "{\"id\": \"e1\", \"position_m\": [2.5, 0.3, 0], \"noise_w\": 1e-5}" : "",
                targetEavesdrops ? ", \"eavesdropper\": true, \"noise_w\": 2e-5" : "", streams, cols));
    }

    /** 3-D at 3.5 GHz: 4 x 3 UPA in the plane z = 0.1, user u1, targets t1 and t2, 3 streams. */
    static Scenario spatial(String phase, String amplitude) {
        StringBuilder[] c = new StringBuilder[3];
        java.util.Random rnd = new java.util.Random(11);
        for (int s = 0; s < 3; s++) {
            c[s] = new StringBuilder("[");
            for (int i = 0; i < 12; i++) {
                c[s].append(i == 0 ? "" : ", ").append("[").append(0.2 * rnd.nextGaussian()).append(", ")
                        .append(0.2 * rnd.nextGaussian()).append("]");
            }
            c[s].append("]");
        }
        return parse("""
            {"format": "fresnel-scenario/1", "name": "render 3-D test", "dimension": 3, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "%s", "amplitude": "%s"},
             "tx_array": {"upa": {"elements_x": 4, "elements_y": 3, "spacing_m": 0.0428, "center_m": [0, 0, 0.1]}},
             "sensing": {"snapshots": 32, "noise_w": 1e-9},
             "users": [{"id": "u1", "position_m": [1.5, 1, 2], "noise_w": 1e-9}],
             "targets": [{"id": "t1", "position_m": [1.0, 0.7, 1.5], "reflection": [0.01, 0.004]},
                         {"id": "t2", "position_m": [-0.8, 0.4, 2.2], "reflection": [-0.006, 0.008]}],
             "precoder": {"streams": [{"role": "private", "user": "u1"}, {"role": "sensing"}, {"role": "sensing"}],
                          "columns": [%s, %s, %s]}}
            """.formatted(phase, amplitude, c[0], c[1], c[2]));
    }

    static Scenario withUsers(Scenario s, List<CommNode> users) {
        return new Scenario(s.name(), s.dimension(), s.carrierFrequencyHz(), s.speedOfLightMS(), s.propagation(),
                s.txArray(), s.rxArray(), s.transmitPowerW(), s.architecture(), s.sensing(), users, s.eavesdroppers(),
                s.targets(), s.sensingEavesdroppers(), s.precoder(), s.solver());
    }

    static Scenario withEavesdroppers(Scenario s, List<CommNode> eves) {
        return new Scenario(s.name(), s.dimension(), s.carrierFrequencyHz(), s.speedOfLightMS(), s.propagation(),
                s.txArray(), s.rxArray(), s.transmitPowerW(), s.architecture(), s.sensing(), s.users(), eves,
                s.targets(), s.sensingEavesdroppers(), s.precoder(), s.solver());
    }

    static Scenario withTargets(Scenario s, List<Target> targets) {
        return new Scenario(s.name(), s.dimension(), s.carrierFrequencyHz(), s.speedOfLightMS(), s.propagation(),
                s.txArray(), s.rxArray(), s.transmitPowerW(), s.architecture(), s.sensing(), s.users(),
                s.eavesdroppers(), targets, s.sensingEavesdroppers(), s.precoder(), s.solver());
    }
}
