package io.fresnel.ui;

import io.fresnel.service.Evaluation;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.CommNode;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.SensingEavesdropper;
import io.fresnel.model.Target;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The scene: the x-y plane with the heatmap, grids, the array to scale, the nodes as icons and
 * the overlays (Rayleigh distance, CRB ellipses, prior candidate angles). Drag a node to move
 * it, drag the background to pan, scroll to zoom about the pointer, right-click to add or
 * delete. Only draws and forwards gestures to the {@link ExplorerViewModel}; no computing.
 */
public final class SceneCanvas extends Region {
    /** Icon size on screen (px). */
    static final double ICON_PX = 22;

    private final ExplorerViewModel model;
    private final Canvas canvas = new Canvas(800, 600);
    private final Viewport viewport = new Viewport();
    private final SceneOptions options;
    private HeatmapFrame frame;
    private Map<String, Vec3> musicEstimates = Map.of();
    /** The document generation in which the node drag began. */
    private long draggingIn;
    /** Whether the node drag under way was ended because its node went away. */
    private boolean abandoned;
    private WritableImage frameImage;
    private String dragging;
    private double lastX;
    private double lastY;
    private boolean fitted;
    private Consumer<String> hoverListener = s -> { };
    private Runnable viewportListener = () -> { };
    private Consumer<HeatmapFrame> frameListener = f -> { };

    /**
     * @param model the window's state
     * @param options what to draw
     */
    public SceneCanvas(ExplorerViewModel model, SceneOptions options) {
        this.model = model;
        this.options = options;
        getChildren().add(canvas);
        setMinSize(200, 150);
        setPrefSize(900, 650);
        canvas.setFocusTraversable(true);
        model.scenarioProperty().addListener((o, a, b) -> redraw());
        model.evaluationProperty().addListener((o, a, b) -> redraw());
        model.selectedIdProperty().addListener((o, a, b) -> redraw());
        model.slice().planeProperty().addListener((o, a, b) -> {
            if (sameAxes(a, b)) {
                // the same in-plane axes (an axis-aligned plane moved along its normal, or a
                // broadside plane following its node): the view keeps its pan and zoom
                viewChanged();
            } else {
                fitScene();
            }
        });
        // a new document (opened, preset, new) is shown whole, whatever plane it starts on
        model.document().generationProperty().addListener((o, a, b) -> {
            if (fitted) {
                fitScene();
            }
        });
        options.addListener(this::redraw);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverListener.accept("")); // no stale pointer text
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                viewport.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
                viewChanged();
            }
        });
    }

    /**
     * @param a a plane, or null
     * @param b a plane, or null
     * @return whether both have the same in-plane axes: axis-aligned with the same normal, or the
     *     same named (broadside) plane
     */
    static boolean sameAxes(Plane a, Plane b) {
        if (a == null || b == null) {
            return false;
        }
        return a.isAxisAligned() ? a.normal() == b.normal() : a.toString().equals(b.toString());
    }

    /** @return the mapping between world and screen (the heatmap grid follows it) */
    public Viewport viewport() {
        return viewport;
    }

    /** @return the drawing surface (for tests and snapshots) */
    public Canvas canvas() {
        return canvas;
    }

    /** @param listener receives the status text under the pointer */
    public void setOnHover(Consumer<String> listener) {
        hoverListener = listener;
    }

    /** @param listener called with every frame shown (null when the heatmap is cleared) */
    public void setOnFrameShown(Consumer<HeatmapFrame> listener) {
        frameListener = listener;
    }

    /** @param listener called after every pan or zoom */
    public void setOnViewportChanged(Runnable listener) {
        viewportListener = listener;
    }

    /**
     * Shows a computed heatmap frame.
     *
     * @param f the frame (null clears it)
     */
    public void showFrame(HeatmapFrame f) {
        frame = f;
        if (f == null) {
            frameImage = null;
        } else {
            int w = f.field().grid().nu();
            int h = f.field().grid().nv();
            frameImage = new WritableImage(w, h);
            frameImage.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), f.argb(), 0, w);
        }
        frameListener.accept(f);
        redraw();
    }

    /** @return the frame on screen, or null */
    public HeatmapFrame frame() {
        return frame;
    }

    /** @return the cut plane the canvas shows (z = 0 for a 2-D scenario) */
    public Plane plane() {
        return model.slice().getPlane();
    }

    /**
     * Zooms to show the arrays and every node (projected on the plane) with a margin: 15 % of the
     * larger side, plus min(0.5 m, max(25 % of that side, 10 wavelengths)). The second term keeps
     * room round a scene of several metres (0.5 m, as always) without shrinking a scene of a few
     * centimetres (paper 004's 8 x 8 UPA cases) into the middle of a metre-wide view.
     */
    public void fitScene() {
        Scenario s = model.getScenario();
        List<Vec3> pts = new ArrayList<>(SlicePlanes.scenePoints(s));
        pts.add(s.referencePoint());
        double[] b = SlicePlanes.bounds(pts, plane());
        double x0 = b[0];
        double x1 = b[1];
        double y0 = b[2];
        double y1 = b[3];
        double side = Math.max(x1 - x0, y1 - y0);
        double pad = 0.15 * side + Math.min(0.5, Math.max(0.25 * side, 10 * s.wavelengthM()));
        viewport.fit(x0 - pad, x1 + pad, y0 - pad, y1 + pad);
        viewChanged();
    }

    /**
     * Zooms onto the transmit array so that single elements are visible.
     */
    public void fitArray() {
        Scenario s = model.getScenario();
        double ext = 0;
        Vec3 c = s.txArray().centroid();
        for (Vec3 p : s.txArray().positions()) {
            ext = Math.max(ext, p.distance(c));
        }
        double half = Math.max(ext * 1.2, s.wavelengthM() * 4);
        double[] o = plane().project(c);
        viewport.fit(o[0] - half, o[0] + half, o[1] - half, o[1] + half);
        viewChanged();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewport.resize(w, h);
            if (!fitted && w > 1 && h > 1) {
                fitted = true;
                fitScene();
                return;
            }
            viewChanged();
        }
    }

    private void viewChanged() {
        redraw();
        viewportListener.run();
    }

    // ---- gestures ---------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        String hit = nodeAt(e.getX(), e.getY());
        if (e.getButton() == MouseButton.SECONDARY) {
            contextMenu(hit, e).show(canvas, e.getScreenX(), e.getScreenY());
            return;
        }
        model.selectedIdProperty().set(hit);
        dragging = hit;
        draggingIn = model.document().generation();
        abandoned = false;
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (dragging != null && (draggingIn != model.document().generation()
                || ScenarioEdits.kindOf(model.getScenario(), dragging).isEmpty())) {
            // the document was replaced (or the node undone away) under the pointer: the gesture
            // ends, and the rest of it is ignored until the button is released
            model.endDrag();
            dragging = null;
            abandoned = true;
        } else if (abandoned) {
            return;
        } else if (dragging != null) {
            // The node moves in the plane and keeps its distance to it (a 3-D node keeps its height on z = c).
            Plane plane = plane();
            double d = plane.distance(ScenarioEdits.position(model.getScenario(), dragging));
            Vec3 q = plane.point(viewport.worldX(e.getX()), viewport.worldY(e.getY()));
            model.dragNode(dragging, q.plus(plane.unitNormal().times(d)));
        } else {
            viewport.pan(e.getX() - lastX, e.getY() - lastY);
            viewChanged();
        }
        lastX = e.getX();
        lastY = e.getY();
        hover(e.getX(), e.getY());
    }

    private void released(MouseEvent e) {
        if (dragging != null) {
            model.endDrag();
            dragging = null;
        }
    }

    private Vec3 world(double sx, double sy) {
        return plane().point(viewport.worldX(sx), viewport.worldY(sy));
    }

    private ContextMenu contextMenu(String hit, MouseEvent e) {
        Vec3 p = world(e.getX(), e.getY());
        ContextMenu menu = new ContextMenu();
        for (NodeKind kind : NodeKind.values()) {
            MenuItem add = new MenuItem("Add " + kind.label() + " here");
            add.setOnAction(a -> model.addNode(kind, p));
            menu.getItems().add(add);
        }
        if (hit != null) {
            MenuItem delete = new MenuItem("Delete " + hit);
            delete.setOnAction(a -> {
                model.selectedIdProperty().set(hit);
                model.deleteSelected();
            });
            menu.getItems().addAll(new SeparatorMenuItem(), delete);
        }
        return menu;
    }

    /**
     * The node under a screen point.
     *
     * @param sx screen x (px)
     * @param sy screen y (px)
     * @return its id, or null
     */
    public String nodeAt(double sx, double sy) {
        Scenario s = model.getScenario();
        String best = null;
        double bestD = ICON_PX * 0.75;
        for (String id : pointIds(s)) {
            double[] p = plane().project(ScenarioEdits.position(s, id));
            double d = Math.hypot(viewport.screenX(p[0]) - sx, viewport.screenY(p[1]) - sy);
            if (d < bestD) {
                bestD = d;
                best = id;
            }
        }
        return best;
    }

    private static List<String> pointIds(Scenario s) {
        List<String> ids = new ArrayList<>();
        s.users().forEach(n -> ids.add(n.id()));
        s.eavesdroppers().forEach(n -> ids.add(n.id()));
        s.targets().forEach(n -> ids.add(n.id()));
        return ids;
    }

    private void hover(double sx, double sy) {
        hoverListener.accept(HoverText.at(plane(), viewport.worldX(sx), viewport.worldY(sy),
                model.getScenario().referencePoint(), frame));
    }

    // ---- drawing ----------------------------------------------------------------------------

    /**
     * @param estimates the MUSIC estimate of each target by id (m), drawn beside the target; empty
     *     for none
     */
    public void setMusicEstimates(Map<String, Vec3> estimates) {
        Map<String, Vec3> copy = Map.copyOf(estimates);
        if (!copy.equals(musicEstimates)) {
            musicEstimates = copy;
            redraw();
        }
    }

    /** @return the MUSIC estimates drawn now, by target id (m) */
    public Map<String, Vec3> musicEstimates() {
        return musicEstimates;
    }

    /** Repaints everything from the current state. */
    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(250, 250, 252));
        g.fillRect(0, 0, w, h);
        Scenario s = model.getScenario();
        if (s == null) {
            return;
        }
        if (frameImage != null && options.heatmap()) {
            var grid = frame.field().grid();
            double du = grid.nu() > 1 ? (grid.u1() - grid.u0()) / (grid.nu() - 1) : 0;
            double dv = grid.nv() > 1 ? (grid.v1() - grid.v0()) / (grid.nv() - 1) : 0;
            double sx0 = viewport.screenX(grid.u0() - du / 2);
            double sx1 = viewport.screenX(grid.u1() + du / 2);
            double sy0 = viewport.screenY(grid.v1() + dv / 2);
            double sy1 = viewport.screenY(grid.v0() - dv / 2);
            g.setImageSmoothing(true);
            g.drawImage(frameImage, sx0, sy0, sx1 - sx0, sy1 - sy0);
        }
        Plane plane = plane();
        boolean z0 = Plane.Z0.equals(plane);
        SceneGrids.draw(g, viewport, s.referencePoint(), options, frameImage != null && options.heatmap(), z0,
                plane.uLabel(), plane.vLabel());
        if (z0) {
            SceneOverlays.draw(g, viewport, s, model.evaluationProperty().get(), options);
            SceneOverlays.drawMusicEstimates(g, viewport, s, musicEstimates);
        }
        if (s.dimension() == 3 && options.crbEllipses()) {
            SliceOverlays.drawEllipsoidCuts(g, viewport, plane, s, model.evaluationProperty().get());
        }
        if (s.dimension() == 3 && !z0 && options.rayleigh()) {
            SliceOverlays.drawRayleighCut(g, viewport, plane, s);
        }
        drawArray(g, s);
        drawNodes(g, s);
    }

    private void drawArray(GraphicsContext g, Scenario s) {
        double lambda = s.wavelengthM();
        double size = Math.max(2, Math.min(8, 0.5 * lambda * viewport.scale()));
        Plane plane = plane();
        g.setFill(Color.rgb(30, 30, 30));
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (Vec3 t : s.txArray().positions()) {
            double[] p = plane.project(t);
            double x = viewport.screenX(p[0]);
            double y = viewport.screenY(p[1]);
            // elements closer than a pixel to the last one drawn look the same: thousands of them
            // would only slow the FX thread down
            if (!(Math.abs(x - lastX) < 1 && Math.abs(y - lastY) < 1)) {
                g.fillRect(x - size / 2, y - size / 2, size, size);
                lastX = x;
                lastY = y;
            }
        }
        if (s.rxArray() != null) {
            g.setFill(Color.rgb(120, 60, 0));
            for (Vec3 t : s.rxArray().positions()) {
                double[] p = plane.project(t);
                g.fillOval(viewport.screenX(p[0]) - size / 2, viewport.screenY(p[1]) - size / 2, size, size);
            }
        }
        for (SensingEavesdropper se : s.sensingEavesdroppers()) {
            Vec3 c = se.array().centroid();
            drawIcon(g, Icons.SENSING_EAVESDROPPER, c, se.id(), false);
        }
    }

    private void drawNodes(GraphicsContext g, Scenario s) {
        for (CommNode u : s.users()) {
            drawIcon(g, Icons.USER, u.positionM(), u.id(), u.id().equals(model.selectedIdProperty().get()));
        }
        for (CommNode e : s.eavesdroppers()) {
            drawIcon(g, Icons.EAVESDROPPER, e.positionM(), e.id(), e.id().equals(model.selectedIdProperty().get()));
        }
        for (Target t : s.targets()) {
            drawIcon(g, Icons.TARGET, t.positionM(), t.id(), t.id().equals(model.selectedIdProperty().get()));
            if (t.eavesdropper()) {
                double[] p = plane().project(t.positionM());
                double sx = viewport.screenX(p[0]) + ICON_PX * 0.45;
                double sy = viewport.screenY(p[1]) - ICON_PX * 0.9;
                paintPath(g, Icons.EAVESDROPPING_MARK, sx, sy, ICON_PX * 0.6);
            }
        }
    }

    private void drawIcon(GraphicsContext g, Icons.Icon icon, Vec3 p, String label, boolean selected) {
        Plane plane = plane();
        double[] uv = plane.project(p);
        double sx = viewport.screenX(uv[0]);
        double sy = viewport.screenY(uv[1]);
        double off = plane.distance(p);
        if (Math.abs(off) > 1e-6) {
            // The node's projection: its distance to the plane in the label, the icon faded.
            label = String.format("%s (%+.3g m)", label, off);
            g.setGlobalAlpha(0.55);
        }
        if (selected) {
            g.setStroke(Color.ORANGE);
            g.setLineWidth(3);
            g.strokeOval(sx - ICON_PX * 0.75, sy - ICON_PX * 0.75, ICON_PX * 1.5, ICON_PX * 1.5);
        }
        paintPath(g, icon, sx - ICON_PX / 2, sy - ICON_PX / 2, ICON_PX);
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setStroke(Color.rgb(255, 255, 255, 0.85));
        g.setLineWidth(3);
        g.strokeText(label, sx, sy + ICON_PX * 0.6);
        g.setFill(Color.BLACK);
        g.fillText(label, sx, sy + ICON_PX * 0.6);
        g.setGlobalAlpha(1);
    }

    private static void paintPath(GraphicsContext g, Icons.Icon icon, double x, double y, double size) {
        g.save();
        g.translate(x, y);
        g.scale(size / 24, size / 24);
        g.beginPath();
        g.appendSVGPath(icon.svgPath());
        g.setFill(Color.web(icon.fill()));
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.stroke();
        g.fill();
        g.restore();
    }

    /** @return the target metrics of the last evaluation for a target id, or null */
    static TargetMetrics targetMetrics(Evaluation e, String id) {
        if (e == null || e.metrics() == null) {
            return null;
        }
        Metrics m = e.metrics();
        return m.targets().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }
}
