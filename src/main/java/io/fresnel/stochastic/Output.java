package io.fresnel.stochastic;

/**
 * The eleven required outputs of a {@code fresnel-p002-query/1} document (STOCHASTIC.md
 * section 2), with their keys in the result document. Rates in bit/s/Hz, CRBs in rad^2,
 * outages are probabilities.
 */
public enum Output {
    /** E[R_u]. */
    ERGODIC_RATE_USER("ergodic_rate_user_bps_hz"),
    /** E[R_e], the external eavesdropper (h_e ~ CN(0, I)). */
    ERGODIC_RATE_EVE("ergodic_rate_eve_bps_hz"),
    /** E[R_t], the malicious target decoding the user's stream (g = a(theta)). */
    ERGODIC_RATE_TARGET("ergodic_rate_target_bps_hz"),
    /** max(0, E[R_u] - E[R_e]), the paper's ESR (difference of ergodic rates). */
    ERGODIC_SECRECY_RATE("ergodic_secrecy_rate_bps_hz"),
    /** max(0, E[R_u] - E[R_t]). */
    ERGODIC_SECRECY_RATE_TARGET("ergodic_secrecy_rate_target_bps_hz"),
    /** E[CRB(theta) given |theta| &lt;= pi/2 - delta]. */
    ERGODIC_CRB_BS("ergodic_crb_bs_rad2"),
    /** E[CRB_strong(phi) given |phi| &lt;= pi/2 - delta]. */
    ERGODIC_CRB_SEVE_STRONG("ergodic_crb_seve_strong_rad2"),
    /** E[CRB_weak(phi) given |phi| &lt;= pi/2 - delta]. */
    ERGODIC_CRB_SEVE_WEAK("ergodic_crb_seve_weak_rad2"),
    /** P(CRB(theta) &gt; eps_bs), theta over (-pi/2, pi/2). */
    OUTAGE_CRB_BS("outage_crb_bs"),
    /** P(CRB_strong(phi) &gt; eps_seve_strong). */
    OUTAGE_CRB_SEVE_STRONG("outage_crb_seve_strong"),
    /** P(CRB_weak(phi) &gt; eps_seve_weak). */
    OUTAGE_CRB_SEVE_WEAK("outage_crb_seve_weak");

    private final String key;

    Output(String key) {
        this.key = key;
    }

    /** @return the key in the result document */
    public String key() {
        return key;
    }
}
