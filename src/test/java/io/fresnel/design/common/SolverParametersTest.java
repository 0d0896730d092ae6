package io.fresnel.design.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SolverParametersTest {

    private static SolverParameters of(Map<String, Object> params) {
        Scenario s = DesignScenarios.threeUsers().withSolver(new SolverSpec("mrt", params));
        return SolverParameters.of(s, "algo");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void absentKeysGiveTheDefault() throws DesignException {
        SolverParameters p = of(Map.of());
        assertEquals(7.5, p.number("x", 7.5, 0, 10));
        assertEquals(3, p.integer("n", 3, 1, 10));
        assertEquals("joint", p.choice("v", "joint", Set.of("joint", "known-other")));
        assertFalse(p.has("x"));
    }

    @Test
    void integersAreNotTruncated() throws DesignException {
        SolverParameters p = of(map("max_iterations", 2.5, "seed", 4.0, "big", 12L));
        DesignException e = assertThrows(DesignException.class, () -> p.integer("max_iterations", 1, 1, 100));
        assertEquals("algo: solver.max_iterations must be an integer in [1, 100] (got 2.5)", e.getMessage());
        assertEquals(4, p.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(12, p.integer("big", 0, 0, 12));
        assertThrows(DesignException.class, () -> p.integer("big", 0, 0, 11));
    }

    @Test
    void rejectionsNameTheFieldTheValueAndTheRange() {
        SolverParameters p = of(map("a", -1.0, "b", "text", "c", 0.0, "v", "other"));
        assertEquals("algo: solver.a must be a finite number in [0.0, 1.0] (got -1.0)",
                assertThrows(DesignException.class, () -> p.number("a", 0, 0, 1)).getMessage());
        assertEquals("algo: solver.b must be a finite number > 0 (got \"text\")",
                assertThrows(DesignException.class, () -> p.positive("b", 1)).getMessage());
        assertThrows(DesignException.class, () -> p.positive("c", 1));
        assertEquals("algo: solver.v must be one of joint, known-other (got \"other\")",
                assertThrows(DesignException.class, () -> p.choice("v", "joint", Set.of("known-other", "joint")))
                        .getMessage());
        assertTrue(assertThrows(DesignException.class, () -> p.requiredPositive("missing", "the bound (m^2)"))
                .getMessage().contains("needs missing, the bound (m^2)"));
    }

    @Test
    void openIntervalsExcludeTheirEnds() throws DesignException {
        SolverParameters p = of(map("one", 1.0, "zero", 0L, "half", 0.5));
        assertEquals(0.5, p.openInterval("half", 0.1, 0, 1));
        assertEquals(0.1, p.openInterval("absent", 0.1, 0, 1));
        assertEquals("algo: solver.one must be a finite number in (0.0, 1.0) (got 1.0)",
                assertThrows(DesignException.class, () -> p.openInterval("one", 0.5, 0, 1)).getMessage());
        assertThrows(DesignException.class, () -> p.openInterval("zero", 0.5, 0, 1));
    }

    @Test
    void unknownKeysAreListedInFileOrder() {
        SolverParameters p = of(map("seed", 1L, "typo", 2.0, "tau", 0.5));
        assertEquals(List.of("typo", "tau"), p.unknown(Set.of("seed")));
    }

    @Test
    void givenValuesAreReadThroughEachAccessor() throws DesignException {
        SolverParameters p = of(map("x", 2.5, "r", 4.0, "v", "a", "w", "none"));
        assertTrue(p.has("x"));
        assertEquals(2.5, p.positive("x", 1.0));
        assertEquals(1.0, p.positive("absent", 1.0));
        assertEquals(4.0, p.requiredPositive("r", "a radius (m)"));
        assertEquals(2.5, p.number(io.fresnel.design.SolverParameter.positive("x", "", "", 1.0)));
        assertEquals("a", p.choice("v", "none", Set.of("a", "b")));
        // the default word is accepted by the descriptor but, when given and not allowed, refused with the allowed list
        assertEquals("algo: solver.w must be one of a, b (got \"none\")",
                assertThrows(DesignException.class, () -> p.choice("w", "none", Set.of("a", "b"))).getMessage());
        // absent, the default is returned even when it is not in the allowed set
        assertEquals("none", p.choice("absent", "none", Set.of("a", "b")));
    }
}
