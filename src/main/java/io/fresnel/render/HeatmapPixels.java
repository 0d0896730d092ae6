package io.fresnel.render;

/**
 * Turns a field into image pixels: each SI value is mapped to display units
 * ({@link DisplayScale#toDisplay}), placed on the colour range [lo, hi] (clamped) and coloured.
 * Row 0 of the image is the top, i.e. the largest v; column 0 is the smallest u. Undefined
 * values (NaN) are fully transparent, so that a background (mid grey in figures) shows through.
 */
public final class HeatmapPixels {
    /** The colour of an undefined value: fully transparent. */
    public static final int UNDEFINED = 0x00000000;

    private HeatmapPixels() {
    }

    /**
     * @param f the field; not modified
     * @param scale how its values are shown
     * @param displayLo display value drawn with the low end of the map
     * @param displayHi display value drawn with the high end (> displayLo)
     * @param map the colour map
     * @return nu * nv pixels 0xAARRGGBB, row-major from the top-left corner
     * @throws IllegalArgumentException when the range is not finite and increasing
     */
    public static int[] argb(Field f, DisplayScale scale, double displayLo, double displayHi, Colormap map) {
        if (!Double.isFinite(displayLo) || !Double.isFinite(displayHi) || !(displayLo < displayHi)) {
            throw new IllegalArgumentException("the colour range must be finite and increasing (got " + displayLo
                    + " .. " + displayHi + ")");
        }
        GridSpec g = f.grid();
        int nu = g.nu();
        int nv = g.nv();
        int[] out = new int[nu * nv];
        double width = displayHi - displayLo;
        for (int row = 0; row < nv; row++) {
            int iv = nv - 1 - row;
            for (int iu = 0; iu < nu; iu++) {
                double d = scale.toDisplay(f.value(iv * nu + iu));
                out[row * nu + iu] = Double.isNaN(d) ? UNDEFINED : map.argb((d - displayLo) / width);
            }
        }
        return out;
    }
}
