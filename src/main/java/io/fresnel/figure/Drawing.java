package io.fresnel.figure;

import java.awt.Graphics2D;

/**
 * Something that draws itself into a rectangle of a {@link Graphics2D}: a heatmap figure, a chart.
 * Sizes are in layout units of 1/96 inch (one unit is one pixel at {@link FigureSize#SCREEN_DPI});
 * the writers scale the graphics so that the same drawing comes out at any DPI and in vector
 * formats.
 */
@FunctionalInterface
public interface Drawing {
    /**
     * Draws the whole figure into the rectangle (0, 0, width, height).
     *
     * @param g the graphics (its transform already scaled to layout units); modified
     * @param width width of the figure (layout units, > 0)
     * @param height height of the figure (layout units, > 0)
     */
    void draw(Graphics2D g, double width, double height);
}
