package io.fresnel.design.speb;

import io.fresnel.bench.SpebScenes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** matrix-approx-hybrid: structure, power, a non-increasing residual, below the digital sum rate. */
class MatrixApproxHybridDesignTest {

    @Test
    void approximatesTheDigitalDesignWithAnExactPartiallyConnectedStructure() throws Exception {
        Scenario base = SpebScenes.scene(16, 4, 2, 0, 7);
        double minSpeb = Designs.byName("speb-min-digital").run(base, DesignContext.none()).objective();
        Scenario sc = base.withSolver(new SolverSpec("matrix-approx-hybrid", Map.of("speb_max_m2", 2 * minSpeb, "tolerance", 1e-3)));
        List<Double> residuals = new ArrayList<>();
        DesignResult r = Designs.byName("matrix-approx-hybrid").run(sc,
                new DesignContext(() -> false, (i, o, m) -> residuals.add(o), null));
        assertEquals(DesignStatus.CONVERGED, r.status(), r.message());
        Metrics m = SpebChecks.assertFeasibleRates(sc, r);
        assertEquals(sc.transmitPowerW(), m.system().transmitPowerW(), 1e-9);
        for (int i = 1; i < residuals.size(); i++) {
            assertTrue(residuals.get(i) <= residuals.get(i - 1) * (1 + 1e-12), "residual rose at round " + i);
        }
        DesignResult comm = Designs.byName("sumrate-max-digital-comm").run(sc, DesignContext.none());
        assertTrue(r.objective() <= comm.objective() * (1 + 1e-6));
    }
}
