package io.fresnel.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of a scenario tree, the kind a hostile or careless user makes: numbers
 * replaced by extreme, tiny, negative or fractional values; keys deleted; list entries duplicated,
 * dropped or emptied; values of the wrong type; text with line breaks and non-ASCII characters.
 * Seeded: the same seed gives the same mutants.
 */
final class ScenarioMutator {
    private static final double[] EXTREMES = {0, -1, 1e300, -1e300, 1e-300, 5e-324, 1e154, 1e200, 1e-200, 65536,
        4096, 2.5, 1e9, 1e-12, 3.0e8, 1e308};
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Random random;

    ScenarioMutator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param base the tree to start from (not modified)
     * @return a mutant with one to three mutations
     */
    JsonNode mutate(JsonNode base) {
        JsonNode copy = base.deepCopy();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            mutateOnce(copy);
        }
        return copy;
    }

    private void mutateOnce(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return;
        }
        Slot s = slots.get(random.nextInt(slots.size()));
        JsonNode v = s.value();
        int kind = random.nextInt(10);
        if (v.isNumber() && kind < 6) {
            double x = v.asDouble();
            double y = switch (random.nextInt(6)) {
                case 0 -> EXTREMES[random.nextInt(EXTREMES.length)];
                case 1 -> -x;
                case 2 -> x * Math.pow(10, 1 + random.nextInt(200));
                case 3 -> x * Math.pow(10, -1 - random.nextInt(200));
                case 4 -> x + 0.5;
                default -> x == 0 ? 1e-300 : 0;
            };
            s.set(F.numberNode(y));
        } else if (kind < 7 && s.parentObject() != null) {
            s.parentObject().remove(s.key());
        } else if (kind < 8 && v.isArray() && v.size() > 0) {
            ArrayNode a = (ArrayNode) v;
            switch (random.nextInt(4)) {
                case 0 -> a.add(a.get(random.nextInt(a.size())).deepCopy());
                case 1 -> a.remove(random.nextInt(a.size()));
                case 2 -> a.removeAll();
                default -> {
                    for (int k = 0; k < 1 + random.nextInt(64); k++) {
                        a.add(a.get(random.nextInt(a.size())).deepCopy());
                    }
                }
            }
        } else if (kind < 9) {
            s.set(switch (random.nextInt(6)) {
                case 0 -> F.textNode("x");
                case 1 -> F.booleanNode(true);
                case 2 -> F.nullNode();
                case 3 -> F.arrayNode();
                case 4 -> F.objectNode();
                default -> F.numberNode(random.nextInt(3) - 1);
            });
        } else if (v.isTextual()) {
            s.set(F.textNode(random.nextBoolean() ? v.asText() + "\nfresnel: forged" : v.asText() + "\u00e9\u53d7"));
        } else {
            s.set(F.textNode("u\u0001\n"));
        }
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.add(new Slot(o, null, k, -1));
                collect(o.get(k), out);
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(null, a, null, i));
                collect(a.get(i), out);
            }
        }
    }

    /** A place in the tree: a key of an object or an index of an array. */
    private record Slot(ObjectNode parentObject, ArrayNode parentArray, String key, int index) {
        JsonNode value() {
            return parentObject != null ? parentObject.get(key) : parentArray.get(index);
        }

        void set(JsonNode v) {
            if (parentObject != null) {
                parentObject.set(key, v);
            } else {
                parentArray.set(index, v);
            }
        }
    }
}
