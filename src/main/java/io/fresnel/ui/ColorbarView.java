package io.fresnel.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The colour bar of the heatmap on screen, beside the scene (never over a node): the colormap
 * from the bottom to the top of the display range, five tick labels and the unit.
 */
public final class ColorbarView extends Region {
    private static final double WIDTH = 96;
    private final Canvas canvas = new Canvas(WIDTH, 300);
    private HeatmapFrame frame;

    /** Creates an empty colour bar. */
    public ColorbarView() {
        getChildren().add(canvas);
        setMinWidth(WIDTH);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
    }

    /** @param f the frame whose scale to show, or null for none */
    public void show(HeatmapFrame f) {
        frame = f;
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getHeight() != getHeight()) {
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(250, 250, 252));
        g.fillRect(0, 0, WIDTH, h);
        if (frame == null) {
            return;
        }
        double x = 10;
        double barW = 16;
        double y = 42;
        double barH = Math.max(40, Math.min(420, h - 80));
        int steps = (int) barH;
        for (int i = 0; i < steps; i++) {
            int argb = frame.request().colormap().argb(1 - (double) i / (steps - 1));
            g.setFill(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
            g.fillRect(x, y + i, barW, 1.5);
        }
        g.setStroke(Color.BLACK);
        g.setLineWidth(1);
        g.strokeRect(x, y, barW, barH);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double step = (frame.high() - frame.low()) / 4;
        for (int k = 0; k <= 4; k++) {
            double value = frame.high() - step * k;
            g.fillText(frame.scale().formatTick(value, step), x + barW + 5, y + barH * k / 4);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(wrap(frame.scale().label()), 4, 4);
    }

    private static String wrap(String label) {
        int space = label.indexOf(' ');
        return label.length() > 14 && space > 0 ? label.substring(0, space) + "\n" + label.substring(space + 1) : label;
    }
}
