package io.fresnel.ui;

import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.render.Plane;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The plane selector of the 2-D canvas and the 3-D slice: a plane kind (x = C, y = C, z = C or
 * the broadside plane through a node), the offset C (m) or the node, a one-click button for
 * paper 004's y-z plane (eq. (50)) and a toggle for the default plane (pressed while the default
 * plane, which follows the first target, is in force). Binds and delegates to the
 * {@link SliceViewModel}; a 2-D scenario only has z = 0, so the bar is disabled.
 */
final class SliceBar extends HBox {
    private static final String BROADSIDE = "broadside through";

    private final ExplorerViewModel model;
    private final ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList("x =", "y =", "z =",
            BROADSIDE));
    private final TextField offset = new TextField();
    private final ComboBox<String> node = new ComboBox<>();
    private final ToggleButton reset = new ToggleButton("default");
    private boolean updating;

    SliceBar(ExplorerViewModel model) {
        super(6);
        this.model = model;
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        kind.setId("sliceKind");
        offset.setId("sliceOffset");
        offset.setPrefColumnCount(6);
        offset.setTooltip(new Tooltip("offset of the plane along its normal (m); Enter applies"));
        node.setId("sliceNode");
        Button yz = new Button("y-z (paper 004)");
        yz.setId("slicePaperYz");
        yz.setTooltip(new Tooltip("the plane x = x of the array centre: paper 004's beampattern P(0, y, z), eq. (50)"));
        yz.setOnAction(e -> model.slice().paperYz());
        reset.setId("sliceDefault");
        reset.setTooltip(new Tooltip("the plane through the first target (never the array's own plane); pressed while"
                + " it is in force, and then it follows the target when the target moves"));
        reset.setOnAction(e -> {
            model.slice().reset();
            showChoice();
        });
        kind.valueProperty().addListener((o, a, b) -> applyFromControls());
        node.valueProperty().addListener((o, a, b) -> applyFromControls());
        offset.setOnAction(e -> applyFromControls());
        getChildren().addAll(new Label("Slice"), kind, offset, node, yz, reset);
        model.slice().planeProperty().addListener((o, a, b) -> showChoice());
        model.scenarioProperty().addListener((o, a, b) -> refreshNodes(b));
        refreshNodes(model.getScenario());
        showChoice();
    }

    private void refreshNodes(Scenario s) {
        List<String> ids = new ArrayList<>();
        s.targets().forEach(t -> ids.add(t.id()));
        s.users().forEach(u -> ids.add(u.id()));
        s.eavesdroppers().forEach(u -> ids.add(u.id()));
        if (!ids.equals(node.getItems())) {
            updating = true;
            String keep = node.getValue();
            node.setItems(FXCollections.observableArrayList(ids));
            node.setValue(ids.contains(keep) ? keep : ids.isEmpty() ? null : ids.get(0));
            updating = false;
        }
        setDisable(s.dimension() == 2);
    }

    private void showChoice() {
        updating = true;
        SliceViewModel.Choice c = model.slice().choiceProperty().get();
        if (c != null && c.nodeId() != null) {
            kind.setValue(BROADSIDE);
            node.setValue(c.nodeId());
        } else {
            Plane p = model.slice().getPlane();
            kind.setValue(p.normal().key() + " =");
            offset.setText(String.format(Locale.ROOT, "%.6g", p.offsetM()));
        }
        boolean broadside = BROADSIDE.equals(kind.getValue());
        offset.setVisible(!broadside);
        offset.setManaged(!broadside);
        node.setVisible(broadside);
        node.setManaged(broadside);
        reset.setSelected(model.slice().followsDefault());
        updating = false;
    }

    private void applyFromControls() {
        if (updating || kind.getValue() == null) {
            return;
        }
        if (BROADSIDE.equals(kind.getValue())) {
            if (node.getValue() != null) {
                model.slice().broadside(node.getValue());
            }
        } else {
            try {
                double c = Double.parseDouble(offset.getText().strip());
                model.slice().axisPlane(Axis.fromKey(kind.getValue().substring(0, 1)), c);
            } catch (NumberFormatException e) {
                model.report("slice offset \"" + offset.getText() + "\" is not a number of metres");
            }
        }
        showChoice();
    }
}
