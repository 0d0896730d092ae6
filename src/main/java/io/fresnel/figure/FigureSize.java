package io.fresnel.figure;

import java.util.Locale;

/**
 * The size of an exported figure: the pixels a PNG has and the density it is meant for. The
 * physical size is {@code widthPx / dpi} by {@code heightPx / dpi} inches in every format (the
 * PDF page, the SVG's width and height, the PNG's pHYs chunk), and the drawing is laid out in
 * {@code widthPx * 96 / dpi} by {@code heightPx * 96 / dpi} layout units (1/96 inch), so text of
 * 12 units is 9 pt at any DPI: a higher DPI gives a sharper PNG of the same figure, not a
 * different layout.
 *
 * <p>Limits (an absurd request is refused with a message naming the value): DPI in
 * [{@value #MIN_DPI}, {@value #MAX_DPI}]; each side at most {@value #MAX_SIDE_PX} pixels and
 * together at most {@value #MAX_PIXELS} pixels (a 240 MB image in memory); the layout at least
 * {@value #MIN_LAYOUT} units on each side (smaller figures cannot hold their axes and labels).
 *
 * @param widthPx width in pixels
 * @param heightPx height in pixels
 * @param dpi pixels per inch
 */
public record FigureSize(int widthPx, int heightPx, int dpi) {
    /** The density of the layout units: one unit is one pixel at this DPI. */
    public static final int SCREEN_DPI = 96;
    /** Smallest DPI accepted. */
    public static final int MIN_DPI = 36;
    /** Largest DPI accepted. */
    public static final int MAX_DPI = 2400;
    /** Largest side in pixels. */
    public static final int MAX_SIDE_PX = 20000;
    /** Largest number of pixels. */
    public static final long MAX_PIXELS = 60_000_000L;
    /** Smallest side of the layout (units of 1/96 inch). */
    public static final int MIN_LAYOUT = 200;

    /**
     * @throws IllegalArgumentException naming the DPI or the size when it is outside the limits
     */
    public FigureSize {
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("DPI " + dpi + " is outside " + MIN_DPI + ".." + MAX_DPI);
        }
        if (widthPx < 1 || heightPx < 1 || widthPx > MAX_SIDE_PX || heightPx > MAX_SIDE_PX) {
            throw new IllegalArgumentException("size " + widthPx + "x" + heightPx + " pixels: each side must be 1.."
                    + MAX_SIDE_PX);
        }
        if ((long) widthPx * heightPx > MAX_PIXELS) {
            throw new IllegalArgumentException("size " + widthPx + "x" + heightPx + " pixels is more than "
                    + MAX_PIXELS / 1_000_000 + " million pixels");
        }
        double w = widthPx * (double) SCREEN_DPI / dpi;
        double h = heightPx * (double) SCREEN_DPI / dpi;
        if (w < MIN_LAYOUT - 1e-9 || h < MIN_LAYOUT - 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "size %dx%d pixels at %d DPI is %.2f x %.2f"
                    + " inches, too small for axes and labels (at least %.2f inches a side)", widthPx, heightPx, dpi,
                    widthPx / (double) dpi, heightPx / (double) dpi, MIN_LAYOUT / (double) SCREEN_DPI));
        }
    }

    /**
     * The size of a layout at a DPI.
     *
     * @param width layout width (units of 1/96 inch)
     * @param height layout height
     * @param dpi pixels per inch
     * @return the size whose PNG has round(width * dpi / 96) x round(height * dpi / 96) pixels
     * @throws IllegalArgumentException when the result is outside the limits
     */
    public static FigureSize ofLayout(double width, double height, int dpi) {
        if (!(width > 0 && height > 0 && width < 1e7 && height < 1e7)) {
            throw new IllegalArgumentException("layout " + width + " x " + height + " is not a size");
        }
        return new FigureSize((int) Math.round(width * dpi / SCREEN_DPI), (int) Math.round(height * dpi / SCREEN_DPI),
                dpi);
    }

    /**
     * Parses {@code WxH} (pixels).
     *
     * @param text e.g. {@code 2400x1800}
     * @param dpi pixels per inch
     * @return the size
     * @throws IllegalArgumentException when the text is not two whole numbers or the size is outside the limits
     */
    public static FigureSize parse(String text, int dpi) {
        String[] p = text.toLowerCase(Locale.ROOT).split("x", -1);
        if (p.length != 2) {
            throw new IllegalArgumentException("\"" + text + "\" is not of the form WxH in pixels (e.g. 2400x1800)");
        }
        try {
            return new FigureSize(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()), dpi);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\": width and height must be whole numbers of pixels", e);
        }
    }

    /** @return the layout width (units of 1/96 inch) */
    public double width() {
        return widthPx * (double) SCREEN_DPI / dpi;
    }

    /** @return the layout height (units of 1/96 inch) */
    public double height() {
        return heightPx * (double) SCREEN_DPI / dpi;
    }

    /** @return pixels per layout unit: dpi / 96 */
    public double scale() {
        return dpi / (double) SCREEN_DPI;
    }

    /** @return the physical width in PDF points (1/72 inch) */
    public double widthPt() {
        return widthPx * 72.0 / dpi;
    }

    /** @return the physical height in PDF points (1/72 inch) */
    public double heightPt() {
        return heightPx * 72.0 / dpi;
    }

    @Override
    public String toString() {
        return widthPx + "x" + heightPx + " px at " + dpi + " DPI";
    }
}
