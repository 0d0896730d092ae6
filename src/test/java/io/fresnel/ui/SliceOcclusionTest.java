package io.fresnel.ui;

import static io.fresnel.ui.FxFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Plane;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The opaque slice hides the labels of what lies behind it, as the depth buffer hides their markers. */
@Tag("ui")
class SliceOcclusionTest {
    private static final GridSpec X0 = new GridSpec(new Plane(Axis.X, 0), -1, 1, -1, 1, 2, 2);
    private static final Vec3 EYE = new Vec3(5, 0, 0);

    @Test
    void aPointBehindTheSliceRectangleIsHiddenFromTheEye() {
        assertTrue(SliceOcclusion.hides(X0, EYE, new Vec3(-1, 0.2, 0.1), 0.01), "straight behind it");
        assertTrue(SliceOcclusion.hides(X0, EYE, new Vec3(-0.5, 0.9, -0.9), 0.01), "behind a corner");
        assertFalse(SliceOcclusion.hides(X0, EYE, new Vec3(-1, 5, 0), 0.01), "behind the plane, beside the slice");
        assertFalse(SliceOcclusion.hides(X0, EYE, new Vec3(1, 0, 0), 0.01), "on the eye's side");
        assertFalse(SliceOcclusion.hides(X0, EYE, new Vec3(-0.005, 0, 0), 0.01), "a marker cut by the slice shows");
        assertTrue(SliceOcclusion.hides(X0, EYE, new Vec3(-0.02, 0, 0), 0.01), "just beyond the marker's radius");
        assertFalse(SliceOcclusion.hides(X0, new Vec3(-5, 0, 0), new Vec3(-1, 0.2, 0.1), 0.01),
                "seen from the other side it is in front");
        assertFalse(SliceOcclusion.hides(null, EYE, new Vec3(-1, 0, 0), 0.01), "no slice shown");
        // an oblique slice: the plane x = y through the origin, (u, v) along (1, -1, 0) / sqrt 2 and z
        Plane diag = Plane.through(Vec3.ZERO, new Vec3(1, -1, 0), new Vec3(0, 0, 1), "diagonal");
        GridSpec g = new GridSpec(diag, -1, 1, -1, 1, 2, 2);
        Vec3 eye = new Vec3(3, 3, 0);
        assertTrue(SliceOcclusion.hides(g, eye, new Vec3(-1, -1, 0.5), 0.01));
        assertFalse(SliceOcclusion.hides(g, eye, new Vec3(-1, -1, 4), 0.01), "its line of sight passes above");
    }

    @Test
    void translucentShapesAreDrawnAfterTheOpaqueSliceAndBeforeASeeThroughOne() {
        Group arrays = new Group();
        Group markers = new Group();
        Group slice = new Group();
        Group ellipsoids = new Group();
        Group halo = new Group();
        // a translucent shape blends only with what was drawn before it
        assertEquals(List.of(arrays, markers, slice, ellipsoids, halo),
                SliceQuad3D.drawOrder(List.of(arrays, markers), slice, List.of(ellipsoids, halo), false));
        assertEquals(List.of(arrays, markers, ellipsoids, halo, slice),
                SliceQuad3D.drawOrder(List.of(arrays, markers), slice, List.of(ellipsoids, halo), true));
    }

    /** Labels over a 3-D group in a shown 300 x 300 stage (StackPane: the group centred), anchors added by the caller. */
    private static Labels3D shownOver(Group world, java.util.function.Consumer<Labels3D> anchors) throws Exception {
        FxToolkit.registerPrimaryStage();
        return onFx(() -> {
            Labels3D l = new Labels3D();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(world, l), 300, 300));
            stage.show();
            anchors.accept(l);
            return l;
        });
    }

    @Test
    void labelsStayInsideTheView() throws Exception {
        Group world = new Group(new Rectangle(200, 200));
        Labels3D labels = shownOver(world, l -> {
            // the 200 x 200 world is centred: its point (x, y) is at (50 + x, 50 + y) in the 300 x 300 view
            l.add(new Vec3(20, 246, 0), "x (m)", false); // 4 px above the bottom edge: the label would hang below
            l.add(new Vec3(60, 270, 0), "just below", false); // 20 px below the edge: moved in
            l.add(new Vec3(247, 100, 0), "far right", true);
            l.add(new Vec3(20, 20, 0), "inside", true);
            l.add(new Vec3(20, 300, 0), "off the view", true); // 50 px below: left out
        });
        List<double[]> boxes = onFx(() -> {
            labels.place(world);
            labels.applyCss();
            labels.layout();
            return labels.getChildrenUnmodifiable().stream().map(n -> new double[] {n.getLayoutX(), n.getLayoutY(),
                n.getLayoutX() + ((Label) n).getWidth(), n.getLayoutY() + ((Label) n).getHeight()}).toList();
        });
        assertEquals(List.of("x (m)", "just below", "far right", "inside"), onFx(labels::shownTexts));
        for (double[] b : boxes) {
            assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] <= 300 && b[3] <= 300, java.util.Arrays.toString(b));
            assertTrue(b[3] > b[1] && b[2] > b[0], "sized: " + java.util.Arrays.toString(b));
        }
        // a label with room keeps its place beside the anchor
        assertEquals(76, boxes.get(3)[0], 1e-9);
        assertEquals(62, boxes.get(3)[1], 1e-9);
        WaitForAsyncUtils.asyncFx(() -> ((Stage) labels.getScene().getWindow()).close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void labelsOfHiddenAnchorsAreLeftOut() throws Exception {
        Group world = new Group(new Rectangle(200, 200));
        Labels3D labels = shownOver(world, l -> {
            l.add(new Vec3(20, 20, 0), "front", true);
            l.add(new Vec3(150, 150, 0), "behind", true);
            l.add(new Vec3(60, 20, 0), "1 m", false);
        });
        assertEquals(List.of("front", "behind", "1 m"), onFx(() -> {
            labels.place(world);
            return labels.shownTexts();
        }));
        assertEquals(List.of("front", "1 m"), onFx(() -> {
            labels.place(world, p -> p.getX() > 100, "front");
            return labels.shownTexts();
        }));
        // the selected node's label stays, marked, so that a node dragged behind the slice is not lost
        assertEquals(List.of("front", "behind" + Labels3D.BEHIND, "1 m"), onFx(() -> {
            labels.place(world, p -> p.getX() > 100, "behind");
            return labels.shownTexts();
        }));
        assertEquals(List.of("front"), onFx(() -> {
            labels.place(world, p -> p.getX() > 50, "1 m");
            return labels.shownTexts();
        }), "only a node's label is kept, not an axis tick's");
        assertEquals(3, onFx(() -> {
            labels.place(world);
            return labels.shownTexts().size();
        }), "shown again once nothing hides them");
        WaitForAsyncUtils.asyncFx(() -> ((Stage) labels.getScene().getWindow()).close()).get(10, TimeUnit.SECONDS);
    }
}
