package io.fresnel.design;

import io.fresnel.model.Text;

/**
 * The scenario is an input the design cannot handle (no users, more users than antennas for
 * zero forcing, a digital architecture for a hybrid design, ...). The message names the cause
 * and starts with the algorithm name.
 */
public final class DesignException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message the cause, naming the offending quantity (control characters are escaped) */
    public DesignException(String message) {
        super(Text.oneLine(message));
    }
}
