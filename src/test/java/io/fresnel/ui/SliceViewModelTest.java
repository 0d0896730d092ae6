package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.render.Plane;
import org.junit.jupiter.api.Test;

/** The slice choice without any FX toolkit. */
class SliceViewModelTest {
    private final ScenarioDocument doc = new ScenarioDocument(Runnable::run, Runnable::run,
            new ScenarioDocument.Listener() {
                @Override
                public void edited(Scenario s) {
                }

                @Override
                public String replaced(Scenario s) {
                    return "";
                }
            });

    private SliceViewModel on(Scenario s) {
        doc.replace(s, null);
        return new SliceViewModel(doc);
    }

    @Test
    void aTwoDimensionalScenarioStaysOnZ0AndSaysWhy() {
        SliceViewModel slice = on(Presets.defaultScenario());
        assertEquals(Plane.Z0, slice.getPlane());
        assertFalse(slice.axisPlane(Axis.X, 1));
        assertEquals(Plane.Z0, slice.getPlane());
        assertTrue(doc.messageProperty().get().contains("z = 0"), doc.messageProperty().get());
    }

    @Test
    void aNewThreeDimensionalDocumentStartsOnThePlaneThroughItsFirstTarget() {
        SliceViewModel slice = on(Presets.defaultScenario());
        doc.replace(Presets.byFile("paper-004-elaa-echo-maxmin-sdr.json"), null);
        Plane p = slice.getPlane();
        assertEquals(Axis.X, p.normal());
        assertEquals(0, p.distance(doc.getScenario().targets().get(0).positionM()), 1e-12);
        assertTrue(slice.axisPlane(Axis.Z, 1.5));
        assertEquals(new Plane(Axis.Z, 1.5), slice.getPlane());
        assertTrue(slice.paperYz());
        assertEquals(new Plane(Axis.X, 0), slice.getPlane());
    }

    @Test
    void theDefaultPlaneFollowsTheFirstTargetUntilAnotherPlaneIsChosen() {
        SliceViewModel slice = on(Presets.byFile("paper-004-elaa-illumination-maxmin-sdr.json"));
        assertTrue(slice.followsDefault());
        Plane first = slice.getPlane();
        assertEquals(Axis.X, first.normal());
        // a drag in 3-D that takes t1 off the plane (as Shift+drag along x does): the plane follows
        doc.dragNode("t1", new Vec3(0.4, 0.1, 1.9));
        assertEquals(new Plane(Axis.X, 0.4), slice.getPlane(), "the slice follows while dragging");
        doc.dragNode("t1", new Vec3(0.7, 0.1, 1.9));
        doc.endDrag();
        assertEquals(new Plane(Axis.X, 0.7), slice.getPlane());
        doc.undo();
        assertEquals(first, slice.getPlane(), "undo takes the plane back with the target");
        // other nodes do not move it
        doc.dragNode("u2", new Vec3(0.3, -0.2, 1.6));
        doc.endDrag();
        assertEquals(first, slice.getPlane());
        // a plane the user chose stays where it is
        assertTrue(slice.axisPlane(Axis.X, 0.25));
        assertFalse(slice.followsDefault());
        doc.dragNode("t1", new Vec3(0.9, 0.1, 1.9));
        doc.endDrag();
        assertEquals(new Plane(Axis.X, 0.25), slice.getPlane());
        assertTrue(slice.paperYz());
        assertFalse(slice.followsDefault());
        // back to the default: through the target where it is now, and following again
        slice.reset();
        assertTrue(slice.followsDefault());
        assertEquals(new Plane(Axis.X, 0.9), slice.getPlane());
        doc.dragNode("t1", new Vec3(-0.2, 0.1, 1.9));
        doc.endDrag();
        assertEquals(new Plane(Axis.X, -0.2), slice.getPlane());
    }

    @Test
    void theBroadsidePlaneFollowsItsNodeAndFallsBackWhenTheNodeIsDeleted() {
        SliceViewModel slice = on(Presets.byFile("paper-004-elaa-crb-min-sdr.json"));
        assertTrue(slice.broadside("t2"));
        doc.dragNode("t2", new Vec3(0.5, 0.5, 1));
        doc.endDrag();
        assertEquals(0, slice.getPlane().distance(new Vec3(0.5, 0.5, 1)), 1e-12);
        assertEquals("broadside t2", slice.getPlane().toString());
        doc.selectedIdProperty().set("t2");
        doc.deleteSelected();
        assertTrue(slice.getPlane().isAxisAligned(), "back to the default plane");
        assertFalse(slice.broadside("nobody"));
    }
}
