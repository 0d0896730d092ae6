package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class BeamCutsTest {
    private static Scenario focused() throws Exception {
        Scenario s = Presets.all().stream().filter(p -> p.file().startsWith("near-vs-far")).findFirst()
                .map(p -> {
                    try {
                        return Presets.load(p);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).orElseThrow();
        return s.withPrecoder(Designs.byName("mrt").run(s, DesignContext.none()).precoder());
    }

    @Test
    void cutsEqualTheIlluminationOfATargetAtThoseAngles() throws Exception {
        Scenario s = focused();
        BeamCuts.Curve c = BeamCuts.versusAngle(s, 3.0, 7, () -> false);
        for (int i = 0; i < 7; i++) {
            Vec3 p = new Vec3(3 * Math.cos(c.x()[i]), 3 * Math.sin(c.x()[i]), 0);
            Scenario probe = ScenarioEdits.add(s, io.fresnel.model.NodeKind.TARGET, p);
            double ill = MetricsEvaluator.evaluate(probe).targets().get(0).illuminationW();
            assertEquals(ill, c.y()[i], ill * 1e-10);
        }
    }

    @Test
    void inThreeDimensionsTheCutsLieInTheGivenPlaneThroughTheReferencePoint() throws Exception {
        Scenario s = io.fresnel.io.ScenarioReader.read(io.fresnel.GoldenFiles.goldenDir()
                .resolve("public/p004_upa_two_targets.scenario.json")).scenario();
        Vec3 a = new Vec3(0, 0, 1);
        Vec3 b = new Vec3(0, 0.6, 0.8).minus(a.times(0.8));
        b = b.times(1 / b.norm());
        Vec3 o = s.referencePoint();
        BeamCuts.Curve angle = BeamCuts.versusAngle(s, a, b, 0.15, 5, () -> false);
        BeamCuts.Curve range = BeamCuts.versusRange(s, a, b, 0.3, 0.05, 0.4, 4, () -> false);
        for (int i = 0; i < 5; i++) {
            Vec3 p = o.plus(a.times(0.15 * Math.cos(angle.x()[i]))).plus(b.times(0.15 * Math.sin(angle.x()[i])));
            double ill = MetricsEvaluator.evaluate(ScenarioEdits.add(s, io.fresnel.model.NodeKind.TARGET, p))
                    .targets().get(2).illuminationW();
            assertEquals(ill, angle.y()[i], ill * 1e-10, "angle sample " + i);
        }
        for (int i = 0; i < 4; i++) {
            Vec3 p = o.plus(a.times(range.x()[i] * Math.cos(0.3))).plus(b.times(range.x()[i] * Math.sin(0.3)));
            double ill = MetricsEvaluator.evaluate(ScenarioEdits.add(s, io.fresnel.model.NodeKind.TARGET, p))
                    .targets().get(2).illuminationW();
            assertEquals(ill, range.y()[i], ill * 1e-10, "range sample " + i);
        }
    }

    @Test
    void aNearFieldFocusHasFiniteDepth() throws Exception {
        Scenario s = focused();
        Vec3 u = s.users().get(0).positionM();
        double r = u.distance(s.referencePoint());
        double th = Math.atan2(u.y(), u.x());
        BeamCuts.Curve c = BeamCuts.versusRange(s, th, r / 10, r * 10, 401, () -> false);
        int peak = 0;
        for (int i = 1; i < c.y().length; i++) {
            peak = c.y()[i] > c.y()[peak] ? i : peak;
        }
        assertEquals(r, c.x()[peak], 0.1 * r);
        // Far behind the focus the beam is much weaker than at the focus (finite beam depth).
        assertTrue(c.y()[c.y().length - 1] < 0.05 * c.y()[peak]);
    }

    @Test
    void theSpectrumOfRxSumsToThePower() throws Exception {
        Scenario s = Presets.defaultScenario();
        s = s.withPrecoder(Designs.byName("zf").run(s, DesignContext.none()).precoder());
        double[] eig = BeamCuts.covarianceEigenvalues(s);
        double sum = 0;
        for (double e : eig) {
            sum += e;
        }
        assertEquals(s.precoder().effective().frobeniusNorm2(), sum, 1e-12 * sum);
        for (int i = 1; i < eig.length; i++) {
            assertTrue(eig[i] <= eig[i - 1]);
        }
    }

    @Test
    void cancellationStopsACut() throws Exception {
        Scenario s = focused();
        assertThrows(CancellationException.class, () -> BeamCuts.versusAngle(s, 3, 100, () -> true));
    }
}
