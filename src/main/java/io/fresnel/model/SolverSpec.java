package io.fresnel.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code solver} block: an algorithm name and its parameters as plain JSON values
 * (String, Double, Long, Boolean, List, Map), kept in file order.
 *
 * @param algorithm the algorithm name (SCENARIO.md section 4)
 * @param parameters the other keys of the block
 */
public record SolverSpec(String algorithm, Map<String, Object> parameters) {

    /** Validates and copies. */
    public SolverSpec {
        Checks.id("algorithm", algorithm);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
