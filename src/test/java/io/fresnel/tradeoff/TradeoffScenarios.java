package io.fresnel.tradeoff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Small scenes for the front tests (N <= 16, so that every design run takes well under a second). */
final class TradeoffScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TradeoffScenarios() {
    }

    /** Paper 004's kind of scene: 2-D ULA N = 12, exact/spherical, 2 users (2 bit/s/Hz), 2 targets, crb-min-sdr. */
    static Scenario sdrTwoUsers() {
        return read(resource("/io/fresnel/tradeoff/sdr-two-users.scenario.json"));
    }

    /** Paper 001's golden set-up reduced to Nt = 4, Nr = 6 (as in the design contract), PCRB bound 1e-4 rad^2. */
    static Scenario secureSmall() {
        try {
            ObjectNode t = (ObjectNode) JSON.readTree(Files.readString(GoldenFiles.goldenDir()
                    .resolve("solver/p_solver_secure_paper001.scenario.json")));
            t.remove("precoder");
            ((ObjectNode) t.get("tx_array").get("ula")).put("elements", 4);
            ((ObjectNode) t.get("rx_array").get("ula")).put("elements", 6);
            ((ObjectNode) t.get("solver")).put("algorithm", "an-secure-pcrb").put("pcrb_max_rad2", 1e-4);
            return read(t.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Paper 000's small set-up reduced to N = 16, M = 8, fully digital, rsma-digital, 8 iterations. */
    static Scenario rsmaSmall() {
        try {
            ObjectNode t = (ObjectNode) JSON.readTree(resource("/io/fresnel/design/rsma/p000_small.scenario.json"));
            ((ObjectNode) t.get("tx_array").get("ula")).put("elements", 16);
            ((ObjectNode) t.get("rx_array").get("ula")).put("elements", 8);
            t.get("users").forEach(u -> ((ObjectNode) u).remove("min_rate_bps_hz"));
            t.remove("architecture");
            ObjectNode solver = t.putObject("solver");
            solver.put("algorithm", "rsma-digital");
            solver.put("crb_angle_max_rad2", 1e-5);
            solver.put("crb_range_max_m2", 20.0);
            solver.put("max_iterations", 8);
            solver.put("seed", 7);
            return read(t.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TradeoffScenarios.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Scenario read(String json) {
        try {
            return ScenarioReader.readScenario(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
