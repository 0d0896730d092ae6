package io.fresnel.design.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The 1-D search of (P1.2) on synthetic nondecreasing f: grid points skipped by the bound, Brent's refinement. */
class GammaSearchTest {

    private static double secrecy(DoubleUnaryOperator f, double gamma) {
        return (Math.log1p(f.applyAsDouble(gamma)) - Math.log1p(gamma)) / Math.log(2);
    }

    /** Runs the search on s = log2((1 + f)/(1 + gamma)) and returns {best gamma, evaluations}. */
    private static double[] search(DoubleUnaryOperator f, double largest, List<Double> evaluated) {
        double best = GammaSearch.search(g -> {
            evaluated.add(g);
            return new GammaSearch.Point(secrecy(f, g), f.applyAsDouble(g));
        }, largest, () -> false);
        return new double[] {best, evaluated.size()};
    }

    /** A saturating user SINR, like paper 001's: f(0) = 579, f(inf) = 759, f ~ f(0) + c sqrt(gamma) near 0. */
    private static final DoubleUnaryOperator SATURATING = g -> 579 + 180 * Math.sqrt(g) / (Math.sqrt(g) + 0.8);

    @Test
    void theSkippedGridPointsAreNoBetterAndTheOptimumIsFound() {
        List<Double> evaluated = new ArrayList<>();
        double[] r = search(SATURATING, 800, evaluated);
        List<Double> grid = GammaSearch.grid(800);
        double gridBest = Double.NEGATIVE_INFINITY;
        for (double g : grid) {
            gridBest = Math.max(gridBest, secrecy(SATURATING, g));
        }
        double found = secrecy(SATURATING, r[0]);
        assertTrue(found >= gridBest - 1e-12, found + " < best grid value " + gridBest);
        long gridEvaluations = evaluated.stream().filter(grid::contains).count();
        assertTrue(gridEvaluations < grid.size(), gridEvaluations + " of " + grid.size() + " grid points");
        // a fine scan of ln gamma around the result finds nothing better (beyond the bracket tolerance's effect)
        for (double u = Math.log(r[0]) - 1; u <= Math.log(r[0]) + 1; u += 1e-4) {
            assertTrue(secrecy(SATURATING, Math.exp(u)) <= found + 1e-9, "better at gamma = " + Math.exp(u));
        }
        System.out.printf("synthetic f: best gamma %.9g after %d evaluations (%d of %d grid points)%n", r[0],
                (int) r[1], gridEvaluations, grid.size());
    }

    @Test
    void whereSIsFlatTheBoundEndsTheRefinementAtOnce() {
        // f nearly constant: every level below 1e-6 is equivalent to 1e-12 relative
        DoubleUnaryOperator flat = g -> 7.2e5 + 1e3 * Math.sqrt(g);
        List<Double> evaluated = new ArrayList<>();
        double[] r = search(flat, 8e5, evaluated);
        int grid = GammaSearch.grid(8e5).size();
        assertTrue(r[1] < grid / 2.0, r[1] + " evaluations for a grid of " + grid);
        double gridBest = GammaSearch.grid(8e5).stream().mapToDouble(g -> secrecy(flat, g)).max().orElseThrow();
        assertEquals(gridBest, secrecy(flat, r[0]), 1e-7 * gridBest);
    }

    @Test
    void roundingNoiseAtTheLowerEndOfTheRangeIsNotChased() {
        // s flat to 1e-12 below gamma = 1e-6, with noise of 1e-12 that favours ever smaller gamma: the best
        // point ends at the lower end of the range, where the bound certifies it without a Brent chase
        DoubleUnaryOperator flat = g -> 7.2e5 + 1e-6 * Math.sqrt(g);
        List<Double> evaluated = new ArrayList<>();
        GammaSearch.search(g -> {
            evaluated.add(g);
            return new GammaSearch.Point(secrecy(flat, g) - 1e-12 * Math.log(g / 1e-9), flat.applyAsDouble(g));
        }, 8e5, () -> false);
        long brent = evaluated.stream().filter(g -> !GammaSearch.grid(8e5).contains(g)).count();
        assertTrue(brent <= 2, brent + " refinement evaluations: " + evaluated);
    }

    @Test
    void failuresAtTheStartDoNotEndTheSearch() {
        // every solve fails except between gamma = 0.012 and 0.06, where no grid point of the first pass
        // lies: the unevaluated grid points there must still be found
        List<Double> evaluated = new ArrayList<>();
        double best = GammaSearch.search(g -> {
            evaluated.add(g);
            return g < 0.012 || g > 0.06 ? new GammaSearch.Point(Double.NEGATIVE_INFINITY, Double.NaN)
                    : new GammaSearch.Point(secrecy(SATURATING, g), SATURATING.applyAsDouble(g));
        }, 800, () -> false);
        double gridBest = GammaSearch.grid(800).stream().filter(g -> g >= 0.012 && g <= 0.06)
                .mapToDouble(g -> secrecy(SATURATING, g)).max().orElseThrow();
        assertTrue(secrecy(SATURATING, best) >= gridBest - 1e-12, best + " misses the best grid value " + gridBest);
    }

    @Test
    void aFailedEvaluationBoundsNothingBeyondTheSnr() {
        // f unknown (NaN) everywhere: only grid points where even f = SNR = 800 loses may be skipped
        List<Double> evaluated = new ArrayList<>();
        GammaSearch.search(g -> {
            evaluated.add(g);
            return new GammaSearch.Point(secrecy(SATURATING, g), Double.NaN);
        }, 800, () -> false);
        double best = evaluated.stream().mapToDouble(g -> secrecy(SATURATING, g)).max().orElseThrow();
        int skipped = 0;
        for (double g : GammaSearch.grid(800)) {
            double bound = (Math.log1p(800) - Math.log1p(g)) / Math.log(2);
            if (bound > best * (1 + GammaSearch.PRUNE_TOLERANCE)) {
                assertTrue(evaluated.contains(g), "grid point " + g + " (bound " + bound + ") skipped");
            } else {
                skipped++;
            }
        }
        assertTrue(skipped > 0);
    }
}
