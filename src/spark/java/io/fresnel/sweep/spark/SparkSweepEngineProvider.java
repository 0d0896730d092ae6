package io.fresnel.sweep.spark;

import io.fresnel.sweep.SweepEngine;
import io.fresnel.sweep.SweepEngineOptions;
import io.fresnel.sweep.SweepEngineProvider;

/** Registers {@link SparkSweepEngine} as {@code sweep --engine spark} (found by {@link java.util.ServiceLoader}). */
public final class SparkSweepEngineProvider implements SweepEngineProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public SparkSweepEngineProvider() {
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepEngine create(SweepEngineOptions options) {
        return new SparkSweepEngine(options);
    }
}
