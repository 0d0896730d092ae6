package io.fresnel.ui;

import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;

/** Test helper: the text of the metrics table, to see that it changed. */
final class MetricsPanelText {
    private MetricsPanelText() {
    }

    @SuppressWarnings("unchecked")
    static String of(MainWindow window) {
        Node n = window.lookup("#metricsTable");
        StringBuilder sb = new StringBuilder();
        append(sb, ((TreeTableView<MetricsPanel.Row>) n).getRoot());
        return sb.toString();
    }

    private static void append(StringBuilder sb, TreeItem<MetricsPanel.Row> item) {
        if (item == null) {
            return;
        }
        sb.append(item.getValue()).append('\n');
        for (TreeItem<MetricsPanel.Row> c : item.getChildren()) {
            append(sb, c);
        }
    }
}
