package io.fresnel.tradeoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dominance, standing, ordering and the fronts each preset is offered, on hand-made points. */
class TradeoffFrontTest {

    private static TradeoffPoint point(double level, double sensing, double comm) {
        return new TradeoffPoint(level, TradeoffPoint.State.FEASIBLE, null, null, null, sensing, comm, false, null);
    }

    private static TradeoffPoint infeasible(double level) {
        return new TradeoffPoint(level, TradeoffPoint.State.INFEASIBLE, null, null, null, Double.NaN, Double.NaN, false,
                "no");
    }

    @Test
    void pointsAreOrderedByLevelAndOnlyBeatenFeasiblePointsAreFlagged() {
        TradeoffFront f = new TradeoffFront(TradeoffKind.SECRECY_VS_PCRB, "an-secure-pcrb",
                TradeoffFront.Stage.COMPLETE, List.of(point(3, 2e-4, 5.0), infeasible(0.5), point(1, 1e-4, 4.0),
                        point(2, 3e-4, 4.5), point(4, 2e-4, 5.0)), 1e-4);
        assertEquals(List.of(0.5, 1.0, 2.0, 3.0, 4.0), f.points().stream().map(TradeoffPoint::level).toList());
        assertFalse(f.points().get(0).dominated(), "an infeasible point is not flagged");
        assertFalse(f.points().get(1).dominated(), "lowest CRB");
        assertTrue(f.points().get(2).dominated(), "(3e-4, 4.5) is beaten by (2e-4, 5.0)");
        assertFalse(f.points().get(3).dominated(), "equal points do not dominate each other");
        assertFalse(f.points().get(4).dominated());
        assertEquals(4, f.feasible().size());
    }

    @Test
    void theStandingOfADesignIsOnInsideOrBeyondTheFront() {
        TradeoffFront f = new TradeoffFront(TradeoffKind.SECRECY_VS_PCRB, "an-secure-pcrb",
                TradeoffFront.Stage.COMPLETE, List.of(point(1, 1e-4, 4.0), point(2, 2e-4, 5.0)), 1e-4);
        assertEquals(TradeoffFront.Standing.ON_FRONT, f.standing(1e-4, 4.0));
        assertEquals(TradeoffFront.Standing.ON_FRONT, f.standing(1.5e-4, 4.5));
        assertEquals(TradeoffFront.Standing.DOMINATED, f.standing(2e-4, 4.9));
        assertEquals(TradeoffFront.Standing.BEYOND, f.standing(1e-4, 4.2));
        assertEquals(TradeoffFront.Standing.ON_FRONT, f.standing(1e-4 * (1 + 1e-6), 4.0), "within the tolerance");
        assertEquals(TradeoffFront.Standing.UNKNOWN, f.standing(Double.NaN, 4.0));
    }

    @Test
    void eachPresetIsOfferedTheFrontOfItsPaper() throws Exception {
        for (Presets.Preset p : Presets.all()) {
            var s = Presets.load(p);
            String alg = s.solver() == null ? null : s.solver().algorithm();
            List<TradeoffKind> kinds = TradeoffKind.availableFor(s, alg);
            if (p.file().startsWith("paper-004")) {
                assertEquals(List.of(TradeoffKind.SUM_CRB_VS_SINR), kinds, p.file());
            } else if (p.file().startsWith("paper-000")) {
                assertEquals(List.of(TradeoffKind.SECRECY_VS_RANGE_CRB, TradeoffKind.SECRECY_VS_ANGLE_CRB), kinds);
            } else if (p.file().startsWith("paper-001")) {
                assertEquals(List.of(TradeoffKind.SECRECY_VS_PCRB), kinds);
                double[] range = TradeoffKind.SECRECY_VS_PCRB.defaultRange(s);
                assertEquals(1e-4 / Math.pow(10, 1.5), range[0], 1e-18, "1.5 decades below the preset's bound");
                assertEquals(0.01 * 0.01, range[1], 1e-18, "capped at the prior's sigma^2: above it the bound is vacuous");
            }
        }
    }

    @Test
    void theCsvHasOneRowPerLevelWithEmptyCellsForMissingValues() {
        TradeoffFront f = new TradeoffFront(TradeoffKind.SECRECY_VS_PCRB, "an-secure-pcrb",
                TradeoffFront.Stage.COMPLETE, List.of(point(1, 1e-4, 4.0), infeasible(0.5)), 1e-4);
        String[] lines = TradeoffCsv.format(f).split("\n");
        assertEquals(3, lines.length);
        assertEquals(TradeoffCsv.HEADER, lines[0]);
        assertEquals("secrecy-vs-pcrb,an-secure-pcrb,0.5000000000,infeasible,false,,,,,,,no", lines[1]);
        assertTrue(lines[2].startsWith("secrecy-vs-pcrb,an-secure-pcrb,1.000000000,feasible,false,0.0001000000000,"
                + "4.000000000,"), lines[2]);
    }
}
