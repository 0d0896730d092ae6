package io.fresnel.ui;

import javafx.scene.Group;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;

/**
 * The slice of the 3-D view: one rectangle of the slice plane (scenario coordinates, m) textured
 * with the heatmap frame, lit by its own colours (self-illumination), shown while View &gt;
 * Heatmap is on; with View &gt; See-through slice its material is translucent
 * ({@link #SEE_THROUGH_ALPHA}) so that the arrays and nodes behind it show (the blend then
 * changes its colours, hence off by default). The group must be the last child of the 3-D world
 * for the blend to cover what is behind it. A stale frame (an earlier design's, shown after a
 * design failed) is drawn faded, {@link #STALE_FADE} of the way to white, so that it does not
 * pass for the design in force.
 */
final class SliceQuad3D extends Group {
    /** The slice's opacity when it is see-through. */
    static final double SEE_THROUGH_ALPHA = 0.7;
    /** How far a stale frame's colours are faded towards white (0: not at all, 1: white). */
    static final double STALE_FADE = 0.6;

    private final SceneOptions options;

    /** @param options the View toggles (heatmap, see-through slice) */
    SliceQuad3D(SceneOptions options) {
        this.options = options;
        options.addListener(this::applyOptions);
    }

    /** @param f the frame to show, or null to show none */
    void show(HeatmapFrame f) {
        show(f, false);
    }

    /**
     * @param f the frame to show, or null to show none
     * @param stale whether it is an earlier design's (drawn faded)
     */
    void show(HeatmapFrame f, boolean stale) {
        getChildren().clear();
        if (f == null) {
            return;
        }
        var grid = f.field().grid();
        int w = grid.nu();
        int h = grid.nv();
        WritableImage img = new WritableImage(w, h);
        int[] argb = stale ? faded(f.argb()) : f.argb();
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        MeshView quad = new MeshView(Meshes3D.planeRectangle(grid.plane(),
                new double[] {grid.u0(), grid.u1(), grid.v0(), grid.v1()}));
        PhongMaterial m = new PhongMaterial(colour());
        m.setDiffuseMap(img);
        m.setSelfIlluminationMap(img);
        quad.setMaterial(m);
        quad.setCullFace(CullFace.NONE);
        quad.setMouseTransparent(true);
        quad.setId("slice3d");
        getChildren().add(quad);
        setVisible(options.heatmap());
    }

    /**
     * @param argb packed ARGB pixels
     * @return a copy with each colour channel c replaced by c + {@link #STALE_FADE} (255 - c), alpha kept
     */
    static int[] faded(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = fade((p >> 16) & 0xff);
            int g = fade((p >> 8) & 0xff);
            int b = fade(p & 0xff);
            out[i] = (p & 0xff000000) | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    private static int fade(int c) {
        return (int) Math.round(c + STALE_FADE * (255 - c));
    }

    /** @return the material of the rectangle shown, or null when none is (for tests) */
    PhongMaterial material() {
        return getChildren().isEmpty() ? null : (PhongMaterial) ((MeshView) getChildren().get(0)).getMaterial();
    }

    private void applyOptions() {
        setVisible(options.heatmap());
        PhongMaterial m = material();
        if (m != null) {
            m.setDiffuseColor(colour());
        }
    }

    /** @return white, translucent when the slice is see-through */
    private Color colour() {
        return Color.gray(1, options.seeThroughSlice() ? SEE_THROUGH_ALPHA : 1);
    }
}
