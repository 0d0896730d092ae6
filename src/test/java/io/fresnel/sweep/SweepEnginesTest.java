package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SweepEnginesTest {
    @Test
    void localIsBuiltInAndRefusesAMaster() {
        try (SweepEngine e = SweepEngines.create("local", SweepEngineOptions.defaults().withThreads(3))) {
            assertEquals("local", e.name());
            assertEquals("3 threads", e.describe());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepEngines.create("local", SweepEngineOptions.defaults().withMaster("local[*]")));
        assertTrue(e.getMessage().contains("--master"), e.getMessage());
    }

    @Test
    void sparkComesOnlyFromAProviderAndItsAbsenceSaysWhichJarHasIt() {
        boolean provided = ServiceLoader.load(SweepEngineProvider.class).stream()
                .anyMatch(p -> p.get().name().equals("spark"));
        if (provided) {
            // the spark build (mvn -Pspark): the engine is found; its context starts on first use
            try (SweepEngine e = SweepEngines.create("spark", SweepEngineOptions.defaults())) {
                assertEquals("spark", e.name());
            }
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SweepEngines.create("spark", SweepEngineOptions.defaults()));
            assertTrue(e.getMessage().contains("this build has no Spark engine; use fresnel-spark.jar"),
                    e.getMessage());
        }
    }

    @Test
    void anUnknownEngineNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepEngines.create("mpi", SweepEngineOptions.defaults()));
        assertTrue(e.getMessage().contains("unknown engine (known: local"), e.getMessage());
    }
}
