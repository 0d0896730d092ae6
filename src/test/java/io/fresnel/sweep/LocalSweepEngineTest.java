package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalSweepEngineTest {
    private final SweepPlan plan = SweepPlan.of(new SweepSpec(SweepFigure.FIG3, SweepScenarios.smallBase(),
            List.of(1.0, 2.0), 3, 5, List.of("mrt", "zf"), null));

    @Test
    void everyRunReachesTheSinkOnceAndNeverConcurrently() throws Exception {
        AtomicInteger rows = new AtomicInteger();
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        try (LocalSweepEngine e = new LocalSweepEngine(2)) {
            e.compute(new SweepTask(plan), plan.runs(), (run, row) -> {
                if (!inside.compareAndSet(false, true)) {
                    overlapped.set(true);
                }
                assertEquals(run.scheme(), row.scheme());
                assertEquals(run.draw(), row.draw());
                rows.incrementAndGet();
                inside.set(false);
            });
        }
        assertEquals(12, rows.get());
        assertFalse(overlapped.get());
    }

    @Test
    void afterACancelNoFurtherRowIsReported() throws Exception {
        AtomicInteger rows = new AtomicInteger();
        LocalSweepEngine e = new LocalSweepEngine(1);
        e.compute(new SweepTask(plan), plan.runs(), (run, row) -> {
            if (rows.incrementAndGet() == 3) {
                e.cancel();
            }
        });
        assertEquals(3, rows.get());
    }

    @Test
    void aFailingSinkStopsTheEngineWithItsException() {
        LocalSweepEngine e = new LocalSweepEngine(2);
        IOException x = assertThrows(IOException.class, () -> e.compute(new SweepTask(plan), plan.runs(),
                (run, row) -> {
                    throw new IOException("disk full");
                }));
        assertTrue(x.getMessage().contains("disk full"));
        assertThrows(IllegalArgumentException.class, () -> new LocalSweepEngine(0));
    }
}
