package io.fresnel.ui;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.util.StringConverter;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The editors of {@link FieldRow}s. A text field commits once, with Enter or when it loses the
 * focus, and only when its text changed (so typing "28" is one edit, not two); Escape restores
 * the shown value. A choice shows human names and commits the chosen key. While a text field
 * holds uncommitted text the owner is told ({@code typing}), so that it does not rebuild the
 * sheet under the user's fingers.
 */
final class FieldEditors {
    private FieldEditors() {
    }

    /**
     * @param row the row
     * @param typing told true when a field starts holding uncommitted text, false when it no longer does
     * @return its editor
     */
    static PropertyEditor<Object> editorFor(FieldRow row, Consumer<Boolean> typing) {
        Node node = switch (row.kind()) {
            case TEXT -> text(row, typing);
            case CHOICE -> choice(row);
            case FLAG -> flag(row);
            case FIXED -> fixed(row);
        };
        node.setUserData(row.path());
        if (!row.getDescription().isEmpty()) {
            Tooltip.install(node, new Tooltip(row.getDescription()));
        }
        return new PropertyEditor<>() {
            @Override
            public Node getEditor() {
                return node;
            }

            @Override
            public Object getValue() {
                return row.getValue();
            }

            @Override
            public void setValue(Object value) {
                // the rows are rebuilt with their values; nothing to push into the editor
            }
        };
    }

    private static Node text(FieldRow row, Consumer<Boolean> typing) {
        String shown = row.text();
        TextField field = new TextField(shown);
        field.setPromptText(row.prompt());
        field.textProperty().addListener((o, a, b) -> typing.accept(!b.equals(shown)));
        Runnable commit = () -> {
            String t = field.getText().trim();
            typing.accept(false);
            if (!t.equals(shown)) {
                row.commit(t);
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (was && !now && field.getScene() != null) {
                commit.run();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.setText(shown);
                typing.accept(false);
                e.consume();
            }
        });
        return field;
    }

    private static Node choice(FieldRow row) {
        ComboBox<FieldRow.Option> box = new ComboBox<>();
        box.getItems().setAll(row.options());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(FieldRow.Option o) {
                return o == null ? "" : o.label();
            }

            @Override
            public FieldRow.Option fromString(String s) {
                return row.options().stream().filter(o -> o.label().equals(s)).findFirst().orElse(null);
            }
        });
        String now = row.text();
        row.options().stream().filter(o -> o.key().equals(now)).findFirst().ifPresent(box::setValue);
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.key().equals(now)) {
                row.commit(b.key());
            }
        });
        return box;
    }

    private static Node flag(FieldRow row) {
        CheckBox box = new CheckBox();
        box.setSelected(Boolean.parseBoolean(row.text()));
        box.selectedProperty().addListener((o, a, b) -> row.commit(String.valueOf(b)));
        return box;
    }

    private static Node fixed(FieldRow row) {
        Label label = new Label(row.text());
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
