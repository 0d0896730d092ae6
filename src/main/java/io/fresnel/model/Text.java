package io.fresnel.model;

import java.util.Locale;

/**
 * Text that goes into a message: a value from a file may hold line breaks or other control
 * characters, which would let it add lines to a log or hide part of a message. {@link #oneLine}
 * escapes them so that every message stays one line. {@link #parserReason} keeps the useful part of a
 * JSON parser's message.
 */
public final class Text {
    private Text() {
    }

    /**
     * Escapes line breaks, tabs and every other control or line-separator character as
     * {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}; other characters, non-ASCII
     * letters included, are kept.
     *
     * @param text any text, or null
     * @return the text on one line ("null" for null)
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * A JSON parser's (Jackson's) reason for rejecting a text, without its notes about its own
     * configuration ("enable `...` to allow", the redacted source of a location): the part of the
     * message that helps a user. A place inside the reason ("for the array starting at line 1,
     * column 51") is kept.
     *
     * @param reason the parser's original message, or null
     * @return the reason cleaned ("malformed JSON" for null)
     */
    public static String parserReason(String reason) {
        String r = reason == null ? "malformed JSON" : reason;
        r = r.replaceAll(": enable `[^`]*` to allow", "");
        r = r.replaceAll(", from `[^`]*`", "");
        r = r.replaceAll(" \\(bound as `[^`]*`\\)", "");
        r = r.replaceAll(": not allowed as per `[^`]*`", "");
        // "(for Array starting at [Source: REDACTED (...); line: 1, column: 51])" becomes "(for the
        // array starting at line 1, column 51)": Jackson hides the source, the place is what helps
        r = r.replaceAll("\\[Source: [^;\\]]*(?:\\([^)]*\\))?; line: (\\d+), column: (\\d+)\\]",
                "line $1, column $2");
        r = r.replace("for Array starting at", "for the array starting at")
                .replace("for Object starting at", "for the object starting at");
        r = r.replaceAll("\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)",
                "(comments are not allowed in JSON)");
        return r.trim();
    }
}
