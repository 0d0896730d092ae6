package io.fresnel.metrics;

import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SINRs, rates and secrecy rates of users and eavesdroppers (SCENARIO.md section 2; paper 000
 * eqs. (9)-(15) with the interference terms corrected per ERRATA 000.1).
 *
 * <p>SDMA: sinr_u = |c p_u|^2 / (sum_{i != u} |c p_i|^2 + noise) (artificial-noise and sensing
 * streams interfere). RSMA: the common stream p_0 is decoded first with every other stream as
 * noise, then the private stream after SIC with the remaining ones. An eavesdropper decodes the
 * common stream with all other streams as noise and private stream u with all others (the common
 * one included) as noise.
 *
 * <p>Secrecy: non-RSMA [R_u - max_e R_{e,u}]^+; RSMA R_u^s = share_u R_c^s + R_{u,p}^s with
 * R_c^s = [min_u R_{u,c} - max_e R_{e,c}]^+, R_{u,p}^s = [R_{u,p} - max_e R_{e,u}]^+ and either
 * the given shares or the max-min water-filling split {@link #waterFill(double[], double)}.
 */
public final class CommunicationMetrics {

    /**
     * The communication part of the metrics.
     *
     * @param users per user, in scenario order
     * @param eavesdroppers per external eavesdropper, in scenario order
     * @param eavesdroppingTargets per eavesdropping target id
     * @param sumRateBpsHz SDMA: sum of rates; RSMA: common rate + sum of private rates; null
     *     without users
     * @param commonRateBpsHz RSMA: min over users of the common rate; else null
     * @param minSecrecyRateBpsHz min over users with a secrecy rate, or null
     */
    public record Result(List<UserMetrics> users, List<EavesdropperMetrics> eavesdroppers,
            Map<String, EavesdropperMetrics> eavesdroppingTargets, Double sumRateBpsHz, Double commonRateBpsHz,
            Double minSecrecyRateBpsHz) {
    }

    private CommunicationMetrics() {
    }

    /**
     * Evaluates the communication metrics.
     *
     * @param physics the scenario's physics
     * @param precoder the precoder (its effective P is used)
     * @param columns the unpacked effective P
     * @return the metrics
     */
    public static Result evaluate(ScenarioPhysics physics, Precoder precoder, PrecoderColumns columns) {
        Scenario sc = physics.scenario();
        int common = precoder.commonIndex();
        boolean rsma = common >= 0;
        List<UserMetrics> users = new ArrayList<>();
        for (CommNode u : sc.users()) {
            double[][] c = physics.channelRow(u);
            double[] pw = columns.streamPowers(c[0], c[1]);
            int pu = precoder.privateIndex(u.id());
            if (rsma) {
                double cs = sinr(pw, common, -1, u.noiseW());
                Double ps = pu >= 0 ? sinr(pw, pu, common, u.noiseW()) : null;
                users.add(new UserMetrics(u.id(), null, null, cs, log2p1(cs), ps, ps == null ? null : log2p1(ps),
                        null));
            } else if (pu >= 0) {
                double s = sinr(pw, pu, -1, u.noiseW());
                users.add(new UserMetrics(u.id(), s, log2p1(s), null, null, null, null, null));
            } else {
                users.add(new UserMetrics(u.id(), null, null, null, null, null, null, null));
            }
        }
        List<EavesdropperMetrics> eves = new ArrayList<>();
        for (CommNode e : sc.eavesdroppers()) {
            eves.add(overhear(physics, precoder, columns, e));
        }
        Map<String, EavesdropperMetrics> eavesdroppingTargets = new LinkedHashMap<>();
        for (Target t : sc.targets()) {
            if (t.eavesdropper()) {
                eavesdroppingTargets.put(t.id(), overhear(physics, precoder, columns, t.asReceiver()));
            }
        }
        List<EavesdropperMetrics> allEves = new ArrayList<>(eves);
        allEves.addAll(eavesdroppingTargets.values());

        Double commonRate = null;
        if (rsma && !users.isEmpty()) {
            commonRate = users.stream().mapToDouble(UserMetrics::commonRateBpsHz).min().orElseThrow();
        }
        if (!allEves.isEmpty()) {
            users = withSecrecy(users, allEves, precoder, commonRate);
        }
        Double sumRate = null;
        if (!users.isEmpty()) {
            double s = rsma ? commonRate : 0;
            for (UserMetrics m : users) {
                Double r = rsma ? m.privateRateBpsHz() : m.rateBpsHz();
                s += r == null ? 0 : r;
            }
            sumRate = s;
        }
        Double minSecrecy = users.stream().map(UserMetrics::secrecyRateBpsHz).filter(x -> x != null)
                .min(Double::compare).orElse(null);
        return new Result(users, eves, eavesdroppingTargets, sumRate, rsma ? commonRate : null, minSecrecy);
    }

    private static EavesdropperMetrics overhear(ScenarioPhysics physics, Precoder precoder, PrecoderColumns columns,
            CommNode e) {
        double[][] c = physics.channelRow(e);
        double[] pw = columns.streamPowers(c[0], c[1]);
        Map<String, Double> sinr = new LinkedHashMap<>();
        Map<String, Double> rate = new LinkedHashMap<>();
        List<Stream> streams = precoder.streams();
        Double commonSinr = null;
        for (int i = 0; i < streams.size(); i++) {
            Stream s = streams.get(i);
            double v = sinr(pw, i, -1, e.noiseW());
            if (s.role() == StreamRole.PRIVATE) {
                sinr.put(s.userId(), v);
                rate.put(s.userId(), log2p1(v));
            } else if (s.role() == StreamRole.COMMON) {
                commonSinr = v;
            }
        }
        return new EavesdropperMetrics(e.id(), sinr, rate, commonSinr, commonSinr == null ? null : log2p1(commonSinr));
    }

    private static List<UserMetrics> withSecrecy(List<UserMetrics> users, List<EavesdropperMetrics> eves,
            Precoder precoder, Double commonRate) {
        boolean rsma = precoder.commonIndex() >= 0;
        int k = users.size();
        double[] rates = new double[k];
        double[] worst = new double[k];
        double[] shares = shares(precoder, users.stream().map(UserMetrics::id).toList());
        for (int i = 0; i < k; i++) {
            UserMetrics u = users.get(i);
            Double r = rsma ? u.privateRateBpsHz() : u.rateBpsHz();
            rates[i] = r == null ? Double.NaN : r;
            worst[i] = worstEavesdropperRate(eves, u.id());
        }
        double worstCommon = rsma ? eves.stream().mapToDouble(e -> e.commonRateBpsHz()).max().orElseThrow() : 0;
        double[] secrecy = SecrecyRates.of(rsma, rates, commonRate == null ? Double.NaN : commonRate, worst,
                worstCommon, shares);
        List<UserMetrics> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(Double.isNaN(secrecy[i]) ? users.get(i) : users.get(i).withSecrecy(secrecy[i]));
        }
        return out;
    }

    /**
     * @param precoder the precoder
     * @param userIds the users' ids, in scenario order
     * @return each user's share of the common secrecy rate (missing users 0), or null for the
     *     max-min water-filling split
     */
    public static double[] shares(Precoder precoder, List<String> userIds) {
        Map<String, Double> shares = precoder.commonSecrecyShares();
        if (shares == null) {
            return null;
        }
        double[] out = new double[userIds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shares.getOrDefault(userIds.get(i), 0.0);
        }
        return out;
    }

    private static double worstEavesdropperRate(List<EavesdropperMetrics> eves, String userId) {
        double worst = 0;
        for (EavesdropperMetrics e : eves) {
            Double r = e.rateBpsHz().get(userId);
            if (r != null) {
                worst = Math.max(worst, r);
            }
        }
        return worst;
    }

    /**
     * The max-min split of a common amount C over users with private values x_u: the level L with
     * sum_u max(0, L - x_u) = C, each user receiving max(x_u, L).
     *
     * @param x private values (>= 0); not modified
     * @param c the common amount to share (>= 0)
     * @return max(x_u, L) per user
     */
    public static double[] waterFill(double[] x, double c) {
        int n = x.length;
        double[] out = x.clone();
        if (n == 0 || c <= 0) {
            return out;
        }
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double prefix = 0;
        double level = 0;
        for (int k = 1; k <= n; k++) {
            prefix += sorted[k - 1];
            level = (c + prefix) / k;
            if (k == n || level <= sorted[k]) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(x[i], level);
        }
        return out;
    }

    /**
     * The SINR of decoding one stream with the others as noise:
     * pw_s / (sum_{i != s, i != excluded} pw_i + noise).
     *
     * @param pw received power of each stream |c^T p_i|^2 (W); not modified
     * @param stream the decoded stream s
     * @param excluded a stream already removed by SIC, or -1
     * @param noiseW the receiver's noise power (W)
     * @return the SINR (linear)
     */
    public static double sinr(double[] pw, int stream, int excluded, double noiseW) {
        return pw[stream] / (sumExcept(pw, stream, excluded) + noiseW);
    }

    /**
     * @param sinr a SINR (linear)
     * @return the achievable rate log2(1 + sinr) (bit/s/Hz)
     */
    public static double rate(double sinr) {
        return log2p1(sinr);
    }

    private static double sumExcept(double[] pw, int skipA, int skipB) {
        double s = 0;
        for (int i = 0; i < pw.length; i++) {
            if (i != skipA && i != skipB) {
                s += pw[i];
            }
        }
        return s;
    }

    private static double log2p1(double x) {
        return Math.log1p(x) / Math.log(2);
    }
}
