package io.fresnel.sweep;

import io.fresnel.figure.ChartExporter;
import io.fresnel.figure.FigureFormat;
import io.fresnel.figure.FigureMetadata;
import io.fresnel.figure.FigureSize;
import io.fresnel.io.AtomicFiles;
import io.fresnel.stochastic.Output;
import io.fresnel.stochastic.StochasticQuery;
import io.fresnel.stochastic.StochasticQuery.PowerSplit;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paper 002's figures on the paper's set-up (Sec. X; {@link StochasticQuery#paperSetup}), exact by
 * default, by seeded Monte Carlo with {@code --monte-carlo} ({@code --draws}, {@code --seed}):
 * <ul>
 *   <li>Fig. 2: the ergodic secrecy rates (external eavesdropper and malicious target) over the
 *       power splits, heatmaps over (tau, alpha) for SSJB and over the simplex slice (tau1, tau2),
 *       tau3 = tau4 = (1 - tau1 - tau2)/2, for SLB;</li>
 *   <li>Fig. 3: the ergodic CRBs (BS, strong and weak sensing eavesdropper) over the same grids
 *       (log10 colour scale);</li>
 *   <li>Fig. 4: the secrecy-sensing tradeoff regions: for each scheme and eavesdropper kind
 *       (external, malicious target, none = the user's rate) the boundary of the achievable
 *       (ergodic CRB at the BS, ESR) pairs, i.e. the largest ESR over the grid with an ergodic CRB
 *       at most x.</li>
 * </ul>
 * {@code --points} gives the axis values (in [0, 1]; default 0, 0.05, ..., 1), {@code --schemes}
 * a subset of ssjb, slb. Files: {@code fig<K>.csv} (one row per split, every output) and the PNGs;
 * Fig. 4 adds {@code fig4-boundary.csv}. All written atomically after the grid finished.
 */
public final class Paper002Sweep implements PaperSweep {
    /** Default axis step. */
    static final double DEFAULT_STEP = 0.05;

    @Override
    public String paper() {
        return "002";
    }

    @Override
    public List<Integer> figures() {
        return List.of(2, 3, 4);
    }

    @Override
    public String describe() {
        return "figures 2 (ergodic secrecy rates over the power splits), 3 (ergodic CRBs over the power splits) and 4"
                + " (secrecy-sensing tradeoff regions)";
    }

    @Override
    public List<Path> run(int figure, SweepOptions options, PrintWriter progress)
            throws IOException, InterruptedException {
        if (!figures().contains(figure)) {
            throw new IllegalArgumentException("--figure " + figure + ": paper 002 has " + describe());
        }
        if (options.base() != null) {
            throw new IllegalArgumentException("--base: paper 002's figures use the paper's set-up (STOCHASTIC.md),"
                    + " not a scenario file");
        }
        List<Scheme> schemes = schemes(options.schemes());
        List<Double> axis = axis(options.points());
        double step = axis.size() > 1 ? axis.get(1) - axis.get(0) : 0.05;
        StochasticQuery base = StochasticQuery.paperSetup(Scheme.SSJB, PowerSplit.ssjb(0.5, 0.5))
                .withDraws(options.draws(), options.seed());
        String method = options.monteCarlo() ? "monte-carlo" : "exact";
        String sub = options.monteCarlo()
                ? String.format(Locale.ROOT, "Monte Carlo, %d draws per split, seed %d", options.draws(), options.seed())
                : "exact (ERRATA 002.14)";
        List<StochasticGrid.Point> points = StochasticGrid.evaluate(schemes, axis, base, options.monteCarlo(),
                options.threads(), progress);
        Path dir = options.out();
        List<AtomicFiles.Entry> files = new ArrayList<>();
        files.add(new AtomicFiles.Entry(dir.resolve("fig" + figure + ".csv"),
                o -> StochasticGrid.writeCsv(points, method, o)));
        for (Scheme s : schemes) {
            List<StochasticGrid.Point> mine = points.stream().filter(p -> p.scheme() == s).toList();
            String name = s.key().toUpperCase(Locale.ROOT);
            if (figure == 2) {
                files.addAll(charts(dir, "fig2-" + s.key() + "-eve", mine, s, Output.ERGODIC_SECRECY_RATE, step,
                        "Paper 002 Fig. 2: " + name + " ESR, external eavesdropper (bit/s/Hz)", sub));
                files.addAll(charts(dir, "fig2-" + s.key() + "-target", mine, s, Output.ERGODIC_SECRECY_RATE_TARGET,
                        step, "Paper 002 Fig. 2: " + name + " ESR, malicious target (bit/s/Hz)", sub));
            } else if (figure == 3) {
                files.addAll(charts(dir, "fig3-" + s.key() + "-bs", mine, s, Output.ERGODIC_CRB_BS, step,
                        "Paper 002 Fig. 3: " + name + " ergodic CRB at the BS (rad^2)", sub));
                files.addAll(charts(dir, "fig3-" + s.key() + "-seve-strong", mine, s, Output.ERGODIC_CRB_SEVE_STRONG,
                        step, "Paper 002 Fig. 3: " + name + " ergodic CRB, strong sensing eve (rad^2)", sub));
                files.addAll(charts(dir, "fig3-" + s.key() + "-seve-weak", mine, s, Output.ERGODIC_CRB_SEVE_WEAK, step,
                        "Paper 002 Fig. 3: " + name + " ergodic CRB, weak sensing eve (rad^2)", sub));
            }
        }
        if (figure == 4) {
            Map<String, double[][]> boundaries = boundaries(points, schemes);
            files.add(new AtomicFiles.Entry(dir.resolve("fig4-boundary.csv"), o -> {
                StringBuilder sb = new StringBuilder("scheme,eavesdropper,ergodic_crb_bs_rad2,ergodic_secrecy_rate_bps_hz\n");
                for (Map.Entry<String, double[][]> e : boundaries.entrySet()) {
                    for (int i = 0; i < e.getValue()[0].length; i++) {
                        sb.append(e.getKey().replace(", ", ",")).append(',').append(e.getValue()[0][i]).append(',')
                                .append(e.getValue()[1][i]).append('\n');
                    }
                }
                o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }));
            String title = "Paper 002 Fig. 4: secrecy-sensing tradeoff boundaries";
            files.addAll(ChartExporter.entries(StochasticCharts.lines(boundaries,
                    "ergodic CRB at the BS, E[CRB(theta) | |theta| <= pi/2 - delta] (rad^2)",
                    "ergodic secrecy rate (bit/s/Hz)", title, sub), dir.resolve("fig4"),
                    new FigureSize(StochasticCharts.WIDTH + 140, StochasticCharts.HEIGHT - 40, FigureSize.SCREEN_DPI),
                    provenance(title, sub, String.join(",", schemes.stream().map(Scheme::key).toList())),
                    FigureFormat.PNG, FigureFormat.SVG, FigureFormat.PDF));
        }
        AtomicFiles.writeAll(files);
        return files.stream().map(AtomicFiles.Entry::file).toList();
    }

    /**
     * The upper-left boundary of each achievable region: points sorted by ergodic CRB, keeping
     * those whose rate exceeds every rate at a smaller CRB (infinite CRBs left out).
     *
     * @param points the grid
     * @param schemes the schemes
     * @return curve name to {crb[], rate[]}
     */
    public static Map<String, double[][]> boundaries(List<StochasticGrid.Point> points, List<Scheme> schemes) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        Output[] kinds = {Output.ERGODIC_SECRECY_RATE, Output.ERGODIC_SECRECY_RATE_TARGET, Output.ERGODIC_RATE_USER};
        String[] labels = {"external eavesdropper", "malicious target", "no eavesdropper"};
        for (Scheme s : schemes) {
            for (int k = 0; k < kinds.length; k++) {
                Output kind = kinds[k];
                List<double[]> pairs = new ArrayList<>();
                for (StochasticGrid.Point p : points) {
                    double crb = p.outputs().value(Output.ERGODIC_CRB_BS);
                    if (p.scheme() == s && Double.isFinite(crb)) {
                        pairs.add(new double[] {crb, p.outputs().value(kind)});
                    }
                }
                pairs.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
                List<double[]> front = new ArrayList<>();
                double best = Double.NEGATIVE_INFINITY;
                for (double[] pr : pairs) {
                    if (pr[1] > best) {
                        best = pr[1];
                        front.add(pr);
                    }
                }
                double[][] xy = new double[2][front.size()];
                for (int i = 0; i < front.size(); i++) {
                    xy[0][i] = front.get(i)[0];
                    xy[1][i] = front.get(i)[1];
                }
                out.put(s.key().toUpperCase(Locale.ROOT) + ", " + labels[k], xy);
            }
        }
        return out;
    }

    /** One heatmap as {@code DIR/stem.png}, {@code .svg} and {@code .pdf} ({@link ChartExporter}). */
    private static List<AtomicFiles.Entry> charts(Path dir, String stem, List<StochasticGrid.Point> points, Scheme s,
            Output o, double step, String title, String sub) {
        return ChartExporter.entries(StochasticCharts.heatmap(points, s, o, step, title, sub), dir.resolve(stem),
                new FigureSize(StochasticCharts.WIDTH, StochasticCharts.HEIGHT, FigureSize.SCREEN_DPI),
                provenance(title, sub, s.key()), FigureFormat.PNG, FigureFormat.SVG, FigureFormat.PDF);
    }

    private static FigureMetadata provenance(String title, String method, String schemes) {
        return FigureMetadata.now(title, "paper 002 set-up (STOCHASTIC.md)", null, schemes, method);
    }

    private static List<Scheme> schemes(List<String> names) {
        if (names == null) {
            return List.of(Scheme.SSJB, Scheme.SLB);
        }
        List<Scheme> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(Scheme.of(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--schemes: paper 002's schemes are ssjb and slb (got \"" + n + "\")",
                        e);
            }
        }
        return out;
    }

    private static List<Double> axis(List<Double> points) {
        if (points == null) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i <= 20; i++) {
                out.add(i * DEFAULT_STEP);
            }
            return out;
        }
        double last = Double.NEGATIVE_INFINITY;
        for (double p : points) {
            if (!(p >= 0 && p <= 1) || !(p > last)) {
                throw new IllegalArgumentException("--points: paper 002's axis values must be ascending in [0, 1] (got "
                        + points + ")");
            }
            last = p;
        }
        return points;
    }
}
