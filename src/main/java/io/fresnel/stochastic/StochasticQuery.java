package io.fresnel.stochastic;

import java.util.Locale;

/**
 * A {@code fresnel-p002-query/1} document (STOCHASTIC.md section 2): the scheme and its power
 * split, the array sizes, powers, gains and noise of paper 002's random network, the truncation
 * delta of the ergodic CRBs, the outage thresholds and the Monte Carlo budget. Validated on
 * construction; every rejection is an {@link IllegalArgumentException} whose message starts with
 * the field's name in the document (e.g. {@code "tx_elements must be an integer >= 4 (got 3)"}).
 *
 * @param scheme SSJB or SLB
 * @param split the power split of the scheme
 * @param txElements N, transmit elements (&gt;= 4)
 * @param rxElements M, BS radar receive elements (&gt;= 2)
 * @param seveElements Ne, sensing-eavesdropper elements (&gt;= 2)
 * @param powerW P, transmit power (W, &gt; 0)
 * @param snapshots L, snapshots of the sensing receivers (&gt;= 1)
 * @param gains the amplitude gains |c1|..|c5|
 * @param noise the noise powers (W)
 * @param deltaRad delta, the truncation |theta| &lt;= pi/2 - delta of the ergodic CRBs (rad, in (0, pi/2))
 * @param thresholds the outage thresholds (rad^2)
 * @param draws Monte Carlo draws (&gt;= 1)
 * @param seed Monte Carlo seed
 */
public record StochasticQuery(Scheme scheme, PowerSplit split, int txElements, int rxElements, int seveElements,
        double powerW, int snapshots, Gains gains, Noise noise, double deltaRad, Thresholds thresholds, long draws,
        long seed) {

    /** The document's format name. */
    public static final String FORMAT = "fresnel-p002-query/1";

    /** The two precoders of paper 002. */
    public enum Scheme {
        /** Secure subspace joint beamforming, parameters tau and alpha. */
        SSJB("ssjb"),
        /** Secure linear beamforming, parameters tau1, tau2, tau3. */
        SLB("slb");

        private final String key;

        Scheme(String key) {
            this.key = key;
        }

        /** @return the name in the document */
        public String key() {
            return key;
        }

        /**
         * @param key a name
         * @return the scheme
         * @throws IllegalArgumentException naming the field {@code scheme}
         */
        public static Scheme of(String key) {
            for (Scheme s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("scheme must be \"ssjb\" or \"slb\" (got \"" + key + "\")");
        }
    }

    /**
     * A power split. SSJB: {@code tau} = tau1 (user's stream), {@code alpha} (amplitude of t1
     * along a~); SLB: tau1 (user), tau2 (AN), tau3 (target beam), tau4 = 1 - tau1 - tau2 - tau3
     * (derivative beam). Unused fields are 0.
     *
     * @param tau1 tau (SSJB) or tau1 (SLB), in [0, 1]
     * @param alpha SSJB's alpha in [0, 1] (0 for SLB)
     * @param tau2 SLB's tau2 in [0, 1] (0 for SSJB)
     * @param tau3 SLB's tau3 in [0, 1] (0 for SSJB)
     */
    public record PowerSplit(double tau1, double alpha, double tau2, double tau3) {
        /** Slack on tau1 + tau2 + tau3 &lt;= 1 for decimal inputs. */
        static final double SUM_SLACK = 1e-12;

        /**
         * @param tau the user's fraction
         * @param alpha the amplitude along the target
         * @return an SSJB split
         */
        public static PowerSplit ssjb(double tau, double alpha) {
            inUnit("parameters.tau", tau);
            inUnit("parameters.alpha", alpha);
            return new PowerSplit(tau, alpha, 0, 0);
        }

        /**
         * @param tau1 the user's fraction
         * @param tau2 the AN fraction
         * @param tau3 the target beam's fraction
         * @return an SLB split
         */
        public static PowerSplit slb(double tau1, double tau2, double tau3) {
            inUnit("parameters.tau1", tau1);
            inUnit("parameters.tau2", tau2);
            inUnit("parameters.tau3", tau3);
            if (tau1 + tau2 + tau3 > 1 + SUM_SLACK) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "parameters.tau1 + tau2 + tau3 must be <= 1 (got %s)", tau1 + tau2 + tau3));
            }
            return new PowerSplit(tau1, 0, tau2, tau3);
        }

        /** @return SLB's tau4 = 1 - tau1 - tau2 - tau3 (>= 0) */
        public double tau4() {
            return Math.max(0, 1 - tau1 - tau2 - tau3);
        }

        private static void inUnit(String field, double v) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(field + " must be a number in [0, 1] (got " + v + ")");
            }
        }
    }

    /**
     * Amplitude gains (only |c|^2 enters), each finite and &gt; 0.
     *
     * @param user |c1|, BS to user
     * @param eve |c2|, BS to the external eavesdropper
     * @param target |c5|, BS to the (malicious) target
     * @param bsEcho |c3|, round trip BS - target - BS
     * @param seveEcho |c4|, BS - target - sensing eavesdropper
     */
    public record Gains(double user, double eve, double target, double bsEcho, double seveEcho) {
        /** Validates. */
        public Gains {
            positive("gains.user", user);
            positive("gains.eve", eve);
            positive("gains.target", target);
            positive("gains.bs_echo", bsEcho);
            positive("gains.seve_echo", seveEcho);
        }
    }

    /**
     * Noise powers (W), each finite and &gt; 0.
     *
     * @param user sigma_u^2
     * @param eve sigma_e^2
     * @param target sigma_t^2
     * @param bs sigma_r^2, the BS radar receiver
     * @param seve sigma_s^2, the sensing eavesdropper
     */
    public record Noise(double user, double eve, double target, double bs, double seve) {
        /** Validates. */
        public Noise {
            positive("noise_w.user", user);
            positive("noise_w.eve", eve);
            positive("noise_w.target", target);
            positive("noise_w.bs", bs);
            positive("noise_w.seve", seve);
        }
    }

    /**
     * Outage thresholds (rad^2), each finite and &gt; 0.
     *
     * @param bs eps of P(CRB(theta) &gt; eps)
     * @param seveStrong eps of P(CRB_strong(phi) &gt; eps)
     * @param seveWeak eps of P(CRB_weak(phi) &gt; eps)
     */
    public record Thresholds(double bs, double seveStrong, double seveWeak) {
        /** Validates. */
        public Thresholds {
            positive("crb_threshold_rad2.bs", bs);
            positive("crb_threshold_rad2.seve_strong", seveStrong);
            positive("crb_threshold_rad2.seve_weak", seveWeak);
        }
    }

    /** Validates the fields. */
    public StochasticQuery {
        if (scheme == null || split == null || gains == null || noise == null || thresholds == null) {
            throw new IllegalArgumentException("scheme, parameters, gains, noise_w and crb_threshold_rad2 are required");
        }
        if (scheme == Scheme.SSJB && (split.tau2() != 0 || split.tau3() != 0)) {
            throw new IllegalArgumentException("parameters: ssjb takes tau and alpha only");
        }
        if (scheme == Scheme.SLB && split.alpha() != 0) {
            throw new IllegalArgumentException("parameters: slb takes tau1, tau2 and tau3 only");
        }
        atLeast("tx_elements", txElements, 4);
        atLeast("rx_elements", rxElements, 2);
        atLeast("seve_elements", seveElements, 2);
        positive("transmit_power_w", powerW);
        atLeast("snapshots", snapshots, 1);
        if (!(deltaRad > 0 && deltaRad < Math.PI / 2)) {
            throw new IllegalArgumentException("delta_rad must be a number in (0, pi/2) (got " + deltaRad + ")");
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be an integer >= 1 (got " + draws + ")");
        }
    }

    /**
     * @param split the new split (of the same scheme)
     * @return a copy with that split
     */
    public StochasticQuery withSplit(PowerSplit split) {
        return new StochasticQuery(scheme, split, txElements, rxElements, seveElements, powerW, snapshots, gains,
                noise, deltaRad, thresholds, draws, seed);
    }

    /**
     * @param scheme the scheme
     * @param split its split
     * @return a copy with that scheme and split
     */
    public StochasticQuery withScheme(Scheme scheme, PowerSplit split) {
        return new StochasticQuery(scheme, split, txElements, rxElements, seveElements, powerW, snapshots, gains,
                noise, deltaRad, thresholds, draws, seed);
    }

    /**
     * @param draws Monte Carlo draws
     * @param seed the seed
     * @return a copy with that budget
     */
    public StochasticQuery withDraws(long draws, long seed) {
        return new StochasticQuery(scheme, split, txElements, rxElements, seveElements, powerW, snapshots, gains,
                noise, deltaRad, thresholds, draws, seed);
    }

    /**
     * The paper's set-up (Sec. X): N = 15, M = 17, Ne = 15, P = 10 W, L = 30, |c1|^2 = |c2|^2 =
     * |c5|^2 = 1e-3, |c3| = |c4| = 1e-3, unit noise, delta = 0.1; thresholds 0.5, 1 and 1000 rad^2;
     * 100000 draws, seed 101.
     *
     * @param scheme the scheme
     * @param split its split
     * @return the query
     */
    public static StochasticQuery paperSetup(Scheme scheme, PowerSplit split) {
        double c = Math.sqrt(1e-3);
        return new StochasticQuery(scheme, split, 15, 17, 15, 10.0, 30, new Gains(c, c, c, 1e-3, 1e-3),
                new Noise(1, 1, 1, 1, 1), 0.1, new Thresholds(0.5, 1.0, 1000.0), 100_000, 101);
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0 (got " + v + ")");
        }
    }

    private static void atLeast(String field, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(field + " must be an integer >= " + min + " (got " + v + ")");
        }
    }
}
