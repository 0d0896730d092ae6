package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fresnel.design.DesignScenarios;
import io.fresnel.model.Scenario;
import io.fresnel.stochastic.ExactAnalysis;
import io.fresnel.stochastic.Output;
import io.fresnel.stochastic.StochasticQuery;
import io.fresnel.stochastic.StochasticQuery.PowerSplit;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import org.junit.jupiter.api.Test;

class StochasticMapsTest {
    private static Scenario scene() {
        return DesignScenarios.scenario("exact", "unit", DesignScenarios.ONE_USER,
                "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "");
    }

    @Test
    void theQueryTakesTheArrayAndPowerOfTheSceneAndTheSplitOfItsSolverBlock() {
        Scenario s = PowerSplits.with(scene(), "ssjb", "alpha", 0.3);
        StochasticQuery q = StochasticMaps.query(s, Scheme.SSJB);
        assertEquals(8, q.txElements());
        assertEquals(DesignScenarios.POWER_W, q.powerW());
        assertEquals(64, q.snapshots());
        assertEquals(0.3, q.split().alpha());
        assertEquals(0.6, q.split().tau1());
        assertNull(StochasticMaps.scheme("mrt"));
    }

    @Test
    void aClickOnTheMapAppliesThatSplit() {
        PowerSplit p = StochasticMaps.at(Scheme.SLB, 0.7, 0.6);
        assertEquals(0.7, p.tau1());
        assertEquals(0.3, p.tau2(), 1e-12, "tau1 + tau2 clipped to 1");
        Scenario s = StochasticMaps.apply(scene(), StochasticMaps.at(Scheme.SLB, 0.4, 0.2), Scheme.SLB);
        PowerSplit back = StochasticMaps.split(s, Scheme.SLB);
        assertEquals(0.4, back.tau1(), 1e-12);
        assertEquals(0.2, back.tau2(), 1e-12);
        assertEquals(0.2, back.tau3(), 1e-12);
        Scenario t = StochasticMaps.apply(scene(), StochasticMaps.at(Scheme.SSJB, 0.25, 1.2), Scheme.SSJB);
        assertEquals(PowerSplit.ssjb(0.25, 1.0), StochasticMaps.split(t, Scheme.SSJB));
    }

    @Test
    void theMapIsRecomputedOnlyWhenTheSchemeOrTheArrayChanges() throws Exception {
        StochasticQuery q = StochasticMaps.query(scene(), Scheme.SSJB);
        StochasticMaps.View first = StochasticMaps.compute(q, null);
        assertNotNull(first.map());
        assertEquals(StochasticMaps.POINTS * StochasticMaps.POINTS, first.map().size());
        StochasticMaps.View again = StochasticMaps.compute(q.withSplit(PowerSplit.ssjb(0.3, 0.3)), first.key());
        assertNull(again.map());
        assertEquals(ExactAnalysis.evaluate(q.withSplit(PowerSplit.ssjb(0.3, 0.3))).outputs()
                .value(Output.ERGODIC_SECRECY_RATE), again.current().value(Output.ERGODIC_SECRECY_RATE));
    }
}
