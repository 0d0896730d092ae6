package io.fresnel.render;

import io.fresnel.figure.Drawing;
import io.fresnel.figure.FigureMetadata;
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
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The heatmap figure, drawn on any {@link Graphics2D} (PNG, SVG and PDF through
 * {@code io.fresnel.figure}): the field's pixels ({@link HeatmapPixels}, undefined points mid
 * grey) as one image at the grid's own resolution, one cell per grid point (grid points are the
 * cell centres); axes in metres with ticks and titles naming the plane's axes; a colour bar
 * labelled with the layer's display unit ({@link DisplayScale#label()}); a title naming the layer
 * and the scenario; the transmit and receive elements and the nodes projected onto the plane,
 * each node labelled with its id (a node off the plane is hollow); an optional legend of the
 * markers; and the provenance line ({@link FigureMetadata#line()}).
 *
 * <p>Sizes are layout units of 1/96 inch. The plot keeps equal scales on both axes when it can
 * and is centred in the space the margins leave; {@link #naturalSize} is the size
 * {@code render} uses when none is asked for (the plot at most 720 x 540 units). Immutable.
 */
public final class HeatmapFigure implements Drawing {
    private static final double MAX_PLOT_WIDTH = 720;
    private static final double MAX_PLOT_HEIGHT = 540;
    private static final double MIN_PLOT_SIDE = 200;
    private static final double LEFT = 84;
    private static final double RIGHT = 150;
    private static final double TOP = 56;
    private static final double BOTTOM_WITH_LEGEND = 92;
    private static final double BOTTOM = 70;
    private static final Color UNDEFINED = new Color(0x80, 0x80, 0x80);
    private static final Color USER = new Color(0x00, 0x72, 0xB2);
    private static final Color EAVESDROPPER = new Color(0xD5, 0x5E, 0x00);
    private static final Color TARGET = new Color(0xE6, 0x9F, 0x00);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private final Field field;
    private final DisplayScale scale;
    private final double lo;
    private final double hi;
    private final Colormap map;
    private final Scenario scenario;
    private final boolean legend;
    private final FigureMetadata meta;
    private final String title;
    private final BufferedImage heat;

    /**
     * @param field the field
     * @param scale how its values are shown
     * @param lo display value at the low end of the colour bar
     * @param hi display value at the high end (> lo)
     * @param map the colour map
     * @param scenario the scenario the field was computed from (elements, nodes, name)
     * @param legend whether to draw the legend of the markers
     * @param meta the provenance (its line is printed at the bottom)
     * @throws IllegalArgumentException when the range is not finite and increasing
     */
    public HeatmapFigure(Field field, DisplayScale scale, double lo, double hi, Colormap map, Scenario scenario,
            boolean legend, FigureMetadata meta) {
        this(field, scale, lo, hi, map, scenario, legend, meta, title(field, scenario));
    }

    /**
     * The same figure with a title of its own (e.g. a comparison's "A: mrt", or a ratio of two
     * designs' fields, whose layer alone would not say what is shown).
     *
     * @param field the field
     * @param scale how its values are shown
     * @param lo display value at the low end of the colour bar
     * @param hi display value at the high end (> lo)
     * @param map the colour map
     * @param scenario the scenario the field was computed from (elements, nodes)
     * @param legend whether to draw the legend of the markers
     * @param meta the provenance (its line is printed at the bottom)
     * @param title the title drawn at the top
     * @throws IllegalArgumentException when the range is not finite and increasing
     */
    public HeatmapFigure(Field field, DisplayScale scale, double lo, double hi, Colormap map, Scenario scenario,
            boolean legend, FigureMetadata meta, String title) {
        this.title = title;
        this.field = field;
        this.scale = scale;
        this.lo = lo;
        this.hi = hi;
        this.map = map;
        this.scenario = scenario;
        this.legend = legend;
        this.meta = meta;
        GridSpec g = field.grid();
        int[] pixels = HeatmapPixels.argb(field, scale, lo, hi, map);
        heat = new BufferedImage(g.nu(), g.nv(), BufferedImage.TYPE_INT_ARGB);
        heat.setRGB(0, 0, g.nu(), g.nv(), pixels, 0, g.nu());
    }

    /** @return the title: by default the layer, the plane and the scenario's name */
    public String title() {
        return title;
    }

    /**
     * @param field a field
     * @param scenario the scenario it was computed from
     * @return the title of its figure, e.g. "beampattern on z = 0 m \u2014 lecture"
     */
    public static String title(Field field, Scenario scenario) {
        String name = scenario.name() == null || scenario.name().isBlank() ? "unnamed scenario" : scenario.name();
        return field.layer().label() + " on " + field.grid().plane() + " \u2014 " + name;
    }

    /**
     * The size of the figure when none is asked for: the plot fitted into 720 x 540 units with
     * equal scales (at least 200 units a side), plus the margins.
     *
     * @param g the grid
     * @param legend whether the legend is drawn
     * @return {width, height} in layout units
     */
    public static double[] naturalSize(GridSpec g, boolean legend) {
        double[] r = extent(g);
        double aspect = (r[1] - r[0]) / (r[3] - r[2]);
        double w = MAX_PLOT_WIDTH;
        double h = Math.round(w / aspect);
        if (h > MAX_PLOT_HEIGHT) {
            h = MAX_PLOT_HEIGHT;
            w = Math.round(h * aspect);
        }
        return new double[] {LEFT + Math.max(MIN_PLOT_SIDE, w) + RIGHT,
            TOP + Math.max(MIN_PLOT_SIDE, h) + (legend ? BOTTOM_WITH_LEGEND : BOTTOM)};
    }

    /** @return u0, u1, v0, v1 of the cell edges (the grid points are the cell centres) */
    private static double[] extent(GridSpec g) {
        double du = (g.u1() - g.u0()) / (g.nu() - 1);
        double dv = (g.v1() - g.v0()) / (g.nv() - 1);
        return new double[] {g.u0() - du / 2, g.u1() + du / 2, g.v0() - dv / 2, g.v1() + dv / 2};
    }

    @Override
    public void draw(Graphics2D gr, double width, double height) {
        Axes a = Axes.fit(extent(field.grid()), width, height, legend ? BOTTOM_WITH_LEGEND : BOTTOM);
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setColor(Color.WHITE);
        gr.fill(new Rectangle2D.Double(0, 0, width, height));
        gr.setColor(UNDEFINED);
        gr.fill(new Rectangle2D.Double(a.x0, a.y0, a.w, a.h));
        Object interpolation = gr.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        AffineTransform place = new AffineTransform(a.w / heat.getWidth(), 0, 0, a.h / heat.getHeight(), a.x0, a.y0);
        gr.drawImage(heat, place, null);
        if (interpolation != null) {
            gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
        drawNodes(gr, a, field.grid().plane());
        drawAxes(gr, a, field.grid().plane());
        drawColorbar(gr, a);
        drawTitle(gr, width);
        if (legend) {
            drawLegend(gr, a);
        }
        gr.setFont(SMALL);
        gr.setColor(Color.GRAY);
        gr.drawString(fitted(gr.getFontMetrics(), meta.line(), width - 16), 8f, (float) (height - 8));
    }

    /** The text, cut with an ellipsis where it would be wider than the room. */
    private static String fitted(FontMetrics fm, String text, double room) {
        if (fm.stringWidth(text) <= room) {
            return text;
        }
        int n = text.length();
        while (n > 1 && fm.stringWidth(text.substring(0, n) + "\u2026") > room) {
            n--;
        }
        return text.substring(0, n) + "\u2026";
    }

    /** The plot area in layout units and the data ranges it shows. */
    private static final class Axes {
        final double u0;
        final double u1;
        final double v0;
        final double v1;
        final double x0;
        final double y0;
        final double w;
        final double h;

        private Axes(double[] r, double x0, double y0, double w, double h) {
            this.u0 = r[0];
            this.u1 = r[1];
            this.v0 = r[2];
            this.v1 = r[3];
            this.x0 = x0;
            this.y0 = y0;
            this.w = w;
            this.h = h;
        }

        /** Equal scales when both sides stay at least MIN_PLOT_SIDE (or all the room there is), centred. */
        static Axes fit(double[] r, double width, double height, double bottom) {
            double aw = Math.max(40, width - LEFT - RIGHT);
            double ah = Math.max(40, height - TOP - bottom);
            double k = Math.min(aw / (r[1] - r[0]), ah / (r[3] - r[2]));
            double w = Math.max(Math.min(aw, MIN_PLOT_SIDE), k * (r[1] - r[0]));
            double h = Math.max(Math.min(ah, MIN_PLOT_SIDE), k * (r[3] - r[2]));
            return new Axes(r, LEFT + (aw - w) / 2, TOP + (ah - h) / 2, w, h);
        }

        double x(double u) {
            return x0 + (u - u0) / (u1 - u0) * w;
        }

        double y(double v) {
            return y0 + (v1 - v) / (v1 - v0) * h;
        }
    }

    private static void drawAxes(Graphics2D gr, Axes a, Plane plane) {
        gr.setColor(Color.BLACK);
        gr.setStroke(new BasicStroke(1f));
        gr.draw(new Rectangle2D.Double(a.x0, a.y0, a.w, a.h));
        gr.setFont(LABEL);
        FontMetrics fm = gr.getFontMetrics();
        int nx = (int) Math.max(3, Math.min(7, a.w / 90));
        double stepU = Ticks.step(a.u0, a.u1, nx);
        for (double u : Ticks.between(a.u0, a.u1, nx)) {
            double x = a.x(u);
            gr.draw(new Line2D.Double(x, a.y0 + a.h, x, a.y0 + a.h + 5));
            String t = Ticks.format(u, stepU);
            gr.drawString(t, (float) (x - fm.stringWidth(t) / 2.0), (float) (a.y0 + a.h + 7 + fm.getAscent()));
        }
        int ny = (int) Math.max(3, Math.min(6, a.h / 70));
        double stepV = Ticks.step(a.v0, a.v1, ny);
        for (double v : Ticks.between(a.v0, a.v1, ny)) {
            double y = a.y(v);
            gr.draw(new Line2D.Double(a.x0 - 5, y, a.x0, y));
            String t = Ticks.format(v, stepV);
            gr.drawString(t, (float) (a.x0 - 8 - fm.stringWidth(t)), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        String ut = plane.uLabel() + " (m)";
        gr.drawString(ut, (float) (a.x0 + a.w / 2 - fm.stringWidth(ut) / 2.0),
                (float) (a.y0 + a.h + 14 + 2 * fm.getHeight()));
        drawVertical(gr, plane.vLabel() + " (m)", a.x0 - 64, a.y0 + a.h / 2);
    }

    private void drawColorbar(Graphics2D gr, Axes a) {
        double x = a.x0 + a.w + 24;
        double w = 18;
        BufferedImage bar = new BufferedImage(1, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            bar.setRGB(0, y, map.argb(1 - (y + 0.5) / 256));
        }
        gr.drawImage(bar, new AffineTransform(w, 0, 0, a.h / 256, x, a.y0), null);
        gr.setColor(Color.BLACK);
        gr.setStroke(new BasicStroke(1f));
        gr.draw(new Rectangle2D.Double(x, a.y0, w, a.h));
        gr.setFont(LABEL);
        FontMetrics fm = gr.getFontMetrics();
        List<Double> ticks = scale.mapping() == DisplayScale.Mapping.LOG10 && hi - lo >= 1
                ? Ticks.between(Math.ceil(lo), Math.floor(hi), (int) Math.min(8, Math.floor(hi) - Math.ceil(lo)))
                : Ticks.between(lo, hi, 6);
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 0;
        for (double t : ticks) {
            double y = a.y0 + (hi - t) / (hi - lo) * a.h;
            gr.draw(new Line2D.Double(x + w, y, x + w + 4, y));
            gr.drawString(scale.formatTick(t, step), (float) (x + w + 7), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        drawVertical(gr, scale.label(), x + w + 70 + fm.getAscent(), a.y0 + a.h / 2);
    }

    private void drawTitle(Graphics2D gr, double width) {
        gr.setColor(Color.BLACK);
        gr.setFont(TITLE);
        String title = title();
        FontMetrics fm = gr.getFontMetrics();
        if (fm.stringWidth(title) > width - 16) {
            gr.setFont(LABEL);
            fm = gr.getFontMetrics();
        }
        gr.drawString(title, (float) Math.max(8, (width - fm.stringWidth(title)) / 2), 30f);
    }

    private void drawNodes(Graphics2D gr, Axes a, Plane plane) {
        Shape clip = gr.getClip();
        gr.clip(new Rectangle2D.Double(a.x0, a.y0, a.w, a.h));
        gr.setStroke(new BasicStroke(1.2f));
        for (Vec3 p : scenario.txArray().positions()) {
            mark(gr, a, plane, p, square(3), Color.WHITE, null);
        }
        if (scenario.rxArray() != null) {
            for (Vec3 p : scenario.rxArray().positions()) {
                mark(gr, a, plane, p, triangle(4), Color.LIGHT_GRAY, null);
            }
        }
        for (CommNode u : scenario.users()) {
            mark(gr, a, plane, u.positionM(), circle(6), USER, u.id());
        }
        for (CommNode e : scenario.eavesdroppers()) {
            mark(gr, a, plane, e.positionM(), cross(6), EAVESDROPPER, e.id());
        }
        for (Target t : scenario.targets()) {
            mark(gr, a, plane, t.positionM(), diamond(7), t.eavesdropper() ? EAVESDROPPER : TARGET, t.id());
        }
        gr.setClip(clip);
    }

    private static void drawLegend(Graphics2D gr, Axes a) {
        gr.setFont(SMALL);
        FontMetrics fm = gr.getFontMetrics();
        double y = a.y0 + a.h + 66;
        double x = a.x0;
        Object[][] items = {
            {square(3), Color.WHITE, "Tx element"}, {triangle(4), Color.LIGHT_GRAY, "Rx element"},
            {circle(6), USER, "user"}, {cross(6), EAVESDROPPER, "eavesdropper"},
            {diamond(7), TARGET, "target (vermillion: eavesdrops)"}, {circle(6), null, "hollow: off the plane"}};
        for (Object[] it : items) {
            Shape sh = AffineTransform.getTranslateInstance(x + 6, y - 4).createTransformedShape((Shape) it[0]);
            if (it[1] != null) {
                gr.setColor((Color) it[1]);
                gr.fill(sh);
            }
            gr.setColor(Color.BLACK);
            gr.draw(sh);
            gr.drawString((String) it[2], (float) (x + 15), (float) y);
            x += 24 + fm.stringWidth((String) it[2]);
        }
    }

    private static void mark(Graphics2D gr, Axes a, Plane plane, Vec3 p, Shape shape, Color fill, String label) {
        double[] uv = plane.project(p);
        double x = a.x(uv[0]);
        double y = a.y(uv[1]);
        Shape sh = AffineTransform.getTranslateInstance(x, y).createTransformedShape(shape);
        if (Math.abs(plane.distance(p)) <= 1e-6) {
            gr.setColor(fill);
            gr.fill(sh);
        }
        gr.setColor(Color.BLACK);
        gr.draw(sh);
        if (label != null) {
            gr.setFont(SMALL);
            FontMetrics fm = gr.getFontMetrics();
            double tx = x + 9;
            double ty = y - 6;
            gr.setColor(new Color(255, 255, 255, 200));
            gr.fill(new Rectangle2D.Double(tx - 1, ty - fm.getAscent(), fm.stringWidth(label) + 2, fm.getHeight()));
            gr.setColor(Color.BLACK);
            gr.drawString(label, (float) tx, (float) ty);
        }
    }

    private static void drawVertical(Graphics2D gr, String text, double x, double yCentre) {
        FontMetrics fm = gr.getFontMetrics();
        AffineTransform saved = gr.getTransform();
        gr.rotate(-Math.PI / 2, x, yCentre);
        gr.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), (float) yCentre);
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
