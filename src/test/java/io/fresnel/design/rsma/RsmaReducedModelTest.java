package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.CommunicationMetrics;
import io.fresnel.metrics.EavesdropperMetrics;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.CommNode;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.optim.SmoothConvexProgram;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Paper 000's reduced model against the metric code, which computes every rate and CRB from the
 * full precoder independently: the rates (9)-(15) of span columns, the joint (20) and known-other
 * (23)-(24) CRBs, the Schur LMI of each CRB bound (feasible exactly when the CRB meets the bound at
 * the expansion point, conservative elsewhere) and the minorisation property of one surrogate (52)
 * step. No value is taken from the code under test.
 */
class RsmaReducedModelTest {

    /** The reduced model of a scenario, built as the design builds it (eavesdropping targets only). */
    record Setup(Scenario sc, ScenarioPhysics physics, RsmaChannels ch) {
        CrbLmis crb(List<CrbLimit> limits, boolean knownOther) {
            return new CrbLmis(ch, limits, knownOther, sc, physics);
        }

        /** @return the precoder sqrt(P) Q c with the given streams (no shares) */
        Precoder precoder(double[][][] c, List<Stream> streams) {
            List<double[][]> cols = new ArrayList<>();
            double f = Math.sqrt(ch.pmax);
            for (double[][] col : c) {
                double[][] v = ch.model.expand(col);
                cols.add(new double[][] {Columns.scale(v[0], f), Columns.scale(v[1], f)});
            }
            return new Precoder(streams, ZMatrices.ofColumns(cols), null, null, null);
        }
    }

    static Setup setup(Scenario sc, boolean common) {
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        List<double[][]> userRows = new ArrayList<>();
        for (CommNode u : sc.users()) {
            userRows.add(ph.channelRow(u));
        }
        List<double[][]> eaveRows = new ArrayList<>();
        List<Double> noise = new ArrayList<>();
        List<double[][]> extra = new ArrayList<>();
        for (Target t : sc.targets()) {
            if (t.eavesdropper()) {
                double[][] row = ph.channelRow(t.positionM(), t.link());
                eaveRows.add(row);
                noise.add(t.noiseW());
                extra.add(new double[][] {row[0], Columns.negate(row[1])});
            }
        }
        SdrModel model = SdrModel.of(ph, SdrModel.Span.CRB, extra);
        return new Setup(sc, ph, new RsmaChannels(model, sc.transmitPowerW(), sc.users(), userRows, eaveRows, noise,
                common));
    }

    static List<Stream> streams(Scenario sc, boolean common) {
        List<Stream> s = new ArrayList<>();
        if (common) {
            s.add(new Stream(StreamRole.COMMON, null));
        }
        for (CommNode u : sc.users()) {
            s.add(new Stream(StreamRole.PRIVATE, u.id()));
        }
        return s;
    }

    /** @return random span columns with total (normalised) power {@code power} */
    static double[][][] random(RsmaChannels ch, long seed, double power) {
        Random rnd = new Random(seed);
        double[][][] c = new double[ch.streams][2][ch.d];
        for (double[][] col : c) {
            for (int j = 0; j < ch.d; j++) {
                col[0][j] = rnd.nextGaussian();
                col[1][j] = rnd.nextGaussian();
            }
        }
        return Columns.scale(c, Math.sqrt(power / Columns.norm2(c)));
    }

    /** @return the columns as the surrogate's variable vector (n variables in all) */
    static double[] variables(RsmaChannels ch, double[][][] c, int n) {
        double[] x = new double[n];
        for (int s = 0; s < c.length; s++) {
            for (int j = 0; j < ch.d; j++) {
                x[ch.variable(s, j, 0)] = c[s][0][j];
                x[ch.variable(s, j, 1)] = c[s][1][j];
            }
        }
        return x;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void ratesOfSpanColumnsEqualTheMetricCodeWithAndWithoutACommonStream() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        for (boolean common : new boolean[] {true, false}) {
            Setup s = setup(sc, common);
            assertEquals(common ? 3 : 2, s.ch().streams);
            assertEquals(common ? 0 : -1, s.ch().commonIndex());
            assertEquals(common ? 2 : 1, s.ch().privateIndex(1));
            for (long seed = 1; seed <= 3; seed++) {
                double[][][] c = random(s.ch(), seed, 0.3 * seed);
                Precoder p = s.precoder(c, streams(sc, common));
                CommunicationMetrics.Result m = CommunicationMetrics.evaluate(s.physics(), p,
                        new PrecoderColumns(p.effective()));
                EavesdropperMetrics eve = m.eavesdroppingTargets().get("t1");
                SecrecyRates r = s.ch().rates(c);
                for (int k = 0; k < 2; k++) {
                    String id = sc.users().get(k).id();
                    if (common) {
                        close(m.users().get(k).commonRateBpsHz(), r.rc()[k], "common rate of " + id);
                        close(m.users().get(k).privateRateBpsHz(), r.rp()[k], "private rate of " + id);
                    } else {
                        assertNull(r.rc());
                        close(m.users().get(k).rateBpsHz(), r.rp()[k], "rate of " + id);
                    }
                    close(eve.rateBpsHz().get(id), r.rek()[0][k], "eavesdropper's rate of " + id);
                }
                if (common) {
                    close(eve.commonRateBpsHz(), r.rec()[0], "eavesdropper's common rate");
                } else {
                    assertEquals(0, r.rec()[0], 0);
                }
            }
        }
    }

    @Test
    void theWaterFillingSharesGiveTheMetricCodeTheReducedMinSecrecy() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        Setup s = setup(sc, true);
        int checked = 0;
        for (long seed = 1; seed <= 12; seed++) {
            double[][][] c = random(s.ch(), seed, 1);
            // more power on the common stream, so that it has a secrecy rate to split
            c[0] = Columns.scale(c[0], 3);
            c = Columns.scale(c, 1 / Math.sqrt(Columns.norm2(c)));
            SecrecyRates r = s.ch().rates(c);
            Map<String, Double> shares = RsmaOutcome.shares(r.commonSecrecy(), r.privateSecrecy(), sc.users());
            Precoder p = s.precoder(c, streams(sc, true));
            Precoder withShares = new Precoder(p.streams(), p.columns(), null, null, shares);
            Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(withShares));
            close(m.system().minSecrecyRateBpsHz(), r.minSecrecy(), "min secrecy, seed " + seed);
            checked += r.commonSecrecy() > 0 ? 1 : 0;
        }
        assertTrue(checked >= 3, "only " + checked + " draws had a common secrecy rate");
    }

    @Test
    void crbsOfSpanColumnsEqualTheMetricCodeForTwoTargets() throws Exception {
        Scenario base = RsmaSecureDesignTest.small("rsma-digital", "");
        Scenario sc = ScenarioEdits.add(base, NodeKind.TARGET, new Vec3(12, 6, 0));
        Setup s = setup(sc, true);
        List<CrbLimit> limits = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            limits.add(new CrbLimit(t, true, 1e-6));
            limits.add(new CrbLimit(t, false, 2));
        }
        CrbLmis joint = s.crb(limits, false);
        CrbLmis known = s.crb(limits, true);
        assertFalse(joint.isEmpty());
        assertEquals(limits, joint.limits());
        double[][][] c = random(s.ch(), 7, 0.8);
        Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(s.precoder(c, streams(sc, true))));
        double worst = 0;
        for (CrbLimit l : limits) {
            TargetMetrics tm = m.targets().get(l.target());
            double jointCrb = l.angle() ? tm.crbAngleRad2() : tm.crbRangeM2();
            double knownCrb = l.angle() ? tm.crbAngleKnownRangeRad2() : tm.crbRangeKnownAngleM2();
            assertEquals(jointCrb, joint.crb(c, l), 1e-7 * jointCrb, "joint " + l);
            assertEquals(knownCrb, known.crb(c, l), 1e-7 * knownCrb, "known-other " + l);
            assertTrue(knownCrb < jointCrb, "the known-other CRB must be the smaller");
            worst = Math.max(worst, jointCrb / l.max());
        }
        assertEquals(worst, joint.ratio(c), 1e-7 * worst);
        assertEquals(0, s.crb(List.of(), false).ratio(c), 0);
        assertTrue(s.crb(List.of(), false).isEmpty());
    }

    /** The LMI of one bound at its own expansion point: feasible iff CRB <= bound (1 - margin). */
    @Test
    void theCrbLmiIsTightAtItsExpansionPoint() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        Setup s = setup(sc, true);
        double[][][] c0 = random(s.ch(), 3, 0.9);
        int nc = 2 * s.ch().d * s.ch().streams;
        for (boolean angle : new boolean[] {true, false}) {
            for (boolean knownOther : new boolean[] {false, true}) {
                CrbLimit probe = new CrbLimit(0, angle, 1);
                double crb = s.crb(List.of(probe), knownOther).crb(c0, probe);
                String what = (angle ? "angle" : "range") + (knownOther ? " known-other" : " joint");
                for (double[] c : new double[][] {{1.001, 0, 1}, {0.999, 0, 0}, {1.02, 0.01, 1}, {1.005, 0.01, 0}}) {
                    CrbLmis lmis = s.crb(List.of(new CrbLimit(0, angle, crb * c[0])), knownOther);
                    SmoothConvexProgram p = new SmoothConvexProgram(nc);
                    lmis.addTo(p, c0, -1, c[1]);
                    assertEquals(c[2] == 1, p.strictlyFeasible(variables(s.ch(), c0, nc)),
                            what + ": bound " + c[0] + " x CRB, margin " + c[1]);
                }
                // phase one: the corner is tau, feasible iff CRB / bound <= tau
                CrbLmis lmis = s.crb(List.of(new CrbLimit(0, angle, crb / 2)), knownOther);
                for (double tau : new double[] {2.004, 1.996}) {
                    SmoothConvexProgram p = new SmoothConvexProgram(nc + 1);
                    lmis.addTo(p, c0, nc, 0);
                    double[] x = variables(s.ch(), c0, nc + 1);
                    x[nc] = tau;
                    assertEquals(tau > 2, p.strictlyFeasible(x), what + ": tau " + tau);
                }
            }
        }
    }

    /**
     * Away from the expansion point the LMI is a conservative inner approximation (the FIM of
     * c0 c^H + c c0^H - c0 c0^H lies below that of c c^H): it never admits a point whose CRB
     * exceeds the bound, and it is tight to first order (a 1e-3 step changes the CRB by far more
     * than the approximation loses).
     */
    @Test
    void theCrbLmiIsConservativeAndFirstOrderTightNearItsExpansionPoint() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        Setup s = setup(sc, true);
        double[][][] c0 = random(s.ch(), 11, 0.9);
        int nc = 2 * s.ch().d * s.ch().streams;
        for (long seed = 20; seed < 24; seed++) {
            double[][][] step = random(s.ch(), seed, 1e-6 * 0.9);
            double[][][] c1 = Columns.blend(c0, step, 0);
            for (int q = 0; q < c1.length; q++) {
                for (int part = 0; part < 2; part++) {
                    for (int j = 0; j < s.ch().d; j++) {
                        c1[q][part][j] += step[q][part][j];
                    }
                }
            }
            for (boolean angle : new boolean[] {true, false}) {
                CrbLimit probe = new CrbLimit(0, angle, 1);
                double crb1 = s.crb(List.of(probe), false).crb(c1, probe);
                double crb0 = s.crb(List.of(probe), false).crb(c0, probe);
                assertTrue(Math.abs(crb1 - crb0) > 1e-5 * crb0, "the step must move the CRB");
                for (double[] c : new double[][] {{0.9999, 0}, {1.0001, 1}}) {
                    SmoothConvexProgram p = new SmoothConvexProgram(nc);
                    s.crb(List.of(new CrbLimit(0, angle, crb1 * c[0])), false).addTo(p, c0, -1, 0);
                    assertEquals(c[1] == 1, p.strictlyFeasible(variables(s.ch(), c1, nc)),
                            (angle ? "angle" : "range") + " seed " + seed + ", bound " + c[0] + " x CRB(c1)");
                }
            }
        }
    }

    /**
     * One surrogate step (52) from a feasible point: the surrogate is a minorant tight at c0, so
     * its value is at least the true min secrecy rate at c0 and at most the true one at the new
     * point; the new point meets the power and the CRB bounds.
     */
    @Test
    void aSurrogateStepIsAFeasibleMinorisationStep() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        for (boolean common : new boolean[] {true, false}) {
            Setup s = setup(sc, common);
            double[][][] c0 = random(s.ch(), 5, 0.5);
            if (common) {
                c0[0] = Columns.scale(c0[0], 3);
                c0 = Columns.scale(c0, Math.sqrt(0.5 / Columns.norm2(c0)));
            }
            CrbLimit a = new CrbLimit(0, true, 1);
            CrbLimit r = new CrbLimit(0, false, 1);
            CrbLmis probe = s.crb(List.of(a, r), false);
            // bounds 1.5 x the CRBs at c0: c0 is strictly inside, and they bind within the step
            CrbLmis crb = s.crb(List.of(new CrbLimit(0, true, 1.5 * probe.crb(c0, a)),
                    new CrbLimit(0, false, 1.5 * probe.crb(c0, r))), false);
            RsmaSurrogate sur = new RsmaSurrogate(s.ch(), crb);
            RsmaSurrogate.Step st = sur.solve(c0, null, false, RsmaSolver.CRB_MARGIN, () -> false);
            assertNotNull(st);
            double before = s.ch().rates(c0).minSecrecy();
            double after = s.ch().rates(st.c()).minSecrecy();
            String what = common ? "RSMA" : "SDMA";
            assertTrue(st.value() >= before - 1e-5 * Math.max(1, before), what + ": " + st.value() + " < " + before);
            assertTrue(after >= st.value() - 1e-6, what + ": true " + after + " below the surrogate " + st.value());
            assertTrue(after > before + 1e-3, what + ": the step did not improve " + before);
            assertTrue(Columns.norm2(st.c()) <= 1 + 1e-9, what + ": power " + Columns.norm2(st.c()));
            assertTrue(crb.ratio(st.c()) <= 1 - RsmaSolver.CRB_MARGIN + 1e-9,
                    what + ": CRB ratio " + crb.ratio(st.c()));
            assertEquals(0, st.gamma(), 0);
        }
    }

    /** Phase one: tau bounds the new point's worst CRB ratio (with the margin) and cannot exceed c0's. */
    @Test
    void aPhaseOneStepLowersTheWorstCrbRatio() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        Setup s = setup(sc, true);
        double[][][] c0 = random(s.ch(), 9, 0.4);
        CrbLimit a = new CrbLimit(0, true, 1);
        CrbLimit r = new CrbLimit(0, false, 1);
        CrbLmis probe = s.crb(List.of(a, r), false);
        CrbLmis crb = s.crb(List.of(new CrbLimit(0, true, 0.5 * probe.crb(c0, a)),
                new CrbLimit(0, false, 0.5 * probe.crb(c0, r))), false);
        double start = crb.ratio(c0);
        assertEquals(2, start, 1e-9);
        double margin = RsmaSolver.CRB_MARGIN;
        RsmaSurrogate.Step st = new RsmaSurrogate(s.ch(), crb).solve(c0, null, true, margin, () -> false);
        assertNotNull(st);
        assertTrue(st.value() <= start / (1 - margin) * (1 + 1e-6), "tau " + st.value() + " above the start");
        assertTrue(crb.ratio(st.c()) <= st.value() * (1 - margin) * (1 + 1e-9),
                "CRB ratio " + crb.ratio(st.c()) + " above tau " + st.value());
        assertTrue(crb.ratio(st.c()) < 0.9 * start, "phase one did not lower the ratio: " + crb.ratio(st.c()));
        assertTrue(Columns.norm2(st.c()) <= 1 + 1e-9);
        assertEquals(1 - 2 * margin, PhaseOne.goal(margin), 0);
    }
}
