package io.fresnel.design.common;

import io.fresnel.design.DesignException;
import io.fresnel.design.SolverParameter;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one typed reader of a scenario's {@code solver} parameters (SCENARIO.md section 4); the checks
 * are those of {@link SolverParameter}, the descriptors the window lists and checks its edits with. Every
 * rejection is a {@link DesignException} whose message starts with the algorithm name and names
 * the field as {@code solver.<key>}, the value found and the range expected, e.g.
 * {@code "rsma-hybrid: solver.max_iterations must be an integer >= 1 (got 2.5)"}.
 * Absent keys give the caller's default. Immutable and thread-safe.
 */
public final class SolverParameters {
    private final String algorithm;
    private final Map<String, Object> values;

    private SolverParameters(String algorithm, Map<String, Object> values) {
        this.algorithm = algorithm;
        this.values = values;
    }

    /**
     * @param scenario the scenario (its solver block may be absent)
     * @param algorithm the design's name, used in every message
     * @return the reader of the scenario's solver parameters
     */
    public static SolverParameters of(Scenario scenario, String algorithm) {
        return new SolverParameters(algorithm,
                scenario.solver() == null ? Map.of() : scenario.solver().parameters());
    }

    /** @return whether the block gives {@code key} */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * A real number in [min, max] (use infinities for open ends).
     *
     * @param key the parameter
     * @param defaultValue the value when absent (not checked)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws DesignException when it is not a finite number in range
     */
    public double number(String key, double defaultValue, double min, double max) throws DesignException {
        return orDefault(SolverParameter.number(key, "", "", defaultValue, min, max), defaultValue);
    }

    /**
     * A real number in the open interval (lo, hi), e.g. a contraction factor in (0, 1).
     *
     * @param key the parameter
     * @param defaultValue the value when absent (not checked)
     * @param lo the bound it must exceed
     * @param hi the bound it must stay below
     * @return the value
     * @throws DesignException when it is not a finite number strictly between lo and hi
     */
    public double openInterval(String key, double defaultValue, double lo, double hi) throws DesignException {
        return orDefault(SolverParameter.openInterval(key, "", defaultValue, lo, hi), defaultValue);
    }

    /**
     * A real number &gt; 0.
     *
     * @param key the parameter
     * @param defaultValue the value when absent (not checked)
     * @return the value
     * @throws DesignException when it is not a finite number &gt; 0
     */
    public double positive(String key, double defaultValue) throws DesignException {
        return orDefault(SolverParameter.positive(key, "", "", defaultValue), defaultValue);
    }

    /**
     * A required real number &gt; 0.
     *
     * @param key the parameter
     * @param meaning what it is, with its unit, for the message when it is missing
     * @return the value
     * @throws DesignException when it is absent or not a finite number &gt; 0
     */
    public double requiredPositive(String key, String meaning) throws DesignException {
        return (Double) read(SolverParameter.requiredPositive(key, meaning, ""));
    }

    /**
     * An integer in [min, max]; a number with a fractional part (2.5) is rejected, not truncated.
     *
     * @param key the parameter
     * @param defaultValue the value when absent (not checked)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws DesignException when it is not an integer in range
     */
    public long integer(String key, long defaultValue, long min, long max) throws DesignException {
        return (Long) read(SolverParameter.integer(key, "", defaultValue, min, max));
    }

    /**
     * One of a fixed set of words.
     *
     * @param key the parameter
     * @param defaultValue the value when absent
     * @param allowed the allowed values
     * @return the value
     * @throws DesignException when it is not one of them
     */
    public String choice(String key, String defaultValue, Set<String> allowed) throws DesignException {
        List<String> words = new ArrayList<>();
        words.add(defaultValue);
        allowed.stream().filter(w -> !w.equals(defaultValue)).sorted().forEach(words::add);
        String v = (String) read(SolverParameter.choice(key, "", words));
        if (!values.containsKey(key) || allowed.contains(v)) {
            return v;
        }
        throw new DesignException(algorithm + ": solver." + key + " must be one of "
                + String.join(", ", allowed.stream().sorted().toList()) + " (got \"" + v + "\")");
    }

    /**
     * Reads and checks one parameter with its descriptor (the design's one rule for it).
     *
     * @param parameter the descriptor
     * @return its value (see {@link SolverParameter#read})
     * @throws DesignException naming {@code solver.<key>}, the value and the range
     */
    public Object read(SolverParameter parameter) throws DesignException {
        return parameter.read(algorithm, values);
    }

    /**
     * @param parameter a numeric descriptor
     * @return its value, or NaN when it is absent and has no default
     * @throws DesignException when it is invalid
     */
    public double number(SolverParameter parameter) throws DesignException {
        Object v = read(parameter);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private double orDefault(SolverParameter parameter, double defaultValue) throws DesignException {
        Object v = read(parameter);
        return v == null ? defaultValue : (Double) v;
    }

    /**
     * @param known the keys the design reads
     * @return the keys of the block that the design does not read, in file order (for a warning)
     */
    public List<String> unknown(Set<String> known) {
        List<String> out = new ArrayList<>();
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }
}
