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
 * with the heatmap frame as its self-illumination only (a black diffuse colour: the lights add
 * nothing, so that the colours on screen are the colour map's), shown while View &gt;
 * Heatmap is on; with View &gt; See-through slice its material is translucent
 * ({@link #SEE_THROUGH_ALPHA}) so that the arrays and nodes behind it show (the blend then
 * changes its colours, hence off by default). JavaFX draws a 3-D scene in the order of its nodes
 * with a depth buffer, and a translucent shape blends only with what was drawn before it: see
 * {@link #drawOrder} for where the slice goes. A stale frame (an earlier design's, shown after a
 * design failed) is drawn in grey, so that it does not pass for the design in force: each pixel
 * becomes its luminance Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601): the same pattern, none
 * of the colour map's colours.
 */
final class SliceQuad3D extends Group {
    /** The slice's opacity when it is see-through. */
    static final double SEE_THROUGH_ALPHA = 0.7;

    private final SceneOptions options;

    /**
     * The order to draw the 3-D world in, so that every translucent shape blends with what lies
     * behind it: the opaque shapes first, then the opaque slice and the translucent shapes (the
     * CRB ellipsoids, the Rayleigh hemisphere, the selection halo), or, when the slice is
     * see-through, the translucent shapes and then the slice, which then blends over them. (With
     * the slice drawn last whatever its opacity, a translucent ellipsoid in front of the opaque
     * slice showed the background through it, and the markers behind the slice.)
     *
     * @param opaque the opaque shapes (arrays, axes, node markers)
     * @param slice the slice
     * @param translucent the translucent shapes
     * @param seeThrough whether the slice is see-through
     * @return the children of the world in drawing order
     */
    static java.util.List<javafx.scene.Node> drawOrder(java.util.List<? extends javafx.scene.Node> opaque,
            javafx.scene.Node slice, java.util.List<? extends javafx.scene.Node> translucent, boolean seeThrough) {
        java.util.List<javafx.scene.Node> out = new java.util.ArrayList<>(opaque);
        if (seeThrough) {
            out.addAll(translucent);
            out.add(slice);
        } else {
            out.add(slice);
            out.addAll(translucent);
        }
        return out;
    }

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
        // Self-illumination only: black diffuse (no light adds to it, no specular), so the pixels on
        // screen are the colour map's (with the texture also as diffuse map, lit by the ambient and
        // point lights on top, viridis' teal came out cyan and its yellow clipped to (255, 255, 50)).
        PhongMaterial m = new PhongMaterial(colour());
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
     * @return a copy in grey: each pixel's three channels replaced by its luminance
     *     0.299 R + 0.587 G + 0.114 B, alpha kept
     */
    static int[] greyed(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double y = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            int c = (int) Math.round(y);
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

    /** @return black (the diffuse colour adds nothing), translucent when the slice is see-through */
    private Color colour() {
        return Color.gray(0, options.seeThroughSlice() ? SEE_THROUGH_ALPHA : 1);
    }
}
