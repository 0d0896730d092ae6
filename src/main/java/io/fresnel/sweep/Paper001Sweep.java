package io.fresnel.sweep;

import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.EavesdropperMetrics;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Paper 001's Figs. 2 and 4 (Hou and Zhang, Sec. VI) on the paper's set-up, the
 * {@code paper-001-prior.json} preset (N_t = 8, N_r = 10, four candidate angles, P = 20 dBm,
 * sigma^2 = -60 dBm, user at -10 deg with 30 dB path loss; ERRATA 001.3's corrected bound (24)),
 * or on {@code --base}:
 * <ul>
 *   <li>Fig. 2: the secrecy rate s(gamma) = log2((1 + f(gamma))/(1 + gamma)) of (P1.2), eq. (32),
 *       against the eavesdropper SINR level gamma (linear), one curve per PCRB threshold Gamma:
 *       {@code an-secure-pcrb} with {@code eve_sinr_level} = gamma solves (P2.1R) at that gamma,
 *       and f(gamma) is the user SINR of its precoder as the metric code evaluates it;</li>
 *   <li>Fig. 4: the worst-case secrecy rate against the PCRB threshold Gamma ({@code pcrb_max_rad2},
 *       rad^2) for the proposed AN design and the paper's benchmarks: {@code an-secure-pcrb},
 *       {@code an-secure-pcrb-no-an} (Benchmark 2), {@code an-secure-pcrb-mrt} (Benchmark 1).</li>
 * </ul>
 * Draw 0 is the base's geometry; draw d &gt;= 1 turns the user about the reference point by an
 * angle uniform in [-{@value #USER_JITTER_DEG}, {@value #USER_JITTER_DEG}] deg (seeded by
 * {@link DrawGenerator#drawSeed}), so {@code --draws} averages over user directions near the
 * paper's. A run counts when its precoder, re-evaluated by the metric code, meets the power budget
 * and the PCRB threshold (and, for Fig. 2, every eavesdropper SINR is at most gamma). The choices
 * the paper does not print are in docs/sweeps.md.
 */
public final class Paper001Sweep implements PaperSweep {
    /** The preset of the paper's set-up. */
    static final String PRESET = "paper-001-prior.json";
    /** Half-width of the user's angular jitter of draws &gt;= 1 (deg). */
    static final double USER_JITTER_DEG = 10;
    /** Relative slack of the eavesdropper-SINR check of Fig. 2 (the SDP's tolerance is 1e-8). */
    static final double GAMMA_TOLERANCE = 1e-6;
    /** Fig. 2's default x values: gamma from 1e-3 to 1e3, two per decade. */
    static final List<Double> GAMMAS = List.of(1e-3, Math.sqrt(10) * 1e-3, 1e-2, Math.sqrt(10) * 1e-2, 1e-1,
            Math.sqrt(10) * 1e-1, 1.0, Math.sqrt(10), 10.0, Math.sqrt(10) * 10, 100.0);
    /** Fig. 2's curves: PCRB thresholds (rad^2). */
    static final List<Double> FIG2_THRESHOLDS = List.of(7e-6, 1e-5, 2.68e-5);
    /** Fig. 4's default x values: PCRB thresholds (rad^2). */
    static final List<Double> THRESHOLDS = List.of(7e-6, 1e-5, 1.5e-5, 2e-5, 2.68e-5, 4e-5, 6e-5, 8e-5);
    /** Fig. 4's default curves: the proposed design, Benchmark 2 (no AN), Benchmark 1 (MRT). */
    static final List<String> DESIGNS = List.of("an-secure-pcrb", "an-secure-pcrb-no-an", "an-secure-pcrb-mrt");

    /** The solver parameter of the PCRB threshold Gamma (rad^2). */
    static final String PCRB_MAX = "pcrb_max_rad2";
    /** The solver parameter fixing the eavesdropper SINR level gamma of {@code an-secure-pcrb}. */
    static final String EVE_SINR_LEVEL = "eve_sinr_level";

    static final CurveFigure.Column SECRECY_AT_GAMMA = new CurveFigure.Column("secrecy_at_gamma_bps_hz",
            "Secrecy rate log2((1 + f(\u03b3))/(1 + \u03b3)) (bit/s/Hz)");
    static final CurveFigure.Column MIN_SECRECY = new CurveFigure.Column("min_secrecy_rate_bps_hz",
            "Worst-case secrecy rate (bit/s/Hz)");
    static final CurveFigure.Column USER_SINR = new CurveFigure.Column("user_sinr", "User SINR (linear)");
    static final CurveFigure.Column EVE_SINR = new CurveFigure.Column("max_eve_sinr",
            "Largest eavesdropper SINR (linear)");
    static final CurveFigure.Column PCRB = new CurveFigure.Column("pcrb_bound_rad2", "PCRB bound (24) (rad\u00b2)");
    static final CurveFigure.Column POWER = new CurveFigure.Column("transmit_power_w", "Transmit power (W)");

    /** Fig. 2. */
    static final CurveFigure FIG2 = new CurveFigure("001", 2, "Secrecy rate vs the eavesdropper SINR level",
            "eve_sinr_level", "Eavesdropper SINR level \u03b3 (linear)", true,
            List.of(SECRECY_AT_GAMMA, MIN_SECRECY, USER_SINR, EVE_SINR, PCRB, POWER),
            List.of(new CurveFigure.Panel("", SECRECY_AT_GAMMA.key(), false)));
    /** Fig. 4. */
    static final CurveFigure FIG4 = new CurveFigure("001", 4, "Secrecy rate vs the sensing accuracy threshold",
            PCRB_MAX, "PCRB threshold \u0393 (rad\u00b2)", true, List.of(MIN_SECRECY, USER_SINR, EVE_SINR, PCRB, POWER),
            List.of(new CurveFigure.Panel("", MIN_SECRECY.key(), false)));

    @Override
    public String paper() {
        return "001";
    }

    @Override
    public List<Integer> figures() {
        return List.of(2, 4);
    }

    @Override
    public int defaultDraws() {
        return 1;
    }

    @Override
    public String describe() {
        return "figures 2 (secrecy rate vs the eavesdropper SINR level gamma, one curve per PCRB threshold) and 4"
                + " (secrecy rate vs the PCRB threshold for AN, no AN and MRT)";
    }

    @Override
    public void check(int figure, SweepOptions options) {
        plan(figure, options);
    }

    @Override
    public List<Path> run(int figure, SweepOptions options, PrintWriter progress) throws IOException,
            InterruptedException {
        Plan plan = plan(figure, options);
        List<CurveRun> runs = CurveSweep.runAll(plan.figure(), plan.points(), plan.labels(), options.draws(),
                options.threads(), (x, s, d, cancelled) -> run(plan, x, s, d, options.seed(), cancelled), progress);
        List<CurvePoint> points = CurveSweep.aggregate(plan.figure(), plan.points(), plan.labels(), runs);
        return CurveSweep.write(plan.figure(), runs, points, options, plan.setup());
    }

    /**
     * What a figure runs, checked before anything is solved.
     *
     * @param figure the figure
     * @param base the base scenario
     * @param points the x values
     * @param designs per series, the design
     * @param thresholds per series, Gamma (rad^2), or null to sweep it along x
     * @param labels per series, its label
     * @param setup the chart's description of the set-up
     */
    record Plan(CurveFigure figure, Scenario base, List<Double> points, List<String> designs, List<Double> thresholds,
            List<String> labels, String setup) {
    }

    /**
     * @param figure 2 or 4
     * @param options the command's options
     * @return the plan
     * @throws IllegalArgumentException naming the option that cannot be used
     */
    static Plan plan(int figure, SweepOptions options) {
        if (figure != 2 && figure != 4) {
            throw new IllegalArgumentException("--figure " + figure + ": paper 001 has figures 2 and 4");
        }
        if (options.monteCarlo()) {
            throw new IllegalArgumentException("--monte-carlo: paper 001's figures have no Monte Carlo variant");
        }
        if (options.maxIterations() != null) {
            throw new IllegalArgumentException("--max-iterations: paper 001's designs solve each SDP to its tolerance;"
                    + " the option is not used");
        }
        Scenario base = options.base() != null ? options.base() : Presets.byFile(PRESET);
        if (base.users().size() != 1) {
            throw new IllegalArgumentException("--base: paper 001's figures need exactly one user (the base has "
                    + base.users().size() + ")");
        }
        if (base.targets().stream().noneMatch(t -> t.prior() != null)) {
            throw new IllegalArgumentException("--base: paper 001's figures need a target with a \"prior\"");
        }
        List<Double> points = options.points() != null ? options.points() : figure == 2 ? GAMMAS : THRESHOLDS;
        if (points.isEmpty()) {
            throw new IllegalArgumentException("--points: give at least one value");
        }
        for (double p : points) {
            if (!(p > 0) || !Double.isFinite(p)) {
                throw new IllegalArgumentException("--points: " + (figure == 2 ? "the eavesdropper SINR level gamma"
                        : "the PCRB threshold Gamma (rad^2)") + " must be a finite number > 0 (got " + p + ")");
            }
        }
        if (points.stream().distinct().count() != points.size()) {
            throw new IllegalArgumentException("--points: a value is given twice");
        }
        String setup = String.format(Locale.ROOT, "N_t = %d, N_r = %d, P = %.3g W",
                base.txArray().positions().size(),
                base.receiveArray().positions().size(), base.transmitPowerW());
        if (figure == 2) {
            if (options.schemes() != null) {
                throw new IllegalArgumentException("--schemes: figure 2 plots an-secure-pcrb at a fixed gamma; its"
                        + " curves are the PCRB thresholds " + FIG2_THRESHOLDS + " rad^2");
            }
            List<String> labels = new ArrayList<>();
            List<String> designs = new ArrayList<>();
            for (double g : FIG2_THRESHOLDS) {
                labels.add(String.format(Locale.ROOT, "\u0393 = %.3g rad\u00b2", g));
                designs.add(DESIGNS.get(0));
            }
            return new Plan(FIG2, base, points, designs, FIG2_THRESHOLDS, labels, setup);
        }
        List<String> designs = options.schemes() != null ? options.schemes() : DESIGNS;
        for (String d : designs) {
            if (!DESIGNS.contains(d)) {
                throw new IllegalArgumentException("--schemes: figure 4 compares " + String.join(", ", DESIGNS)
                        + " (got \"" + d + "\")");
            }
        }
        if (designs.stream().distinct().count() != designs.size()) {
            throw new IllegalArgumentException("--schemes: a design is given twice");
        }
        List<Double> none = new ArrayList<>();
        designs.forEach(d -> none.add(null));
        return new Plan(FIG4, base, points, designs, none, designs, setup);
    }

    /**
     * The scenario of one run: the base with draw {@code draw}'s user and the solver block of the
     * figure (Gamma, and gamma for Fig. 2).
     *
     * @param plan the plan
     * @param x the x value
     * @param series the series index
     * @param draw the draw index
     * @param seed the sweep's seed
     * @return the scenario
     */
    static Scenario scenario(Plan plan, double x, int series, int draw, long seed) {
        Scenario s = drawn(plan.base(), draw, seed);
        if (plan.figure() == FIG2) {
            s = SweepFigure.withSolverParameter(s, PCRB_MAX, plan.thresholds().get(series));
            return SweepFigure.withSolverParameter(s, EVE_SINR_LEVEL, x);
        }
        return SweepFigure.withSolverParameter(s, PCRB_MAX, x);
    }

    /**
     * @param base the base
     * @param draw the draw index (0: unchanged)
     * @param seed the sweep's seed
     * @return the base with its user turned about the reference point (in the x-y plane) by an angle
     *     uniform in +-{@link #USER_JITTER_DEG}
     */
    static Scenario drawn(Scenario base, int draw, long seed) {
        if (draw == 0) {
            return base;
        }
        double turn = Math.toRadians(USER_JITTER_DEG) * (2 * new SplittableRandom(DrawGenerator.drawSeed(seed, draw))
                .nextDouble() - 1);
        CommNode u = base.users().get(0);
        Vec3 o = base.referencePoint();
        Vec3 d = u.positionM().minus(o);
        double c = Math.cos(turn);
        double sn = Math.sin(turn);
        Vec3 p = o.plus(new Vec3(c * d.x() - sn * d.y(), sn * d.x() + c * d.y(), d.z()));
        return base.withUsersAndTargets(List.of(u.withPosition(p)), base.targets());
    }

    private static CurveRun run(Plan plan, double x, int series, int draw, long seed,
            BooleanSupplier cancelled) {
        long sceneSeed = DrawGenerator.drawSeed(seed, draw);
        String label = plan.labels().get(series);
        Scenario s;
        try {
            s = scenario(plan, x, series, draw, seed);
        } catch (RuntimeException e) {
            return new CurveRun(x, label, draw, sceneSeed, SweepResult.REJECTED, false,
                    new Double[plan.figure().columns().size()], 0, 0, "cannot build the scenario: " + e.getMessage());
        }
        CurveAudit.Outcome o = CurveAudit.run(s, plan.designs().get(series), cancelled);
        Double[] values = new Double[plan.figure().columns().size()];
        boolean counted = o.usable();
        String note = o.note();
        if (o.metrics() != null) {
            Metrics m = o.metrics();
            Double sinr = m.users().isEmpty() ? null : m.users().get(0).sinr();
            double eve = maxEveSinr(m);
            double pcrb = 0;
            for (TargetMetrics t : m.targets()) {
                if (t.pcrbUpperApproxRad2() != null) {
                    pcrb = Math.max(pcrb, t.pcrbUpperApproxRad2());
                }
            }
            int c = 0;
            if (plan.figure() == FIG2) {
                values[c++] = sinr == null ? null : (Math.log1p(sinr) - Math.log1p(x)) / Math.log(2);
                if (counted && !(eve <= x * (1 + GAMMA_TOLERANCE))) {
                    counted = false;
                    note = String.format(Locale.ROOT, "violates eavesdropper SINR <= gamma: %s vs %s", eve, x)
                            + (note == null ? "" : "; " + note);
                }
            }
            values[c++] = m.system().minSecrecyRateBpsHz();
            values[c++] = sinr;
            values[c++] = Double.isFinite(eve) ? eve : null;
            values[c++] = pcrb > 0 ? pcrb : null;
            values[c] = m.system().transmitPowerW();
        }
        return new CurveRun(x, label, draw, sceneSeed, o.status(), counted, values, o.iterations(), o.seconds(), note);
    }

    /** @return the largest SINR of any eavesdropper for the user's private stream (-Infinity without one) */
    static double maxEveSinr(Metrics m) {
        double worst = Double.NEGATIVE_INFINITY;
        for (EavesdropperMetrics e : m.eavesdroppers()) {
            for (double v : e.sinr().values()) {
                worst = Math.max(worst, v);
            }
        }
        return worst;
    }
}
