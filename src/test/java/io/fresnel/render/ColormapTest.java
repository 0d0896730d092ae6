package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColormapTest {

    /** Relative luminance of an sRGB colour (IEC 61966-2-1 linearisation, Rec. 709 weights). */
    private static double luminance(int argb) {
        double r = lin((argb >> 16) & 0xFF);
        double g = lin((argb >> 8) & 0xFF);
        double b = lin(argb & 0xFF);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double lin(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void endpointsAreThePublishedColours() {
        assertEquals(0xFF440154, Colormap.VIRIDIS.argb(0));
        assertEquals(0xFFFDE725, Colormap.VIRIDIS.argb(1));
        assertEquals(0xFF000004, Colormap.MAGMA.argb(0));
        assertEquals(0xFFFCFDBF, Colormap.MAGMA.argb(1));
        assertEquals(0xFF00224E, Colormap.CIVIDIS.argb(0));
        assertEquals(0xFF000000, Colormap.GRAYSCALE.argb(0));
        assertEquals(0xFFFFFFFF, Colormap.GRAYSCALE.argb(1));
    }

    @Test
    void luminanceRisesMonotonicallyForEveryMap() {
        for (Colormap m : Colormap.values()) {
            double previous = -1;
            for (int i = 0; i <= 1000; i++) {
                double l = luminance(m.argb(i / 1000.0));
                assertTrue(l >= previous - 2e-3, m + " at " + i / 1000.0 + ": " + l + " < " + previous);
                previous = Math.max(previous, l);
            }
            assertTrue(luminance(m.argb(1)) > luminance(m.argb(0)) + 0.5, m.toString());
        }
    }

    @Test
    void positionsOutsideTheScaleAreClampedAndNanIsRefused() {
        assertEquals(Colormap.MAGMA.argb(0), Colormap.MAGMA.argb(-3));
        assertEquals(Colormap.MAGMA.argb(1), Colormap.MAGMA.argb(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Colormap.VIRIDIS.argb(Double.NaN));
    }

    @Test
    void namesReadBack() {
        for (Colormap m : Colormap.values()) {
            assertEquals(m, Colormap.fromKey(m.key().toUpperCase(java.util.Locale.ROOT)));
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Colormap.fromKey("jet")).getMessage()
                .contains("viridis"));
    }
}
