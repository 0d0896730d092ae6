package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.math.CVec;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The final check of {@link SdrDesign} ("never silently"): a CRB design whose SDP is handed a
 * requirement below the scenario's must come back as iteration-limit with its precoder and a message
 * naming the user, whatever the solver said; a small shortfall is re-solved with a margin at most
 * {@link SdrDesign#MARGIN_ATTEMPTS} times; a re-solve the margin makes infeasible keeps the previous
 * precoder. The requirement is Gamma = 0.9 P ||c||^2 / sigma^2 (90 % of what MRT gives), on the
 * 8-element ULA of {@link DesignScenarios}: there it is active at the CRB optimum (without a requirement
 * the rebuilt precoder gives the user 85 % of it, and with 0.9 the SDP's SINR row is met with equality).
 */
class SdrDesignFinalCheckTest {
    private static final Scenario BASE = DesignScenarios.scenario("exact", "spherical", DesignScenarios.ONE_USER,
            "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "");

    /** crb-min-sdr with its SDP given scale x (the margin-raised requirement, or the scenario's when fixed). */
    private static final class Tampered extends SdrDesign {
        final double scale;
        final boolean followMargin;
        final boolean infeasibleOnRetry;
        final AtomicInteger programs = new AtomicInteger();

        Tampered(double scale, boolean followMargin, boolean infeasibleOnRetry) {
            this.scale = scale;
            this.followMargin = followMargin;
            this.infeasibleOnRetry = infeasibleOnRetry;
        }

        @Override
        public String name() {
            return "tampered";
        }

        @Override
        public String description() {
            return "crb-min-sdr with a scaled requirement";
        }

        @Override
        protected SdrProgram program(ScenarioPhysics physics, double powerW, double[] target) {
            int n = programs.incrementAndGet();
            double[] r = followMargin ? target.clone() : SinrRequirements.of(physics.scenario().users());
            for (int u = 0; u < r.length; u++) {
                r[u] *= n > 1 && infeasibleOnRetry ? 1e6 : scale;
            }
            return new CrbMinProgram(SdrModel.of(physics, SdrModel.Span.CRB), powerW, r);
        }

        @Override
        protected Double objective(Metrics metrics) {
            return metrics.system().crbPositionSumM2();
        }
    }

    private static Scenario scene() {
        double[][] c = new ScenarioPhysics(BASE).channelRow(BASE.users().get(0));
        double gamma = 0.9 * DesignScenarios.POWER_W * CVec.norm2(c[0], c[1]) / 1e-9;
        return CrbMinSdrDesignTest.withMinRates(BASE, Math.log1p(gamma) / Math.log(2));
    }

    private static double required(Scenario sc) {
        return Math.pow(2, sc.users().get(0).minRateBpsHz()) - 1;
    }

    private static DesignResult run(Tampered d, Scenario sc, AtomicInteger reports) throws DesignException {
        return d.run(sc, new DesignContext(() -> false, (i, o, m) -> reports.incrementAndGet(), null));
    }

    @Test
    void anUntamperedRunIsOptimalWithoutMessage() throws DesignException {
        Scenario sc = scene();
        Tampered d = new Tampered(1, true, false);
        AtomicInteger reports = new AtomicInteger();
        DesignResult r = run(d, sc, reports);
        assertEquals(DesignStatus.OPTIMAL, r.status(), r.message());
        assertNull(r.message());
        assertEquals(1, d.programs.get());
        assertEquals(1, reports.get());
        Metrics m = DesignScenarios.evaluate(sc, r.precoder());
        assertTrue(m.users().get(0).sinr() >= required(sc) * (1 - 1e-6));
        assertEquals(m.system().crbPositionSumM2(), r.objective(), 1e-12 * r.objective());
    }

    @Test
    void aPrecoderFarBelowTheRequirementIsReportedNotReSolved() throws DesignException {
        Scenario sc = scene();
        Tampered d = new Tampered(0.5, true, false);
        DesignResult r = run(d, sc, new AtomicInteger());
        assertEquals(DesignStatus.ITERATION_LIMIT, r.status());
        assertNotNull(r.precoder());
        assertEquals(1, d.programs.get());
        Metrics m = DesignScenarios.evaluate(sc, r.precoder());
        assertTrue(m.users().get(0).sinr() < 0.9 * required(sc), "the SDP was given half the requirement");
        assertTrue(r.message().startsWith("user u1 SINR "), r.message());
        assertTrue(r.message().contains(" < required " + required(sc) + "; interior point: OPTIMAL"), r.message());
        assertEquals(m.system().crbPositionSumM2(), r.objective(), 1e-12 * r.objective());
    }

    @Test
    void aSmallShortfallIsReSolvedWithAMarginAtMostTwice() throws DesignException {
        Scenario sc = scene();
        // the SDP follows the raised requirement: the second solve meets the scenario's
        Tampered follows = new Tampered(1 - 1e-4, true, false);
        AtomicInteger reports = new AtomicInteger();
        DesignResult ok = run(follows, sc, reports);
        assertEquals(DesignStatus.OPTIMAL, ok.status(), ok.message());
        assertEquals(2, follows.programs.get());
        assertEquals(2, reports.get());
        assertTrue(DesignScenarios.evaluate(sc, ok.precoder()).users().get(0).sinr() >= required(sc) * (1 - 1e-6));
        // an SDP that ignores the margin falls short every time: 1 + MARGIN_ATTEMPTS solves, then reported
        Tampered ignores = new Tampered(1 - 1e-4, false, false);
        DesignResult short3 = run(ignores, sc, new AtomicInteger());
        assertEquals(1 + SdrDesign.MARGIN_ATTEMPTS, ignores.programs.get());
        assertEquals(3, ignores.programs.get());
        assertEquals(DesignStatus.ITERATION_LIMIT, short3.status());
        assertTrue(short3.message().startsWith("user u1 SINR "), short3.message());
    }

    @Test
    void aReSolveThatTheMarginMakesInfeasibleKeepsThePreviousPrecoder() throws DesignException {
        Scenario sc = scene();
        Tampered d = new Tampered(1 - 1e-4, true, true);
        DesignResult r = run(d, sc, new AtomicInteger());
        assertEquals(2, d.programs.get());
        assertEquals(DesignStatus.ITERATION_LIMIT, r.status());
        assertNotNull(r.precoder());
        double sinr = DesignScenarios.evaluate(sc, r.precoder()).users().get(0).sinr();
        assertTrue(sinr < required(sc) * (1 - 1e-6) && sinr > required(sc) * (1 - 1e-3), "the first solve's: " + sinr);
        assertTrue(r.message().startsWith("user u1 SINR "), r.message());
        assertTrue(r.message().contains("even MRT at full power gives only"), r.message());
    }

    @Test
    void sixtyFourUsersAreAcceptedAndSixtyFiveRefused() {
        for (int users : new int[] {64, 65}) {
            StringBuilder list = new StringBuilder();
            for (int u = 0; u < users; u++) {
                list.append(u == 0 ? "" : ",").append("{\"id\": \"u").append(u).append("\", \"position_m\": [3, ")
                        .append(0.01 * u).append(", 0], \"noise_w\": 1e-9}");
            }
            Scenario sc = DesignScenarios.scenario("exact", "unit", list.toString(),
                    "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "");
            if (users == 64) {
                org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> SdrDesign.checkInputs(sc, "alg"));
            } else {
                assertEquals("alg: 65 users are more than the 64 this SDR design handles",
                        assertThrows(DesignException.class, () -> SdrDesign.checkInputs(sc, "alg")).getMessage());
            }
        }
    }
}
