package io.fresnel.ui;

import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the window from the jar's launcher: checks the arguments and the scenario file first
 * (a rejected file exits 2 with the reason, without opening a window), then runs the JavaFX
 * application until it ends.
 */
public final class AppLauncher {
    private AppLauncher() {
    }

    /**
     * @param args {@code [SCENARIO.json] [--snapshot OUT.png]}
     * @param out where the snapshot reports the file it wrote
     * @param err where problems are reported
     * @return the exit status: 0, 2 for a rejected file or argument, 1 if a snapshot failed
     */
    public static int launch(String[] args, PrintStream out, PrintStream err) {
        FresnelApp.LaunchOptions opts;
        try {
            opts = FresnelApp.LaunchOptions.parse(List.of(args));
            if (opts.scenario() != null) {
                ScenarioReader.read(opts.scenario());
            }
        } catch (IllegalArgumentException e) {
            err.println("fresnel: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("fresnel: cannot read " + e.getMessage());
            return 2;
        } catch (ScenarioFormatException e) {
            err.println("fresnel: rejected: " + e.getMessage());
            return 2;
        }
        FresnelApp.reportTo(out, err);
        Application.launch(FresnelApp.class, args);
        return FresnelApp.exitCode();
    }
}
