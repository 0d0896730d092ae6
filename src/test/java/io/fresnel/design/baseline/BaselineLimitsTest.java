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
    void channelInversionAndFocusedBeamsSpendExactlyThePowerBudgetEquallyOverTheirStreams() {
        Scenario sc = DesignScenarios.threeUsers();
        for (String name : List.of("zf", "rzf", "mrt", "far-field-steering")) {
            Precoder p = DesignScenarios.design(name, sc);
            assertEquals(DesignScenarios.POWER_W, p.effective().frobeniusNorm2(), 1e-12, name);
        }
        // without users, one sensing beam per target with P / T each
        Scenario targets = DesignScenarios.scenario("exact", "unit", "", DesignScenarios.TWO_TARGETS, "");
        for (String name : List.of("mrt", "far-field-steering")) {
            ComplexMatrix c = DesignScenarios.design(name, targets).columns();
            for (int s = 0; s < 2; s++) {
                double norm2 = 0;
                for (int n = 0; n < 8; n++) {
                    norm2 += c.get(n, s).abs2();
                }
                assertEquals(DesignScenarios.POWER_W / 2, norm2, 1e-12, name + " beam " + s);
            }
        }
    }

    @Test
    void rzfDescribesItsOneParameter() {
        var params = Designs.byName("rzf").parameters();
        assertEquals(1, params.size());
        assertEquals("regularization", params.get(0).key());
        assertTrue(!params.get(0).hasDefault(), "absent: the MMSE choice U mean(noise) / P");
        assertEquals(java.util.Set.of("regularization"), Designs.byName("rzf").parameterNames());
    }

    @Test
    void asManyTargetsAsTheStreamLimitGetOneBeamEach() {
        // Precoder.MAX_STREAMS = 4096 targets on a line at x = 3 m (no users): the largest allowed number
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < Precoder.MAX_STREAMS; i++) {
            t.append(i == 0 ? "" : ",").append("{\"id\": \"t").append(i).append("\", \"position_m\": [3, ")
                    .append(-2 + 4.0 * i / Precoder.MAX_STREAMS).append(", 0], \"reflection\": [0.01, 0]}");
        }
        Scenario sc = DesignScenarios.scenario("exact", "unit", "", t.toString(), "");
        Precoder p = DesignScenarios.design("mrt", sc);
        assertEquals(Precoder.MAX_STREAMS, p.streams().size());
        assertEquals(DesignScenarios.POWER_W, p.effective().frobeniusNorm2(), 1e-9);
    }

    @Test
    void aUserOnTheReferencePointHasNoFarFieldDirection() {
        // with the exact phase and a given gain the channel does not need the user's range from o, so the model
        // accepts a user at the reference point o (the array's centre), where (p - o) / |p - o| does not exist
        Scenario sc = DesignScenarios.scenario("exact", "unit", "{\"id\": \"u0\", \"position_m\": [0, 0, 0],"
                + " \"gain\": [0.001, 0], \"noise_w\": 1e-9}", "", "");
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("far-field-steering").run(sc, DesignContext.none()));
        assertEquals("far-field-steering: user u0 sits on the reference point, where its direction is undefined",
                e.getMessage());
    }

    /** Two targets in front of a ULA of {@code elements} antennas (no users). */
    private static Scenario ula(int elements) {
        String text = DesignScenarios.json("exact", "unit", "", DesignScenarios.TWO_TARGETS, "");
        String big = text.replace("\"elements\": 8,", "\"elements\": " + elements + ",");
        assertTrue(!big.equals(text));
        try {
            return io.fresnel.io.ScenarioReader.readScenario(big);
        } catch (io.fresnel.io.ScenarioFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theIsotropicPrecoderStopsAtTheEntryLimitWithADesignError() throws DesignException {
        // N x N entries: 2048^2 = 2^22 is the limit itself, 2049 antennas are named in a design error
        DesignResult r = Designs.byName("isotropic").run(ula(2048), DesignContext.none());
        assertEquals(2048, r.precoder().streams().size());
        assertEquals(Math.sqrt(DesignScenarios.POWER_W / 2048), r.precoder().columns().re(2047, 2047), 1e-15);
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("isotropic").run(ula(2049), DesignContext.none()));
        assertEquals("isotropic: 2049 antennas need a 2049 x 2049 precoder, more than the limit of 4194304 entries",
                e.getMessage());
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
