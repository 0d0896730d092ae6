package io.fresnel.model;

/**
 * Text that goes into a message: a value from a file may hold line breaks or other control
 * characters, which would let it add lines to a log or hide part of a message. {@link #oneLine}
 * escapes them so that every message stays one line.
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
                        ? String.format("\\u%04x", (int) c) : null;
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
}
