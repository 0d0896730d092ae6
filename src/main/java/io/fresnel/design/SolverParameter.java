package io.fresnel.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One parameter of a design's {@code solver} block (docs/scenario-format.md section 8): its key,
 * what it means, its SI unit, its kind and range, and its default. This is the one check of a
 * solver parameter: {@code design.common.SolverParameters}, through which the designs read their
 * parameters, checks with it, and the window lists a design's descriptors
 * ({@link Design#parameters()}) as editable rows and checks an edit with the same {@link #read}.
 * Every rejection is a {@link DesignException} whose message starts with the algorithm name and
 * names the field as {@code solver.<key>}, the value found and the range expected, e.g.
 * {@code "rsma-hybrid: solver.max_iterations must be an integer >= 1 (got 2.5)"}. Immutable.
 *
 * @param key the key in the solver block, e.g. {@code max_iterations}
 * @param meaning what it sets, one line
 * @param unit its SI unit ("" for a pure number)
 * @param kind how it is checked
 * @param defaultValue the value when absent (NaN: no default; the parameter is then optional
 *     without a value, e.g. a bound that is not imposed, or required, see {@link Kind})
 * @param min the smallest allowed value (kinds NUMBER, INTEGER) or the bound it must exceed (OPEN)
 * @param max the largest allowed value (NUMBER, INTEGER) or the bound it must stay below (OPEN)
 * @param choices the allowed words (CHOICE; the first is the default), else empty
 */
public record SolverParameter(String key, String meaning, String unit, Kind kind, double defaultValue, double min,
        double max, List<String> choices) {

    /** How a parameter is checked. */
    public enum Kind {
        /** A finite number in [min, max] (use infinities for open ends). */
        NUMBER,
        /** A finite number in the open interval (min, max), e.g. a contraction factor in (0, 1). */
        OPEN,
        /** A finite number &gt; 0. */
        POSITIVE,
        /** A finite number &gt; 0 that must be given. */
        REQUIRED_POSITIVE,
        /** An integer in [min, max]; a number with a fractional part (2.5) is rejected, not truncated. */
        INTEGER,
        /** One of {@link #choices()}. */
        CHOICE
    }

    /** Validates the descriptor itself. */
    public SolverParameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(key + ": a choice needs its words");
        }
    }

    /**
     * @param key the key
     * @param meaning what it sets
     * @param unit its SI unit
     * @param defaultValue the default (NaN: none)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return a number in [min, max]
     */
    public static SolverParameter number(String key, String meaning, String unit, double defaultValue, double min,
            double max) {
        return new SolverParameter(key, meaning, unit, Kind.NUMBER, defaultValue, min, max, List.of());
    }

    /**
     * @param key the key
     * @param meaning what it sets
     * @param defaultValue the default
     * @param lo the bound it must exceed
     * @param hi the bound it must stay below
     * @return a number in (lo, hi)
     */
    public static SolverParameter openInterval(String key, String meaning, double defaultValue, double lo, double hi) {
        return new SolverParameter(key, meaning, "", Kind.OPEN, defaultValue, lo, hi, List.of());
    }

    /**
     * @param key the key
     * @param meaning what it sets
     * @param unit its SI unit
     * @param defaultValue the default (NaN: none, e.g. a bound that is not imposed when absent)
     * @return a number &gt; 0
     */
    public static SolverParameter positive(String key, String meaning, String unit, double defaultValue) {
        return new SolverParameter(key, meaning, unit, Kind.POSITIVE, defaultValue, 0, Double.POSITIVE_INFINITY,
                List.of());
    }

    /**
     * @param key the key
     * @param meaning what it sets (also the message when it is missing)
     * @param unit its SI unit
     * @return a number &gt; 0 that must be given
     */
    public static SolverParameter requiredPositive(String key, String meaning, String unit) {
        return new SolverParameter(key, meaning, unit, Kind.REQUIRED_POSITIVE, Double.NaN, 0,
                Double.POSITIVE_INFINITY, List.of());
    }

    /**
     * @param key the key
     * @param meaning what it sets
     * @param defaultValue the default
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return an integer in [min, max]
     */
    public static SolverParameter integer(String key, String meaning, long defaultValue, long min, long max) {
        return new SolverParameter(key, meaning, "", Kind.INTEGER, defaultValue, min, max, List.of());
    }

    /**
     * @param key the key
     * @param meaning what it sets
     * @param choices the allowed words, the default first
     * @return one of the words
     */
    public static SolverParameter choice(String key, String meaning, List<String> choices) {
        return new SolverParameter(key, meaning, "", Kind.CHOICE, Double.NaN, 0, 0, choices);
    }

    /** @return whether the parameter has a default (else absent means "not imposed" or, if required, an error) */
    public boolean hasDefault() {
        return kind == Kind.CHOICE || !Double.isNaN(defaultValue);
    }

    /**
     * Reads and checks the parameter.
     *
     * @param algorithm the design's name, used in every message
     * @param values the solver block's parameters (absent keys give the default)
     * @return the value: a Double, a Long (INTEGER), a String (CHOICE), or null when it is absent
     *     and has no default
     * @throws DesignException naming {@code solver.<key>}, the value and the range
     */
    public Object read(String algorithm, Map<String, Object> values) throws DesignException {
        Object v = values.get(key);
        if (v == null) {
            if (kind == Kind.REQUIRED_POSITIVE) {
                throw new DesignException(algorithm + ": the solver block needs " + key + ", " + meaning
                        + (unit.isEmpty() ? "" : " (" + unit + ")"));
            }
            if (kind == Kind.CHOICE) {
                return choices.get(0);
            }
            if (!hasDefault()) {
                return null;
            }
            return kind == Kind.INTEGER ? (Object) (long) defaultValue : (Object) defaultValue;
        }
        return switch (kind) {
            case NUMBER -> finite(algorithm, v, n -> n >= min && n <= max, "a finite number" + range(false));
            case OPEN -> finite(algorithm, v, n -> n > min && n < max, "a finite number in (" + min + ", " + max + ")");
            case POSITIVE, REQUIRED_POSITIVE -> finite(algorithm, v, n -> n > 0, "a finite number > 0");
            case INTEGER -> integer(algorithm, v);
            case CHOICE -> {
                if (!(v instanceof String s) || !choices.contains(s)) {
                    List<String> sorted = new ArrayList<>(choices);
                    sorted.sort(null);
                    throw reject(algorithm, "one of " + String.join(", ", sorted), v);
                }
                yield s;
            }
        };
    }

    private Double finite(String algorithm, Object v, java.util.function.DoublePredicate ok, String expected)
            throws DesignException {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || !ok.test(n.doubleValue())) {
            throw reject(algorithm, expected, v);
        }
        return n.doubleValue();
    }

    private Long integer(String algorithm, Object v) throws DesignException {
        String expected = "an integer" + range(true);
        if (!(v instanceof Number n)) {
            throw reject(algorithm, expected, v);
        }
        boolean whole = n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
        double d = n.doubleValue();
        if (!whole && (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 0x1p53)) {
            throw reject(algorithm, expected, v);
        }
        long value = whole ? n.longValue() : (long) d;
        if (value < (long) min || value > (long) max) {
            throw reject(algorithm, expected, v);
        }
        return value;
    }

    private DesignException reject(String algorithm, String expected, Object got) {
        String text = got instanceof String s ? "\"" + s + "\"" : String.valueOf(got);
        return new DesignException(algorithm + ": solver." + key + " must be " + expected + " (got " + text + ")");
    }

    private String range(boolean integer) {
        boolean lo = min != Double.NEGATIVE_INFINITY && !(integer && (long) min == Long.MIN_VALUE);
        boolean hi = max != Double.POSITIVE_INFINITY && !(integer && (long) max == Long.MAX_VALUE);
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
