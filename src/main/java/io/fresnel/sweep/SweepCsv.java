package io.fresnel.sweep;

import io.fresnel.math.Vec3;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The CSV files of a sweep (UTF-8, comma separated, one header line, "\n" line ends). Numbers
 * are written with {@link Double#toString(double)} (full precision, SI units; only Fig. 2's x is
 * in dBm, as its {@code x_name} says; counts of Figs. 3-4 as integers); a quantity that does not
 * exist is an empty field, never 0 or NaN; text fields are quoted when they contain a comma, a
 * quote or a line break (RFC 4180).
 */
public final class SweepCsv {
    /** Header of {@code fig<k>.csv}: one row per (x, scheme). */
    public static final String SUMMARY_HEADER =
            "figure,x_name,x,scheme,draws,counted,mean_bps_hz,std_bps_hz,min_bps_hz,max_bps_hz,mean_seconds";
    /** Header of {@code fig<k>-draws.csv}: one row per solve. */
    public static final String DRAWS_HEADER =
            "figure,x_name,x,draw,scheme,status,counted,min_secrecy_rate_bps_hz,objective,iterations,seconds,message";
    /** Header of {@code fig<k>-nodes.csv}: one row per drawn node. */
    public static final String NODES_HEADER = "draw,kind,index,x_m,y_m,z_m,range_m,angle_rad";

    private SweepCsv() {
    }

    /**
     * Writes the statistics: {@code figure} (paper 000 figure number), {@code x_name},
     * {@code x}, {@code scheme}, {@code draws} (solves run), {@code counted} (solves with a
     * precoder, see {@link SweepResult.Solve#counted()}), {@code mean_bps_hz},
     * {@code std_bps_hz} (sample standard deviation), {@code min_bps_hz}, {@code max_bps_hz}
     * of the counted max-min secrecy rates (bit/s/Hz), {@code mean_seconds} (mean design time
     * of all solves, s).
     *
     * @param r the result (not modified)
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void writeSummary(SweepResult r, OutputStream out) throws IOException {
        SweepFigure f = r.spec().figure();
        Writer w = writer(out);
        w.write(SUMMARY_HEADER + "\n");
        for (SweepResult.Point p : r.points()) {
            w.write(f.number() + "," + f.xName() + "," + x(f, p.x()) + "," + text(p.scheme()) + "," + p.draws() + ","
                    + p.counted() + "," + num(p.meanBpsHz()) + "," + num(p.stdBpsHz()) + "," + num(p.minBpsHz()) + ","
                    + num(p.maxBpsHz()) + "," + num(p.meanSeconds()) + "\n");
        }
        w.flush();
    }

    /**
     * Writes one row per solve: {@code figure}, {@code x_name}, {@code x}, {@code draw} (index
     * from 0), {@code scheme}, {@code status} (the design's status, or {@code rejected} /
     * {@code error}), {@code counted} (true/false), {@code min_secrecy_rate_bps_hz} (the value
     * that enters the mean), {@code objective} (the design's own objective), {@code iterations},
     * {@code seconds} and {@code message}.
     *
     * @param r the result (not modified)
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void writeDraws(SweepResult r, OutputStream out) throws IOException {
        SweepFigure f = r.spec().figure();
        Writer w = writer(out);
        w.write(DRAWS_HEADER + "\n");
        for (SweepResult.Solve s : r.solves()) {
            w.write(f.number() + "," + f.xName() + "," + x(f, s.x()) + "," + s.draw() + "," + text(s.scheme()) + ","
                    + text(s.status()) + "," + s.counted() + "," + num(s.minSecrecyRateBpsHz()) + ","
                    + num(s.objective()) + "," + s.iterations() + "," + num(s.seconds()) + "," + text(s.message())
                    + "\n");
        }
        w.flush();
    }

    /**
     * Writes the drawn geometry: {@code draw}, {@code kind} ({@code target} or {@code user}),
     * {@code index} (1-based position in the scenario's target or user list), the position
     * {@code x_m, y_m, z_m} (m) and its polar coordinates about the base's reference point o,
     * {@code range_m} (m) and {@code angle_rad} (rad, from +x towards +y; SCENARIO.md section 1).
     *
     * @param r the result (not modified)
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void writeNodes(SweepResult r, OutputStream out) throws IOException {
        Vec3 o = r.spec().base().referencePoint();
        Writer w = writer(out);
        w.write(NODES_HEADER + "\n");
        for (Draw d : r.draws()) {
            for (int i = 0; i < d.targetPositionsM().size(); i++) {
                w.write(node(d.index(), "target", i + 1, d.targetPositionsM().get(i), o));
            }
            for (int i = 0; i < d.userPositionsM().size(); i++) {
                w.write(node(d.index(), "user", i + 1, d.userPositionsM().get(i), o));
            }
        }
        w.flush();
    }

    private static String node(int draw, String kind, int index, Vec3 p, Vec3 o) {
        Vec3 d = p.minus(o);
        return draw + "," + kind + "," + index + "," + p.x() + "," + p.y() + "," + p.z() + "," + d.norm() + ","
                + Math.atan2(d.y(), d.x()) + "\n";
    }

    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /**
     * @param f the figure
     * @param x an x value
     * @return x as written: an integer for the counts of Figs. 3-4, else {@link Double#toString}
     */
    static String x(SweepFigure f, double x) {
        return f.integerX() ? Long.toString((long) x) : Double.toString(x);
    }

    private static String num(Double v) {
        return v == null ? "" : Double.toString(v);
    }

    /**
     * @param s a text field, or null
     * @return the field as written: empty for null, quoted when it contains a comma, a quote or
     *     a line break
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
