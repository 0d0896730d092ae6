package io.fresnel.service;

import java.util.Objects;

/**
 * How a background request ended: a value or the error that stopped it.
 *
 * @param <R> the result type
 */
public sealed interface Outcome<R> permits Outcome.Success, Outcome.Failure {

    /**
     * The request produced a value.
     *
     * @param value the result (may be null if the work returns null)
     * @param <R> the result type
     */
    record Success<R>(R value) implements Outcome<R> {
    }

    /**
     * The request failed.
     *
     * @param error what the work threw (never null)
     * @param <R> the result type
     */
    record Failure<R>(Throwable error) implements Outcome<R> {
        /** Checks the error is given. */
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }
}
