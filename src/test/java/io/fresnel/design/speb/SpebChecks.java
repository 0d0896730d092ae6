package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignResult;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;

/** Independent re-checks of a paper-003 design result with the metric code. */
final class SpebChecks {
    private SpebChecks() {
    }

    /**
     * Asserts power, every user's rate and (for a hybrid precoder) the exact partially connected
     * structure; returns the metrics.
     */
    static Metrics assertFeasible(Scenario sc, DesignResult r) {
        assertNotNull(r.precoder(), r.status() + ": " + r.message());
        Precoder p = r.precoder();
        Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(p));
        assertTrue(m.system().transmitPowerW() <= sc.transmitPowerW() * (1 + 1e-9),
                "power " + m.system().transmitPowerW());
        for (int u = 0; u < sc.users().size(); u++) {
            Double need = sc.users().get(u).minRateBpsHz();
            if (need != null) {
                assertTrue(m.users().get(u).rateBpsHz() >= need - 1e-8,
                        "user " + u + " rate " + m.users().get(u).rateBpsHz() + " < " + need);
            }
        }
        if (p.isHybrid()) {
            assertPartiallyConnected(p.analog(), sc.architecture().rfChains());
        }
        assertEquals(m.system().crbPositionSumM2(), r.objective(), 1e-9 * r.objective());
        return m;
    }

    /** As {@link #assertFeasible} for a sum-rate design: its objective is the sum rate. */
    static Metrics assertFeasibleRates(Scenario sc, DesignResult r) {
        assertNotNull(r.precoder(), r.status() + ": " + r.message());
        Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(r.precoder()));
        assertTrue(m.system().transmitPowerW() <= sc.transmitPowerW() * (1 + 1e-9));
        if (r.precoder().isHybrid()) {
            assertPartiallyConnected(r.precoder().analog(), sc.architecture().rfChains());
        }
        assertEquals(m.system().sumRateBpsHz(), r.objective(), 1e-9 * r.objective());
        return m;
    }

    /** F_A: unit modulus on chain r's contiguous block, exactly zero elsewhere. */
    static void assertPartiallyConnected(ComplexMatrix fa, int chains) {
        assertEquals(chains, fa.cols());
        int block = fa.rows() / chains;
        assertEquals(fa.rows(), block * chains);
        for (int c = 0; c < chains; c++) {
            for (int r = 0; r < fa.rows(); r++) {
                double mod = Math.hypot(fa.re(r, c), fa.im(r, c));
                if (r / block == c) {
                    assertEquals(1.0, mod, 1e-12, "F_A[" + r + "][" + c + "]");
                } else {
                    assertEquals(0.0, fa.re(r, c), 0.0);
                    assertEquals(0.0, fa.im(r, c), 0.0);
                }
            }
        }
    }
}
