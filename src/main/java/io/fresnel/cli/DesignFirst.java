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
        return designed(scenario, command, err).scenario();
    }

    /**
     * The scenario to use and where its precoder came from.
     *
     * @param scenario the scenario to use
     * @param design the algorithm that designed its precoder, or null when it is the file's
     * @param status that design's status ({@code optimal}, {@code converged}, ...), or null
     */
    record Designed(Scenario scenario, String design, String status) {
    }

    /**
     * As {@link #ifNeeded}, also saying which design made the precoder.
     *
     * @param scenario the scenario as read
     * @param command the command's name for the stderr note
     * @param err where the note goes
     * @return the scenario to use, with the design and its status when this designed it
     * @throws DesignException when the design fails
     * @throws IllegalArgumentException when the design ends without a precoder (e.g. infeasible)
     */
    static Designed designed(Scenario scenario, String command, PrintWriter err) throws DesignException {
        if (scenario.precoder() != null || scenario.solver() == null) {
            return new Designed(scenario, null, null);
        }
        String algorithm = scenario.solver().algorithm();
        DesignResult result = Designs.byName(algorithm).run(scenario, CommandDeadline.designContext());
        if (result.precoder() == null) {
            throw new IllegalArgumentException(algorithm + " ended " + result.status().jsonName()
                    + (result.message() != null ? " (" + result.message() + ")" : ""));
        }
        err.println("fresnel: " + command + ": no precoder in the file; designed one with its solver block ("
                + algorithm + ", " + result.status().jsonName() + ")");
        return new Designed(scenario.withPrecoder(result.precoder()), algorithm, result.status().jsonName());
    }
}
