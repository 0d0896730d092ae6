package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTaskTest {
    private final SweepSpec spec = new SweepSpec(SweepFigure.FIG3, SweepScenarios.smallBase(), List.of(1.0, 2.0), 2, 5,
            List.of("mrt", "zf"), null);

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void aShippedTaskGivesTheRowsOfTheRunnerUpToTheTiming() throws Exception {
        SweepResult direct = new SweepRunner(spec).run(1, SweepRunner.Listener.NONE);
        SweepPlan plan = SweepPlan.of(spec);
        SweepTask shipped = (SweepTask) roundTrip(new SweepTask(plan));
        for (SweepRun run : plan.runs()) {
            SweepRun r = (SweepRun) roundTrip(run);
            SweepResult.Solve row = (SweepResult.Solve) roundTrip(shipped.solve(r));
            SweepResult.Solve expected = direct.solves().get(plan.canonicalIndex(run));
            assertEquals(expected.minSecrecyRateBpsHz(), row.minSecrecyRateBpsHz(), run.key());
            assertEquals(expected.status(), row.status());
            assertEquals(expected.objective(), row.objective());
            assertTrue(row.counted());
        }
    }

    @Test
    void aRunOfAnotherSweepIsRefused() {
        SweepTask t = new SweepTask(SweepPlan.of(spec));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.solve(new SweepRun(0, 1.0, 0, 0, "mrt", 6)));
        assertTrue(e.getMessage().contains("seed=6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.solve(new SweepRun(0, 2.0, 0, 0, "mrt", 5)));
        assertThrows(IllegalArgumentException.class, () -> t.solve(new SweepRun(0, 1.0, 2, 0, "mrt", 5)));
    }
}
