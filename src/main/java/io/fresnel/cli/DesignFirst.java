package io.fresnel.cli;

import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.model.Scenario;
import java.io.PrintWriter;

/**
 * A scenario without a precoder but with a {@code solver} block is used with the precoder that
 * block designs (as {@code solve} would), and stderr says so ({@code render}, {@code localize}).
 */
final class DesignFirst {
    private DesignFirst() {
    }

    /**
     * @param scenario the scenario as read
     * @param command the command's name for the stderr note
     * @param err where the note goes
     * @return the scenario itself when it has a precoder or no solver block, else with the designed one
     * @throws DesignException when the design fails
     * @throws IllegalArgumentException when the design ends without a precoder (e.g. infeasible)
     */
    static Scenario ifNeeded(Scenario scenario, String command, PrintWriter err) throws DesignException {
        if (scenario.precoder() != null || scenario.solver() == null) {
            return scenario;
        }
        String algorithm = scenario.solver().algorithm();
        DesignResult result = Designs.byName(algorithm).run(scenario, CommandDeadline.designContext());
        if (result.precoder() == null) {
            throw new IllegalArgumentException(algorithm + " ended " + result.status().jsonName()
                    + (result.message() != null ? " (" + result.message() + ")" : ""));
        }
        err.println("fresnel: " + command + ": no precoder in the file; designed one with its solver block ("
                + algorithm + ", " + result.status().jsonName() + ")");
        err.flush();
        return scenario.withPrecoder(result.precoder());
    }
}
