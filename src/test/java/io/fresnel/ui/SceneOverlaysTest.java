package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.io.Presets;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

/** The Rayleigh distance the scene draws and labels. */
class SceneOverlaysTest {

    @Test
    void theRayleighDistanceIsTwiceTheSquaredApertureOverLambda() {
        Scenario s = Presets.defaultScenario();
        int n = s.txArray().positions().size();
        double aperture = (n - 1) * s.wavelengthM() / 2;
        double expected = 2 * aperture * aperture / s.wavelengthM();
        assertEquals(expected, SceneOverlays.rayleighDistanceM(s), expected * 1e-9);
    }
}
