package io.fresnel.render;

import io.fresnel.io.AtomicFiles;
import io.fresnel.io.Provenance;
import io.fresnel.math.Vec3;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a heatmap figure: the field's pixels ({@link HeatmapPixels}; undefined points mid grey)
 * with axes in metres (ticks, labels, titles naming the plane's axes), a colour bar labelled with
 * the display unit, a title naming the layer and the scenario, the transmit and receive elements
 * and the nodes projected onto the plane (nodes off the plane hollow), a legend and a provenance
 * line ({@link Provenance#line}). Grid points are the centres of the image cells.
 */
public final class FigureWriter {
    private static final int MAX_PLOT_WIDTH = 720;
    private static final int MAX_PLOT_HEIGHT = 540;
    private static final int MIN_PLOT_SIDE = 200;
    private static final int LEFT = 84;
    private static final int RIGHT = 150;
    private static final int TOP = 56;
    private static final int BOTTOM = 92;
    private static final Color UNDEFINED = new Color(0x80, 0x80, 0x80);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private FigureWriter() {
    }

    /**
     * Draws the figure and writes it as a PNG file atomically (a temporary file moved into place).
     *
     * @param f the field
     * @param scale how its values are shown
     * @param lo display value at the low end of the colour bar
     * @param hi display value at the high end (> lo)
     * @param map the colour map
     * @param s the scenario the field was computed from (elements, nodes, name)
     * @param out the PNG file to create or replace
     * @throws IOException when the file cannot be written (it is then left unchanged)
     * @throws IllegalArgumentException when the range is not finite and increasing
     */
    public static void writePng(Field f, DisplayScale scale, double lo, double hi, Colormap map, Scenario s, Path out)
            throws IOException {
        BufferedImage image = draw(f, scale, lo, hi, map, s);
        AtomicFiles.write(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }

    /**
     * Draws the figure.
     *
     * @param f the field
     * @param scale how its values are shown
     * @param lo display value at the low end of the colour bar
     * @param hi display value at the high end (> lo)
     * @param map the colour map
     * @param s the scenario the field was computed from
     * @return the figure (RGB)
     * @throws IllegalArgumentException when the range is not finite and increasing
     */
    public static BufferedImage draw(Field f, DisplayScale scale, double lo, double hi, Colormap map, Scenario s) {
        int[] pixels = HeatmapPixels.argb(f, scale, lo, hi, map);
        GridSpec g = f.grid();
        double du = (g.u1() - g.u0()) / (g.nu() - 1);
        double dv = (g.v1() - g.v0()) / (g.nv() - 1);
        Axes axes = Axes.fit(g.u0() - du / 2, g.u1() + du / 2, g.v0() - dv / 2, g.v1() + dv / 2);
        int width = LEFT + axes.w + RIGHT;
        int height = TOP + axes.h + BOTTOM;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        try {
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            gr.setColor(Color.WHITE);
            gr.fillRect(0, 0, width, height);
            BufferedImage heat = new BufferedImage(g.nu(), g.nv(), BufferedImage.TYPE_INT_ARGB);
            heat.setRGB(0, 0, g.nu(), g.nv(), pixels, 0, g.nu());
            gr.setColor(UNDEFINED);
            gr.fillRect(LEFT, TOP, axes.w, axes.h);
            gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            gr.drawImage(heat, LEFT, TOP, axes.w, axes.h, null);
            drawNodes(gr, axes, g.plane(), s);
            drawAxes(gr, axes, g.plane());
            drawColorbar(gr, axes, scale, lo, hi, map);
            drawTitle(gr, width, f, s);
            drawLegend(gr, axes);
            gr.setFont(SMALL);
            gr.setColor(Color.GRAY);
            gr.drawString(Provenance.line(s.name()), 8, height - 8);
        } finally {
            gr.dispose();
        }
        return img;
    }

    /** The plot area: its size in pixels and the data ranges it shows (equal scale on both axes when possible). */
    private static final class Axes {
        final double u0;
        final double u1;
        final double v0;
        final double v1;
        final int w;
        final int h;

        private Axes(double u0, double u1, double v0, double v1, int w, int h) {
            this.u0 = u0;
            this.u1 = u1;
            this.v0 = v0;
            this.v1 = v1;
            this.w = w;
            this.h = h;
        }

        static Axes fit(double u0, double u1, double v0, double v1) {
            double aspect = (u1 - u0) / (v1 - v0);
            int w = MAX_PLOT_WIDTH;
            int h = (int) Math.round(w / aspect);
            if (h > MAX_PLOT_HEIGHT) {
                h = MAX_PLOT_HEIGHT;
                w = (int) Math.round(h * aspect);
            }
            return new Axes(u0, u1, v0, v1, Math.max(MIN_PLOT_SIDE, w), Math.max(MIN_PLOT_SIDE, h));
        }

        double x(double u) {
            return LEFT + (u - u0) / (u1 - u0) * w;
        }

        double y(double v) {
            return TOP + (v1 - v) / (v1 - v0) * h;
        }
    }

    private static void drawAxes(Graphics2D gr, Axes a, Plane plane) {
        gr.setColor(Color.BLACK);
        gr.setStroke(new BasicStroke(1f));
        gr.drawRect(LEFT, TOP, a.w, a.h);
        gr.setFont(LABEL);
        FontMetrics fm = gr.getFontMetrics();
        double stepU = Ticks.step(a.u0, a.u1, 7);
        for (double u : Ticks.between(a.u0, a.u1, 7)) {
            int x = (int) Math.round(a.x(u));
            gr.drawLine(x, TOP + a.h, x, TOP + a.h + 5);
            String t = Ticks.format(u, stepU);
            gr.drawString(t, x - fm.stringWidth(t) / 2, TOP + a.h + 7 + fm.getAscent());
        }
        double stepV = Ticks.step(a.v0, a.v1, 6);
        for (double v : Ticks.between(a.v0, a.v1, 6)) {
            int y = (int) Math.round(a.y(v));
            gr.drawLine(LEFT - 5, y, LEFT, y);
            String t = Ticks.format(v, stepV);
            gr.drawString(t, LEFT - 8 - fm.stringWidth(t), y + fm.getAscent() / 2 - 1);
        }
        String ut = plane.uLabel() + " (m)";
        gr.drawString(ut, LEFT + a.w / 2 - fm.stringWidth(ut) / 2, TOP + a.h + 14 + 2 * fm.getHeight());
        drawVertical(gr, plane.vLabel() + " (m)", 20, TOP + a.h / 2);
    }

    private static void drawColorbar(Graphics2D gr, Axes a, DisplayScale scale, double lo, double hi, Colormap map) {
        int x = LEFT + a.w + 24;
        int w = 18;
        for (int y = 0; y < a.h; y++) {
            gr.setColor(new Color(map.argb(1 - (y + 0.5) / a.h), false));
            gr.fillRect(x, TOP + y, w, 1);
        }
        gr.setColor(Color.BLACK);
        gr.drawRect(x, TOP, w, a.h);
        gr.setFont(LABEL);
        FontMetrics fm = gr.getFontMetrics();
        List<Double> ticks = scale.mapping() == DisplayScale.Mapping.LOG10 && hi - lo >= 1
                ? Ticks.between(Math.ceil(lo), Math.floor(hi), (int) Math.min(8, Math.floor(hi) - Math.ceil(lo)))
                : Ticks.between(lo, hi, 6);
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 0;
        for (double t : ticks) {
            int y = (int) Math.round(TOP + (hi - t) / (hi - lo) * a.h);
            gr.drawLine(x + w, y, x + w + 4, y);
            gr.drawString(scale.formatTick(t, step), x + w + 7, y + fm.getAscent() / 2 - 1);
        }
        drawVertical(gr, scale.label(), x + w + 70 + fm.getAscent(), TOP + a.h / 2);
    }

    private static void drawTitle(Graphics2D gr, int width, Field f, Scenario s) {
        gr.setColor(Color.BLACK);
        gr.setFont(TITLE);
        String name = s.name() == null || s.name().isBlank() ? "unnamed scenario" : s.name();
        String title = f.layer().label() + " on " + f.grid().plane() + " \u2014 " + name;
        FontMetrics fm = gr.getFontMetrics();
        if (fm.stringWidth(title) > width - 16) {
            gr.setFont(LABEL);
            fm = gr.getFontMetrics();
        }
        gr.drawString(title, Math.max(8, (width - fm.stringWidth(title)) / 2), 30);
    }

    private static void drawNodes(Graphics2D gr, Axes a, Plane plane, Scenario s) {
        Shape clip = gr.getClip();
        gr.setClip(new Rectangle2D.Double(LEFT, TOP, a.w, a.h));
        gr.setStroke(new BasicStroke(1.2f));
        for (Vec3 p : s.txArray().positions()) {
            mark(gr, a, plane, p, square(3), Color.WHITE);
        }
        if (s.rxArray() != null) {
            for (Vec3 p : s.rxArray().positions()) {
                mark(gr, a, plane, p, triangle(4), Color.LIGHT_GRAY);
            }
        }
        for (CommNode u : s.users()) {
            mark(gr, a, plane, u.positionM(), circle(6), new Color(0x2b, 0x8c, 0xff));
        }
        for (CommNode e : s.eavesdroppers()) {
            mark(gr, a, plane, e.positionM(), cross(6), new Color(0xe0, 0x20, 0x20));
        }
        for (Target t : s.targets()) {
            mark(gr, a, plane, t.positionM(), diamond(7), t.eavesdropper() ? new Color(0xe0, 0x20, 0x20)
                    : new Color(0xff, 0x8c, 0x00));
        }
        gr.setClip(clip);
    }

    private static void drawLegend(Graphics2D gr, Axes a) {
        gr.setFont(SMALL);
        FontMetrics fm = gr.getFontMetrics();
        int y = TOP + a.h + 66;
        int x = LEFT;
        Object[][] items = {
            {square(3), Color.WHITE, "Tx element"}, {triangle(4), Color.LIGHT_GRAY, "Rx element"},
            {circle(6), new Color(0x2b, 0x8c, 0xff), "user"}, {cross(6), new Color(0xe0, 0x20, 0x20), "eavesdropper"},
            {diamond(7), new Color(0xff, 0x8c, 0x00), "target (red: eavesdrops)"}, {circle(6), null, "hollow: off the plane"}};
        for (Object[] it : items) {
            AffineTransform at = AffineTransform.getTranslateInstance(x + 6, y - 4);
            Shape sh = at.createTransformedShape((Shape) it[0]);
            if (it[1] != null) {
                gr.setColor((Color) it[1]);
                gr.fill(sh);
            }
            gr.setColor(Color.BLACK);
            gr.draw(sh);
            gr.drawString((String) it[2], x + 15, y);
            x += 24 + fm.stringWidth((String) it[2]);
        }
    }

    private static void mark(Graphics2D gr, Axes a, Plane plane, Vec3 p, Shape shape, Color fill) {
        double[] uv = plane.project(p);
        double x = a.x(uv[0]);
        double y = a.y(uv[1]);
        Shape sh = AffineTransform.getTranslateInstance(x, y).createTransformedShape(shape);
        boolean onPlane = Math.abs(plane.distance(p)) <= 1e-6;
        if (onPlane) {
            gr.setColor(fill);
            gr.fill(sh);
        }
        gr.setColor(Color.BLACK);
        gr.draw(sh);
    }

    private static void drawVertical(Graphics2D gr, String text, int x, int yCentre) {
        FontMetrics fm = gr.getFontMetrics();
        AffineTransform saved = gr.getTransform();
        gr.rotate(-Math.PI / 2, x, yCentre);
        gr.drawString(text, x - fm.stringWidth(text) / 2, yCentre);
        gr.setTransform(saved);
    }

    private static Shape square(double r) {
        return new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
    }

    private static Shape circle(double r) {
        return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    }

    private static Shape triangle(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, r);
        p.lineTo(-r, r);
        p.closePath();
        return p;
    }

    private static Shape diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    private static Shape cross(double r) {
        Path2D.Double p = new Path2D.Double();
        double t = r / 3;
        p.moveTo(-r, -r + t);
        p.lineTo(-r + t, -r);
        p.lineTo(0, -t);
        p.lineTo(r - t, -r);
        p.lineTo(r, -r + t);
        p.lineTo(t, 0);
        p.lineTo(r, r - t);
        p.lineTo(r - t, r);
        p.lineTo(0, t);
        p.lineTo(-r + t, r);
        p.lineTo(-r, r - t);
        p.lineTo(-t, 0);
        p.closePath();
        return p;
    }
}
