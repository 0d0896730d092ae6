package io.fresnel.tradeoff;

import io.fresnel.math.CVec;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sensing-versus-communication fronts Fresnel traces: which scenario parameter is swept, which
 * design is re-run at each value, and the two measures every point is judged by.
 *
 * <p>Each front sweeps one constraint level t (SI, &gt; 0, log-spaced) and re-designs the scene
 * with it. A point has a <em>sensing</em> measure (lower is better: a CRB) and a
 * <em>communication</em> measure (higher is better: a SINR or a secrecy rate), both evaluated by
 * {@link io.fresnel.metrics.MetricsEvaluator} on the designed precoder. The level is tight at one
 * end and loose at the other; {@link #tightAtLow()} says which.
 *
 * <ul>
 *   <li>{@link #SUM_CRB_VS_SINR}: paper 004, (P1) eq. (26) with (P1.s)'s sweep of section V-A and
 *       Fig. 6(d): every user's SINR (4) &gt;= Gamma (the users' {@code min_rate_bps_hz} set to
 *       log2(1 + Gamma)), design {@code crb-min-sdr}; sensing = {@code crb_position_sum_m2} (m^2),
 *       communication = the smallest user SINR (linear). The optimal sum CRB is non-decreasing in
 *       Gamma (the feasible set shrinks).</li>
 *   <li>{@link #SECRECY_VS_RANGE_CRB}, {@link #SECRECY_VS_ANGLE_CRB}: paper 000, problem (21)
 *       with the range bound (21c) Gamma_r ({@code crb_range_max_m2}, m^2) or the angle bound (21b)
 *       Gamma_theta ({@code crb_angle_max_rad2}, rad^2) swept as in Figs. 5 and 6, the scene's RSMA
 *       design; sensing = the largest range (angle) CRB over the targets, communication = the
 *       max-min secrecy rate (bit/s/Hz). The optimum is non-decreasing in the bound.</li>
 *   <li>{@link #SECRECY_VS_PCRB}: paper 001, problem (25) with the PCRB bound (24) &lt;= Gamma
 *       ({@code pcrb_max_rad2}, rad^2) swept as in Fig. 4, the scene's {@code an-secure-pcrb}
 *       design; sensing = the largest PCRB bound (24) over targets with a prior, communication =
 *       the worst-case secrecy rate (bit/s/Hz). Non-decreasing in Gamma.</li>
 * </ul>
 */
public enum TradeoffKind {
    /** Paper 004: sum position CRB versus the users' SINR requirement Gamma. */
    SUM_CRB_VS_SINR("sum-crb-vs-sinr", "Paper 004: sum CRB vs SINR requirement", "SINR requirement \u0393",
            "sum position CRB (m\u00b2)", "smallest user SINR", false, 1e-3),
    /** Paper 000: max-min secrecy rate versus the range-CRB bound Gamma_r. */
    SECRECY_VS_RANGE_CRB("secrecy-vs-range-crb", "Paper 000: secrecy vs range-CRB bound",
            "range-CRB bound \u0393_r (m\u00b2)", "largest range CRB (m\u00b2)", "max-min secrecy rate (bit/s/Hz)",
            true, 1e-2),
    /** Paper 000: max-min secrecy rate versus the angle-CRB bound Gamma_theta. */
    SECRECY_VS_ANGLE_CRB("secrecy-vs-angle-crb", "Paper 000: secrecy vs angle-CRB bound",
            "angle-CRB bound \u0393_\u03b8 (rad\u00b2)", "largest angle CRB (rad\u00b2)",
            "max-min secrecy rate (bit/s/Hz)", true, 1e-6),
    /** Paper 001: worst-case secrecy rate versus the PCRB bound. */
    SECRECY_VS_PCRB("secrecy-vs-pcrb", "Paper 001: secrecy vs PCRB bound", "PCRB bound \u0393 (rad\u00b2)",
            "PCRB bound (24) (rad\u00b2)", "worst-case secrecy rate (bit/s/Hz)", true, 1e-4);

    /** The design every point of {@link #SUM_CRB_VS_SINR} runs. */
    public static final String CRB_MIN = "crb-min-sdr";
    /** Paper 000's designs that enforce the CRB bounds (their front re-runs the scene's own design). */
    public static final Set<String> RSMA_WITH_CRB = Set.of("rsma-hybrid", "rsma-digital", "sdma-hybrid",
            "rsma-far-field");
    /** Paper 001's designs (their front re-runs the scene's own design). */
    public static final Set<String> SECURE_PCRB = Set.of("an-secure-pcrb", "an-secure-pcrb-no-an",
            "an-secure-pcrb-mrt");
    /** Paper 004's designs: a scene designed with one of them is offered the sum-CRB front. */
    public static final Set<String> PAPER_004 = Set.of(CRB_MIN, "illumination-maxmin-sdr", "echo-maxmin-sdr");

    private final String key;
    private final String label;
    private final String parameterLabel;
    private final String sensingLabel;
    private final String communicationLabel;
    private final boolean tightAtLow;
    private final double defaultLevel;

    TradeoffKind(String key, String label, String parameterLabel, String sensingLabel, String communicationLabel,
            boolean tightAtLow, double defaultLevel) {
        this.key = key;
        this.label = label;
        this.parameterLabel = parameterLabel;
        this.sensingLabel = sensingLabel;
        this.communicationLabel = communicationLabel;
        this.tightAtLow = tightAtLow;
        this.defaultLevel = defaultLevel;
    }

    /** @return the name on the command line, e.g. {@code sum-crb-vs-sinr} */
    public String key() {
        return key;
    }

    /** @return a short title for a menu or a chart */
    public String label() {
        return label;
    }

    /** @return the swept level's name and unit */
    public String parameterLabel() {
        return parameterLabel;
    }

    /** @return the sensing measure's name and unit (lower is better) */
    public String sensingLabel() {
        return sensingLabel;
    }

    /** @return the communication measure's name and unit (higher is better) */
    public String communicationLabel() {
        return communicationLabel;
    }

    /**
     * @return true when a low level is the tight end (the CRB and PCRB bounds); false when a high
     *     level is (the SINR requirement)
     */
    public boolean tightAtLow() {
        return tightAtLow;
    }

    /**
     * @param key a command-line name
     * @return the kind of that name
     * @throws IllegalArgumentException naming the known kinds otherwise
     */
    public static TradeoffKind byKey(String key) {
        List<String> keys = new ArrayList<>();
        for (TradeoffKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
            keys.add(k.key);
        }
        throw new IllegalArgumentException("unknown tradeoff \"" + key + "\" (known: " + String.join(", ", keys) + ")");
    }

    /**
     * Which fronts a scene designed with {@code algorithm} is offered: paper 000's bounds for its
     * CRB-constrained RSMA/SDMA designs (with a target), paper 001's PCRB bound for its designs
     * (with a target that has a prior), and paper 004's sum CRB for a fully digital scene with
     * users and targets (designed with paper 004's designs or any other).
     *
     * @param s the scene
     * @param algorithm the design in force (null for a precoder from a file)
     * @return the fronts, most specific first (empty when none applies)
     */
    public static List<TradeoffKind> availableFor(Scenario s, String algorithm) {
        List<TradeoffKind> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        if (algorithm != null && RSMA_WITH_CRB.contains(algorithm) && !s.targets().isEmpty() && !s.users().isEmpty()) {
            out.add(SECRECY_VS_RANGE_CRB);
            out.add(SECRECY_VS_ANGLE_CRB);
        }
        if (algorithm != null && SECURE_PCRB.contains(algorithm)
                && s.targets().stream().anyMatch(t -> t.prior() != null) && s.users().size() == 1) {
            out.add(SECRECY_VS_PCRB);
        }
        if (s.architecture().kind() == ArchitectureKind.DIGITAL && !s.users().isEmpty() && !s.targets().isEmpty()
                && (out.isEmpty() || (algorithm != null && PAPER_004.contains(algorithm)))) {
            out.add(SUM_CRB_VS_SINR);
        }
        return out;
    }

    /**
     * @param inForce the algorithm of the design in force
     * @return the design each point runs: {@code crb-min-sdr} for paper 004's front, else the
     *     scene's own design
     */
    public String designFor(String inForce) {
        return this == SUM_CRB_VS_SINR ? CRB_MIN : inForce;
    }

    /**
     * @param s a scene
     * @return the level the scene states now (SI), or null when it states none: the smallest
     *     user's SINR requirement 2^min_rate - 1, or the solver block's bound
     */
    public Double currentLevel(Scenario s) {
        if (this == SUM_CRB_VS_SINR) {
            Double gamma = null;
            for (CommNode u : s.users()) {
                if (u.minRateBpsHz() != null) {
                    double g = Math.pow(2, u.minRateBpsHz()) - 1;
                    gamma = gamma == null ? g : Math.min(gamma, g);
                }
            }
            return gamma != null && gamma > 0 ? gamma : null;
        }
        Object v = s.solver() == null ? null : s.solver().parameters().get(solverKey());
        return v instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : null;
    }

    /** @return the level a scene without its own is anchored at (the papers' values) */
    double defaultLevel() {
        return defaultLevel;
    }

    /** @return the solver-block key of the swept bound, or null for the SINR requirement */
    public String solverKey() {
        return switch (this) {
            case SUM_CRB_VS_SINR -> null;
            case SECRECY_VS_RANGE_CRB -> "crb_range_max_m2";
            case SECRECY_VS_ANGLE_CRB -> "crb_angle_max_rad2";
            case SECRECY_VS_PCRB -> "pcrb_max_rad2";
        };
    }

    /**
     * The scene with the level set: every user's {@code min_rate_bps_hz} = log2(1 + Gamma), or
     * the solver block's bound = level (the algorithm named is {@code algorithm}, the other
     * parameters kept). The precoder is dropped.
     *
     * @param s the scene (not modified)
     * @param level the level (SI, &gt; 0)
     * @param algorithm the solver block's algorithm
     * @return the copy
     * @throws IllegalArgumentException when the level is not finite and positive, or the scene
     *     rejects it (the message names the field)
     */
    public Scenario withLevel(Scenario s, double level, String algorithm) {
        if (!(level > 0) || Double.isInfinite(level)) {
            throw new IllegalArgumentException(parameterLabel + " must be finite and > 0 (got " + level + ")");
        }
        Map<String, Object> params = new LinkedHashMap<>(s.solver() == null ? Map.of() : s.solver().parameters());
        if (this == SUM_CRB_VS_SINR) {
            double rate = Math.log(1 + level) / Math.log(2);
            List<CommNode> users = new ArrayList<>();
            for (CommNode u : s.users()) {
                users.add(new CommNode(u.id(), u.positionM(), u.noiseW(), u.link(), rate));
            }
            return s.withUsersAndTargets(users, s.targets()).withSolver(new SolverSpec(algorithm, params));
        }
        params.put(solverKey(), level);
        return s.withPrecoder(null).withSolver(new SolverSpec(algorithm, params));
    }

    /**
     * The levels the front spans by default: for the SINR requirement, from 30 dB below to the
     * smallest single-user bound Gamma_c,u = P ||h_u||^2 / sigma_u^2 (paper 004 section V-A: no
     * common requirement above it is feasible; MRT to user u alone, without interference, reaches
     * it); for a bound, 1.5 decades either side of the scene's level (or the paper's value when it
     * has none); the PCRB bound's top is lowered to the largest prior variance sigma^2 when that is
     * smaller (above it the bound cannot bind).
     *
     * @param s the scene
     * @return {lo, hi} (SI, 0 &lt; lo &lt; hi)
     */
    public double[] defaultRange(Scenario s) {
        if (this == SUM_CRB_VS_SINR) {
            double hi = Double.POSITIVE_INFINITY;
            ScenarioPhysics physics = new ScenarioPhysics(s);
            double power = s.transmitPowerW() == null ? 0 : s.transmitPowerW();
            for (CommNode u : s.users()) {
                double[][] h = physics.channelRow(u);
                hi = Math.min(hi, power * CVec.norm2(h[0], h[1]) / u.noiseW());
            }
            if (!(hi > 0) || Double.isInfinite(hi)) {
                hi = 1e3;
            }
            return new double[] {hi * 1e-3, hi};
        }
        Double now = currentLevel(s);
        double centre = now != null ? now : defaultLevel;
        double half = Math.pow(10, 1.5);
        double lo = centre / half;
        double hi = centre * half;
        if (this == SECRECY_VS_PCRB) {
            // the prior alone gives PCRB <= sigma^2 (the 1/sigma^2 term of the Fisher information
            // with the prior, paper 001 eq. (21)): a bound at or above the largest sigma^2 is vacuous
            double vacuous = 0;
            for (io.fresnel.model.Target t : s.targets()) {
                if (t.prior() != null) {
                    vacuous = Math.max(vacuous, t.prior().sigmaRad() * t.prior().sigmaRad());
                }
            }
            if (vacuous > lo * 10 && vacuous < hi) {
                hi = vacuous;
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * @param m the metrics of a designed scene
     * @return the sensing measure (SI; lower is better), or NaN when the metrics have none
     */
    public double sensing(Metrics m) {
        return switch (this) {
            case SUM_CRB_VS_SINR -> value(m.system().crbPositionSumM2());
            case SECRECY_VS_RANGE_CRB -> largest(m, TargetMetrics::crbRangeM2);
            case SECRECY_VS_ANGLE_CRB -> largest(m, TargetMetrics::crbAngleRad2);
            case SECRECY_VS_PCRB -> largest(m, TargetMetrics::pcrbUpperApproxRad2);
        };
    }

    /**
     * @param m the metrics of a designed scene
     * @return the communication measure (higher is better): the smallest user SINR (linear) or
     *     the max-min secrecy rate (bit/s/Hz); NaN when the metrics have none
     */
    public double communication(Metrics m) {
        if (this == SUM_CRB_VS_SINR) {
            double min = Double.NaN;
            for (UserMetrics u : m.users()) {
                Double v = u.sinr();
                if (v == null) {
                    return Double.NaN;
                }
                min = Double.isNaN(min) ? v : Math.min(min, v);
            }
            return min;
        }
        return value(m.system().minSecrecyRateBpsHz());
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static double largest(Metrics m, Function<TargetMetrics, Double> f) {
        double max = Double.NaN;
        for (TargetMetrics t : m.targets()) {
            Double v = f.apply(t);
            if (v != null) {
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        return max;
    }
}
