package io.fresnel.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.scene.PaperScene;
import io.fresnel.scene.SceneOptions;
import org.junit.jupiter.api.Test;

class SearchRegionTest {

    @Test
    void theDefaultRegionFacesTheTargetAndCoversItsRange() {
        Scenario s = PaperScene.generate(SceneOptions.PAPER, 1);
        SearchRegion r = SearchRegion.of(s, null, null);
        assertEquals(0, r.broadsideRad(), 1e-12, "an array on the y axis with the target at +x");
        assertEquals(0.5, r.rangeMinM(), 1e-12, "r_min = the aperture D = 0.5 m");
        assertEquals(8 * 0.25 / s.wavelengthM(), r.rangeMaxM(), 1e-9, "four Rayleigh distances");
        Vec3 p = r.point(0, 0.1);
        assertEquals(10, p.x(), 1e-12);
        assertEquals(0, p.y(), 1e-12);
        Vec3 q = r.point(0.5, 0.05);
        assertEquals(Math.PI / 6, Math.atan2(q.y(), q.x()), 1e-12);
        assertEquals(20, q.norm(), 1e-12);
        Scenario mirrored = PaperScene.generate(SceneOptions.PAPER.withTargetM(new Vec3(-10, 0, 0)), 1);
        assertEquals(Math.PI, Math.abs(SearchRegion.of(mirrored, null, null).broadsideRad()), 1e-12);
    }

    @Test
    void badBoundsAndThreeDimensionalScenariosAreRejected() {
        Scenario s = PaperScene.generate(SceneOptions.PAPER, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchRegion.of(s, 5.0, 2.0));
        assertTrue(e.getMessage().startsWith("--range-max"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SearchRegion.of(s, -1.0, null));
        assertTrue(e.getMessage().startsWith("--range-min"), e.getMessage());
    }
}
