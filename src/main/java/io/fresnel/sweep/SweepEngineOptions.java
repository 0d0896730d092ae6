package io.fresnel.sweep;

/**
 * Options of a sweep engine.
 *
 * @param threads parallel solves of the local engine (>= 1; default: the available processors)
 * @param master the cluster manager URL of a distributed engine (Spark: {@code local[*]},
 *     {@code spark://HOST:7077}, {@code yarn}, {@code k8s://...}), or null for the engine's
 *     default (Spark: the {@code spark.master} that {@code spark-submit} set, else
 *     {@code local[*]})
 * @param appName the application name a cluster shows
 */
public record SweepEngineOptions(int threads, String master, String appName) {

    /** Checks the thread count. */
    public SweepEngineOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 (got " + threads + ")");
        }
        if (master != null && master.isBlank()) {
            throw new IllegalArgumentException("--master is empty");
        }
    }

    /** @return the defaults: one thread per available processor, the engine's default master, "fresnel sweep" */
    public static SweepEngineOptions defaults() {
        return new SweepEngineOptions(Runtime.getRuntime().availableProcessors(), null, "fresnel sweep");
    }

    /**
     * @param value the thread count
     * @return a copy with it
     */
    public SweepEngineOptions withThreads(int value) {
        return new SweepEngineOptions(value, master, appName);
    }

    /**
     * @param value the master URL, or null
     * @return a copy with it
     */
    public SweepEngineOptions withMaster(String value) {
        return new SweepEngineOptions(threads, value, appName);
    }

    /**
     * @param value the application name
     * @return a copy with it
     */
    public SweepEngineOptions withAppName(String value) {
        return new SweepEngineOptions(threads, master, value);
    }
}
