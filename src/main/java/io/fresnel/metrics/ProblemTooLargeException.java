package io.fresnel.metrics;

/**
 * A valid scenario whose evaluation would need more memory than Fresnel allows itself (the
 * limits keep a hostile file from exhausting the machine). The message names the sizes.
 */
public final class ProblemTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is too large, with the sizes */
    public ProblemTooLargeException(String message) {
        super(message);
    }
}
