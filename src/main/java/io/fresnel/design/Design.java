package io.fresnel.design;

import io.fresnel.model.Scenario;
import java.util.List;
import java.util.Set;

/**
 * A beamforming design: one algorithm of SCENARIO.md section 4, identified by its
 * {@link #name() name} in the scenario file's {@code solver.algorithm}. Implementations are
 * stateless and thread-safe; a run reads the scenario and returns an immutable result.
 */
public interface Design {

    /** @return the algorithm name of SCENARIO.md section 4, e.g. {@code "mrt"} */
    String name();

    /** @return one line for a menu, e.g. "MRT: focused beam on each user" */
    String description();

    /**
     * The keys of the {@code solver} block this design reads (besides {@code algorithm}); the
     * command line warns about the others, as it warns about unknown keys of the file.
     *
     * @return the parameter names, or null when the design does not declare them (no warning)
     */
    default Set<String> parameterNames() {
        return null;
    }

    /**
     * The parameters of the {@code solver} block this design reads, with their meaning, unit, range
     * and default, in the order a form lists them. The design checks each one with its descriptor,
     * so the window checks an edit with the same rule.
     *
     * @return the descriptors (empty when the design reads none or does not describe them)
     */
    default List<SolverParameter> parameters() {
        return List.of();
    }

    /**
     * Designs a precoder for the scenario. The scenario's own precoder, if any, is ignored.
     *
     * @param scenario the scenario; its arrays, nodes, power and solver parameters are read
     * @param context cancellation flag, progress listener and optional warm start
     * @return the outcome; {@link DesignResult#precoder()} is null unless a precoder was designed
     * @throws DesignException when the design cannot handle this input (the message names the cause)
     */
    DesignResult run(Scenario scenario, DesignContext context) throws DesignException;
}
