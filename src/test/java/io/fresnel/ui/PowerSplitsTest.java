package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.Designs;
import io.fresnel.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerSplitsTest {
    private static Scenario scene() {
        return DesignScenarios.scenario("exact", "unit", DesignScenarios.ONE_USER,
                "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "");
    }

    @Test
    void onlyPaper002BeamformersHaveSliders() {
        assertEquals(List.of("tau", "alpha"), PowerSplits.of("ssjb").stream().map(PowerSplits.Split::key).toList());
        assertEquals(List.of("tau1", "tau2", "tau3"), PowerSplits.of("slb").stream().map(PowerSplits.Split::key).toList());
        assertTrue(PowerSplits.of("mrt").isEmpty());
        assertTrue(PowerSplits.of(null).isEmpty());
    }

    @Test
    void aSliderValueReachesTheDesign() throws Exception {
        Scenario s = PowerSplits.with(scene(), "ssjb", "tau", 0.25);
        assertEquals(0.25, PowerSplits.value(s, PowerSplits.of("ssjb").get(0)));
        assertEquals(0.5, PowerSplits.value(s, PowerSplits.of("ssjb").get(1)), "alpha keeps the design's default");
        DesignResult r = Designs.byName("ssjb").run(s, DesignContext.none());
        double[] re = r.precoder().columns().realColumnMajor();
        double[] im = r.precoder().columns().imagColumnMajor();
        double p0 = 0;
        for (int i = 0; i < r.precoder().columns().rows(); i++) {
            p0 += re[i] * re[i] + im[i] * im[i];
        }
        assertEquals(0.25 * DesignScenarios.POWER_W, p0, 1e-12, "the private stream carries tau P");
    }

    @Test
    void slbSplitsNeverSumAboveOne() {
        Scenario s = PowerSplits.with(scene(), "slb", "tau1", 0.9);
        double sum = 0;
        for (PowerSplits.Split sp : PowerSplits.of("slb")) {
            sum += PowerSplits.value(s, sp);
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(0.9, PowerSplits.value(s, PowerSplits.of("slb").get(0)));
        assertEquals(0.05, PowerSplits.value(s, PowerSplits.of("slb").get(1)), 1e-12, "0.2 and 0.2 scaled to 0.1");
    }
}
