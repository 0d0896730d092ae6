package io.fresnel.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.ScenarioReader;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.math.Vec3;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.CommNode;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Scatterer;
import io.fresnel.model.Scenario;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaperSceneTest {

    @Test
    void theDefaultSceneIsThePapersSetUp() {
        Scenario s = PaperScene.generate(SceneOptions.PAPER, 7);
        assertEquals(32, s.txArray().positions().size());
        assertEquals(0.5, s.txArray().positions().get(31).distance(s.txArray().positions().get(0)), 1e-12);
        assertEquals(0, s.referencePoint().norm(), 1e-15, "the array is centred at the origin");
        assertEquals(PhaseModel.EXACT, s.propagation().phase());
        assertEquals(ArchitectureKind.HYBRID_PARTIAL, s.architecture().kind());
        assertEquals(4, s.architecture().rfChains());
        assertEquals(28e9, s.carrierFrequencyHz());
        assertEquals(1.0, s.transmitPowerW());
        assertEquals(1e-12, s.sensing().noiseW());
        assertEquals(100, s.sensing().snapshots());
        assertEquals("speb-min-hybrid", s.solver().algorithm());
        assertEquals(2, s.users().size());
        assertEquals(new Vec3(10, 0, 0), s.targets().get(0).positionM());
        for (CommNode u : s.users()) {
            assertEquals(20, u.positionM().norm(), 1e-12);
            assertTrue(u.positionM().x() >= 0, "users on the semicircle in front of the array");
            assertEquals(5.0, u.minRateBpsHz());
            assertEquals(3, u.link().scatterers().size());
            // (58) at 28 GHz is the free-space amplitude lambda / (4 pi d) of eq. (4) to 0.01 dB
            double free = s.wavelengthM() / (4 * Math.PI * 20);
            assertEquals(20 * Math.log10(free), 20 * Math.log10(u.link().gain().re()), 0.01);
            for (Scatterer sc : u.link().scatterers()) {
                assertTrue(sc.positionM().norm() >= 5 && sc.positionM().norm() <= 20);
                assertTrue(sc.positionM().x() >= 0);
            }
        }
    }

    @Test
    void theReflectionMagnitudeIsEquation60() {
        Scenario s = PaperScene.generate(SceneOptions.PAPER, 3);
        double lambda = s.wavelengthM();
        double expected = Math.sqrt(lambda * lambda * 1 / (Math.pow(4 * Math.PI, 3) * 1e4));
        assertEquals(expected, s.targets().get(0).reflection().abs(), 1e-15 * expected * 10);
        assertEquals(2.404e-6, expected, 0.001e-6, "about 2.4e-6 at 28 GHz and 10 m");
    }

    @Test
    void nlosGainsHaveThePowerOfEquation59() {
        // mean |g|^2 over many scatterers -> 10^(-0.1 PL_NLoS(20 m)) = 10^(-11.0)
        SceneOptions o = SceneOptions.PAPER.withUsers(20).withNlosPaths(20);
        double sum = 0;
        int n = 0;
        for (long seed = 0; seed < 20; seed++) {
            for (CommNode u : PaperScene.generate(o, seed).users()) {
                for (Scatterer sc : u.link().scatterers()) {
                    sum += sc.gain().abs2();
                    n++;
                }
            }
        }
        double expected = NycPathLoss.powerGain(NycPathLoss.nonLineOfSightDb(20));
        assertEquals(8000, n);
        assertEquals(1, sum / n / expected, 0.05, "8000 draws: relative standard error 1.1 %");
        assertEquals(72 + 29.2 * Math.log10(20), NycPathLoss.nonLineOfSightDb(20), 1e-12);
    }

    @Test
    void aSeedReproducesItsSceneAndUsersArePrefixStable() {
        Scenario a = PaperScene.generate(SceneOptions.PAPER, 11);
        Scenario b = PaperScene.generate(SceneOptions.PAPER, 11);
        Scenario c = PaperScene.generate(SceneOptions.PAPER, 12);
        assertEquals(ScenarioWriter.write(a), ScenarioWriter.write(b));
        assertNotEquals(a.users().get(0).positionM(), c.users().get(0).positionM());
        Scenario three = PaperScene.generate(SceneOptions.PAPER.withUsers(3), 11);
        assertEquals(a.users().get(1), three.users().get(1), "user k does not depend on the users after it");
    }

    @Test
    void theWrittenSceneReadsBackIdentically() throws Exception {
        Scenario a = PaperScene.generate(SceneOptions.PAPER.withSpebMaxM2(0.04).withAlgorithm("sumrate-max-hybrid"), 5);
        String text = ScenarioWriter.write(a);
        Scenario back = ScenarioReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .scenario();
        assertEquals(text, ScenarioWriter.write(back));
        assertEquals(0.04, ((Number) back.solver().parameters().get("speb_max_m2")).doubleValue());
    }

    @Test
    void thePaper003PresetIsTheSceneOfSeedOne() {
        Scenario preset = io.fresnel.io.Presets.byFile("paper-003-speb.json");
        Scenario scene = PaperScene.generate(SceneOptions.PAPER, 1);
        com.fasterxml.jackson.databind.node.ObjectNode a = ScenarioWriter.toTree(preset);
        com.fasterxml.jackson.databind.node.ObjectNode b = ScenarioWriter.toTree(scene);
        a.remove("name");
        b.remove("name");
        assertEquals(b, a, "regenerate the preset with: fresnel scene --paper 003 --seed 1");
    }

    @Test
    void rfChainsThatDoNotDivideTheArrayAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SceneOptions.PAPER.withRfChains(5));
        assertTrue(e.getMessage().startsWith("rf_chains"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SceneOptions.PAPER.withTargetM(new Vec3(1, 1, 1)));
    }
}
