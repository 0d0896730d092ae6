package io.fresnel.design.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.Designs;
import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paper 002's closed forms at the edges of their input: the one-user / one-target rule, N &gt;= 3,
 * a user along the target's direction, power fractions whose decimal sum exceeds 1 by rounding
 * only, and the one progress report.
 */
class StochasticInputsTest {

    private static DesignException reject(String algorithm, Scenario sc) {
        return assertThrows(DesignException.class, () -> Designs.byName(algorithm).run(
                sc.withSolver(new SolverSpec(algorithm, Map.of())), DesignContext.none()));
    }

    @Test
    void eachDesignNeedsExactlyOneTargetAndThreeElements() throws Exception {
        Scenario two = DesignScenarios.scenario("exact", "unit", DesignScenarios.ONE_USER,
                DesignScenarios.TWO_TARGETS, "");
        String small = DesignScenarios.json("exact", "unit", DesignScenarios.ONE_USER,
                "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "")
                .replace("\"elements\": 8", "\"elements\": 2");
        Scenario n2 = ScenarioReader.readScenario(small);
        for (String alg : new String[] {"ssjb", "slb"}) {
            assertEquals(alg + ": needs exactly one target (the sensed one), the scenario has 2",
                    reject(alg, two).getMessage());
            assertEquals(alg + ": needs at least 3 transmit elements (got 2)", reject(alg, n2).getMessage());
        }
    }

    @Test
    void ssjbRejectsAUserAlongTheTargetsDirection() {
        Scenario sc = DesignScenarios.scenario("exact", "unit",
                "{\"id\": \"u1\", \"position_m\": [2.0, 0.8, 0], \"noise_w\": 1e-9}",
                "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "");
        assertEquals("ssjb: the user's channel lies along the target's direction (or is zero)",
                reject("ssjb", sc).getMessage());
    }

    /** 0.34 + 0.56 + 0.1 is 1 + 2^-52 in binary: accepted, and the derivative beam gets no power (not NaN). */
    @Test
    void slbAcceptsFractionsSummingToOneUpToRounding() throws Exception {
        Scenario sc = StochasticDesignFixtures.nearField("exact", "spherical")
                .withSolver(new SolverSpec("slb", Map.of("tau1", 0.34, "tau2", 0.56, "tau3", 0.1)));
        assertTrue(0.34 + 0.56 + 0.1 > 1);
        List<double[]> reports = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        DesignResult r = new SlbDesign().run(sc, new DesignContext(() -> false, (i, o, m) -> {
            reports.add(new double[] {i, o});
            messages.add(m);
        }, null));
        int last = r.precoder().columns().cols() - 1;
        for (int i = 0; i < r.precoder().columns().rows(); i++) {
            assertEquals(0, r.precoder().columns().re(i, last), 0);
            assertEquals(0, r.precoder().columns().im(i, last), 0);
        }
        Metrics m = DesignScenarios.evaluate(sc, r.precoder());
        assertEquals(DesignScenarios.POWER_W, m.system().transmitPowerW(), 1e-12);
        assertEquals(1, reports.size());
        assertEquals(1, reports.get(0)[0], 0);
        assertEquals(m.users().get(0).rateBpsHz(), reports.get(0)[1], 1e-12);
        assertEquals(m.users().get(0).rateBpsHz(), r.objective(), 1e-12);
        assertEquals(List.of("closed form"), messages);
    }
}
