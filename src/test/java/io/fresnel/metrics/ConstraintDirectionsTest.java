package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.model.CommNode;
import io.fresnel.model.ExplicitArray;
import io.fresnel.model.Link;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.Precoder;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.Sensing;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.math.Complex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ConstraintStatus} on hand-made metrics: every bound of the solver block is an upper
 * bound, every rate requirement a lower bound, an RSMA user's rate is its private rate plus its
 * share of the common rate, and the tolerance is relative (1e-6) on the right side of each limit.
 */
class ConstraintDirectionsTest {

    private static Scenario scenario(Map<String, Double> shares, Map<String, Object> solver) {
        List<CommNode> users = List.of(
                new CommNode("u1", new Vec3(1, 0.5, 0), 1e-9, Link.LINE_OF_SIGHT, 2.3),
                new CommNode("u2", new Vec3(1, -0.5, 0), 1e-9, Link.LINE_OF_SIGHT, 1.2));
        Target t = new Target("t1", new Vec3(2, 0, 0), Complex.ONE, false, null, null, null);
        List<Stream> streams = List.of(new Stream(StreamRole.COMMON, null), new Stream(StreamRole.PRIVATE, "u1"),
                new Stream(StreamRole.PRIVATE, "u2"));
        Precoder p = new Precoder(streams, ComplexMatrix.ofColumnMajor(1, 3, new double[] {0.5, 0.5, 0.5}, new double[3]),
                null, null, shares);
        return new Scenario("constraints", 2, 3e9, 3e8, new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, null),
                new ExplicitArray(List.of(new Vec3(0, 0, 0))), null, 1.0, null, new Sensing(10, 1e-9), users, List.of(),
                List.of(t), List.of(), p, new SolverSpec("rsma-digital", solver));
    }

    private static TargetMetrics target(Double crbAngle, Double crbRange, Double speb, Double pcrb24) {
        return new TargetMetrics("t1", null, null, null, null, speb, null, crbAngle, crbRange, null, null, null, null,
                null, null, null, null, null, pcrb24, null);
    }

    private static Metrics metrics(double power, TargetMetrics t) {
        List<UserMetrics> users = List.of(
                new UserMetrics("u1", null, null, 3.0, 2.5, 1.0, 1.0, null),
                new UserMetrics("u2", null, null, 3.0, 2.5, 0.4, 0.5, null));
        return new Metrics(users, List.of(), List.of(t), List.of(),
                new SystemMetrics(power, 3.5, 2.0, null, null));
    }

    private static ConstraintStatus.Check named(List<ConstraintStatus.Check> checks, String prefix) {
        return checks.stream().filter(c -> c.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + prefix + " in " + checks));
    }

    @Test
    void boundsAreUpperAndRatesLowerWithRsmaShares() {
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("crb_angle_max_rad2", 1e-4);
        solver.put("crb_range_max_m2", 1e-2);
        solver.put("speb_max_m2", 1e-3);
        solver.put("pcrb_max_rad2", 1e-5);
        Scenario s = scenario(Map.of("u1", 0.7, "u2", 0.3), solver);
        List<ConstraintStatus.Check> checks = ConstraintStatus.of(s, metrics(1.0, target(2e-4, 5e-3, null, 1e-5)));
        assertEquals(7, checks.size(), checks.toString());

        ConstraintStatus.Check power = named(checks, "transmit power");
        assertTrue(power.upper());
        assertEquals(1.0, power.limit());
        assertTrue(power.met());
        // u1: 1.0 + 0.7 x 2.0 = 2.4 >= 2.3; u2: 0.5 + 0.3 x 2.0 = 1.1 < 1.2
        ConstraintStatus.Check u1 = named(checks, "u1 rate");
        assertFalse(u1.upper());
        assertEquals(2.4, u1.value(), 1e-12);
        assertEquals(2.3, u1.limit());
        assertTrue(u1.met());
        ConstraintStatus.Check u2 = named(checks, "u2 rate");
        assertEquals(1.1, u2.value(), 1e-12);
        assertFalse(u2.met());

        ConstraintStatus.Check angle = named(checks, "t1 angle CRB");
        assertTrue(angle.upper());
        assertEquals(2e-4, angle.value());
        assertEquals(1e-4, angle.limit());
        assertFalse(angle.met(), "a CRB twice its bound violates it");
        ConstraintStatus.Check range = named(checks, "t1 range CRB");
        assertTrue(range.upper());
        assertTrue(range.met(), "a CRB half its bound meets it");
        ConstraintStatus.Check speb = named(checks, "t1 SPEB");
        assertTrue(Double.isNaN(speb.value()));
        assertFalse(speb.met(), "a missing SPEB violates its bound");
        ConstraintStatus.Check pcrb = named(checks, "t1 PCRB");
        assertTrue(pcrb.upper());
        assertEquals(1e-5, pcrb.value());
        assertTrue(pcrb.met());
    }

    @Test
    void withoutSharesTheCommonRateIsSplitEqually() {
        Scenario s = scenario(null, Map.of());
        List<ConstraintStatus.Check> checks = ConstraintStatus.of(s, metrics(2.0, target(null, null, null, null)));
        // no bounds in the solver block: power and the two rates only
        assertEquals(3, checks.size(), checks.toString());
        assertFalse(named(checks, "transmit power").met(), "2 W over a 1 W budget");
        // u1: 1.0 + 2.0 / 2 = 2.0 < 2.3; u2: 0.5 + 1.0 = 1.5 >= 1.2
        assertEquals(2.0, named(checks, "u1 rate").value(), 1e-12);
        assertFalse(named(checks, "u1 rate").met());
        assertEquals(1.5, named(checks, "u2 rate").value(), 1e-12);
        assertTrue(named(checks, "u2 rate").met());
    }

    @Test
    void anSdmaRateIsUsedAsIs() {
        Scenario s = scenario(null, Map.of());
        List<UserMetrics> users = List.of(new UserMetrics("u1", 4.0, 2.32, null, null, null, null, null),
                new UserMetrics("u2", null, null, null, null, null, null, null));
        Metrics m = new Metrics(users, List.of(), List.of(), List.of(), new SystemMetrics(null, null, 9.0, null, null));
        List<ConstraintStatus.Check> checks = ConstraintStatus.of(s, m);
        assertEquals(2, checks.size(), "no power check without the metric: " + checks);
        assertEquals(2.32, named(checks, "u1 rate").value());
        assertTrue(named(checks, "u1 rate").met());
        assertTrue(Double.isNaN(named(checks, "u2 rate").value()), "a user without rates has none");
        assertFalse(named(checks, "u2 rate").met());
    }

    @Test
    void theToleranceIsRelativeAndOnTheRightSide() {
        double lim = 4.0;
        assertTrue(new ConstraintStatus.Check("up", lim * (1 + 0.5e-6), lim, true).met());
        assertFalse(new ConstraintStatus.Check("up", lim * (1 + 2e-6), lim, true).met());
        assertTrue(new ConstraintStatus.Check("up", 0.0, lim, true).met());
        assertTrue(new ConstraintStatus.Check("low", lim * (1 - 0.5e-6), lim, false).met());
        assertFalse(new ConstraintStatus.Check("low", lim * (1 - 2e-6), lim, false).met());
        assertTrue(new ConstraintStatus.Check("low", 100.0, lim, false).met());
        assertFalse(new ConstraintStatus.Check("low", 1.0, lim, false).met());
        assertFalse(new ConstraintStatus.Check("low", Double.NaN, lim, false).met());
    }
}
