package io.fresnel.stochastic;

import static io.fresnel.stochastic.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.GaussLegendre;
import io.fresnel.stochastic.StochasticQuery.PowerSplit;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each SLB output against an independent reference: the Gamma representations of the exact laws
 * (|z1|^2, |z2|^2 ~ Exp(1), ||h_r||^2 ~ Gamma(N-2, 1); D1 = X1/(X1 + X2 + Y)) integrated with fixed
 * composite Gauss-Legendre product rules, to 1e-8 relative.
 */
class SlbExactTest {
    private static final int N = 6;
    private static final GaussLegendre GL = new GaussLegendre(10);
    private static final double[][] SPLITS = {{0.4, 0.2, 0.2}, {0.7, 0.05, 0.1}, {0.1, 0.6, 0.0}, {0.3, 0.0, 0.5},
        {0.5, 0.0, 0.0}};

    private static StochasticQuery query(double t1, double t2, double t3) {
        double c = Math.sqrt(0.1);
        return new StochasticQuery(Scheme.SLB, PowerSplit.slb(t1, t2, t3), N, 5, 4, 10, 20,
                new StochasticQuery.Gains(c, c * 0.8, c * 1.2, 0.01, 0.02), new StochasticQuery.Noise(1, 1, 1, 1, 1),
                0.1, new StochasticQuery.Thresholds(0.3, 0.05, 1.0), 1000, 1);
    }

    /** Nodes and weights (density included) of a product rule for one variable. */
    private record Rule(double[] x, double[] w) {
        static Rule of(DoubleUnaryOperator density, double[] pieces, int panels) {
            int count = (pieces.length - 1) * panels * 10;
            double[] x = new double[count];
            double[] w = new double[count];
            int k = 0;
            for (int piece = 0; piece + 1 < pieces.length; piece++) {
                double a = pieces[piece];
                double h = (pieces[piece + 1] - a) / panels;
                for (int p = 0; p < panels; p++) {
                    for (int i = 0; i < 10; i++) {
                        x[k] = a + (p + 0.5) * h + 0.5 * h * GL.node(i);
                        w[k] = 0.5 * h * GL.weight(i) * density.applyAsDouble(x[k]);
                        k++;
                    }
                }
            }
            return new Rule(x, w);
        }
    }

    private static final double[] PIECES = {0, 0.003, 0.03, 0.3, 1.5, 5, 15, 45, 70};
    private static final Rule EXP = Rule.of(x -> Math.exp(-x), PIECES, 3);
    private static final Rule GAMMA_REST = Rule.of(x -> Reference.gammaDensity(N - 2, x), PIECES, 3);

    /** E f(X1, X2, Y), X1, X2 ~ Exp(1), Y ~ Gamma(N-2, 1). */
    private static double mean3(Fn3 f) {
        double sum = 0;
        for (int i = 0; i < EXP.x.length; i++) {
            for (int j = 0; j < EXP.x.length; j++) {
                double wij = EXP.w[i] * EXP.w[j];
                double inner = 0;
                for (int k = 0; k < GAMMA_REST.x.length; k++) {
                    inner += GAMMA_REST.w[k] * f.apply(EXP.x[i], EXP.x[j], GAMMA_REST.x[k]);
                }
                sum += wij * inner;
            }
        }
        return sum;
    }

    @FunctionalInterface
    private interface Fn3 {
        double apply(double x1, double x2, double y);
    }

    @Test
    void userRateOverTheExactLawOfTheProjections() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1], s[2]);
            double c = q.powerW() * q.gains().user() * q.gains().user() / q.noise().user();
            double r1 = c * s[0];
            double r3 = c * s[2];
            double r4 = c * q.split().tau4();
            double expected = mean3((e1, e2, g) -> Math.log1p(r1 * (e1 + e2 + g) / (1 + r3 * e1 + r4 * e2)))
                    / Math.log(2);
            assertClose(expected, ExactAnalysis.evaluate(q).outputs().value(Output.ERGODIC_RATE_USER), "user");
        }
    }

    @Test
    void bsCrbOverTheDirichletLawOfTheProjections() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1], s[2]);
            double[] k = bracket(q);
            double expected = mean3((x1, x2, y) -> {
                double t = x1 + x2 + y;
                return 1 / fisher(k, x1 / t, x2 / t);
            });
            double k0 = 6 * q.noise().bs() / (q.gains().bsEcho() * q.gains().bsEcho() * q.snapshots() * Math.PI
                    * Math.PI * q.rxElements() * N);
            assertClose(Reference.truncatedSecantMean(q.deltaRad()) * k0 * expected,
                    ExactAnalysis.evaluate(q).outputs().value(Output.ERGODIC_CRB_BS), "crb bs");
        }
    }

    @Test
    void bsOutageOverTheSimplexWithTheThresholdCurveSplit() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1], s[2]);
            double[] k = bracket(q);
            double k0 = 6 * q.noise().bs() / (q.gains().bsEcho() * q.gains().bsEcho() * q.snapshots() * Math.PI
                    * Math.PI * q.rxElements() * N);
            double eps = q.thresholds().bs();
            double expected = Reference.beta1Mean(N - 1, d1 -> {
                double span = 1 - d1;
                double f0 = fisher(k, d1, 0);
                double f1 = fisher(k, d1, span);
                double kink = f1 == f0 ? 0.5 * span : (k0 / eps - f0) / (f1 - f0) * span;
                double cut = Math.min(span, Math.max(0, kink));
                // D2 | D1 has density (N-2)(1 - d1 - d2)^{N-3} / span^{N-2} on [0, span]
                DoubleUnaryOperator g = d2 -> (N - 2) * Math.pow(span - d2, N - 3) / Math.pow(span, N - 2)
                        * Reference.secantOutage(k0 / fisher(k, d1, d2), eps);
                return Reference.integrate(g, new double[] {0, cut, span}, 20);
            });
            double got = ExactAnalysis.evaluate(q).outputs().value(Output.OUTAGE_CRB_BS);
            assertTrue(got > 0.01 && got < 0.99, "a threshold inside the range: " + got);
            assertClose(expected, got, "outage bs " + s[0]);
        }
    }

    @Test
    void eavesdropperRateWithTheOrderOfIntegrationSwapped() {
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1], s[2]);
            double c = q.gains().eve() * q.gains().eve() / q.noise().eve();
            double p = q.powerW();
            double gamma = p * s[1] / (N - 1);
            double a1 = c * p * s[0];
            double q3 = c * p * s[2];
            double q4 = c * p * q.split().tau4();
            double expected = Reference.beta1Mean(N - 1, b -> Reference.integrate(t -> {
                double kAll = a1 * b + c * gamma * (1 - b);
                double kInt = c * gamma * (1 - b);
                double mAll = 1 / ((1 + t * (kAll + q3)) * (1 + t * (kAll + q4)) * Math.pow(1 + t * kAll, N - 2));
                double mInt = 1 / ((1 + t * (kInt + q3)) * (1 + t * (kInt + q4)) * Math.pow(1 + t * kInt, N - 2));
                return t == 0 ? 0 : Math.exp(-t) / t * (mInt - mAll);
            }, new double[] {0, 0.001, 0.01, 0.1, 1, 5, 20, 60}, 20)) / Math.log(2);
            assertClose(expected, ExactAnalysis.evaluate(q).outputs().value(Output.ERGODIC_RATE_EVE), "eve");
        }
    }

    @Test
    void targetRateAndEavesdropperBoundsOverTheLawOfD1() {
        Rule gammaN1 = Rule.of(x -> Reference.gammaDensity(N - 1, x), PIECES, 6);
        for (double[] s : SPLITS) {
            StochasticQuery q = query(s[0], s[1], s[2]);
            double p = q.powerW();
            double gamma = p * s[1] / (N - 1);
            double ct = q.gains().target() * q.gains().target();
            double y = p * s[0] - gamma;
            double e1 = gamma + p * s[2];
            double c4 = q.gains().seveEcho() * q.gains().seveEcho();
            int ne = q.seveElements();
            double cs = 6 * q.noise().seve() / (q.snapshots() * c4 * Math.PI * Math.PI * ne * (ne * ne - 1.0));
            double wf = q.noise().seve() / (c4 * ne);
            double rt = 0;
            double invD = 0;
            double weak = 0;
            for (int i = 0; i < EXP.x.length; i++) {
                for (int j = 0; j < gammaN1.x.length; j++) {
                    double d1 = EXP.x[i] / (EXP.x[i] + gammaN1.x[j]);
                    double w = EXP.w[i] * gammaN1.w[j];
                    rt += w * Math.log1p(ct * p * s[0] * N * d1 / (q.noise().target() + ct * N * (gamma * (1 - d1)
                            + p * s[2])));
                    double d = N * (y * d1 + e1);
                    invD += w / d;
                    weak += w * (1 + wf / d) / d;
                }
            }
            Outputs o = ExactAnalysis.evaluate(q).outputs();
            assertClose(rt / Math.log(2), o.value(Output.ERGODIC_RATE_TARGET), "target");
            double trunc = Reference.truncatedSecantMean(q.deltaRad());
            if (e1 > 0) {
                assertClose(trunc * cs * invD, o.value(Output.ERGODIC_CRB_SEVE_STRONG), "strong");
                assertClose(trunc * cs * weak, o.value(Output.ERGODIC_CRB_SEVE_WEAK), "weak");
            } else {
                assertNull(o.finiteOrNull(Output.ERGODIC_CRB_SEVE_STRONG), "E[1/D1] diverges");
            }
            double epsS = q.thresholds().seveStrong();
            double kinkS = (cs / epsS / N - e1) / y;
            double outS = Reference.beta1Mean(N - 1, x -> Reference.secantOutage(cs / (N * (y * x + e1)), epsS),
                    Double.isFinite(kinkS) ? kinkS : 0.5);
            assertClose(outS, o.value(Output.OUTAGE_CRB_SEVE_STRONG), "strong outage");
        }
    }

    @Test
    void everythingTowardsTheDerivativeBeamLeavesTheTargetDark() {
        StochasticQuery q = query(0, 0, 0);
        Outputs o = ExactAnalysis.evaluate(q).outputs();
        assertNull(o.finiteOrNull(Output.ERGODIC_CRB_BS));
        assertNull(o.finiteOrNull(Output.ERGODIC_CRB_SEVE_WEAK));
        assertEquals(1, o.value(Output.OUTAGE_CRB_BS));
        assertEquals(0, o.value(Output.ERGODIC_RATE_USER));
    }

    /** {mm, nn, y, e1, e2} of the Fisher bracket. */
    private static double[] bracket(StochasticQuery q) {
        double p = q.powerW();
        double gamma = p * q.split().tau2() / (N - 1);
        int m = q.rxElements();
        return new double[] {m * m - 1.0, N * N - 1.0, p * q.split().tau1() - gamma, gamma + p * q.split().tau3(),
            gamma + p * q.split().tau4()};
    }

    /** ||b'||^2 a^H R a + M (a'^H R a' - |a^H R a'|^2 / a^H R a), over pi^2 cos^2 M N / 12. */
    private static double fisher(double[] k, double d1, double d2) {
        double aRa = k[2] * d1 + k[3];
        double apRap = k[2] * d2 + k[4];
        double cross2 = k[2] * k[2] * d1 * d2;
        return k[0] * aRa + k[1] * (apRap - cross2 / aRa);
    }
}
