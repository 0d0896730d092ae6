package io.fresnel.design.common;

import io.fresnel.design.DesignException;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one typed reader of a scenario's {@code solver} parameters (SCENARIO.md section 4). Every
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
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > max) {
            throw reject(key, "a finite number" + range(min, max, false), v);
        }
        return n.doubleValue();
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
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || !(n.doubleValue() > lo)
                || !(n.doubleValue() < hi)) {
            throw reject(key, "a finite number in (" + lo + ", " + hi + ")", v);
        }
        return n.doubleValue();
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
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || !(n.doubleValue() > 0)) {
            throw reject(key, "a finite number > 0", v);
        }
        return n.doubleValue();
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
        if (!values.containsKey(key)) {
            throw new DesignException(algorithm + ": the solver block needs " + key + ", " + meaning);
        }
        return positive(key, Double.NaN);
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
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        String expected = "an integer" + range(min, max, true);
        if (!(v instanceof Number n)) {
            throw reject(key, expected, v);
        }
        double d = n.doubleValue();
        if (!(n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte)
                && (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 0x1p53)) {
            throw reject(key, expected, v);
        }
        long value = (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte)
                ? n.longValue() : (long) d;
        if (value < min || value > max) {
            throw reject(key, expected, v);
        }
        return value;
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
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof String s) || !allowed.contains(s)) {
            List<String> sorted = new ArrayList<>(allowed);
            sorted.sort(null);
            throw reject(key, "one of " + String.join(", ", sorted), v);
        }
        return s;
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

    private DesignException reject(String key, String expected, Object got) {
        String text = got instanceof String s ? "\"" + s + "\"" : String.valueOf(got);
        return new DesignException(algorithm + ": solver." + key + " must be " + expected + " (got " + text + ")");
    }

    private static String range(double min, double max, boolean integer) {
        boolean lo = min != Double.NEGATIVE_INFINITY && !(integer && min == Long.MIN_VALUE);
        boolean hi = max != Double.POSITIVE_INFINITY && !(integer && max == Long.MAX_VALUE);
        String a = integer ? Long.toString((long) min) : Double.toString(min);
        String b = integer ? Long.toString((long) max) : Double.toString(max);
        if (lo && hi) {
            return " in [" + a + ", " + b + "]";
        }
        if (lo) {
            return " >= " + a;
        }
        if (hi) {
            return " <= " + b;
        }
        return "";
    }
}
