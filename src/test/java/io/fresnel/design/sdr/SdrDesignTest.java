package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

/** What the three SDR designs share: the final check and the re-solve with a SINR margin. */
class SdrDesignTest {

    /**
     * On the lecture preset (128 elements, two users at 2 bit/s/Hz, one target) the first solve meets
     * the SINR rows only to about 3e-6; the design re-solves with raised requirements, so the written
     * precoder meets every requirement to 1e-6 and the status is optimal.
     */
    @Test
    void aPrecoderThatFallsJustShortOfASinrRequirementIsReSolvedWithAMargin() throws Exception {
        Scenario s = Presets.defaultScenario();
        for (String name : new String[] {"crb-min-sdr", "illumination-maxmin-sdr", "echo-maxmin-sdr"}) {
            DesignResult r = Designs.byName(name).run(s, DesignContext.none());
            assertEquals(DesignStatus.OPTIMAL, r.status(), name + ": " + r.message());
            Metrics m = MetricsEvaluator.evaluate(s.withPrecoder(r.precoder()));
            assertTrue(m.system().transmitPowerW() <= s.transmitPowerW() * (1 + 1e-6), name);
            for (int u = 0; u < s.users().size(); u++) {
                double required = Math.pow(2, s.users().get(u).minRateBpsHz()) - 1;
                assertTrue(m.users().get(u).sinr() >= required * (1 - 1e-6), name + " user " + u + ": "
                        + m.users().get(u).sinr());
            }
        }
    }

    @Test
    void aScenarioWithoutPowerBudgetIsRejectedInTheDesignsOwnName() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(GoldenFiles.goldenDir()
                .resolve("solver/p_solver_crb_2d_n8.scenario.json").toFile());
        tree.remove("transmit_power_w");
        Scenario s = ScenarioReader.readScenario(tree.toString()).withPrecoder(null);
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("crb-min-sdr").run(s, DesignContext.none()));
        assertTrue(e.getMessage().startsWith("crb-min-sdr: ") && e.getMessage().contains("transmit_power_w"),
                e.getMessage());
    }

    @Test
    void crbMinIsRejectedWithTheReasonWhenNoPrecoderMakesThePositionObservable() throws Exception {
        // Far-field phase with unit amplitude: the range is unobservable whatever R_X is.
        Scenario s = io.fresnel.io.ScenarioReader.readScenario(io.fresnel.GoldenFiles.goldenDir()
                .resolve("public/p001_an_prior_farfield.scenario.json")).withPrecoder(null);
        DesignException e = org.junit.jupiter.api.Assertions.assertThrows(DesignException.class,
                () -> Designs.byName("crb-min-sdr").run(s, DesignContext.none()));
        assertTrue(e.getMessage().startsWith(
                "crb-min-sdr: the position CRB is unbounded, or nearly so, for every precoder"), e.getMessage());
        assertTrue(e.getMessage().contains("unobservable"), e.getMessage());
    }
}
