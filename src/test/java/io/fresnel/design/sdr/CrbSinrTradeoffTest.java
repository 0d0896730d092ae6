package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.DesignStatus;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

/** Paper 004 section V-A: the CRB-SINR tradeoff of one user and one target. */
class CrbSinrTradeoffTest {

    @Test
    void theCurveRisesMonotonicallyFromThePsEndToTheMrtEnd() throws DesignException {
        // separated target and user (section VI-B): 8 x 8 bistatic UPA pair
        Scenario sc = SdrTestSupport.upa(8, 0.07, "{\"id\": \"u1\", \"position_m\": [0, -0.006, 0.047], \"noise_w\": 1e-8}",
                "{\"id\": \"t1\", \"position_m\": [0, 0.02, 0.035], \"reflection\": [1, 0]}");
        CrbSinrTradeoff.Curve c = CrbSinrTradeoff.compute(sc, 8, () -> false);
        System.out.printf("tradeoff: Gamma_s %.6e (projection %.6e), CRB_s %.6e; Gamma_c %.6e, CRB_c %.6e%n",
                c.sinrSensing(), c.sinrLemma1Projection(), c.crbSensingM2(), c.sinrCommunication(),
                c.crbCommunicationM2());
        assertTrue(c.sinrSensing() < c.sinrCommunication());
        assertTrue(c.crbSensingM2() < c.crbCommunicationM2());
        assertTrue(c.sinrLemma1Projection() <= c.sinrSensing() * (1 + 1e-9));
        CrbSinrTradeoff.Point prev = null;
        for (CrbSinrTradeoff.Point p : c.points()) {
            System.out.printf("  Gamma %.6e -> SINR %.6e, CRB %.6e (%s)%n", p.sinrRequired(), p.sinr(), p.crbM2(),
                    p.status());
            assertEquals(DesignStatus.OPTIMAL, p.status(), p.toString());
            assertTrue(p.sinr() >= p.sinrRequired() * (1 - 1e-6));
            if (prev != null) {
                assertTrue(p.crbM2() >= prev.crbM2() * (1 - 1e-6), "not monotone at Gamma " + p.sinrRequired());
            }
            prev = p;
        }
        // the end points, computed here without the tradeoff code: P_s is crb-min-sdr without a
        // rate requirement, P_c is MRT at full power with Gamma_c = P ||c||^2 / sigma^2 (paper 004
        // section V-A); the curve's points are equally spaced in Gamma between them
        Scenario free = CrbMinSdrDesignTest.withMinRates(sc, 0.0);
        Metrics ps = CrbMinSdrDesignTest.runAndCheck("crb-min-sdr", free);
        assertEquals(ps.system().crbPositionSumM2(), c.crbSensingM2(), 1e-6 * c.crbSensingM2());
        assertEquals(ps.users().get(0).sinr(), c.sinrSensing(), 1e-4 * c.sinrSensing());
        Metrics mrt = DesignScenarios.evaluate(sc, DesignScenarios.design("mrt", sc));
        assertEquals(sc.transmitPowerW(), mrt.system().transmitPowerW(), 1e-9 * sc.transmitPowerW());
        assertEquals(mrt.system().crbPositionSumM2(), c.crbCommunicationM2(), 1e-9 * c.crbCommunicationM2());
        assertEquals(mrt.users().get(0).sinr(), c.sinrCommunication(), 1e-9 * c.sinrCommunication());
        assertEquals(c.crbSensingM2(), c.points().get(0).crbM2(), 0);
        assertEquals(c.crbCommunicationM2(), c.points().get(c.points().size() - 1).crbM2(), 0);
        int n = c.points().size();
        assertEquals(8, n);
        for (int i = 0; i < n; i++) {
            double gamma = c.sinrSensing() + (c.sinrCommunication() - c.sinrSensing()) * i / (n - 1);
            assertEquals(gamma, c.points().get(i).sinrRequired(), 1e-9 * gamma, "point " + i);
        }
        // the solve at Gamma_s itself costs nothing
        double atGammaS = CrbMinSdrDesignTest.runAndCheck("crb-min-sdr",
                CrbMinSdrDesignTest.withMinRates(sc, Math.log(1 + c.sinrSensing() * (1 - 1e-7)) / Math.log(2)))
                .system().crbPositionSumM2();
        assertEquals(c.crbSensingM2(), atGammaS, 1e-5 * atGammaS);
    }

    @Test
    void needsOneUserAndOneTarget() {
        assertThrows(DesignException.class, () -> CrbSinrTradeoff.compute(DesignScenarios.threeUsers(), 4, () -> false));
    }
}
