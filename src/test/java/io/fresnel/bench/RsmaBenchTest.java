package io.fresnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@code bench --rsma} prints: its set-up is paper 000's default, and its timings are consistent. */
class RsmaBenchTest {

    @Test
    void theBenchScenarioIsThePapersDefaultSetUp() {
        Scenario sc = RsmaBench.scenario();
        assertEquals(128, sc.txArray().positions().size());
        assertEquals(64, sc.receiveArray().positions().size());
        assertEquals(8, sc.architecture().rfChains());
        assertEquals(4, sc.users().size());
        assertEquals(30e9, sc.carrierFrequencyHz(), 0);
        assertEquals(0.1, sc.transmitPowerW(), 1e-15);
        assertEquals(1000, sc.sensing().snapshots());
        assertEquals("rsma-hybrid", sc.solver().algorithm());
    }

    @Test
    void theSixUserSetUpAddsTwoUsersAndASensingOnlyTargetInThePapersRegion() {
        Scenario sc = RsmaBench.sixUsersTwoTargets();
        assertEquals(6, sc.users().size());
        assertEquals(2, sc.targets().size());
        assertEquals(1, sc.targets().stream().filter(t -> t.eavesdropper()).count());
        for (var u : sc.users()) {
            double r = Math.hypot(u.positionM().x(), u.positionM().y());
            assertTrue(r >= 10 - 1e-9 && r <= 20 + 1e-9 && u.positionM().x() >= 0 && u.positionM().y() >= 0, u.id());
        }
    }

    @Test
    void theFirstFeasiblePrecoderComesBeforeTheEndAndTheResultIsTheDesigns() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/io/fresnel/design/rsma/p000_small.scenario.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"algorithm\": \"rsma-hybrid\"",
                    "\"algorithm\": \"rsma-digital\", \"max_iterations\": 20");
        }
        Scenario sc = ScenarioReader.readScenario(text);
        RsmaBench.Timed t = RsmaBench.time(sc, "rsma-digital", null);
        assertNotNull(t.result().precoder(), t.result().message());
        assertTrue(t.firstFeasibleS() > 0 && t.firstFeasibleS() <= t.totalS(), t.firstFeasibleS() + " / " + t.totalS());
        assertTrue(t.result().seconds() <= t.totalS());
        assertTrue(t.cpuS() > 0 || Double.isNaN(t.cpuS()), "cpu " + t.cpuS());
        double secrecy = MetricsEvaluator.evaluate(sc.withPrecoder(t.result().precoder())).system()
                .minSecrecyRateBpsHz();
        assertEquals(secrecy, t.result().objective(), 1e-12);
    }
}
