package io.fresnel.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The status line's messages in full: every message of the given sources (file and export
 * messages, the solver's status, the renderer's status), time-stamped, newest last, at most
 * {@value #CAPACITY}; the solver's per-iteration progress is left out (it is in the convergence
 * chart). {@link #fullText} gives a status label a tooltip with its whole text, so a message cut
 * by the window's width is still readable.
 */
public final class MessageLog extends VBox {
    /** The most messages kept. */
    public static final int CAPACITY = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final ObservableList<String> lines = FXCollections.observableArrayList();

    /**
     * @param sources the texts to log (FX thread)
     */
    @SafeVarargs
    public MessageLog(ObservableValue<String>... sources) {
        ListView<String> list = new ListView<>(lines);
        list.setId("messageLog");
        list.setFixedCellSize(22); // one line per message: no cell-size estimation as the log grows
        VBox.setVgrow(list, Priority.ALWAYS);
        Button copy = new Button("Copy all");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(String.join("\n", lines));
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button clear = new Button("Clear");
        clear.setOnAction(e -> lines.clear());
        getChildren().addAll(list, new HBox(6, copy, clear));
        for (ObservableValue<String> s : sources) {
            add(s.getValue());
            s.addListener((o, a, text) -> add(text));
        }
    }

    /** @return the logged lines, oldest first ("HH:mm:ss  text") */
    public ObservableList<String> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    private void add(String text) {
        if (text == null || text.isBlank() || text.contains(": iteration ")) {
            return;
        }
        String line = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(TIME) + "  " + text;
        if (!lines.isEmpty() && lines.get(lines.size() - 1).substring(10).equals(text)) {
            return;
        }
        lines.add(line);
        if (lines.size() > CAPACITY) {
            lines.remove(0, lines.size() - CAPACITY);
        }
    }

    /**
     * Gives a label a tooltip that shows its whole text (wrapped), whatever room it has.
     *
     * @param label the label; modified
     */
    public static void fullText(Label label) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(label.textProperty());
        t.setWrapText(true);
        t.setMaxWidth(640);
        label.setTooltip(t);
    }
}
