package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.AnglePrior;
import io.fresnel.model.ArrayGeometry;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.Target;
import io.fresnel.model.UniformLinearArray;
import io.fresnel.model.UniformPlanarArray;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import io.fresnel.service.Evaluation;
import java.util.ArrayList;
import java.util.List;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Shape3D;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Rotate;

/**
 * The 3-D view: the transmit and receive arrays to scale (each ONE mesh), the nodes as markers
 * in their icons' colours, axes with metre ticks, the slice plane with its heatmap texture, each
 * target's 1- and 2-sigma CRB error ellipsoids, the Rayleigh-distance hemisphere and the prior
 * candidates. Drag the background to orbit, with the right button (or Ctrl) to pan, scroll to
 * zoom, double-click to reset. Drag a node to move it in the plane facing the camera; with Shift
 * along the axis (x, y or z) closest to the pointer's motion on screen. Selection, drags and
 * undo go through the {@link ExplorerViewModel} exactly as in 2-D. Where the platform has no 3-D
 * ({@link ConditionalFeature#SCENE3D} false, e.g. Monocle) it says so instead.
 *
 * <p>Scenario coordinates (m, z up) map to JavaFX's (y down) by (x, y, z) -> unit (x, -z, y) about
 * the scene's centre, a proper rotation and a uniform scale.
 */
public final class Scene3DView extends StackPane implements AutoCloseable {
    /** Shown where the platform has no 3-D. */
    public static final String UNSUPPORTED = "The 3-D view needs a 3-D graphics pipeline, which this platform lacks"
            + " (headless or software rendering). Without a GPU, run under Xvfb with -Dprism.forceGPU=true"
            + " (Mesa llvmpipe). The slice is shown on the 2-D canvas.";
    /** Scene units the scene's radius maps to. */
    private static final double RADIUS_UNITS = 300;

    private final ExplorerViewModel model;
    private final SceneOptions options;
    private final boolean supported = Platform.isSupported(ConditionalFeature.SCENE3D);
    private final Group world = new Group();
    private final Group arrays = new Group();
    private final Group axes = new Group();
    private final Group markers = new Group();
    private final Group sensing = new Group();
    private final Group slice = new Group();
    private final Pane labels = new Pane();
    private final Affine toFx = new Affine();
    private final OrbitCamera camera = new OrbitCamera();
    private final SliceRenderer renderer;
    private SubScene sub;
    private double unit = 1;
    private Vec3 centre = Vec3.ZERO;
    private List<ArrayGeometry> shownArrays = List.of();
    private Double shownRadius;
    private final List<Object[]> labelAnchors = new ArrayList<>();
    private String dragging;
    private Vec3 dragStart;
    private Vec3 dragAxis;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragMoved;

    /**
     * @param model the window state
     * @param options what to draw (shared with the 2-D canvas)
     * @param heatmap the layer, colormap and range of the slice texture
     */
    public Scene3DView(ExplorerViewModel model, SceneOptions options, HeatmapController heatmap) {
        this.model = model;
        this.options = options;
        this.renderer = new SliceRenderer(model, heatmap, this::showSlice);
        setId("scene3d");
        setMinSize(200, 150);
        if (!supported) {
            Label l = new Label(UNSUPPORTED);
            l.setWrapText(true);
            l.setId("scene3dUnsupported");
            getChildren().add(l);
            return;
        }
        world.getTransforms().add(toFx);
        world.getChildren().addAll(slice, arrays, axes, markers, sensing);
        AmbientLight ambient = new AmbientLight(Color.rgb(150, 150, 150));
        PointLight light = new PointLight(Color.rgb(140, 140, 140));
        light.getTransforms().add(new javafx.scene.transform.Translate(0, -2000, -2000));
        Group root = new Group(world, camera.rig(), ambient, light);
        sub = new SubScene(root, 800, 600, true, SceneAntialiasing.BALANCED);
        sub.setFill(Color.rgb(246, 247, 250));
        sub.setCamera(camera.camera());
        sub.widthProperty().bind(widthProperty());
        sub.heightProperty().bind(heightProperty());
        labels.setMouseTransparent(true);
        labels.setManaged(false);
        Button reset = new Button("Reset view");
        reset.setOnAction(e -> resetView());
        StackPane.setAlignment(reset, javafx.geometry.Pos.TOP_RIGHT);
        getChildren().addAll(sub, labels, reset);
        sub.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        sub.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        sub.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        sub.addEventHandler(ScrollEvent.SCROLL, e -> {
            camera.zoom(Math.pow(1.0015, e.getDeltaY()));
            placeLabels();
        });
        model.scenarioProperty().addListener((o, a, b) -> rebuild(false));
        model.evaluationProperty().addListener((o, a, b) -> rebuildSensing());
        model.selectedIdProperty().addListener((o, a, b) -> rebuildMarkers());
        model.document().generationProperty().addListener((o, a, b) -> rebuild(true));
        options.addListener(() -> {
            rebuildSensing();
            slice.setVisible(options.heatmap());
        });
        widthProperty().addListener((o, a, b) -> placeLabels());
        heightProperty().addListener((o, a, b) -> placeLabels());
        rebuild(true);
    }

    /** @return whether this platform renders 3-D (false: the view shows {@link #UNSUPPORTED}) */
    public boolean isSupported() {
        return supported;
    }

    /** @return the slice renderer's status */
    public javafx.beans.property.ReadOnlyStringProperty statusProperty() {
        return renderer.statusProperty();
    }

    /**
     * @param on whether the view is on screen (the slice texture is only computed then)
     */
    public void setActive(boolean on) {
        renderer.setActive(on && supported);
    }

    /** @param r called on the FX thread after each full-resolution slice texture is shown */
    public void setOnFinePainted(Runnable r) {
        renderer.setOnFinePainted(r);
    }

    /** Back to the home view of the whole scene. */
    public void resetView() {
        if (supported) {
            camera.reset();
            placeLabels();
        }
    }

    // ---- building the scene -------------------------------------------------------------------

    private void rebuild(boolean newDocument) {
        Scenario s = model.getScenario();
        if (!supported || s == null) {
            return;
        }
        if (newDocument) {
            frame(s);
            shownArrays = List.of();
        }
        List<ArrayGeometry> now = s.rxArray() == null ? List.of(s.txArray()) : List.of(s.txArray(), s.rxArray());
        if (!now.equals(shownArrays)) {
            buildArrays(s);
            shownArrays = now;
        }
        rebuildMarkers();
        rebuildSensing();
        if (newDocument) {
            camera.reset();
        }
    }

    /** Chooses the centre and the scale from the arrays and nodes of a new document. */
    private void frame(Scenario s) {
        List<Vec3> pts = points(s);
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Vec3 p : pts) {
            for (int i = 0; i < 3; i++) {
                lo[i] = Math.min(lo[i], p.get(i));
                hi[i] = Math.max(hi[i], p.get(i));
            }
        }
        centre = new Vec3((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2);
        double radius = 0;
        for (Vec3 p : pts) {
            radius = Math.max(radius, p.distance(centre));
        }
        radius = Math.max(radius, 10 * s.wavelengthM());
        unit = RADIUS_UNITS / radius;
        toFx.setToTransform(unit, 0, 0, -unit * centre.x(), 0, 0, -unit, unit * centre.z(), 0, unit, 0,
                -unit * centre.y());
        camera.setHome(RADIUS_UNITS / Math.tan(Math.toRadians(OrbitCamera.FOV_DEG / 2)) * 1.5);
        buildAxes(s, radius);
    }

    private static List<Vec3> points(Scenario s) {
        List<Vec3> pts = new ArrayList<>(s.txArray().positions());
        if (s.rxArray() != null) {
            pts.addAll(s.rxArray().positions());
        }
        s.users().forEach(n -> pts.add(n.positionM()));
        s.eavesdroppers().forEach(n -> pts.add(n.positionM()));
        s.targets().forEach(n -> pts.add(n.positionM()));
        return pts;
    }

    private void buildArrays(Scenario s) {
        arrays.getChildren().clear();
        arrays.getChildren().add(arrayMesh(s.txArray(), Color.rgb(40, 40, 40), s.wavelengthM()));
        if (s.rxArray() != null) {
            arrays.getChildren().add(arrayMesh(s.rxArray(), Color.rgb(140, 70, 0), s.wavelengthM()));
        }
    }

    private MeshView arrayMesh(ArrayGeometry a, Color colour, double lambda) {
        double spacing = a instanceof UniformPlanarArray u ? u.spacingM()
                : a instanceof UniformLinearArray l ? l.spacingM() : lambda / 2;
        // To scale, but at least about a pixel so that a small array does not vanish.
        double r = Math.max(0.3 * spacing, 0.8 / unit);
        MeshView v = new MeshView(Meshes3D.array(a.positions(), r));
        v.setMaterial(new PhongMaterial(colour));
        v.setCullFace(CullFace.NONE);
        return v;
    }

    private void buildAxes(Scenario s, double radius) {
        axes.getChildren().clear();
        labelAnchors.removeIf(a -> "axis".equals(a[2]));
        Vec3 o = SlicePlanes.centre(s.txArray());
        double len = radius * 1.1;
        double step = GridTicks.step(len, 5);
        Color[] colours = {Color.rgb(200, 40, 40), Color.rgb(40, 150, 40), Color.rgb(40, 80, 210)};
        String[] names = {"x", "y", "z"};
        double thick = 1.2 / unit;
        for (int a = 0; a < 3; a++) {
            Vec3 dir = a == 0 ? new Vec3(1, 0, 0) : a == 1 ? new Vec3(0, 1, 0) : new Vec3(0, 0, 1);
            Cylinder c = new Cylinder(thick, len);
            c.setMaterial(new PhongMaterial(colours[a]));
            Vec3 mid = o.plus(dir.times(len / 2));
            c.getTransforms().add(new javafx.scene.transform.Translate(mid.x(), mid.y(), mid.z()));
            if (a == 0) {
                c.getTransforms().add(new Rotate(-90, Rotate.Z_AXIS));
            } else if (a == 2) {
                c.getTransforms().add(new Rotate(90, Rotate.X_AXIS));
            }
            axes.getChildren().add(c);
            for (double t = step; t <= len + 1e-12; t += step) {
                Vec3 p = o.plus(dir.times(t));
                Box tick = new Box(4 * thick, 4 * thick, 4 * thick);
                tick.setMaterial(new PhongMaterial(colours[a]));
                tick.getTransforms().add(new javafx.scene.transform.Translate(p.x(), p.y(), p.z()));
                axes.getChildren().add(tick);
                labelAnchors.add(new Object[] {p, Units.length(t), "axis"});
            }
            labelAnchors.add(new Object[] {o.plus(dir.times(len + step * 0.4)), names[a], "axis"});
        }
    }

    private void rebuildMarkers() {
        Scenario s = model.getScenario();
        if (!supported || s == null) {
            return;
        }
        markers.getChildren().clear();
        labelAnchors.removeIf(a -> "node".equals(a[2]));
        String selected = model.selectedIdProperty().get();
        double r = 7 / unit;
        for (CommNode u : s.users()) {
            marker(new Sphere(r), Icons.USER, u.id(), u.positionM(), selected);
        }
        for (CommNode e : s.eavesdroppers()) {
            marker(new Box(1.6 * r, 1.6 * r, 1.6 * r), Icons.EAVESDROPPER, e.id(), e.positionM(), selected);
        }
        for (Target t : s.targets()) {
            Sphere sp = new Sphere(r, 4);
            marker(sp, t.eavesdropper() ? Icons.EAVESDROPPER : Icons.TARGET, t.id(), t.positionM(), selected);
        }
        placeLabels();
    }

    private void marker(Shape3D shape, Icons.Icon icon, String id, Vec3 p, String selected) {
        PhongMaterial m = new PhongMaterial(Color.web(icon.fill()));
        if (id.equals(selected)) {
            m.setSpecularColor(Color.WHITE);
            shape.setScaleX(1.5);
            shape.setScaleY(1.5);
            shape.setScaleZ(1.5);
            Sphere halo = new Sphere(11 / unit);
            halo.setMaterial(new PhongMaterial(Color.rgb(255, 165, 0, 0.35)));
            halo.setMouseTransparent(true);
            halo.getTransforms().add(new javafx.scene.transform.Translate(p.x(), p.y(), p.z()));
            markers.getChildren().add(halo);
        }
        shape.setMaterial(m);
        shape.setUserData(id);
        shape.setId("node3d-" + id);
        shape.getTransforms().add(new javafx.scene.transform.Translate(p.x(), p.y(), p.z()));
        markers.getChildren().add(shape);
        labelAnchors.add(new Object[] {p, id, "node"});
    }

    /** The CRB ellipsoids, the Rayleigh hemisphere and the prior candidates. */
    private void rebuildSensing() {
        Scenario s = model.getScenario();
        if (!supported || s == null) {
            return;
        }
        sensing.getChildren().clear();
        Evaluation e = model.evaluationProperty().get();
        if (options.crbEllipses() && e != null && e.metrics() != null) {
            for (Target t : s.targets()) {
                TargetMetrics m = SceneCanvas.targetMetrics(e, t.id());
                if (m == null || m.efimM2() == null || m.efimM2().length != 3 || !e.designed().targets().contains(t)) {
                    continue;
                }
                try {
                    ErrorEllipsoid el = ErrorEllipsoid.of(t.positionM(), m.efimM2());
                    sensing.getChildren().addAll(ellipsoid(el, 1, Color.rgb(0, 90, 200, 0.85)),
                            ellipsoid(el, 2, Color.rgb(0, 90, 200, 0.3)));
                } catch (IllegalArgumentException ex) {
                    // a singular block has no ellipsoid (the metrics panel says why)
                }
            }
        }
        if (options.rayleigh()) {
            double dr = SceneOverlays.rayleighDistanceM(s);
            Vec3 c = SlicePlanes.centre(s.txArray());
            MeshView h = new MeshView(Meshes3D.hemisphere(c, broadsideDirection(s, c), dr));
            h.setDrawMode(DrawMode.LINE);
            h.setCullFace(CullFace.NONE);
            h.setMaterial(new PhongMaterial(Color.rgb(120, 120, 120, 0.6)));
            h.setMouseTransparent(true);
            sensing.getChildren().add(h);
        }
        if (options.priorAngles()) {
            Vec3 o = s.referencePoint();
            for (Target t : s.targets()) {
                AnglePrior prior = t.prior();
                if (prior == null) {
                    continue;
                }
                for (double th : prior.anglesRad()) {
                    Sphere c = new Sphere(3 / unit);
                    c.setMaterial(new PhongMaterial(Color.rgb(160, 60, 200)));
                    c.setMouseTransparent(true);
                    c.getTransforms().add(new javafx.scene.transform.Translate(o.x() + prior.rangeM() * Math.cos(th),
                            o.y() + prior.rangeM() * Math.sin(th), o.z()));
                    sensing.getChildren().add(c);
                }
            }
        }
    }

    /**
     * @return the unit direction of the Rayleigh hemisphere's pole: the planar array's normal
     *     (towards the nodes), or for a line array the part across its axis of the direction to
     *     the nodes' mean
     */
    private static Vec3 broadsideDirection(Scenario s, Vec3 c) {
        Vec3 mean = Vec3.ZERO;
        List<Vec3> nodes = new ArrayList<>();
        s.users().forEach(n -> nodes.add(n.positionM()));
        s.eavesdroppers().forEach(n -> nodes.add(n.positionM()));
        s.targets().forEach(n -> nodes.add(n.positionM()));
        for (Vec3 p : nodes) {
            mean = mean.plus(p.minus(c));
        }
        var normal = SlicePlanes.planarNormal(s.txArray());
        Vec3 d;
        if (normal != null) {
            d = normal.unit().times(mean.dot(normal.unit()) < 0 ? -1 : 1);
        } else {
            Vec3 a = SlicePlanes.longAxis(s.txArray()).unit();
            d = mean.minus(a.times(mean.dot(a)));
            if (d.norm() < 1e-12) {
                d = new Vec3(1, 0, 0);
            }
        }
        return d.times(1 / d.norm());
    }

    private Node ellipsoid(ErrorEllipsoid el, double k, Color colour) {
        Sphere sp = new Sphere(1, 24);
        sp.setMaterial(new PhongMaterial(colour));
        sp.setMouseTransparent(true);
        Vec3[] a = el.axes();
        double[] r = el.semiAxesM();
        Vec3 c = el.centre();
        sp.getTransforms().add(new Affine(k * r[0] * a[0].x(), k * r[1] * a[1].x(), k * r[2] * a[2].x(), c.x(),
                k * r[0] * a[0].y(), k * r[1] * a[1].y(), k * r[2] * a[2].y(), c.y(),
                k * r[0] * a[0].z(), k * r[1] * a[1].z(), k * r[2] * a[2].z(), c.z()));
        return sp;
    }

    private void showSlice(HeatmapFrame f) {
        slice.getChildren().clear();
        if (f == null || !supported) {
            return;
        }
        var grid = f.field().grid();
        int w = grid.nu();
        int h = grid.nv();
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), f.argb(), 0, w);
        MeshView quad = new MeshView(Meshes3D.planeRectangle(grid.plane(),
                new double[] {grid.u0(), grid.u1(), grid.v0(), grid.v1()}));
        PhongMaterial m = new PhongMaterial(Color.WHITE);
        m.setDiffuseMap(img);
        m.setSelfIlluminationMap(img);
        quad.setMaterial(m);
        quad.setCullFace(CullFace.NONE);
        quad.setMouseTransparent(true);
        quad.setId("slice3d");
        slice.getChildren().add(quad);
        slice.setVisible(options.heatmap());
    }

    // ---- labels -------------------------------------------------------------------------------

    private void placeLabels() {
        if (!supported) {
            return;
        }
        labels.getChildren().clear();
        for (Object[] a : labelAnchors) {
            Vec3 p = (Vec3) a[0];
            Point2D screen = world.localToScreen(new Point3D(p.x(), p.y(), p.z()));
            if (screen == null) {
                continue;
            }
            Point2D local = labels.screenToLocal(screen);
            if (local == null) {
                continue;
            }
            Label l = new Label((String) a[1]);
            l.setStyle("node".equals(a[2]) ? "-fx-font-size: 12; -fx-text-fill: black;"
                    : "-fx-font-size: 10; -fx-text-fill: #444;");
            l.relocate(local.getX() + 6, local.getY() - 8);
            l.autosize();
            labels.getChildren().add(l);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        placeLabels();
    }

    // ---- gestures -----------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragMoved = false;
        dragAxis = null;
        PickResult pick = e.getPickResult();
        Node hit = pick == null ? null : pick.getIntersectedNode();
        String id = hit != null && hit.getUserData() instanceof String s ? s : null;
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && id == null) {
            resetView();
            return;
        }
        if (id != null && e.getButton() == MouseButton.PRIMARY) {
            model.selectedIdProperty().set(id);
            dragging = id;
            dragStart = ScenarioEdits.position(model.getScenario(), id);
        } else {
            dragging = null;
        }
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (dragging != null) {
            dragNode(e);
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE || e.isControlDown()) {
            camera.pan(dx, dy, getHeight());
        } else {
            camera.orbit(dx, dy);
        }
        placeLabels();
    }

    private void dragNode(MouseEvent e) {
        Vec3[] ray = worldRay(e.getX(), e.getY());
        Vec3 to;
        if (e.isShiftDown()) {
            if (dragAxis == null) {
                if (Math.hypot(e.getX() - pressX, e.getY() - pressY) < 4) {
                    return;
                }
                dragAxis = axisAlong(dragStart, e.getX() - pressX, e.getY() - pressY);
            }
            to = DragGeometry.onLine(ray[0], ray[1], dragStart, dragAxis);
        } else {
            Vec3 f = worldDirection(camera.forward());
            to = DragGeometry.onPlane(ray[0], ray[1], dragStart, f);
        }
        if (to != null && to.isFinite()) {
            dragMoved = true;
            model.dragNode(dragging, to);
        }
    }

    /** @return the world axis whose on-screen direction is closest to the pointer's motion */
    private Vec3 axisAlong(Vec3 p, double mx, double my) {
        Vec3[] candidates = {new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1)};
        Point2D a = world.localToScreen(new Point3D(p.x(), p.y(), p.z()));
        Vec3 best = candidates[2];
        double bestCos = -1;
        double len = 30 / unit;
        for (Vec3 c : candidates) {
            Vec3 q = p.plus(c.times(len));
            Point2D b = world.localToScreen(new Point3D(q.x(), q.y(), q.z()));
            if (a == null || b == null) {
                continue;
            }
            double sx = b.getX() - a.getX();
            double sy = b.getY() - a.getY();
            double cos = Math.abs(sx * mx + sy * my) / (Math.hypot(sx, sy) * Math.hypot(mx, my) + 1e-12);
            if (cos > bestCos) {
                bestCos = cos;
                best = c;
            }
        }
        return best;
    }

    private void released(MouseEvent e) {
        if (dragging != null) {
            if (dragMoved) {
                model.endDrag();
            }
            dragging = null;
        }
    }

    /** @return the pointer's ray in scenario coordinates: {origin (m), direction} */
    private Vec3[] worldRay(double sx, double sy) {
        Vec3[] r = camera.ray(sx, sy, sub.getWidth(), sub.getHeight());
        Point3D o = world.sceneToLocal(new Point3D(r[0].x(), r[0].y(), r[0].z()));
        Vec3 origin = new Vec3(o.getX(), o.getY(), o.getZ());
        return new Vec3[] {origin, worldDirection(r[1])};
    }

    private Vec3 worldDirection(Vec3 d) {
        Point3D a = world.sceneToLocal(Point3D.ZERO);
        Point3D b = world.sceneToLocal(new Point3D(d.x(), d.y(), d.z()));
        return new Vec3(b.getX() - a.getX(), b.getY() - a.getY(), b.getZ() - a.getZ());
    }

    /** @return the plane the slice shows (for tests) */
    Plane slicePlane() {
        return model.slice().getPlane();
    }

    @Override
    public void close() {
        renderer.close();
    }
}
