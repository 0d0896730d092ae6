package io.fresnel.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV files of a {@link CurveFigure}, in the conventions of {@link SweepCsv} (UTF-8, one
 * header line, full-precision SI numbers, an empty field for a value that does not exist, RFC 4180
 * quoting of text).
 */
public final class CurveCsv {
    private CurveCsv() {
    }

    /**
     * @param f the figure
     * @return the header of {@code fig<K>.csv}: {@code figure,x_name,x,series,draws,counted}, then
     *     {@code mean_<column>,std_<column>} per column, then {@code mean_seconds}
     */
    public static String summaryHeader(CurveFigure f) {
        StringBuilder b = new StringBuilder("figure,x_name,x,series,draws,counted");
        for (CurveFigure.Column c : f.columns()) {
            b.append(",mean_").append(c.key()).append(",std_").append(c.key());
        }
        return b.append(",mean_seconds").toString();
    }

    /**
     * @param f the figure
     * @return the header of {@code fig<K>-runs.csv}:
     *     {@code figure,x_name,x,series,draw,scene_seed,status,counted,iterations,seconds}, the
     *     columns, then {@code message}
     */
    public static String runsHeader(CurveFigure f) {
        StringBuilder b = new StringBuilder("figure,x_name,x,series,draw,scene_seed,status,counted,iterations,seconds");
        for (CurveFigure.Column c : f.columns()) {
            b.append(',').append(c.key());
        }
        return b.append(",message").toString();
    }

    /**
     * Writes one row per (x, series).
     *
     * @param f the figure
     * @param points the points
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void writeSummary(CurveFigure f, List<CurvePoint> points, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(summaryHeader(f) + "\n");
        for (CurvePoint p : points) {
            StringBuilder b = new StringBuilder();
            b.append(f.number()).append(',').append(f.xName()).append(',').append(SpebCsv.number(p.x())).append(',')
                    .append(SweepCsv.text(p.series())).append(',').append(p.draws()).append(',').append(p.counted());
            for (int c = 0; c < f.columns().size(); c++) {
                b.append(',').append(num(p.mean(c))).append(',').append(num(p.std(c)));
            }
            b.append(',').append(p.meanSeconds()).append('\n');
            w.write(b.toString());
        }
        w.flush();
    }

    /**
     * Writes one audit row per run.
     *
     * @param f the figure
     * @param runs the runs
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void writeRuns(CurveFigure f, List<CurveRun> runs, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(runsHeader(f) + "\n");
        for (CurveRun r : runs) {
            StringBuilder b = new StringBuilder();
            b.append(f.number()).append(',').append(f.xName()).append(',').append(SpebCsv.number(r.x())).append(',')
                    .append(SweepCsv.text(r.series())).append(',').append(r.draw()).append(',').append(r.sceneSeed())
                    .append(',').append(SweepCsv.text(r.status())).append(',').append(r.counted()).append(',')
                    .append(r.iterations()).append(',').append(r.seconds());
            for (int c = 0; c < f.columns().size(); c++) {
                b.append(',').append(num(r.value(c)));
            }
            b.append(',').append(SweepCsv.text(r.message())).append('\n');
            w.write(b.toString());
        }
        w.flush();
    }

    private static String num(Double v) {
        return v == null ? "" : Double.toString(v);
    }
}
