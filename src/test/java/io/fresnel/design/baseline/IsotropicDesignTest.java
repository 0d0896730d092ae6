package io.fresnel.design.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignScenarios;
import io.fresnel.math.CVec;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import org.junit.jupiter.api.Test;

class IsotropicDesignTest {

    @Test
    void everyPointIsIlluminatedWithPowerOverNTimesTheResponseNorm() {
        for (String amplitude : new String[] {"unit", "spherical"}) {
            Scenario sc = DesignScenarios.scenario("exact", amplitude, DesignScenarios.ONE_USER,
                    DesignScenarios.TWO_TARGETS, "");
            Metrics m = DesignScenarios.evaluate(sc, DesignScenarios.design("isotropic", sc));
            ScenarioPhysics physics = new ScenarioPhysics(sc);
            for (int t = 0; t < 2; t++) {
                double[] re = new double[8];
                double[] im = new double[8];
                physics.transmit().evaluate(sc.targets().get(t).positionM(), true, re, im);
                double expected = DesignScenarios.POWER_W / 8 * CVec.norm2(re, im);
                assertEquals(expected, m.targets().get(t).illuminationW(), 1e-12 * expected, amplitude);
            }
        }
    }

    @Test
    void itIsTheScaledIdentityWithOneSensingStreamPerAntenna() {
        Precoder p = DesignScenarios.design("isotropic", DesignScenarios.threeUsers());
        assertEquals(8, p.streams().size());
        assertTrue(p.streams().stream().allMatch(s -> s.role() == StreamRole.SENSING));
        double a = Math.sqrt(DesignScenarios.POWER_W / 8);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                assertEquals(r == c ? a : 0, p.columns().re(r, c), 0);
                assertEquals(0, p.columns().im(r, c), 0);
            }
        }
    }
}
