package io.fresnel.ui;

import io.fresnel.render.DisplayScale;
import io.fresnel.render.Field;
import io.fresnel.render.FieldComputer;
import io.fresnel.render.HeatmapPixels;
import java.util.function.BooleanSupplier;

/**
 * Computes a heatmap frame (field, display range and pixels) on the render worker; no FX.
 */
public final class HeatmapFrames {
    private HeatmapFrames() {
    }

    /**
     * @param request what to compute
     * @param cancelled polled once per grid row
     * @return the frame
     * @throws Exception when the layer does not apply or the work was cancelled
     */
    public static HeatmapFrame compute(HeatmapRequest request, BooleanSupplier cancelled) throws Exception {
        Field field = FieldComputer.compute(request.scenario(), request.layer(), request.grid(), cancelled);
        DisplayScale scale = DisplayScale.of(request.layer());
        double[] range = scale.isDecibel() ? scale.rangeBelowMax(field, request.dynamicRangeDb())
                : scale.defaultRange(field);
        int[] argb = HeatmapPixels.argb(field, scale, range[0], range[1], request.colormap());
        return new HeatmapFrame(request, field, scale, argb, range[0], range[1], Thread.currentThread().getName());
    }
}
