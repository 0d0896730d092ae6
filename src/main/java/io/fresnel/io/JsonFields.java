package io.fresnel.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A path-aware, typed view of one JSON object of a scenario file. Every read names the field by
 * its full path in errors (e.g. {@code users[0].noise_w}); a key whose value is JSON
 * {@code null} counts as absent. The view remembers which keys were read so that the keys
 * nobody asked for can be reported as warnings ({@link #unknownKeyWarnings}).
 */
final class JsonFields {

    /** A leading field reference in a model message: name, then [i] or .key parts. */
    private static final Pattern FIELD_TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[\\d+]|\\.[^\\s]+)*");

    private final JsonNode node;
    private final String path;
    private final Set<String> used = new HashSet<>();
    private final List<JsonFields> registry;

    private JsonFields(JsonNode node, String path, List<JsonFields> registry) {
        this.node = node;
        this.path = path;
        this.registry = registry;
        registry.add(this);
    }

    /**
     * @param node the root of the document
     * @param registry collects every view created from this root, for {@link #unknownKeyWarnings}
     * @return the view of the root object
     * @throws ScenarioFormatException if the root is not an object
     */
    static JsonFields root(JsonNode node, List<JsonFields> registry) throws ScenarioFormatException {
        if (!node.isObject()) {
            throw new ScenarioFormatException("the file must hold one JSON object at the top level, got "
                    + JsonValues.describe(node));
        }
        return new JsonFields(node, "", registry);
    }

    /**
     * @param registry every view created while reading one document
     * @return one warning per key that no reader asked for, in document order
     */
    static List<String> unknownKeyWarnings(List<JsonFields> registry) {
        List<String> out = new ArrayList<>();
        for (JsonFields f : registry) {
            for (Map.Entry<String, JsonNode> e : f.node.properties()) {
                if (!f.used.contains(e.getKey())) {
                    out.add("unknown key \"" + JsonValues.abbreviate(e.getKey()) + "\" "
                            + (f.path.isEmpty() ? "at the top level" : "in " + f.path) + " ignored");
                }
            }
        }
        return out;
    }

    /** @return the path of one of this object's keys */
    String pathOf(String key) {
        return JsonValues.keyPath(path, key);
    }

    /** @return an exception "path: message" about this object */
    ScenarioFormatException error(String message) {
        return new ScenarioFormatException((path.isEmpty() ? "" : path + ": ") + message);
    }

    /** @return whether the key is present with a non-null value; marks it as known */
    boolean has(String key) {
        used.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** Marks every key as known (for objects whose keys are data, such as the solver block). */
    void acceptAllKeys() {
        node.fieldNames().forEachRemaining(used::add);
    }

    /** @return the key/value pairs in document order */
    Set<Map.Entry<String, JsonNode>> entries() {
        return node.properties();
    }

    /** @return the value, or null when absent or JSON null; marks the key as known */
    JsonNode optional(String key) {
        used.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** @return the value; throws "path.key: required field is missing" when absent or null */
    JsonNode required(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        if (v == null) {
            throw new ScenarioFormatException(pathOf(key) + ": required field is missing");
        }
        return v;
    }

    /** @return a required finite number */
    double number(String key) throws ScenarioFormatException {
        return JsonValues.number(required(key), pathOf(key));
    }

    /** @return an optional finite number, or null */
    Double optionalNumber(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? null : JsonValues.number(v, pathOf(key));
    }

    /** @return a required whole number in the int range */
    int wholeNumber(String key) throws ScenarioFormatException {
        return JsonValues.wholeNumber(required(key), pathOf(key));
    }

    /** @return an optional whole number in the int range, or null */
    Integer optionalWholeNumber(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? null : JsonValues.wholeNumber(v, pathOf(key));
    }

    /** @return a required string */
    String string(String key) throws ScenarioFormatException {
        return JsonValues.string(required(key), pathOf(key));
    }

    /** @return an optional string, or null */
    String optionalString(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? null : JsonValues.string(v, pathOf(key));
    }

    /** @return an optional boolean, or the default */
    boolean bool(String key, boolean absent) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? absent : JsonValues.bool(v, pathOf(key));
    }

    /** @return a required complex number */
    Complex complex(String key) throws ScenarioFormatException {
        return JsonValues.complex(required(key), pathOf(key));
    }

    /** @return an optional complex number, or null */
    Complex optionalComplex(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? null : JsonValues.complex(v, pathOf(key));
    }

    /** @return a required position */
    Vec3 vec3(String key) throws ScenarioFormatException {
        return JsonValues.vec3(required(key), pathOf(key));
    }

    /** @return an optional position, or null */
    Vec3 optionalVec3(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? null : JsonValues.vec3(v, pathOf(key));
    }

    /** @return a required list of numbers */
    List<Double> numbers(String key) throws ScenarioFormatException {
        return JsonValues.numbers(required(key), pathOf(key));
    }

    /** @return a required list of positions */
    List<Vec3> positions(String key) throws ScenarioFormatException {
        return JsonValues.positions(required(key), pathOf(key));
    }

    /** @return an optional complex vector, or null */
    List<Complex> optionalComplexVector(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? null : JsonValues.complexVector(v, pathOf(key));
    }

    /** @return an optional matrix given as a list of columns, or null */
    ComplexMatrix optionalMatrix(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? null : JsonValues.matrix(v, pathOf(key));
    }

    /**
     * Reads a name and maps it with a {@code fromKey} function of a model enum.
     *
     * @return the mapped value
     * @throws ScenarioFormatException "path.key: unknown ..." when the mapping rejects the name
     */
    <T> T choice(String key, Function<String, T> fromKey) throws ScenarioFormatException {
        String name = string(key);
        try {
            return fromKey.apply(name);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(pathOf(key) + ": " + e.getMessage(), e);
        }
    }

    /** @return the view of a required nested object */
    JsonFields object(String key) throws ScenarioFormatException {
        return objectAt(required(key), pathOf(key));
    }

    /** @return the view of an optional nested object, or null */
    JsonFields optionalObject(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? null : objectAt(v, pathOf(key));
    }

    /** @return the views of the objects of an optional list (empty when absent) */
    List<JsonFields> objectList(String key) throws ScenarioFormatException {
        JsonNode v = optional(key);
        return v == null ? List.of() : objectsAt(v, pathOf(key));
    }

    /** @return the views of the objects of a required list */
    List<JsonFields> requiredObjectList(String key) throws ScenarioFormatException {
        return objectsAt(required(key), pathOf(key));
    }

    private List<JsonFields> objectsAt(JsonNode v, String listPath) throws ScenarioFormatException {
        if (!v.isArray()) {
            throw JsonValues.wrongType(listPath, "a list of objects", v);
        }
        List<JsonFields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(objectAt(v.get(i), JsonValues.indexPath(listPath, i)));
        }
        return out;
    }

    private JsonFields objectAt(JsonNode v, String at) throws ScenarioFormatException {
        if (!v.isObject()) {
            throw JsonValues.wrongType(at, "an object", v);
        }
        return new JsonFields(v, at, registry);
    }

    /**
     * Runs a model constructor for this object and turns its {@link IllegalArgumentException}
     * into a {@link ScenarioFormatException} located at this object. A message that starts with
     * one of this object's keys ("noise_w must be > 0") becomes "path.noise_w: must be > 0";
     * any other message becomes "path: message". At the root the message, which already carries
     * a full path, is kept as it is.
     */
    <T> T build(Supplier<T> constructor) throws ScenarioFormatException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(locate(String.valueOf(e.getMessage())), e);
        }
    }

    private String locate(String message) {
        if (path.isEmpty()) {
            return message;
        }
        int space = message.indexOf(' ');
        if (space > 0) {
            String token = message.substring(0, space);
            String base = token.split("[\\[.]", 2)[0];
            if (node.has(base) && FIELD_TOKEN.matcher(token).matches()) {
                return path + "." + token + ": " + message.substring(space + 1);
            }
        }
        return path + ": " + message;
    }
}
