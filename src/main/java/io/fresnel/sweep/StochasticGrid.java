package io.fresnel.sweep;

import io.fresnel.stochastic.ExactAnalysis;
import io.fresnel.stochastic.MonteCarloAnalysis;
import io.fresnel.stochastic.Output;
import io.fresnel.stochastic.Outputs;
import io.fresnel.stochastic.StochasticQuery;
import io.fresnel.stochastic.StochasticQuery.PowerSplit;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Paper 002's outputs over a grid of power splits, for Figs. 2-4: SSJB over (tau, alpha) in
 * axis x axis; SLB over the simplex slice (tau1, tau2) in axis x axis with tau1 + tau2 &lt;= 1 and
 * the rest split evenly between the target beam and the derivative beam (tau3 = tau4 =
 * (1 - tau1 - tau2)/2). Each point is evaluated exactly ({@link ExactAnalysis}) or by seeded Monte
 * Carlo ({@link MonteCarloAnalysis}, one thread per point: the grid is the parallel level).
 */
public final class StochasticGrid {
    private StochasticGrid() {
    }

    /**
     * One evaluated split.
     *
     * @param scheme the scheme
     * @param split its split
     * @param x the first axis value (tau or tau1)
     * @param y the second axis value (alpha or tau2)
     * @param outputs the eleven outputs
     */
    public record Point(Scheme scheme, PowerSplit split, double x, double y, Outputs outputs) {
    }

    /**
     * @param scheme the scheme
     * @param axis the axis values in [0, 1], ascending
     * @return the splits of the grid, row by row
     */
    static List<double[]> splits(Scheme scheme, List<Double> axis) {
        List<double[]> out = new ArrayList<>();
        for (double x : axis) {
            for (double y : axis) {
                if (scheme == Scheme.SSJB || x + y <= 1 + 1e-12) {
                    out.add(new double[] {x, y});
                }
            }
        }
        return out;
    }

    /**
     * Evaluates every split of every scheme.
     *
     * @param schemes the schemes
     * @param axis the axis values
     * @param base the query whose set-up, draws and seed are used
     * @param monteCarlo true for Monte Carlo, false for the exact values
     * @param threads parallel points
     * @param progress one line per tenth of the points
     * @return the points, scheme by scheme, row by row
     * @throws InterruptedException when interrupted
     */
    public static List<Point> evaluate(List<Scheme> schemes, List<Double> axis, StochasticQuery base, boolean monteCarlo,
            int threads, PrintWriter progress) throws InterruptedException {
        List<Point> template = new ArrayList<>();
        for (Scheme s : schemes) {
            for (double[] xy : splits(s, axis)) {
                PowerSplit split = s == Scheme.SSJB ? PowerSplit.ssjb(xy[0], xy[1])
                        : PowerSplit.slb(xy[0], xy[1], Math.max(0, 1 - xy[0] - xy[1]) / 2);
                template.add(new Point(s, split, xy[0], xy[1], null));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fresnel-p002-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outputs>> futures = new ArrayList<>();
            for (Point p : template) {
                StochasticQuery q = base.withScheme(p.scheme(), p.split());
                futures.add(pool.submit(() -> monteCarlo ? MonteCarloAnalysis.evaluate(q, 1, () -> false).values()
                        : ExactAnalysis.evaluate(q).outputs()));
            }
            List<Point> out = new ArrayList<>();
            int step = Math.max(1, template.size() / 10);
            for (int i = 0; i < template.size(); i++) {
                Point p = template.get(i);
                try {
                    out.add(new Point(p.scheme(), p.split(), p.x(), p.y(), futures.get(i).get()));
                } catch (ExecutionException e) {
                    throw new IllegalStateException("paper 002 point " + p.split() + " failed: " + e.getCause(),
                            e.getCause());
                }
                if ((i + 1) % step == 0 || i + 1 == template.size()) {
                    synchronized (progress) {
                        progress.printf(Locale.ROOT, "fresnel: sweep: paper 002: %d/%d splits%n", i + 1,
                                template.size());
                        progress.flush();
                    }
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes one CSV row per point: scheme, tau1, alpha, tau2, tau3, tau4, method, the eleven
     * outputs (empty when infinite).
     *
     * @param points the points
     * @param method "exact" or "monte-carlo"
     * @param out the stream; not closed
     * @throws IOException when writing fails
     */
    static void writeCsv(List<Point> points, String method, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder("scheme,tau1,alpha,tau2,tau3,tau4,method");
        for (Output o : Output.values()) {
            sb.append(',').append(o.key());
        }
        sb.append('\n');
        for (Point p : points) {
            PowerSplit s = p.split();
            boolean slb = p.scheme() == Scheme.SLB;
            sb.append(p.scheme().key()).append(',').append(num(s.tau1())).append(',').append(slb ? "" : num(s.alpha()))
                    .append(',').append(slb ? num(s.tau2()) : "").append(',').append(slb ? num(s.tau3()) : "")
                    .append(',').append(slb ? num(s.tau4()) : "").append(',').append(method);
            for (Output o : Output.values()) {
                double v = p.outputs().value(o);
                sb.append(',').append(Double.isFinite(v) ? num(v) : "");
            }
            sb.append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String num(double v) {
        return Double.toString(v);
    }
}
