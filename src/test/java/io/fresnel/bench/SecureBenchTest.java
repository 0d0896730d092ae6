package io.fresnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.GoldenFiles;
import io.fresnel.design.DesignContext;
import io.fresnel.design.Designs;
import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class SecureBenchTest {

    @Test
    void theNt8BenchScenarioIsTheGoldenSetUp() throws Exception {
        Scenario solved = ScenarioReader.readScenario(
                GoldenFiles.goldenDir().resolve("solver/p_solver_secure_paper001.solved.json"));
        Metrics golden = MetricsEvaluator.evaluate(solved);
        Metrics bench = MetricsEvaluator.evaluate(SecureBench.scenario(8).withPrecoder(solved.precoder()));
        double s = golden.system().minSecrecyRateBpsHz();
        assertEquals(s, bench.system().minSecrecyRateBpsHz(), 1e-9 * s);
        double pcrb = golden.targets().get(0).pcrbUpperApproxRad2();
        assertEquals(pcrb, bench.targets().get(0).pcrbUpperApproxRad2(), 1e-9 * pcrb);
        assertEquals(10, SecureBench.scenario(8).receiveArray().positions().size());
        assertEquals(66, SecureBench.scenario(64).receiveArray().positions().size());
    }

    /**
     * At Nt = 16 the best gamma is small (about 6e-5), where the cone solver needs its fallbacks;
     * the design still reaches the value of the independent cvxopt run of
     * src/bench/python/an_secure_cvxopt.py (SDP value 10.608836826 bit/s/Hz).
     */
    @Test
    void atSixteenAntennasTheDesignReachesTheCvxoptValue() throws Exception {
        var r = io.fresnel.design.Designs.byName("an-secure-pcrb").run(SecureBench.scenario(16),
                io.fresnel.design.DesignContext.none());
        assertEquals(10.608836826, r.objective(), 1e-6 * 10.6);
    }
}
