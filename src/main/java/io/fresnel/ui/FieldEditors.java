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
 * holds uncommitted text the owner is told ({@code typing}), so that it does not replace the
 * rows under the user's fingers. An editor belongs to a {@link SheetRow}: when the place's row is
 * replaced by one of the same shape (the next drag step), the editor shows the new row's value
 * and commits to the new row, without firing an edit.
 */
final class FieldEditors {
    private FieldEditors() {
    }

    /**
     * @param place the sheet's place of a {@link FieldRow}
     * @param typing told true when a field starts holding uncommitted text, false when it no longer does
     * @return its editor
     */
    static PropertyEditor<Object> editorFor(SheetRow place, Consumer<Boolean> typing) {
        FieldRow first = row(place);
        Node node = switch (first.kind()) {
            case TEXT -> text(place, typing);
            case CHOICE -> choice(place);
            case FLAG -> flag(place);
            case FIXED -> fixed(place);
        };
        node.setUserData(first.path());
        if (!first.getDescription().isEmpty()) {
            Tooltip.install(node, new Tooltip(first.getDescription()));
        }
        return new PropertyEditor<>() {
            @Override
            public Node getEditor() {
                return node;
            }

            @Override
            public Object getValue() {
                return place.getValue();
            }

            @Override
            public void setValue(Object value) {
                // the editor shows its row's value itself (SheetRow.onReplace)
            }
        };
    }

    private static FieldRow row(SheetRow place) {
        return (FieldRow) place.row();
    }

    private static Node text(SheetRow place, Consumer<Boolean> typing) {
        TextField field = new TextField(row(place).text());
        field.setPromptText(row(place).prompt());
        field.textProperty().addListener((o, a, b) -> typing.accept(!b.equals(row(place).text())));
        Runnable commit = () -> {
            String t = field.getText().trim();
            typing.accept(false);
            row(place).commit(t);
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (was && !now && field.getScene() != null) {
                commit.run();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.setText(row(place).text());
                typing.accept(false);
                e.consume();
            }
        });
        place.onReplace(() -> field.setText(row(place).text()));
        return field;
    }

    private static Node choice(SheetRow place) {
        ComboBox<FieldRow.Option> box = new ComboBox<>();
        box.getItems().setAll(row(place).options());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(FieldRow.Option o) {
                return o == null ? "" : o.label();
            }

            @Override
            public FieldRow.Option fromString(String s) {
                return box.getItems().stream().filter(o -> o.label().equals(s)).findFirst().orElse(null);
            }
        });
        Runnable show = () -> {
            String now = row(place).text();
            box.setValue(box.getItems().stream().filter(o -> o.key().equals(now)).findFirst().orElse(null));
        };
        show.run();
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                row(place).commit(b.key());
            }
        });
        place.onReplace(show);
        return box;
    }

    private static Node flag(SheetRow place) {
        CheckBox box = new CheckBox();
        box.setSelected(Boolean.parseBoolean(row(place).text()));
        box.selectedProperty().addListener((o, a, b) -> row(place).commit(String.valueOf(b)));
        place.onReplace(() -> box.setSelected(Boolean.parseBoolean(row(place).text())));
        return box;
    }

    private static Node fixed(SheetRow place) {
        Label label = new Label(row(place).text());
        label.setMaxWidth(Double.MAX_VALUE);
        place.onReplace(() -> label.setText(row(place).text()));
        return label;
    }
}
