package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    private final SweepSpec spec = new SweepSpec(SweepFigure.FIG3, SweepScenarios.smallBase(), List.of(1.0, 2.0), 3, 5,
            List.of("mrt", "zf"), 7);

    @Test
    void thePlanReadsBackToAnEqualSweep() {
        SweepPlan plan = SweepPlan.of(spec);
        SweepSpec back = plan.spec();
        assertEquals(plan, SweepPlan.of(back), "base JSON -> scenario -> JSON is a fixed point");
        assertEquals(spec.points(), back.points());
        assertEquals(spec.schemes(), back.schemes());
        assertEquals(spec.seed(), back.seed());
        assertEquals(7, back.maxIterations());
    }

    @Test
    void theRunsAreDrawMajorAndTheirCanonicalIndicesCoverEveryRowOnce() {
        SweepPlan plan = SweepPlan.of(spec);
        List<SweepRun> runs = plan.runs();
        assertEquals(12, runs.size());
        assertEquals(new SweepRun(0, 1.0, 0, 0, "mrt", 5), runs.get(0));
        assertEquals(new SweepRun(1, 2.0, 0, 1, "zf", 5), runs.get(3));
        assertEquals(1, runs.get(4).draw());
        Set<Integer> indices = new HashSet<>();
        runs.forEach(r -> indices.add(plan.canonicalIndex(r)));
        assertEquals(12, indices.size());
        assertEquals(0, plan.canonicalIndex(runs.get(0)));
        assertEquals(11, plan.canonicalIndex(new SweepRun(1, 2.0, 2, 1, "zf", 5)));
    }

    @Test
    void theDifferenceNamesTheFirstFieldThatDiffers() {
        SweepPlan a = SweepPlan.of(spec);
        assertNull(a.difference(SweepPlan.of(spec)));
        SweepPlan draws = SweepPlan.of(new SweepSpec(SweepFigure.FIG3, spec.base(), spec.points(), 4, 5,
                spec.schemes(), 7));
        assertEquals("draws 3 vs 4", a.difference(draws));
        SweepPlan iterations = SweepPlan.of(new SweepSpec(SweepFigure.FIG3, spec.base(), spec.points(), 3, 5,
                spec.schemes(), null));
        assertEquals("max_iterations 7 vs null", a.difference(iterations));
        SweepPlan base = SweepPlan.of(new SweepSpec(SweepFigure.FIG3, SweepFigure.withSolverParameter(spec.base(), "tolerance", 0.5), spec.points(), 3,
                5, spec.schemes(), 7));
        assertTrue(a.difference(base).contains("base scenario"));
    }
}
