package io.fresnel.model;

/** The kinds of point nodes a user can place in a scenario. */
public enum NodeKind {
    /** A legitimate single-antenna user. */
    USER("user", "u"),
    /** An external single-antenna eavesdropper. */
    EAVESDROPPER("eavesdropper", "e"),
    /** A sensing target (it may also eavesdrop). */
    TARGET("target", "t");

    private final String label;
    private final String idPrefix;

    NodeKind(String label, String idPrefix) {
        this.label = label;
        this.idPrefix = idPrefix;
    }

    /** @return a lower-case name for menus and messages */
    public String label() {
        return label;
    }

    /** @return the prefix of generated ids ("u", "e", "t") */
    public String idPrefix() {
        return idPrefix;
    }
}
