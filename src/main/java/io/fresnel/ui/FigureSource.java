package io.fresnel.ui;

import io.fresnel.figure.ChartExporter;
import io.fresnel.figure.ChartStyle;
import io.fresnel.figure.CsvData;
import io.fresnel.figure.Drawing;
import io.fresnel.figure.FigureMetadata;
import io.fresnel.figure.FigureSize;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A figure the window can export (File &gt; Export figure...): the heatmap of the 2-D view or a
 * chart of a panel. {@link #snapshot} runs on the FX thread and copies what it needs (a chart's
 * datasets, a frame's field), so the export itself can draw and write on a background thread.
 *
 * <p>A panel that shows a JFreeChart makes it exportable with {@link #chart}: its chart and a
 * supplier of the chart's data as CSV in SI units (also called on the FX thread; build it from
 * the panel's own SI values, e.g. with {@link io.fresnel.figure.SeriesCsv}), then registers it
 * with {@link FigureExportDialog#register}.
 */
public interface FigureSource {
    /** @return the name in the dialog, e.g. "Beam cut vs angle" */
    String name();

    /**
     * Copies the figure now (FX thread). The copy is cheap; drawing it, hashing the scenario for
     * the provenance and computing pixels happen later on the export thread.
     *
     * @param legend whether the legend is drawn
     * @return what to draw and write
     * @throws IllegalStateException with a one-line reason when there is nothing to export (no heatmap yet, ...)
     */
    Snapshot snapshot(boolean legend);

    /**
     * A figure ready to be finished and written on any thread.
     *
     * @param title what the figure shows (the provenance's title)
     * @param drawing makes the figure from its provenance (called on the export thread)
     * @param data its data (CSV, SI units)
     * @param defaultSize the size offered in the dialog at 96 DPI
     * @param designs the designs the figure shows, for its provenance, when they are not the
     *     window's design in force (a comparison's A and B); null for the window's
     * @param sameAs how to compute the same data from the command line (the arguments of
     *     {@code render} after the scenario file), or a sentence saying why it cannot be; null
     *     when there is nothing to say
     */
    record Snapshot(String title, Function<FigureMetadata, Drawing> drawing, CsvData data, FigureSize defaultSize,
            String designs, String sameAs) {
        /**
         * @param title what the figure shows
         * @param drawing makes the figure from its provenance
         * @param data its data
         * @param defaultSize the size offered in the dialog
         * @param designs the designs the figure shows, or null for the window's
         */
        public Snapshot(String title, Function<FigureMetadata, Drawing> drawing, CsvData data, FigureSize defaultSize,
                String designs) {
            this(title, drawing, data, defaultSize, designs, null);
        }

        /**
         * A figure of the window's design in force.
         *
         * @param title what the figure shows
         * @param drawing makes the figure from its provenance
         * @param data its data
         * @param defaultSize the size offered in the dialog
         */
        public Snapshot(String title, Function<FigureMetadata, Drawing> drawing, CsvData data, FigureSize defaultSize) {
            this(title, drawing, data, defaultSize, null);
        }
    }

    /**
     * A chart as a figure source: the snapshot is a deep copy ({@link ChartExporter#snapshot})
     * with the provenance line as a footer and the legend shown or hidden.
     *
     * @param name the name in the dialog
     * @param chart the chart on screen
     * @param data the chart's data as CSV in SI units, or null when it has none to export (then
     *     the snapshot fails with the reason {@code empty})
     * @param empty the reason given when there is no data
     * @return the source
     */
    static FigureSource chart(String name, JFreeChart chart, Supplier<CsvData> data, String empty) {
        return new FigureSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Snapshot snapshot(boolean legend) {
                CsvData csv = data.get();
                if (csv == null) {
                    throw new IllegalStateException(empty);
                }
                JFreeChart copy = ChartExporter.snapshot(chart);
                String title = copy.getTitle() != null ? copy.getTitle().getText() : name;
                return new Snapshot(title, meta -> {
                    TextTitle footer = new TextTitle(meta.line(), ChartStyle.TICK);
                    footer.setPosition(RectangleEdge.BOTTOM);
                    footer.setPaint(java.awt.Color.GRAY);
                    LegendTitle key = copy.getLegend();
                    if (key != null) {
                        copy.removeLegend(); // re-added after the footer, so that it sits between the plot and the footer
                    }
                    copy.addSubtitle(footer);
                    if (key != null) {
                        key.setVisible(legend);
                        copy.addSubtitle(key);
                    }
                    return ChartExporter.drawing(copy);
                }, csv, ChartExporter.DEFAULT_SIZE);
            }
        };
    }
}
