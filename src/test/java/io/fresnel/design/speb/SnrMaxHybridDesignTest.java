package io.fresnel.design.speb;

import io.fresnel.bench.SpebScenes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

/** snr-max-hybrid: feasible, partially connected, and no better localisation than the SPEB designs. */
class SnrMaxHybridDesignTest {

    @Test
    void feasibleAndAboveTheSpebMinimum() throws Exception {
        Scenario sc = SpebScenes.scene(16, 4, 2, 4, 13);
        DesignResult r = Designs.byName("snr-max-hybrid").run(sc, DesignContext.none());
        assertEquals(DesignStatus.OPTIMAL, r.status(), r.message());
        SpebChecks.assertFeasible(sc, r);
        DesignResult d = Designs.byName("speb-min-digital").run(sc, DesignContext.none());
        assertTrue(r.objective() >= d.objective() * (1 - 1e-6));
    }

    @Test
    void maximisesTheEchoPowerForItsAnalogStage() throws Exception {
        // the echo power of its precoder is at least that of speb-min-hybrid's (another feasible design)
        Scenario sc = SpebScenes.scene(16, 4, 2, 4, 13);
        DesignResult snr = Designs.byName("snr-max-hybrid").run(sc, DesignContext.none());
        DesignResult speb = Designs.byName("speb-min-hybrid").run(sc, DesignContext.none());
        double echoSnr = MetricsEvaluator.evaluate(sc.withPrecoder(snr.precoder())).targets().get(0).illuminationW();
        double echoSpeb = MetricsEvaluator.evaluate(sc.withPrecoder(speb.precoder())).targets().get(0)
                .illuminationW();
        assertTrue(echoSnr >= echoSpeb * (1 - 1e-6), echoSnr + " < " + echoSpeb);
    }
}
