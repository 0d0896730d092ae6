package io.fresnel.metrics;

import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The constraints a scenario states, checked against its metrics: the power budget
 * (||P||_F^2 <= transmit_power_w), each user's {@code min_rate_bps_hz}, and the bounds of the
 * solver block ({@code crb_angle_max_rad2}, {@code crb_range_max_m2} for every target's polar
 * CRB, {@code speb_max_m2}, {@code pcrb_max_rad2} for paper 001's bound (24)).
 *
 * <p>A user's rate is {@code rate_bps_hz} under SDMA; under RSMA it is the private rate plus the
 * user's part of the system's common rate (the minimum over users; its
 * {@code common_secrecy_shares} entry, or an equal split).
 */
public final class ConstraintStatus {
    /** Relative slack allowed on every constraint (rounding). */
    public static final double TOLERANCE = 1e-6;

    /**
     * One checked constraint.
     *
     * @param name what is constrained, e.g. "u1 rate >= 2 bit/s/Hz"
     * @param value the metric's value (SI), or NaN when it does not exist (violated)
     * @param limit the threshold (SI)
     * @param upper whether the limit is an upper bound (value <= limit)
     */
    public record Check(String name, double value, double limit, boolean upper) {
        /** @return whether the constraint holds (within {@link #TOLERANCE}) */
        public boolean met() {
            if (Double.isNaN(value)) {
                return false;
            }
            return upper ? value <= limit * (1 + TOLERANCE) : value >= limit * (1 - TOLERANCE);
        }
    }

    private ConstraintStatus() {
    }

    /**
     * @param s the scenario with the precoder the metrics were computed for
     * @param m its metrics
     * @return every constraint it states, in a stable order
     */
    public static List<Check> of(Scenario s, Metrics m) {
        List<Check> out = new ArrayList<>();
        if (s.transmitPowerW() != null && m.system().transmitPowerW() != null) {
            out.add(new Check("transmit power <= budget (W)", m.system().transmitPowerW(), s.transmitPowerW(), true));
        }
        Precoder p = s.precoder();
        for (CommNode u : s.users()) {
            if (u.minRateBpsHz() == null) {
                continue;
            }
            UserMetrics um = m.users().stream().filter(x -> x.id().equals(u.id())).findFirst().orElse(null);
            out.add(new Check(u.id() + " rate >= min (bit/s/Hz)", userRate(um, p, s.users().size(), m.system().commonRateBpsHz()), u.minRateBpsHz(),
                    false));
        }
        Map<String, Object> params = s.solver() != null ? s.solver().parameters() : Map.of();
        for (TargetMetrics t : m.targets()) {
            bound(out, params, "crb_angle_max_rad2", t.id() + " angle CRB (rad^2)", t.crbAngleRad2());
            bound(out, params, "crb_range_max_m2", t.id() + " range CRB (m^2)", t.crbRangeM2());
            bound(out, params, "speb_max_m2", t.id() + " SPEB (m^2)", t.spebM2());
            if (t.pcrbUpperApproxRad2() != null) {
                bound(out, params, "pcrb_max_rad2", t.id() + " PCRB bound (24) (rad^2)", t.pcrbUpperApproxRad2());
            }
        }
        return out;
    }

    private static void bound(List<Check> out, Map<String, Object> params, String key, String name, Double value) {
        if (params.get(key) instanceof Number limit) {
            out.add(new Check(name + " <= " + key, value == null ? Double.NaN : value, limit.doubleValue(), true));
        }
    }

    private static double userRate(UserMetrics um, Precoder p, int users, Double systemCommonRate) {
        if (um == null) {
            return Double.NaN;
        }
        if (um.rateBpsHz() != null) {
            return um.rateBpsHz();
        }
        if (um.privateRateBpsHz() == null && um.commonRateBpsHz() == null) {
            return Double.NaN;
        }
        double share = 1.0 / users;
        if (p != null && p.commonSecrecyShares() != null) {
            share = p.commonSecrecyShares().getOrDefault(um.id(), 0.0);
        }
        double priv = um.privateRateBpsHz() == null ? 0 : um.privateRateBpsHz();
        double common = systemCommonRate == null ? 0 : systemCommonRate;
        return priv + share * common;
    }
}
