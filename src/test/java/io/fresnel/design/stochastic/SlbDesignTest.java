package io.fresnel.design.stochastic;

import static io.fresnel.design.stochastic.StochasticDesignFixtures.abs2Dot;
import static io.fresnel.design.stochastic.StochasticDesignFixtures.column;
import static io.fresnel.design.stochastic.StochasticDesignFixtures.gram;
import static io.fresnel.design.stochastic.StochasticDesignFixtures.relativeDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.math.SecureIsacBeams;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlbDesignTest {

    @Test
    void covarianceIsUserBeamNoiseTargetBeamAndDerivativeBeam() throws Exception {
        for (String phase : new String[] {"exact", "fresnel"}) {
            Scenario sc = StochasticDesignFixtures.nearField(phase, "spherical");
            double t1 = 0.3;
            double t2 = 0.25;
            double t3 = 0.15;
            double t4 = 1 - t1 - t2 - t3;
            Precoder p = StochasticDesignFixtures.solve(sc, "slb", Map.of("tau1", t1, "tau2", t2, "tau3", t3));
            StochasticDesign.Vectors v = StochasticDesign.vectors(new ScenarioPhysics(sc), sc.users().get(0),
                    sc.targets().get(0));
            SecureIsacBeams.Slb b = SecureIsacBeams.slb(v.h(), v.a(), v.aPrime());
            int n = v.h()[0].length;
            double power = DesignScenarios.POWER_W;
            double g = power * t2 / (n - 1);
            double[][][] expected = StochasticDesignFixtures.lowRank(n, g,
                    new double[] {power * t1 - g, power * t3, power * t4}, b.hHat(), b.aTilde(), b.aPrimeTilde());
            assertTrue(relativeDifference(gram(p.columns()), expected) < 1e-12, phase);
            assertEquals(n + 2, p.columns().cols());
            assertEquals(StreamRole.SENSING, p.streams().get(n).role());
            assertEquals(StreamRole.SENSING, p.streams().get(n + 1).role());
            assertTrue(abs2Dot(b.aTilde(), b.aPrimeTilde()) < 1e-24);
            for (int s = 1; s < n; s++) {
                assertTrue(abs2Dot(v.h(), column(p.columns(), s)) < 1e-20 * SecureIsacBeams.norm2(v.h()), phase);
            }
        }
    }

    @Test
    void derivativeBeamIsTheNormalisedDerivativeForTheCentredFarFieldArray() throws Exception {
        Scenario golden = StochasticDesignFixtures.golden();
        StochasticDesign.Vectors v = StochasticDesign.vectors(new ScenarioPhysics(golden), golden.users().get(0),
                golden.targets().get(0));
        // paper's a^H a' = 0 for a centred ULA: the projection changes nothing
        assertTrue(abs2Dot(v.a(), v.aPrime()) < 1e-20 * SecureIsacBeams.norm2(v.a()) * SecureIsacBeams.norm2(v.aPrime()));
        int n = v.a()[0].length;
        double theta = Math.atan2(golden.targets().get(0).positionM().y(), golden.targets().get(0).positionM().x());
        double expected = Math.PI * Math.PI * Math.pow(Math.cos(theta), 2) * n * (n * n - 1) / 12.0;
        assertEquals(expected, SecureIsacBeams.norm2(v.aPrime()), 1e-9 * expected);
        Precoder p = StochasticDesignFixtures.solve(golden, "slb", Map.of("tau1", 0.4, "tau2", 0.2, "tau3", 0.1));
        Metrics m = DesignScenarios.evaluate(golden, p);
        assertEquals(10.0, m.system().transmitPowerW(), 1e-9);
    }

    @Test
    void rejectsSplitsSummingAboveOne() {
        Scenario sc = StochasticDesignFixtures.nearField("exact", "unit");
        DesignException e = assertThrows(DesignException.class, () -> new SlbDesign().run(
                sc.withSolver(new SolverSpec("slb", Map.of("tau1", 0.5, "tau2", 0.4, "tau3", 0.2))),
                DesignContext.none()));
        assertTrue(e.getMessage().startsWith("slb: solver.tau1 + solver.tau2 + solver.tau3 must be <= 1"),
                e.getMessage());
        e = assertThrows(DesignException.class, () -> new SlbDesign().run(
                sc.withSolver(new SolverSpec("slb", Map.of("tau2", 2))), DesignContext.none()));
        assertTrue(e.getMessage().startsWith("slb: solver.tau2 "), e.getMessage());
    }
}
