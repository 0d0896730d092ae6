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
 * design failed) is drawn in grey, so that it does not pass for the design in force: each pixel
 * becomes its luminance Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601) times {@link #STALE_GREY}.
 * (A fade towards white was tried first: the slice is lit by its own colours on top of the
 * ambient and point lights, which brightens every colour by a factor of about 1.6, and a faded
 * texture came out white.)
 */
final class SliceQuad3D extends Group {
    /** The slice's opacity when it is see-through. */
    static final double SEE_THROUGH_ALPHA = 0.7;
    /** The factor on a stale frame's grey levels (the lighting brightens them again). */
    static final double STALE_GREY = 0.75;

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
     * @param stale whether it is an earlier design's (drawn in grey)
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
        int[] argb = stale ? greyed(f.argb()) : f.argb();
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
     * @return a copy in grey: each pixel's three channels replaced by {@link #STALE_GREY} times its
     *     luminance 0.299 R + 0.587 G + 0.114 B, alpha kept
     */
    static int[] greyed(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double y = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            int c = (int) Math.round(STALE_GREY * y);
            out[i] = (p & 0xff000000) | (c << 16) | (c << 8) | c;
        }
        return out;
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
