package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.SolverParameter;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.math.Vec3;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edges of paper 003's design classes that their main tests do not reach: the four sum-rate
 * variants' names, descriptions and parameters, input checks naming the field, cancellation at
 * each stage, the one progress report of the single-step designs, the status and message of a
 * clean result, the communication-only bound without any sensing, and the SPEB-bound threshold
 * of Algorithm 2 (infeasible exactly when even the SPEB-min precoder misses Gamma_s).
 */
class SpebDesignEdgesTest {
    /** 16 antennas, 4 chains, 2 users without requirements (as SumRateDesignTest). */
    private static final Scenario FREE = SpebScenes.scene(16, 4, 2, 0, 7);
    /** 16 antennas, 4 chains, 2 users at 2 bit/s/Hz. */
    private static final Scenario RATES = SpebScenes.scene(16, 4, 2, 2, 3);

    private static List<String> keys(Design d) {
        List<String> k = new ArrayList<>();
        for (SolverParameter p : d.parameters()) {
            k.add(p.key());
        }
        return k;
    }

    private static DesignResult run(Design d, Scenario sc, DesignContext ctx) throws DesignException {
        return d.run(sc, ctx);
    }

    private static Scenario solver(Scenario sc, String algorithm, Map<String, Object> params) {
        return sc.withSolver(new SolverSpec(algorithm, params));
    }

    @Test
    void theFourSumRateVariantsAreNamedDescribedAndParameterisedByTheirKind() {
        SumRateDesign[] all = {SumRateDesign.digital(), SumRateDesign.hybrid(), SumRateDesign.digitalCommunicationOnly(),
            SumRateDesign.hybridCommunicationOnly()};
        String[] names = {"sumrate-max-digital", "sumrate-max-hybrid", "sumrate-max-digital-comm",
            "sumrate-max-hybrid-comm"};
        boolean[] hybrid = {false, true, false, true};
        boolean[] bounded = {true, true, false, false};
        for (int i = 0; i < 4; i++) {
            assertEquals(names[i], all[i].name());
            String d = all[i].description();
            assertEquals(hybrid[i], d.contains("partially connected hybrid"), d);
            assertEquals(!hybrid[i], d.contains("fully digital"), d);
            assertEquals(bounded[i], d.contains("speb_max_m2"), d);
            assertEquals(!bounded[i], d.contains("communication only"), d);
            List<String> expected = bounded[i] ? List.of("speb_max_m2", "max_iterations", "tolerance", "seed")
                    : List.of("max_iterations", "tolerance", "seed");
            assertEquals(expected, keys(all[i]), names[i]);
        }
        // matrix-approx-hybrid: only the bound of the digital design it approximates
        assertEquals(List.of("speb_max_m2"), keys(new MatrixApproxHybridDesign()));
        // speb-min-hybrid: the documented parameters and defaults (40, 1e-3, 1)
        List<SolverParameter> p = new SpebMinHybridDesign().parameters();
        assertEquals(List.of("max_iterations", "tolerance", "seed"), keys(new SpebMinHybridDesign()));
        assertEquals(40, p.get(0).defaultValue(), 0.0);
        assertEquals(1e-3, p.get(1).defaultValue(), 0.0);
        assertEquals(1, p.get(2).defaultValue(), 0.0);
    }

    @Test
    void inputChecksNameTheField() throws Exception {
        Scenario digital = SpebScenes.scene(16, 0, 2, 0, 3);
        DesignException kind = assertThrows(DesignException.class, () -> SpebInputs.partialChains(digital, "x", 2));
        assertTrue(kind.getMessage().startsWith("x: architecture.kind must be hybrid-partial"), kind.getMessage());
        assertTrue(kind.getMessage().endsWith("the scenario's is digital"), kind.getMessage());
        Scenario full = io.fresnel.io.ScenarioReader.readScenario("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 28e9,
             "propagation": {"phase": "exact", "amplitude": "unit"},
             "tx_array": {"ula": {"elements": 16, "spacing_m": 0.005, "axis": "y", "center_m": [0, 0, 0]}},
             "architecture": {"kind": "hybrid-full", "rf_chains": 4},
             "transmit_power_w": 1.0,
             "users": [{"id": "u1", "position_m": [20, 0, 0], "noise_w": 1e-12}]}
            """);
        DesignException fullKind = assertThrows(DesignException.class, () -> SpebInputs.partialChains(full, "x", 1));
        assertTrue(fullKind.getMessage().endsWith("the scenario's is hybrid-full"), fullKind.getMessage());
        // 64 users are accepted, 65 are not
        SpebInputs.checkSensing(SpebScenes.scene(16, 0, 64, 0, 3), "x");
        DesignException many = assertThrows(DesignException.class,
                () -> SpebInputs.checkSensing(SpebScenes.scene(16, 0, 65, 0, 3), "x"));
        assertTrue(many.getMessage().startsWith("x: users: 65 users"), many.getMessage());
        // the hybrid designs check the target before anything else (a scenario with targets always has a sensing block)
        Scenario noTarget = ScenarioEdits.remove(RATES, "t1");
        for (String name : new String[] {"speb-min-hybrid", "snr-max-hybrid"}) {
            Design d = io.fresnel.design.Designs.byName(name);
            DesignException t = assertThrows(DesignException.class, () -> d.run(noTarget, DesignContext.none()));
            assertTrue(t.getMessage().startsWith(name + ": targets: "), t.getMessage());
        }
    }

    @Test
    void aDesignCancelledBeforeOrAsItStartsReturnsCancelledWithoutAPrecoder() throws Exception {
        DesignContext stop = new DesignContext(() -> true, (i, o, m) -> { }, null);
        Scenario bounded = solver(FREE, "sumrate-max-digital", Map.of("speb_max_m2", 1.0));
        Object[][] cases = {
            {new SpebMinDigitalDesign(), RATES},
            {new SpebMinHybridDesign(), RATES},
            {new SnrMaxHybridDesign(), RATES},
            {SumRateDesign.digital(), bounded},
            {SumRateDesign.digitalCommunicationOnly(), FREE},
            {SumRateDesign.hybridCommunicationOnly(), FREE},
        };
        for (Object[] c : cases) {
            Design d = (Design) c[0];
            DesignResult r = run(d, (Scenario) c[1], stop);
            assertEquals(DesignStatus.CANCELLED, r.status(), d.name());
            assertNull(r.precoder(), d.name());
            // not cancelled when the run starts, but at the design's first own poll (its first SDP or SCA step)
            int[] polls = {0};
            DesignResult inside = run(d, (Scenario) c[1], new DesignContext(() -> ++polls[0] > 1, (i, o, m) -> { },
                    null));
            assertEquals(DesignStatus.CANCELLED, inside.status(), d.name());
            assertNull(inside.precoder(), d.name());
            assertTrue(polls[0] > 1, d.name());
        }
    }

    @Test
    void aDesignCancelledDuringItsIterationsReturnsCancelledWithoutAPrecoder() throws Exception {
        // communication-only digital: cancelled after the first poll, i.e. inside the first SCA step
        int[] polls = {0};
        DesignResult comm = run(SumRateDesign.digitalCommunicationOnly(), FREE,
                new DesignContext(() -> ++polls[0] > 1, (i, o, m) -> { }, null));
        assertEquals(DesignStatus.CANCELLED, comm.status());
        assertNull(comm.precoder());
        // the BCD designs: cancelled once they report their first iteration
        for (Design d : new Design[] {SumRateDesign.hybridCommunicationOnly(), new SpebMinHybridDesign()}) {
            boolean[] stop = {false};
            Scenario sc = d instanceof SpebMinHybridDesign ? RATES
                    : solver(FREE, "sumrate-max-hybrid-comm", Map.of("tolerance", 0.5));
            DesignResult r = run(d, sc, new DesignContext(() -> stop[0], (i, o, m) -> stop[0] = true, null));
            assertTrue(stop[0], d.name() + " reported no iteration");
            assertEquals(DesignStatus.CANCELLED, r.status(), d.name());
            assertNull(r.precoder(), d.name());
        }
    }

    @Test
    void singleStepDesignsReportOnceTheObjectiveTheyReturn() throws Exception {
        Object[][] cases = {
            {new SpebMinDigitalDesign(), RATES},
            {new SnrMaxHybridDesign(), RATES},
            {SumRateDesign.digitalCommunicationOnly(), FREE},
        };
        for (Object[] c : cases) {
            Design d = (Design) c[0];
            List<double[]> reports = new ArrayList<>();
            DesignResult r = run(d, (Scenario) c[1],
                    new DesignContext(() -> false, (i, o, m) -> reports.add(new double[] {i, o}), null));
            assertNotNull(r.precoder(), d.name() + ": " + r.message());
            assertEquals(1, reports.size(), d.name());
            assertEquals(1, reports.get(0)[0], 0.0, d.name());
            // the reported value is the design's own evaluation; the objective the metric code's
            assertEquals(r.objective(), reports.get(0)[1], 1e-9 * r.objective(), d.name());
        }
    }

    @Test
    void cleanResultsCarryNoMessage() throws Exception {
        DesignResult digital = new SpebMinDigitalDesign().run(RATES, DesignContext.none());
        assertEquals(DesignStatus.OPTIMAL, digital.status(), digital.message());
        assertNull(digital.message());
        Scenario sc = solver(RATES, "speb-min-hybrid", Map.of("max_iterations", 3));
        DesignResult hybrid = new SpebMinHybridDesign().run(sc, DesignContext.none());
        assertTrue(hybrid.status() == DesignStatus.CONVERGED || hybrid.status() == DesignStatus.ITERATION_LIMIT,
                hybrid.status() + ": " + hybrid.message());
        SpebChecks.assertFeasible(sc, hybrid);
        assertNull(hybrid.message());
    }

    @Test
    void theCommunicationOnlyBoundNeedsNoTargetAndNoSensing() throws Exception {
        Scenario bare = ScenarioEdits.withSensing(ScenarioEdits.remove(FREE, "t1"), null);
        DesignResult r = SumRateDesign.digitalCommunicationOnly().run(bare, DesignContext.none());
        assertEquals(DesignStatus.CONVERGED, r.status(), r.message());
        assertNull(r.message());
        Metrics m = MetricsEvaluator.evaluate(bare.withPrecoder(r.precoder()));
        assertEquals(m.system().sumRateBpsHz(), r.objective(), 1e-9 * r.objective());
        assertTrue(m.system().transmitPowerW() <= bare.transmitPowerW() * (1 + 1e-9));
    }

    @Test
    void aBoundBelowWhatTheSpebMinPrecodersReachIsInfeasible() throws Exception {
        double minSpeb = new SpebMinDigitalDesign().run(FREE, DesignContext.none()).objective();
        DesignResult below = SumRateDesign.digital().run(
                solver(FREE, "sumrate-max-digital", Map.of("speb_max_m2", minSpeb * (1 - 5e-7))),
                DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, below.status());
        assertNull(below.precoder());
        assertTrue(below.message().startsWith("solver.speb_max_m2 = "), below.message());
        // two targets, four chains: the fully digital optimum meets 1.2 x its SPEB, but no analog
        // candidate's span does (their SPEB minima are 1.39 to 4.1 times the digital one, measured
        // with the SDR step on each span), so Algorithm 2 has no feasible start
        Scenario two = ScenarioEdits.add(FREE, NodeKind.TARGET, new Vec3(8, -2, 0));
        double twoMin = new SpebMinDigitalDesign().run(two, DesignContext.none()).objective();
        DesignResult hybrid = SumRateDesign.hybrid().run(solver(two, "sumrate-max-hybrid",
                Map.of("speb_max_m2", 1.2 * twoMin, "max_iterations", 2, "tolerance", 0.5)), DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, hybrid.status());
        assertNull(hybrid.precoder());
        assertTrue(hybrid.message().contains("speb_max_m2"), hybrid.message());
    }

    @Test
    void unreachableRatesLeaveTheSnrMaxDesignWithoutAPrecoder() throws Exception {
        DesignResult r = new SnrMaxHybridDesign().run(SpebScenes.scene(16, 4, 2, 40, 3), DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, r.status());
        assertNull(r.precoder());
        assertTrue(r.message().contains("min_rate_bps_hz"), r.message());
    }
}
