package io.fresnel.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.sweep.LocalSweepEngine;
import io.fresnel.sweep.SweepEngine;
import io.fresnel.sweep.SweepEngineOptions;
import io.fresnel.sweep.SweepEngines;
import io.fresnel.sweep.SweepFigure;
import io.fresnel.sweep.SweepJob;
import io.fresnel.sweep.SweepRunner;
import io.fresnel.sweep.SweepScenarios;
import io.fresnel.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same small figure through the local and the embedded Spark engine (mvn -B -Pspark test
 * -Dtest=SparkSweepEngineTest): identical CSV values, and a sweep stopped on one engine resumes
 * on the other.
 */
class SparkSweepEngineTest {
    /** Fig. 3 at 1 and 2 users, 2 draws, two closed-form baselines and RSMA-FD with 5 iterations. */
    private static SweepSpec spec() {
        return new SweepSpec(SweepFigure.FIG3, SweepScenarios.smallBase(), List.of(1.0, 2.0), 2, 11,
                List.of("mrt", "zf", "rsma-digital"), 5);
    }

    private static SweepEngine spark() {
        return SweepEngines.create("spark", SweepEngineOptions.defaults().withMaster("local[2]")
                .withAppName("fresnel test"));
    }

    @Test
    void theSparkEngineWritesTheLocalEnginesValues(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("local"));
        Path b = Files.createDirectories(dir.resolve("spark"));
        SweepJob.Outcome local = new SweepJob(spec(), a).run(new LocalSweepEngine(2), SweepRunner.Listener.NONE);
        SweepJob.Outcome spark;
        try (SweepEngine e = spark()) {
            assertEquals("spark", e.name());
            assertEquals("master local[2]", e.describe());
            spark = new SweepJob(spec(), b).run(e, SweepRunner.Listener.NONE);
        }
        assertEquals(12, spark.computed());
        assertEquals(SweepScenarios.csvValues(local.result()), SweepScenarios.csvValues(spark.result()));
        assertEquals(8, local.result().solves().stream().filter(s -> s.counted() && !s.scheme().startsWith("rsma"))
                .count(), "every baseline run gave a value, so the comparison covers values");
    }

    @Test
    void aSweepStoppedLocallyResumesOnSparkWithOnlyTheMissingRuns(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        LocalSweepEngine first = new LocalSweepEngine(1);
        SweepJob.Outcome stopped = new SweepJob(spec(), out).run(first, (s, done, total) -> {
            if (done == 4) {
                first.cancel();
            }
        });
        assertTrue(stopped.cancelled());
        AtomicInteger seen = new AtomicInteger();
        SweepJob.Outcome resumed;
        try (SweepEngine e = spark()) {
            resumed = new SweepJob(spec(), out).run(e, (s, done, total) -> seen.incrementAndGet());
        }
        assertFalse(resumed.cancelled());
        assertEquals(4, resumed.resumed());
        assertEquals(8, resumed.computed());
        assertEquals(8, seen.get());
        Path once = Files.createDirectories(dir.resolve("once"));
        SweepJob.Outcome oneShot = new SweepJob(spec(), once).run(new LocalSweepEngine(2), SweepRunner.Listener.NONE);
        assertEquals(SweepScenarios.csvValues(oneShot.result()), SweepScenarios.csvValues(resumed.result()));
    }
}
