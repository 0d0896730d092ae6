package io.fresnel;

import io.fresnel.cli.FresnelCommand;
import io.fresnel.ui.AppLauncher;

/**
 * Entry point of the jar. A plain launcher class (not a JavaFX Application): with no arguments,
 * or a scenario file and optionally {@code --snapshot OUT.png}, it opens the explorer window;
 * with a command ({@code eval}, {@code solve}, {@code render}, {@code sweep}, {@code bench},
 * {@code --help}) it runs the command line without a display and without initialising JavaFX.
 */
public final class Main {
    private Main() {
    }

    /**
     * Opens the window or runs the command line, and exits with its status (0 success,
     * 2 rejected input, 1 internal error).
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        if (opensWindow(args)) {
            System.exit(AppLauncher.launch(args, System.out, System.err));
        }
        System.exit(FresnelCommand.run(args, System.out, System.err));
    }

    /**
     * @param args command-line arguments
     * @return whether they ask for the window: none, a scenario file (not a command) first, or
     *     {@code --snapshot} or {@code --view}
     */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                || args[0].startsWith("--snapshot") || args[0].startsWith("--view");
    }
}
