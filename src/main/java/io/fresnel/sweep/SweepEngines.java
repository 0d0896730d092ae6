package io.fresnel.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a sweep engine by name: {@code local} is built in, the others come from a {@link SweepEngineProvider}. */
public final class SweepEngines {
    /** The built-in engine's name. */
    public static final String LOCAL = "local";
    /** The Spark engine's name (only in {@code fresnel-spark.jar}). */
    public static final String SPARK = "spark";

    private SweepEngines() {
    }

    /**
     * @param name the engine's name
     * @param options its options
     * @return a new engine
     * @throws IllegalArgumentException for an unknown name, or {@code spark} in a build without
     *     it ("this build has no Spark engine; use fresnel-spark.jar"), or an unusable option
     */
    public static SweepEngine create(String name, SweepEngineOptions options) {
        if (LOCAL.equals(name)) {
            if (options.master() != null) {
                throw new IllegalArgumentException("--master applies to a distributed engine, not to --engine local");
            }
            return new LocalSweepEngine(options.threads());
        }
        List<String> known = new ArrayList<>(List.of(LOCAL));
        for (SweepEngineProvider p : ServiceLoader.load(SweepEngineProvider.class, SweepEngines.class.getClassLoader())) {
            if (p.name().equals(name)) {
                return p.create(options);
            }
            known.add(p.name());
        }
        if (SPARK.equals(name)) {
            throw new IllegalArgumentException("--engine spark: this build has no Spark engine; use fresnel-spark.jar"
                    + " (mvn -B -Pspark package, see docs/spark.md)");
        }
        throw new IllegalArgumentException("--engine " + name + ": unknown engine (known: " + String.join(", ", known)
                + ")");
    }
}
