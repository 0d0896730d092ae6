package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The convex surrogate (52) of paper 000 as a minorisation at many expansion points of the small
 * set-up (N = 32, K = 2 users, one eavesdropper), with and without the common stream, and with
 * Algorithm 2's penalty (1/rho) (||c - c_FW||^2 + ((1 - gamma) o)^2) of (52a). A minorant tight at
 * c0 gives, for the solved step (c1, gamma1) with value v:
 * f(c0) - w gap(c0, 0) <= v (c0 with gamma = 0 is feasible for the surrogate, where it equals the
 * true penalised objective) and v <= f(c1) - w gap(c1, gamma1) (the surrogate lies below the true
 * penalised objective everywhere), with f the true min secrecy rate of the rates (9)-(15) (checked
 * against the metric code in RsmaReducedModelTest). A heavy penalty pulls the step onto the
 * penalty's centre and gamma onto 1.
 */
class RsmaSurrogateBoundsTest {
    private static final double TOL = 1e-6;

    private static RsmaReducedModelTest.Setup setup(boolean common) throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        return RsmaReducedModelTest.setup(sc, common);
    }

    /**
     * Eight expansion points (random columns at powers 0.2-0.9, some with most power on the common
     * stream) for RSMA and SDMA: each step's value lies between the true objective at c0 and that
     * at the new point, and the step improves the true objective.
     */
    @Test
    void everyStepIsSandwichedBetweenTheTrueObjectivesAtItsEnds() throws Exception {
        int commonActive = 0;
        for (boolean common : new boolean[] {true, false}) {
            RsmaReducedModelTest.Setup s = setup(common);
            RsmaChannels ch = s.ch();
            RsmaSurrogate sur = new RsmaSurrogate(ch, s.crb(List.of(), false));
            for (long seed = 1; seed <= 4; seed++) {
                double[][][] c0 = RsmaReducedModelTest.random(ch, seed, 0.2 * seed);
                if (common && seed % 2 == 0) {
                    c0[0] = Columns.scale(c0[0], 3);
                    c0 = Columns.scale(c0, Math.sqrt(0.2 * seed / Columns.norm2(c0)));
                }
                commonActive += common && ch.rates(c0).commonSecrecy() > 1e-9 ? 1 : 0;
                RsmaSurrogate.Step st = sur.solve(c0, null, false, RsmaSolver.CRB_MARGIN, () -> false);
                String what = (common ? "RSMA" : "SDMA") + " seed " + seed;
                assertNotNull(st, what);
                double before = ch.rates(c0).minSecrecy();
                double after = ch.rates(st.c()).minSecrecy();
                assertTrue(st.value() >= before - TOL * Math.max(1, before), what + ": value " + st.value()
                        + " below the true objective at c0, " + before);
                assertTrue(st.value() <= after + TOL * Math.max(1, after), what + ": value " + st.value()
                        + " above the true objective at c1, " + after);
                assertTrue(after > before, what);
                assertTrue(Columns.norm2(st.c()) <= 1 + 1e-9, what);
            }
        }
        assertTrue(commonActive >= 2, "the common stream had a secrecy rate at " + commonActive + " points only");
    }

    /**
     * With the penalty: the same sandwich for the penalised objective at four points, with a
     * moderate weight (0.5) and an out-of-span part o = 0.4 of F_A F_D.
     */
    @Test
    void thePenalisedStepIsSandwichedToo() throws Exception {
        RsmaReducedModelTest.Setup s = setup(true);
        RsmaChannels ch = s.ch();
        RsmaSurrogate sur = new RsmaSurrogate(ch, s.crb(List.of(), false));
        for (long seed = 1; seed <= 4; seed++) {
            double[][][] c0 = RsmaReducedModelTest.random(ch, seed, 0.5);
            double[][][] cfw = RsmaReducedModelTest.random(ch, seed + 10, 0.6);
            RsmaSurrogate.Penalty pen = new RsmaSurrogate.Penalty(cfw, 0.4, 0.5);
            RsmaSurrogate.Step st = sur.solve(c0, pen, false, RsmaSolver.CRB_MARGIN, () -> false);
            assertNotNull(st);
            double before = ch.rates(c0).minSecrecy() - 0.5 * Algorithm1.gap(pen, c0, 0);
            double after = ch.rates(st.c()).minSecrecy() - 0.5 * Algorithm1.gap(pen, st.c(), st.gamma());
            String what = "seed " + seed;
            assertTrue(st.value() >= before - TOL * Math.max(1, Math.abs(before)), what + ": " + st.value() + " < "
                    + before);
            assertTrue(st.value() <= after + TOL * Math.max(1, Math.abs(after)), what + ": " + st.value() + " > "
                    + after);
            // the power budget (25d) with the out-of-span part
            double power = Columns.norm2(st.c()) + (st.gamma() * 0.4) * (st.gamma() * 0.4);
            assertTrue(power <= 1 + 1e-9, what + ": power " + power);
        }
    }

    /**
     * A heavy penalty (weight w = 1e4) holds the step at F_A F_D. At the optimum (c1, gamma1) the
     * surrogate's penalised value is at least that of (c0, 0), and the surrogate lies below the true
     * rate, so w (gap(c1, gamma1) - gap(c0, 0)) <= f(c1) - f(c0): with c_FW 0.1 away from c0, the
     * step stays within that distance (plus (f(c1) - f(c0)) / w), where the unpenalised step goes
     * much further. gamma appears only in the penalty ((1 - gamma) o)^2 and the power
     * ||c||^2 + (gamma o)^2 <= 1, so gamma1 = min(1, sqrt(1 - ||c1||^2) / o).
     */
    @Test
    void aHeavyPenaltyHoldsTheStepAtTheProduct() throws Exception {
        RsmaReducedModelTest.Setup s = setup(true);
        RsmaChannels ch = s.ch();
        RsmaSurrogate sur = new RsmaSurrogate(ch, s.crb(List.of(), false));
        double[][][] c0 = RsmaReducedModelTest.random(ch, 3, 0.5);
        double[][][] d = RsmaReducedModelTest.random(ch, 13, 0.01);
        double[][][] cfw = Columns.blend(c0, c0, 1);
        for (int q = 0; q < cfw.length; q++) {
            for (int part = 0; part < 2; part++) {
                for (int j = 0; j < ch.d; j++) {
                    cfw[q][part][j] += d[q][part][j];
                }
            }
        }
        RsmaSurrogate.Penalty inSpan = new RsmaSurrogate.Penalty(cfw, 0, 1);
        RsmaSurrogate.Step free = sur.solve(c0, null, false, RsmaSolver.CRB_MARGIN, () -> false);
        assertTrue(Algorithm1.gap(inSpan, free.c(), 0) > 0.05, "the unpenalised step stays near c_FW: "
                + Algorithm1.gap(inSpan, free.c(), 0));
        double f0 = ch.rates(c0).minSecrecy();
        for (double o : new double[] {0, 0.4}) {
            double w = 1e4;
            RsmaSurrogate.Penalty pen = new RsmaSurrogate.Penalty(cfw, o, w);
            RsmaSurrogate.Step st = sur.solve(c0, pen, false, RsmaSolver.CRB_MARGIN, () -> false);
            assertNotNull(st);
            double f1 = ch.rates(st.c()).minSecrecy();
            double allowed = Algorithm1.gap(pen, c0, 0) + (f1 - f0) / w + 1e-6;
            assertTrue(Algorithm1.gap(pen, st.c(), st.gamma()) <= allowed, "o " + o + ": gap "
                    + Algorithm1.gap(pen, st.c(), st.gamma()) + " > " + allowed);
            assertTrue(Algorithm1.gap(inSpan, st.c(), 0) <= 0.01 + (f1 - f0) / w + 1e-6, "o " + o);
            if (o > 0) {
                double expected = Math.min(1, Math.sqrt(1 - Columns.norm2(st.c())) / o);
                assertEquals(expected, st.gamma(), 1e-2, "gamma");
                assertTrue(st.gamma() > 0.9, "gamma " + st.gamma());
            } else {
                assertEquals(0, st.gamma(), 0, "no out-of-span part, no gamma");
            }
        }
    }
}
