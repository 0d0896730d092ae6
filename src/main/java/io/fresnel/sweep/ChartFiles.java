package io.fresnel.sweep;

import io.fresnel.figure.ChartExporter;
import io.fresnel.figure.FigureFormat;
import io.fresnel.figure.FigureMetadata;
import io.fresnel.figure.FigureSize;
import io.fresnel.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The chart files of a sweep figure: {@code DIR/fig<K>.png}, {@code .svg} and {@code .pdf}, the
 * same chart in three formats ({@link ChartExporter}), each with the provenance in its metadata;
 * the figure's data is the sweep's own {@code fig<K>.csv} beside them. A sweep adds these entries
 * to the batch that writes its CSV files, so all are written or none.
 */
public final class ChartFiles {
    /** Size of a sweep chart: {@value SweepChart#WIDTH} x {@value SweepChart#HEIGHT} pixels at 96 DPI. */
    public static final FigureSize SIZE = new FigureSize(SweepChart.WIDTH, SweepChart.HEIGHT, FigureSize.SCREEN_DPI);

    private ChartFiles() {
    }

    /**
     * @param chart the figure's chart (drawn three times, one after the other, when the batch is written)
     * @param dir the output folder
     * @param stem the file name without extension, e.g. {@code fig2}
     * @param meta the provenance
     * @return the PNG, SVG and PDF entries
     */
    public static List<AtomicFiles.Entry> entries(JFreeChart chart, Path dir, String stem, FigureMetadata meta) {
        return ChartExporter.entries(chart, dir.resolve(stem), SIZE, meta, FigureFormat.PNG, FigureFormat.SVG,
                FigureFormat.PDF);
    }

    /**
     * @param dir the output folder
     * @param stem the file name without extension
     * @return the three files {@link #entries} writes, in that order
     */
    public static List<Path> files(Path dir, String stem) {
        return List.of(dir.resolve(stem + ".png"), dir.resolve(stem + ".svg"), dir.resolve(stem + ".pdf"));
    }
}
