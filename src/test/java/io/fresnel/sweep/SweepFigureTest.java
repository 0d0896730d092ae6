package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Vec3;
import io.fresnel.model.ExplicitArray;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.UniformLinearArray;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SweepFigureTest {
    private final Scenario base = SweepScenarios.smallBase();

    @Test
    void figureTwoSetsTheTransmitPowerFromDbm() {
        assertEquals(0.1, SweepFigure.FIG2.apply(base, 20).transmitPowerW(), 1e-15);
        assertEquals(0.01, SweepFigure.FIG2.apply(base, 10).transmitPowerW(), 1e-16);
        assertEquals(1.0, SweepFigure.FIG2.apply(base, 30).transmitPowerW(), 1e-14);
        assertEquals(base.users(), SweepFigure.FIG2.apply(base, 10).users());
        assertEquals(base.solver(), SweepFigure.FIG2.apply(base, 10).solver());
    }

    @Test
    void figureThreeAsksForXUsersAndTheOthersKeepTheBaseCount() {
        assertEquals(5, SweepFigure.FIG3.users(base, 5));
        assertEquals(1, SweepFigure.FIG3.users(base, 1));
        assertEquals(base.users().size(), SweepFigure.FIG2.users(base, 25));
        assertEquals(base.users().size(), SweepFigure.FIG5.users(base, 1e-3));
        Scenario s = SweepFigure.FIG3.apply(base, 5);
        assertEquals(base.transmitPowerW(), s.transmitPowerW());
        assertNull(s.precoder());
    }

    @Test
    void figureFourChangesTheTransmitElementsKeepingSpacingAnchorAndReceiveArray() {
        Scenario s = SweepFigure.FIG4.apply(base, 40);
        UniformLinearArray before = (UniformLinearArray) base.txArray();
        UniformLinearArray after = (UniformLinearArray) s.txArray();
        assertEquals(40, after.elements());
        assertEquals(40, s.txArray().size());
        assertEquals(before.spacingM(), after.spacingM());
        assertEquals(before.firstElementM(), after.firstElementM());
        assertEquals(base.rxArray(), s.rxArray());
        assertEquals(base.referencePoint(), s.referencePoint());
    }

    @Test
    void figureFourPinsTheReferencePointWhenTheBaseUsesTheCentroid() {
        Propagation p = base.propagation();
        Scenario centroidBase = base.withPropagation(new Propagation(p.phase(), p.amplitude(), null));
        Vec3 o = centroidBase.referencePoint();
        Scenario s = SweepFigure.FIG4.apply(centroidBase, 64);
        assertEquals(o, s.propagation().referenceM());
        assertTrue(s.txArray().centroid().distance(o) > 0.1, "the centroid moved, the reference did not");
    }

    @Test
    void figureFourNeedsAUniformLinearTransmitArray() {
        Scenario explicit = base.withTxArray(new ExplicitArray(base.txArray().positions()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepFigure.FIG4.apply(explicit, 32));
        assertTrue(e.getMessage().contains("ula"), e.getMessage());
    }

    @Test
    void figuresFiveAndSixSetTheirCrbBoundInTheSolverBlockOnly() {
        Scenario five = SweepFigure.FIG5.apply(base, 3e-3);
        assertEquals(3e-3, five.solver().parameters().get(SweepFigure.CRB_RANGE));
        assertEquals(base.solver().parameters().get(SweepFigure.CRB_ANGLE),
                five.solver().parameters().get(SweepFigure.CRB_ANGLE));
        assertEquals("rsma-hybrid", five.solver().algorithm());
        Scenario six = SweepFigure.FIG6.apply(base, 2e-7);
        assertEquals(2e-7, six.solver().parameters().get(SweepFigure.CRB_ANGLE));
        assertEquals(base.solver().parameters().get(SweepFigure.CRB_RANGE),
                six.solver().parameters().get(SweepFigure.CRB_RANGE));
        assertEquals(base.transmitPowerW(), six.transmitPowerW());
        Scenario noBlock = SweepFigure.FIG5.apply(base.withSolver(null), 1e-2);
        assertEquals(1e-2, noBlock.solver().parameters().get(SweepFigure.CRB_RANGE));
    }

    @Test
    void defaultPointsContainThePaperDefaultsAndAreValid() {
        assertContains(SweepFigure.FIG2, 20);
        assertContains(SweepFigure.FIG3, 4);
        assertContains(SweepFigure.FIG4, 128);
        assertContains(SweepFigure.FIG5, 1e-2);
        assertContains(SweepFigure.FIG6, 1e-6);
        for (SweepFigure f : SweepFigure.values()) {
            double[] pts = f.defaultPoints();
            for (int i = 0; i < pts.length; i++) {
                f.check(pts[i]);
                if (i > 0) {
                    assertTrue(pts[i] > pts[i - 1], f + " defaults increase");
                }
            }
            pts[0] = -1;
            assertTrue(f.defaultPoints()[0] != -1, "a copy is returned");
            assertSame(f, SweepFigure.of(f.number()));
        }
        assertTrue(SweepFigure.FIG5.logX() && SweepFigure.FIG6.logX() && !SweepFigure.FIG2.logX());
        assertEquals("transmit_power_dbm", SweepFigure.FIG2.xName());
    }

    private static void assertContains(SweepFigure f, double x) {
        assertTrue(Arrays.stream(f.defaultPoints()).anyMatch(v -> v == x), f + " defaults contain " + x);
    }

    @Test
    void valuesThatDoNotApplyAreRejectedNamingTheFigure() {
        assertRejected(SweepFigure.FIG3, 2.5, "whole number");
        assertRejected(SweepFigure.FIG3, 0, "whole number");
        assertRejected(SweepFigure.FIG4, 1e6, "whole number");
        assertRejected(SweepFigure.FIG5, 0, "positive");
        assertRejected(SweepFigure.FIG6, -1e-6, "positive");
        assertRejected(SweepFigure.FIG2, Double.NaN, "finite");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepFigure.of(7));
        assertTrue(e.getMessage().contains("unknown figure 7"), e.getMessage());
    }

    private static void assertRejected(SweepFigure f, double x, String cause) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.check(x));
        assertTrue(e.getMessage().contains(cause) && e.getMessage().contains("figure " + f.number()), e.getMessage());
    }
}
