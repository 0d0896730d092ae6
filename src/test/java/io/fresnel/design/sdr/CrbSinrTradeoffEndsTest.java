package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.DesignStatus;
import io.fresnel.math.CVec;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The two end points of paper 004 section V-A's CRB-SINR tradeoff on the small 2-D ULA of
 * {@link DesignScenarios} (one user, one target): P_s is crb-min-sdr without a requirement, P_c is
 * MRT at full power with Gamma_c = P ||c||^2 / sigma^2 (written here from the channel row); a curve
 * of two points is exactly these two; the inputs the tradeoff refuses.
 */
class CrbSinrTradeoffEndsTest {
    private static final String ONE_TARGET = "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}";

    private static Scenario scene(String extra) {
        return DesignScenarios.scenario("exact", "spherical", DesignScenarios.ONE_USER, ONE_TARGET, extra);
    }

    @Test
    void aCurveOfTwoPointsIsItsTwoEnds() throws DesignException {
        Scenario sc = scene("");
        CrbSinrTradeoff.Curve c = CrbSinrTradeoff.compute(sc, 2, () -> false);
        double[][] ch = new io.fresnel.physics.ScenarioPhysics(sc).channelRow(sc.users().get(0));
        double gammaC = DesignScenarios.POWER_W * CVec.norm2(ch[0], ch[1]) / 1e-9;
        assertEquals(gammaC, c.sinrCommunication(), 1e-12 * gammaC);
        Metrics mrt = DesignScenarios.evaluate(sc, DesignScenarios.design("mrt", sc));
        assertEquals(mrt.system().crbPositionSumM2(), c.crbCommunicationM2(), 1e-12 * c.crbCommunicationM2());
        Metrics ps = CrbMinSdrDesignTest.runAndCheck("crb-min-sdr", sc);
        assertEquals(ps.system().crbPositionSumM2(), c.crbSensingM2(), 1e-6 * c.crbSensingM2());
        assertEquals(ps.users().get(0).sinr(), c.sinrSensing(), 1e-4 * c.sinrSensing());
        assertTrue(c.sinrSensing() < gammaC && c.crbSensingM2() < c.crbCommunicationM2());
        assertTrue(c.sinrLemma1Projection() <= c.sinrSensing() * (1 + 1e-9));
        assertEquals(2, c.points().size());
        CrbSinrTradeoff.Point first = c.points().get(0);
        CrbSinrTradeoff.Point last = c.points().get(1);
        assertEquals(new CrbSinrTradeoff.Point(c.sinrSensing(), c.sinrSensing(), c.crbSensingM2(), DesignStatus.OPTIMAL,
                first.iterations()), first);
        assertTrue(first.iterations() > 0);
        assertEquals(gammaC, last.sinrRequired(), 1e-12 * gammaC);
        assertEquals(last.sinrRequired(), last.sinr());
        assertEquals(c.crbCommunicationM2(), last.crbM2());
        assertEquals(DesignStatus.OPTIMAL, last.status());
        assertEquals(0, last.iterations());
    }

    @Test
    void fewerThanTwoPointsAndHybridArraysAreRefused() {
        assertEquals("crb-sinr-tradeoff: needs at least 2 points (got 1)", assertThrows(DesignException.class,
                () -> CrbSinrTradeoff.compute(scene(""), 1, () -> false)).getMessage());
        Scenario hybrid = scene("\"architecture\": {\"kind\": \"hybrid-full\", \"rf_chains\": 2},");
        String message = assertThrows(DesignException.class, () -> CrbSinrTradeoff.compute(hybrid, 2, () -> false))
                .getMessage();
        assertTrue(message.startsWith("crb-sinr-tradeoff: the SDR designs of paper 004 are fully digital"), message);
        assertEquals("crb-sinr-tradeoff: needs exactly one user and one target (got 3 and 2)",
                assertThrows(DesignException.class, () -> CrbSinrTradeoff.compute(DesignScenarios.threeUsers(), 2,
                        () -> false)).getMessage());
    }
}
