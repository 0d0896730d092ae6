package io.fresnel.ui;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * A place in the property sheet that keeps its editor while its row is replaced. The sheet's rows
 * ({@link FieldRow}, {@link PropertyItem}) are immutable and made from one scenario; when the next
 * scenario gives a row of the same shape - same kind, category, name, description, file path,
 * choices and prompt, only the value differs, as on every step of a drag - the row is swapped in
 * here and the editor is told to show the new value ({@link #onReplace}), instead of ControlsFX
 * building a new editor (text field, tooltip, CSS, input map) for every row on every step.
 */
final class SheetRow implements PropertySheet.Item {
    private PropertySheet.Item row;
    private Runnable refresh = () -> {
    };

    /** @param row the row shown first */
    SheetRow(PropertySheet.Item row) {
        this.row = Objects.requireNonNull(row);
    }

    /** @return the row shown now */
    PropertySheet.Item row() {
        return row;
    }

    /**
     * @param r run after the row was replaced, on the FX thread, to show the new row's value
     */
    void onReplace(Runnable r) {
        refresh = Objects.requireNonNull(r);
    }

    /**
     * Shows {@code newer} in this place when it has the shape of the row shown now.
     *
     * @param newer the row made from the next scenario
     * @return whether it was swapped in (false: the place needs a new editor)
     */
    boolean replace(PropertySheet.Item newer) {
        if (!sameShape(row, newer)) {
            return false;
        }
        row = newer;
        refresh.run();
        return true;
    }

    /**
     * @param a a row
     * @param b another row
     * @return whether one editor can show both: everything but the value is equal
     */
    static boolean sameShape(PropertySheet.Item a, PropertySheet.Item b) {
        if (a.getClass() != b.getClass() || a.getType() != b.getType() || a.isEditable() != b.isEditable()
                || !Objects.equals(a.getCategory(), b.getCategory()) || !Objects.equals(a.getName(), b.getName())
                || !Objects.equals(a.getDescription(), b.getDescription())) {
            return false;
        }
        return !(a instanceof FieldRow f) || f.kind() == ((FieldRow) b).kind() && f.path().equals(((FieldRow) b).path())
                && f.options().equals(((FieldRow) b).options()) && f.prompt().equals(((FieldRow) b).prompt());
    }

    @Override
    public Class<?> getType() {
        return row.getType();
    }

    @Override
    public String getCategory() {
        return row.getCategory();
    }

    @Override
    public String getName() {
        return row.getName();
    }

    @Override
    public String getDescription() {
        return row.getDescription();
    }

    @Override
    public Object getValue() {
        return row.getValue();
    }

    @Override
    public void setValue(Object value) {
        row.setValue(value);
    }

    @Override
    public boolean isEditable() {
        return row.isEditable();
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return row.toString();
    }
}
