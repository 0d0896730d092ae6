package io.fresnel.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The descriptors of solver parameters: defaults, absent values, the rule, and the designs' lists. */
class SolverParameterTest {

    @Test
    void absentValuesGiveTheDefaultOrNothingAndARequiredOneIsNamed() throws Exception {
        assertEquals(40L, SolverParameter.integer("max_iterations", "m", 40, 1, 10).read("a", Map.of()));
        assertEquals(0.5, SolverParameter.openInterval("f", "m", 0.5, 0, 1).read("a", Map.of()));
        assertNull(SolverParameter.positive("crb", "m", "rad^2", Double.NaN).read("a", Map.of()));
        assertEquals("joint", SolverParameter.choice("v", "m", List.of("joint", "known-other")).read("a", Map.of()));
        DesignException e = assertThrows(DesignException.class,
                () -> SolverParameter.requiredPositive("pcrb_max_rad2", "the threshold", "rad^2").read("x", Map.of()));
        assertEquals("x: the solver block needs pcrb_max_rad2, the threshold (rad^2)", e.getMessage());
    }

    @Test
    void presentValuesAreCheckedWithTheFieldTheValueAndTheRange() {
        DesignException e = assertThrows(DesignException.class, () -> SolverParameter.integer("max_iterations", "m",
                40, 1, 10).read("a", Map.of("max_iterations", 11L)));
        assertEquals("a: solver.max_iterations must be an integer in [1, 10] (got 11)", e.getMessage());
        e = assertThrows(DesignException.class, () -> SolverParameter.number("tau", "m", "", 0.5, 0, 1)
                .read("a", Map.of("tau", "half")));
        assertEquals("a: solver.tau must be a finite number in [0.0, 1.0] (got \"half\")", e.getMessage());
    }

    @Test
    void everyDescribedParameterIsOneTheDesignDeclaresAndKeysAreUnique() throws Exception {
        int described = 0;
        for (Design d : Designs.all()) {
            Set<String> keys = new HashSet<>();
            for (SolverParameter p : d.parameters()) {
                assertTrue(keys.add(p.key()), d.name() + " lists " + p.key() + " twice");
                if (d.parameterNames() != null) {
                    assertTrue(d.parameterNames().contains(p.key()), d.name() + ": " + p.key());
                }
                if (p.hasDefault()) {
                    // the default itself passes the rule
                    Object v = p.read(d.name(), Map.of());
                    assertEquals(v, p.read(d.name(), Map.of(p.key(), v)), d.name() + "." + p.key());
                }
                described++;
            }
        }
        assertTrue(described >= 20, "the paper designs describe their parameters (" + described + ")");
    }
}
