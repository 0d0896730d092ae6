package io.fresnel.design.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.Designs;
import io.fresnel.math.CVec;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import org.junit.jupiter.api.Test;

class MaximumRatioDesignTest {

    @Test
    void aSingleUserGetsSnrOfPowerTimesChannelGainOverNoise() {
        for (String amplitude : new String[] {"unit", "spherical"}) {
            Scenario sc = DesignScenarios.scenario("exact", amplitude, DesignScenarios.ONE_USER,
                    DesignScenarios.TWO_TARGETS, "");
            Metrics m = DesignScenarios.evaluate(sc, DesignScenarios.design("mrt", sc));
            CommNode u = sc.users().get(0);
            double[][] c = new ScenarioPhysics(sc).channelRow(u);
            double snr = DesignScenarios.POWER_W * CVec.norm2(c[0], c[1]) / u.noiseW();
            assertEquals(snr, m.users().get(0).sinr(), 1e-9 * snr, amplitude);
        }
    }

    @Test
    void usersShareThePowerEqually() {
        Scenario sc = DesignScenarios.threeUsers();
        Precoder p = DesignScenarios.design("mrt", sc);
        for (int s = 0; s < 3; s++) {
            double norm2 = 0;
            for (int n = 0; n < 8; n++) {
                norm2 += p.columns().get(n, s).abs2();
            }
            assertEquals(DesignScenarios.POWER_W / 3, norm2, 1e-12);
        }
    }

    @Test
    void withoutUsersItFocusesOneSensingBeamOnEachTarget() {
        Scenario sc = DesignScenarios.scenario("exact", "unit", "", DesignScenarios.TWO_TARGETS, "");
        Precoder p = DesignScenarios.design("mrt", sc);
        assertEquals(2, p.streams().size());
        assertTrue(p.streams().stream().allMatch(s -> s.role() == StreamRole.SENSING));
        // a beam matched to v(p_t) puts P/T ||v||^2 = P/T N on its own target (unit amplitude)
        Metrics m = DesignScenarios.evaluate(sc, p);
        assertTrue(m.targets().get(0).illuminationW() >= DesignScenarios.POWER_W / 2 * 8 * (1 - 1e-12));
    }

    @Test
    void withNeitherUsersNorTargetsItIsRejected() {
        Scenario sc = DesignScenarios.scenario("exact", "unit", "", "", "");
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("mrt").run(sc, DesignContext.none()));
        assertTrue(e.getMessage().contains("neither users nor targets"), e.getMessage());
    }
}
