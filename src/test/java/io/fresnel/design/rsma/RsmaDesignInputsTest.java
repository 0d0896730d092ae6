package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.StreamRole;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What paper 000's five designs take from the scenario, each on a short run (a few surrogate
 * solves) of the small set-up: eavesdropper nodes as well as eavesdropping targets, the
 * architecture each needs, 2-D only CRB bounds, the variants' streams and bounds, and which warm
 * starts are used.
 */
class RsmaDesignInputsTest {

    private static String text() throws Exception {
        try (InputStream in = RsmaSecureDesignTest.class.getResourceAsStream("p000_small.scenario.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * An eavesdropper node in place of the eavesdropping target (same place, same noise): the design
     * works against it (without it there is no eavesdropper at all), and its objective is the metric
     * code's min secrecy rate, which counts the node.
     */
    @Test
    void anEavesdropperNodeIsAnEavesdropper() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", ", \"max_iterations\": 3");
        var pos = sc.targets().get(0).positionM();
        Scenario node = ScenarioEdits.remove(ScenarioEdits.add(sc, NodeKind.EAVESDROPPER, pos), "t1");
        assertEquals(0, node.targets().size());
        assertEquals(1, node.eavesdroppers().size());
        DesignResult r = RsmaSecureDesign.digital().run(node, DesignContext.none());
        assertNotNull(r.precoder(), r.message());
        Metrics m = MetricsEvaluator.evaluate(node.withPrecoder(r.precoder()));
        assertEquals(m.system().minSecrecyRateBpsHz(), r.objective(), 1e-12);
    }

    @Test
    void theHybridDesignsNeedAFullyConnectedArchitectureWithRfChains() throws Exception {
        String digital = text().replace("\"kind\": \"hybrid-full\",\n  \"rf_chains\": 4", "\"kind\": \"digital\"");
        assertTrue(!digital.equals(text()), "the architecture block was not found");
        Scenario sc = ScenarioReader.readScenario(digital);
        for (String name : List.of("rsma-hybrid", "rsma-no-crb", "sdma-hybrid", "rsma-far-field")) {
            DesignException e = assertThrows(DesignException.class, () -> Designs.byName(name).run(sc,
                    DesignContext.none()), name);
            assertEquals(name + ": the scenario's architecture gives no rf_chains (hybrid-full needed)", e.getMessage());
        }
        // the fully digital design needs none
        Scenario fd = ScenarioReader.readScenario(digital.replace("\"algorithm\": \"rsma-hybrid\"",
                "\"algorithm\": \"rsma-digital\", \"max_iterations\": 2"));
        DesignResult r = RsmaSecureDesign.digital().run(fd, DesignContext.none());
        assertNotNull(r.precoder(), r.message());
        assertEquals(2, r.iterations());
    }

    @Test
    void crbBoundsExistIn2dScenariosOnly() throws Exception {
        String three = text().replace("\"dimension\": 2", "\"dimension\": 3");
        Scenario sc = ScenarioReader.readScenario(three.replace("\"algorithm\": \"rsma-hybrid\"",
                "\"algorithm\": \"rsma-digital\", \"max_iterations\": 2"));
        assertEquals(3, sc.dimension());
        DesignException e = assertThrows(DesignException.class, () -> RsmaSecureDesign.digital().run(sc,
                DesignContext.none()));
        assertEquals("rsma-digital: the angle and range CRB constraints exist in 2-D scenarios only", e.getMessage());
        // without bounds, or for rsma-no-crb, a 3-D scenario is fine
        Scenario noBounds = ScenarioReader.readScenario(three.replace("\"algorithm\": \"rsma-hybrid\"",
                "\"algorithm\": \"rsma-digital\", \"max_iterations\": 2").replace(
                ",\n  \"crb_angle_max_rad2\": 1e-06,\n  \"crb_range_max_m2\": 2.0", ""));
        assertTrue(!noBounds.solver().parameters().containsKey("crb_range_max_m2"));
        assertNotNull(RsmaSecureDesign.digital().run(noBounds, DesignContext.none()).precoder());
        Scenario sc3 = ScenarioReader.readScenario(three.replace("\"algorithm\": \"rsma-hybrid\"",
                "\"algorithm\": \"rsma-no-crb\", \"max_iterations\": 2"));
        assertNotNull(RsmaSecureDesign.noCrb().run(sc3, DesignContext.none()).precoder());
    }

    /**
     * rsma-no-crb ignores bounds no precoder can meet (1e-9 m^2, where rsma-digital gives up), and
     * a bound on one coordinate alone is imposed alone.
     */
    @Test
    void theNoCrbVariantIgnoresTheBoundsAndOneBoundAloneIsImposed() throws Exception {
        Scenario tight = RsmaSecureDesignTest.small("rsma-no-crb", ", \"max_iterations\": 3", "1e-9");
        DesignResult r = RsmaSecureDesign.noCrb().run(tight, DesignContext.none());
        assertNotNull(r.precoder(), r.message());
        assertEquals(DesignStatus.ITERATION_LIMIT, r.status());
        Scenario rangeOnly = ScenarioReader.readScenario(text().replace("\"algorithm\": \"rsma-hybrid\"",
                "\"algorithm\": \"rsma-digital\", \"max_iterations\": 2").replace(
                "\"crb_angle_max_rad2\": 1e-06,\n  ", "").replace("\"crb_range_max_m2\": 2.0", "\"crb_range_max_m2\": 1e-9"));
        assertTrue(!rangeOnly.solver().parameters().containsKey("crb_angle_max_rad2"));
        assertEquals(DesignStatus.INFEASIBLE, RsmaSecureDesign.digital().run(rangeOnly, DesignContext.none()).status());
        Scenario angleOnly = ScenarioReader.readScenario(text().replace("\"algorithm\": \"rsma-hybrid\"",
                "\"algorithm\": \"rsma-digital\", \"max_iterations\": 2").replace(
                "\"crb_angle_max_rad2\": 1e-06", "\"crb_angle_max_rad2\": 1e-30").replace(
                ",\n  \"crb_range_max_m2\": 2.0", ""));
        assertTrue(!angleOnly.solver().parameters().containsKey("crb_range_max_m2"));
        assertEquals(DesignStatus.INFEASIBLE, RsmaSecureDesign.digital().run(angleOnly, DesignContext.none()).status());
    }

    /** SDMA-HB has no common stream and no shares; the RSMA designs put the common stream first. */
    @Test
    void theVariantsStreams() throws Exception {
        // (a loose range bound: three solves do not bring a cold F_A F_D inside the default 2 m^2)
        DesignResult sdma = RsmaSecureDesign.sdmaHybrid().run(RsmaSecureDesignTest.small("sdma-hybrid",
                ", \"max_iterations\": 3", "20.0"), DesignContext.none());
        assertNotNull(sdma.precoder(), sdma.message());
        assertEquals(2, sdma.precoder().streams().size());
        assertTrue(sdma.precoder().streams().stream().allMatch(s -> s.role() == StreamRole.PRIVATE));
        assertNull(sdma.precoder().commonSecrecyShares());
        assertTrue(sdma.precoder().isHybrid());
        DesignResult rsma = RsmaSecureDesign.digital().run(RsmaSecureDesignTest.small("rsma-digital",
                ", \"max_iterations\": 3"), DesignContext.none());
        assertEquals(StreamRole.COMMON, rsma.precoder().streams().get(0).role());
        assertEquals(3, rsma.precoder().streams().size());
        assertTrue(!rsma.precoder().isHybrid());
        assertEquals(List.of("rsma-hybrid", "rsma-digital", "rsma-no-crb", "sdma-hybrid", "rsma-far-field"),
                List.of(RsmaSecureDesign.hybrid().name(), RsmaSecureDesign.digital().name(),
                        RsmaSecureDesign.noCrb().name(), RsmaSecureDesign.sdmaHybrid().name(),
                        RsmaSecureDesign.farField().name()));
        for (RsmaSecureDesign d : List.of(RsmaSecureDesign.hybrid(), RsmaSecureDesign.farField())) {
            assertEquals(RsmaOptions.PARAMETERS, d.parameterNames());
            assertEquals(RsmaOptions.DESCRIPTORS, d.parameters());
            assertTrue(d.description().contains("paper 000"), d.description());
        }
    }

    /**
     * A warm start is used only when its streams and antennas match: an SDMA precoder given to the
     * RSMA digital design (one stream fewer) is ignored, and the run is that of a cold start; a
     * matching one is used (the run starts from it, so its first objective differs from the cold one).
     */
    @Test
    void onlyAMatchingWarmStartIsUsed() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", ", \"max_iterations\": 2");
        DesignResult cold = RsmaSecureDesign.digital().run(sc, DesignContext.none());
        DesignResult sdma = RsmaSecureDesign.sdmaHybrid().run(RsmaSecureDesignTest.small("sdma-hybrid",
                ", \"max_iterations\": 2", "20.0"), DesignContext.none());
        assertNotNull(sdma.precoder(), sdma.message());
        DesignResult ignored = RsmaSecureDesign.digital().run(sc, new DesignContext(() -> false, (i, o, m) -> { },
                sdma.precoder()));
        assertEquals(cold.objective(), ignored.objective(), 0);
        DesignResult warm = RsmaSecureDesign.digital().run(sc, new DesignContext(() -> false, (i, o, m) -> { },
                cold.precoder()));
        assertNotNull(warm.precoder(), warm.message());
        // (objective() is a Double: compare the values, not the boxes)
        assertNotEquals(cold.objective().doubleValue(), warm.objective().doubleValue(), 1e-9,
                "the matching warm start was not used");
    }
}
