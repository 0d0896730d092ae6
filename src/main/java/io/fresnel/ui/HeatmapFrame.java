package io.fresnel.ui;

import io.fresnel.render.DisplayScale;
import io.fresnel.render.Field;

/**
 * A computed heatmap frame, ready to paint.
 *
 * @param request what was asked
 * @param field the SI values
 * @param scale how they are shown
 * @param argb the pixels (row 0 at the top), {@code grid.nu() x grid.nv()}
 * @param low the display value of the bottom colour
 * @param high the display value of the top colour
 * @param computedOn the name of the thread that computed it (a diagnostic: never the FX thread)
 */
public record HeatmapFrame(HeatmapRequest request, Field field, DisplayScale scale, int[] argb, double low,
        double high, String computedOn) {
}
