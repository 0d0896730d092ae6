package io.fresnel.stochastic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact stochastic analysis of SLB (paper 002 Sec. IV-B, Lemmas 3, 5, 7, 9, 13-15, corrected per
 * ERRATA 002.3, 002.8-002.11, 002.14). With u = a~' and gamma = P tau2/(N - 1):
 * R_X = gamma I + y h^ h^^H + P tau3 a~ a~^H + P tau4 u u^H, y = P tau1 - gamma. The exact laws used:
 * <ul>
 *   <li>h = z1 a~ + z2 u + h_r, |z1|^2, |z2|^2 ~ Exp(1), ||h_r||^2 ~ Gamma(N-2, 1) independent, so
 *       SINR_u = rho1 (E1 + E2 + G)/(1 + rho3 E1 + rho4 E2) and both ln-terms have product MGFs;</li>
 *   <li>(D1, D2) = (|a~^H h^|^2, |u^H h^|^2) ~ Dirichlet(1, 1, N-2) independent of ||h||^2
 *       (ERRATA 002.8, 002.14): D1 ~ Beta(1, N-1), D2 = (1 - D1) V, V ~ Beta(1, N-2);</li>
 *   <li>eavesdropper: B = |h^^H h_e|^2/||h_e||^2 ~ Beta(1, N-1) independent of h_e, and
 *       h_e^H R_X h_e = (P tau1 B + gamma (1 - B)) S + P tau3 E1' + P tau4 E2', S = E1' + E2' + G';</li>
 *   <li>target: SINR_t = |c5|^2 P tau1 N D1 / (sigma_t^2 + |c5|^2 N (gamma (1 - D1) + P tau3))
 *       (Lemma 15 with S/K = N D1 exactly);</li>
 *   <li>BS: a^H R a = N (y D1 + e1), e1 = gamma + P tau3, e2 = gamma + P tau4;
 *       CRB(theta) = K0 / (cos^2 theta F), F = (M^2 - 1)(y D1 + e1) + (N^2 - 1)(e2 + y e1 D2/(y D1 + e1))
 *       (eq. 12 with ERRATA 002.10-002.11);</li>
 *   <li>sensing eavesdropper: d = N (y D1 + e1) in Lemmas 5 and 7 (ERRATA 002.3, 002.12).</li>
 * </ul>
 */
final class SlbExact {
    private SlbExact() {
    }

    /**
     * @param q an SLB query
     * @return the exact outputs and the corrected closed forms
     */
    static ExactResult evaluate(StochasticQuery q) {
        int n = q.txElements();
        int m = q.rxElements();
        int ne = q.seveElements();
        double p = q.powerW();
        StochasticQuery.PowerSplit sp = q.split();
        double t1 = sp.tau1();
        double t2 = sp.tau2();
        double t3 = sp.tau3();
        double t4 = sp.tau4();
        double l = q.snapshots();
        StochasticQuery.Gains g = q.gains();
        StochasticQuery.Noise s2 = q.noise();
        double gamma = p * t2 / (n - 1);
        double y = p * t1 - gamma;
        double e1 = gamma + p * t3;
        double e2 = gamma + p * t4;

        double cu = sq(g.user()) / s2.user();
        double r1 = cu * p * t1;
        double r3 = cu * p * t3;
        double r4 = cu * p * t4;
        double ru = r1 == 0 ? 0 : ExactKernels.rateDifferenceBits(
                s -> -Math.log1p(s * (r1 + r3)) - Math.log1p(s * (r1 + r4)) - (n - 2) * Math.log1p(s * r1),
                s -> -Math.log1p(s * r3) - Math.log1p(s * r4));
        double re = eveRateBits(q, gamma);
        double ct = sq(g.target());
        double rt = t1 == 0 ? 0 : ExactKernels.beta1Mean(n - 1, x -> Math.log1p(ct * p * t1 * n * x
                / (s2.target() + ct * n * (gamma * (1 - x) + p * t3))) / ExactKernels.LN2);

        double trunc = ExactKernels.truncatedSecantMean(q.deltaRad());
        double k0 = 6 * s2.bs() / (sq(g.bsEcho()) * l * Math.PI * Math.PI * m * n);
        boolean dark = e1 == 0 && t1 == 0; // a^H R_X a = 0 for every draw
        double mm = (double) m * m - 1;
        double nn = (double) n * n - 1;
        double eps = q.thresholds().bs();
        double crbBs;
        double outBs;
        if (dark) {
            crbBs = Double.POSITIVE_INFINITY;
            outBs = 1;
        } else {
            crbBs = e1 == 0 && e2 == 0 ? Double.POSITIVE_INFINITY
                    : trunc * k0 * dirichletMean(n, (x, v) -> 1 / fisherBracket(mm, nn, y, e1, e2, x, (1 - x) * v));
            outBs = dirichletOutage(n, k0, eps, mm, nn, y, e1, e2);
        }
        double cs = 6 * s2.seve() / (l * sq(g.seveEcho()) * Math.PI * Math.PI * ne * ((double) ne * ne - 1));
        double weakFactor = s2.seve() / (sq(g.seveEcho()) * ne);
        double crbStrong;
        double crbWeak;
        if (dark || e1 == 0) {
            crbStrong = Double.POSITIVE_INFINITY; // E[1/D1] diverges
            crbWeak = Double.POSITIVE_INFINITY;
        } else {
            crbStrong = trunc * cs * ExactKernels.beta1Mean(n - 1, x -> 1 / (n * (y * x + e1)));
            crbWeak = trunc * cs * ExactKernels.beta1Mean(n - 1, x -> {
                double d = n * (y * x + e1);
                return (1 + weakFactor / d) / d;
            });
        }
        double outStrong;
        double outWeak;
        if (dark) {
            outStrong = 1;
            outWeak = 1;
        } else {
            double epsS = q.thresholds().seveStrong();
            double epsW = q.thresholds().seveWeak();
            // kink in D1 where Ks(d)/eps = 1: d* = cs/eps
            double kinkS = (cs / epsS / n - e1) / y;
            outStrong = ExactKernels.beta1Mean(n - 1, x -> ExactKernels.secantOutage(cs / (n * (y * x + e1)), epsS),
                    kinkS);
            // weak: cs (1 + w/d)/d = eps  ->  eps d^2 - cs d - cs w = 0
            double dW = (cs + Math.sqrt(cs * cs + 4 * epsW * cs * weakFactor)) / (2 * epsW);
            double kinkW = (dW / n - e1) / y;
            outWeak = ExactKernels.beta1Mean(n - 1, x -> {
                double d = n * (y * x + e1);
                return ExactKernels.secantOutage(cs * (1 + weakFactor / d) / d, epsW);
            }, kinkW);
        }
        Outputs outputs = Outputs.of(ru, re, rt, Math.max(0, ru - re), Math.max(0, ru - rt), crbBs, crbStrong,
                crbWeak, outBs, outStrong, outWeak);

        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("lemma13_user_rate_upper_bps_hz", r1 == 0 ? 0.0 : ExactKernels.rateDifferenceBits(
                s -> -Math.log1p(s * (r1 + r3)) - (n - 1) * Math.log1p(s * r1), s -> -Math.log1p(s * r3)));
        extra.put("lemma13_user_rate_lower_bps_hz", r1 == 0 ? 0.0 : ExactKernels.rateDifferenceBits(
                s -> -Math.log1p(s * (r1 + r3 + r4)) - (n - 1) * Math.log1p(s * (r1 + r4)),
                s -> -Math.log1p(s * (r3 + r4)) - (n - 1) * Math.log1p(s * r4)));
        double ce = sq(g.eve());
        extra.put("lemma14_eve_rate_approx_bps_hz",
                Math.log1p(ce * p * t1 / (s2.eve() + ce * (p - p * t1))) / ExactKernels.LN2);
        extra.put("lemma15_target_rate_bps_hz", rt);
        if (!dark && y >= 0 && !(e1 == 0 && e2 == 0)) {
            // Lemma 9 (ERRATA 002.9): dropping the positive y e1 D2/(y D1 + e1) bounds the CRB above;
            // D2 <= 1 (the paper's Cauchy-Schwarz) bounds it below
            extra.put("lemma9_ergodic_crb_bs_upper", e2 == 0 ? null : trunc * k0
                    * ExactKernels.beta1Mean(n - 1, x -> 1 / (mm * (y * x + e1) + nn * e2)));
            extra.put("lemma9_ergodic_crb_bs_lower", trunc * k0
                    * ExactKernels.beta1Mean(n - 1, x -> 1 / fisherBracket(mm, nn, y, e1, e2, x, 1)));
        }
        return new ExactResult(outputs, extra);
    }

    /**
     * The bracket F of CRB(theta) = K0/(cos^2 theta F) (the limit e1 -&gt; 0 of the last term is 0).
     */
    static double fisherBracket(double mm, double nn, double y, double e1, double e2, double d1, double d2) {
        double illum = y * d1 + e1;
        double cross = e1 == 0 ? 0 : y * e1 * d2 / illum;
        return mm * illum + nn * (e2 + cross);
    }

    /** E f(D1, V) for D1 ~ Beta(1, N-1), V ~ Beta(1, N-2) independent (D2 = (1 - D1) V). */
    private static double dirichletMean(int n, java.util.function.DoubleBinaryOperator f) {
        return ExactKernels.beta1Mean(n - 1, x -> ExactKernels.beta1Mean(n - 2, v -> f.applyAsDouble(x, v)));
    }

    /** P(K0/(cos^2 theta F(D1, D2)) &gt; eps) with the kink in V located for every D1. */
    private static double dirichletOutage(int n, double k0, double eps, double mm, double nn, double y, double e1,
            double e2) {
        double target = k0 / eps;
        return ExactKernels.beta1Mean(n - 1, x -> {
            double illum = y * x + e1;
            // F linear in D2 = (1 - x) v: F = F0 + slope v
            double f0 = mm * illum + nn * e2;
            double slope = e1 == 0 ? 0 : nn * y * e1 * (1 - x) / illum;
            double kink = slope == 0 ? Double.NaN : (target - f0) / slope;
            return ExactKernels.beta1Mean(n - 2, v -> ExactKernels.secantOutage(k0 / (f0 + slope * v), eps), kink);
        });
    }

    /**
     * E log2(1 + SINR_e) = int e^{-s}/s E_B[M_int(s, B) - M_all(s, B)] ds with
     * ln M(k) = -ln(1 + s (k + q3)) - ln(1 + s (k + q4)) - (N - 2) ln(1 + s k),
     * k_all = c (P tau1 B + gamma (1 - B)), k_int = c gamma (1 - B).
     */
    private static double eveRateBits(StochasticQuery q, double gamma) {
        int n = q.txElements();
        double p = q.powerW();
        double c = q.gains().eve() * q.gains().eve() / q.noise().eve();
        double a1 = c * p * q.split().tau1();
        if (a1 == 0) {
            return 0;
        }
        double q3 = c * p * q.split().tau3();
        double q4 = c * p * q.split().tau4();
        double cg = c * gamma;
        return Quadrature.integrate(s -> {
            if (s == 0) {
                return 0;
            }
            double inner = ExactKernels.beta1Mean(n - 1, b -> {
                double kAll = a1 * b + cg * (1 - b);
                double kInt = cg * (1 - b);
                double lAll = -Math.log1p(s * (kAll + q3)) - Math.log1p(s * (kAll + q4)) - (n - 2) * Math.log1p(s * kAll);
                double lInt = -Math.log1p(s * (kInt + q3)) - Math.log1p(s * (kInt + q4)) - (n - 2) * Math.log1p(s * kInt);
                return -Math.expm1(lAll) + Math.expm1(lInt);
            });
            return Math.exp(-s) / s * inner;
        }, new double[] {0, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 0.1, 0.3, 1, 2, 4, 8, 16, 32, 50}) / ExactKernels.LN2;
    }

    private static double sq(double x) {
        return x * x;
    }
}
