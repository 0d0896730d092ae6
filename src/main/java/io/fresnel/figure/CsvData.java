package io.fresnel.figure;

import java.io.IOException;
import java.io.Writer;

/**
 * The data of a figure as CSV text in SI units (a header line, then one row per point), written
 * beside the figure by {@link FigureFiles} and {@link ChartExporter}. Called on the exporting
 * thread, once per export: it must read a snapshot of the data, not a dataset the window is
 * changing.
 */
@FunctionalInterface
public interface CsvData {
    /**
     * @param out where to write the CSV text (flushed and closed by the caller)
     * @throws IOException when writing fails
     */
    void write(Writer out) throws IOException;
}
