package io.fresnel.design.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The closed-form designs at the edges of what they accept: the result and progress report of a
 * closed form without users, RF chains exactly as many as the users, the order in which the
 * two-stage design matches its chains (users, targets, then users again), and a user whose channel
 * is zero.
 */
class BaselineLimitsTest {

    @Test
    void withoutUsersAClosedFormHasNoObjectiveAndReportsNaNOnce() throws DesignException {
        Scenario sc = DesignScenarios.scenario("exact", "unit", "", DesignScenarios.TWO_TARGETS, "");
        for (String name : List.of("isotropic", "mrt", "far-field-steering")) {
            List<Double> reported = new ArrayList<>();
            List<Integer> iterations = new ArrayList<>();
            DesignResult r = Designs.byName(name).run(sc, new DesignContext(() -> false, (i, obj, msg) -> {
                iterations.add(i);
                reported.add(obj);
            }, null));
            assertEquals(DesignStatus.OPTIMAL, r.status(), name);
            assertNull(r.objective(), name);
            assertEquals(1, r.iterations(), name);
            assertNull(r.message(), name);
            assertEquals(List.of(1), iterations, name);
            assertTrue(Double.isNaN(reported.get(0)), name);
            assertTrue(r.seconds() >= 0, name);
        }
    }

    @Test
    void withUsersTheObjectiveIsTheSumOfLog2OnePlusSinr() throws DesignException {
        Scenario sc = DesignScenarios.threeUsers();
        for (String name : List.of("mrt", "zf", "rzf")) {
            DesignResult r = Designs.byName(name).run(sc, DesignContext.none());
            double sum = 0;
            for (var u : DesignScenarios.evaluate(sc, r.precoder()).users()) {
                sum += Math.log(1 + u.sinr()) / Math.log(2);
            }
            assertEquals(sum, r.objective(), 1e-9 * sum, name);
        }
    }

    private static Scenario hybrid(String kind, int chains) {
        return DesignScenarios.scenario("exact", "unit", DesignScenarios.THREE_USERS, DesignScenarios.TWO_TARGETS,
                "\"architecture\": {\"kind\": \"" + kind + "\", \"rf_chains\": " + chains + "},");
    }

    /** @return |sum_n x_n F_A[n][r]| / sum_n |x_n|: 1 exactly when chain r's phases cancel those of x */
    private static double match(double[][] x, ComplexMatrix fa, int r) {
        double re = 0;
        double im = 0;
        double abs = 0;
        for (int n = 0; n < fa.rows(); n++) {
            re += x[0][n] * fa.re(n, r) - x[1][n] * fa.im(n, r);
            im += x[0][n] * fa.im(n, r) + x[1][n] * fa.re(n, r);
            abs += Math.hypot(x[0][n], x[1][n]);
        }
        return Math.hypot(re, im) / abs;
    }

    @Test
    void theChainsAreMatchedToUsersThenTargetsThenUsersAgain() {
        Scenario sc = hybrid("hybrid-full", 8);
        Precoder p = DesignScenarios.design("two-stage-hybrid", sc);
        ScenarioPhysics physics = new ScenarioPhysics(sc);
        List<double[][]> expected = new ArrayList<>();
        sc.users().forEach(u -> expected.add(physics.channelRow(u)));
        for (var t : sc.targets()) {
            double[] re = new double[8];
            double[] im = new double[8];
            physics.transmit().evaluate(t.positionM(), true, re, im);
            expected.add(new double[][] {re, im});
        }
        expected.add(physics.channelRow(sc.users().get(0)));
        expected.add(physics.channelRow(sc.users().get(1)));
        expected.add(physics.channelRow(sc.users().get(2)));
        for (int r = 0; r < 8; r++) {
            assertEquals(1, match(expected.get(r), p.analog(), r), 1e-12, "chain " + r);
        }
    }

    @Test
    void asManyChainsAsUsersIsEnough() throws DesignException {
        DesignResult r = Designs.byName("two-stage-hybrid").run(hybrid("hybrid-full", 3), DesignContext.none());
        assertEquals(DesignStatus.OPTIMAL, r.status());
        assertEquals(3, r.precoder().analog().cols());
        assertEquals(DesignScenarios.POWER_W, r.precoder().effective().frobeniusNorm2(), 1e-9);
        assertEquals("two-stage-hybrid: 3 users need at least as many RF chains, the architecture has rf_chains = 2",
                assertThrows(DesignException.class, () -> Designs.byName("two-stage-hybrid")
                        .run(hybrid("hybrid-partial", 2), DesignContext.none())).getMessage());
    }

    @Test
    void aUserWithAZeroChannelCannotBeReached() {
        Scenario sc = DesignScenarios.scenario("exact", "unit", "{\"id\": \"z\", \"position_m\": [3, 1, 0],"
                + " \"noise_w\": 1e-9, \"channel\": [[0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]}",
                "", "");
        DesignException e = assertThrows(DesignException.class, () -> Designs.byName("mrt").run(sc,
                DesignContext.none()));
        assertEquals("mrt: the channel of user z is zero, no beam can reach it", e.getMessage());
    }
}
