package io.fresnel.sweep;

import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The small base scenario of the sweep tests (N = 16, M = 8, 2 users, one eavesdropping target). */
public final class SweepScenarios {
    private SweepScenarios() {
    }

    /** @return the parsed test base */
    public static Scenario smallBase() {
        try (InputStream in = SweepScenarios.class.getResourceAsStream("small-base.scenario.json")) {
            return ScenarioReader.readScenario(in);
        } catch (Exception e) {
            throw new AssertionError("cannot read the sweep test base", e);
        }
    }

    /** @return the file of the test base, for command-line tests */
    public static Path smallBaseFile() {
        try {
            return Paths.get(SweepScenarios.class.getResource("small-base.scenario.json").toURI());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
