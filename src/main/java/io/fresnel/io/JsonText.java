package io.fresnel.io;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Formats a JSON tree as stable, readable text: objects one key per line (two-space indent),
 * lists of numbers and short lists of lists (complex numbers, positions, precoder columns) on
 * one line, "\n" line ends on every platform, and doubles in Java's shortest round-trip form
 * ({@link Double#toString(double)}), so that parsing the text gives back the same bits.
 */
final class JsonText {

    private static final String INDENT = "  ";

    private JsonText() {
    }

    /**
     * @param node the tree; every floating-point number must be finite
     * @return the text, ending with a newline
     * @throws IllegalArgumentException if the tree holds NaN or an infinity
     */
    static String format(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, 0, sb);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode n, int depth, StringBuilder sb) {
        if (n.isObject()) {
            writeObject(n, depth, sb);
        } else if (n.isArray()) {
            writeArray(n, depth, sb);
        } else {
            scalar(n, sb);
        }
    }

    private static void writeObject(JsonNode n, int depth, StringBuilder sb) {
        if (n.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            indent(depth + 1, sb);
            quote(e.getKey(), sb);
            sb.append(": ");
            write(e.getValue(), depth + 1, sb);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(depth, sb);
        sb.append('}');
    }

    private static void writeArray(JsonNode n, int depth, StringBuilder sb) {
        boolean inline = nestingDepth(n) <= 2;
        sb.append('[');
        for (int i = 0; i < n.size(); i++) {
            if (i > 0) {
                sb.append(inline ? ", " : ",");
            }
            if (!inline) {
                sb.append('\n');
                indent(depth + 1, sb);
            }
            write(n.get(i), depth + 1, sb);
        }
        if (!inline && !n.isEmpty()) {
            sb.append('\n');
            indent(depth, sb);
        }
        sb.append(']');
    }

    /** @return 1 for a list of scalars, 2 for a list of such lists, ...; MAX_VALUE with objects inside */
    private static int nestingDepth(JsonNode n) {
        if (n.isObject()) {
            return Integer.MAX_VALUE;
        }
        if (!n.isArray()) {
            return 0;
        }
        int inner = 0;
        for (JsonNode e : n) {
            inner = Math.max(inner, nestingDepth(e));
            if (inner > 2) {
                return Integer.MAX_VALUE;
            }
        }
        return inner + 1;
    }

    private static void scalar(JsonNode n, StringBuilder sb) {
        if (n.isTextual()) {
            quote(n.textValue(), sb);
        } else if (n.isIntegralNumber()) {
            sb.append(n.bigIntegerValue());
        } else if (n.isNumber()) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("cannot write the non-finite number " + d + " as JSON");
            }
            sb.append(d);
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue());
        } else if (n.isNull()) {
            sb.append("null");
        } else {
            throw new IllegalArgumentException("cannot write a " + n.getNodeType() + " node as JSON");
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }

    private static void indent(int depth, StringBuilder sb) {
        for (int i = 0; i < depth; i++) {
            sb.append(INDENT);
        }
    }
}
