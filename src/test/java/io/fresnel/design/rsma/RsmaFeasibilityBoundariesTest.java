package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignStatus;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The CRB feasibility checks of paper 000's hybrid design at their exact boundary (issue 18: a check
 * of the intermediate iterates loosened by 2x went unnoticed). The bound of each case is set from
 * the CRB of the precoder being checked, computed by {@link CrbLmis#crb} on the same columns, so
 * the worst CRB / bound ratio is exactly 1 (the bound equal to the CRB) or exactly the next double
 * above 1 (the bound one ulp below it). A warm-started F_A F_D that meets the bounds is offered as
 * the first intermediate result, the run being cancelled right after; a run whose solve budget is
 * already spent ends with the F_A, F_D updates towards its start P, and falls back to the last
 * iterate that met every bound when the final F_A F_D misses one.
 */
class RsmaFeasibilityBoundariesTest {
    private static final int RF = 4;

    /** A random hybrid precoder (N x 4 unit-modulus F_A, 4 x 3 F_D) for the three RSMA streams. */
    private static Precoder randomHybrid(List<Stream> streams, int n, long seed) {
        Random rnd = new Random(seed);
        double[][] fr = new double[n][RF];
        double[][] fi = new double[n][RF];
        for (int a = 0; a < n; a++) {
            for (int l = 0; l < RF; l++) {
                double ph = 2 * Math.PI * rnd.nextDouble();
                fr[a][l] = Math.cos(ph);
                fi[a][l] = Math.sin(ph);
            }
        }
        double[][] wr = new double[RF][streams.size()];
        double[][] wi = new double[RF][streams.size()];
        for (int l = 0; l < RF; l++) {
            for (int q = 0; q < streams.size(); q++) {
                wr[l][q] = 0.01 * rnd.nextGaussian();
                wi[l][q] = 0.01 * rnd.nextGaussian();
            }
        }
        return new Precoder(streams, null, RsmaOutcome.matrix(fr, fi), RsmaOutcome.matrix(wr, wi), null);
    }

    private record Runs(List<RsmaOutcome> offered, RsmaOutcome out) {
    }

    /**
     * Runs Algorithm 2 from the warm start with the one bound; cancelled before the first surrogate
     * when {@code spent} is false, else with the solve budget used up (no surrogate solved).
     */
    private static Runs run(RsmaReducedModelTest.Setup s, CrbLimit bound, Precoder warm, double[][][] c0,
            boolean spent) {
        RsmaChannels ch = s.ch();
        CrbLmis crb = s.crb(List.of(bound), false);
        List<RsmaOutcome> offered = new ArrayList<>();
        SolverRun run = new SolverRun(new DesignContext(() -> !spent, (i, o, m) -> { }, null), 1, offered::add);
        if (spent) {
            run.countSolve();
        }
        Algorithm1 alg1 = new Algorithm1(new RsmaSurrogate(ch, crb), ch, crb, run);
        PenaltyBcd bcd = new PenaltyBcd(ch, crb, alg1, RsmaOptions.DEFAULTS, run, RF);
        RsmaOutcome out = bcd.run(c0, HybridFactorisation.of(warm, 1 / Math.sqrt(ch.pmax)));
        return new Runs(offered, out);
    }

    @Test
    void aWarmStartedIterateIsOfferedExactlyWhenItsCrbMeetsTheBound() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        Precoder warm = randomHybrid(RsmaReducedModelTest.streams(sc, true), s.ch().model.antennas, 3);
        double[][][] cf = s.ch().reduce(HybridFactorisation.of(warm, 1 / Math.sqrt(s.ch().pmax)).normalisedProduct());
        for (boolean angle : new boolean[] {true, false}) {
            CrbLimit probe = new CrbLimit(0, angle, 1);
            double v = s.crb(List.of(probe), false).crb(cf, probe);
            assertTrue(v > 0 && Double.isFinite(v), "CRB " + v);
            String what = angle ? "angle" : "range";
            Runs at = run(s, new CrbLimit(0, angle, v), warm, cf, false);
            assertEquals(DesignStatus.CANCELLED, at.out().status(), what);
            assertEquals(1, at.offered().size(), what + ": an F_A F_D exactly on the bound must be offered");
            RsmaOutcome o = at.offered().get(0);
            assertEquals(warm.analog().re(5, 2), o.analog()[0][5][2], 0, what + ": the warm F_A");
            assertEquals(DesignStatus.ITERATION_LIMIT, o.status());
            Runs above = run(s, new CrbLimit(0, angle, Math.nextDown(v)), warm, cf, false);
            assertEquals(0, above.offered().size(), what + ": an F_A F_D one ulp above the bound was offered");
            assertEquals(DesignStatus.CANCELLED, above.out().status());
        }
    }

    /**
     * With the budget spent, the F_A, F_D updates pull the warm F_A F_D towards a start P whose CRB
     * is well above the warm one's: the final F_A F_D misses a bound set at the warm CRB, and the outcome is
     * the warm iterate (the last one that met it) with a message saying so; with the bound at the
     * final F_A F_D's own CRB (exactly, or 1e-9 relative above it) the final F_A F_D is returned,
     * and one ulp of the bound below it, the warm fallback again.
     */
    @Test
    void aRunFallsBackToTheLastFeasibleIterateOnlyWhenTheFinalOneMissesABound() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        RsmaChannels ch = s.ch();
        Precoder warm = randomHybrid(RsmaReducedModelTest.streams(sc, true), ch.model.antennas, 4);
        double[][][] cw = ch.reduce(HybridFactorisation.of(warm, 1 / Math.sqrt(ch.pmax)).normalisedProduct());
        CrbLimit probe = new CrbLimit(0, false, 1);
        CrbLmis probeCrb = s.crb(List.of(probe), false);
        double vw = probeCrb.crb(cw, probe);
        // a start P (full power) whose range CRB is well above the warm F_A F_D's: one beam matched
        // to the first user, whose direction is about 37 degrees from the target's
        double[][][] c0 = new double[ch.streams][2][ch.d];
        c0[1] = Columns.scale(ch.g[0], 1 / Math.sqrt(Columns.norm2(new double[][][] {ch.g[0]})));
        double v0 = probeCrb.crb(c0, probe);
        assertTrue(v0 > 2 * vw, "the start must miss a bound at the warm CRB by far: " + v0 + " vs " + vw);
        Runs fallback = run(s, new CrbLimit(0, false, vw), warm, c0, true);
        RsmaOutcome o = fallback.out();
        assertEquals(DesignStatus.ITERATION_LIMIT, o.status());
        assertTrue(o.message().contains("the last iterate that met every bound"), o.message());
        assertTrue(o.message().startsWith("max_iterations reached"), o.message());
        assertEquals(warm.analog().re(7, 1), o.analog()[0][7][1], 0, "the fallback is the warm F_A");
        assertEquals(1, o.iterations());
        assertEquals(1, fallback.offered().size(), "only the warm iterate meets the bound");

        // the final F_A F_D of the same run (it does not depend on the bound): its CRB
        Runs loose = run(s, new CrbLimit(0, false, 1e30), warm, c0, true);
        RsmaOutcome fin = loose.out();
        assertTrue(!fin.message().contains("last iterate"), fin.message());
        double[][][] cFinal = normalisedColumns(ch, fin.toPrecoder(RsmaReducedModelTest.streams(sc, true),
                sc.users()));
        double vf = probeCrb.crb(cFinal, probe);
        assertTrue(vf > 2 * vw, "the updates must have moved F_A F_D towards P: " + vf + " vs " + vw);
        Runs justInside = run(s, new CrbLimit(0, false, vf * (1 + 1e-9)), warm, c0, true);
        assertTrue(!justInside.out().message().contains("last iterate"), justInside.out().message());
        assertEquals(fin.analog()[0][7][1], justInside.out().analog()[0][7][1], 0);
        Runs justOutside = run(s, new CrbLimit(0, false, vf * (1 - 1e-9)), warm, c0, true);
        assertTrue(justOutside.out().message().contains("last iterate"), justOutside.out().message());
        assertNull(justOutside.out().columnsRe());
    }

    /** @return the span coordinates of a precoder's columns at unit (normalised) power */
    private static double[][][] normalisedColumns(RsmaChannels ch, Precoder p) {
        var eff = p.effective();
        double f = 1 / Math.sqrt(ch.pmax);
        double[][][] cols = new double[eff.cols()][2][eff.rows()];
        for (int q = 0; q < eff.cols(); q++) {
            for (int a = 0; a < eff.rows(); a++) {
                cols[q][0][a] = eff.re(a, q) * f;
                cols[q][1][a] = eff.im(a, q) * f;
            }
        }
        return ch.reduce(cols);
    }

    /**
     * The design's final check at its exact edges: a power or CRB exactly (1 + 1e-6) times its
     * limit passes, the next double above it does not (the limits are found by stepping one ulp
     * at a time until limit * (1 + 1e-6) equals the metric code's value exactly).
     */
    @Test
    void theFinalCheckAcceptsExactlyOnePartInAMillion() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        Precoder p = s.precoder(RsmaReducedModelTest.random(s.ch(), 4, 0.7), RsmaReducedModelTest.streams(sc, true));
        var m = io.fresnel.metrics.MetricsEvaluator.evaluate(sc.withPrecoder(p));
        double power = m.system().transmitPowerW();
        double pmax = edge(power);
        assertNull(RsmaSecureDesign.violation(m, pmax, List.of(), false, sc));
        assertEquals("the power budget", RsmaSecureDesign.violation(m, Math.nextDown(pmax), List.of(), false, sc));
        var t = m.targets().get(0);
        for (boolean angle : new boolean[] {true, false}) {
            double v = angle ? t.crbAngleRad2() : t.crbRangeM2();
            double max = edge(v);
            assertNull(RsmaSecureDesign.violation(m, 1, List.of(new CrbLimit(0, angle, max)), false, sc));
            assertTrue(RsmaSecureDesign.violation(m, 1, List.of(new CrbLimit(0, angle, Math.nextDown(max))), false,
                    sc) != null);
        }
    }

    /** @return the largest limit x with x (1 + 1e-6) == v exactly (fails when there is none) */
    private static double edge(double v) {
        double x = v / (1 + 1e-6);
        for (int k = 0; k < 64 && x * (1 + 1e-6) != v; k++) {
            x = x * (1 + 1e-6) > v ? Math.nextDown(x) : Math.nextUp(x);
        }
        while (Math.nextUp(x) * (1 + 1e-6) == v) {
            x = Math.nextUp(x);
        }
        assertEquals(v, x * (1 + 1e-6), 0, "no limit meets the value exactly");
        return x;
    }
}
