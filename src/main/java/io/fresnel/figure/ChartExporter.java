package io.fresnel.figure;

import io.fresnel.io.AtomicFiles;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.util.PublicCloneable;
import org.jfree.data.xy.XYDataset;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;

/**
 * Exports any JFreeChart as a figure file (PNG, SVG or PDF, by the file's extension) with its
 * data as CSV beside it and its provenance in the file's metadata, all through
 * {@link AtomicFiles} (both files or neither). JFreeChart draws itself on any
 * {@link java.awt.Graphics2D} ({@link JFreeChart#draw(java.awt.Graphics2D, Rectangle2D)}), so
 * the SVG and PDF keep the axes, labels and legend as vector text.
 *
 * <p>How a panel exports its chart (the window's File &gt; Export figure... does this for every
 * chart it registers; a new panel, e.g. a tradeoff explorer, only supplies its chart and data):
 * <pre>{@code
 * JFreeChart copy = ChartExporter.snapshot(chart);         // on the FX thread: a deep copy
 * CsvData data = SeriesCsv.of(dataset, "x_unit", "y_unit"); // on the FX thread: copied, SI units
 * FigureMetadata meta = FigureMetadata.now(title, scenario.name(), FigureMetadata.sha256(scenario),
 *         design, status);
 * // on a background thread:
 * List<Path> written = ChartExporter.export(copy, data, Path.of("fig.pdf"), size, true, meta);
 * }</pre>
 * The chart passed in is drawn as it is (its legend shown or hidden as asked): give a copy when
 * the original is on screen, because the window may redraw it meanwhile. The CSV must hold the
 * data in SI units (radians, metres, watts, bit/s/Hz), whatever units the chart shows.
 */
public final class ChartExporter {
    /** The size of a chart when none is chosen: 900 x 600 pixels at 96 DPI (9.4 x 6.3 inches). */
    public static final FigureSize DEFAULT_SIZE = new FigureSize(900, 600, FigureSize.SCREEN_DPI);

    private ChartExporter() {
    }

    /**
     * @param chart the chart
     * @return a drawing of the whole chart into the figure's rectangle
     */
    public static Drawing drawing(JFreeChart chart) {
        return (g, w, h) -> {
            vectorText();
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        };
    }

    /**
     * JFreeChart draws rotated labels (the y axis's) as glyph outlines unless told not to (a
     * workaround for rotated text in JDKs long gone); turned off once, for the whole process, so
     * that they stay text in SVG and PDF. Screen charts (FXGraphics2D) draw rotated strings the
     * same either way.
     */
    private static void vectorText() {
        if (TextUtils.isUseDrawRotatedStringWorkaround()) {
            TextUtils.setUseDrawRotatedStringWorkaround(false);
        }
    }

    /**
     * Writes the chart and its data CSV beside it ({@link FigureFormat#csvBeside}), both or neither.
     *
     * @param chart the chart (its legend's visibility is set as asked)
     * @param data the chart's data in SI units
     * @param out the figure file (.png, .svg or .pdf; anything else is PNG)
     * @param size pixels and DPI
     * @param legend whether to show the legend
     * @param meta the provenance
     * @return the files written: the figure, then the CSV
     * @throws IOException with a one-line message naming the file and the reason; nothing is then written
     */
    public static List<Path> export(JFreeChart chart, CsvData data, Path out, FigureSize size, boolean legend,
            FigureMetadata meta) throws IOException {
        showLegend(chart, legend);
        return FigureFiles.write(out, drawing(chart), size, meta, data);
    }

    /**
     * The same chart in several formats, to add to a batch that writes its own data files (the
     * sweeps write {@code fig<K>.csv}): one entry per format, named {@code base.png},
     * {@code base.svg}, {@code base.pdf}.
     *
     * @param chart the chart
     * @param base the path without extension, e.g. {@code DIR/fig2}
     * @param size pixels and DPI
     * @param meta the provenance
     * @param formats the formats
     * @return the entries, in the order of the formats
     */
    public static List<AtomicFiles.Entry> entries(JFreeChart chart, Path base, FigureSize size, FigureMetadata meta,
            FigureFormat... formats) {
        List<AtomicFiles.Entry> out = new ArrayList<>();
        Drawing d = drawing(chart);
        for (FigureFormat f : formats) {
            out.add(new AtomicFiles.Entry(base.resolveSibling(base.getFileName() + "." + f.extension()),
                    FigureFiles.content(f, d, size, meta)));
        }
        return out;
    }

    /**
     * A copy of a chart that can be drawn on another thread while the original stays on screen:
     * the chart, its plot and every XY dataset are cloned (JFreeChart's own clone shares the
     * datasets).
     *
     * @param chart the chart (read now, on the calling thread)
     * @return the copy
     * @throws IllegalStateException when the chart holds something that cannot be cloned
     */
    public static JFreeChart snapshot(JFreeChart chart) {
        try {
            JFreeChart copy = (JFreeChart) chart.clone();
            if (copy.getPlot() instanceof XYPlot xy) {
                for (int i = 0; i < xy.getDatasetCount(); i++) {
                    XYDataset d = xy.getDataset(i);
                    if (d instanceof PublicCloneable pc) {
                        xy.setDataset(i, (XYDataset) pc.clone());
                    }
                }
            }
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the chart cannot be copied for export: " + e.getMessage(), e);
        }
    }

    private static void showLegend(JFreeChart chart, boolean legend) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle t) {
                t.setVisible(legend);
            }
        }
    }
}
