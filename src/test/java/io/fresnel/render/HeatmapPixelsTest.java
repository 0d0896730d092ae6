package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeatmapPixelsTest {
    @Test
    void rowZeroIsTheLargestVAndNanIsTransparent() {
        // 2 x 2 grid: index iv * nu + iu; values in W
        Field f = new Field(new GridSpec(Plane.Z0, 0, 1, 0, 1, 2, 2), new Layer.Beampattern(),
                new double[] {1e-3, Double.NaN, 1e-5, 0});
        DisplayScale s = DisplayScale.of(new Layer.Beampattern());
        int[] px = HeatmapPixels.argb(f, s, -20, 0, Colormap.GRAYSCALE);
        assertEquals(Colormap.GRAYSCALE.argb(0), px[0]);      // iv = 1, iu = 0: -20 dBm
        assertEquals(Colormap.GRAYSCALE.argb(0), px[1]);      // 0 W: below the range
        assertEquals(Colormap.GRAYSCALE.argb(1), px[2]);      // iv = 0, iu = 0: 0 dBm
        assertEquals(HeatmapPixels.UNDEFINED, px[3]);
        assertThrows(IllegalArgumentException.class, () -> HeatmapPixels.argb(f, s, 1, 1, Colormap.VIRIDIS));
    }
}
