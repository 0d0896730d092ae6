package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.scene.SceneOptions;
import org.junit.jupiter.api.Test;

class SpebFigureTest {
    private static final SpebSeries HYBRID = new SpebSeries("speb-min-hybrid", 8, SpebSeries.Role.ISAC);

    @Test
    void eachXVariableChangesItsSceneOption() {
        SceneOptions p = SpebFigure.PEB_VS_POWER.sceneOptions(20, HYBRID);
        assertEquals(0.1, p.powerW(), 1e-15);
        assertEquals(8, p.rfChains());
        assertEquals(5, p.minRateBpsHz());
        assertEquals("speb-min-hybrid", p.algorithm());
        assertEquals(48, SpebFigure.PEB_VS_ANTENNAS.sceneOptions(48, HYBRID).elements());
        assertEquals(0.5 / 31, SpebFigure.PEB_VS_ANTENNAS.sceneOptions(48, HYBRID).spacingM(), 0,
                "the spacing is kept when N changes");
        assertEquals(7, SpebFigure.PEB_VS_RATE.sceneOptions(7, HYBRID).minRateBpsHz());
        SceneOptions r = SpebFigure.RATE_VS_PEB.sceneOptions(0.3, new SpebSeries("sumrate-max-hybrid", 4, null));
        assertEquals(0.09, r.spebMaxM2(), 1e-15);
        assertEquals(0, r.minRateBpsHz(), "problem (24) has no rate threshold");
        assertEquals(0.04, SpebFigure.RATE_VS_POWER.sceneOptions(30, HYBRID).spebMaxM2(), 0);
    }

    @Test
    void rolesRelaxTheirConstraint() {
        assertEquals(0, SpebFigure.PEB_VS_RATE.sceneOptions(6,
                new SpebSeries("speb-min-hybrid", 4, SpebSeries.Role.SENSING_ONLY)).minRateBpsHz());
        assertNull(SpebFigure.RATE_VS_PEB.sceneOptions(0.2,
                new SpebSeries("sumrate-max-hybrid", 4, SpebSeries.Role.COMMUNICATION_ONLY)).spebMaxM2());
        assertNull(SpebFigure.RATE_VS_PEB.sceneOptions(0.2,
                new SpebSeries("sumrate-max-hybrid-comm", 4, null)).spebMaxM2());
    }

    @Test
    void unusablePointsAreRejectedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpebFigure.PEB_VS_ANTENNAS.sceneOptions(30, HYBRID));
        assertTrue(e.getMessage().contains("RF chains do not divide"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpebFigure.PEB_VS_ANTENNAS.sceneOptions(16.5, HYBRID));
        assertTrue(e.getMessage().startsWith("--points"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpebFigure.RATE_VS_PEB.sceneOptions(-1, HYBRID));
        assertTrue(e.getMessage().startsWith("--points"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpebFigure.of(10));
        assertTrue(e.getMessage().startsWith("--figure"), e.getMessage());
    }
}
