package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RsmaOptionsTest {

    private static RsmaOptions read(Map<String, Object> params) throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", "").withSolver(new SolverSpec("rsma-hybrid", params));
        return RsmaOptions.read(SolverParameters.of(sc, "rsma-hybrid"));
    }

    @Test
    void anEmptySolverBlockGivesTheDocumentedDefaults() throws Exception {
        RsmaOptions o = read(Map.of());
        assertEquals(RsmaOptions.DEFAULTS, o);
        assertEquals(3000, o.maxIterations());
        assertEquals(0, o.seed());
        assertEquals(100, o.penaltyInitial());
        assertEquals(0.5, o.penaltyFactor());
        assertEquals(1e-7, o.penaltyTolerance());
        assertEquals(RsmaOptions.CrbVariant.JOINT, o.crbVariant());
        assertNull(o.crbAngleMaxRad2());
        assertNull(o.crbRangeMaxM2());
    }

    @Test
    void theSolverBlockSetsEveryField() throws Exception {
        RsmaOptions o = read(Map.of("max_iterations", 40L, "seed", -3L, "penalty_initial", 10.0, "penalty_factor",
                0.25, "penalty_tolerance", 1e-6, "crb_variant", "known-other", "crb_angle_max_rad2", 1e-6,
                "crb_range_max_m2", 2.0));
        assertEquals(new RsmaOptions(40, -3, 10, 0.25, 1e-6, RsmaOptions.CrbVariant.KNOWN_OTHER, 1e-6, 2.0), o);
    }

    @Test
    void withCopiesChangeOneFieldOnly() {
        RsmaOptions d = RsmaOptions.DEFAULTS;
        assertEquals(new RsmaOptions(7, 0, 100, 0.5, 1e-7, RsmaOptions.CrbVariant.JOINT, null, null),
                d.withMaxIterations(7));
        assertEquals(9, d.withSeed(9).seed());
        assertEquals(3, d.withPenaltyInitial(3).penaltyInitial());
        assertEquals(0.9, d.withPenaltyFactor(0.9).penaltyFactor());
        assertEquals(1e-3, d.withPenaltyTolerance(1e-3).penaltyTolerance());
        assertEquals(RsmaOptions.CrbVariant.KNOWN_OTHER,
                d.withCrbVariant(RsmaOptions.CrbVariant.KNOWN_OTHER).crbVariant());
        assertEquals(1e-5, d.withCrbAngleMaxRad2(1e-5).crbAngleMaxRad2());
        assertEquals(4.0, d.withCrbRangeMaxM2(4.0).crbRangeMaxM2());
        assertEquals(RsmaOptions.DEFAULTS, d);
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RsmaOptions.DEFAULTS.withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> RsmaOptions.DEFAULTS.withPenaltyFactor(1));
        assertThrows(IllegalArgumentException.class, () -> RsmaOptions.DEFAULTS.withPenaltyInitial(0));
        assertThrows(IllegalArgumentException.class, () -> RsmaOptions.DEFAULTS.withPenaltyTolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RsmaOptions.DEFAULTS.withCrbRangeMaxM2(-1.0));
        assertEquals("rsma-hybrid: solver.seed must be an integer (got 1.5)",
                assertThrows(DesignException.class, () -> read(Map.of("seed", 1.5))).getMessage());
        assertEquals("rsma-hybrid: solver.crb_angle_max_rad2 must be a finite number > 0 (got 0.0)",
                assertThrows(DesignException.class, () -> read(Map.of("crb_angle_max_rad2", 0.0))).getMessage());
        assertEquals("rsma-hybrid: solver.crb_variant must be one of joint, known-other (got \"diagonal\")",
                assertThrows(DesignException.class, () -> read(Map.of("crb_variant", "diagonal"))).getMessage());
    }

    /**
     * Every limit of the constructor on both sides of its edge: 1 iteration allowed, 0 not; the
     * smallest positive double allowed for rho_0, the tolerance and the CRB bounds, 0 and infinity
     * not; alpha just inside (0, 1) allowed, 0 and 1 not. Each rejection names its field.
     */
    @Test
    void everyLimitHoldsAtItsExactEdge() {
        RsmaOptions d = RsmaOptions.DEFAULTS;
        double tiny = Double.MIN_VALUE;
        assertEquals(1, d.withMaxIterations(1).maxIterations());
        assertEquals(tiny, d.withPenaltyInitial(tiny).penaltyInitial());
        assertEquals(tiny, d.withPenaltyFactor(tiny).penaltyFactor());
        assertEquals(Math.nextDown(1.0), d.withPenaltyFactor(Math.nextDown(1.0)).penaltyFactor());
        assertEquals(tiny, d.withPenaltyTolerance(tiny).penaltyTolerance());
        assertEquals(tiny, d.withCrbAngleMaxRad2(tiny).crbAngleMaxRad2());
        assertEquals(tiny, d.withCrbRangeMaxM2(tiny).crbRangeMaxM2());
        assertEquals(Double.MAX_VALUE, d.withPenaltyInitial(Double.MAX_VALUE).penaltyInitial());
        assertEquals(Double.MAX_VALUE, d.withPenaltyTolerance(Double.MAX_VALUE).penaltyTolerance());
        assertEquals(Double.MAX_VALUE, d.withCrbAngleMaxRad2(Double.MAX_VALUE).crbAngleMaxRad2());
        assertEquals(Double.MAX_VALUE, d.withCrbRangeMaxM2(Double.MAX_VALUE).crbRangeMaxM2());
        String[][] rejected = {
            {"maxIterations", "0"},
            {"penaltyInitial", "0"}, {"penaltyInitial", "inf"}, {"penaltyInitial", "nan"},
            {"penaltyFactor", "0"}, {"penaltyFactor", "1"}, {"penaltyFactor", "nan"},
            {"penaltyTolerance", "0"}, {"penaltyTolerance", "inf"}, {"penaltyTolerance", "nan"},
            {"crb", "angle0"}, {"crb", "angleInf"}, {"crb", "angleNan"}, {"crb", "range0"}, {"crb", "rangeInf"},
        };
        for (String[] r : rejected) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(d, r[1], r[0]),
                    r[0] + " " + r[1]);
            String field = r[0].equals("crb") ? "a CRB bound" : r[0];
            assertTrue(e.getMessage().startsWith(field + " must be"), e.getMessage());
        }
    }

    private static RsmaOptions build(RsmaOptions d, String value, String field) {
        double v = switch (value) {
            case "0", "angle0", "range0" -> 0;
            case "1" -> 1;
            case "inf", "angleInf", "rangeInf" -> Double.POSITIVE_INFINITY;
            default -> Double.NaN;
        };
        return switch (field) {
            case "maxIterations" -> d.withMaxIterations((int) v);
            case "penaltyInitial" -> d.withPenaltyInitial(v);
            case "penaltyFactor" -> d.withPenaltyFactor(v);
            case "penaltyTolerance" -> d.withPenaltyTolerance(v);
            default -> value.startsWith("angle") ? d.withCrbAngleMaxRad2(v) : d.withCrbRangeMaxM2(v);
        };
    }
}
