package io.fresnel.sweep;

/**
 * A sweep engine that a build can add without the core depending on it, found with
 * {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/io.fresnel.sweep.SweepEngineProvider}): the Spark engine lives in
 * {@code src/spark/java} and only {@code fresnel-spark.jar} carries it.
 */
public interface SweepEngineProvider {
    /** @return the engine's name as {@code sweep --engine} spells it (e.g. {@code spark}) */
    String name();

    /**
     * @param options the engine options
     * @return a new engine
     * @throws IllegalArgumentException naming the option that cannot be used
     */
    SweepEngine create(SweepEngineOptions options);
}
