package io.fresnel.design;

/** How a design ended; {@link #jsonName()} is the {@code "status"} value printed by {@code solve}. */
public enum DesignStatus {
    /** The design's problem was solved (closed forms always are). */
    OPTIMAL("optimal"),
    /**
     * A local method (paper 000's penalty BCD) met its stopping rule: a stationary point whose
     * precoder meets every constraint, not a certified global optimum.
     */
    CONVERGED("converged"),
    /** The constraints cannot be met; no precoder is returned (SCENARIO.md section 4). */
    INFEASIBLE("infeasible"),
    /** The objective is unbounded. */
    UNBOUNDED("unbounded"),
    /** The iteration limit was reached before convergence; the best precoder so far may be returned. */
    ITERATION_LIMIT("iteration-limit"),
    /** The caller cancelled the run. */
    CANCELLED("cancelled");

    private final String jsonName;

    DesignStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name used in JSON output, e.g. {@code "iteration-limit"} */
    public String jsonName() {
        return jsonName;
    }
}
