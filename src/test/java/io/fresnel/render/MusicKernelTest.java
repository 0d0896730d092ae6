package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.localize.EchoModel;
import io.fresnel.localize.MusicSpectrum;
import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import io.fresnel.scene.PaperScene;
import io.fresnel.scene.SceneOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MusicKernelTest {

    /** A paper-003 scene with a sensing beam focused on its target. */
    private static Scenario focused(double noiseW) {
        Scenario s = PaperScene.generate(SceneOptions.PAPER.withElements(16).withNoiseW(noiseW), 2);
        int n = 16;
        double[] re = new double[n];
        double[] im = new double[n];
        new ScenarioPhysics(s).transmit().evaluate(s.targets().get(0).positionM(), true, re, im);
        List<Complex> col = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            col.add(new Complex(re[i] / 4, -im[i] / 4));
        }
        return s.withPrecoder(new Precoder(List.of(new Stream(StreamRole.SENSING, null)),
                ComplexMatrix.ofColumns(List.of(col)), null, null, null));
    }

    private static Field compute(Scenario s, Layer layer, GridSpec g) throws InterruptedException {
        return FieldComputer.compute(s, layer, g, () -> false);
    }

    @Test
    void theLayerIsThePseudoSpectrumOfTheSeededEcho() throws Exception {
        Scenario s = focused(1e-12);
        GridSpec g = new GridSpec(Plane.Z0, 2, 20, -8, 8, 23, 19);
        Field f = compute(s, new Layer.Music(7), g);
        MusicSpectrum m = new MusicSpectrum(new EchoModel(s).sampleCovariance(new SplittableRandom(7)), 1);
        double[] re = new double[16];
        double[] im = new double[16];
        for (int iu = 0; iu < g.nu(); iu += 5) {
            for (int iv = 0; iv < g.nv(); iv += 4) {
                new ScenarioPhysics(s).receive().evaluate(g.point(iu, iv), true, re, im);
                double expected = MusicSpectrum.pseudoSpectrum(m.signalFraction(re, im));
                assertEquals(expected, f.value(iu, iv), 1e-9 * expected, "at " + g.point(iu, iv));
                assertTrue(f.value(iu, iv) >= 1);
            }
        }
    }

    @Test
    void itPeaksAtTheTargetAtHighSnr() throws Exception {
        Scenario s = focused(1e-16);
        Vec3 t = s.targets().get(0).positionM();
        GridSpec g = new GridSpec(Plane.Z0, t.x() - 1, t.x() + 1, -0.2, 0.2, 41, 41);
        Field f = compute(s, new Layer.Music(1), g);
        int best = 0;
        for (int i = 1; i < g.size(); i++) {
            if (f.value(i) > f.value(best)) {
                best = i;
            }
        }
        assertEquals(g.index(20, 20), best, "the grid point on the target");
        assertEquals(f.maxFinite(), f.value(20, 20));
        assertTrue(10 * Math.log10(f.value(20, 20) / f.value(0, 0)) > 30, "a sharp peak");
    }

    @Test
    void aScenarioWithoutTargetsHasNoMusicLayer() {
        Scenario s = focused(1e-12);
        Scenario none = s.withUsersAndTargets(s.users(), List.of()).withPrecoder(s.precoder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> compute(none, new Layer.Music(1), new GridSpec(Plane.Z0, 1, 2, 1, 2, 3, 3)));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
    }

    @Test
    void theKeyCarriesTheSeed() {
        assertEquals(new Layer.Music(1), Layer.parse("music"));
        assertEquals(new Layer.Music(42), Layer.parse("music:42"));
        assertEquals("music:42", new Layer.Music(42).key());
        assertEquals("music", new Layer.Music(1).key());
        assertThrows(IllegalArgumentException.class, () -> Layer.parse("music:x"));
        assertTrue(DisplayScale.of(new Layer.Music(1)).isDecibel());
    }
}
