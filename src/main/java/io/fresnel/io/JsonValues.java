package io.fresnel.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed conversion of single JSON tree nodes, each at a field path used in error messages.
 * Numbers must be JSON numbers (never strings) and finite; whole numbers may be written 4 or
 * 4.0; complex numbers are {@code [re, im]} or a plain real number.
 */
final class JsonValues {

    /** Longest excerpt of an offending value quoted in a message. */
    private static final int MAX_QUOTE = 40;

    private JsonValues() {
    }

    /** @return the path of a key inside the object at {@code parent} ("" is the root) */
    static String keyPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** @return the path of entry {@code index} of the list at {@code parent} */
    static String indexPath(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** @return an exception "path: expected WHAT, got DESCRIPTION-OF-NODE" */
    static ScenarioFormatException wrongType(String path, String expected, JsonNode got) {
        return new ScenarioFormatException(path + ": expected " + expected + ", got " + describe(got));
    }

    /** @return a short description of a node for messages, e.g. {@code the string "3"} */
    static String describe(JsonNode n) {
        switch (n.getNodeType()) {
            case ARRAY:
                return "a list of " + n.size() + (n.size() == 1 ? " entry" : " entries");
            case OBJECT:
                return "an object";
            case STRING:
                return "the string \"" + abbreviate(n.textValue()) + "\"";
            case NUMBER:
                return "the number " + abbreviate(n.asText());
            case BOOLEAN:
                return n.booleanValue() ? "true" : "false";
            case NULL:
                return "null";
            default:
                return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return s cut to a readable length */
    static String abbreviate(String s) {
        return s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE) + "...";
    }

    /**
     * @return the finite double value of a JSON number
     * @throws ScenarioFormatException if the node is not a number or overflows to infinity
     */
    static double number(JsonNode n, String path) throws ScenarioFormatException {
        if (!n.isNumber()) {
            throw wrongType(path, "a number", n);
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw new ScenarioFormatException(path + ": the number is not finite (it is too large for a double)");
        }
        return d;
    }

    /**
     * @return the value of a JSON number that is a whole number in the int range (4 and 4.0 are
     *     accepted, 4.5 is not)
     * @throws ScenarioFormatException otherwise
     */
    static int wholeNumber(JsonNode n, String path) throws ScenarioFormatException {
        if (!n.isNumber()) {
            throw wrongType(path, "a whole number", n);
        }
        if (n.isIntegralNumber()) {
            if (!n.canConvertToInt()) {
                throw outOfIntRange(path, n);
            }
            return n.intValue();
        }
        double d = number(n, path);
        if (d != Math.rint(d)) {
            throw new ScenarioFormatException(path + ": must be a whole number (got " + abbreviate(n.asText()) + ")");
        }
        if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw outOfIntRange(path, n);
        }
        return (int) d;
    }

    private static ScenarioFormatException outOfIntRange(String path, JsonNode n) {
        return new ScenarioFormatException(path + ": " + abbreviate(n.asText()) + " is out of range (a whole number from "
                + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + " is expected)");
    }

    /** @return the text of a JSON string */
    static String string(JsonNode n, String path) throws ScenarioFormatException {
        if (!n.isTextual()) {
            throw wrongType(path, "a string", n);
        }
        return n.textValue();
    }

    /** @return the value of a JSON boolean (true or false, not a string or number) */
    static boolean bool(JsonNode n, String path) throws ScenarioFormatException {
        if (!n.isBoolean()) {
            throw wrongType(path, "a boolean (true or false)", n);
        }
        return n.booleanValue();
    }

    /** @return the entries of a JSON list */
    static List<JsonNode> list(JsonNode n, String path) throws ScenarioFormatException {
        if (!n.isArray()) {
            throw wrongType(path, "a list", n);
        }
        List<JsonNode> out = new ArrayList<>(n.size());
        n.elements().forEachRemaining(out::add);
        return out;
    }

    /** @return a complex number written as {@code [re, im]} or as a plain real number */
    static Complex complex(JsonNode n, String path) throws ScenarioFormatException {
        if (n.isNumber()) {
            return new Complex(number(n, path), 0.0);
        }
        if (!n.isArray()) {
            throw wrongType(path, "a complex number [re, im] or a real number", n);
        }
        if (n.size() != 2) {
            throw new ScenarioFormatException(path + ": a complex number is written [re, im] with exactly 2 numbers"
                    + " (got " + n.size() + ")");
        }
        return new Complex(number(n.get(0), indexPath(path, 0)), number(n.get(1), indexPath(path, 1)));
    }

    /** @return a point {@code [x, y, z]} (m): exactly 3 finite numbers */
    static Vec3 vec3(JsonNode n, String path) throws ScenarioFormatException {
        if (!n.isArray()) {
            throw wrongType(path, "a position [x, y, z]", n);
        }
        if (n.size() != 3) {
            throw new ScenarioFormatException(path + ": a position is written [x, y, z] with exactly 3 numbers (got "
                    + n.size() + ")");
        }
        return new Vec3(number(n.get(0), indexPath(path, 0)), number(n.get(1), indexPath(path, 1)),
                number(n.get(2), indexPath(path, 2)));
    }

    /** @return a list of finite numbers */
    static List<Double> numbers(JsonNode n, String path) throws ScenarioFormatException {
        List<JsonNode> entries = list(n, path);
        List<Double> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.add(number(entries.get(i), indexPath(path, i)));
        }
        return out;
    }

    /** @return a list of positions */
    static List<Vec3> positions(JsonNode n, String path) throws ScenarioFormatException {
        List<JsonNode> entries = list(n, path);
        List<Vec3> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.add(vec3(entries.get(i), indexPath(path, i)));
        }
        return out;
    }

    /** @return a vector: a list of complex numbers */
    static List<Complex> complexVector(JsonNode n, String path) throws ScenarioFormatException {
        List<JsonNode> entries = list(n, path);
        List<Complex> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.add(complex(entries.get(i), indexPath(path, i)));
        }
        return out;
    }

    /**
     * @return a matrix written as a non-empty list of columns of equal length, each a complex
     *     vector
     */
    static ComplexMatrix matrix(JsonNode n, String path) throws ScenarioFormatException {
        List<JsonNode> entries = list(n, path);
        if (entries.isEmpty()) {
            throw new ScenarioFormatException(path + ": must list at least one column");
        }
        List<List<Complex>> columns = new ArrayList<>(entries.size());
        for (int c = 0; c < entries.size(); c++) {
            String cp = indexPath(path, c);
            List<Complex> column = complexVector(entries.get(c), cp);
            if (c > 0 && column.size() != columns.get(0).size()) {
                throw new ScenarioFormatException(cp + ": the column has " + column.size() + " entries but "
                        + indexPath(path, 0) + " has " + columns.get(0).size() + " (all columns must have the same"
                        + " length)");
            }
            columns.add(column);
        }
        return ComplexMatrix.ofColumns(columns);
    }

    /**
     * Converts any JSON value to a plain Java value: null, String, Boolean, Long (integral
     * numbers), Double (other numbers, finite), an unmodifiable List, or an unmodifiable Map
     * that keeps the key order.
     */
    static Object plain(JsonNode n, String path) throws ScenarioFormatException {
        switch (n.getNodeType()) {
            case NULL:
                return null;
            case BOOLEAN:
                return n.booleanValue();
            case STRING:
                return n.textValue();
            case NUMBER:
                if (n.isIntegralNumber()) {
                    if (!n.canConvertToLong()) {
                        throw new ScenarioFormatException(path + ": the whole number " + abbreviate(n.asText())
                                + " is out of the 64-bit range");
                    }
                    return n.longValue();
                }
                return number(n, path);
            case ARRAY: {
                List<Object> out = new ArrayList<>(n.size());
                for (int i = 0; i < n.size(); i++) {
                    out.add(plain(n.get(i), indexPath(path, i)));
                }
                return Collections.unmodifiableList(out);
            }
            case OBJECT: {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    out.put(e.getKey(), plain(e.getValue(), keyPath(path, e.getKey())));
                }
                return Collections.unmodifiableMap(out);
            }
            default:
                throw wrongType(path, "a JSON value", n);
        }
    }
}
