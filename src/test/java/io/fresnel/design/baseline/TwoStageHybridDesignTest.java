package io.fresnel.design.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.Designs;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class TwoStageHybridDesignTest {

    private static Scenario hybrid(String kind, int chains) {
        return DesignScenarios.scenario("exact", "unit", DesignScenarios.THREE_USERS, DesignScenarios.TWO_TARGETS,
                "\"architecture\": {\"kind\": \"" + kind + "\", \"rf_chains\": " + chains + "},");
    }

    @Test
    void theAnalogStageHasUnitModulusOnItsSupportAndZerosOffThePartialBlocks() {
        for (String kind : new String[] {"hybrid-full", "hybrid-partial"}) {
            Precoder p = DesignScenarios.design("two-stage-hybrid", hybrid(kind, 4));
            ComplexMatrix fa = p.analog();
            assertEquals(8, fa.rows());
            assertEquals(4, fa.cols());
            for (int c = 0; c < 4; c++) {
                for (int r = 0; r < 8; r++) {
                    boolean connected = kind.equals("hybrid-full") || r / 2 == c;
                    assertEquals(connected ? 1 : 0, fa.get(r, c).abs(), 1e-15, kind + " F_A[" + r + "][" + c + "]");
                }
            }
        }
    }

    @Test
    void theEffectivePrecoderIsTheProductAndServesEveryUserWithoutInterference() {
        for (String kind : new String[] {"hybrid-full", "hybrid-partial"}) {
            for (int chains : new int[] {4, 8}) {
                Scenario sc = hybrid(kind, chains);
                Precoder p = DesignScenarios.design("two-stage-hybrid", sc);
                assertEquals(p.analog().times(p.digital()), p.effective());
                Metrics m = DesignScenarios.evaluate(sc, p);
                assertEquals(DesignScenarios.POWER_W, m.system().transmitPowerW(), 1e-9 * DesignScenarios.POWER_W);
                for (int u = 0; u < 3; u++) {
                    CommNode user = sc.users().get(u);
                    double[] rx = DesignScenarios.received(sc, p, user);
                    double interference = 0;
                    for (int s = 0; s < rx.length; s++) {
                        interference += s == u ? 0 : rx[s];
                    }
                    assertTrue(interference < 1e-12 * rx[u], kind + " " + chains + " " + user.id());
                    assertEquals(rx[u] / user.noiseW(), m.users().get(u).sinr(), 1e-9 * m.users().get(u).sinr());
                }
            }
        }
    }

    @Test
    void theFirstChainsArePhaseMatchedToTheirUsers() {
        Scenario sc = hybrid("hybrid-full", 4);
        Precoder p = DesignScenarios.design("two-stage-hybrid", sc);
        for (int u = 0; u < 3; u++) {
            double[][] c = new io.fresnel.physics.ScenarioPhysics(sc).channelRow(sc.users().get(u));
            for (int n = 0; n < 8; n++) {
                // c_n F_A[n][u] is real and positive: the phases cancel
                double re = c[0][n] * p.analog().re(n, u) - c[1][n] * p.analog().im(n, u);
                double im = c[0][n] * p.analog().im(n, u) + c[1][n] * p.analog().re(n, u);
                assertTrue(re > 0 && Math.abs(im) < 1e-12 * re, "user " + u + " antenna " + n);
            }
        }
    }

    @Test
    void aDigitalArchitectureIsRejected() {
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("two-stage-hybrid").run(DesignScenarios.threeUsers(), DesignContext.none()));
        assertTrue(e.getMessage().contains("digital"), e.getMessage());
    }

    @Test
    void fewerRfChainsThanUsersAreRejected() {
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("two-stage-hybrid").run(hybrid("hybrid-full", 2), DesignContext.none()));
        assertTrue(e.getMessage().contains("rf_chains = 2"), e.getMessage());
    }
}
