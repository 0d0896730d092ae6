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
import io.fresnel.math.Vec3;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
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

    @Test
    void threeElementsAreEnoughAndTheParametersAreDocumented() throws Exception {
        String json = DesignScenarios.json("exact", "unit", DesignScenarios.ONE_USER,
                "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "")
                .replace("\"elements\": 8", "\"elements\": 3");
        Scenario n3 = ScenarioReader.readScenario(json);
        for (String alg : new String[] {"ssjb", "slb"}) {
            DesignResult r = Designs.byName(alg).run(n3.withSolver(new SolverSpec(alg, Map.of())),
                    DesignContext.none());
            assertEquals(alg.equals("ssjb") ? 2 : 5, r.precoder().columns().cols(), alg);
            assertEquals(DesignScenarios.POWER_W, DesignScenarios.evaluate(n3, r.precoder()).system().transmitPowerW(),
                    1e-12, alg);
        }
        assertEquals(List.of("tau", "alpha"), new SsjbDesign().parameters().stream().map(p -> p.key()).toList());
        assertEquals(List.of(0.6, 0.5), new SsjbDesign().parameters().stream().map(p -> p.defaultValue()).toList());
        assertEquals(List.of("tau1", "tau2", "tau3"),
                new SlbDesign().parameters().stream().map(p -> p.key()).toList());
        assertEquals(List.of(0.5, 0.2, 0.2), new SlbDesign().parameters().stream().map(p -> p.defaultValue()).toList());
    }

    /** tau1 + tau2 + tau3 equal to 1 + 1e-12, the slack itself, is accepted (1 + 2e-12 is not). */
    @Test
    void slbAcceptsASumOfExactlyOnePlusTheSlack() throws Exception {
        Scenario sc = StochasticDesignFixtures.nearField("exact", "unit");
        assertEquals(1 + 1e-12, 1.0 + 1e-12 + 0.0, 0);
        DesignResult r = new SlbDesign().run(sc.withSolver(new SolverSpec("slb", Map.of("tau1", 1.0, "tau2", 1e-12,
                "tau3", 0.0))), DesignContext.none());
        Metrics m = DesignScenarios.evaluate(sc, r.precoder());
        assertEquals(DesignScenarios.POWER_W, m.system().transmitPowerW(), 1e-9);
        assertThrows(DesignException.class, () -> new SlbDesign().run(sc.withSolver(new SolverSpec("slb",
                Map.of("tau1", 1.0, "tau2", 2e-12, "tau3", 0.0))), DesignContext.none()));
    }

    /**
     * a' is the derivative of a = conj(v(p)) as the target rotates about the vertical axis through
     * the reference point o (here off the array's centre), checked by central differences.
     */
    @Test
    void theDerivativeBeamRotatesTheTargetAboutTheReferencePoint() throws Exception {
        String json = DesignScenarios.json("exact", "spherical", DesignScenarios.ONE_USER,
                "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "")
                .replace("\"amplitude\": \"spherical\"",
                        "\"amplitude\": \"spherical\", \"reference_m\": [0.3, -0.2, 0]");
        Scenario sc = ScenarioReader.readScenario(json);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        Target t = sc.targets().get(0);
        StochasticDesign.Vectors v = StochasticDesign.vectors(ph, sc.users().get(0), t);
        int n = 8;
        double[][] c = ph.channelRow(sc.users().get(0));
        double[] vr = new double[n];
        double[] vi = new double[n];
        ph.transmit().evaluate(t.positionM(), true, vr, vi);
        double[][] plus = response(ph, rotate(t.positionM(), 1e-6), n);
        double[][] minus = response(ph, rotate(t.positionM(), -1e-6), n);
        double scale = 0;
        double amax = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.hypot(v.aPrime()[0][i], v.aPrime()[1][i]));
            amax = Math.max(amax, Math.hypot(vr[i], vi[i]));
        }
        // the phase turns by tens of radians per radian of rotation at 2 m and 3.5 GHz
        assertTrue(scale > 10 * amax, "a' must not vanish here: " + scale + " vs |a| " + amax);
        for (int i = 0; i < n; i++) {
            assertEquals(c[0][i], v.h()[0][i], 0);
            assertEquals(-c[1][i], v.h()[1][i], 0);
            assertEquals(vr[i], v.a()[0][i], 0);
            assertEquals(-vi[i], v.a()[1][i], 0);
            assertEquals((plus[0][i] - minus[0][i]) / 2e-6, v.aPrime()[0][i], 1e-6 * scale, "Re a'_" + i);
            assertEquals(-(plus[1][i] - minus[1][i]) / 2e-6, v.aPrime()[1][i], 1e-6 * scale, "Im a'_" + i);
        }
    }

    private static Vec3 rotate(Vec3 p, double angle) {
        double qx = p.x() - 0.3;
        double qy = p.y() + 0.2;
        return new Vec3(0.3 + qx * Math.cos(angle) - qy * Math.sin(angle), -0.2 + qx * Math.sin(angle)
                + qy * Math.cos(angle), p.z());
    }

    private static double[][] response(ScenarioPhysics ph, Vec3 p, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        ph.transmit().evaluate(p, true, re, im);
        return new double[][] {re, im};
    }
}
