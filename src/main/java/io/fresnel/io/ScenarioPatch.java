package io.fresnel.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits one field of a scenario through its file form and reads the result back with the
 * scenario reader, so that an edit in the window is validated exactly as a file is
 * (docs/scenario-format.md section 7, the envelope of {@code model.Envelope} included) and
 * rejected with the reader's one-line message naming the field, e.g.
 * {@code tx_array.ula.spacing_m: must be > 0 (got -0.001)}.
 *
 * <p>Fields are named by their path in the file: keys separated by dots, list entries by
 * {@code [i]}, e.g. {@code users[0].position_m[1]} or {@code architecture.rf_chains}. Setting a
 * path to {@code null} removes the key (an optional field returns to its default); missing
 * objects on the way are created.
 *
 * <p>An edit keeps the document consistent instead of leaving a scenario the reader would
 * reject for another field:
 * <ul>
 *   <li>renaming a node (its {@code id}) renames the references to it: the private streams and
 *       secrecy shares of the precoder and the {@code target} of sensing eavesdroppers;</li>
 *   <li>a transmit array with another number of elements N drops the precoder (its columns had
 *       the old N entries; the window's solver re-designs it) and every explicit {@code channel}
 *       whose length is no longer N (the node returns to its geometric channel);</li>
 *   <li>a change of the architecture: a hybrid precoder F_A F_D becomes its product P when the
 *       transmitter turns fully digital (the metrics are unchanged); a fully digital precoder
 *       is dropped when the transmitter turns hybrid (F_A F_D cannot realise it in general), and
 *       so is a hybrid precoder that no longer fits the RF chains or the partial connection.</li>
 * </ul>
 * Each repair is reported in {@link Result#notes()}. The class is stateless and thread-safe.
 */
public final class ScenarioPatch {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final Pattern ID_PATH = Pattern.compile(
            "(users|eavesdroppers|targets|sensing_eavesdroppers)\\[(\\d+)]\\.id");
    private static final String[] NODE_LISTS = {"users", "eavesdroppers", "targets"};

    private ScenarioPatch() {
    }

    /**
     * An edited scenario with what the edit repaired to keep it consistent.
     *
     * @param scenario the scenario as the reader reads it
     * @param notes one short sentence per repair (e.g. the precoder was dropped); empty when none
     */
    public record Result(Scenario scenario, List<String> notes) {
        /**
         * Copies the notes.
         *
         * @param scenario the scenario
         * @param notes the notes, copied
         */
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param s a scenario
     * @return its file form (a fresh tree that the caller may change)
     */
    public static ObjectNode tree(Scenario s) {
        return ScenarioWriter.toTree(s);
    }

    /**
     * @param root a file form
     * @param path a field path
     * @return the value at the path, or null when a part of it is absent
     */
    public static JsonNode get(JsonNode root, String path) {
        JsonNode at = root;
        for (Object seg : segments(path)) {
            if (at == null) {
                return null;
            }
            at = seg instanceof Integer i ? (at.isArray() ? at.get(i) : null) : (at.isObject() ? at.get((String) seg)
                    : null);
        }
        return at == null || at.isNull() ? null : at;
    }

    /**
     * Sets (or removes) one field and reads the scenario back.
     *
     * @param s the scenario
     * @param path the field's path
     * @param value its new value in SI units, or null to remove the key
     * @return the edited scenario and its repairs
     * @throws IllegalArgumentException with the reader's message (field path and reason) when the
     *     edited scenario is rejected; {@code s} is not changed
     */
    public static Result set(Scenario s, String path, JsonNode value) {
        return edit(s, path, root -> put(root, path, value));
    }

    /**
     * Applies a change to the file form and reads the scenario back.
     *
     * @param s the scenario
     * @param path the path of the field the change is about (decides the repairs)
     * @param change changes the tree in place
     * @return the edited scenario and its repairs
     * @throws IllegalArgumentException with the reader's message when the edited scenario is rejected
     */
    public static Result edit(Scenario s, String path, Consumer<ObjectNode> change) {
        ObjectNode root = tree(s);
        change.accept(root);
        List<String> notes = new ArrayList<>();
        Matcher id = ID_PATH.matcher(path);
        if (id.matches()) {
            renameReferences(s, root, id.group(1), Integer.parseInt(id.group(2)));
        }
        if (path.startsWith("tx_array")) {
            resized(s, root, notes);
        }
        if (path.startsWith("architecture")) {
            rearchitected(s, root, notes);
        }
        try {
            return new Result(read(root), notes);
        } catch (IllegalArgumentException e) {
            if (path.startsWith("architecture") && root.has("precoder")) {
                // the precoder does not fit the new RF chains or connection: try without it
                root.remove("precoder");
                Scenario without = read(root);
                notes.add("the precoder did not fit the new architecture and was dropped");
                return new Result(without, notes);
            }
            throw e;
        }
    }

    /** Reads a file form with the scenario reader; its rejection becomes an IllegalArgumentException. */
    private static Scenario read(ObjectNode root) {
        try {
            return new ScenarioDecoder().decode(root);
        } catch (ScenarioFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Sets a value in a tree, creating missing objects on the way; null removes the key (or list
     * entry).
     *
     * @param root the tree
     * @param path the field's path
     * @param value the value, or null
     */
    public static void put(ObjectNode root, String path, JsonNode value) {
        List<Object> segs = segments(path);
        JsonNode at = root;
        for (int i = 0; i < segs.size() - 1; i++) {
            Object seg = segs.get(i);
            JsonNode next = seg instanceof Integer k ? at.get(k) : at.get((String) seg);
            if (next == null || next.isNull()) {
                if (value == null) {
                    return;
                }
                if (!(seg instanceof String key) || !at.isObject()) {
                    throw new IllegalArgumentException(path + ": there is no entry " + seg);
                }
                next = ((ObjectNode) at).putObject(key);
            }
            at = next;
        }
        Object last = segs.get(segs.size() - 1);
        if (last instanceof Integer k) {
            ArrayNode list = (ArrayNode) at;
            if (value == null) {
                list.remove(k);
            } else if (k == list.size()) {
                list.add(value);
            } else {
                list.set(k, value);
            }
        } else if (value == null) {
            ((ObjectNode) at).remove((String) last);
        } else {
            ((ObjectNode) at).set((String) last, value);
        }
    }

    private static List<Object> segments(String path) {
        List<Object> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty field path");
        }
        return out;
    }

    private static void renameReferences(Scenario s, ObjectNode root, String list, int index) {
        String old = oldId(s, list, index);
        JsonNode now = get(root, list + "[" + index + "].id");
        if (old == null || now == null || !now.isTextual() || now.asText().equals(old)) {
            return;
        }
        String id = now.asText();
        if (taken(root, id, list, index)) {
            return; // the reader names the duplicate id
        }
        JsonNode precoder = root.get("precoder");
        if (precoder != null) {
            for (JsonNode st : precoder.path("streams")) {
                if (old.equals(st.path("user").asText(null))) {
                    ((ObjectNode) st).put("user", id);
                }
            }
            JsonNode shares = precoder.get("common_secrecy_shares");
            if (shares instanceof ObjectNode o && o.has(old) && !o.has(id)) {
                ObjectNode renamed = o.objectNode();
                o.properties().forEach(e -> renamed.set(e.getKey().equals(old) ? id : e.getKey(), e.getValue()));
                ((ObjectNode) precoder).set("common_secrecy_shares", renamed);
            }
        }
        for (JsonNode se : root.path("sensing_eavesdroppers")) {
            if (old.equals(se.path("target").asText(null))) {
                ((ObjectNode) se).put("target", id);
            }
        }
    }

    /** @return whether another node than list[index] already has the id */
    private static boolean taken(ObjectNode root, String id, String list, int index) {
        for (String l : new String[] {"users", "eavesdroppers", "targets", "sensing_eavesdroppers"}) {
            JsonNode nodes = root.path(l);
            for (int i = 0; i < nodes.size(); i++) {
                if (!(l.equals(list) && i == index) && id.equals(nodes.get(i).path("id").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String oldId(Scenario s, String list, int i) {
        List<String> ids = switch (list) {
            case "users" -> s.users().stream().map(n -> n.id()).toList();
            case "eavesdroppers" -> s.eavesdroppers().stream().map(n -> n.id()).toList();
            case "targets" -> s.targets().stream().map(n -> n.id()).toList();
            default -> s.sensingEavesdroppers().stream().map(n -> n.id()).toList();
        };
        return i < ids.size() ? ids.get(i) : null;
    }

    /** Drops what was sized for the old number of transmit elements. */
    private static void resized(Scenario s, ObjectNode root, List<String> notes) {
        long n = elementCount(root.get("tx_array"));
        int old = s.txArray().size();
        if (n < 0 || n == old) {
            return; // unchanged, or invalid (the reader says why)
        }
        if (root.remove("precoder") != null) {
            notes.add("the precoder (designed for " + old + " elements) was dropped");
        }
        for (String list : NODE_LISTS) {
            for (JsonNode node : root.path(list)) {
                JsonNode channel = node.get("channel");
                if (channel != null && channel.size() != n) {
                    ((ObjectNode) node).remove("channel");
                    notes.add("the explicit channel of " + node.path("id").asText() + " (" + channel.size()
                            + " entries) was dropped; it now follows the geometry");
                }
            }
        }
    }

    /** @return the number of elements an array object describes, or -1 when it cannot tell */
    static long elementCount(JsonNode array) {
        if (array == null) {
            return -1;
        }
        if (array.has("positions_m")) {
            return array.get("positions_m").size();
        }
        JsonNode ula = array.get("ula");
        if (ula != null) {
            JsonNode e = ula.get("elements");
            return e != null && e.canConvertToExactIntegral() ? e.asLong() : -1;
        }
        JsonNode upa = array.get("upa");
        if (upa != null) {
            JsonNode x = upa.get("elements_x");
            JsonNode y = upa.get("elements_y");
            return x != null && y != null && x.canConvertToExactIntegral() && y.canConvertToExactIntegral()
                    ? x.asLong() * y.asLong() : -1;
        }
        return -1;
    }

    /** Turns a hybrid precoder into its product for a digital transmitter; drops a digital one for a hybrid one. */
    private static void rearchitected(Scenario s, ObjectNode root, List<String> notes) {
        Precoder p = s.precoder();
        JsonNode precoder = root.get("precoder");
        if (p == null || !(precoder instanceof ObjectNode po)) {
            return;
        }
        JsonNode kind = get(root, "architecture.kind");
        boolean digital = kind == null || "digital".equals(kind.asText());
        if (digital && p.isHybrid()) {
            po.remove("F_A");
            po.remove("F_D");
            po.set("columns", ScenarioWriter.matrix(p.effective()));
            notes.add("the hybrid precoder was kept as its product P = F_A F_D");
        } else if (!digital && !p.isHybrid()) {
            root.remove("precoder");
            notes.add("the fully digital precoder was dropped (F_A F_D cannot realise it)");
        }
    }
}
