package io.fresnel.design;

import io.fresnel.model.Scenario;
import java.util.Objects;

/**
 * The preamble every design shares: argument checks, the start time of the run and the answer to
 * a context that is already cancelled ({@link DesignStatus#CANCELLED}, no precoder, no work done).
 * Subclasses implement {@link #design(Scenario, DesignContext, long)} and time their result with
 * {@link DesignResult#secondsSince(long)}.
 */
public abstract class AbstractDesign implements Design {

    @Override
    public final DesignResult run(Scenario scenario, DesignContext context) throws DesignException {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(context, "context");
        long start = System.nanoTime();
        if (context.isCancelled()) {
            return DesignResult.cancelledBeforeStart(name(), start);
        }
        return design(scenario, context, start);
    }

    /**
     * Runs the design on a context that was not cancelled when the run started.
     *
     * @param scenario the scenario (not null; its own precoder is ignored)
     * @param context cancellation, progress and warm start (not null)
     * @param startNanos {@link System#nanoTime()} when the run started
     * @return the outcome
     * @throws DesignException when the design cannot handle this input (the message names the cause)
     */
    protected abstract DesignResult design(Scenario scenario, DesignContext context, long startNanos)
            throws DesignException;
}
