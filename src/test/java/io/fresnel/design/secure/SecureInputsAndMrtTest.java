package io.fresnel.design.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paper 001's inputs and its closed-form benchmark (MRT), without an SDP solve: what the problem
 * reads from the scenario (an eavesdropping target counts as an eavesdropper; a target without a
 * prior does not count for the PCRB; a zero user channel is named), the two thresholds exactly at
 * their limits (the smallest achievable bound (24) and MRT's own bound), and MRT's precoder,
 * objective and progress report against the metric code.
 */
class SecureInputsAndMrtTest {

    private static final String MRT = "an-secure-pcrb-mrt";

    @Test
    void anEavesdroppingTargetIsAnEavesdropper() throws Exception {
        Scenario sc = AnSecurePcrbDesignTest.edited(tree -> {
            ((ObjectNode) tree.get("targets").get(0)).put("eavesdropper", true).put("noise_w", 1e-9);
            tree.putArray("eavesdroppers");
        });
        SecrecySensingProblem p = SecrecySensingProblem.of(sc, "alg");
        assertEquals(1, p.eavesdroppers().size());
        assertEquals("target", p.eavesdroppers().get(0).id());
        Scenario both = AnSecurePcrbDesignTest.edited(tree -> ((ObjectNode) tree.get("targets").get(0))
                .put("eavesdropper", true).put("noise_w", 1e-9));
        assertEquals(5, SecrecySensingProblem.of(both, "alg").eavesdroppers().size());
    }

    @Test
    void aTargetWithoutPriorIsNotSensedAndAloneIsRejected() throws Exception {
        Scenario sc = AnSecurePcrbDesignTest.edited(tree -> ((ObjectNode) tree.get("targets").get(0)).remove("prior"));
        assertEquals("alg: the PCRB constraint needs a target with a \"prior\"; the scenario has none",
                assertThrows(DesignException.class, () -> SecrecySensingProblem.of(sc, "alg")).getMessage());
        Scenario two = AnSecurePcrbDesignTest.edited(tree -> {
            ObjectNode plain = tree.get("targets").get(0).deepCopy();
            plain.put("id", "plain");
            plain.remove("prior");
            ((ArrayNode) plain.get("position_m")).set(0, tree.numberNode(5.0));
            ((ArrayNode) tree.get("targets")).insert(0, plain);
        });
        SecrecySensingProblem p = SecrecySensingProblem.of(two, "alg");
        assertEquals(1, p.sensing().size());
        assertEquals("target", p.sensing().get(0).target());
    }

    @Test
    void aZeroUserChannelIsNamed() throws Exception {
        Scenario sc = AnSecurePcrbDesignTest.edited(tree -> {
            ArrayNode channel = ((ObjectNode) tree.get("users").get(0)).putArray("channel");
            for (int i = 0; i < 8; i++) {
                channel.addArray().add(0.0).add(0.0);
            }
            ((ObjectNode) tree.get("users").get(0)).remove("gain");
        });
        assertEquals("alg: the channel of user user is zero",
                assertThrows(DesignException.class, () -> SecrecySensingProblem.of(sc, "alg")).getMessage());
    }

    /** The golden set-up with {@code pcrb_max_rad2} replaced. */
    private static Scenario withThreshold(double pcrbMax) throws Exception {
        return AnSecurePcrbDesignTest.edited(tree -> ((ObjectNode) tree.get("solver")).put("pcrb_max_rad2", pcrbMax));
    }

    @Test
    void aThresholdEqualToTheSmallestAchievableBoundIsAllowed() throws Exception {
        double smallest = SecrecySensingProblem.of(AnSecurePcrbDesignTest.goldenScenario(), MRT)
                .smallestAchievablePcrb(0);
        DesignResult atLimit = Designs.byName(MRT).run(withThreshold(smallest), DesignContext.none());
        // not refused by the achievability check: MRT itself then misses the bound
        assertEquals(DesignStatus.INFEASIBLE, atLimit.status());
        assertTrue(atLimit.message().startsWith("MRT gives the PCRB bound (24)"), atLimit.message());
        DesignResult below = Designs.byName(MRT).run(withThreshold(Math.nextDown(smallest)), DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, below.status());
        assertTrue(below.message().contains("is below the smallest achievable bound (24)"), below.message());
    }

    @Test
    void mrtIsFeasibleExactlyAtItsOwnBoundWithTheMetricCodesObjective() throws Exception {
        // MRT's precoder does not depend on the threshold: read its bound at a loose threshold first
        Scenario loose = withThreshold(1.0);
        DesignResult r = Designs.byName(MRT).run(loose, DesignContext.none());
        assertEquals(DesignStatus.OPTIMAL, r.status(), r.message());
        double bound = SecurePcrbDesign.worstPcrb(SecrecySensingProblem.of(loose, MRT), r.precoder());
        assertTrue(bound > 0 && bound < 1, "bound " + bound);

        List<Double> reported = new ArrayList<>();
        Scenario exact = withThreshold(bound);
        DesignResult atBound = Designs.byName(MRT).run(exact, new DesignContext(() -> false,
                (i, obj, msg) -> reported.add(obj), null));
        assertEquals(DesignStatus.OPTIMAL, atBound.status(), atBound.message());
        assertEquals(1, reported.size());
        assertTrue(Double.isNaN(reported.get(0)));
        assertEquals(1, atBound.iterations());
        DesignResult above = Designs.byName(MRT).run(withThreshold(Math.nextDown(bound)), DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, above.status());
        assertNull(above.precoder());
        assertEquals(1, above.iterations());

        // the precoder is conj(c_u) sqrt(P) / ||c_u||: full power, one private stream, and the objective is the
        // metric code's minimum secrecy rate
        Precoder p = atBound.precoder();
        assertEquals(1, p.streams().size());
        Metrics m = MetricsEvaluator.evaluate(exact.withPrecoder(p));
        assertEquals(0.1, m.system().transmitPowerW(), 1e-12);
        assertEquals(m.system().minSecrecyRateBpsHz(), atBound.objective(), 1e-12);
        double[][] c = new io.fresnel.physics.ScenarioPhysics(exact).channelRow(exact.users().get(0));
        double norm = Math.sqrt(io.fresnel.math.CVec.norm2(c[0], c[1]));
        double snr = 0.1 * norm * norm / exact.users().get(0).noiseW();
        assertEquals(snr, m.users().get(0).sinr(), 1e-9 * snr, "MRT reaches the user's SNR P ||c||^2 / sigma^2");
        assertFalse(Double.isNaN(atBound.objective()));
    }
}
