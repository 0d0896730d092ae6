package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.model.ArrayGeometry;
import io.fresnel.model.Scenario;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
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
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Translate;

/**
 * The 3-D view: the transmit and receive arrays to scale (each ONE mesh), the nodes as markers
 * in their icons' colours, axes with metre ticks, the slice plane with its heatmap texture, each
 * target's 1- and 2-sigma CRB error ellipsoids, the Rayleigh-distance hemisphere and the prior
 * candidates. Drag the background to orbit, with the right button (or Ctrl) to pan, scroll to
 * zoom, double-click to reset. Drag a node to move it in the plane facing the camera; with Shift
 * along the axis (x, y or z) closest to the pointer's motion on screen; in a 2-D scenario on
 * z = 0 ({@link Gestures3D}). Selection, drags and undo go through the {@link ExplorerViewModel}
 * exactly as in 2-D. The node markers are {@link NodeMarkers3D}, the slice {@link SliceQuad3D}
 * (its texture from {@link SliceRenderer}), the labels {@link Labels3D}.
 * Where the platform has no 3-D ({@link ConditionalFeature#SCENE3D} false, e.g. Monocle) it says
 * so instead.
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
    private final NodeMarkers3D markers = new NodeMarkers3D();
    private final Group sensing = new Group();
    private final SliceQuad3D slice;
    private HeatmapFrame shownFrame;
    /** Whether the slice shown is an earlier design's (the present design failed). */
    private boolean shownStale;
    private java.util.function.Consumer<String> hoverListener = t -> { };
    private final Labels3D labels = new Labels3D();
    private final Label note = new Label();
    /** Why the slice is stale or missing (a failed design), over the top of the view. */
    private final Label failure = new Label();
    private final Affine toFx = new Affine();
    private final OrbitCamera camera = new OrbitCamera();
    private final SliceRenderer renderer;
    private SubScene sub;
    private double unit = 1;
    private Vec3 centre = Vec3.ZERO;
    private List<ArrayGeometry> shownArrays = List.of();
    private Double shownRadius;

    /**
     * @param model the window state
     * @param options what to draw (shared with the 2-D canvas)
     * @param heatmap the layer, colormap and range of the slice texture
     */
    public Scene3DView(ExplorerViewModel model, SceneOptions options, HeatmapController heatmap) {
        this.model = model;
        this.options = options;
        this.renderer = new SliceRenderer(model, heatmap, this::showSlice);
        failure.textProperty().bind(renderer.noteProperty());
        this.slice = new SliceQuad3D(options);
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
        orderForBlending();
        AmbientLight ambient = new AmbientLight(Color.rgb(150, 150, 150));
        PointLight light = new PointLight(Color.rgb(140, 140, 140));
        light.getTransforms().add(new Translate(0, -2000, -2000));
        Group root = new Group(world, camera.rig(), ambient, light);
        sub = new SubScene(root, 800, 600, true, antialiasing());
        sub.setFill(Color.rgb(246, 247, 250));
        sub.setCamera(camera.camera());
        sub.widthProperty().bind(widthProperty());
        sub.heightProperty().bind(heightProperty());
        Button reset = new Button("Reset view");
        reset.setOnAction(e -> resetView());
        StackPane.setAlignment(reset, javafx.geometry.Pos.TOP_RIGHT);
        note.setId("scene3dNote"); // ellipsoids too large to draw
        note.setWrapText(true);
        note.setMouseTransparent(true);
        note.setVisible(false);
        note.setStyle("-fx-background-color: rgba(255, 255, 255, 0.8); -fx-padding: 2 4 2 4;");
        StackPane.setAlignment(note, javafx.geometry.Pos.BOTTOM_LEFT);
        failure.setId("scene3dFailure");
        failure.setWrapText(true);
        failure.setMouseTransparent(true);
        failure.visibleProperty().bind(failure.textProperty().isNotEmpty());
        failure.setStyle("-fx-background-color: rgba(255, 236, 236, 0.92); -fx-text-fill: #8b0000;"
                + " -fx-padding: 3 6 3 6; -fx-border-color: #c04040;");
        failure.setMaxWidth(Double.MAX_VALUE);
        StackPane.setAlignment(failure, javafx.geometry.Pos.TOP_LEFT);
        StackPane.setMargin(failure, new javafx.geometry.Insets(0, 100, 0, 0)); // clear of Reset view
        getChildren().addAll(sub, labels, reset, note, failure);
        Gestures3D gestures = new Gestures3D(model, new GestureHost());
        sub.addEventHandler(MouseEvent.MOUSE_PRESSED, gestures::pressed);
        sub.addEventHandler(MouseEvent.MOUSE_DRAGGED, gestures::dragged);
        sub.addEventHandler(MouseEvent.MOUSE_RELEASED, gestures::released);
        sub.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverListener.accept(hoverText(e.getX(), e.getY())));
        sub.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverListener.accept("")); // no stale pointer text
        sub.addEventHandler(ScrollEvent.SCROLL, e -> {
            camera.zoom(Math.pow(1.0015, e.getDeltaY()));
            placeLabels();
        });
        model.scenarioProperty().addListener((o, a, b) -> rebuild(false));
        model.evaluationProperty().addListener((o, a, b) -> rebuildSensing());
        model.selectedIdProperty().addListener((o, a, b) -> showSelection());
        model.document().generationProperty().addListener((o, a, b) -> rebuild(true));
        options.addListener(() -> {
            orderForBlending();
            rebuildSensing();
            placeLabels(); // see-through or no slice: every label shows
        });
        widthProperty().addListener((o, a, b) -> placeLabels());
        heightProperty().addListener((o, a, b) -> placeLabels());
        rebuild(true);
    }

    /**
     * Multisample antialiasing, except on a GPU JavaFX had to be forced to use
     * ({@code -Dprism.forceGPU=true}, i.e. Mesa's software llvmpipe under Xvfb), where it triples
     * the cost of every frame (orbiting the 48 x 48 preset, measured under load: median pulse
     * 1023 ms with it, 358 ms without; docs/3d-view.md). {@code -Dfresnel.antialiasing=true} or
     * {@code false} overrides the choice.
     *
     * @return the subscene's antialiasing
     */
    static SceneAntialiasing antialiasing() {
        String forced = System.getProperty("fresnel.antialiasing");
        boolean on = forced != null ? Boolean.parseBoolean(forced) : !Boolean.getBoolean("prism.forceGPU");
        return on ? SceneAntialiasing.BALANCED : SceneAntialiasing.DISABLED;
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
            markers.reset();
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
        List<Vec3> pts = SlicePlanes.scenePoints(s);
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

    /** Puts the slice before or after the translucent shapes ({@link SliceQuad3D#drawOrder}). */
    private void orderForBlending() {
        List<Node> order = SliceQuad3D.drawOrder(List.of(arrays, axes, markers), slice,
                List.of(sensing, markers.halo()), options.seeThroughSlice());
        if (!world.getChildren().equals(order)) {
            world.getChildren().setAll(order);
        }
    }

    private void buildArrays(Scenario s) {
        arrays.getChildren().clear();
        arrays.getChildren().add(Furniture3D.array(s.txArray(), Color.rgb(40, 40, 40), s.wavelengthM(), unit));
        if (s.rxArray() != null) {
            arrays.getChildren().add(Furniture3D.array(s.rxArray(), Color.rgb(140, 70, 0), s.wavelengthM(), unit));
        }
    }

    private void buildAxes(Scenario s, double radius) {
        axes.getChildren().setAll(Furniture3D.axes(s, radius, unit, labels));
    }

    /** Moves the node markers to the scenario's nodes (re-creating them only when nodes come or go). */
    private void rebuildMarkers() {
        Scenario s = model.getScenario();
        if (!supported || s == null) {
            return;
        }
        markers.update(s, unit, labels);
        placeLabels();
    }

    private void showSelection() {
        markers.select(model.selectedIdProperty().get());
        placeLabels();
    }

    /** The CRB ellipsoids, the Rayleigh hemisphere and the prior candidates. */
    private void rebuildSensing() {
        Scenario s = model.getScenario();
        if (!supported || s == null) {
            return;
        }
        SensingShapes3D.Built built = SensingShapes3D.build(s, model.evaluationProperty().get(), options, unit,
                RADIUS_UNITS / unit);
        sensing.getChildren().setAll(built.shapes());
        note.setText(built.offScale().isEmpty() ? "" : "CRB ellipsoids larger than the scene, not drawn: "
                + String.join("; ", built.offScale()) + " (largest semi-axis)");
        note.setVisible(!built.offScale().isEmpty());
    }

    private void showSlice(HeatmapFrame f, boolean stale) {
        if (supported) {
            slice.show(f, stale);
            shownFrame = f;
            shownStale = stale;
            placeLabels(); // what the slice hides changed
        }
    }

    /** @param listener receives the status text of the slice point under the pointer */
    public void setOnHover(java.util.function.Consumer<String> listener) {
        hoverListener = listener;
    }

    /**
     * @return the slice point under the pointer and its value, as on the 2-D canvas, marked when
     *     the slice is stale; "" off the slice
     */
    private String hoverText(double sx, double sy) {
        String t = slice.isVisible() ? HoverText.onSlice(worldRay(sx, sy), shownFrame,
                model.getScenario().referencePoint()) : "";
        return shownStale && !t.isEmpty() ? t + "   (last design, stale)" : t;
    }

    // ---- labels -------------------------------------------------------------------------------

    /**
     * Places the labels where the camera projects their anchors, leaving out those the opaque
     * slice hides from the eye but the selected node's (with View &gt; See-through slice every
     * label shows).
     */
    private void placeLabels() {
        if (!supported) {
            return;
        }
        GridSpec g = slice.isVisible() && shownFrame != null && !options.seeThroughSlice() ? shownFrame.field().grid()
                : null;
        if (g == null) {
            labels.place(world);
            return;
        }
        Point3D e = world.sceneToLocal(camera.camera().localToScene(Point3D.ZERO));
        Vec3 eye = new Vec3(e.getX(), e.getY(), e.getZ());
        double margin = NodeMarkers3D.MARKER_PX / unit;
        labels.place(world, p -> SliceOcclusion.hides(g, eye, new Vec3(p.getX(), p.getY(), p.getZ()), margin),
                model.selectedIdProperty().get());
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        placeLabels();
    }

    // ---- gestures (Gestures3D) -----------------------------------------------------------------

    /** What the gestures need of the view. */
    private final class GestureHost implements Gestures3D.Host {
        @Override
        public Vec3[] ray(double sx, double sy) {
            return worldRay(sx, sy);
        }

        @Override
        public Vec3 forward() {
            return worldDirection(camera.forward());
        }

        @Override
        public Point2D toScreen(Vec3 p) {
            return world.localToScreen(new Point3D(p.x(), p.y(), p.z()));
        }

        @Override
        public double unit() {
            return unit;
        }

        @Override
        public void orbit(double dx, double dy) {
            camera.orbit(dx, dy);
            placeLabels();
        }

        @Override
        public void pan(double dx, double dy) {
            camera.pan(dx, dy, getHeight());
            placeLabels();
        }

        @Override
        public void reset() {
            resetView();
        }

        @Override
        public void focus() {
            requestFocus();
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
