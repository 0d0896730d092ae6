package io.fresnel.sweep;

import io.fresnel.model.ArrayGeometry;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.UniformLinearArray;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The five simulation figures of paper 000 (section IV, Figs. 2-6): the max-min secrecy rate
 * versus one quantity, with every other parameter at the base scenario's value. Each constant
 * knows its x axis (name, unit, default values) and how an x value changes the base scenario.
 *
 * <p>The paper's text does not print the x values of its figures (they exist only in the
 * plots), so the defaults are ranges around the paper's default set-up (P_th = 20 dBm, K = 4,
 * N = 128, section IV) chosen to contain the effects the text describes:
 * <ul>
 * <li>Fig. 2, transmit power P_th: 10, 15, 20, 25, 30 dBm ("as the maximum transmit power
 *     increases, all schemes exhibit a monotonically rising secrecy rate").</li>
 * <li>Fig. 3, number of users K: 2, 3, 4, 5, 6 (the crossover "when K >= 4" lies inside; with
 *     L = 8 RF chains every K + 1 streams fit).</li>
 * <li>Fig. 4, number of transmit antennas N: 64, 96, 128, 192, 256 (the crossover "when
 *     N >= 128" lies inside; spacing, receive array and reference point are kept).</li>
 * <li>Fig. 5, range-CRB threshold Gamma_r: 1e-3 to 1e-1 m^2 in half decades (root CRB 3.2 cm
 *     to 32 cm), around the preset's 1e-2 m^2; the paper plots the root CRB ("RCRB").</li>
 * <li>Fig. 6, angle-CRB threshold Gamma_theta: 1e-7 to 1e-5 rad^2 in half decades, around the
 *     preset's 1e-6 rad^2 ("such constraints are readily met").</li>
 * </ul>
 * Every other quantity (power in W, CRB bounds in m^2 and rad^2) is SI; only Fig. 2's x is in
 * dBm, as the paper plots it.
 */
public enum SweepFigure {
    /** Fig. 2: max-min secrecy rate versus the transmit power threshold P_th (x in dBm). */
    FIG2(2, "transmit_power_dbm", "Max-min secrecy rate versus transmit power",
            "Transmit power P_th (dBm)", new double[] {10, 15, 20, 25, 30}, false, false),
    /** Fig. 3: versus the number of users K. */
    FIG3(3, "users", "Max-min secrecy rate versus the number of users", "Number of users K",
            new double[] {2, 3, 4, 5, 6}, false, true),
    /** Fig. 4: versus the number of transmit antennas N. */
    FIG4(4, "tx_elements", "Max-min secrecy rate versus the number of transmit antennas",
            "Number of transmit antennas N", new double[] {64, 96, 128, 192, 256}, false, true),
    /** Fig. 5: versus the range-CRB threshold Gamma_r (m^2), solver key {@code crb_range_max_m2}. */
    FIG5(5, SweepFigure.CRB_RANGE, "Max-min secrecy rate versus the range-CRB threshold",
            "Range-CRB threshold \u0393_r (m\u00b2)", new double[] {1e-3, Math.pow(10, -2.5), 1e-2,
                Math.pow(10, -1.5), 1e-1}, true, false),
    /** Fig. 6: versus the angle-CRB threshold Gamma_theta (rad^2), solver key {@code crb_angle_max_rad2}. */
    FIG6(6, SweepFigure.CRB_ANGLE, "Max-min secrecy rate versus the angle-CRB threshold",
            "Angle-CRB threshold \u0393_\u03b8 (rad\u00b2)", new double[] {1e-7, Math.pow(10, -6.5), 1e-6,
                Math.pow(10, -5.5), 1e-5}, true, false);

    /** Solver-block key of the range-CRB bound (m^2, SCENARIO.md section 4). */
    public static final String CRB_RANGE = "crb_range_max_m2";
    /** Solver-block key of the angle-CRB bound (rad^2, SCENARIO.md section 4). */
    public static final String CRB_ANGLE = "crb_angle_max_rad2";
    /** The largest number of users or antennas an x value may ask for. */
    public static final int MAX_COUNT = ArrayGeometry.MAX_ELEMENTS;

    private final int number;
    private final String xName;
    private final String title;
    private final String axisLabel;
    private final double[] defaultPoints;
    private final boolean logX;
    private final boolean integerX;

    SweepFigure(int number, String xName, String title, String axisLabel, double[] defaultPoints, boolean logX,
            boolean integerX) {
        this.number = number;
        this.xName = xName;
        this.title = title;
        this.axisLabel = axisLabel;
        this.defaultPoints = defaultPoints;
        this.logX = logX;
        this.integerX = integerX;
    }

    /**
     * @param number the figure number of paper 000 (2 to 6)
     * @return that figure
     * @throws IllegalArgumentException for any other number
     */
    public static SweepFigure of(int number) {
        for (SweepFigure f : values()) {
            if (f.number == number) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown figure " + number + " (paper 000's simulation figures are 2 to 6)");
    }

    /** @return the figure number in paper 000 (2 to 6) */
    public int number() {
        return number;
    }

    /** @return the CSV {@code x_name}: the quantity and its unit, e.g. {@code transmit_power_dbm} */
    public String xName() {
        return xName;
    }

    /** @return the chart title after "Paper 000 Fig. k: " */
    public String title() {
        return title;
    }

    /** @return the x-axis label with its unit */
    public String axisLabel() {
        return axisLabel;
    }

    /** @return the default x values (a fresh copy; units of {@link #xName()}) */
    public double[] defaultPoints() {
        return defaultPoints.clone();
    }

    /** @return whether the x axis is logarithmic (the CRB thresholds) */
    public boolean logX() {
        return logX;
    }

    /** @return whether x is a count (users, antennas) */
    public boolean integerX() {
        return integerX;
    }

    /**
     * Checks one x value.
     *
     * @param x the value (units of {@link #xName()})
     * @throws IllegalArgumentException naming the figure and the reason when x does not apply:
     *     not finite; a count that is not an integer in [1, {@link #MAX_COUNT}]; a CRB bound that
     *     is not positive
     */
    public void check(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(label() + ": x = " + x + " is not a finite number");
        }
        if (integerX && (x != Math.rint(x) || x < 1 || x > MAX_COUNT)) {
            throw new IllegalArgumentException(label() + ": " + xName + " must be a whole number from 1 to "
                    + MAX_COUNT + " (got " + x + ")");
        }
        if (logX && !(x > 0)) {
            throw new IllegalArgumentException(label() + ": " + xName + " must be positive (got " + x + ")");
        }
    }

    /**
     * The number of users of the scenario at x: x for Fig. 3, the base's user count otherwise.
     *
     * @param base the base scenario
     * @param x the x value (checked by {@link #check})
     * @return K (>= 0)
     */
    public int users(Scenario base, double x) {
        return this == FIG3 ? (int) x : base.users().size();
    }

    /**
     * The base scenario changed at x, apart from the node positions (a {@link Draw} places the
     * nodes afterwards; Fig. 3's user count is applied there, see {@link #users}):
     * <ul>
     * <li>Fig. 2: {@code transmit_power_w} = 10^((x - 30) / 10) W.</li>
     * <li>Fig. 3: unchanged.</li>
     * <li>Fig. 4: the transmit ULA gets x elements with the same spacing, axis and anchor (first
     *     element or centre); the receive array is kept; the reference point o is pinned to the
     *     base's (the centroid would move as the array grows), so the nodes and the polar
     *     frame of every x are the same.</li>
     * <li>Figs. 5 and 6: the solver block's {@code crb_range_max_m2} or
     *     {@code crb_angle_max_rad2} is set to x (the other parameters are kept; a block is
     *     created if the base has none).</li>
     * </ul>
     * The precoder of the base is always removed.
     *
     * @param base the base scenario (not modified)
     * @param x the x value
     * @return the changed copy
     * @throws IllegalArgumentException when x does not apply ({@link #check}) or the base cannot
     *     be changed this way (Fig. 4 needs a uniform linear transmit array)
     */
    public Scenario apply(Scenario base, double x) {
        check(x);
        Scenario s = base.withPrecoder(null);
        return switch (this) {
            case FIG2 -> ScenarioEdits.withTransmitPower(s, dbmToW(x));
            case FIG3 -> s;
            case FIG4 -> {
                if (!(s.txArray() instanceof UniformLinearArray ula)) {
                    throw new IllegalArgumentException(label() + " changes the number of elements of a uniform linear"
                            + " transmit array; the base's tx_array is not a \"ula\"");
                }
                Propagation pinned = new Propagation(s.propagation().phase(), s.propagation().amplitude(),
                        s.referencePoint());
                yield s.withPropagation(pinned).withTxArray(ula.withElements((int) x));
            }
            case FIG5 -> withSolverParameter(s, CRB_RANGE, x);
            case FIG6 -> withSolverParameter(s, CRB_ANGLE, x);
        };
    }

    /**
     * @param dbm a power (dBm)
     * @return the same power in W: 10^((dbm - 30) / 10)
     */
    public static double dbmToW(double dbm) {
        return Math.pow(10, (dbm - 30) / 10);
    }

    /**
     * @param base a scenario (not modified)
     * @param key a solver-block key
     * @param value its new value
     * @return a copy whose solver block has key = value (algorithm kept, or "sweep" when the base
     *     had no block)
     */
    static Scenario withSolverParameter(Scenario base, String key, Object value) {
        SolverSpec old = base.solver();
        Map<String, Object> params = new LinkedHashMap<>(old == null ? Map.of() : old.parameters());
        params.put(key, value);
        return base.withSolver(new SolverSpec(old == null ? "sweep" : old.algorithm(), params));
    }

    private String label() {
        return "figure " + number;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Fig. %d (%s)", number, xName);
    }
}
