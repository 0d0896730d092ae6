package io.fresnel.design;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.TargetMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;

/**
 * The design contract ({@link DesignContractChecks}) for every registered design: the factory of
 * the small scenarios each one is checked on. A design added to {@link Designs} without an entry
 * here fails the suite.
 *
 * <p>Set-ups (all small, so that the whole suite runs in seconds):
 * <ul>
 *   <li>closed forms: {@link DesignScenarios#THREE_USERS} and {@link DesignScenarios#TWO_TARGETS}
 *       on an 8-element ULA at 3.5 GHz; {@code two-stage-hybrid} fully (4 RF chains) and
 *       partially (4 chains of 2 antennas) connected;</li>
 *   <li>paper 004's SDR designs: the golden solver cases {@code p_solver_crb_2d_n8} (N = 8) and
 *       {@code p_solver_illum_2d_n12} (N = 12), whose users' rate requirements bind;</li>
 *   <li>paper 001: the golden case {@code p_solver_secure_paper001} reduced to Nt = 4, Nr = 6,
 *       PCRB bound (24) <= 1e-4 rad^2;</li>
 *   <li>paper 000: its small set-up reduced to N = 16, M = 8, L = 4, K = 2, one eavesdropping
 *       target, angle CRB <= 1e-5 rad^2 and range CRB <= 20 m^2 (not for {@code rsma-no-crb},
 *       which has no CRB constraints), {@code max_iterations} = 8, seed 7.</li>
 * </ul>
 */
class RegisteredDesignsContractTest extends DesignContractChecks {
    private static final Objective SUM_RATE = new Objective("sum rate (bit/s/Hz)", Sense.MAXIMISE,
            m -> m.system().sumRateBpsHz());
    private static final Objective MIN_SECRECY = new Objective("min secrecy rate (bit/s/Hz)", Sense.MAXIMISE,
            m -> m.system().minSecrecyRateBpsHz());
    private static final Objective CRB_SUM = new Objective("sum of the targets' position CRBs (m^2)", Sense.MINIMISE,
            m -> m.system().crbPositionSumM2());
    private static final Objective MIN_ILLUMINATION = new Objective("smallest illumination power (W)",
            Sense.MAXIMISE, m -> smallest(m, TargetMetrics::illuminationW));
    private static final Objective MIN_ECHO = new Objective("smallest echo power (W)", Sense.MAXIMISE,
            m -> smallest(m, TargetMetrics::echoPowerW));

    @Override
    protected List<ContractCase> casesFor(Design design) {
        String name = design.name();
        return switch (name) {
            case "isotropic", "mrt", "zf", "rzf", "far-field-steering" ->
                    List.of(new ContractCase("8 antennas, 3 users, 2 targets", baseline(name, ""), SUM_RATE, true));
            case "two-stage-hybrid" -> List.of(
                    new ContractCase("8 antennas, 4 RF chains fully connected, 3 users", baseline(name,
                            "\"architecture\": {\"kind\": \"hybrid-full\", \"rf_chains\": 4},"), SUM_RATE, true),
                    new ContractCase("8 antennas, 4 RF chains partially connected, 3 users", baseline(name,
                            "\"architecture\": {\"kind\": \"hybrid-partial\", \"rf_chains\": 4},"), SUM_RATE, true));
            case "crb-min-sdr" -> List.of(new ContractCase("golden p_solver_crb_2d_n8",
                    golden("p_solver_crb_2d_n8", name), CRB_SUM, false));
            case "illumination-maxmin-sdr" -> List.of(new ContractCase("golden p_solver_illum_2d_n12",
                    golden("p_solver_illum_2d_n12", name), MIN_ILLUMINATION, false));
            case "echo-maxmin-sdr" -> List.of(new ContractCase("golden p_solver_illum_2d_n12",
                    golden("p_solver_illum_2d_n12", name), MIN_ECHO, false));
            case "an-secure-pcrb", "an-secure-pcrb-no-an", "an-secure-pcrb-mrt" -> List.of(new ContractCase(
                    "paper 001 set-up, Nt = 4, Nr = 6", secureSmall(name), MIN_SECRECY, false));
            case "rsma-hybrid", "sdma-hybrid", "rsma-far-field" -> List.of(new ContractCase(
                    "paper 000 small, N = 16, L = 4", rsmaSmall(name, true, true), MIN_SECRECY, false));
            case "rsma-digital" -> List.of(new ContractCase("paper 000 small, N = 16, fully digital",
                    rsmaSmall(name, false, true), MIN_SECRECY, false));
            case "rsma-no-crb" -> List.of(new ContractCase("paper 000 small, N = 16, L = 4, no CRB bounds",
                    rsmaSmall(name, true, false), MIN_SECRECY, false));
            default -> List.of();
        };
    }

    private static Double smallest(Metrics m, Function<TargetMetrics, Double> value) {
        Double min = null;
        for (TargetMetrics t : m.targets()) {
            Double v = value.apply(t);
            if (v == null) {
                return null;
            }
            min = min == null ? v : Math.min(min, v);
        }
        return min;
    }

    /** The closed forms' set-up: 8-element ULA at 3.5 GHz, P = 2 W, three users, two targets. */
    private static ObjectNode baseline(String algorithm, String architecture) {
        return tree(DesignScenarios.json("exact", "unit", DesignScenarios.THREE_USERS, DesignScenarios.TWO_TARGETS,
                architecture + " \"solver\": {\"algorithm\": \"" + algorithm + "\"},"));
    }

    /** A golden solver case without its precoder, for another algorithm. */
    private static ObjectNode golden(String name, String algorithm) {
        try {
            ObjectNode t = tree(Files.readString(GoldenFiles.goldenDir().resolve("solver/" + name + ".scenario.json")));
            t.remove("precoder");
            ((ObjectNode) t.get("solver")).put("algorithm", algorithm);
            return t;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Paper 001's golden set-up reduced to Nt = 4 and Nr = 6 antennas, PCRB bound (24) <= 1e-4
     * rad^2 (reachable by every variant, MRT included).
     */
    private static ObjectNode secureSmall(String algorithm) {
        ObjectNode t = golden("p_solver_secure_paper001", algorithm);
        ((ObjectNode) t.get("tx_array").get("ula")).put("elements", 4);
        ((ObjectNode) t.get("rx_array").get("ula")).put("elements", 6);
        ((ObjectNode) t.get("solver")).put("pcrb_max_rad2", 1e-4);
        return t;
    }

    /** Paper 000's small set-up reduced to N = 16 transmit and M = 8 receive antennas. */
    private static ObjectNode rsmaSmall(String algorithm, boolean hybrid, boolean crb) {
        ObjectNode t;
        try (InputStream in = RegisteredDesignsContractTest.class
                .getResourceAsStream("/io/fresnel/design/rsma/p000_small.scenario.json")) {
            t = tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ((ObjectNode) t.get("tx_array").get("ula")).put("elements", 16);
        ((ObjectNode) t.get("rx_array").get("ula")).put("elements", 8);
        t.get("users").forEach(u -> ((ObjectNode) u).remove("min_rate_bps_hz")); // paper 000 has no rate floors
        if (!hybrid) {
            t.remove("architecture");
        }
        ObjectNode solver = t.putObject("solver");
        solver.put("algorithm", algorithm);
        if (crb) {
            solver.put("crb_angle_max_rad2", 1e-5);
            solver.put("crb_range_max_m2", 20.0);
        }
        solver.put("max_iterations", 8);
        solver.put("seed", 7);
        return t;
    }
}
