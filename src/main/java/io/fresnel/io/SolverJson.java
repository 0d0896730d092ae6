package io.fresnel.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.design.DesignResult;

/**
 * The {@code "solver"} object that {@code solve} prints next to the metrics (SCENARIO.md
 * section 5): {@code algorithm}, {@code status} ({@link io.fresnel.design.DesignStatus#jsonName()}),
 * {@code objective} (null when the design has none), {@code iterations} and {@code seconds} (s).
 */
public final class SolverJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SolverJson() {
    }

    /**
     * @param result a design's result
     * @return the solver object
     */
    public static ObjectNode toJson(DesignResult result) {
        ObjectNode o = F.objectNode();
        o.put("algorithm", result.algorithm());
        o.put("status", result.status().jsonName());
        if (result.objective() == null || result.objective().isInfinite()) {
            o.putNull("objective");
        } else {
            o.put("objective", result.objective().doubleValue());
        }
        o.put("iterations", result.iterations());
        o.put("seconds", result.seconds());
        return o;
    }
}
