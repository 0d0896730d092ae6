package io.fresnel.sweep;

import java.util.List;
import java.util.Objects;

/**
 * What a curve figure of a paper plots (papers 001 and 004; {@link CurveSweep} runs it): the x
 * quantity, the values every run records (SI units, each a CSV column) and the charts, each one
 * value against x with one line per series.
 *
 * @param paper the paper's three-digit number, e.g. {@code "004"}
 * @param number the figure number in the paper
 * @param title the chart title after "Paper P Fig. K: "
 * @param xName the CSV {@code x_name}: quantity and unit, e.g. {@code pcrb_max_rad2}
 * @param xLabel the x-axis label with its unit
 * @param logX whether the x axis is logarithmic
 * @param columns the recorded values, in CSV order
 * @param panels the charts, in output order (the first is {@code fig<K>.png})
 */
public record CurveFigure(String paper, int number, String title, String xName, String xLabel, boolean logX,
        List<Column> columns, List<Panel> panels) {

    /**
     * One recorded value.
     *
     * @param key the CSV name with its unit, e.g. {@code crb_position_sum_m2}
     * @param label what it is, with its unit, for axis labels
     */
    public record Column(String key, String label) {
        /** Checks the fields. */
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One chart: the mean of a column over the counted draws against x.
     *
     * @param suffix the file name after {@code fig<K>} ("" for {@code fig<K>.png}, else e.g.
     *     {@code -sinr})
     * @param column the plotted column's key
     * @param logY whether the y axis is logarithmic
     */
    public record Panel(String suffix, String column, boolean logY) {
    }

    /** Validates and copies; every panel must plot a column of the figure. */
    public CurveFigure {
        columns = List.copyOf(columns);
        panels = List.copyOf(panels);
        for (Panel p : panels) {
            indexOf(columns, p.column());
        }
    }

    /**
     * @param key a column key
     * @return its index in {@link #columns()}
     * @throws IllegalArgumentException when the figure has no such column
     */
    public int column(String key) {
        return indexOf(columns, key);
    }

    /** @return the prefix of every file name, {@code fig<K>} */
    public String stem() {
        return "fig" + number;
    }

    private static int indexOf(List<Column> columns, String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }
}
