package io.fresnel.sweep;

import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Paper 004's Figs. 3 and 6 (Hua, Xu, Zhang, Sec. VI) on the scenes of {@link Paper004Scenes}
 * (smaller arrays than the paper's; docs/sweeps.md):
 * <ul>
 *   <li>Fig. 3 (b)-(c): the position CRB (22)-(23) of a target collocated with a user at
 *       (0, d, D_z/2) and the user's SINR against the offset d (m) for CRB-min without a
 *       communication requirement ({@code crb-min-sdr}, the paper's P_s), SINR maximisation
 *       ({@code mrt}, P_c) and isotropic transmission ({@code isotropic}); the paper observes that
 *       the CRB first decreases and then increases as the target moves away (the near-field
 *       effect);</li>
 *   <li>Fig. 6 (d), (h): the sum position CRB, the minimum illumination power (24) and the minimum
 *       echo power (25) (ERRATA 004.1) against the users' SINR threshold Gamma (dB) for
 *       {@code crb-min-sdr} (P1), {@code illumination-maxmin-sdr} (P2, "Max-min Tx") and
 *       {@code echo-maxmin-sdr} (P3, "Max-min Rx").</li>
 * </ul>
 * A run counts when its precoder, re-evaluated by the metric code, meets the power budget and
 * every user's SINR threshold ({@link CurveAudit}).
 */
public final class Paper004Sweep implements PaperSweep {
    /** Elements per side of Fig. 3's arrays (the paper: 48). */
    static final int FIG3_N = 8;
    /** Fig. 6's arrays (the paper: 16 x 96). */
    static final int FIG6_NX = 4;
    /** Fig. 6's arrays (the paper: 16 x 96). */
    static final int FIG6_NY = 24;
    /**
     * Fig. 3's default offsets d / D_z. The paper sweeps d from -10 D/sqrt(2) to 10 D/sqrt(2),
     * which for its 48 x 48 arrays is +-1.04 D_z; as D_z grows with n^2 and D with n, the same
     * multiple of D/sqrt(2) would reach far beyond D_z on smaller arrays, so the range is kept
     * relative to D_z (d &gt;= 0: the curves are symmetric).
     */
    static final List<Double> FIG3_DZ_FRACTIONS = List.of(0.0, 0.02, 0.04, 0.08, 0.12, 0.16, 0.24, 0.32, 0.48, 0.64,
            0.8, 1.04);
    /** Fig. 6's default SINR thresholds (dB). */
    static final List<Double> FIG6_GAMMAS_DB = List.of(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0);
    /** Fig. 3's designs. */
    static final List<String> FIG3_DESIGNS = List.of("crb-min-sdr", "mrt", "isotropic");
    /** Fig. 6's designs. */
    static final List<String> FIG6_DESIGNS = List.of("crb-min-sdr", "illumination-maxmin-sdr", "echo-maxmin-sdr");

    static final CurveFigure.Column CRB = new CurveFigure.Column("crb_position_m2",
            "Position CRB of the target (m\u00b2)");
    static final CurveFigure.Column SINR = new CurveFigure.Column("user_sinr", "SINR of the user (linear)");
    static final CurveFigure.Column RANGE = new CurveFigure.Column("target_range_m",
            "Distance from the Tx centre to the target (m)");
    static final CurveFigure.Column SUM_CRB = new CurveFigure.Column("crb_position_sum_m2",
            "Sum of the targets' position CRBs (m\u00b2)");
    static final CurveFigure.Column ILLUMINATION = new CurveFigure.Column("min_illumination_w",
            "Minimum target illumination power (W)");
    static final CurveFigure.Column ECHO = new CurveFigure.Column("min_echo_power_w",
            "Minimum target echo power (W)");
    static final CurveFigure.Column MIN_SINR = new CurveFigure.Column("min_user_sinr",
            "Smallest user SINR (linear)");
    static final CurveFigure.Column POWER = new CurveFigure.Column("transmit_power_w", "Transmit power (W)");

    /** Fig. 3. */
    static final CurveFigure FIG3 = new CurveFigure("004", 3, "CRB and SINR vs the collocated target/CU offset",
            "offset_d_m", "Offset d of the target/CU along y (m)", false, List.of(CRB, SINR, RANGE, POWER),
            List.of(new CurveFigure.Panel("", CRB.key(), true), new CurveFigure.Panel("-sinr", SINR.key(), true)));
    /** Fig. 6. */
    static final CurveFigure FIG6 = new CurveFigure("004", 6, "Sensing vs the users' SINR threshold",
            "sinr_threshold_db", "SINR threshold \u0393 of every user (dB)", false,
            List.of(SUM_CRB, ILLUMINATION, ECHO, MIN_SINR, POWER),
            List.of(new CurveFigure.Panel("", SUM_CRB.key(), true),
                    new CurveFigure.Panel("-illumination", ILLUMINATION.key(), true),
                    new CurveFigure.Panel("-echo", ECHO.key(), true)));

    private final int fig3N;
    private final int fig6Nx;
    private final int fig6Ny;

    /** The figures on the default arrays ({@link #FIG3_N}, {@link #FIG6_NX} x {@link #FIG6_NY}). */
    public Paper004Sweep() {
        this(FIG3_N, FIG6_NX, FIG6_NY);
    }

    /**
     * @param fig3N elements per side of Fig. 3's arrays
     * @param fig6Nx elements along x of Fig. 6's arrays
     * @param fig6Ny elements along y of Fig. 6's arrays
     */
    Paper004Sweep(int fig3N, int fig6Nx, int fig6Ny) {
        this.fig3N = fig3N;
        this.fig6Nx = fig6Nx;
        this.fig6Ny = fig6Ny;
    }

    @Override
    public String paper() {
        return "004";
    }

    @Override
    public List<Integer> figures() {
        return List.of(3, 6);
    }

    @Override
    public int defaultDraws() {
        return 1;
    }

    @Override
    public String describe() {
        return "figures 3 (position CRB and SINR vs the offset d of a collocated target/CU) and 6 (sum CRB, minimum"
                + " illumination and echo power vs the SINR threshold)";
    }

    @Override
    public void check(int figure, SweepOptions options) {
        figure(figure);
        checkOptions(options);
        points(figure, options);
        designs(figure, options);
    }

    @Override
    public List<Path> run(int figure, SweepOptions options, PrintWriter progress) throws IOException,
            InterruptedException {
        CurveFigure f = figure(figure);
        checkOptions(options);
        List<Double> points = points(figure, options);
        List<String> designs = designs(figure, options);
        List<CurveRun> runs = CurveSweep.runAll(f, points, designs, options.draws(), options.threads(),
                (x, s, d, cancelled) -> run(f, x, designs.get(s), d, options.seed(), cancelled), progress);
        List<CurvePoint> summary = CurveSweep.aggregate(f, points, designs, runs);
        String setup = figure == 3
                ? String.format(Locale.ROOT, "%dx%d UPA pair at 28 GHz, P = 10 dBm, D_z = %.4g m", fig3N, fig3N,
                        Paper004Scenes.dz(fig3N, fig3N, 0.1))
                : String.format(Locale.ROOT, "%dx%d UPA pair at 28 GHz, P = 10 dBm, D_z = %.4g m", fig6Nx, fig6Ny,
                        Paper004Scenes.dz(fig6Nx, fig6Ny, 0.05));
        return CurveSweep.write(f, runs, summary, options, setup);
    }

    static CurveFigure figure(int figure) {
        return switch (figure) {
            case 3 -> FIG3;
            case 6 -> FIG6;
            default -> throw new IllegalArgumentException("--figure " + figure + ": paper 004 has figures 3 and 6");
        };
    }

    private static void checkOptions(SweepOptions options) {
        if (options.base() != null) {
            throw new IllegalArgumentException("--base: paper 004's figures build their own scenes (docs/sweeps.md);"
                    + " a base scenario is not used");
        }
        if (options.monteCarlo()) {
            throw new IllegalArgumentException("--monte-carlo: paper 004's figures have no Monte Carlo variant");
        }
        if (options.maxIterations() != null) {
            throw new IllegalArgumentException("--max-iterations: paper 004's designs solve one SDP to its tolerance;"
                    + " the option is not used");
        }
    }

    /** The x values: --points or the defaults, checked. */
    List<Double> points(int figure, SweepOptions options) {
        List<Double> points = options.points();
        if (points == null) {
            points = new ArrayList<>();
            if (figure == 3) {
                double dz = Paper004Scenes.dz(fig3N, fig3N, 0.1);
                for (double k : FIG3_DZ_FRACTIONS) {
                    points.add(k * dz);
                }
            } else {
                points.addAll(FIG6_GAMMAS_DB);
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("--points: give at least one value");
        }
        for (double p : points) {
            if (!Double.isFinite(p) || (figure == 3 && Math.abs(p) > 100) || (figure == 6 && Math.abs(p) > 100)) {
                throw new IllegalArgumentException("--points: " + (figure == 3 ? "the offset d (m)"
                        : "the SINR threshold (dB)") + " must be a finite number in [-100, 100] (got " + p + ")");
            }
        }
        if (points.stream().distinct().count() != points.size()) {
            throw new IllegalArgumentException("--points: a value is given twice");
        }
        return points;
    }

    private static List<String> designs(int figure, SweepOptions options) {
        List<String> allowed = figure == 3 ? FIG3_DESIGNS : FIG6_DESIGNS;
        List<String> designs = options.schemes() != null ? options.schemes() : allowed;
        for (String d : designs) {
            if (!allowed.contains(d)) {
                throw new IllegalArgumentException("--schemes: figure " + figure + " compares "
                        + String.join(", ", allowed) + " (got \"" + d + "\")");
            }
        }
        if (designs.stream().distinct().count() != designs.size()) {
            throw new IllegalArgumentException("--schemes: a design is given twice");
        }
        return designs;
    }

    /**
     * The scene of one run (no solver block).
     *
     * @param f the figure
     * @param x the x value
     * @param draw the draw
     * @param seed the sweep's seed
     * @return the scene
     */
    Scenario scene(CurveFigure f, double x, int draw, long seed) {
        return f == FIG3 ? Paper004Scenes.collocated(fig3N, x, draw, seed)
                : Paper004Scenes.multi(fig6Nx, fig6Ny, x, draw, seed);
    }

    private CurveRun run(CurveFigure f, double x, String design, int draw, long seed, BooleanSupplier cancelled) {
        long sceneSeed = DrawGenerator.drawSeed(seed, draw);
        Double[] values = new Double[f.columns().size()];
        Scenario s;
        try {
            s = scene(f, x, draw, seed);
        } catch (RuntimeException e) {
            return new CurveRun(x, design, draw, sceneSeed, SweepResult.REJECTED, false, values, 0, 0,
                    "cannot build the scene: " + e.getMessage());
        }
        CurveAudit.Outcome o = CurveAudit.run(s, design, cancelled);
        Metrics m = o.metrics();
        if (f == FIG3) {
            values[2] = s.targets().get(0).positionM().norm();
        }
        if (m != null) {
            if (f == FIG3) {
                TargetMetrics t = m.targets().get(0);
                values[0] = t.crbPositionM2();
                values[1] = m.users().get(0).sinr();
                values[3] = m.system().transmitPowerW();
            } else {
                values[0] = m.system().crbPositionSumM2();
                values[1] = min(m.targets().stream().map(TargetMetrics::illuminationW).toList());
                values[2] = min(m.targets().stream().map(TargetMetrics::echoPowerW).toList());
                values[3] = min(m.users().stream().map(UserMetrics::sinr).toList());
                values[4] = m.system().transmitPowerW();
            }
        }
        return new CurveRun(x, design, draw, sceneSeed, o.status(), o.usable(), values, o.iterations(), o.seconds(),
                o.note());
    }

    private static Double min(List<Double> values) {
        Double out = null;
        for (Double v : values) {
            if (v == null) {
                return null;
            }
            out = out == null ? v : Math.min(out, v);
        }
        return out;
    }
}
