package io.fresnel.design;

import io.fresnel.model.Precoder;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a running design may consult besides the scenario: whether it should stop, where to
 * report progress, and a previous solution to start from. Iterative designs check
 * {@code cancelled} every iteration and then return {@link DesignStatus#CANCELLED}.
 *
 * @param cancelled true once the caller no longer wants the result (never null)
 * @param progress receives one report per iteration (never null)
 * @param warmStart a previous precoder of the same algorithm and stream layout, or null
 */
public record DesignContext(BooleanSupplier cancelled, ProgressListener progress, Precoder warmStart) {

    private static final DesignContext NONE = new DesignContext(() -> false, ProgressListener.NONE, null);

    /** Checks that the flag and the listener are given. */
    public DesignContext {
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(progress, "progress");
    }

    /** @return a context that is never cancelled, ignores progress and has no warm start */
    public static DesignContext none() {
        return NONE;
    }

    /** @return whether the caller has asked the design to stop */
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
