package io.fresnel.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.io.ScenarioPatch;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The scenario editor: a ControlsFX property sheet with a row for every field of the scenario
 * file (docs/scenario-format.md section 7) - the general and propagation fields, the transmit and
 * receive arrays, the architecture and radar, the selected node, the sensing eavesdroppers, the
 * precoder's secrecy shares - and the chosen beamformer's solver parameters. Values are shown in
 * display units (GHz, mm, dBm, degrees, dB) with human names for the file's words, and stored in
 * SI. Every edit goes through {@link SheetEdits}: validated exactly as the scenario reader
 * validates a file, one undo step, and the solver re-designs on it; a refused edit changes
 * nothing and the message names the field. With paper 002's {@code ssjb} or {@code slb} as the
 * beamformer, its power splits are sliders ({@link PowerSplits}): dragging one re-designs the
 * precoder, so the AN, the sensing beam and the secure region follow.
 *
 * <p>The rows are made again when the scenario, the selection or the beamformer changes, except
 * while a text field holds text the user has not committed yet (or a slider is dragged): then that
 * waits for the commit. When every new row has the shape of the one in its place (the same fields,
 * only values differ: every step of a drag), the rows are swapped into their places and the
 * editors stay ({@link SheetRow}); otherwise the sheet gets new editors.
 */
public final class PropertiesPanel extends PropertySheet {
    private static final String SPLITS = "Power split (paper 002)";
    /** The scenario-wide categories in their order; node categories come first. */
    private static final List<String> ORDER = List.of(ScenarioRows.GENERAL, SolverRows.SOLVER, SPLITS,
            ScenarioRows.TX, ScenarioRows.RX, ScenarioRows.HARDWARE, ScenarioRows.PRECODER);
    private final ExplorerViewModel model;
    private final SheetEdits edits;
    /** True while a power-split slider is dragged or a text field holds uncommitted text. */
    private boolean holding;
    private boolean stale;

    /** @param model the window state */
    public PropertiesPanel(ExplorerViewModel model) {
        this.model = model;
        this.edits = new SheetEdits(model, () -> javafx.application.Platform.runLater(this::rebuild));
        setMode(PropertySheet.Mode.CATEGORY);
        setSearchBoxVisible(false);
        setCategoryComparator((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b))
                : a.compareTo(b));
        setId("properties");
        model.scenarioProperty().addListener((o, a, b) -> rebuildUnlessHeld());
        model.selectedIdProperty().addListener((o, a, b) -> rebuild());
        model.algorithmProperty().addListener((o, a, b) -> rebuild());
        var defaults = getPropertyEditorFactory();
        setPropertyEditorFactory(item -> {
            SheetRow place = (SheetRow) item;
            if (place.row() instanceof FieldRow) {
                return FieldEditors.editorFor(place, this::hold);
            }
            PropertyEditor<?> editor = SPLITS.equals(place.getCategory()) ? new SplitSliderEditor(place, this::hold)
                    : defaults.call(place);
            place.onReplace(() -> setEditorValue(editor, place.getValue()));
            return editor;
        });
        rebuild();
    }

    /** @return the rows shown now (for tests) */
    List<FieldRow> rows() {
        List<FieldRow> out = new ArrayList<>();
        getItems().forEach(i -> {
            if (((SheetRow) i).row() instanceof FieldRow r) {
                out.add(r);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> void setEditorValue(PropertyEditor<T> editor, Object value) {
        editor.setValue((T) value);
    }

    private static int rank(String category) {
        int i = ORDER.indexOf(category);
        if (i >= 0) {
            return i + 1;
        }
        return category.startsWith("Sensing eavesdropper") ? ORDER.size() + 1 : 0;
    }

    private void hold(boolean now) {
        holding = now;
        if (!now && stale) {
            rebuild();
        }
    }

    private void rebuildUnlessHeld() {
        if (holding) {
            stale = true;
        } else {
            rebuild();
        }
    }

    private void rebuild() {
        stale = false;
        holding = false;
        Scenario s = model.getScenario();
        if (s == null) {
            return;
        }
        JsonNode tree = ScenarioPatch.tree(s.withPrecoder(null));
        List<PropertySheet.Item> items = new ArrayList<>();
        items.addAll(NodeRows.selected(s, tree, model.selectedIdProperty().get(), edits));
        items.addAll(ScenarioRows.of(s, tree, edits));
        String algorithm = model.algorithmProperty().get();
        items.addAll(SolverRows.of(s, algorithm, edits));
        for (PowerSplits.Split split : PowerSplits.of(algorithm)) {
            items.add(new PropertyItem(SPLITS, split.label(), split.description(), Double.class,
                    () -> PowerSplits.value(model.getScenario(), split), v -> model.edit(split.key(),
                            x -> PowerSplits.with(x, algorithm, split.key(), (Double) v))));
        }
        items.addAll(NodeRows.sensingEavesdroppers(s, tree, edits));
        if (!replaceInPlace(items)) {
            getItems().setAll(items.stream().map(SheetRow::new).toList());
        }
    }

    /** Swaps the rows into the places shown when every one has its place's shape. */
    private boolean replaceInPlace(List<PropertySheet.Item> items) {
        List<PropertySheet.Item> places = getItems();
        if (places.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!SheetRow.sameShape(((SheetRow) places.get(i)).row(), items.get(i))) {
                return false;
            }
        }
        for (int i = 0; i < items.size(); i++) {
            ((SheetRow) places.get(i)).replace(items.get(i));
        }
        return true;
    }
}
