package io.fresnel.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** What the scene draws: the heatmap, grids and overlays (each a toggle of the View menu). */
public final class SceneOptions {
    private final BooleanProperty heatmap = new SimpleBooleanProperty(this, "heatmap", true);
    private final BooleanProperty metricGrid = new SimpleBooleanProperty(this, "metricGrid", true);
    private final BooleanProperty polarGrid = new SimpleBooleanProperty(this, "polarGrid", false);
    private final BooleanProperty rayleigh = new SimpleBooleanProperty(this, "rayleigh", true);
    private final BooleanProperty crbEllipses = new SimpleBooleanProperty(this, "crbEllipses", true);
    private final BooleanProperty priorAngles = new SimpleBooleanProperty(this, "priorAngles", true);
    /** Off by default: blending changes the slice's colours, which then no longer match the colour bar. */
    private final BooleanProperty seeThroughSlice = new SimpleBooleanProperty(this, "seeThroughSlice", false);

    /** @param listener called when any option changes */
    public void addListener(Runnable listener) {
        for (BooleanProperty p : all()) {
            p.addListener((o, a, b) -> listener.run());
        }
    }

    /** @return every toggle, in menu order */
    public BooleanProperty[] all() {
        return new BooleanProperty[] {heatmap, metricGrid, polarGrid, rayleigh, crbEllipses, priorAngles,
            seeThroughSlice};
    }

    /** @return the menu label of a toggle of {@link #all()} */
    public static String label(BooleanProperty p) {
        return switch (p.getName()) {
            case "heatmap" -> "Heatmap";
            case "metricGrid" -> "Metric grid";
            case "polarGrid" -> "Polar grid";
            case "rayleigh" -> "Rayleigh distance";
            case "crbEllipses" -> "CRB error ellipses (1 and 2 sigma)";
            case "priorAngles" -> "Prior candidate angles";
            case "seeThroughSlice" -> "See-through slice (3-D view)";
            default -> p.getName();
        };
    }

    /** @return whether the heatmap is drawn */
    public boolean heatmap() {
        return heatmap.get();
    }

    /** @return whether the metric grid is drawn */
    public boolean metricGrid() {
        return metricGrid.get();
    }

    /** @return whether the polar grid is drawn */
    public boolean polarGrid() {
        return polarGrid.get();
    }

    /** @return whether the Rayleigh-distance circle is drawn */
    public boolean rayleigh() {
        return rayleigh.get();
    }

    /** @return whether CRB ellipses are drawn */
    public boolean crbEllipses() {
        return crbEllipses.get();
    }

    /** @return whether prior candidate angles are drawn */
    public boolean priorAngles() {
        return priorAngles.get();
    }

    /**
     * @return whether the 3-D view draws the slice translucent (alpha {@link SliceQuad3D#SEE_THROUGH_ALPHA}),
     *     so that the arrays and nodes behind it show
     */
    public boolean seeThroughSlice() {
        return seeThroughSlice.get();
    }
}
