package io.fresnel.figure;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.XYDataset;

/**
 * The CSV of a chart's XY series: the header {@code series,X,Y} (the caller names the columns
 * with their SI units, e.g. {@code angle_rad,beampattern_w}) and one row per point, series in
 * order, numbers with full precision ({@link Double#toString}; an undefined value leaves the
 * field empty). The values are copied when this is built, so the copy may be written on another
 * thread while the dataset changes.
 */
public final class SeriesCsv implements CsvData {
    private final String header;
    private final List<String> rows;

    private SeriesCsv(String header, List<String> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * Copies a dataset whose values are already in SI units.
     *
     * @param data the dataset (read now, on the calling thread)
     * @param xColumn the x column's name with its unit, e.g. {@code iteration}
     * @param yColumn the y column's name with its unit
     * @return the CSV
     */
    public static SeriesCsv of(XYDataset data, String xColumn, String yColumn) {
        List<String> rows = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            String key = quote(String.valueOf(data.getSeriesKey(s)));
            for (int i = 0; i < data.getItemCount(s); i++) {
                rows.add(key + "," + number(data.getXValue(s, i)) + "," + number(data.getYValue(s, i)));
            }
        }
        return new SeriesCsv("series," + xColumn + "," + yColumn, rows);
    }

    /**
     * Builds the CSV from columns of SI values (one series).
     *
     * @param series the series name
     * @param xColumn the x column's name with its unit
     * @param yColumn the y column's name with its unit
     * @param x the x values
     * @param y the y values (same length)
     * @return the CSV
     * @throws IllegalArgumentException when the lengths differ
     */
    public static SeriesCsv of(String series, String xColumn, String yColumn, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y have " + x.length + " and " + y.length + " values");
        }
        List<String> rows = new ArrayList<>();
        String key = quote(series);
        for (int i = 0; i < x.length; i++) {
            rows.add(key + "," + number(x[i]) + "," + number(y[i]));
        }
        return new SeriesCsv("series," + xColumn + "," + yColumn, rows);
    }

    /** @return the number of data rows */
    public int size() {
        return rows.size();
    }

    @Override
    public void write(java.io.Writer out) throws java.io.IOException {
        out.write(header);
        out.write('\n');
        for (String r : rows) {
            out.write(r);
            out.write('\n');
        }
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
