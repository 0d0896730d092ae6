package io.fresnel.stochastic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact values of the eleven outputs and the paper's closed forms and bounds (corrected per
 * ERRATA.md section 002) as extra keys of the result document.
 *
 * @param outputs the eleven outputs
 * @param closedForms the extra keys in output order; a null value is an infinite bound
 */
public record ExactResult(Outputs outputs, Map<String, Double> closedForms) {
    /** Copies the map (keeping its order and its null values). */
    public ExactResult {
        closedForms = Collections.unmodifiableMap(new LinkedHashMap<>(closedForms));
    }
}
