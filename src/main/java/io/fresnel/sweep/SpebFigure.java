package io.fresnel.sweep;

import io.fresnel.design.Designs;
import io.fresnel.scene.SceneOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Figs. 2-9 of paper 003 (Yuan et al., section VI): what varies along x, what is plotted and the
 * default curves. Every figure starts from the paper's scene ({@link SceneOptions#PAPER}); the
 * SPEB figures (2-5) keep R_min = 5 bps/Hz, the sum-rate figures (6-9) set R_min = 0 and
 * speb_max_m2 = Gamma^s = 0.04 m^2 (problem (24) has no rate threshold).
 */
public enum SpebFigure {
    /** Fig. 2: convergence of Algorithm 1 (SDR-BCD): the SPEB objective per iteration. */
    CONVERGENCE_SPEB(2, "Convergence of SDR-BCD", XVariable.ITERATION, Metric.CONVERGENCE, List.of(),
            List.of("speb-min-hybrid:4", "speb-min-hybrid:8")),
    /** Fig. 3: MUSIC RMSE and PEB versus transmit power. */
    PEB_VS_POWER(3, "Localization accuracy vs transmit power", XVariable.POWER_DBM, Metric.PEB_AND_RMSE,
            List.of(10.0, 15.0, 20.0, 25.0, 30.0),
            List.of("speb-min-hybrid:4", "speb-min-digital", "snr-max-hybrid:4", "two-stage-hybrid:4")),
    /** Fig. 4: MUSIC RMSE and PEB versus the number of antennas. */
    PEB_VS_ANTENNAS(4, "Localization accuracy vs antennas", XVariable.ANTENNAS, Metric.PEB_AND_RMSE,
            List.of(16.0, 32.0, 48.0, 64.0),
            List.of("speb-min-hybrid:4", "speb-min-digital", "snr-max-hybrid:4", "two-stage-hybrid:4")),
    /** Fig. 5: PEB versus the rate threshold, with the sensing-only bounds. */
    PEB_VS_RATE(5, "Localization accuracy vs rate threshold", XVariable.MIN_RATE, Metric.PEB,
            List.of(2.0, 4.0, 6.0, 8.0, 10.0),
            List.of("speb-min-hybrid:4", "speb-min-hybrid:8", "speb-min-digital", "speb-min-hybrid:4:sensing-only",
                "speb-min-hybrid:8:sensing-only", "speb-min-digital:sensing-only")),
    /** Fig. 6: convergence of Algorithm 2 (FP + SCA BCD): the sum rate per iteration. */
    CONVERGENCE_RATE(6, "Convergence of SCA-BCD", XVariable.ITERATION, Metric.CONVERGENCE, List.of(),
            List.of("sumrate-max-hybrid:4", "sumrate-max-hybrid:8")),
    /** Fig. 7: sum rate versus transmit power. */
    RATE_VS_POWER(7, "Sum rate vs transmit power", XVariable.POWER_DBM, Metric.SUM_RATE,
            List.of(10.0, 15.0, 20.0, 25.0, 30.0),
            List.of("sumrate-max-hybrid:4", "sumrate-max-hybrid:8", "sumrate-max-digital", "matrix-approx-hybrid:4")),
    /** Fig. 8: sum rate versus the number of antennas. */
    RATE_VS_ANTENNAS(8, "Sum rate vs antennas", XVariable.ANTENNAS, Metric.SUM_RATE, List.of(16.0, 32.0, 48.0, 64.0),
            List.of("sumrate-max-hybrid:4", "sumrate-max-hybrid:8", "sumrate-max-digital", "matrix-approx-hybrid:4")),
    /** Fig. 9: sum rate versus the PEB threshold sqrt(Gamma^s), with the communication-only bounds. */
    RATE_VS_PEB(9, "Sum rate vs PEB threshold", XVariable.PEB_MAX, Metric.SUM_RATE,
            List.of(0.05, 0.1, 0.15, 0.2, 0.3, 0.4),
            List.of("sumrate-max-hybrid:4", "sumrate-max-hybrid:8", "sumrate-max-digital",
                "sumrate-max-hybrid-comm:4", "sumrate-max-hybrid-comm:8", "sumrate-max-digital-comm"));

    /** What varies along x. */
    public enum XVariable {
        /** The design's iteration (convergence figures). */
        ITERATION("iteration", "Iteration"),
        /** The transmit power P (dBm). */
        POWER_DBM("power_dbm", "Transmit power P (dBm)"),
        /** The number of antennas N (spacing kept). */
        ANTENNAS("antennas", "Number of Tx/Rx antennas N"),
        /** Every user's rate threshold R_min (bps/Hz). */
        MIN_RATE("min_rate_bps_hz", "Rate threshold R_min (bps/Hz)"),
        /** The PEB threshold sqrt(Gamma^s) (m); speb_max_m2 = x^2. */
        PEB_MAX("peb_max_m", "PEB threshold sqrt(Gamma_s) (m)");

        private final String key;
        private final String label;

        XVariable(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** @return the CSV name of x */
        public String key() {
            return key;
        }

        /** @return the axis label */
        public String label() {
            return label;
        }
    }

    /** What a figure plots. */
    public enum Metric {
        /** The design's objective after each iteration. */
        CONVERGENCE,
        /** The PEB sqrt(mean SPEB) and the MUSIC RMSE (m). */
        PEB_AND_RMSE,
        /** The PEB sqrt(mean SPEB) (m). */
        PEB,
        /** The mean sum rate (bps/Hz). */
        SUM_RATE
    }

    private final int number;
    private final String title;
    private final XVariable x;
    private final Metric metric;
    private final List<Double> defaultPoints;
    private final List<String> defaultSchemes;

    SpebFigure(int number, String title, XVariable x, Metric metric, List<Double> defaultPoints,
            List<String> defaultSchemes) {
        this.number = number;
        this.title = title;
        this.x = x;
        this.metric = metric;
        this.defaultPoints = defaultPoints;
        this.defaultSchemes = defaultSchemes;
    }

    /** @return the paper's figure number */
    public int number() {
        return number;
    }

    /** @return the chart title */
    public String title() {
        return title;
    }

    /** @return what varies along x */
    public XVariable x() {
        return x;
    }

    /** @return what is plotted */
    public Metric metric() {
        return metric;
    }

    /** @return the default x values (empty for the convergence figures) */
    public List<Double> defaultPoints() {
        return defaultPoints;
    }

    /** @return whether this figure plots the sum rate (problem (24)) rather than the SPEB */
    public boolean sumRate() {
        return this == CONVERGENCE_RATE || metric == Metric.SUM_RATE;
    }

    /**
     * The default curves whose designs are registered (the others are left out: a benchmark not
     * yet available is skipped, never replaced).
     *
     * @return the series
     */
    public List<SpebSeries> defaultSeries() {
        List<SpebSeries> out = new ArrayList<>();
        for (SpebSeries s : SpebSeries.parse(defaultSchemes, 4)) {
            try {
                Designs.byName(s.design());
                out.add(s);
            } catch (IllegalArgumentException unknown) {
                // not registered in this build
            }
        }
        return out;
    }

    /** @return every default scheme entry, registered or not */
    public List<String> defaultSchemes() {
        return defaultSchemes;
    }

    /**
     * @param k a figure number
     * @return that figure
     * @throws IllegalArgumentException naming the figures for another number
     */
    public static SpebFigure of(int k) {
        for (SpebFigure f : values()) {
            if (f.number == k) {
                return f;
            }
        }
        throw new IllegalArgumentException("--figure " + k + ": paper 003 has figures 2-9");
    }

    /**
     * The scene set-up of one point of this figure for one series.
     *
     * @param x the x value (ignored for the convergence figures)
     * @param series the series
     * @return the scene options
     * @throws IllegalArgumentException when x is not usable (the message names {@code --points})
     */
    SceneOptions sceneOptions(double x, SpebSeries series) {
        // fully digital while N changes; the series' RF chains are checked against N at the end
        SceneOptions o = SceneOptions.PAPER.withRfChains(0).withAlgorithm(series.design());
        if (sumRate()) {
            o = o.withMinRateBpsHz(0).withSpebMaxM2(0.04);
        }
        switch (this.x) {
            case POWER_DBM -> o = o.withPowerW(1e-3 * Math.pow(10, checked(x, -100, 100, "a power in dBm") / 10));
            case ANTENNAS -> {
                if (x != Math.rint(x) || x < 1 || x > 4096) {
                    throw new IllegalArgumentException("--points: " + x + " is not a number of antennas");
                }
                o = o.withElements((int) x);
            }
            case MIN_RATE -> o = o.withMinRateBpsHz(checked(x, 0, 100, "a rate threshold in bps/Hz"));
            case PEB_MAX -> {
                if (!(x > 0) || !Double.isFinite(x)) {
                    throw new IllegalArgumentException("--points: " + x + " is not a PEB threshold in m (> 0)");
                }
                o = o.withSpebMaxM2(x * x);
            }
            case ITERATION -> {
                // one scene per draw
            }
            default -> throw new IllegalStateException("unknown x " + this.x);
        }
        if (series.rfChains() > 0 && o.elements() % series.rfChains() != 0) {
            throw new IllegalArgumentException("--schemes: " + series.rfChains() + " RF chains do not divide N = "
                    + o.elements());
        }
        o = o.withRfChains(series.rfChains());
        if (series.role() == SpebSeries.Role.SENSING_ONLY) {
            o = o.withMinRateBpsHz(0);
        }
        if (series.role() == SpebSeries.Role.COMMUNICATION_ONLY || series.design().endsWith("-comm")) {
            o = o.withSpebMaxM2(null);
        }
        return o;
    }

    private static double checked(double x, double lo, double hi, String what) {
        if (!(x >= lo && x <= hi)) {
            throw new IllegalArgumentException("--points: " + x + " is not " + what + " in [" + lo + ", " + hi + "]");
        }
        return x;
    }
}
