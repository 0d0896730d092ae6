package io.fresnel.io;

import io.fresnel.model.Text;

/**
 * A scenario file was rejected: it is not JSON, exceeds a reading limit, or does not describe a
 * valid scenario (SCENARIO.md section 3). The message starts with the path of the offending
 * field when there is one, followed by the reason, e.g.
 * {@code users[1].noise_w: must be > 0 (got 0.0)} or
 * {@code tx_array.ula.elements: must be a whole number (got 4.5)}; syntax errors add the line and
 * column of the text.
 */
public final class ScenarioFormatException extends Exception {

    /**
     * @param message the field path and the reason, ready to show to the user
     */
    public ScenarioFormatException(String message) {
        super(Text.oneLine(message));
    }

    /**
     * @param message the field path and the reason, ready to show to the user
     * @param cause the parser or model exception behind the rejection
     */
    public ScenarioFormatException(String message, Throwable cause) {
        super(Text.oneLine(message), cause);
    }
}
