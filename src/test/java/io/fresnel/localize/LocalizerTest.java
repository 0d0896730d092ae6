package io.fresnel.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.scene.PaperScene;
import io.fresnel.scene.SceneOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalizerTest {

    /**
     * With the beam focused on the target the transmit side adds almost no position information
     * (|v^T p| is stationary there), so the joint PEB is the receive-side bound MUSIC attains at
     * high SNR: RMSE / PEB -> 1. 200 trials: the RMSE's Monte-Carlo standard error is about
     * 1/(2 sqrt(200)) = 3.5 %.
     */
    @Test
    void atHighSnrTheRmseApproachesThePebFromAbove() {
        Scenario s = LocalizeScenes.focused(SceneOptions.PAPER.withNoiseW(1e-14), 1);
        LocalizationResult r = Localizer.run(s, LocalizeOptions.DEFAULT.withTrials(200));
        LocalizationResult.TargetSummary t = r.targets().get(0);
        double ratio = t.rmseM() / t.pebM();
        assertTrue(ratio > 1 - 3 * 0.035 && ratio < 1.5, "RMSE / PEB = " + ratio);
        assertTrue(t.biasM() < 0.2 * t.rmseM(), "bias " + t.biasM() + " vs RMSE " + t.rmseM());
        for (List<Vec3> trial : r.estimates()) {
            assertTrue(trial.get(0).distance(s.targets().get(0).positionM()) < 6 * t.pebM(), "an outlier: " + trial);
        }
    }

    /**
     * The paper's set-up (the paper-003 preset, 30 dBm, -90 dBm) with the precoder of Algorithm 1:
     * the paper reports a MUSIC RMSE of 2.3 cm for the hybrid design; ours must stay at or above
     * the PEB (less the Monte-Carlo error of 100 trials, about 5 %) and within a factor 2 of it.
     */
    @Test
    void thePaperDesignsPrecoderIsLocalisedNearItsPeb() throws Exception {
        Scenario preset = io.fresnel.io.Presets.byFile("paper-003-speb.json");
        io.fresnel.design.DesignResult r = io.fresnel.design.Designs.byName("speb-min-hybrid").run(preset,
                io.fresnel.design.DesignContext.none());
        Scenario s = preset.withPrecoder(r.precoder());
        LocalizationResult.TargetSummary t = Localizer.run(s, LocalizeOptions.DEFAULT).targets().get(0);
        double ratio = t.rmseM() / t.pebM();
        assertTrue(ratio > 0.85 && ratio < 2, "RMSE " + t.rmseM() + " m, PEB " + t.pebM() + " m");
        assertTrue(t.rmseM() < 0.05, "centimetre accuracy: " + t.rmseM());
    }

    @Test
    void theErrorScalesWithTheNoiseAmplitude() {
        // common random numbers: the same draws with 100x the noise power give 10x the errors
        Scenario quiet = LocalizeScenes.focused(SceneOptions.PAPER.withNoiseW(1e-16), 2);
        Scenario loud = LocalizeScenes.focused(SceneOptions.PAPER.withNoiseW(1e-14), 2);
        LocalizeOptions o = LocalizeOptions.DEFAULT.withTrials(20);
        double a = Localizer.run(quiet, o).targets().get(0).rmseM();
        double b = Localizer.run(loud, o).targets().get(0).rmseM();
        assertEquals(10, b / a, 0.2);
    }

    @Test
    void aSeedReproducesEveryEstimate() {
        Scenario s = LocalizeScenes.focused(SceneOptions.PAPER.withElements(16), 4);
        LocalizeOptions o = LocalizeOptions.DEFAULT.withTrials(12).withSeed(9);
        LocalizationResult a = Localizer.run(s, o);
        LocalizationResult b = Localizer.run(s, o);
        LocalizationResult c = Localizer.run(s, o.withSeed(10));
        assertEquals(a.estimates(), b.estimates());
        assertEquals(a.targets(), b.targets());
        assertNotEquals(a.estimates(), c.estimates());
        assertEquals(12, a.estimates().size());
    }

    @Test
    void oneRealisationsEstimateIsThePeakOfTheSpectrumWithThatSeed() {
        Scenario s = LocalizeScenes.focused(SceneOptions.PAPER.withNoiseW(1e-14), 3);
        List<Vec3> a = Localizer.estimateOnce(s, 5);
        assertEquals(a, Localizer.estimateOnce(s, 5));
        assertNotEquals(a, Localizer.estimateOnce(s, 6));
        Vec3 t = s.targets().get(0).positionM();
        assertTrue(a.get(0).distance(t) < 0.05, "estimate " + a.get(0));
        // no point near the estimate has a higher pseudo-spectrum for the same realisation
        MusicSpectrum m = new MusicSpectrum(new EchoModel(s).sampleCovariance(new java.util.SplittableRandom(5)), 1);
        double[] re = new double[32];
        double[] im = new double[32];
        io.fresnel.physics.ArrayResponse rx = new io.fresnel.physics.ScenarioPhysics(s).receive();
        rx.evaluate(a.get(0), false, re, im);
        double peak = m.signalFraction(re, im);
        for (double dx : new double[] {-1e-3, 1e-3}) {
            for (double dy : new double[] {-1e-4, 0, 1e-4}) {
                rx.evaluate(a.get(0).plus(new Vec3(dx, dy, 0)), false, re, im);
                assertTrue(m.signalFraction(re, im) <= peak + 1e-12);
            }
        }
    }

    @Test
    void twoTargetsAreBothFoundAndAssigned() {
        Scenario one = LocalizeScenes.focused(SceneOptions.PAPER.withNoiseW(1e-16), 5);
        io.fresnel.model.Target t1 = one.targets().get(0);
        io.fresnel.model.Target t2 = new io.fresnel.model.Target("t2", new Vec3(8, 4, 0), t1.reflection(), false, null,
                null, null);
        Scenario two = one.withUsersAndTargets(one.users(), List.of(t1, t2)).withPrecoder(one.precoder());
        // an isotropic-ish illumination of both: the focused beam on t1 plus its sidelobes on t2 is
        // weak, so use the sum of two focused beams
        Scenario both = two.withPrecoder(LocalizeScenes.focused(SceneOptions.PAPER.withNoiseW(1e-16)
                .withTargetM(t2.positionM()), 5).precoder().scaled(Math.sqrt(0.5)));
        Scenario mixed = both.withPrecoder(new io.fresnel.model.Precoder(List.of(
                new io.fresnel.model.Stream(io.fresnel.model.StreamRole.SENSING, null),
                new io.fresnel.model.Stream(io.fresnel.model.StreamRole.SENSING, null)),
                io.fresnel.math.ComplexMatrix.ofColumns(List.of(one.precoder().scaled(Math.sqrt(0.5)).effective()
                        .column(0), both.precoder().effective().column(0))), null, null, null));
        LocalizationResult r = Localizer.run(mixed, LocalizeOptions.DEFAULT.withTrials(10));
        assertTrue(r.targets().get(0).rmseM() < 0.05, "t1: " + r.targets().get(0));
        assertTrue(r.targets().get(1).rmseM() < 0.05, "t2: " + r.targets().get(1));
    }

    @Test
    void aScenarioWithoutPrecoderOrTargetIsRejectedNamingTheField() {
        Scenario s = PaperScene.generate(SceneOptions.PAPER, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Localizer.run(s, LocalizeOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith("precoder"), e.getMessage());
        Scenario f = LocalizeScenes.focused(SceneOptions.PAPER, 1);
        Scenario none = f.withUsersAndTargets(f.users(), List.of()).withPrecoder(f.precoder());
        e = assertThrows(IllegalArgumentException.class, () -> Localizer.run(none, LocalizeOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith("targets"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LocalizeOptions.DEFAULT.withTrials(0));
        assertTrue(e.getMessage().startsWith("--trials"), e.getMessage());
    }

    @Test
    void estimatesAreAssignedByLeastTotalSquaredError() {
        Vec3 a = new Vec3(0, 0, 0);
        Vec3 b = new Vec3(10, 0, 0);
        List<Vec3> out = Localizer.assign(List.of(new Vec3(9, 0, 0), new Vec3(1, 0, 0)), List.of(a, b));
        assertEquals(List.of(new Vec3(1, 0, 0), new Vec3(9, 0, 0)), out);
    }
}
