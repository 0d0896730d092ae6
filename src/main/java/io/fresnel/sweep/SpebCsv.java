package io.fresnel.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** The CSV files of a paper-003 figure (SI units; empty fields where a value does not exist). */
public final class SpebCsv {
    /** Header of {@code fig<K>.csv}. */
    public static final String SUMMARY_HEADER = "figure,x_name,x,series,design,rf_chains,role,runs,counted,peb_m,"
            + "rmse_m,sum_rate_bps_hz,objective,mean_seconds";
    /** Header of {@code fig<K>-runs.csv}. */
    public static final String RUNS_HEADER = "figure,x_name,x,series,design,rf_chains,role,draw,scene_seed,status,"
            + "counted,iterations,seconds,speb_m2,peb_m,rmse_m,bias_m,sum_rate_bps_hz,min_user_rate_bps_hz,power_w,"
            + "objective_trace,message";

    private SpebCsv() {
    }

    /**
     * @param f the figure
     * @param points its points
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void writeSummary(SpebFigure f, List<SpebPoint> points, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(SUMMARY_HEADER + "\n");
        for (SpebPoint p : points) {
            w.write(String.join(",", Integer.toString(f.number()), f.x().key(), number(p.x()), series(p.series()),
                    Integer.toString(p.draws()), Integer.toString(p.counted()), num(p.pebM()), num(p.rmseM()),
                    num(p.sumRateBpsHz()), num(p.objective()), Double.toString(p.meanSeconds())) + "\n");
        }
        w.flush();
    }

    /**
     * @param f the figure
     * @param runs every run
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void writeRuns(SpebFigure f, List<SpebRun> runs, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(RUNS_HEADER + "\n");
        for (SpebRun r : runs) {
            String trace = r.objectives().stream().map(d -> Double.toString(d)).collect(Collectors.joining(";"));
            w.write(String.join(",", Integer.toString(f.number()), f.x().key(), number(r.x()), series(r.series()),
                    Integer.toString(r.draw()), Long.toString(r.sceneSeed()), r.status(), Boolean.toString(r.counted()),
                    Integer.toString(r.iterations()), Double.toString(r.seconds()), num(r.spebM2()),
                    num(r.spebM2() == null ? null : Math.sqrt(r.spebM2())),
                    num(r.msePooledM2() == null ? null : Math.sqrt(r.msePooledM2())), num(r.biasM()),
                    num(r.sumRateBpsHz()), num(r.minUserRateBpsHz()), num(r.powerW()), trace,
                    SweepCsv.text(r.message())) + "\n");
        }
        w.flush();
    }

    private static String series(SpebSeries s) {
        return SweepCsv.text(s.label()) + "," + s.design() + "," + s.rfChains() + "," + s.role().key();
    }

    /**
     * @param x an x value
     * @return it as written: an integer when it is one, else {@link Double#toString}
     */
    static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static String num(Double v) {
        return v == null ? "" : Double.toString(v);
    }
}
