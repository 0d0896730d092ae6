package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.render.Field;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Layer;
import io.fresnel.render.Plane;
import org.junit.jupiter.api.Test;

/** The heatmap value the status line shows under the pointer. */
class HeatmapSamplingTest {

    @Test
    void theNearestGridPointIsReadAndOutsideTheGridIsNaN() {
        GridSpec g = new GridSpec(Plane.Z0, 0, 4, -1, 1, 5, 3);
        double[] v = new double[15];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Field f = new Field(g, new Layer.Beampattern(), v);
        assertEquals(g.index(2, 1), HeatmapSampling.valueAt(f, 2.0, 0.0));
        assertEquals(g.index(3, 2), HeatmapSampling.valueAt(f, 3.2, 0.9));
        assertEquals(g.index(0, 0), HeatmapSampling.valueAt(f, -0.4, -1.4));
        assertTrue(Double.isNaN(HeatmapSampling.valueAt(f, 4.6, 0)));
        assertTrue(Double.isNaN(HeatmapSampling.valueAt(f, 1, -1.6)));
    }
}
