package io.fresnel.stochastic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact stochastic analysis of SSJB (paper 002 Sec. IV-A, Lemmas 2, 4, 6, 8, 10-12, corrected per
 * ERRATA 002.3-002.6, 002.13-002.14). With z = a~^H h ~ CN(0, 1), ||h_perp||^2 ~ Gamma(N-1, 1)
 * independent, and W = sum_{i&gt;=3} |a~'^H t_i|^2 ~ Beta(N-2, 1):
 * <ul>
 *   <li>user: SINR_u = rho |alpha z* + beta ||h_perp|| |^2 (no AN reaches the user), whose MGF is
 *       (1 + s rho alpha^2)^{N-2} / (1 + s rho)^{N-1} (a binomial mixture of Gamma(N-1-k, 1));</li>
 *   <li>eavesdropper: SINR_e = C1 X/(1 + C2 Y), X ~ Exp(1), Y ~ Gamma(N-2, 1) (ERRATA 002.4),
 *       E ln(1 + SINR_e) = int e^{-s} C1/(1 + s C1) (1 + s C2)^{-(N-2)} ds;</li>
 *   <li>target: SINR_t = |c5|^2 P tau alpha^2 N / sigma_t^2, deterministic (Lemma 12);</li>
 *   <li>BS: CRB(theta) = K0 / (cos^2 theta (A + B W)), K0 = 6 sigma_r^2/(|c3|^2 L pi^2 M N),
 *       A = P tau alpha^2 (M^2 - 1), B = P (1 - tau)(N^2 - 1)/(N - 2) (Lemma 2, ERRATA 002.5);</li>
 *   <li>sensing eavesdropper: d = a^H R_X a = P tau alpha^2 N, CRB_strong = Ks/cos^2 phi with
 *       Ks = 6 sigma_s^2/(L |c4|^2 pi^2 Ne (Ne^2 - 1) d), CRB_weak = CRB_strong (1 + sigma_s^2/(|c4|^2 d Ne))
 *       (Lemmas 4 and 6 with ERRATA 002.3).</li>
 * </ul>
 */
final class SsjbExact {
    private SsjbExact() {
    }

    /**
     * @param q an SSJB query
     * @return the exact outputs and the corrected closed forms
     */
    static ExactResult evaluate(StochasticQuery q) {
        int n = q.txElements();
        int m = q.rxElements();
        int ne = q.seveElements();
        double p = q.powerW();
        double tau = q.split().tau1();
        double alpha = q.split().alpha();
        double a2 = alpha * alpha;
        double b2 = 1 - a2;
        double l = q.snapshots();
        StochasticQuery.Gains g = q.gains();
        StochasticQuery.Noise s2 = q.noise();
        double rho = p * tau * sq(g.user()) / s2.user();
        double ru = rho == 0 ? 0 : ExactKernels.rateBits(s -> (n - 2) * Math.log1p(s * rho * a2)
                - (n - 1) * Math.log1p(s * rho));
        double c1 = p * tau * sq(g.eve()) / s2.eve();
        double c2 = p * (1 - tau) * sq(g.eve()) / ((n - 2) * s2.eve());
        double re = eveRateBits(c1, c2, n);
        double rt = Math.log1p(sq(g.target()) * p * tau * a2 * n / s2.target()) / ExactKernels.LN2;
        double trunc = ExactKernels.truncatedSecantMean(q.deltaRad());
        double k0 = 6 * s2.bs() / (sq(g.bsEcho()) * l * Math.PI * Math.PI * m * n);
        double capA = p * tau * a2 * ((double) m * m - 1);
        double capB = p * (1 - tau) * ((double) n * n - 1) / (n - 2);
        double eps = q.thresholds().bs();
        double crbBs;
        double outBs;
        if (capA > 0) {
            double inv = ExactKernels.beta1Mean(n - 2, x -> 1 / (capA + capB * (1 - x)));
            crbBs = trunc * k0 * inv;
            // kink where K0/(eps (A + B w)) = 1, w = 1 - x
            double wKink = (k0 / eps - capA) / capB;
            outBs = ExactKernels.beta1Mean(n - 2, x -> ExactKernels.secantOutage(k0 / (capA + capB * (1 - x)), eps),
                    1 - wKink);
        } else {
            crbBs = Double.POSITIVE_INFINITY;
            outBs = 1;
        }
        double d = p * tau * a2 * n;
        double ks = d > 0 ? 6 * s2.seve() / (l * sq(g.seveEcho()) * Math.PI * Math.PI * ne * ((double) ne * ne - 1) * d)
                : Double.POSITIVE_INFINITY;
        double kw = d > 0 ? ks * (1 + s2.seve() / (sq(g.seveEcho()) * d * ne)) : Double.POSITIVE_INFINITY;
        double crbStrong = trunc * ks;
        double crbWeak = trunc * kw;
        double outStrong = ExactKernels.secantOutage(ks, q.thresholds().seveStrong());
        double outWeak = ExactKernels.secantOutage(kw, q.thresholds().seveWeak());
        Outputs outputs = Outputs.of(ru, re, rt, Math.max(0, ru - re), Math.max(0, ru - rt), crbBs, crbStrong,
                crbWeak, outBs, outStrong, outWeak);

        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("lemma10_user_rate_upper1_bps_hz", gammaRateBits(rho, n));
        extra.put("lemma10_user_rate_upper2_bps_hz", Math.log1p(rho * (a2 + b2 * (n - 1))) / ExactKernels.LN2);
        extra.put("lemma11_eve_rate_bps_hz", lemma11EveRateBits(c1, c2, n));
        extra.put("lemma12_target_rate_bps_hz", rt);
        extra.put("lemma2_outage_crb_bs_lower", capA > 0 ? ExactKernels.secantOutage(k0 / (capA + capB), eps) : 1.0);
        extra.put("lemma4_outage_crb_seve_strong", outStrong);
        extra.put("lemma6_outage_crb_seve_weak", outWeak);
        extra.put("lemma8_ergodic_crb_bs_lower", capA > 0 ? trunc * k0 / (capA + capB) : null);
        extra.put("lemma8_ergodic_crb_seve_strong_rad2", finite(crbStrong));
        extra.put("lemma8_ergodic_crb_seve_weak_rad2", finite(crbWeak));
        return new ExactResult(outputs, extra);
    }

    /**
     * Ergodic rate of SINR = C1 X/(1 + C2 Y), X ~ Exp(1), Y ~ Gamma(N-2, 1), through
     * E ln(1 + C2 Y + C1 X) - E ln(1 + C2 Y) = int e^{-s} C1/(1 + s C1) (1 + s C2)^{-(N-2)} ds.
     */
    static double eveRateBits(double c1, double c2, int n) {
        if (c1 == 0) {
            return 0;
        }
        return Quadrature.integrate(s -> Math.exp(-s - (n - 2) * Math.log1p(s * c2)) * c1 / (1 + s * c1),
                new double[] {0, 1e-6, 1e-4, 1e-2, 0.1, 1, 4, 16, 50}) / ExactKernels.LN2;
    }

    /**
     * Lemma 11 / eq. (14) corrected per ERRATA 002.4: int_0^inf exp(-T/C1) (1 + T C2/C1)^{-(N-2)} dt,
     * T = 2^t - 1 (bit). The same value as {@link #eveRateBits}, by a different integral.
     */
    static double lemma11EveRateBits(double c1, double c2, int n) {
        if (c1 == 0) {
            return 0;
        }
        // t up to where exp(-T/C1) < 1e-30: T = 69 C1
        double tMax = Math.log1p(69.1 * c1) / ExactKernels.LN2 + 1;
        double[] br = new double[9];
        for (int i = 0; i < br.length; i++) {
            br[i] = tMax * i / (br.length - 1.0);
        }
        return Quadrature.integrate(t -> {
            double big = Math.expm1(t * ExactKernels.LN2);
            return Math.exp(-big / c1 - (n - 2) * Math.log1p(big * c2 / c1));
        }, br);
    }

    /**
     * E log2(1 + rho X), X ~ Gamma(k, 1), by ERRATA 002.13: e^{1/rho} sum_{j=1..k} E_j(1/rho) (nats).
     */
    static double gammaRateBits(double rho, int k) {
        if (rho == 0) {
            return 0;
        }
        double sum = 0;
        for (int j = 1; j <= k; j++) {
            sum += ExactKernels.scaledExpint(j, 1 / rho);
        }
        return sum / ExactKernels.LN2;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double sq(double x) {
        return x * x;
    }
}
