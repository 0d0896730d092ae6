package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import io.fresnel.cli.FresnelCommand;
import io.fresnel.io.ScenarioReader;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.render.Field;
import io.fresnel.render.FieldComputer;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Layer;
import io.fresnel.render.Plane;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A 3-D scenario in the real window, headless (Monocle has no 3-D): the 3-D tab says so, and
 * the slices work on the 2-D canvas, computed by the same field code as {@code render}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class Scene3DViewTest {
    private MainWindow window;
    private ExplorerViewModel model;
    private FxFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Scenario s = ScenarioReader.read(GoldenFiles.goldenDir().resolve("public/p004_upa_two_targets.scenario.json"))
                .scenario();
        fixture = new FxFixture(s);
        model = fixture.model();
        window = new MainWindow(model);
        stage.setScene(new Scene(window, 1280, 800));
        fixture.closing(window);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }


    private HeatmapFrame awaitFineFrameOn(Plane plane) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            HeatmapFrame f = window.scene().frame();
            return f != null && f.request().fine() && f.field().grid().plane().equals(plane)
                    && f.request().scenario().targets().equals(model.getScenario().targets());
        }));
        return onFx(() -> window.scene().frame());
    }

    @Test
    void withoutThreeDTheViewSaysSoAndTheSliceIsOnTheCanvas(FxRobot robot) throws Exception {
        assertFalse(onFx(() -> window.view3d().isSupported()), "Monocle has no SCENE3D");
        robot.clickOn("3-D");
        Label l = robot.lookup("#scene3dUnsupported").queryAs(Label.class);
        assertTrue(l.getText().contains("-Dprism.forceGPU=true"), l.getText());
        robot.clickOn("2-D");
        Plane plane = onFx(() -> model.slice().getPlane());
        Vec3 t1 = onFx(() -> model.getScenario().targets().get(0).positionM());
        assertEquals(0, plane.distance(t1), 1e-15, "the default plane passes through the first target");
        assertFalse(plane.equals(Plane.Z0), "never the array's own plane");
        HeatmapFrame f = awaitFineFrameOn(plane);
        // The same field code as the render command, point by point on the same grid.
        Field again = FieldComputer.compute(f.request().scenario(), f.request().layer(), f.field().grid(), () -> false);
        for (int i = 0; i < again.grid().size(); i++) {
            assertEquals(again.value(i), f.field().value(i), 0.0);
        }
        // ... and the render command that File > Export figure names with the CSV on the same plane and
        // grid writes the same values in its CSV
        assertRenderAgrees(f, plane.toString());
    }

    @Test
    void theStatusLineForgetsThePointerWhenItLeavesTheCanvas(FxRobot robot) throws Exception {
        awaitFineFrameOn(onFx(() -> model.slice().getPlane()));
        Label status = robot.lookup("#hoverStatus").queryAs(Label.class);
        javafx.scene.canvas.Canvas c = onFx(() -> window.scene().canvas());
        onFx(() -> {
            pointer(c, javafx.scene.input.MouseEvent.MOUSE_MOVED, c.getWidth() / 2, c.getHeight() / 2);
            return null;
        });
        String over = onFx(status::getText);
        assertFalse(over.isEmpty(), "the point under the pointer is shown");
        onFx(() -> {
            pointer(c, javafx.scene.input.MouseEvent.MOUSE_EXITED, c.getWidth() + 5, c.getHeight() / 2);
            return null;
        });
        assertEquals("", onFx(status::getText), "after leaving the canvas (was: " + over + ")");
    }

    /** Fires a mouse event without buttons at a canvas point (on the FX thread). */
    private static void pointer(javafx.scene.canvas.Canvas c, javafx.event.EventType<javafx.scene.input.MouseEvent> type,
            double x, double y) {
        Point2D scene = c.localToScene(x, y);
        Point2D screen = c.localToScreen(x, y);
        c.fireEvent(new javafx.scene.input.MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
    }

    /**
     * Runs the {@code render} command that File &gt; Export figure names for a frame (on the golden
     * file the window opened, whose precoder is the one in force) and compares its CSV with the
     * frame point by point.
     */
    private static void assertRenderAgrees(HeatmapFrame f, String planeArgument) throws Exception {
        GridSpec g = f.field().grid();
        Path csv = Files.createTempFile("slice", ".csv");
        Path png = Files.createTempFile("slice", ".png");
        try {
            String said = FigureExportDialog.sameAs(f);
            assertTrue(said.contains("render SAVED.json "), said);
            String command = said.substring(said.indexOf("render SAVED.json ") + "render SAVED.json ".length(),
                    said.indexOf(" (SAVED.json"));
            List<String> args = new java.util.ArrayList<>(List.of("render",
                    GoldenFiles.goldenDir().resolve("public/p004_upa_two_targets.scenario.json").toString()));
            for (String a : command.split(" ")) {
                args.add(a.startsWith("--csv=") ? "--csv=" + csv : a.startsWith("--out=") ? "--out=" + png : a);
            }
            assertTrue(args.contains("--plane=" + planeArgument) && args.contains("--grid=" + g.nu() + "x" + g.nv()),
                    said);
            int status = FresnelCommand.run(args.toArray(String[]::new),
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()));
            assertEquals(0, status);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(g.size() + 1, lines.size());
            for (int i = 0; i < g.size(); i++) {
                String[] cells = lines.get(i + 1).split(",", -1);
                Vec3 p = g.plane().point(g.u(i % g.nu()), g.v(i / g.nu()));
                for (int k = 0; k < 3; k++) {
                    assertEquals(p.get(k), Double.parseDouble(cells[k]), 1e-12, "point " + i + " coordinate " + k);
                }
                double window = f.field().value(i);
                if (cells[3].isEmpty()) {
                    assertTrue(Double.isNaN(window), "point " + i);
                } else {
                    assertEquals(window, Double.parseDouble(cells[3]), 1e-12 * Math.abs(window), "point " + i);
                }
            }
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(png);
        }
    }

    @Test
    void theTwoDimensionalHeatmapIsNotComputedWhileTheThreeDimensionalTabIsShown(FxRobot robot) throws Exception {
        Plane plane = onFx(() -> model.slice().getPlane());
        HeatmapFrame before = awaitFineFrameOn(plane);
        robot.clickOn("3-D");
        WaitForAsyncUtils.asyncFx(() -> window.heatmap().layerProperty().set(new Layer.StreamPattern(0)))
                .get(10, TimeUnit.SECONDS);
        Thread.sleep(3000); // a coarse frame takes well under a second when the canvas is shown
        assertTrue(onFx(() -> window.scene().frame()) == before, "no 2-D frame behind the 3-D tab");
        robot.clickOn("2-D");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            HeatmapFrame f = window.scene().frame();
            return f != null && f.request().layer() instanceof Layer.StreamPattern;
        }));
    }

    @Test
    void draggingOnASliceKeepsTheDistanceToThePlaneAndUndoRestores(FxRobot robot) throws Exception {
        Plane plane = onFx(() -> model.slice().getPlane());
        awaitFineFrameOn(plane);
        Vec3 start = onFx(() -> ScenarioEdits.position(model.getScenario(), "t2"));
        Point2D from = onFx(() -> {
            double[] uv = plane.project(start);
            Viewport v = window.scene().viewport();
            return window.scene().canvas().localToScreen(v.screenX(uv[0]), v.screenY(uv[1]));
        });
        robot.drag(from, MouseButton.PRIMARY).moveBy(30, -20).moveBy(30, -20).drop();
        Vec3 moved = onFx(() -> ScenarioEdits.position(model.getScenario(), "t2"));
        assertEquals(plane.distance(start), plane.distance(moved), 1e-12, "the node keeps its distance");
        assertTrue(moved.distance(start) > 1e-4, "it moved in the plane: " + moved);
        WaitForAsyncUtils.asyncFx(model::undo).get(10, TimeUnit.SECONDS);
        assertEquals(start, onFx(() -> ScenarioEdits.position(model.getScenario(), "t2")));
    }

    @Test
    void theCanvasFramesASceneOfCentimetresAndKeepsItsViewWhenTheDefaultPlaneFollows() throws Exception {
        Plane plane = onFx(() -> model.slice().getPlane());
        awaitFineFrameOn(plane);
        double[] vis = onFx(() -> window.scene().viewport().visible());
        // the scene spans about 0.1 x 0.3 m on the plane; the view used to add 0.5 m on each side
        assertTrue(vis[1] - vis[0] < 0.8 && vis[3] - vis[2] < 0.8, "visible " + java.util.Arrays.toString(vis));
        Scenario s = onFx(model::getScenario);
        for (Vec3 p : io.fresnel.render.SlicePlanes.scenePoints(s)) {
            double[] uv = plane.project(p);
            assertTrue(uv[0] > vis[0] && uv[0] < vis[1] && uv[1] > vis[2] && uv[1] < vis[3], "in view: " + p);
        }
        // a 3-D drag of t1 off the plane: the default plane follows it, the 2-D view keeps its pan and zoom
        Vec3 t1 = onFx(() -> ScenarioEdits.position(model.getScenario(), "t1"));
        WaitForAsyncUtils.asyncFx(() -> {
            model.dragNode("t1", t1.plus(new Vec3(0.03, 0, 0)));
            model.endDrag();
        }).get(10, TimeUnit.SECONDS);
        assertEquals(new Plane(io.fresnel.model.Axis.X, t1.x() + 0.03), onFx(() -> model.slice().getPlane()));
        assertTrue(java.util.Arrays.equals(vis, onFx(() -> window.scene().viewport().visible())));
        awaitFineFrameOn(onFx(() -> model.slice().getPlane()));
        // another document whose default plane has the same normal (x = 0.05): the canvas fits it anew
        Scenario other = ScenarioReader.read(GoldenFiles.goldenDir()
                .resolve("independent/m3d_three_targets_upa_exact.scenario.json")).scenario();
        WaitForAsyncUtils.asyncFx(() -> model.document().replace(other, null)).get(10, TimeUnit.SECONDS);
        Plane otherPlane = onFx(() -> model.slice().getPlane());
        assertEquals(io.fresnel.model.Axis.X, otherPlane.normal());
        double[] now = onFx(() -> window.scene().viewport().visible());
        double[] u1 = otherPlane.project(other.users().get(0).positionM()); // 0.8 m up, out of the old view
        assertTrue(u1[1] < now[3] && u1[1] > now[2], "the new scene is framed: " + java.util.Arrays.toString(now));
        assertTrue(SceneCanvas.sameAxes(new Plane(io.fresnel.model.Axis.X, 1), new Plane(io.fresnel.model.Axis.X, 2)));
        assertFalse(SceneCanvas.sameAxes(new Plane(io.fresnel.model.Axis.X, 1), new Plane(io.fresnel.model.Axis.Y, 1)));
    }

    @Test
    void theSliceQuadIsOpaqueUnlessSeeThroughIsChosenAndHidesWithTheHeatmap() throws Exception {
        HeatmapFrame f = awaitFineFrameOn(onFx(() -> model.slice().getPlane()));
        SceneOptions options = new SceneOptions();
        SliceQuad3D quad = onFx(() -> {
            SliceQuad3D q = new SliceQuad3D(options);
            q.show(f);
            return q;
        });
        assertEquals(1.0, onFx(() -> quad.material().getDiffuseColor().getOpacity()), 0.0);
        assertTrue(onFx(() -> quad.material().getSelfIlluminationMap().getWidth() == f.field().grid().nu()));
        // the texture is self-illumination only: no light is added to the colour map's colours
        assertEquals(null, onFx(() -> quad.material().getDiffuseMap()));
        assertEquals(0.0, onFx(() -> quad.material().getDiffuseColor().getBrightness()), 0.0);
        assertEquals(null, onFx(() -> quad.material().getSpecularColor()));
        javafx.beans.property.BooleanProperty seeThrough = java.util.Arrays.stream(options.all())
                .filter(p -> p.getName().equals("seeThroughSlice")).findFirst().orElseThrow();
        assertEquals("See-through slice (3-D view)", SceneOptions.label(seeThrough));
        WaitForAsyncUtils.asyncFx(() -> seeThrough.set(true)).get(10, TimeUnit.SECONDS);
        assertEquals(SliceQuad3D.SEE_THROUGH_ALPHA, onFx(() -> quad.material().getDiffuseColor().getOpacity()), 1e-6);
        WaitForAsyncUtils.asyncFx(() -> quad.show(f)).get(10, TimeUnit.SECONDS);
        assertEquals(SliceQuad3D.SEE_THROUGH_ALPHA, onFx(() -> quad.material().getDiffuseColor().getOpacity()), 1e-6,
                "a new frame keeps the choice");
        WaitForAsyncUtils.asyncFx(() -> options.all()[0].set(false)).get(10, TimeUnit.SECONDS);
        assertFalse(onFx(quad::isVisible), "View > Heatmap off hides the slice");
    }

    @Test
    void thePointerOverTheSliceInThreeDShowsThePointAndItsValueAsOnTheCanvas() throws Exception {
        Plane plane = onFx(() -> model.slice().getPlane()); // x = 0.01
        HeatmapFrame f = awaitFineFrameOn(plane);
        Vec3 o = onFx(() -> model.getScenario().referencePoint());
        Vec3 on = plane.point(0.02, 0.15);
        // a ray from the camera's side of the plane through that point, at a slant
        Vec3 dir = new Vec3(-1, 0.2, -0.1);
        Vec3[] ray = {on.minus(dir.times(2)), dir};
        String text = HoverText.onSlice(ray, f, o);
        assertEquals(HoverText.at(plane, 0.02, 0.15, o, f), text);
        double v = HeatmapSampling.valueAt(f.field(), 0.02, 0.15);
        assertTrue(text.startsWith("x=0.01: (0.01000, 0.02000, 0.1500) m") && text.contains(String.format("%.4g W", v)),
                text);
        assertEquals("", HoverText.onSlice(new Vec3[] {on.plus(new Vec3(1, 0, 0)), new Vec3(0, 1, 0)}, f, o),
                "a ray along the plane misses it");
        assertEquals("", HoverText.onSlice(new Vec3[] {plane.point(50, 50).plus(new Vec3(1, 0, 0)),
            new Vec3(-1, 0, 0)}, f, o), "off the slice's rectangle");
        assertEquals("", HoverText.onSlice(ray, null, o), "no slice yet");
    }

    @Test
    void ellipsoidsFarLargerThanTheSceneAreNamedInsteadOfDrawn() throws Exception {
        Scenario s = onFx(model::getScenario);
        io.fresnel.service.Evaluation e = new io.fresnel.service.Evaluation(s, s,
                io.fresnel.metrics.MetricsEvaluator.evaluate(s), null, null);
        double largest = 0;
        for (var t : s.targets()) {
            ErrorEllipsoid el = ErrorEllipsoid.of(t.positionM(), SceneCanvas.targetMetrics(e, t.id()).efimM2());
            for (double r : el.semiAxesM()) {
                largest = Math.max(largest, r);
            }
        }
        SceneOptions options = new SceneOptions();
        double big = largest;
        // a scene of a metre: both targets' 1- and 2-sigma ellipsoids (sub-millimetre) are drawn
        SensingShapes3D.Built all = onFx(() -> SensingShapes3D.build(s, e, options, 300, 1.0));
        assertTrue(all.offScale().isEmpty(), all.offScale().toString());
        int withRayleigh = all.shapes().size();
        assertEquals(4, withRayleigh - (options.rayleigh() ? 1 : 0), "two ellipsoids per target");
        // a scene so small that the largest 1-sigma ellipsoid fits but its 2-sigma one does not
        SensingShapes3D.Built some = onFx(() -> SensingShapes3D.build(s, e, options, 300,
                0.75 * big / SensingShapes3D.MAX_ELLIPSOID_SCENE_RADII));
        assertTrue(some.shapes().size() < withRayleigh && some.shapes().size() >= withRayleigh - 3);
        assertTrue(some.offScale().stream().anyMatch(n -> n.contains("2-sigma")), some.offScale().toString());
        // a scene of a micrometre: none is drawn, and each target is named with its size
        SensingShapes3D.Built none = onFx(() -> SensingShapes3D.build(s, e, options, 300, 1e-6));
        assertEquals(withRayleigh - 4, none.shapes().size());
        assertEquals(2, none.offScale().size());
        assertTrue(none.offScale().get(0).startsWith("t1: 1-sigma "), none.offScale().get(0));
    }

    @Test
    void theBroadsidePlaneOfATargetIsShownOnTheCanvas() throws Exception {
        assertTrue(onFx(() -> model.slice().broadside("t2")));
        Plane plane = onFx(() -> model.slice().getPlane());
        assertFalse(plane.isAxisAligned());
        HeatmapFrame f = awaitFineFrameOn(plane);
        assertTrue(f.field().maxFinite() > 0);
        // render --plane broadside:t2 on the extent and grid the export names: every point the same
        assertRenderAgrees(f, "broadside:t2");
        assertTrue(onFx(() -> model.slice().paperYz()));
        awaitFineFrameOn(onFx(() -> model.slice().getPlane()));
    }
}
