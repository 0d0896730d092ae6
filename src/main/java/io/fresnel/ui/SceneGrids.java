package io.fresnel.ui;

import io.fresnel.math.Vec3;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the metric grid (labelled in m, with the names of the plane's two axes) and the polar grid about the reference point (on the
 * plane z = 0 only: elsewhere its circles would not be ranges).
 */
final class SceneGrids {
    private SceneGrids() {
    }

    /**
     * @param g the canvas
     * @param v the viewport
     * @param o the reference point (the polar grid's centre)
     * @param options what to draw
     * @param onDark whether a heatmap is under the grid
     * @param polar whether the polar grid may be drawn (plane z = 0)
     * @param uName the name of the horizontal axis ("x" on z = 0, "y" on x = C, "u" on an oblique plane)
     * @param vName the name of the vertical axis
     */
    static void draw(GraphicsContext g, Viewport v, Vec3 o, SceneOptions options, boolean onDark, boolean polar,
            String uName, String vName) {
        double[] vis = v.visible();
        g.setFont(Font.font(10));
        if (options.metricGrid()) {
            double step = GridTicks.step(vis[1] - vis[0], 10);
            g.setStroke(onDark ? Color.rgb(255, 255, 255, 0.18) : Color.rgb(0, 0, 0, 0.12));
            g.setLineWidth(1);
            g.setFill(onDark ? Color.rgb(235, 235, 235) : Color.rgb(60, 60, 60));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            for (double x = Math.ceil(vis[0] / step) * step; x <= vis[1]; x += step) {
                double sx = v.screenX(x);
                g.strokeLine(sx, 0, sx, v.height());
                g.fillText(label(x, step) + " m", sx + 2, v.height() - 2);
            }
            g.setTextBaseline(VPos.TOP);
            for (double y = Math.ceil(vis[2] / step) * step; y <= vis[3]; y += step) {
                double sy = v.screenY(y);
                g.strokeLine(0, sy, v.width(), sy);
                g.fillText(label(y, step) + " m", 2, sy + 1);
            }
            // which coordinate each direction is (on a slice of a 3-D scene it is not always x and y)
            g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(uName + " \u2192", v.width() - 4, v.height() - 16);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("\u2191 " + vName, 48, 4);
            g.setFont(Font.font(10));
        }
        if (polar && options.polarGrid()) {
            double far = 0;
            for (double x : new double[] {vis[0], vis[1]}) {
                for (double y : new double[] {vis[2], vis[3]}) {
                    far = Math.max(far, Math.hypot(x - o.x(), y - o.y()));
                }
            }
            double step = GridTicks.step(far, 8);
            g.setStroke(onDark ? Color.rgb(255, 255, 255, 0.25) : Color.rgb(0, 0, 120, 0.18));
            double cx = v.screenX(o.x());
            double cy = v.screenY(o.y());
            for (double r = step; r <= far; r += step) {
                double pr = r * v.scale();
                g.strokeOval(cx - pr, cy - pr, 2 * pr, 2 * pr);
            }
            g.setFill(onDark ? Color.rgb(235, 235, 255) : Color.rgb(0, 0, 120, 0.7));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            for (int deg = -180; deg < 180; deg += 15) {
                double a = Math.toRadians(deg);
                double ex = v.screenX(o.x() + far * Math.cos(a));
                double ey = v.screenY(o.y() + far * Math.sin(a));
                g.strokeLine(cx, cy, ex, ey);
                double lx = v.screenX(o.x() + 0.9 * far * Math.cos(a));
                double ly = v.screenY(o.y() + 0.9 * far * Math.sin(a));
                if (deg % 30 == 0) {
                    g.fillText(deg + "\u00b0", lx, ly);
                }
            }
        }
    }

    private static String label(double value, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
        return String.format("%." + decimals + "f", Math.abs(value) < step * 1e-6 ? 0.0 : value);
    }
}
