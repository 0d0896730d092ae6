package io.fresnel.design.stochastic;

import static io.fresnel.design.stochastic.StochasticDesignFixtures.abs2Dot;
import static io.fresnel.design.stochastic.StochasticDesignFixtures.column;
import static io.fresnel.design.stochastic.StochasticDesignFixtures.gram;
import static io.fresnel.design.stochastic.StochasticDesignFixtures.gramOfColumns;
import static io.fresnel.design.stochastic.StochasticDesignFixtures.relativeDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.DesignStatus;
import io.fresnel.math.SecureIsacBeams;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsjbDesignTest {

    @Test
    void reproducesTheGoldenPrecodersCovarianceAndPrivateStream() throws Exception {
        Scenario golden = StochasticDesignFixtures.golden();
        Precoder mine = StochasticDesignFixtures.solve(golden, "ssjb", Map.of("tau", 0.6, "alpha", 0.5));
        Precoder reference = golden.precoder();
        assertTrue(relativeDifference(gram(mine.columns()), gram(reference.columns())) < 1e-9);
        assertTrue(relativeDifference(gramOfColumns(mine.columns(), 0, 1), gramOfColumns(reference.columns(), 0, 1))
                < 1e-9);
        assertEquals(reference.streams(), mine.streams());
        Metrics m = DesignScenarios.evaluate(golden, mine);
        assertEquals(0.04633117458202325, m.users().get(0).sinr(), 1e-6 * 0.0463);
        assertEquals(0.03323870852051714, m.users().get(0).secrecyRateBpsHz(), 1e-6 * 0.0332);
        assertEquals(0.18791907847300893, m.targets().get(0).crbAngleKnownRangeRad2(), 1e-6 * 0.188);
        assertEquals(870.4994385442193, m.sensingEavesdroppers().get(0).weakRad2(), 1e-6 * 870.5);
    }

    @Test
    void covarianceIsTheInformationBeamPlusWhiteNoiseOutsideTargetAndUser() throws Exception {
        for (String phase : new String[] {"exact", "fresnel", "far-field"}) {
            Scenario sc = StochasticDesignFixtures.nearField(phase, "spherical");
            double tau = 0.35;
            double alpha = 0.8;
            Precoder p = StochasticDesignFixtures.solve(sc, "ssjb", Map.of("tau", tau, "alpha", alpha));
            StochasticDesign.Vectors v = StochasticDesign.vectors(new ScenarioPhysics(sc), sc.users().get(0),
                    sc.targets().get(0));
            SecureIsacBeams.Ssjb b = SecureIsacBeams.ssjb(v.h(), v.a(), alpha);
            int n = v.h()[0].length;
            double power = DesignScenarios.POWER_W;
            double gamma = power * (1 - tau) / (n - 2);
            double[][][] expected = StochasticDesignFixtures.lowRank(n, gamma,
                    new double[] {power * tau, -gamma, -gamma}, b.t1(), b.aTilde(), b.hTilde());
            assertTrue(relativeDifference(gram(p.columns()), expected) < 1e-12, phase);
            // the target and the user hear no artificial noise; the private stream carries P tau
            for (int s = 1; s < p.columns().cols(); s++) {
                assertEquals(StreamRole.ARTIFICIAL_NOISE, p.streams().get(s).role());
                assertTrue(abs2Dot(v.a(), column(p.columns(), s)) < 1e-20 * SecureIsacBeams.norm2(v.a()), phase);
                assertTrue(abs2Dot(v.h(), column(p.columns(), s)) < 1e-20 * SecureIsacBeams.norm2(v.h()), phase);
            }
            double[][] w = column(p.columns(), 0);
            assertEquals(power * tau, SecureIsacBeams.norm2(w), 1e-12);
            // |a~^H w|^2 = P tau alpha^2: alpha is the amplitude along the target, no phase alignment
            assertEquals(power * tau * alpha * alpha, abs2Dot(b.aTilde(), w), 1e-12);
            assertEquals(n - 1, p.columns().cols());
        }
    }

    @Test
    void closedFormEndsOptimalInOneIterationWithTheUsersRate() throws Exception {
        Scenario sc = StochasticDesignFixtures.nearField("exact", "unit").withSolver(new SolverSpec("ssjb", Map.of()));
        DesignResult r = new SsjbDesign().run(sc, DesignContext.none());
        assertEquals(DesignStatus.OPTIMAL, r.status());
        assertEquals(1, r.iterations());
        Metrics m = DesignScenarios.evaluate(sc, r.precoder());
        assertEquals(m.users().get(0).rateBpsHz(), r.objective(), 1e-12);
        assertEquals(DesignScenarios.POWER_W, m.system().transmitPowerW(), 1e-12);
    }

    @Test
    void rejectsSplitsOutsideTheUnitIntervalNamingTheField() {
        Scenario sc = StochasticDesignFixtures.nearField("exact", "unit");
        DesignException e = assertThrows(DesignException.class, () -> new SsjbDesign().run(
                sc.withSolver(new SolverSpec("ssjb", Map.of("tau", 1.5))), DesignContext.none()));
        assertTrue(e.getMessage().startsWith("ssjb: solver.tau "), e.getMessage());
        e = assertThrows(DesignException.class, () -> new SsjbDesign().run(
                sc.withSolver(new SolverSpec("ssjb", Map.of("alpha", -0.1))), DesignContext.none()));
        assertTrue(e.getMessage().startsWith("ssjb: solver.alpha "), e.getMessage());
    }

    @Test
    void needsExactlyOneUserAndOneTarget() {
        Scenario sc = DesignScenarios.threeUsers();
        DesignException e = assertThrows(DesignException.class, () -> new SsjbDesign().run(sc, DesignContext.none()));
        assertTrue(e.getMessage().contains("exactly one user"), e.getMessage());
    }
}
