package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.CVec;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.Axis;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FieldComputerTest {
    private static final String[][] MODELS = {
        {"exact", "unit"}, {"exact", "spherical"}, {"fresnel", "unit"}, {"fresnel", "spherical"},
        {"far-field", "unit"}, {"far-field", "spherical"}};
    private static final GridSpec PLANAR_GRID = new GridSpec(Plane.Z0, 0.3, 4, -2.5, 2.5, 37, 41);

    private static Field compute(Scenario s, Layer layer, GridSpec g) {
        try {
            return FieldComputer.compute(s, layer, g, () -> false);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The engine's illumination v^T R_X v^* at p (W), or one column's share. */
    private static double engineIllumination(Scenario s, Vec3 p, int column) {
        ScenarioPhysics ph = new ScenarioPhysics(s);
        int n = ph.transmit().size();
        double[] re = new double[n];
        double[] im = new double[n];
        ph.transmit().evaluate(p, true, re, im);
        double[][] w = new PrecoderColumns(s.precoder().effective()).transposeTimes(re, im);
        if (column >= 0) {
            return w[0][column] * w[0][column] + w[1][column] * w[1][column];
        }
        return CVec.norm2(w[0], w[1]);
    }

    private static void assertPatternMatchesEngine(Scenario s, GridSpec g, int column) {
        Layer layer = column < 0 ? new Layer.Beampattern() : new Layer.StreamPattern(column);
        Field f = compute(s, layer, g);
        double max = f.maxFinite();
        Random rnd = new Random(5);
        for (int k = 0; k < 40; k++) {
            int iu = rnd.nextInt(g.nu());
            int iv = rnd.nextInt(g.nv());
            double expected = engineIllumination(s, g.point(iu, iv), column);
            double got = f.value(iu, iv);
            if (expected > 1e-6 * max) {
                assertEquals(expected, got, 1e-10 * expected, s.propagation() + " at " + g.point(iu, iv));
            } else {
                assertEquals(expected, got, 1e-12 * max);
            }
        }
    }

    @Test
    void beampatternEqualsTheEngineIlluminationForEveryModelIn2d() {
        for (String[] m : MODELS) {
            assertPatternMatchesEngine(RenderScenarios.planar(m[0], m[1], false, true, false), PLANAR_GRID, -1);
        }
    }

    @Test
    void beampatternEqualsTheEngineIlluminationOnVerticalPlanesOfA3dUpa() {
        for (String[] m : MODELS) {
            Scenario s = RenderScenarios.spatial(m[0], m[1]);
            assertPatternMatchesEngine(s, new GridSpec(new Plane(Axis.X, 1.5), -2, 2, -1, 3, 31, 29), -1);
            assertPatternMatchesEngine(s, new GridSpec(new Plane(Axis.Y, 0.7), -2, 2, 0.5, 3, 29, 31), -1);
            // the array's mirror planes: the sweep folds mirror-image elements (MirrorFold)
            assertPatternMatchesEngine(s, new GridSpec(new Plane(Axis.X, 0), -2, 2, -1, 3, 31, 29), -1);
            assertPatternMatchesEngine(s, new GridSpec(new Plane(Axis.Y, 0), -2, 2, 0.5, 3, 29, 31), 1);
        }
    }

    @Test
    void beampatternEqualsTheEngineIlluminationAtEveryPointOfTheSymmetricBroadsidePlaneOfAUpa() {
        for (String[] m : MODELS) {
            Scenario s = RenderScenarios.spatial(m[0], m[1]);
            Plane b = SlicePlanes.broadside(s, "t1");
            assertTrue(!b.isAxisAligned());
            double[] e = SlicePlanes.extent(s, b);
            assertEquals(-e[0], e[1], 0.0, "the u-range is centred on the array");
            // u -> -u is a half-turn of the array about its normal: the sweep pairs the points (HalfTurn)
            GridSpec g = new GridSpec(b, e[0], e[1], e[2], e[3], 24, 7);
            for (int column : new int[] {-1, 1}) {
                Field f = compute(s, column < 0 ? new Layer.Beampattern() : new Layer.StreamPattern(column), g);
                double max = f.maxFinite();
                for (int iv = 0; iv < g.nv(); iv++) {
                    for (int iu = 0; iu < g.nu(); iu++) {
                        double expected = engineIllumination(s, g.point(iu, iv), column);
                        double got = f.value(iu, iv);
                        assertEquals(expected, got, Math.max(1e-10 * expected, 1e-12 * max), m[0] + "/" + m[1]
                                + " at " + g.point(iu, iv));
                    }
                }
            }
        }
    }

    @Test
    void anObliquePlaneGivesTheSameFieldAsTheAxisAlignedPlaneItCoincidesWith() throws Exception {
        Scenario s = RenderScenarios.spatial("exact", "spherical");
        GridSpec aligned = new GridSpec(new Plane(Axis.X, 1.5), -2, 2, -1, 3, 17, 13);
        Plane same = Plane.through(new Vec3(1.5, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1), "x=1.5 oblique");
        GridSpec oblique = new GridSpec(same, -2, 2, -1, 3, 17, 13);
        Field a = compute(s, new Layer.Beampattern(), aligned);
        Field b = compute(s, new Layer.Beampattern(), oblique);
        for (int i = 0; i < aligned.size(); i++) {
            assertEquals(a.value(i), b.value(i), 1e-14 * Math.abs(a.value(i)));
        }
        assertThrows(IllegalArgumentException.class, () -> FieldComputer.compute(RenderScenarios.planar("exact",
                "unit", false, true, false), new Layer.Beampattern(), oblique, () -> false));
    }

    @Test
    void streamPatternIsOneColumnsShareAndTheyAddUpToTheBeampattern() {
        Scenario s = RenderScenarios.planar("exact", "spherical", false, true, false);
        assertPatternMatchesEngine(s, PLANAR_GRID, 1);
        Field total = compute(s, new Layer.Beampattern(), PLANAR_GRID);
        double[] sum = new double[PLANAR_GRID.size()];
        for (int c = 0; c < 3; c++) {
            Field f = compute(s, new Layer.StreamPattern(c), PLANAR_GRID);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += f.value(i);
            }
        }
        for (int i = 0; i < sum.length; i++) {
            assertEquals(total.value(i), sum[i], 1e-12 * total.maxFinite());
        }
    }

    @Test
    void targetIlluminationFromMetricsEvaluatorMatchesTheBeampattern() {
        Scenario s = RenderScenarios.planar("fresnel", "unit", true, false, false);
        Field f = compute(s, new Layer.Beampattern(), PLANAR_GRID);
        for (int[] ij : new int[][] {{3, 5}, {20, 30}, {36, 0}}) {
            Vec3 p = PLANAR_GRID.point(ij[0], ij[1]);
            List<Target> moved = new ArrayList<>(s.targets());
            moved.set(0, moved.get(0).withPosition(p));
            double expected = MetricsEvaluator.evaluate(RenderScenarios.withTargets(s, moved)).targets().get(0)
                    .illuminationW();
            assertEquals(expected, f.value(ij[0], ij[1]), 1e-10 * expected);
        }
    }

    /** Random grid points that a node may occupy (well away from every element and from o). */
    private static List<int[]> samplePoints(GridSpec g, int count, long seed) {
        Random rnd = new Random(seed);
        List<int[]> out = new ArrayList<>();
        while (out.size() < count) {
            int iu = rnd.nextInt(g.nu());
            int iv = rnd.nextInt(g.nv());
            if (g.point(iu, iv).x() > 0.5 || Math.abs(g.point(iu, iv).y()) > 0.7) {
                out.add(new int[] {iu, iv});
            }
        }
        return out;
    }

    private static CommNode lineOfSight(CommNode n, Vec3 p) {
        return new CommNode(n.id(), p, n.noiseW(), null, n.minRateBpsHz());
    }

    @Test
    void sinrEqualsTheEvaluatorsValueWithTheUserMoved() {
        for (boolean rsma : new boolean[] {false, true}) {
            for (String[] m : MODELS) {
                Scenario s = RenderScenarios.planar(m[0], m[1], rsma, true, false);
                Field f = compute(s, new Layer.Sinr("u2"), PLANAR_GRID);
                for (int[] ij : samplePoints(PLANAR_GRID, 6, 3)) {
                    List<CommNode> users = new ArrayList<>(s.users());
                    users.set(1, lineOfSight(users.get(1), PLANAR_GRID.point(ij[0], ij[1])));
                    UserMetrics um = MetricsEvaluator.evaluate(RenderScenarios.withUsers(s, users)).users().get(1);
                    double expected = rsma ? um.privateSinr() : um.sinr();
                    assertEquals(expected, f.value(ij[0], ij[1]), 1e-9 * expected, m[0] + "/" + m[1] + " rsma=" + rsma);
                }
            }
        }
    }

    private static void assertSecrecyMatches(Scenario s, Layer.Secrecy layer, int user, java.util.function.Function<Vec3,
            Scenario> moved) {
        Field f = compute(s, layer, PLANAR_GRID);
        boolean positive = false;
        for (int[] ij : samplePoints(PLANAR_GRID, 8, 7)) {
            Metrics m = MetricsEvaluator.evaluate(moved.apply(PLANAR_GRID.point(ij[0], ij[1])));
            UserMetrics um = m.users().get(user);
            double expected = um.secrecyRateBpsHz();
            double scale = Math.max(1, Math.abs(um.rateBpsHz() != null ? um.rateBpsHz() : um.privateRateBpsHz()));
            assertEquals(expected, f.value(ij[0], ij[1]), 1e-9 * scale, layer + " at " + PLANAR_GRID.point(ij[0], ij[1]));
            positive |= expected > 0;
        }
        assertTrue(positive, "the test should cover positive secrecy rates");
    }

    @Test
    void secrecyEqualsTheEvaluatorsValueWithTheEavesdropperMoved() {
        for (boolean rsma : new boolean[] {false, true}) {
            Scenario s = RenderScenarios.planar("exact", "unit", rsma, true, true);
            assertSecrecyMatches(s, new Layer.Secrecy("u1", null), 0, p -> RenderScenarios.withEavesdroppers(s,
                    List.of(lineOfSight(s.eavesdroppers().get(0), p))));
            // the eavesdropping target moves; its echo does not enter the secrecy rate
            assertSecrecyMatches(s, new Layer.Secrecy("u2", "t1"), 1, p -> {
                List<Target> ts = new ArrayList<>(s.targets());
                Target t = ts.get(0);
                ts.set(0, new Target(t.id(), p, t.reflection(), true, t.noiseW(), null, null));
                return RenderScenarios.withTargets(s, ts);
            });
        }
    }

    @Test
    void withoutEavesdroppersSecrecyUsesAHypotheticalOneWithTheUsersNoise() {
        for (boolean rsma : new boolean[] {false, true}) {
            Scenario s = RenderScenarios.planar("fresnel", "spherical", rsma, false, false);
            CommNode u = s.users().get(0);
            assertSecrecyMatches(s, new Layer.Secrecy("u1", null), 0, p -> RenderScenarios.withEavesdroppers(s,
                    List.of(new CommNode("probe", p, u.noiseW(), null, null))));
        }
    }

    @Test
    void pebEqualsTheEvaluatorsValueWithTheTargetMoved() {
        for (String[] m : MODELS) {
            Scenario s = RenderScenarios.planar(m[0], m[1], false, false, false);
            GridSpec g = new GridSpec(Plane.Z0, 0.5, 4, -2.5, 2.5, 9, 11);
            Field f = compute(s, new Layer.Peb("t2"), g);
            for (int[] ij : samplePoints(g, 5, 9)) {
                List<Target> ts = new ArrayList<>(s.targets());
                ts.set(1, ts.get(1).withPosition(g.point(ij[0], ij[1])));
                TargetMetrics tm = MetricsEvaluator.evaluate(RenderScenarios.withTargets(s, ts)).targets().get(1);
                if (tm.pebM() == null) {
                    assertTrue(Double.isNaN(f.value(ij[0], ij[1])), tm.error());
                } else {
                    assertEquals(tm.pebM(), f.value(ij[0], ij[1]), 1e-9 * tm.pebM(), m[0] + "/" + m[1]);
                }
            }
        }
    }

    @Test
    void pebIn3dIsTheRootOfTheMovedTargetsPositionCrb() {
        Scenario s = RenderScenarios.spatial("exact", "spherical");
        GridSpec g = new GridSpec(new Plane(Axis.Z, 1.8), -1.5, 1.5, -1.5, 1.5, 5, 5);
        Field f = compute(s, new Layer.Peb("t1"), g);
        for (int[] ij : new int[][] {{0, 0}, {2, 3}, {4, 1}}) {
            List<Target> ts = new ArrayList<>(s.targets());
            ts.set(0, ts.get(0).withPosition(g.point(ij[0], ij[1])));
            TargetMetrics tm = MetricsEvaluator.evaluate(RenderScenarios.withTargets(s, ts)).targets().get(0);
            double expected = Math.sqrt(tm.crbPositionM2());
            assertEquals(expected, f.value(ij[0], ij[1]), 1e-9 * expected);
        }
    }

    @Test
    void pointsOnAnElementAreUndefined() {
        Scenario s = RenderScenarios.planar("exact", "spherical", false, true, false);
        Vec3 element = s.txArray().positions().get(2);
        GridSpec g = new GridSpec(Plane.Z0, element.x(), element.x() + 1, element.y(), element.y() + 1, 3, 3);
        assertTrue(Double.isNaN(compute(s, new Layer.Beampattern(), g).value(0, 0)));
        assertTrue(Double.isNaN(compute(s, new Layer.Sinr("u1"), g).value(0, 0)));
        assertTrue(Double.isFinite(compute(s, new Layer.Beampattern(), g).value(1, 1)));
    }

    @Test
    void inapplicableLayersAreRefusedWithTheCause() {
        Scenario s = RenderScenarios.planar("exact", "unit", false, true, false);
        assertMessage(s.withPrecoder(null), new Layer.Beampattern(), PLANAR_GRID, "no precoder");
        assertMessage(s, new Layer.StreamPattern(3), PLANAR_GRID, "stream 3 does not exist");
        assertMessage(s, new Layer.Sinr("zz"), PLANAR_GRID, "\"zz\" is not the id of a user");
        assertMessage(s, new Layer.Secrecy("u1", "nobody"), PLANAR_GRID, "\"nobody\" is not the id");
        assertMessage(s, new Layer.Secrecy("u1", "t2"), PLANAR_GRID, "does not eavesdrop");
        assertMessage(s, new Layer.Peb("t9"), PLANAR_GRID, "\"t9\" is not the id of a target");
        assertMessage(s, new Layer.Beampattern(), new GridSpec(new Plane(Axis.X, 1), -1, 1, -1, 1, 3, 3),
                "2-D scenario");
    }

    private static void assertMessage(Scenario s, Layer layer, GridSpec g, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldComputer.compute(s, layer, g, () -> false));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void aFlagThatFlipsStopsTheComputation() {
        Scenario s = RenderScenarios.planar("exact", "unit", false, true, false);
        GridSpec g = new GridSpec(Plane.Z0, 0.3, 4, -2.5, 2.5, 50, 400);
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class,
                () -> FieldComputer.compute(s, new Layer.Beampattern(), g, () -> polls.incrementAndGet() > 5));
        assertTrue(polls.get() < 400, "rows kept being computed after cancellation: " + polls.get());
    }

    @Test
    void anInterruptedCallerGetsInterruptedException() {
        Scenario s = RenderScenarios.planar("exact", "unit", false, true, false);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class,
                    () -> FieldComputer.compute(s, new Layer.Beampattern(), PLANAR_GRID, () -> false));
        } finally {
            Thread.interrupted();
        }
    }
}
