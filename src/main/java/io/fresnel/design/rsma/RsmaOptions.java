package io.fresnel.design.rsma;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.design.SolverParameter;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The solver parameters of paper 000's designs, immutable, with {@code withX} copies. The
 * scenario's {@code solver} block gives them under the names in brackets; every default:
 *
 * <ul>
 *   <li>{@code maxIterations} ({@code max_iterations}, integer &gt;= 1): surrogate (52) solves
 *       allowed in all, phase one included; default {@value #DEFAULT_MAX_ITERATIONS} (at 30 dBm
 *       Algorithm 1 needs well over a thousand).
 *   <li>{@code seed} ({@code seed}, integer): seed of the random perturbation of the start point
 *       and of the analog phases beyond the first streams; default 0.
 *   <li>{@code penaltyInitial} ({@code penalty_initial}, &gt; 0, W): rho_0 of Algorithm 2, divided
 *       by P_th in the normalised model; default {@value #DEFAULT_PENALTY_INITIAL} (section IV).
 *   <li>{@code penaltyFactor} ({@code penalty_factor}, in (0, 1)): alpha of rho &lt;- alpha rho;
 *       default {@value #DEFAULT_PENALTY_FACTOR} (section IV).
 *   <li>{@code penaltyTolerance} ({@code penalty_tolerance}, &gt; 0): Algorithm 2 stops when
 *       ||P - F_A F_D||_F^2 / P_th is below it; default {@value #DEFAULT_PENALTY_TOLERANCE}.
 *   <li>{@code crbVariant} ({@code crb_variant}, {@code joint} or {@code known-other}): which CRB
 *       the bounds constrain, the joint CRB of (20) or the known-other CRB (23)-(24) (ERRATA
 *       000.7); default {@code joint}.
 *   <li>{@code crbAngleMaxRad2} ({@code crb_angle_max_rad2}, &gt; 0, rad^2) and
 *       {@code crbRangeMaxM2} ({@code crb_range_max_m2}, &gt; 0, m^2): the bounds (25b), (25c)
 *       on every target; default null (no bound).
 * </ul>
 *
 * @param maxIterations surrogate solves allowed (&gt;= 1)
 * @param seed the random seed
 * @param penaltyInitial rho_0 (W, &gt; 0)
 * @param penaltyFactor alpha (in (0, 1))
 * @param penaltyTolerance the tolerance on ||P - F_A F_D||^2 / P_th (&gt; 0)
 * @param crbVariant which CRB the bounds constrain
 * @param crbAngleMaxRad2 the angle-CRB bound (rad^2), or null
 * @param crbRangeMaxM2 the range-CRB bound (m^2), or null
 */
public record RsmaOptions(int maxIterations, long seed, double penaltyInitial, double penaltyFactor,
        double penaltyTolerance, CrbVariant crbVariant, Double crbAngleMaxRad2, Double crbRangeMaxM2) {

    /** Default {@code max_iterations}. */
    public static final int DEFAULT_MAX_ITERATIONS = 3000;
    /** Default {@code penalty_initial} (W). */
    public static final double DEFAULT_PENALTY_INITIAL = 100;
    /** Default {@code penalty_factor}. */
    public static final double DEFAULT_PENALTY_FACTOR = 0.5;
    /** Default {@code penalty_tolerance}. */
    public static final double DEFAULT_PENALTY_TOLERANCE = 1e-7;
    /** Every default. */
    public static final RsmaOptions DEFAULTS = new RsmaOptions(DEFAULT_MAX_ITERATIONS, 0, DEFAULT_PENALTY_INITIAL,
            DEFAULT_PENALTY_FACTOR, DEFAULT_PENALTY_TOLERANCE, CrbVariant.JOINT, null, null);

    static final String MAX_ITERATIONS = "max_iterations";
    static final String SEED = "seed";
    static final String PENALTY_INITIAL = "penalty_initial";
    static final String PENALTY_FACTOR = "penalty_factor";
    static final String PENALTY_TOLERANCE = "penalty_tolerance";
    static final String CRB_VARIANT = "crb_variant";
    static final String CRB_ANGLE = "crb_angle_max_rad2";
    static final String CRB_RANGE = "crb_range_max_m2";
    /** The descriptors of the parameters, in the order of docs/scenario-format.md section 8. */
    static final List<SolverParameter> DESCRIPTORS = List.of(
            SolverParameter.positive(CRB_ANGLE, "bound on every target's angle CRB (none: no constraint)", "rad^2",
                    Double.NaN),
            SolverParameter.positive(CRB_RANGE, "bound on every target's range CRB (none: no constraint)", "m^2",
                    Double.NaN),
            SolverParameter.choice(CRB_VARIANT, "which CRB the bounds apply to (ERRATA 000.7)",
                    List.of("joint", "known-other")),
            SolverParameter.integer(MAX_ITERATIONS, "surrogate solves allowed", DEFAULT_MAX_ITERATIONS, 1,
                    Integer.MAX_VALUE),
            SolverParameter.integer(SEED, "seed of the random starting point", 0, Long.MIN_VALUE, Long.MAX_VALUE),
            SolverParameter.positive(PENALTY_INITIAL, "rho_0 of the penalty method", "W", DEFAULT_PENALTY_INITIAL),
            SolverParameter.openInterval(PENALTY_FACTOR, "alpha of the penalty update rho <- alpha rho",
                    DEFAULT_PENALTY_FACTOR, 0, 1),
            SolverParameter.positive(PENALTY_TOLERANCE, "stop when ||P - F_A F_D||_F^2 / P_th is below it", "",
                    DEFAULT_PENALTY_TOLERANCE));
    /** Every solver parameter the RSMA designs read. */
    static final Set<String> PARAMETERS = Set.of(MAX_ITERATIONS, SEED, PENALTY_INITIAL, PENALTY_FACTOR,
            PENALTY_TOLERANCE, CRB_VARIANT, CRB_ANGLE, CRB_RANGE);

    /** Which CRB a bound constrains (ERRATA 000.7). */
    public enum CrbVariant {
        /** The diagonal of the inverse joint polar FIM (20), gains as nuisance parameters. */
        JOINT("joint"),
        /** The CRB with the other coordinate of every target known, (23)-(24). */
        KNOWN_OTHER("known-other");

        private final String jsonName;

        CrbVariant(String jsonName) {
            this.jsonName = jsonName;
        }

        /** @return the name in the scenario file */
        public String jsonName() {
            return jsonName;
        }
    }

    /**
     * @throws IllegalArgumentException when a value is outside the range documented above
     */
    public RsmaOptions {
        Objects.requireNonNull(crbVariant, "crbVariant");
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1: " + maxIterations);
        }
        if (!(penaltyInitial > 0) || !Double.isFinite(penaltyInitial)) {
            throw new IllegalArgumentException("penaltyInitial must be a finite number > 0: " + penaltyInitial);
        }
        if (!(penaltyFactor > 0 && penaltyFactor < 1)) {
            throw new IllegalArgumentException("penaltyFactor must be in (0, 1): " + penaltyFactor);
        }
        if (!(penaltyTolerance > 0) || !Double.isFinite(penaltyTolerance)) {
            throw new IllegalArgumentException("penaltyTolerance must be a finite number > 0: " + penaltyTolerance);
        }
        for (Double bound : new Double[] {crbAngleMaxRad2, crbRangeMaxM2}) {
            if (bound != null && (!(bound > 0) || bound.isInfinite())) {
                throw new IllegalArgumentException("a CRB bound must be a finite number > 0: " + bound);
            }
        }
    }

    /**
     * Reads the options from a scenario's solver block; absent keys keep their default.
     *
     * @param p the solver parameters
     * @return the options
     * @throws DesignException naming {@code solver.<key>}, the value and the range, when one is invalid
     */
    static RsmaOptions read(SolverParameters p) throws DesignException {
        String variant = (String) p.read(DESCRIPTORS.get(2));
        return new RsmaOptions(
                (int) (long) (Long) p.read(DESCRIPTORS.get(3)),
                (Long) p.read(DESCRIPTORS.get(4)),
                p.number(DESCRIPTORS.get(5)),
                p.number(DESCRIPTORS.get(6)),
                p.number(DESCRIPTORS.get(7)),
                variant.equals(CrbVariant.KNOWN_OTHER.jsonName()) ? CrbVariant.KNOWN_OTHER : CrbVariant.JOINT,
                (Double) p.read(DESCRIPTORS.get(0)),
                (Double) p.read(DESCRIPTORS.get(1)));
    }

    /** @return a copy with another {@code maxIterations} */
    public RsmaOptions withMaxIterations(int v) {
        return new RsmaOptions(v, seed, penaltyInitial, penaltyFactor, penaltyTolerance, crbVariant, crbAngleMaxRad2,
                crbRangeMaxM2);
    }

    /** @return a copy with another {@code seed} */
    public RsmaOptions withSeed(long v) {
        return new RsmaOptions(maxIterations, v, penaltyInitial, penaltyFactor, penaltyTolerance, crbVariant,
                crbAngleMaxRad2, crbRangeMaxM2);
    }

    /** @return a copy with another {@code penaltyInitial} (W) */
    public RsmaOptions withPenaltyInitial(double v) {
        return new RsmaOptions(maxIterations, seed, v, penaltyFactor, penaltyTolerance, crbVariant, crbAngleMaxRad2,
                crbRangeMaxM2);
    }

    /** @return a copy with another {@code penaltyFactor} */
    public RsmaOptions withPenaltyFactor(double v) {
        return new RsmaOptions(maxIterations, seed, penaltyInitial, v, penaltyTolerance, crbVariant, crbAngleMaxRad2,
                crbRangeMaxM2);
    }

    /** @return a copy with another {@code penaltyTolerance} */
    public RsmaOptions withPenaltyTolerance(double v) {
        return new RsmaOptions(maxIterations, seed, penaltyInitial, penaltyFactor, v, crbVariant, crbAngleMaxRad2,
                crbRangeMaxM2);
    }

    /** @return a copy with another {@code crbVariant} */
    public RsmaOptions withCrbVariant(CrbVariant v) {
        return new RsmaOptions(maxIterations, seed, penaltyInitial, penaltyFactor, penaltyTolerance, v,
                crbAngleMaxRad2, crbRangeMaxM2);
    }

    /** @return a copy with another angle-CRB bound (rad^2, or null: none) */
    public RsmaOptions withCrbAngleMaxRad2(Double v) {
        return new RsmaOptions(maxIterations, seed, penaltyInitial, penaltyFactor, penaltyTolerance, crbVariant, v,
                crbRangeMaxM2);
    }

    /** @return a copy with another range-CRB bound (m^2, or null: none) */
    public RsmaOptions withCrbRangeMaxM2(Double v) {
        return new RsmaOptions(maxIterations, seed, penaltyInitial, penaltyFactor, penaltyTolerance, crbVariant,
                crbAngleMaxRad2, v);
    }
}
