package io.fresnel.physics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.PhaseModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The row-wise (element-outer) evaluation against the point-wise one in three dimensions, with
 * elements and points off the z = 0 plane (the slice tests use planar arrays), the NaN phase at
 * the reference point, and the point block's limits and reference-point flag.
 */
class PointBlockTest {
    /** Three elements off the plane, a reference point away from the origin. */
    private static final List<Vec3> ELEMENTS = List.of(new Vec3(0.01, -0.02, 0.03), new Vec3(-0.02, 0.04, -0.01),
            new Vec3(0.03, 0.01, 0.05));
    private static final Vec3 O = new Vec3(0.005, 0.01, 0.02);
    private static final double[] XS = {1.2, -0.7, 0.3, 0.005};
    private static final double[] YS = {0.4, 1.1, -0.9, 0.01};
    private static final double[] ZS = {0.8, -0.6, 1.5, 0.02};

    @Test
    void elementWiseValuesAreThePointWiseOnesInThreeDimensions() {
        for (PhaseModel ph : PhaseModel.values()) {
            for (AmplitudeModel am : AmplitudeModel.values()) {
                ArrayResponse resp = new ArrayResponse(ELEMENTS, O, 0.1, ph, am);
                assertSame(ph, resp.phaseModel());
                PointBlock block = new PointBlock(4);
                // the first three points; the fourth (the reference point) separately below
                block.set(O, XS, YS, ZS, 0, 3);
                for (int n = 0; n < ELEMENTS.size(); n++) {
                    double[] cycles = new double[3];
                    double[] distance = new double[3];
                    double[] nearest = {9, 9, 9};
                    resp.elementCyclesAndDistance(n, block, cycles, distance, nearest);
                    for (int i = 0; i < 3; i++) {
                        double[] pp = new double[3];
                        double[] pa = new double[3];
                        resp.phaseAndAmplitude(XS[i], YS[i], ZS[i], pp, pa);
                        assertEquals(pp[n], 2 * Math.PI * cycles[i], 1e-12 * Math.abs(pp[n]),
                                ph + " " + am + " n=" + n + " i=" + i);
                        // the amplitude the response applies: lambda / (4 pi |p - t_n|) or 1
                        double amp = am == AmplitudeModel.SPHERICAL ? 0.1 / (4 * Math.PI * distance[i]) : 1;
                        assertEquals(pa[n], amp, 1e-15 * pa[n], ph + " " + am);
                        Vec3 p = new Vec3(XS[i], YS[i], ZS[i]);
                        assertEquals(p.distance(ELEMENTS.get(n)), distance[i], 1e-15);
                        assertEquals(p.distance(ELEMENTS.get(n)), nearest[i], 1e-15);
                    }
                }
            }
        }
    }

    @Test
    void theExactDistanceUsesEveryCoordinate() {
        // k |p - t_n| written out for a point and an element that differ in z
        ArrayResponse resp = new ArrayResponse(ELEMENTS, O, 0.1, PhaseModel.EXACT, AmplitudeModel.UNIT);
        PointBlock block = new PointBlock(1);
        block.set(O, XS, YS, ZS, 2, 1);
        double[] cycles = new double[1];
        resp.elementCyclesAndDistance(0, block, cycles, new double[1], new double[] {9});
        double d = Math.sqrt(Math.pow(0.3 - 0.01, 2) + Math.pow(-0.9 + 0.02, 2) + Math.pow(1.5 - 0.03, 2));
        assertEquals(d / 0.1, cycles[0], 1e-12 * cycles[0]);
    }

    @Test
    void theExpandedModelsHaveNoPhaseAtTheReferencePoint() {
        for (PhaseModel ph : List.of(PhaseModel.FRESNEL, PhaseModel.FAR_FIELD)) {
            ArrayResponse resp = new ArrayResponse(ELEMENTS, O, 0.1, ph, AmplitudeModel.UNIT);
            PointBlock block = new PointBlock(2);
            // point 3 is o itself, point 4 is not
            block.set(O, XS, YS, ZS, 2, 2);
            assertTrue(block.hasPointAtReference());
            double[] cycles = new double[2];
            resp.elementCyclesAndDistance(1, block, cycles, new double[2], new double[] {9, 9});
            assertFalse(Double.isNaN(cycles[0]), ph + ": the other point keeps its phase");
            assertTrue(Double.isNaN(cycles[1]), ph + ": NaN at o");
        }
        // the exact model has a phase there
        ArrayResponse exact = new ArrayResponse(ELEMENTS, O, 0.1, PhaseModel.EXACT, AmplitudeModel.UNIT);
        PointBlock block = new PointBlock(1);
        block.set(O, XS, YS, ZS, 3, 1);
        double[] cycles = new double[1];
        exact.elementCyclesAndDistance(0, block, cycles, new double[1], new double[] {9});
        assertEquals(O.distance(ELEMENTS.get(0)) / 0.1, cycles[0], 1e-12 * cycles[0]);
    }

    @Test
    void theReferenceFlagLooksAtTheLoadedPointsOnly() {
        PointBlock block = new PointBlock(3);
        assertEquals(3, block.capacity());
        // two points off o in a block of three whose unused slot is still 0
        block.set(O, XS, YS, ZS, 0, 2);
        assertEquals(2, block.count());
        assertFalse(block.hasPointAtReference());
        // o as the last loaded point
        block.set(O, XS, YS, ZS, 1, 3);
        assertTrue(block.hasPointAtReference());
        block.set(O, XS, YS, ZS, 0, 3);
        assertFalse(block.hasPointAtReference());
        assertEquals(Arrays.toString(new double[] {ZS[2] - O.z()}), Arrays.toString(new double[] {block.qz[2]}));
        assertEquals((ZS[0] - O.z()) / block.r[0], block.uz[0], 1e-15);
    }

    @Test
    void aBlockHoldsOneToItsCapacityOfPoints() {
        assertDoesNotThrow(() -> new PointBlock(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PointBlock(0));
        assertEquals("a point block needs a capacity of at least 1 (got 0)", e.getMessage());
        PointBlock block = new PointBlock(2);
        assertDoesNotThrow(() -> block.set(O, XS, YS, ZS, 0, 2));
        assertDoesNotThrow(() -> block.set(O, XS, YS, ZS, 0, 0));
        IllegalArgumentException over = assertThrows(IllegalArgumentException.class,
                () -> block.set(O, XS, YS, ZS, 0, 3));
        assertEquals("a block of 3 points exceeds the capacity 2", over.getMessage());
        assertThrows(IllegalArgumentException.class, () -> block.set(O, XS, YS, ZS, 0, -1));
    }
}
