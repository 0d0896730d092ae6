package io.fresnel.ui;

import io.fresnel.service.Evaluation;
import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.io.MetricsJson;
import io.fresnel.metrics.ConstraintStatus;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;

/**
 * The metrics of the latest evaluation, per node and system-wide, with the constraint status
 * (met / violated) against the scenario's thresholds. Rebuilt when an evaluation arrives.
 */
public final class MetricsPanel extends BorderPane {
    /** One row: a group or a value. */
    record Row(String name, String value, String status) {
    }

    private final TreeTableView<Row> table = new TreeTableView<>();
    private final Label header = new Label();
    /**
     * The one root, kept for the panel's life: only its children are replaced. Setting a new root
     * on every evaluation kept every old tree reachable (JavaFX 21's TreeTableView leaves a handler
     * on each former root, JDK-8349758): about 14,000 rows after 2,000 window operations.
     */
    private final TreeItem<Row> root = new TreeItem<>(new Row("", "", ""));

    /** @param model the window state */
    public MetricsPanel(ExplorerViewModel model) {
        TreeTableColumn<Row, String> name = new TreeTableColumn<>("Quantity");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().name()));
        name.setPrefWidth(210);
        TreeTableColumn<Row, String> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().value()));
        value.setPrefWidth(230);
        TreeTableColumn<Row, String> status = new TreeTableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().status()));
        status.setPrefWidth(70);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.getColumns().add(status);
        table.setShowRoot(false);
        table.setRoot(root);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setId("metricsTable");
        header.setWrapText(true);
        setTop(header);
        setCenter(table);
        model.evaluationProperty().addListener((o, a, e) -> show(e));
    }

    /** @return the table (for tests) */
    public TreeTableView<Row> table() {
        return table;
    }

    private void show(Evaluation e) {
        if (e == null || e.metrics() == null) {
            header.setText(e == null ? "waiting for the scene's results" : e.problem());
            root.getChildren().clear();
            return;
        }
        TreeItem<Row> fresh = new TreeItem<>();
        header.setText(e.problem() == null ? "" : e.problem());
        TreeItem<Row> constraints = group("Constraints");
        for (ConstraintStatus.Check c : ConstraintStatus.of(e.designed(), e.metrics())) {
            constraints.getChildren().add(new TreeItem<>(new Row(c.name(),
                    String.format("%.4g (limit %.4g)", c.value(), c.limit()), c.met() ? "met" : "VIOLATED")));
        }
        if (!constraints.getChildren().isEmpty()) {
            fresh.getChildren().add(constraints);
        }
        JsonNode json = MetricsJson.toJson(e.metrics());
        add(fresh, "System", json.get("system"));
        for (String section : new String[] {"users", "eavesdroppers", "targets", "sensing_eavesdroppers"}) {
            JsonNode nodes = json.get(section);
            if (nodes == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> node : nodes.properties()) {
                add(fresh, section.replace('_', ' ') + ": " + node.getKey(), node.getValue());
            }
        }
        List<TreeItem<Row>> rows = List.copyOf(fresh.getChildren());
        fresh.getChildren().clear();
        root.getChildren().setAll(rows);
    }

    private static String matrix(JsonNode rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < row.size(); j++) {
                sb.append(j == 0 ? "" : ", ").append(String.format("%.4g", row.get(j).asDouble()));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static TreeItem<Row> group(String name) {
        TreeItem<Row> item = new TreeItem<>(new Row(name, "", ""));
        item.setExpanded(true);
        return item;
    }

    private static void add(TreeItem<Row> parent, String name, JsonNode node) {
        if (node == null) {
            return;
        }
        TreeItem<Row> item = group(name);
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            JsonNode v = f.getValue();
            if (v.isNumber()) {
                item.getChildren().add(new TreeItem<>(new Row(f.getKey(), MetricFormat.format(f.getKey(), v.asDouble()),
                        "")));
            } else if (v.isTextual()) {
                item.getChildren().add(new TreeItem<>(new Row(f.getKey(), v.asText(), "")));
            } else if (v.isObject()) {
                add(item, f.getKey(), v);
            } else if (v.isArray()) {
                item.getChildren().add(new TreeItem<>(new Row(f.getKey(), matrix(v), "")));
            }
        }
        parent.getChildren().add(item);
    }
}
