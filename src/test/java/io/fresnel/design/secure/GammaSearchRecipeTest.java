package io.fresnel.design.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented recipe of {@link GammaSearch} on synthetic functions (no SDP): the grid's ends
 * (1e-9, then 4 points per decade from 1e-6 up to and including the largest gamma; the largest
 * itself when it is below 1e-6), the first pass every 2 decades from 1e-9 up, Brent's refinement
 * on the bracket of the best grid point's two neighbours (an optimum below or above the best grid
 * point, or between 1e-9 and 1e-6), to the bracket tolerance 1e-6 in ln gamma, with parabolic
 * steps (a smooth optimum takes far fewer evaluations than golden sections alone), and stopping.
 */
class GammaSearchRecipeTest {

    /** The grid point j of 1e-6 * 10^(j/4), as the class comment defines it. */
    private static double gridPoint(int j) {
        return 1e-6 * Math.pow(10, j / 4.0);
    }

    @Test
    void theGridEndsAtTheLargestGammaIncludedAndStartsAt1eMinus9() {
        List<Double> g = GammaSearch.grid(gridPoint(8));
        assertEquals(10, g.size(), g.toString());
        assertEquals(1e-9, g.get(0));
        assertEquals(gridPoint(8), g.get(9));
        assertEquals(9, GammaSearch.grid(Math.nextDown(gridPoint(8))).size());
        // below the first grid point: 1e-9 and the largest itself; at or below 1e-9 only 1e-9
        assertEquals(List.of(1e-9, 5e-7), GammaSearch.grid(5e-7));
        assertEquals(List.of(1e-9), GammaSearch.grid(1e-9));
        assertEquals(List.of(1e-9), GammaSearch.grid(5e-10));
        assertEquals(List.of(1e-9, 1e-6), GammaSearch.grid(1e-6));
    }

    @Test
    void theFirstPassEvaluatesEveryTwoDecadesFromTheBottom() {
        // every evaluation fails: nothing can be pruned, so the first pass is 1e-9, 1e-6, 1e-4, 1e-2, 1, 100
        // and then the last grid point, before any other grid point
        List<Double> evaluated = new ArrayList<>();
        double best = GammaSearch.search(g -> {
            evaluated.add(g);
            return new GammaSearch.Point(Double.NEGATIVE_INFINITY, Double.NaN);
        }, 800, () -> false);
        List<Double> grid = GammaSearch.grid(800);
        List<Double> first = List.of(1e-9, gridPoint(0), gridPoint(8), gridPoint(16), gridPoint(24), gridPoint(32),
                grid.get(grid.size() - 1));
        assertEquals(first, evaluated.subList(0, first.size()));
        // and then every other grid point once, with no refinement
        assertEquals(grid.size(), evaluated.size());
        assertTrue(evaluated.containsAll(grid));
        assertEquals(1e-9, best, "the first point evaluated when none succeeds");
    }

    @Test
    void aFirstPassEndsAtAGridOfSeventeenPoints() {
        // n = 17 (largest = 10^-3.25... the grid point j = 15): the first pass is 1e-9, 1e-6, 1e-4 and the last
        List<Double> evaluated = new ArrayList<>();
        GammaSearch.search(g -> {
            evaluated.add(g);
            return new GammaSearch.Point(Double.NEGATIVE_INFINITY, Double.NaN);
        }, gridPoint(15), () -> false);
        assertEquals(17, GammaSearch.grid(gridPoint(15)).size());
        assertEquals(List.of(1e-9, gridPoint(0), gridPoint(8), gridPoint(15)), evaluated.subList(0, 4));
        assertEquals(17, evaluated.size());
    }

    @Test
    void aUserSinrEqualToTheSnrEverywhereIsSettledByTheFirstEvaluation() {
        // f(gamma) = SNR = 1000 for every gamma: s = log2(1001 / (1 + gamma)) is largest at 1e-9, and the bound
        // U(a, b) = log2(1001 / (1 + gamma_a)) of every level above is s(gamma_a) itself: nothing above the first
        // point can beat it, so the first pass stops at 1e-6 and the refinement is certified at once
        List<Double> evaluated = new ArrayList<>();
        double best = GammaSearch.search(g -> {
            evaluated.add(g);
            return new GammaSearch.Point((Math.log1p(1000) - Math.log1p(g)) / Math.log(2), 1000);
        }, 1000, () -> false);
        assertEquals(1e-9, best);
        assertTrue(evaluated.size() <= 2, "evaluations " + evaluated);
    }

    /** Runs the search without f on s = -(ln gamma - ln optimum)^2; returns {best, refinement evaluations}. */
    private static double[] parabola(double optimum, double largest) {
        List<Double> grid = GammaSearch.grid(largest);
        List<Double> refined = new ArrayList<>();
        double best = GammaSearch.maximise(g -> {
            if (!grid.contains(g)) {
                refined.add(g);
            }
            double u = Math.log(g) - Math.log(optimum);
            return -u * u;
        }, largest, () -> false);
        return new double[] {best, refined.size()};
    }

    @Test
    void anOptimumJustBelowTheBestGridPointIsFound() {
        // the grid point 1e-2 is the best one (0.1 decade away, its lower neighbour 0.15): the optimum lies
        // in the bracket below it
        double optimum = 1e-2 * Math.pow(10, -0.1);
        double[] r = parabola(optimum, 800);
        assertEquals(0, Math.log(r[0] / optimum), 2e-6, "best " + r[0]);
    }

    @Test
    void anOptimumJustAboveTheBestGridPointIsFound() {
        double optimum = 1e-2 * Math.pow(10, 0.1);
        double[] r = parabola(optimum, 800);
        assertEquals(0, Math.log(r[0] / optimum), 2e-6, "best " + r[0]);
    }

    @Test
    void anOptimumBetween1eMinus9And1eMinus6IsFoundFromTheLowestGridPoint() {
        // s(1e-9) > s(1e-6): the best grid point is the first one, and the bracket is [1e-9, 1e-6]
        double optimum = 3e-8;
        double[] r = parabola(optimum, 800);
        assertEquals(0, Math.log(r[0] / optimum), 2e-6, "best " + r[0]);
    }

    @Test
    void brentsParabolicStepsConvergeFasterThanGoldenSections() {
        // a quarter decade (ln 10 / 4 = 0.58) on each side of the best grid point narrowed to 1e-6 needs
        // ln(1.15 / 1e-6) / ln(1 / 0.618) = 29 golden sections; parabolas through an exact parabola need few
        for (double optimum : new double[] {0.0231, 3.7e-4, 12.5}) {
            double[] r = parabola(optimum, 800);
            assertEquals(0, Math.log(r[0] / optimum), 2e-6, "best " + r[0]);
            assertTrue(r[1] <= 12, r[1] + " refinement evaluations for the optimum " + optimum);
        }
        // a smooth but not parabolic peak, s = -cosh(3 (ln gamma - ln g*)): still few
        double optimum = 0.37;
        List<Double> grid = GammaSearch.grid(800);
        List<Double> refined = new ArrayList<>();
        double best = GammaSearch.maximise(g -> {
            if (!grid.contains(g)) {
                refined.add(g);
            }
            return -Math.cosh(3 * (Math.log(g) - Math.log(optimum)));
        }, 800, () -> false);
        assertEquals(0, Math.log(best / optimum), 2e-6, "best " + best);
        assertTrue(refined.size() <= 16, refined.size() + " refinement evaluations");
    }

    @Test
    void anOptimumAboveTheLastGridPointIsBracketedByIt() {
        // largest = 800: the last grid point is 562 (10^2.75); an optimum at 700 is above it, and the search
        // stays within the searched range: the best is the last grid point or between it and its neighbour
        double[] r = parabola(700, 800);
        assertEquals(GammaSearch.grid(800).get(GammaSearch.grid(800).size() - 1), r[0], 1e-9 * r[0]);
    }

    @Test
    void aStopBeforeTheFirstEvaluationGivesNaNAndAStopDuringTheRefinementEndsIt() {
        assertTrue(Double.isNaN(GammaSearch.maximise(g -> 0, 800, () -> true)));
        List<Double> evaluated = new ArrayList<>();
        int gridSize = GammaSearch.grid(800).size();
        double best = GammaSearch.maximise(g -> {
            evaluated.add(g);
            double u = Math.log(g) - Math.log(0.0231);
            return -u * u;
        }, 800, () -> evaluated.size() >= gridSize + 2);
        assertEquals(gridSize + 2, evaluated.size(), "no evaluation after the stop");
        // the best of what was evaluated
        double bestValue = evaluated.stream().mapToDouble(g -> -Math.pow(Math.log(g) - Math.log(0.0231), 2)).max()
                .orElseThrow();
        double u = Math.log(best) - Math.log(0.0231);
        assertEquals(bestValue, -u * u, 0.0);
    }

    /**
     * Runs {@link GammaSearch#maximise} with largest = 1023 on s(gamma) = log2((1 + F)/(1 + gamma)), the secrecy
     * rate of a user SINR F below the SNR everywhere, with F chosen so that f = SNR would gain exactly
     * {@code gain} bit at every level: log2((1 + 1023)/(1 + F)) = gain. Returns the grid points evaluated.
     */
    private static List<Double> gridPointsEvaluatedWithAGainOf(double gain) {
        List<Double> grid = GammaSearch.grid(1023);
        List<Double> evaluated = evaluatedWithAGainOf(gain);
        evaluated.retainAll(grid);
        return evaluated;
    }

    /** As {@link #gridPointsEvaluatedWithAGainOf}, every evaluation in order. */
    private static List<Double> evaluatedWithAGainOf(double gain) {
        List<Double> evaluated = new ArrayList<>();
        GammaSearch.maximise(g -> {
            evaluated.add(g);
            return 10 - gain - Math.log1p(g) / Math.log(2);
        }, 1023, () -> false);
        return evaluated;
    }

    @Test
    void theRefinementStopsWhenNoLevelCanGainMoreThanTheValueToleranceOfTheValue() {
        // as above, s is largest at 1e-9 and no level above it can beat it by more than the gain. The refinement's
        // value tolerance is relative, VALUE_TOLERANCE max(1, |s|) = 1e-8 x 10 = 1e-7 here: with a gain of 5e-8 its
        // first evaluation above 1e-9 certifies 1e-9 (two evaluations in all); with a gain of 5e-7 it cannot, and
        // Brent's method goes on towards 1e-9
        assertEquals(1e-8, GammaSearch.VALUE_TOLERANCE);
        List<Double> settled = evaluatedWithAGainOf(5e-8);
        assertEquals(2, settled.size(), settled.toString());
        assertEquals(1e-9, settled.get(0));
        assertTrue(evaluatedWithAGainOf(5e-7).size() > 5);
    }

    @Test
    void gridPointsThatCouldGainLessThanThePruneToleranceOfTheValueAreSkipped() {
        // s is largest at 1e-9 (about 10 - gain). Without f the bound of every level above 1e-9 is
        // log2(1024 / (1 + 1e-9)) = s(1e-9) + gain. The prune tolerance is relative: 1e-7 max(1, |s|) = 1e-6 here,
        // so a gain of 5e-7 (above 1e-7 absolute, below 1e-7 |s|) evaluates no grid point but 1e-9,
        // while a gain of 5e-6 (above the tolerance) must evaluate further grid points.
        assertEquals(List.of(1e-9), gridPointsEvaluatedWithAGainOf(5e-7));
        assertTrue(gridPointsEvaluatedWithAGainOf(5e-6).size() > 1);
    }
}
