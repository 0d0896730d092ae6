package io.fresnel.ui;

/**
 * The mapping between the scene's x-y plane (m) and the canvas (px): screen x grows with world
 * x, screen y grows downwards while world y grows upwards. Mutable; owned by one view.
 */
public final class Viewport {
    /** Smallest and largest zoom (px per m): from kilometres down to a fraction of a millimetre. */
    public static final double MIN_SCALE = 0.05;
    /** Largest zoom (px per m). */
    public static final double MAX_SCALE = 1e6;

    private double centreX;
    private double centreY;
    private double scale = 40;
    private double width = 800;
    private double height = 600;

    /** @param widthPx canvas width (px) @param heightPx canvas height (px) */
    public void resize(double widthPx, double heightPx) {
        width = Math.max(1, widthPx);
        height = Math.max(1, heightPx);
    }

    /** @return screen x (px) of world x (m) */
    public double screenX(double x) {
        return width / 2 + (x - centreX) * scale;
    }

    /** @return screen y (px) of world y (m) */
    public double screenY(double y) {
        return height / 2 - (y - centreY) * scale;
    }

    /** @return world x (m) of screen x (px) */
    public double worldX(double sx) {
        return centreX + (sx - width / 2) / scale;
    }

    /** @return world y (m) of screen y (px) */
    public double worldY(double sy) {
        return centreY - (sy - height / 2) / scale;
    }

    /** @return the zoom (px per m) */
    public double scale() {
        return scale;
    }

    /** @return canvas width (px) */
    public double width() {
        return width;
    }

    /** @return canvas height (px) */
    public double height() {
        return height;
    }

    /**
     * Moves the view by a screen displacement (the world follows the pointer).
     *
     * @param dxPx pointer displacement (px)
     * @param dyPx pointer displacement (px)
     */
    public void pan(double dxPx, double dyPx) {
        centreX -= dxPx / scale;
        centreY += dyPx / scale;
    }

    /**
     * Zooms about a screen point, which keeps its world position.
     *
     * @param factor zoom factor (> 1 zooms in)
     * @param sx screen x of the fixed point (px)
     * @param sy screen y of the fixed point (px)
     */
    public void zoomAt(double factor, double sx, double sy) {
        double wx = worldX(sx);
        double wy = worldY(sy);
        scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor));
        centreX = wx - (sx - width / 2) / scale;
        centreY = wy + (sy - height / 2) / scale;
    }

    /**
     * Shows a world rectangle as large as possible, centred.
     *
     * @param x0 left (m)
     * @param x1 right (m)
     * @param y0 bottom (m)
     * @param y1 top (m)
     */
    public void fit(double x0, double x1, double y0, double y1) {
        centreX = (x0 + x1) / 2;
        centreY = (y0 + y1) / 2;
        double sx = width / Math.max(1e-9, x1 - x0);
        double sy = height / Math.max(1e-9, y1 - y0);
        scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min(sx, sy)));
    }

    /** @return the visible world rectangle {x0, x1, y0, y1} (m) */
    public double[] visible() {
        return new double[] {worldX(0), worldX(width), worldY(height), worldY(0)};
    }
}
