package io.fresnel.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RsmaSecureDesignTest {
    static Scenario golden() throws Exception {
        String text = Files.readString(Path.of("/work/shared/golden/public/p000_rsma_hybrid_fresnel.scenario.json"));
        text = text.replace("\"crb_range_max_m2\": 0.01", "\"crb_range_max_m2\": 0.02");
        return ScenarioReader.readScenario(text);
    }

    static void checkConstraints(Scenario sc, DesignResult r) {
        Precoder p = r.precoder();
        assertNotNull(p, r.message());
        Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(p));
        assertTrue(m.system().transmitPowerW() <= sc.transmitPowerW() * (1 + 1e-6));
        double amax = ((Number) sc.solver().parameters().get("crb_angle_max_rad2")).doubleValue();
        double rmax = ((Number) sc.solver().parameters().get("crb_range_max_m2")).doubleValue();
        assertTrue(m.targets().get(0).crbAngleRad2() <= amax * (1 + 1e-6), "angle " + m.targets().get(0).crbAngleRad2());
        assertTrue(m.targets().get(0).crbRangeM2() <= rmax * (1 + 1e-6), "range " + m.targets().get(0).crbRangeM2());
        if (p.isHybrid()) {
            for (int a = 0; a < p.analog().rows(); a++) {
                for (int l = 0; l < p.analog().cols(); l++) {
                    assertEquals(1, Math.hypot(p.analog().re(a, l), p.analog().im(a, l)), 1e-9);
                }
            }
        }
    }

    @Test
    void digitalMeetsConstraintsAtIterationLimit() throws Exception {
        Scenario sc = golden();
        String text = Files.readString(Path.of("/work/shared/golden/public/p000_rsma_hybrid_fresnel.scenario.json"))
                .replace("\"crb_range_max_m2\": 0.01", "\"crb_range_max_m2\": 0.02")
                .replace("\"algorithm\": \"rsma-hybrid\"", "\"algorithm\": \"rsma-digital\", \"max_iterations\": 12");
        sc = ScenarioReader.readScenario(text);
        List<Double> objs = new ArrayList<>();
        DesignResult dig = Designs.byName("rsma-digital").run(sc, new DesignContext(() -> false,
                (i, o, msg) -> objs.add(o), null));
        assertEquals(DesignStatus.ITERATION_LIMIT, dig.status(), dig.message());
        checkConstraints(sc, dig);
        for (int i = 1; i < objs.size(); i++) {
            assertTrue(objs.get(i) >= objs.get(i - 1) - 1e-6, "monotone " + objs);
        }
    }

    @Test
    void cancellation() throws Exception {
        DesignResult r = Designs.byName("rsma-digital").run(golden(), new DesignContext(() -> true,
                (i, o, msg) -> { }, null));
        assertEquals(DesignStatus.CANCELLED, r.status());
    }
}
