package io.fresnel.ui;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Slider;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/**
 * A slider in [0, 1] for a power split in the property sheet; tells the sheet while a drag is
 * in progress so that the sheet does not rebuild the slider under the mouse.
 */
final class SplitSliderEditor extends AbstractPropertyEditor<Double, Slider> {

    /**
     * @param item the row
     * @param dragging receives true when a drag starts and false when it ends
     */
    SplitSliderEditor(PropertySheet.Item item, Consumer<Boolean> dragging) {
        super(item, slider());
        getEditor().valueChangingProperty().addListener((o, was, now) -> dragging.accept(now));
    }

    private static Slider slider() {
        Slider s = new Slider(0, 1, 0);
        s.setShowTickMarks(true);
        s.setShowTickLabels(true);
        s.setMajorTickUnit(0.25);
        s.setBlockIncrement(0.05);
        return s;
    }

    @Override
    protected ObservableValue<Double> getObservableValue() {
        return getEditor().valueProperty().asObject();
    }

    @Override
    public void setValue(Double value) {
        getEditor().setValue(value == null ? 0 : value);
    }
}
