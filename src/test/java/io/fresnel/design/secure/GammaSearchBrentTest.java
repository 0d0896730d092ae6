package io.fresnel.design.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Brent's step selection in the refinement of {@link GammaSearch} (R. P. Brent, "Algorithms for
 * Minimization without Derivatives", 1973, ch. 5, procedure localmin, here maximising), through the
 * seam {@link GammaSearch#refine} on the bracket [0, 1] of u = ln gamma, with no bound.
 *
 * <p>Every expected point is derived by hand in the comments from Brent's rules, with
 * G = (3 - sqrt 5) / 2 and tol = LN_TOLERANCE / 4 = 2.5e-7:
 * <ul>
 * <li>the first step, and any step without three distinct points, is a golden section into the
 * larger part: u = x + G (b - x) when x &lt; (a + b) / 2, else u = x + G (a - x);</li>
 * <li>a parabolic step (to the vertex of the parabola through x, w, v) is taken only when it lies
 * inside (a, b) and is shorter than half the step before last; otherwise a golden section;</li>
 * <li>a parabolic step landing within 2 tol of a or b becomes a step of tol towards the middle;
 * any step shorter than tol is lengthened to tol in its own direction;</li>
 * <li>a point at least as good as x becomes x (ties move x), the bracket keeps x inside, and the
 * search ends once |x - (a + b)/2| &lt;= 2 tol - (b - a)/2.</li>
 * </ul>
 */
class GammaSearchBrentTest {
    private static final double G = (3 - Math.sqrt(5)) / 2;
    private static final double TOL = GammaSearch.LN_TOLERANCE / 4;
    /** ln(exp(u)) differs from u by rounding only. */
    private static final double EPS = 1e-12;

    /** The points u = ln gamma evaluated by the refinement of [a, b] from x, in order. */
    private static List<Double> trace(DoubleUnaryOperator s, double a, double b, double x) {
        List<Double> us = new ArrayList<>();
        GammaSearch.refine(g -> {
            double u = Math.log(g);
            us.add(u);
            return s.applyAsDouble(u);
        }, a, b, x, () -> false);
        return us;
    }

    private static DoubleUnaryOperator parabola(double c) {
        return u -> -(u - c) * (u - c);
    }

    private static void assertPoints(List<Double> expected, List<Double> us) {
        assertTrue(us.size() >= expected.size(), "evaluated " + us);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), us.get(i), EPS, "evaluation " + i + " of " + us);
        }
    }

    @Test
    void theFirstStepIsAGoldenSectionIntoTheLargerPart() {
        // x = 0.25 < 0.5: towards b; x = 0.75 > 0.5: towards a (the first step uses no value of s)
        assertPoints(List.of(0.25, 0.25 + G * 0.75), trace(parabola(0.3), 0, 1, 0.25));
        assertPoints(List.of(0.75, 0.75 - G * 0.75), trace(parabola(0.7), 0, 1, 0.75));
        // x exactly at the middle: Brent steps towards a (e = a - x when x >= m)
        assertPoints(List.of(0.5, 0.5 - G * 0.5), trace(parabola(0.3), 0, 1, 0.5));
    }

    @Test
    void aParabolaIsFoundByItsVertexAfterTwoGoldenSteps() {
        // s = -(u - 0.3)^2 from x = 0.25: u1 = 0.25 + 0.75 G = 0.5365 is worse, so b = u1 (w = u1, v = x);
        // with only two distinct points the second step is golden too, into the larger part of [0, u1]
        // (x < u1 / 2): u2 = 0.25 + G (u1 - 0.25) = 0.3594, worse again, b = u2; the parabola through the
        // three points is s itself: its vertex 0.3 is inside (0.25 - 0.3594) and 0.05 is shorter than half
        // of the golden step before last (0.2865 / 2), so u3 = 0.3 exactly. The parabola through 0.3 and
        // two others is s again: its step is 0 (up to rounding), lengthened to tol, and both neighbours
        // 0.3 +- tol are worse; then the bracket [0.3 - tol, 0.3 + tol] ends the search: 6 evaluations.
        List<Double> us = trace(parabola(0.3), 0, 1, 0.25);
        double u1 = 0.25 + G * 0.75;
        double u2 = 0.25 + G * (u1 - 0.25);
        assertPoints(List.of(0.25, u1, u2, 0.3), us);
        assertEquals(6, us.size(), us.toString());
        assertEquals(0.3, Math.min(us.get(4), us.get(5)) + TOL, EPS, us.toString());
        assertEquals(0.3, Math.max(us.get(4), us.get(5)) - TOL, EPS, us.toString());
        // mirrored: s = -(u - 0.7)^2 from 0.75
        List<Double> m = trace(parabola(0.7), 0, 1, 0.75);
        double m1 = 0.75 - G * 0.75;
        assertPoints(List.of(0.75, m1, 0.75 - G * (0.75 - m1), 0.7), m);
        assertEquals(6, m.size(), m.toString());
    }

    @Test
    void aParabolicStepShorterThanTolIsLengthenedToTolInItsOwnDirection() {
        // the vertex c = 0.25 + 0.4 tol is 0.4 tol above x = 0.25 (the two golden steps as above are worse):
        // the step 0.4 tol becomes tol upwards, u3 = 0.25 + tol, worse than x (0.6 tol from c), so b = u3;
        // the next vertex is c again, 0.6 tol below b (within 2 tol of it): a step of tol towards the middle
        // of [0, b], i.e. down, u4 = 0.25 - tol, worse; [0.25 - tol, 0.25 + tol] ends the search
        double c = 0.25 + 0.4 * TOL;
        List<Double> us = trace(parabola(c), 0, 1, 0.25);
        double u1 = 0.25 + G * 0.75;
        double u2 = 0.25 + G * (u1 - 0.25);
        assertPoints(List.of(0.25, u1, u2, 0.25 + TOL, 0.25 - TOL), us);
        assertEquals(5, us.size(), us.toString());
        // mirrored: the vertex 0.4 tol below x = 0.75
        List<Double> m = trace(parabola(0.75 - 0.4 * TOL), 0, 1, 0.75);
        double m1 = 0.75 - G * 0.75;
        assertPoints(List.of(0.75, m1, 0.75 - G * (0.75 - m1), 0.75 - TOL, 0.75 + TOL), m);
        assertEquals(5, m.size(), m.toString());
    }

    @Test
    void aParabolicStepNearTheBracketsEndBecomesAStepOfTolTowardsTheMiddle() {
        // x = 0.1, s = -(u - tol)^2: u1 = 0.1 + 0.9 G = 0.4438 and u2 = 0.1 + G (u1 - 0.1) = 0.2313 (golden,
        // x below the middle of [0, u1]) are worse; the vertex tol is inside (0, u2) and its step 0.1 - tol
        // is shorter than half of 0.3438, but within 2 tol of a = 0: the step is tol towards the middle
        // u2 / 2 > x, u3 = 0.1 + tol (away from the vertex)
        List<Double> us = trace(parabola(TOL), 0, 1, 0.1);
        double u1 = 0.1 + G * 0.9;
        double u2 = 0.1 + G * (u1 - 0.1);
        // u3 is worse: b = u3; the vertex (step -0.1 + tol) is now longer than half of the step before last
        // (G (u1 - 0.1) / 2 = 0.066): a golden section into [0, 0.1], u4 = 0.1 - 0.1 G
        assertPoints(List.of(0.1, u1, u2, 0.1 + TOL, 0.1 - G * 0.1), us);
        // mirrored at b = 1
        List<Double> m = trace(parabola(1 - TOL), 0, 1, 0.9);
        double m1 = 0.9 - G * 0.9;
        double m2 = 0.9 - G * (0.9 - m1);
        assertPoints(List.of(0.9, m1, m2, 0.9 - TOL, 0.9 + G * 0.1), m);
        // both end at the optimum: the bracket [0, ...] closes in on 0 + tol
        assertEquals(TOL, us.get(us.size() - 1), 2 * TOL, us.toString());
    }

    @Test
    void aParabolaWhoseVertexLiesOutsideTheBracketGivesAGoldenStep() {
        // s = -(u + 0.03)^2 from x = 0.1: u1, u2 as above are worse, [0, u2]; the vertex -0.03 is outside
        // the bracket (although its step 0.13 is shorter than half of 0.3438): golden, x below the middle
        // u2 / 2, u3 = 0.1 + G (u2 - 0.1) = 0.1502
        List<Double> us = trace(parabola(-0.03), 0, 1, 0.1);
        double u1 = 0.1 + G * 0.9;
        double u2 = 0.1 + G * (u1 - 0.1);
        assertPoints(List.of(0.1, u1, u2, 0.1 + G * (u2 - 0.1)), us);
        // mirrored: the vertex 1.03 above b
        List<Double> m = trace(parabola(1.03), 0, 1, 0.9);
        double m1 = 0.9 - G * 0.9;
        double m2 = 0.9 - G * (0.9 - m1);
        assertPoints(List.of(0.9, m1, m2, 0.9 - G * (0.9 - m2)), m);
    }

    @Test
    void aParabolicStepLongerThanHalfTheStepBeforeLastGivesAGoldenStep() {
        // s = -(u - 0.05)^2 from x = 0.25: u1, u2 as in the parabola test are worse, [0, u2 = 0.3594]; the
        // vertex 0.05 is inside but its step 0.2 exceeds half of the golden step before last (0.2865 / 2):
        // golden, x above the middle 0.1797, u3 = 0.25 - 0.25 G = 0.1545, better: x = u3, b = 0.25. Now the
        // step to the vertex, 0.1045, is shorter than half of the step before last (the golden e = 0.25):
        // u4 = 0.05 exactly; then 0.05 +- tol, both worse, end the search (7 evaluations)
        List<Double> us = trace(parabola(0.05), 0, 1, 0.25);
        double u1 = 0.25 + G * 0.75;
        double u2 = 0.25 + G * (u1 - 0.25);
        assertPoints(List.of(0.25, u1, u2, 0.25 - G * 0.25, 0.05), us);
        assertEquals(7, us.size(), us.toString());
        assertEquals(0.05, Math.min(us.get(5), us.get(6)) + TOL, EPS, us.toString());
        assertEquals(0.05, Math.max(us.get(5), us.get(6)) - TOL, EPS, us.toString());
        // mirrored
        List<Double> m = trace(parabola(0.95), 0, 1, 0.75);
        double m1 = 0.75 - G * 0.75;
        double m2 = 0.75 - G * (0.75 - m1);
        assertPoints(List.of(0.75, m1, m2, 0.75 + G * 0.25, 0.95), m);
        assertEquals(7, m.size(), m.toString());
    }

    /**
     * The vertex of the parabola through three points (Lagrange form, Numerical Recipes eq. 10.2.1):
     * symmetric in the three points, unlike Brent's p / q form.
     */
    private static double vertex(DoubleUnaryOperator s, double x1, double x2, double x3) {
        double f1 = s.applyAsDouble(x1);
        double f2 = s.applyAsDouble(x2);
        double f3 = s.applyAsDouble(x3);
        double num = (x2 - x1) * (x2 - x1) * (f2 - f3) - (x2 - x3) * (x2 - x3) * (f2 - f1);
        double den = (x2 - x1) * (f2 - f3) - (x2 - x3) * (f2 - f1);
        return x2 - 0.5 * num / den;
    }

    @Test
    void eachParabolaGoesThroughXAndTheTwoPointsBrentKeeps() {
        // s = -(u - 0.3)^2 left of 0.3 and -4 (u - 0.3)^2 right of it (not one parabola, so which three
        // points a parabola goes through matters). From x = 0.25: u1 and u2 golden and worse as above
        // (w = u2, v = u1); u3 = the vertex through (0.25, u2, u1) = 0.2906: inside (0, u2), its step 0.04
        // shorter than half of 0.2865; better, so x = u3, w = 0.25, v = u2 (u1 dropped), a = 0.25.
        // u4 = the vertex through (u3, 0.25, u2) = 0.2826 (step 0.008 < half of the golden 0.1094): worse
        // than x but better than w, so a = u4, w = u4, v = 0.25 (u2 dropped). u5 = the vertex through
        // (u3, u4, 0.25), three points of the left branch: exactly 0.3 (step 0.0094 < 0.0406 / 2); then
        // 0.3 +- tol, both worse, end the search: 8 evaluations.
        DoubleUnaryOperator s = u -> u < 0.3 ? -(u - 0.3) * (u - 0.3) : -4 * (u - 0.3) * (u - 0.3);
        List<Double> us = trace(s, 0, 1, 0.25);
        double u1 = 0.25 + G * 0.75;
        double u2 = 0.25 + G * (u1 - 0.25);
        double u3 = vertex(s, 0.25, u2, u1);
        double u4 = vertex(s, u3, 0.25, u2);
        assertEquals(0.3, vertex(s, u3, u4, 0.25), EPS);
        assertPoints(List.of(0.25, u1, u2, u3, u4, 0.3), us);
        assertEquals(8, us.size(), us.toString());
        assertEquals(0.3, Math.min(us.get(6), us.get(7)) + TOL, EPS, us.toString());
        assertEquals(0.3, Math.max(us.get(6), us.get(7)) - TOL, EPS, us.toString());
    }

    @Test
    void aPointWorseThanWButBetterThanVReplacesV() {
        // s = -|u - 0.3| from x = 0.25: u1 = 0.5365 and the golden u2 = 0.3594 are worse (w = u2, v = u1);
        // u3 = vertex(0.25, u2, u1) = 0.2912 is better (x = u3, w = 0.25, v = u2, a = 0.25); u4 =
        // vertex(u3, 0.25, u2) = 0.3020 better again (x = u4, w = u3, v = 0.25, a = u3). The next vertex,
        // through (u4, u3, 0.25) at 0.3405, is 0.0385 away, more than half of the step before last (u3 - 0.25 =
        // 0.0412): golden into the larger part of [u3, u2], u5 = u4 + G (u2 - u4) = 0.3239, worse than x and
        // than w = u3 but better than v = 0.25, so v = u5 (b = u5); u6 = vertex(u4, u3, u5) = 0.3029
        DoubleUnaryOperator s = u -> -Math.abs(u - 0.3);
        List<Double> us = trace(s, 0, 1, 0.25);
        double u1 = 0.25 + G * 0.75;
        double u2 = 0.25 + G * (u1 - 0.25);
        double u3 = vertex(s, 0.25, u2, u1);
        double u4 = vertex(s, u3, 0.25, u2);
        double u5 = u4 + G * (u2 - u4);
        double u6 = vertex(s, u4, u3, u5);
        assertPoints(List.of(0.25, u1, u2, u3, u4, u5, u6), us);
        assertEquals(0.3, us.get(us.size() - 1), 4 * TOL, us.toString());
        // continued: u6 = 0.3029 is worse than x = u4 but better than w = u3, so w = u6, v = u3 (b = u6);
        // u7 = vertex(u4, u6, u3) = 0.29887 (step 0.0031 < half of the golden 0.0574) is better: x = u7,
        // w = u4, v = u6, b = u4. The next vertex, 0.29965, is 0.00078 away, more than half of the step
        // before last (u6 - u4 = 0.00092): golden towards a = u3 (x above the middle of [u3, u4]),
        // u8 = u7 + G (u3 - u7) = 0.29594, worse than x, w and v: the three points stay (a = u8), and
        // u9 = vertex(u7, u4, u6) = 0.29965 (step 0.00078 < half of the golden 0.0077)
        double u7 = vertex(s, u4, u6, u3);
        double u8 = u7 + G * (u3 - u7);
        assertPoints(List.of(0.25, u1, u2, u3, u4, u5, u6, u7, u8, vertex(s, u7, u4, u6)), us);
    }

    @Test
    void whileVStillEqualsWANewWorsePointBecomesV() {
        // s = exp(-100 (u - 0.4)^2) from x = 0.25: u1 = 0.5365 is better, so x = u1 and w = v = 0.25 (a = 0.25);
        // two distinct points only: golden into the larger part of [0.25, 1], u2 = u1 + G (1 - u1) = 0.7135,
        // worse than both; v equal to w is replaced by u2 (b = u2), and the third step is the vertex through
        // (u1, 0.25, u2)
        DoubleUnaryOperator s = u -> Math.exp(-100 * (u - 0.4) * (u - 0.4));
        List<Double> us = trace(s, 0, 1, 0.25);
        double u1 = 0.25 + G * 0.75;
        double u2 = u1 + G * (1 - u1);
        assertPoints(List.of(0.25, u1, u2, vertex(s, u1, 0.25, u2)), us);
        assertEquals(0.4, us.get(us.size() - 1), 4 * TOL, us.toString());
    }

    @Test
    void onAConstantFunctionEveryTieMovesXAndTheGoldenStepsWalkToB() {
        // s = 0: every new point ties with x and becomes x, the old x becomes a; with all values equal no
        // parabola exists, so every step is golden; x_k stays below the middle of [x_(k-1), 1] (1 - x_k =
        // 0.75 (1 - G)^k and 1 - G > 1/2), so each step goes towards b: 1 - x_(k+1) = (1 - G)(1 - x_k)
        List<Double> us = trace(u -> 0, 0, 1, 0.25);
        List<Double> expected = new ArrayList<>();
        double x = 0.25;
        expected.add(x);
        for (int k = 1; k <= 12; k++) {
            x = 1 - 0.75 * Math.pow(1 - G, k);
            expected.add(x);
        }
        assertPoints(expected, us);
        // the best gamma is the first point (later ties do not replace it) and the walk ends within 4 tol of b
        assertEquals(0.25, Math.log(GammaSearch.refine(g -> 0, 0, 1, 0.25, () -> false)), EPS);
        assertEquals(1, us.get(us.size() - 1), 4 * TOL, us.toString());
        // mirrored: from 0.75 the walk goes to a
        List<Double> m = trace(u -> 0, 0, 1, 0.75);
        for (int k = 0; k <= 12; k++) {
            assertEquals(0.75 * Math.pow(1 - G, k), m.get(k), EPS, "evaluation " + k + " of " + m);
        }
    }

    @Test
    void atTheTopOfTheRangeTheRefinementEndsOnceTheLowerNeighbourCertifiesTheLastGridPoint() {
        // largest = 10^-4.8: the grid is 1e-9, 1e-6 .. 1e-5 (4 per decade), its last point 1e-5 below largest.
        // f = 1.5 gamma (<= 1.5e-5 < largest, nondecreasing) makes s = log2((1 + 1.5 gamma) / (1 + gamma))
        // increasing: the best grid point is the last one, the end of the searched range, so the right side
        // is certified at once; the left side once the nearest evaluated point g below 1e-5 has
        // U(g, 1e-5) = log2((1 + f(1e-5)) / (1 + g)) <= s(1e-5) + t with t = VALUE_TOLERANCE (1e-8; s is far below 1),
        // i.e. g >= expm1(log1p(1e-5) - t ln 2) (6.9e-9 below 1e-5, 6.9e-4 in ln gamma, far before the bracket
        // tolerance of 1e-6 in ln gamma):
        // the refinement stops with the first such point and not before
        double largest = Math.pow(10, -4.8);
        List<Double> grid = GammaSearch.grid(largest);
        double top = grid.get(grid.size() - 1);
        assertEquals(1e-5, top, 1e-18);
        List<Double> refined = new ArrayList<>();
        double best = GammaSearch.search(g -> {
            if (!grid.contains(g)) {
                refined.add(g);
            }
            return new GammaSearch.Point((Math.log1p(1.5 * g) - Math.log1p(g)) / Math.log(2), 1.5 * g);
        }, largest, () -> false);
        assertEquals(top, best);
        double certifying = Math.expm1(Math.log1p(top) - GammaSearch.VALUE_TOLERANCE * Math.log(2));
        assertTrue(refined.size() >= 2, refined.toString());
        for (int i = 0; i < refined.size() - 1; i++) {
            assertTrue(refined.get(i) < certifying, "certified before evaluation " + i + " of " + refined);
        }
        double last = refined.get(refined.size() - 1);
        assertTrue(last >= certifying && last < top, "the last evaluation " + last + " certifies " + top);
    }

    @Test
    void whenTheLowestGridPointIsBestTheRefinementStartsThereInItsBracketToTheNextGridPoint() {
        // s = -(ln gamma - ln 3e-8)^2 through the whole search (no f): the best grid point is 1e-9 (ln 30 = 3.4
        // from the optimum, against ln 33.3 = 3.5 for 1e-6), so phase 2 runs Brent on [ln 1e-9, ln 1e-6] from
        // x = ln 1e-9 = a: x is below the middle, the first refinement point is the golden section towards b,
        // ln 1e-9 + G ln 1000 (not certified: with f unknown the bound above 1e-9 is log2(801 / (1 + 1e-9)))
        List<Double> grid = GammaSearch.grid(800);
        List<Double> refined = new ArrayList<>();
        double lnOpt = Math.log(3e-8);
        double best = GammaSearch.maximise(g -> {
            if (!grid.contains(g)) {
                refined.add(Math.log(g));
            }
            double u = Math.log(g) - lnOpt;
            return -u * u;
        }, 800, () -> false);
        assertTrue(!refined.isEmpty());
        assertEquals(Math.log(1e-9) + G * Math.log(1000), refined.get(0), EPS, refined.toString());
        assertEquals(lnOpt, Math.log(best), 2e-6);
    }

    @Test
    void aStopDuringTheRefinementEndsItAndAStopBeforeItGivesNaN() {
        List<Double> us = new ArrayList<>();
        GammaSearch.refine(g -> {
            us.add(g);
            return -Math.log(g) * Math.log(g);
        }, -1, 1, 0.5, () -> us.size() >= 3);
        assertEquals(3, us.size());
        assertTrue(Double.isNaN(GammaSearch.refine(g -> 0, -1, 1, 0.5, () -> true)));
    }

    @Test
    void aStepBeforeLastOfExactlyTolAfterAClampIsFollowedByAGoldenSection() {
        // Brent tries a parabola only when the step before last is LONGER than tol (|e| > tol, strictly). It is
        // exactly tol after a clamp step (d = +-tol) followed by an accepted parabolic step. s = -|u - c|^3 with
        // c = 0.5 + 2.6 tol, from x = 0.5 (the middle): u1 = 0.5 - 0.5 G and u2 = 0.5 + 0.5 G are golden and worse
        // (u2 is the better of the two: w = u2, v = u1); u3 = vertex(0.5, u2, u1) (step shorter than half the
        // golden e = 0.5) is better: x = u3, a = 0.5, w = 0.5, v = u2. The next vertex, through (u3, 0.5, u2),
        // lies within 2 tol of a = 0.5: a clamp step of tol towards the middle of [0.5, u2], u4 = u3 + tol, worse
        // (b = u4, w = u4, v = 0.5). u5 = vertex(u3, u4, 0.5): shorter than half of the step before last
        // (u3 - 0.5) and more than 2 tol above a: taken, better (x = u5, b = u3). Now the step before last is the
        // clamp's, exactly tol: a golden section into the larger part of [0.5, u3] (x above its middle),
        // u6 = u5 + G (0.5 - u5), not another parabola (which would step tol down from u5).
        double c = 0.5 + 2.6 * TOL;
        DoubleUnaryOperator s = u -> -Math.pow(Math.abs(u - c), 3);
        List<Double> us = trace(s, 0, 1, 0.5);
        double u1 = 0.5 - 0.5 * G;
        double u2 = 0.5 + 0.5 * G;
        double u3 = vertex(s, 0.5, u2, u1);
        assertTrue(u3 - 0.5 > 2 * TOL && u3 - 0.5 < 0.25, "u3 = 0.5 + " + (u3 - 0.5));
        assertTrue(vertex(s, u3, 0.5, u2) - 0.5 < 2 * TOL, "the fourth vertex lies within 2 tol of a = 0.5");
        double u4 = u3 + TOL;
        double u5 = vertex(s, u3, u4, 0.5);
        assertTrue(Math.abs(u5 - u3) < 0.5 * (u3 - 0.5) && u5 - 0.5 > 2 * TOL && u5 > 0.5 * (0.5 + u3),
                "u5 = 0.5 + " + (u5 - 0.5));
        double u6 = u5 + G * (0.5 - u5);
        assertPoints(List.of(0.5, u1, u2, u3, u4, u5, u6), us);
    }
}
