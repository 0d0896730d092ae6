package io.fresnel.ui;

import io.fresnel.model.Scenario;
import io.fresnel.render.Colormap;
import io.fresnel.render.GridSpec;
import io.fresnel.render.Layer;

/**
 * One heatmap frame to compute off the FX thread.
 *
 * @param scenario the scenario with the precoder in force
 * @param layer what to map
 * @param grid the sample points
 * @param colormap colours
 * @param dynamicRangeDb shown range below the maximum for dB-valued layers (dB)
 * @param fine whether this is the full-resolution frame (else the coarse frame shown while dragging)
 */
public record HeatmapRequest(Scenario scenario, Layer layer, GridSpec grid, Colormap colormap, double dynamicRangeDb,
        boolean fine) {
}
