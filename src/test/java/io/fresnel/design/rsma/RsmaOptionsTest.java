package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
