package io.fresnel.design.rsma;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class ScratchProbeTest {
    @Test
    void probe() throws Exception {
        for (String range : new String[] {"2.0", "0.5", "3.0", "1.5"}) {
            System.out.println("OFFERRATIO RANGE " + range);
            Scenario sc = RsmaSecureDesignTest.small("rsma-hybrid", ", \"max_iterations\": 40", range);
            DesignResult r = Designs.byName("rsma-hybrid").run(sc, DesignContext.none());
            System.out.println("OFFERRATIO END " + r.status() + " " + r.objective());
        }
    }
}
