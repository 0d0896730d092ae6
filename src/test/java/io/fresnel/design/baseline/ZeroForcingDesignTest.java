package io.fresnel.design.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.Designs;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class ZeroForcingDesignTest {

    @Test
    void everyUserSinrEqualsItsInterferenceFreeSnr() {
        for (String phase : new String[] {"exact", "fresnel", "far-field"}) {
            Scenario sc = DesignScenarios.scenario(phase, "unit", DesignScenarios.THREE_USERS,
                    DesignScenarios.TWO_TARGETS, "");
            Precoder p = DesignScenarios.design("zf", sc);
            Metrics m = DesignScenarios.evaluate(sc, p);
            for (int u = 0; u < sc.users().size(); u++) {
                CommNode user = sc.users().get(u);
                double[] rx = DesignScenarios.received(sc, p, user);
                double interference = 0;
                for (int s = 0; s < rx.length; s++) {
                    interference += s == u ? 0 : rx[s];
                }
                assertTrue(interference < 1e-12 * rx[u], phase + " " + user.id() + ": " + interference);
                UserMetrics um = m.users().get(u);
                assertEquals(rx[u] / user.noiseW(), um.sinr(), 1e-9 * um.sinr(), phase + " " + user.id());
            }
        }
    }

    @Test
    void moreUsersThanAntennasIsRejected() {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            users.append(i == 0 ? "" : ",").append("{\"id\": \"u").append(i).append("\", \"position_m\": [")
                    .append(3 + 0.3 * i).append(", ").append(-2 + 0.5 * i).append(", 0], \"noise_w\": 1e-9}");
        }
        Scenario sc = DesignScenarios.scenario("exact", "unit", users.toString(), "", "");
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("zf").run(sc, DesignContext.none()));
        assertTrue(e.getMessage().contains("9 rows (users)") && e.getMessage().contains("8 columns"), e.getMessage());
    }

    @Test
    void usersWithCollinearChannelsAreRejectedAsRankDeficient() {
        String users = """
            {"id": "a", "position_m": [3, 1, 0], "noise_w": 1e-9,
             "channel": [[1, 0], [0, 1], [1, 1], [2, 0], [0, 0.5], [1, -1], [0.3, 0], [0, 2]]},
            {"id": "b", "position_m": [4, 1, 0], "noise_w": 1e-9,
             "channel": [[2, 0], [0, 2], [2, 2], [4, 0], [0, 1], [2, -2], [0.6, 0], [0, 4]]}""";
        Scenario sc = DesignScenarios.scenario("exact", "unit", users, "", "");
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("zf").run(sc, DesignContext.none()));
        assertTrue(e.getMessage().contains("rank-deficient"), e.getMessage());
    }

    @Test
    void aScenarioWithoutUsersIsRejected() {
        Scenario sc = DesignScenarios.scenario("exact", "unit", "", DesignScenarios.TWO_TARGETS, "");
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("zf").run(sc, DesignContext.none()));
        assertTrue(e.getMessage().contains("no users"), e.getMessage());
    }
}
