package io.fresnel.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One row of the scenario editor: a field of the scenario file shown in display units (text),
 * as a choice with human names, as a check box, or fixed. An edit is handed to {@code commit} as
 * the user's text (or the chosen option's key), which converts it to SI and applies it as one
 * undo step; {@link FieldEditors} makes the row's editor.
 */
final class FieldRow implements PropertySheet.Item {
    /** How the row is edited. */
    enum Kind {
        /** A text field committed with Enter or when it loses the focus; Escape restores it. */
        TEXT,
        /** A drop-down list of {@link Option}s shown by their labels. */
        CHOICE,
        /** A check box (value "true" or "false"). */
        FLAG,
        /** Shown, not editable. */
        FIXED
    }

    /**
     * One entry of a choice.
     *
     * @param key the value (e.g. the scenario file's word)
     * @param label what the user reads, e.g. "exact (spherical)"
     */
    record Option(String key, String label) {
    }

    private final String category;
    private final String name;
    private final String description;
    private final String path;
    private final Kind kind;
    private final Supplier<String> value;
    private final Consumer<String> commit;
    private final List<Option> options;
    private final String prompt;

    private FieldRow(String category, String name, String description, String path, Kind kind,
            Supplier<String> value, Consumer<String> commit, List<Option> options, String prompt) {
        this.category = category;
        this.name = name;
        this.description = description;
        this.path = path;
        this.kind = commit == null ? Kind.FIXED : kind;
        this.value = value;
        this.commit = commit;
        this.options = List.copyOf(options);
        this.prompt = prompt;
    }

    /**
     * @param category the sheet's category
     * @param name the row's name with its display unit, e.g. "Spacing (mm)"
     * @param description the tooltip
     * @param path the scenario-file path of the field (for tests and messages)
     * @param value the value shown, as text in display units ("" when absent)
     * @param commit applies the user's text, or null for a fixed row
     * @param prompt shown in an empty field, e.g. "default: centroid"
     * @return a text row
     */
    static FieldRow text(String category, String name, String description, String path, Supplier<String> value,
            Consumer<String> commit, String prompt) {
        return new FieldRow(category, name, description, path, Kind.TEXT, value, commit, List.of(), prompt);
    }

    /**
     * @param category the sheet's category
     * @param name the row's name
     * @param description the tooltip
     * @param path the scenario-file path of the field
     * @param options the choices
     * @param value the key of the present choice
     * @param commit applies the chosen key
     * @return a choice row
     */
    static FieldRow choice(String category, String name, String description, String path, List<Option> options,
            Supplier<String> value, Consumer<String> commit) {
        return new FieldRow(category, name, description, path, Kind.CHOICE, value, commit, options, "");
    }

    /**
     * @param category the sheet's category
     * @param name the row's name
     * @param description the tooltip
     * @param path the scenario-file path of the field
     * @param value "true" or "false"
     * @param commit applies "true" or "false"
     * @return a check-box row
     */
    static FieldRow flag(String category, String name, String description, String path, Supplier<String> value,
            Consumer<String> commit) {
        return new FieldRow(category, name, description, path, Kind.FLAG, value, commit, List.of(), "");
    }

    /**
     * @param category the sheet's category
     * @param name the row's name
     * @param description the tooltip
     * @param value the text shown
     * @return a row that is shown, not edited
     */
    static FieldRow fixed(String category, String name, String description, Supplier<String> value) {
        return new FieldRow(category, name, description, "", Kind.FIXED, value, null, List.of(), "");
    }

    /** @return how the row is edited */
    Kind kind() {
        return kind;
    }

    /** @return the scenario-file path of the field ("" for a fixed row) */
    String path() {
        return path;
    }

    /** @return the choices (CHOICE rows) */
    List<Option> options() {
        return options;
    }

    /** @return the prompt of an empty text field */
    String prompt() {
        return prompt;
    }

    /** @return the value shown, as text */
    String text() {
        String v = value.get();
        return v == null ? "" : v;
    }

    /**
     * Applies the user's text (or chosen key) unless it is what is shown already.
     *
     * @param text the text
     */
    void commit(String text) {
        if (commit != null && text != null && !text.equals(text())) {
            commit.accept(text);
        }
    }

    /**
     * Applies a text even when it is the one shown: the shown value is converted back and
     * validated again (a check that display and storage agree).
     *
     * @param text the text
     */
    void force(String text) {
        if (commit != null) {
            commit.accept(text);
        }
    }

    @Override
    public Class<?> getType() {
        return kind == Kind.FLAG ? Boolean.class : String.class;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return kind == Kind.FLAG ? Boolean.valueOf(text()) : text();
    }

    @Override
    public void setValue(Object v) {
        commit(String.valueOf(v));
    }

    @Override
    public boolean isEditable() {
        return kind != Kind.FIXED;
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return category + " / " + name + " = " + text();
    }
}
