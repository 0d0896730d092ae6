package io.fresnel;

import io.fresnel.cli.FresnelCommand;

/**
 * Entry point of the jar. A plain launcher class (not a JavaFX Application), so that the
 * command line runs without a display and without JavaFX initialised.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its status (0 success, 2 rejected input, 1 internal
     * error).
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(FresnelCommand.run(args, System.out, System.err));
    }
}
