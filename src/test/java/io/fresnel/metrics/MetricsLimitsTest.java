package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The work limits of the metrics (the posterior CRB's cost model and the joint FIM's size limit)
 * with their messages, the joint FIM's singularity message and a weakly observed target's
 * known-other bounds, and the small contracts of {@link ConstraintStatus},
 * {@link CommunicationMetrics} and {@link PrecoderColumns} that no other test reaches.
 */
class MetricsLimitsTest {
    /** lambda at 3 GHz with c = 299792458 m/s; the ULAs below are lambda/2. */
    private static final double LAMBDA = 299_792_458.0 / 3e9;

    /** Paper 001's set-up: centred far-field lambda/2 ULAs, Nt = 8, Nr = 10; one target line per entry. */
    private static Scenario paper001(String... targets) {
        return TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3e9,
             "propagation": {"phase": "far-field", "amplitude": "unit"},
             "tx_array": {"ula": {"elements": 8, "spacing_m": %s, "axis": "y", "center_m": [0, 0, 0]}},
             "rx_array": {"ula": {"elements": 10, "spacing_m": %s, "axis": "y", "center_m": [0, 0, 0]}},
             "sensing": {"snapshots": 1, "noise_w": 1e-3},
             "targets": [%s],
             "precoder": {"streams": [{"role": "sensing"}, {"role": "sensing"}],
               "columns": [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05], [0.1, 0.1], [-0.2, 0.15], [0.1, 0], [0, 0.2]],
                           [[0.1, -0.3], [0.05, 0.2], [0.3, 0.1], [-0.2, -0.1], [0.15, 0.0], [0.1, -0.25], [0.2, 0.2], [-0.1, 0]]]}}
            """.formatted(LAMBDA / 2, LAMBDA / 2, String.join(", ", targets)));
    }

    /** A target line with a prior of {@code components} equally likely angles spread over [-1, 1] rad. */
    private static String target(String id, double x, int components, double sigma) {
        List<String> angles = new ArrayList<>();
        List<String> probs = new ArrayList<>();
        for (int i = 0; i < components; i++) {
            angles.add(Double.toString(components == 1 ? 0.1 : -1 + 2.0 * i / (components - 1)));
            probs.add(Double.toString(1.0 / components));
        }
        return """
            {"id": "%s", "position_m": [%s, 0, 0], "reflection": [1, 0],
             "prior": {"angles_rad": [%s], "probabilities": [%s], "sigma_rad": %s, "range_m": 10}}"""
                .formatted(id, x, String.join(", ", angles), String.join(", ", probs), sigma);
    }

    /**
     * The cost model of the posterior CRB written out: K components x panels x 8 nodes x (12 E (S + 1)
     * + 26 K) with E = 18 antennas and S = 2 streams; the panels resolve sigma / 2 and a quarter of
     * the beam pattern's period 2 pi / (2 k r_max), r_max = 4.5 lambda / 2 (the Rx ULA's end elements).
     */
    private static double handOperations(int components, double sigma) {
        double k = 2 * Math.PI / LAMBDA;
        double period = 2 * Math.PI / (2 * k * 4.5 * LAMBDA / 2);
        double panels = Math.ceil(20 * sigma / Math.min(sigma / 2, period / 4));
        return components * panels * 8 * (12.0 * 18 * 3 + 26.0 * components);
    }

    private static double operations(Scenario sc, int target) {
        ScenarioPhysics physics = new ScenarioPhysics(sc);
        return PriorBounds.operations(physics, new PrecoderColumns(sc.precoder().effective()), sc.targets().get(target));
    }

    @Test
    void thePosteriorCrbsCostFollowsTheDocumentedModel() {
        // period / 4 = 1 / 18 rad: sigma = 0.99 is resolved by the pattern (357 panels), sigma = 0.05
        // by sigma / 2 (40 panels), and sigma = 0.41 by the pattern again (148 panels)
        Scenario sc = paper001(target("a", 10, 3, 0.99), target("b", 9, 1, 0.05), target("c", 8, 7, 0.41));
        assertEquals(handOperations(3, 0.99), operations(sc, 0), 1e-9 * handOperations(3, 0.99));
        assertEquals(handOperations(1, 0.05), operations(sc, 1), 1e-9 * handOperations(1, 0.05));
        assertEquals(handOperations(7, 0.41), operations(sc, 2), 1e-9 * handOperations(7, 0.41));
    }

    @Test
    void aSingleTooCostlyPriorIsRefusedWithItsSizesNamed() {
        // 400 components at sigma = 0.99: 400 x 357 x 8 x (648 + 10400) = 1.26e10 operations
        Scenario sc = paper001(target("big", 10, 400, 0.99));
        ScenarioPhysics physics = new ScenarioPhysics(sc);
        ProblemTooLargeException e = assertThrows(ProblemTooLargeException.class, () -> PriorBounds.evaluate(physics,
                new PrecoderColumns(sc.precoder().effective()), sc.targets().get(0), sc.sensing()));
        assertTrue(e.getMessage().contains("target big needs about 1.3e+10 operations (400 prior components, "
                + 357 * 8 + " quadrature nodes each, 18 antennas)"), e.getMessage());
    }

    @Test
    void thePriorsOfAllTargetsAreLimitedTogetherAndTheCostliestIsNamed() {
        // each alone is under the limit of 2e9; together they are not
        double first = handOperations(100, 0.99);
        double second = handOperations(120, 0.99);
        assertTrue(first < PriorBounds.MAX_OPERATIONS && second < PriorBounds.MAX_OPERATIONS
                && first + second > PriorBounds.MAX_OPERATIONS);
        ProblemTooLargeException e = assertThrows(ProblemTooLargeException.class, () -> MetricsEvaluator.evaluate(
                paper001(target("cheap", 10, 100, 0.99), target("dear", 9, 120, 0.99))));
        assertTrue(e.getMessage().contains("target dear, has 120 prior components"), e.getMessage());
        assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "about %.1e operations", first + second)),
                e.getMessage());
        // a tie names the first of the costliest
        ProblemTooLargeException tie = assertThrows(ProblemTooLargeException.class, () -> MetricsEvaluator.evaluate(
                paper001(target("one", 10, 120, 0.99), target("two", 9, 120, 0.99))));
        assertTrue(tie.getMessage().contains("target one, has 120"), tie.getMessage());
    }

    @Test
    void theJointFimRefusesMoreColumnEntriesThanItsLimitAndCountsThem() {
        // 10 receive antennas x 2^13 streams x 69 targets x (2 + 1) = 16,957,440 > 2^24 entries
        Scenario sc = paper001(target("a", 10, 1, 0.05));
        ScenarioPhysics physics = new ScenarioPhysics(sc);
        int streams = 1 << 13;
        PrecoderColumns wide = new PrecoderColumns(ComplexMatrix.ofColumnMajor(8, streams, new double[8 * streams],
                new double[8 * streams]));
        List<Target> targets = Collections.nCopies(69, sc.targets().get(0));
        ProblemTooLargeException e = assertThrows(ProblemTooLargeException.class,
                () -> JointFisherInformation.columnsOf(physics, wide, targets));
        assertTrue(e.getMessage().contains("the joint FIM of 69 targets with 10 receive antennas and 8192 streams needs "
                + 16_957_440L + " complex entries, more than the limit " + JointFisherInformation.MAX_COLUMN_ENTRIES),
                e.getMessage());
    }

    @Test
    void echoesAreSeparableExactlyWhenTheResidualColumnsExist() {
        Scenario lit = TestScenarios.parse(TestScenarios.twoTargets("exact", "unit", TestScenarios.TWO_TARGETS, "", ""));
        ScenarioPhysics physics = new ScenarioPhysics(lit);
        PrecoderColumns cols = new PrecoderColumns(lit.precoder().effective());
        JointFisherInformation f = new JointFisherInformation(physics, cols, lit.targets(), 64, 1e-9);
        assertTrue(f.echoesSeparable());
        assertNull(f.error());
        Scenario dark = TestScenarios.parse(TestScenarios.twoTargets("exact", "unit", """
                {"id": "t1", "position_m": [2.0, 0.8, 0], "reflection": [0.01, 0.004]},
                {"id": "t2", "position_m": [1.5, -1.1, 0], "reflection": 0}""", "", ""));
        JointFisherInformation g = new JointFisherInformation(new ScenarioPhysics(dark),
                new PrecoderColumns(dark.precoder().effective()), dark.targets(), 64, 1e-9);
        assertFalse(g.echoesSeparable());
    }

    @Test
    void anUnobservableCoordinateIsReportedWithItsTinyEigenvalueRatio() {
        // rotational symmetry about a ULA's axis in 3-D: lambda_min / lambda_max is rounding noise
        Scenario sc = TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 3, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "exact", "amplitude": "spherical"},
             "tx_array": {"ula": {"elements": 4, "spacing_m": 0.0428, "axis": "x", "center_m": [0, 0, 0]}},
             "sensing": {"snapshots": 10, "noise_w": 1e-12},
             "targets": [{"id": "t1", "position_m": [0.4, 0.3, 1.2], "reflection": [1, 0.5]}],
             "precoder": {"streams": [{"role": "sensing"}],
               "columns": [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05]]]}}
            """);
        String error = MetricsEvaluator.evaluate(sc).targets().get(0).error();
        Matcher m = Pattern.compile("lambda_min/lambda_max = (\\S+) \\(a coordinate is unobservable\\)").matcher(error);
        assertTrue(m.find(), error);
        double ratio = Double.parseDouble(m.group(1));
        assertTrue(Math.abs(ratio) < JointFisherInformation.SINGULARITY_THRESHOLD, error);
    }

    @Test
    void aWeaklyObservedTargetKeepsItsKnownOtherBounds() {
        // noise 1e9 W: every Fisher information is tiny (lambda_max about 1e-8) but the FIM is regular, so the
        // known-other bounds exist and scale with the noise
        String base = TestScenarios.twoTargets("exact", "unit", TestScenarios.ONE_TARGET, "", "");
        Scenario loud = TestScenarios.parse(base.replace("\"snapshots\": 64, \"noise_w\": 1e-9}",
                "\"snapshots\": 64, \"noise_w\": 1e9}"));
        Scenario quiet = TestScenarios.parse(base);
        assertEquals(1e9, loud.sensing().noiseW());
        TargetMetrics l = MetricsEvaluator.evaluate(loud).targets().get(0);
        TargetMetrics q = MetricsEvaluator.evaluate(quiet).targets().get(0);
        assertNull(l.error());
        assertNotNull(l.crbAngleKnownRangeRad2());
        assertNotNull(l.crbRangeKnownAngleM2());
        assertEquals(q.crbAngleKnownRangeRad2() * 1e18, l.crbAngleKnownRangeRad2(), 1e-6 * l.crbAngleKnownRangeRad2());
        assertEquals(q.crbRangeKnownAngleM2() * 1e18, l.crbRangeKnownAngleM2(), 1e-6 * l.crbRangeKnownAngleM2());
    }

    @Test
    void aCheckExactlyAtItsToleranceIsMet() {
        double limit = 2.5;
        double up = limit * (1 + ConstraintStatus.TOLERANCE);
        double down = limit * (1 - ConstraintStatus.TOLERANCE);
        assertTrue(new ConstraintStatus.Check("upper", up, limit, true).met());
        assertFalse(new ConstraintStatus.Check("upper", Math.nextUp(up), limit, true).met());
        assertTrue(new ConstraintStatus.Check("lower", down, limit, false).met());
        assertFalse(new ConstraintStatus.Check("lower", Math.nextDown(down), limit, false).met());
    }

    @Test
    void aRequiredUserMissingFromTheMetricsHasNoRate() {
        Scenario sc = TestScenarios.parse(TestScenarios.twoTargets("exact", "unit", TestScenarios.ONE_TARGET, "", "")
                .replace("[3, 1, 0], \"noise_w\": 1e-9}", "[3, 1, 0], \"noise_w\": 1e-9, \"min_rate_bps_hz\": 1.5}"));
        Metrics none = new Metrics(List.of(), List.of(), List.of(), List.of(), new SystemMetrics(null, null, null, null,
                null));
        List<ConstraintStatus.Check> checks = ConstraintStatus.of(sc, none);
        assertEquals(1, checks.size());
        assertTrue(Double.isNaN(checks.get(0).value()), checks.toString());
        assertFalse(checks.get(0).met());
    }

    @Test
    void rateIsLogTwoOfOnePlusSinrAndColumnsKnowTheirAntennas() {
        assertEquals(2.0, CommunicationMetrics.rate(3.0), 1e-15);
        assertEquals(0.0, CommunicationMetrics.rate(0.0));
        PrecoderColumns c = new PrecoderColumns(ComplexMatrix.ofColumnMajor(3, 2, new double[6], new double[6]));
        assertEquals(3, c.antennas());
        assertEquals(2, c.streams());
    }

    @Test
    void anRsmaUserWhosePrivateStreamIsTheFirstColumnHasAPrivateRate() {
        Scenario sc = TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "exact", "amplitude": "unit"},
             "tx_array": {"ula": {"elements": 2, "spacing_m": 0.0428, "axis": "y", "center_m": [0, 0, 0]}},
             "users": [{"id": "u1", "position_m": [3, 1, 0], "noise_w": 1e-3}],
             "precoder": {"streams": [{"role": "private", "user": "u1"}, {"role": "common"}],
               "columns": [[[0.3, 0], [0.1, 0]], [[0.2, 0], [0, 0]]]}}
            """);
        UserMetrics u = MetricsEvaluator.evaluate(sc).users().get(0);
        assertNotNull(u.commonSinr());
        assertNotNull(u.privateSinr(), "the private stream at column 0 is the user's");
        assertTrue(u.privateSinr() > 0);
    }
}
