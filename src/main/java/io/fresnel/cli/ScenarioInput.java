package io.fresnel.cli;

import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import io.fresnel.model.Text;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads the scenario file named on the command line and reports problems on stderr. */
final class ScenarioInput {
    private ScenarioInput() {
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
            err.flush();
            return result.scenario();
        } catch (ScenarioFormatException e) {
            err.println("fresnel: " + file + ": rejected: " + e.getMessage());
            err.flush();
            return null;
        } catch (java.io.IOException e) {
            err.println("fresnel: " + file + ": rejected: cannot read the file (" + Text.oneLine(String.valueOf(e))
                    + ")");
            err.flush();
            return null;
        }
    }
}
