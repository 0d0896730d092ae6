package io.fresnel.ui;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One editable row of the property sheet: shows a value in display units and hands an edit to
 * a setter (which goes through the view model, so a rejected value changes nothing).
 */
final class PropertyItem implements PropertySheet.Item {
    private final String category;
    private final String name;
    private final String description;
    private final Class<?> type;
    private final Supplier<Object> getter;
    private final Consumer<Object> setter;

    PropertyItem(String category, String name, String description, Class<?> type, Supplier<Object> getter,
            Consumer<Object> setter) {
        this.category = category;
        this.name = name;
        this.description = description;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
    }

    @Override
    public Class<?> getType() {
        return type;
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
        return getter.get();
    }

    @Override
    public void setValue(Object value) {
        if (setter != null && value != null && !value.equals(getter.get())) {
            setter.accept(value);
        }
    }

    @Override
    public boolean isEditable() {
        return setter != null;
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
