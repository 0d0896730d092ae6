package io.fresnel.stochastic;

import static io.fresnel.stochastic.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.stochastic.StochasticQuery.PowerSplit;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import org.junit.jupiter.api.Test;

/** Each SSJB output against an independent reference evaluation, to 1e-8 relative. */
class SsjbExactTest {
    private static final double[][] SPLITS = {{0.6, 0.5}, {0.9, 0.1}, {0.2, 0.95}, {1.0, 0.7}, {0.5, 1.0}};

    private static StochasticQuery query(double tau, double alpha) {
        return StochasticQuery.paperSetup(Scheme.SSJB, PowerSplit.ssjb(tau, alpha));
    }

    @Test
    void userRateIsTheBinomialMixtureOfGammaRates() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1]);
            int n = q.txElements();
            double rho = q.powerW() * s[0] * q.gains().user() * q.gains().user() / q.noise().user();
            double a2 = s[1] * s[1];
            // (1 + s rho a2)^{N-2}/(1 + s rho)^{N-1}: X ~ Gamma(N-1-k, 1) with k ~ Binomial(N-2, alpha^2)
            double expected = 0;
            for (int k = 0; k <= n - 2; k++) {
                double weight = binomial(n - 2, k) * Math.pow(a2, k) * Math.pow(1 - a2, n - 2 - k);
                if (weight == 0) {
                    continue;
                }
                int shape = n - 1 - k;
                expected += weight * Reference.gammaMean(shape, x -> Math.log1p(rho * x)) / Math.log(2);
            }
            assertClose(expected, ExactAnalysis.evaluate(q).outputs().value(Output.ERGODIC_RATE_USER), "user " + s[0]);
        }
    }

    @Test
    void eveRateIsTheMeanOverExponentialSignalAndGammaNoise() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1]);
            int n = q.txElements();
            double c = q.gains().eve() * q.gains().eve() * q.powerW() / q.noise().eve();
            double c1 = c * s[0];
            double c2 = c * (1 - s[0]) / (n - 2);
            double expected = Reference.gammaMean(n - 2, y -> Reference.gammaMean(1,
                    x -> Math.log1p(c1 * x / (1 + c2 * y)))) / Math.log(2);
            ExactResult r = ExactAnalysis.evaluate(q);
            assertClose(expected, r.outputs().value(Output.ERGODIC_RATE_EVE), "eve " + s[0]);
            assertClose(expected, r.closedForms().get("lemma11_eve_rate_bps_hz"), "lemma 11 corrected");
        }
    }

    @Test
    void printedLemma11OverestimatesTheEavesdropperByMoreThanHalf() {
        StochasticQuery q = query(0.6, 0.5);
        int n = q.txElements();
        double c1 = 10 * 0.6 * 1e-3;
        double c2 = 10 * 0.4 * 1e-3 / (n - 2);
        double printed = Reference.integrate(t -> {
            double big = Math.pow(2, t) - 1;
            return Math.exp(-big / (2 * c1)) * Math.pow(1 + big * c2 / c1, -(n - 2));
        }, 0, 1, 400);
        double exact = ExactAnalysis.evaluate(q).outputs().value(Output.ERGODIC_RATE_EVE);
        assertTrue(printed > 1.5 * exact, printed + " vs " + exact);
    }

    @Test
    void targetRateAndSecrecyRatesFollowFromTheRates() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1]);
            Outputs o = ExactAnalysis.evaluate(q).outputs();
            double snr = q.gains().target() * q.gains().target() * q.powerW() * s[0] * s[1] * s[1] * q.txElements()
                    / q.noise().target();
            assertClose(Math.log(1 + snr) / Math.log(2), o.value(Output.ERGODIC_RATE_TARGET), "target");
            assertEquals(Math.max(0, o.value(Output.ERGODIC_RATE_USER) - o.value(Output.ERGODIC_RATE_EVE)),
                    o.value(Output.ERGODIC_SECRECY_RATE), 0);
            assertEquals(Math.max(0, o.value(Output.ERGODIC_RATE_USER) - o.value(Output.ERGODIC_RATE_TARGET)),
                    o.value(Output.ERGODIC_SECRECY_RATE_TARGET), 0);
        }
    }

    @Test
    void bsCrbMeanAndOutageAgainstTheBetaLawOfTheNoisePowerOnTheDerivative() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1]);
            int n = q.txElements();
            int m = q.rxElements();
            double k0 = 6 * q.noise().bs() / (q.gains().bsEcho() * q.gains().bsEcho() * q.snapshots() * Math.PI
                    * Math.PI * m * n);
            double a = q.powerW() * s[0] * s[1] * s[1] * (m * m - 1.0);
            double b = q.powerW() * (1 - s[0]) * (n * n - 1.0) / (n - 2);
            // W ~ Beta(N-2, 1): density (N-2) w^{N-3}
            double inv = Reference.integrate(w -> (n - 2) * Math.pow(w, n - 3) / (a + b * w), 0, 1, 200);
            Outputs o = ExactAnalysis.evaluate(q).outputs();
            assertClose(Reference.truncatedSecantMean(q.deltaRad()) * k0 * inv, o.value(Output.ERGODIC_CRB_BS), "crb");
            // outage by integrating over theta: P(A + B W < K0/(eps cos^2)) = F_W(...) = w^{N-2}
            double eps = q.thresholds().bs();
            double lo = Math.acos(Math.min(1, Math.sqrt(k0 / (eps * (a + b)))));
            double hi = Math.acos(Math.min(1, Math.sqrt(k0 / (eps * a))));
            double outage = Reference.integrate(t -> {
                double c2 = Math.cos(t) * Math.cos(t);
                double w = b == 0 ? (k0 / (eps * c2) > a ? 1 : 0) : (k0 / (eps * c2) - a) / b;
                return Math.pow(Math.min(1, Math.max(0, w)), n - 2);
            }, new double[] {0, Math.min(lo, hi), Math.max(lo, hi), Math.PI / 2}, 100) * 2 / Math.PI;
            assertClose(outage, o.value(Output.OUTAGE_CRB_BS), "outage " + s[0] + "," + s[1]);
        }
    }

    @Test
    void sensingEavesdropperBoundsAreTheCorrectedLemmas4And6() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1]);
            int ne = q.seveElements();
            double d = q.powerW() * s[0] * s[1] * s[1] * q.txElements();
            double c4 = q.gains().seveEcho() * q.gains().seveEcho();
            // sigma^2 / (2 L |c4|^2 ||c'||^2 d), ||c'||^2 = pi^2 cos^2 Ne (Ne^2 - 1)/12
            double ks = q.noise().seve() / (2 * q.snapshots() * c4 * Math.PI * Math.PI * ne * (ne * ne - 1.0) / 12 * d);
            // ERRATA 002.3: 6 s^2 (s^2 + |c4|^2 d Ne) / (L |c4|^4 d^2 pi^2 Ne^2 (Ne^2 - 1))
            double kw = 6 * q.noise().seve() * (q.noise().seve() + c4 * d * ne)
                    / (q.snapshots() * c4 * c4 * d * d * Math.PI * Math.PI * ne * ne * (ne * ne - 1.0));
            Outputs o = ExactAnalysis.evaluate(q).outputs();
            double trunc = Reference.truncatedSecantMean(q.deltaRad());
            assertClose(trunc * ks, o.value(Output.ERGODIC_CRB_SEVE_STRONG), "strong");
            assertClose(trunc * kw, o.value(Output.ERGODIC_CRB_SEVE_WEAK), "weak");
            assertClose(Reference.secantOutage(ks, q.thresholds().seveStrong()), o.value(Output.OUTAGE_CRB_SEVE_STRONG),
                    "strong outage");
            assertClose(Reference.secantOutage(kw, q.thresholds().seveWeak()), o.value(Output.OUTAGE_CRB_SEVE_WEAK),
                    "weak outage");
        }
    }

    @Test
    void noPowerTowardsTheTargetMakesEverySensingBoundInfinite() {
        ExactResult r = ExactAnalysis.evaluate(query(0.7, 0));
        Outputs o = r.outputs();
        assertNull(o.finiteOrNull(Output.ERGODIC_CRB_BS));
        assertNull(o.finiteOrNull(Output.ERGODIC_CRB_SEVE_STRONG));
        assertNull(o.finiteOrNull(Output.ERGODIC_CRB_SEVE_WEAK));
        assertEquals(1, o.value(Output.OUTAGE_CRB_BS));
        assertEquals(1, o.value(Output.OUTAGE_CRB_SEVE_WEAK));
        assertEquals(0, o.value(Output.ERGODIC_RATE_TARGET));
        assertNull(r.closedForms().get("lemma8_ergodic_crb_bs_lower"));
    }

    @Test
    void paperBoundsBracketTheExactValues() {
        for (double[] s : SPLITS) {
            ExactResult r = ExactAnalysis.evaluate(query(s[0], s[1]));
            double ru = r.outputs().value(Output.ERGODIC_RATE_USER);
            assertTrue(r.closedForms().get("lemma10_user_rate_upper1_bps_hz") >= ru - 1e-12);
            assertTrue(r.closedForms().get("lemma10_user_rate_upper2_bps_hz") >= ru - 1e-12);
            assertTrue(r.closedForms().get("lemma8_ergodic_crb_bs_lower") <= r.outputs().value(Output.ERGODIC_CRB_BS));
            assertTrue(r.closedForms().get("lemma2_outage_crb_bs_lower")
                    <= r.outputs().value(Output.OUTAGE_CRB_BS) + 1e-12);
        }
        // ERRATA 002.13: bound 1 is the rate of ||h||^2; tight only for alpha -> 0... and here exactly E log(1 + rho Gamma(N))
        StochasticQuery q = query(0.6, 0.5);
        double rho = 10 * 0.6 * 1e-3 / 1;
        assertClose(Reference.gammaMean(q.txElements(), x -> Math.log1p(rho * x)) / Math.log(2),
                ExactAnalysis.evaluate(q).closedForms().get("lemma10_user_rate_upper1_bps_hz"), "bound 1");
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
