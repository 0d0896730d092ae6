package io.fresnel.cli;

import io.fresnel.design.Design;
import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import io.fresnel.model.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/** Loads the scenario file named on the command line and reports problems on stderr. */
final class ScenarioInput {
    private ScenarioInput() {
    }

    /**
     * Warns about the keys of the scenario's solver block that the design does not read, as
     * unknown keys of the file are warned about.
     *
     * @param file the file, for the message
     * @param scenario the scenario
     * @param design the design that will run
     * @param err where the warnings go
     */
    static void warnUnknownParameters(Path file, Scenario scenario, Design design, PrintWriter err) {
        Set<String> known = design.parameterNames();
        if (known == null || scenario.solver() == null) {
            return;
        }
        for (String key : scenario.solver().parameters().keySet()) {
            if (!known.contains(key)) {
                err.println("fresnel: warning: " + file + ": solver." + Text.oneLine(key) + " is not a parameter of "
                        + design.name() + " (ignored)");
            }
        }
    }

    /**
     * Reads and validates a scenario file; unknown keys are reported as warnings.
     *
     * @param file the file
     * @param err where warnings and the rejection reason go
     * @return the scenario, or null when the file was rejected (the reason is printed)
     */
    static Scenario load(Path file, PrintWriter err) {
        try {
            ScenarioReader.Result result = ScenarioReader.read(file);
            for (String w : result.warnings()) {
                err.println("fresnel: warning: " + file + ": " + Text.oneLine(w));
            }
            return result.scenario();
        } catch (ScenarioFormatException e) {
            err.println("fresnel: " + file + ": rejected: " + e.getMessage());
            return null;
        } catch (java.io.IOException e) {
            err.println("fresnel: " + file + ": rejected: cannot read the file (" + Text.oneLine(String.valueOf(e))
                    + ")");
            return null;
        }
    }
}
