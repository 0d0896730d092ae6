package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.ProgressListener;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The small pieces of paper 000's designs checked by hand: the secrecy rates (14)-(15), the
 * column arithmetic, the hybrid factorisation's updates (53)-(59) against their defining
 * least-squares problems, the outcome's precoder, the run's bookkeeping and the final check of a
 * design against the metric code's CRBs and power.
 */
class RsmaPiecesByHandTest {

    @Test
    void secrecyRatesAreTheRatesMinusTheBestEavesdropperClippedAtZero() {
        // users' common rates 3 and 2, eavesdroppers' 0.5 and 1.2: R_c^s = 2 - 1.2
        SecrecyRates r = new SecrecyRates(new double[] {3, 2}, new double[] {2, 1}, new double[] {0.5, 1.2},
                new double[][] {{0.5, 1.5}, {1.0, 0.2}});
        assertEquals(0.8, r.commonSecrecy(), 1e-15);
        // private: 2 - max(0.5, 1.0) = 1, max(0, 1 - max(1.5, 0.2)) = 0
        assertArrayEquals(new double[] {1, 0}, r.privateSecrecy(), 1e-15);
        // 0.8 lifts the weaker user to 0.8 (not 0.9: the other is at 1)
        assertEquals(0.8, r.minSecrecy(), 1e-15);
        SecrecyRates leaky = new SecrecyRates(new double[] {1, 2}, new double[] {2, 3}, new double[] {1.5},
                new double[][] {{0.5, 0.5}});
        assertEquals(0, leaky.commonSecrecy(), 0);
        assertEquals(1.5, leaky.minSecrecy(), 1e-15);
        SecrecyRates sdma = new SecrecyRates(null, new double[] {2, 4}, new double[] {0}, new double[][] {{3, 1}});
        assertEquals(0, sdma.commonSecrecy(), 0);
        assertArrayEquals(new double[] {0, 3}, sdma.privateSecrecy(), 0);
        // no eavesdropper rate above zero: the rates themselves
        SecrecyRates free = new SecrecyRates(new double[] {4, 5}, new double[] {2, 3}, new double[] {0},
                new double[][] {{0, 0}});
        assertEquals(4, free.commonSecrecy(), 0);
        assertEquals(4.5, free.minSecrecy(), 1e-15);
        assertEquals(1.25, SecrecyRates.waterLevel(new double[] {1, 1.5, 4}, 0.25), 1e-15);
    }

    @Test
    void columnArithmeticByHand() {
        double[][] a = {{1, 2}, {3, -1}};
        double[][] c = {{0.5, -1}, {2, 1}};
        // a^H c = conj(1 + 3j)(0.5 + 2j) + conj(2 - j)(-1 + j) = (6.5 + 0.5j) + (-3 + j)
        assertArrayEquals(new double[] {3.5, 1.5}, Columns.inner(a, c), 1e-15);
        assertEquals(25, Columns.abs2(new double[] {3, -4}), 0);
        double[][][] cs = {a, c};
        assertEquals(1 + 4 + 9 + 1 + 0.25 + 1 + 4 + 1, Columns.norm2(cs), 1e-15);
        assertArrayEquals(new double[] {-1, 0, 2}, Columns.negate(new double[] {1, 0, -2}), 0);
        assertArrayEquals(new double[] {2, -4}, Columns.scale(new double[] {1, -2}, 2), 0);
        double[][] s2 = Columns.scale(new double[][] {{1}, {2, 3}}, -1);
        assertArrayEquals(new double[] {-1}, s2[0], 0);
        assertArrayEquals(new double[] {-2, -3}, s2[1], 0);
        double[][][] s3 = Columns.scale(cs, 0.5);
        assertArrayEquals(new double[] {0.25, -0.5}, s3[1][0], 0);
        assertArrayEquals(new double[] {1.5, -0.5}, s3[0][1], 0);
        // c0 + 3 (c1 - c0)
        double[][][] b = Columns.blend(new double[][][] {{{1, 1}, {0, 2}}}, new double[][][] {{{2, 0}, {1, 2}}}, 3);
        assertArrayEquals(new double[] {4, -2}, b[0][0], 0);
        assertArrayEquals(new double[] {3, 2}, b[0][1], 0);
        assertEquals(cs[0][0][0], 1, 0);
    }

    @Test
    void algorithmOnesGapIsTheInSpanDistancePlusTheOutOfSpanRest() {
        double[][][] cfw = {{{1, 0}, {0, 1}}};
        RsmaSurrogate.Penalty pen = new RsmaSurrogate.Penalty(cfw, 2, 0.1);
        double[][][] c = {{{1, 1}, {0, 0}}};
        // in span: |1 - 0|^2 + |0 - 1|^2 = 2; out of span ((1 - 0.25) 2)^2 = 2.25
        assertEquals(4.25, Algorithm1.gap(pen, c, 0.25), 1e-15);
        assertEquals(2, Algorithm1.gap(pen, c, 1), 0);
    }

    private static double[][][] randomColumns(int streams, int n, Random rnd) {
        double[][][] p = new double[streams][2][n];
        for (double[][] col : p) {
            for (int a = 0; a < n; a++) {
                col[0][a] = rnd.nextGaussian();
                col[1][a] = rnd.nextGaussian();
            }
        }
        return p;
    }

    /** ||P - f w^T||^2 for one RF chain, f_a = exp(j phi_a), w the digital row. */
    private static double gapOneChain(double[][][] p, double[] phi, double[][] w) {
        double t = 0;
        for (int q = 0; q < p.length; q++) {
            for (int a = 0; a < phi.length; a++) {
                double fr = Math.cos(phi[a]);
                double fi = Math.sin(phi[a]);
                double x = p[q][0][a] - (fr * w[0][q] - fi * w[1][q]);
                double y = p[q][1][a] - (fr * w[1][q] + fi * w[0][q]);
                t += x * x + y * y;
            }
        }
        return t;
    }

    /**
     * With one RF chain ||P - f w^T||^2 splits over the antennas, so (53)-(58) must give each f_a
     * its best phase: no phase of a 64-point grid does better, antenna by antenna; and (59) is the
     * least-squares w = f^H P / N.
     */
    @Test
    void withOneRfChainTheUpdatesAreTheExactLeastSquaresSolutions() {
        Random rnd = new Random(3);
        int n = 6;
        double[][][] p = randomColumns(2, n, rnd);
        HybridFactorisation fw = HybridFactorisation.fromPhases(p, 1, rnd);
        fw.updateAnalog(p);
        double[][][] fa = fw.analogCopy();
        double[] phi = new double[n];
        for (int a = 0; a < n; a++) {
            assertEquals(1, Math.hypot(fa[0][a][0], fa[1][a][0]), 1e-12);
            phi[a] = Math.atan2(fa[1][a][0], fa[0][a][0]);
        }
        // w before the digital update: recover it from the product (f^H F_A F_D / N)
        double[][][] prod = fw.product();
        double[][] w = new double[2][2];
        for (int q = 0; q < 2; q++) {
            for (int a = 0; a < n; a++) {
                w[0][q] += (Math.cos(phi[a]) * prod[q][0][a] + Math.sin(phi[a]) * prod[q][1][a]) / n;
                w[1][q] += (Math.cos(phi[a]) * prod[q][1][a] - Math.sin(phi[a]) * prod[q][0][a]) / n;
            }
        }
        double best = gapOneChain(p, phi, w);
        assertEquals(fw.gap(p), best, 1e-9 * best);
        for (int a = 0; a < n; a++) {
            for (int g = 0; g < 64; g++) {
                double[] other = phi.clone();
                other[a] = 2 * Math.PI * g / 64;
                assertTrue(gapOneChain(p, other, w) >= best - 1e-12, "antenna " + a + " phase " + g);
            }
        }
        fw.updateDigital(p);
        double[][] ls = new double[2][2];
        for (int q = 0; q < 2; q++) {
            for (int a = 0; a < n; a++) {
                ls[0][q] += (Math.cos(phi[a]) * p[q][0][a] + Math.sin(phi[a]) * p[q][1][a]) / n;
                ls[1][q] += (Math.cos(phi[a]) * p[q][1][a] - Math.sin(phi[a]) * p[q][0][a]) / n;
            }
        }
        assertEquals(gapOneChain(p, phi, ls), fw.gap(p), 1e-9 * fw.gap(p));
    }

    /**
     * Several RF chains: an exact factorisation P = F_A F_D is recovered by (59) from any F_D and
     * is a fixed point of (53)-(58); from a random start both updates only lower the gap.
     */
    @Test
    void updatesRecoverAnExactFactorisationAndNeverRaiseTheGap() {
        Random rnd = new Random(8);
        int n = 8;
        int rf = 3;
        int streams = 2;
        HybridUpdatesByHandTest.Factors f = HybridUpdatesByHandTest.random(n, rf, streams, rnd);
        double[][] fr = f.fr();
        double[][] fi = f.fi();
        double[][] wr = f.wr();
        double[][] wi = f.wi();
        Precoder exact = new Precoder(List.of(new Stream(io.fresnel.model.StreamRole.SENSING, null),
                new Stream(io.fresnel.model.StreamRole.SENSING, null)), null, RsmaOutcome.matrix(fr, fi),
                RsmaOutcome.matrix(wr, wi), null);
        ComplexMatrix eff = exact.effective();
        double[][][] p = new double[streams][2][n];
        for (int q = 0; q < streams; q++) {
            for (int a = 0; a < n; a++) {
                p[q][0][a] = eff.re(a, q);
                p[q][1][a] = eff.im(a, q);
            }
        }
        // the warm start reads F_A and F_D (scaled): its product is the scaled P
        HybridFactorisation warm = HybridFactorisation.of(exact, 0.5);
        assertEquals(0, warm.gap(Columns.scale(p, 0.5)), 1e-20);
        warm.updateDigital(p);
        assertEquals(0, warm.gap(p), 1e-18 * Columns.norm2(p));
        warm.updateAnalog(p);
        assertEquals(0, warm.gap(p), 1e-18 * Columns.norm2(p));
        double[][][] fa = warm.analogCopy();
        for (int a = 0; a < n; a++) {
            for (int l = 0; l < rf; l++) {
                assertEquals(fr[a][l], fa[0][a][l], 1e-9);
                assertEquals(fi[a][l], fa[1][a][l], 1e-9);
            }
        }
        fa[0][0][0] = 42;
        assertEquals(fr[0][0], warm.analogCopy()[0][0][0], 1e-9, "analogCopy must be a copy");
        // a random P: every update lowers (or keeps) ||P - F_A F_D||
        double[][][] q = randomColumns(streams, n, rnd);
        HybridFactorisation fw = HybridFactorisation.fromPhases(q, rf, new Random(1));
        double[][][] start = fw.analogCopy();
        for (int a = 0; a < n; a++) {
            for (int l = 0; l < streams; l++) {
                // the first L columns' phases (random ones beyond the streams)
                double want = Math.atan2(q[l][1][a], q[l][0][a]);
                assertEquals(Math.cos(want), start[0][a][l], 1e-12);
                assertEquals(Math.sin(want), start[1][a][l], 1e-12);
            }
            assertEquals(1, Math.hypot(start[0][a][rf - 1], start[1][a][rf - 1]), 1e-12);
        }
        double last = fw.gap(q);
        for (int it = 0; it < 5; it++) {
            fw.updateAnalog(q);
            assertTrue(fw.gap(q) <= last * (1 + 1e-12), "analog update raised the gap");
            last = fw.gap(q);
            fw.updateDigital(q);
            assertTrue(fw.gap(q) <= last * (1 + 1e-12), "digital update raised the gap");
            last = fw.gap(q);
        }
        assertTrue(last < 0.9 * Columns.norm2(q), "the updates did not approximate P: " + last);
        assertEquals(1, Columns.norm2(fw.normalisedProduct()), 1e-12);
        // F_A times the normalised F_D has unit norm, and is the normalised product
        double[][][] nd = fw.normalisedDigital();
        ComplexMatrix prod = RsmaOutcome.matrix(fw.analogCopy()[0], fw.analogCopy()[1])
                .times(RsmaOutcome.matrix(nd[0], nd[1]));
        double[][][] np = fw.normalisedProduct();
        for (int s = 0; s < streams; s++) {
            for (int a = 0; a < n; a++) {
                assertEquals(np[s][0][a], prod.re(a, s), 1e-12);
                assertEquals(np[s][1][a], prod.im(a, s), 1e-12);
            }
        }
    }

    @Test
    void theOutcomesPrecoderIsAtFullPowerWithTheWaterFillingShares() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        List<CommNode> users = sc.users();
        List<Stream> rsma = RsmaReducedModelTest.streams(sc, true);
        List<Stream> sdma = RsmaReducedModelTest.streams(sc, false);
        // digital: N x S arrays with unit Frobenius norm
        int n = 32;
        double[][] re = new double[n][3];
        double[][] im = new double[n][3];
        re[0][0] = 0.6;
        im[5][1] = -0.8;
        RsmaOutcome o = new RsmaOutcome(DesignStatus.CONVERGED, 4, "m", re, im, null, null, new double[] {1, 3}, 2,
                0.1);
        assertTrue(o.hasPrecoder());
        Precoder p = o.toPrecoder(rsma, users);
        assertEquals(0.1, p.effective().frobeniusNorm2(), 1e-15);
        assertEquals(0.6 * Math.sqrt(0.1), p.columns().re(0, 0), 1e-15);
        assertEquals(-0.8 * Math.sqrt(0.1), p.columns().im(5, 1), 1e-15);
        assertEquals(1.0, p.commonSecrecyShares().get("u1"), 1e-15);
        assertEquals(0.0, p.commonSecrecyShares().get("u2"), 0);
        // without a common stream there are no shares
        double[][] re2 = new double[n][2];
        re2[3][1] = 1;
        Precoder q = new RsmaOutcome(DesignStatus.CONVERGED, 1, "m", re2, new double[n][2], null, null,
                new double[] {1, 1}, 0, 0.1).toPrecoder(sdma, users);
        assertNull(q.commonSecrecyShares());
        assertEquals(Math.sqrt(0.1), q.columns().re(3, 1), 1e-15);
        // hybrid: F_A as given, F_D scaled by sqrt(P)
        double[][] far = {{1, 0}, {0, 1}};
        double[][] fai = {{0, 1}, {1, 0}};
        double[][] fdr = {{0.5, 0, 0}, {0, 0.5, 0}};
        double[][] fdi = {{0, 0, 0.5}, {0, 0, 0}};
        Precoder h = new RsmaOutcome(DesignStatus.ITERATION_LIMIT, 1, "m", null, null, new double[][][] {far, fai},
                new double[][][] {fdr, fdi}, new double[] {0, 0}, 0, 4).toPrecoder(rsma, users);
        assertTrue(h.isHybrid());
        assertEquals(1, h.analog().im(0, 1), 0);
        assertEquals(1, h.analog().im(1, 0), 0);
        assertEquals(1.0, h.digital().re(0, 0), 1e-15);
        assertEquals(1.0, h.digital().im(0, 2), 1e-15);
        assertEquals(0.0, h.commonSecrecyShares().get("u1"), 0);
        assertEquals(0.0, h.commonSecrecyShares().get("u2"), 0);
        RsmaOutcome none = RsmaOutcome.notFound(7, "why", 0.1);
        assertEquals(DesignStatus.INFEASIBLE, none.status());
        assertEquals(7, none.iterations());
        assertTrue(!none.hasPrecoder() && !RsmaOutcome.cancelled(2, 0.1).hasPrecoder());
        assertEquals(DesignStatus.CANCELLED, RsmaOutcome.cancelled(2, 0.1).status());
        Map<String, Double> equal = RsmaOutcome.shares(1, new double[] {2, 2}, users);
        assertEquals(0.5, equal.get("u1"), 1e-15);
        assertEquals(0.5, equal.get("u2"), 1e-15);
    }

    @Test
    void aDigitalOutcomeIsScaledIntoTheBudgetOnlyWhenAbove() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaChannels ch = RsmaReducedModelTest.setup(sc, true).ch();
        for (double power : new double[] {4, 0.25}) {
            double[][][] c = RsmaReducedModelTest.random(ch, 2, power);
            RsmaOutcome o = RsmaSolver.digitalOutcome(ch, c, DesignStatus.CONVERGED, 3, "msg");
            double f = power > 1 ? 0.5 : 1;
            double[][] v = ch.model.expand(c[1]);
            for (int a = 0; a < 32; a++) {
                assertEquals(f * v[0][a], o.columnsRe()[a][1], 1e-12);
                assertEquals(f * v[1][a], o.columnsIm()[a][1], 1e-12);
            }
            SecrecyRates r = ch.rates(Columns.scale(c, f));
            assertArrayEquals(r.privateSecrecy(), o.secrecy(), 1e-12);
            assertEquals(r.commonSecrecy(), o.commonSecrecy(), 1e-12);
            assertEquals(3, o.iterations());
            assertEquals(DesignStatus.CONVERGED, o.status());
        }
    }

    @Test
    void theRunCountsSolvesAndThrottlesTheIntermediateReports() {
        List<String> messages = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        boolean[] cancel = {false};
        ProgressListener listener = (i, o, m) -> {
            at.add(i);
            messages.add(m + " " + o);
        };
        List<RsmaOutcome> offered = new ArrayList<>();
        SolverRun run = new SolverRun(new DesignContext(() -> cancel[0], listener, null), 2, offered::add);
        assertTrue(!run.exhausted() && !run.cancelled() && !run.cancelFlag().getAsBoolean());
        run.countSolve();
        assertEquals(1, run.iterations());
        assertTrue(!run.exhausted());
        run.countSolve();
        assertTrue(run.exhausted());
        run.progress(1.5, "step");
        assertEquals(List.of(2), at);
        assertEquals(List.of("step 1.5"), messages);
        RsmaOutcome a = RsmaOutcome.notFound(1, "a", 1);
        RsmaOutcome b = RsmaOutcome.notFound(2, "b", 1);
        run.offer(() -> a);
        int[] built = {0};
        run.offer(() -> {
            built[0]++;
            return b;
        });
        // the first at once; the second within a second is neither built nor reported
        assertEquals(1, offered.size());
        assertSame(a, offered.get(0));
        assertEquals(0, built[0]);
        cancel[0] = true;
        assertTrue(run.cancelled() && run.cancelFlag().getAsBoolean());
        SolverRun silent = new SolverRun(DesignContext.none(), 1, null);
        silent.offer(() -> {
            throw new AssertionError("no consumer: nothing is built");
        });
    }

    /** The design's final check against the metric code, provoked just inside and just outside each limit. */
    @Test
    void theFinalCheckReadsTheRightCrbAndToleratesOnlyOnePartInAMillion() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        Precoder p = s.precoder(RsmaReducedModelTest.random(s.ch(), 4, 0.7), RsmaReducedModelTest.streams(sc, true));
        Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(p));
        double power = m.system().transmitPowerW();
        assertEquals(0.07, power, 1e-12);
        TargetMetrics t = m.targets().get(0);
        assertNull(RsmaSecureDesign.violation(m, power / (1 + 0.5e-6), List.of(), false, sc));
        assertEquals("the power budget", RsmaSecureDesign.violation(m, power / (1 + 2e-6), List.of(), false, sc));
        for (boolean angle : new boolean[] {true, false}) {
            double joint = angle ? t.crbAngleRad2() : t.crbRangeM2();
            double known = angle ? t.crbAngleKnownRangeRad2() : t.crbRangeKnownAngleM2();
            String name = angle ? "the angle" : "the range";
            assertNull(RsmaSecureDesign.violation(m, 1, List.of(new CrbLimit(0, angle, joint / (1 + 0.5e-6))), false,
                    sc));
            String v = RsmaSecureDesign.violation(m, 1, List.of(new CrbLimit(0, angle, joint / (1 + 2e-6))), false, sc);
            assertTrue(v != null && v.startsWith(name + " CRB bound of target t1 ("), v);
            // between the known-other and the joint CRB: only the joint check fails
            double between = Math.sqrt(joint * known);
            assertTrue(RsmaSecureDesign.violation(m, 1, List.of(new CrbLimit(0, angle, between)), false, sc) != null);
            assertNull(RsmaSecureDesign.violation(m, 1, List.of(new CrbLimit(0, angle, between)), true, sc));
            assertTrue(RsmaSecureDesign.violation(m, 1, List.of(new CrbLimit(0, angle, known / (1 + 2e-6))), true,
                    sc) != null);
        }
    }
}
