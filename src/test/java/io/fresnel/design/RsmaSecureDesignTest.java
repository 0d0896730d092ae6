package io.fresnel.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.ScenarioReader;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Paper 000 designs on a small set-up (N = 32, M = 16, L = 4, K = 2, one eavesdropping target). */
class RsmaSecureDesignTest {

    /** The small set-up with the given solver block entries (JSON fragment after the algorithm). */
    static Scenario small(String algorithm, String extra) throws Exception {
        String text;
        try (InputStream in = RsmaSecureDesignTest.class.getResourceAsStream("p000_small.scenario.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("\"algorithm\": \"rsma-hybrid\"", "\"algorithm\": \"" + algorithm + "\"" + extra);
        return ScenarioReader.readScenario(text);
    }

    /** Re-evaluates the precoder with the metric code: power, both CRBs, unit modulus. */
    static Metrics checkConstraints(Scenario sc, DesignResult r) {
        Precoder p = r.precoder();
        assertNotNull(p, r.status() + ": " + r.message());
        Metrics m = MetricsEvaluator.evaluate(sc.withPrecoder(p));
        assertTrue(m.system().transmitPowerW() <= sc.transmitPowerW() * (1 + 1e-6));
        Object a = sc.solver().parameters().get("crb_angle_max_rad2");
        if (a != null && !r.algorithm().equals("rsma-no-crb")) {
            double amax = ((Number) a).doubleValue();
            double rmax = ((Number) sc.solver().parameters().get("crb_range_max_m2")).doubleValue();
            assertTrue(m.targets().get(0).crbAngleRad2() <= amax * (1 + 1e-6), "angle " + m.targets().get(0));
            assertTrue(m.targets().get(0).crbRangeM2() <= rmax * (1 + 1e-6), "range " + m.targets().get(0));
        }
        if (p.isHybrid()) {
            assertEquals(sc.transmitPowerW(), m.system().transmitPowerW(), 1e-9 * sc.transmitPowerW());
            for (int i = 0; i < p.analog().rows(); i++) {
                for (int l = 0; l < p.analog().cols(); l++) {
                    assertEquals(1, Math.hypot(p.analog().re(i, l), p.analog().im(i, l)), 1e-9);
                }
            }
        }
        assertEquals(m.system().minSecrecyRateBpsHz(), r.objective(), 1e-9);
        return m;
    }

    @Test
    void digitalIsMonotoneAndFeasibleAtItsIterationLimit() throws Exception {
        Scenario sc = small("rsma-digital", ", \"max_iterations\": 15");
        List<Double> objs = new ArrayList<>();
        DesignResult r = RsmaSecureDesign.digital().run(sc, new DesignContext(() -> false, (i, o, msg) -> {
            if (!msg.startsWith("phase one")) {
                objs.add(o);
            }
        }, null));
        assertEquals(DesignStatus.ITERATION_LIMIT, r.status(), r.message());
        assertEquals(15, r.iterations());
        checkConstraints(sc, r);
        assertTrue(objs.size() >= 5);
        for (int i = 1; i < objs.size(); i++) {
            assertTrue(objs.get(i) >= objs.get(i - 1) - 1e-6, "Algorithm 1 must not decrease: " + objs);
        }
        assertNotNull(r.precoder().commonSecrecyShares());
    }

    @Test
    void hybridPenalisedObjectiveDoesNotDecreaseAtFixedRho() throws Exception {
        Scenario sc = small("rsma-hybrid", ", \"max_iterations\": 12");
        Pattern pat = Pattern.compile("rho = ([^,]+), .*penalised = (\\S+)");
        List<double[]> seen = new ArrayList<>();
        DesignResult r = RsmaSecureDesign.hybrid().run(sc, new DesignContext(() -> false, (i, o, msg) -> {
            Matcher mt = pat.matcher(msg);
            if (mt.find()) {
                seen.add(new double[] {Double.parseDouble(mt.group(1)), Double.parseDouble(mt.group(2))});
            }
        }, null));
        assertTrue(r.status() == DesignStatus.ITERATION_LIMIT || r.status() == DesignStatus.INFEASIBLE, r.message());
        assertTrue(seen.size() >= 5);
        int compared = 0;
        for (int i = 1; i < seen.size(); i++) {
            if (seen.get(i)[0] == seen.get(i - 1)[0]) {
                assertTrue(seen.get(i)[1] >= seen.get(i - 1)[1] - 1e-6, "penalised objective decreased at fixed rho");
                compared++;
            }
        }
        assertTrue(compared >= 3);
        if (r.precoder() != null) {
            checkConstraints(sc, r);
        }
    }

    @Test
    void hybridWithFastPenaltyMeetsConstraintsAndUnitModulus() throws Exception {
        Scenario sc = small("rsma-hybrid", ", \"max_iterations\": 40, \"penalty_factor\": 0.05");
        DesignResult r = RsmaSecureDesign.hybrid().run(sc, DesignContext.none());
        Metrics m = checkConstraints(sc, r);
        DesignResult mrt = Designs.byName("mrt").run(sc, DesignContext.none());
        assertNotNull(mrt.precoder());
        assertTrue(m.system().minSecrecyRateBpsHz() > 0);
    }

    @Test
    void cancelledRunReturnsNoPrecoder() throws Exception {
        for (RsmaSecureDesign design : List.of(RsmaSecureDesign.hybrid(), RsmaSecureDesign.digital())) {
            String name = design.name();
            int[] calls = {0};
            DesignResult r = design.run(small(name, ""), new DesignContext(() -> calls[0]++ > 3,
                    (i, o, msg) -> { }, null));
            assertEquals(DesignStatus.CANCELLED, r.status());
            assertNull(r.precoder());
        }
    }

    @Test
    void warmStartIsAccepted() throws Exception {
        Scenario sc = small("rsma-hybrid", ", \"max_iterations\": 6");
        DesignResult first = RsmaSecureDesign.hybrid().run(sc, DesignContext.none());
        if (first.precoder() == null) {
            return; // nothing to warm-start from
        }
        List<Double> objs = new ArrayList<>();
        DesignResult again = RsmaSecureDesign.hybrid().run(sc, new DesignContext(() -> false,
                (i, o, msg) -> objs.add(o), first.precoder()));
        // the warm start needs no phase one and begins near the previous result
        assertTrue(objs.get(0) >= first.objective() - 0.5, objs + " vs " + first.objective());
        assertNotNull(again);
    }

    @Test
    void infeasibleBoundsGiveNoPrecoder() throws Exception {
        Scenario sc = small("rsma-digital", "").withPrecoder(null);
        String text = null;
        Scenario tight = small("rsma-digital", ", \"max_iterations\": 40");
        DesignResult r = RsmaSecureDesign.digital().run(
                ScenarioReader.readScenario(new String(RsmaSecureDesignTest.class
                        .getResourceAsStream("p000_small.scenario.json").readAllBytes(), StandardCharsets.UTF_8)
                        .replace("\"crb_range_max_m2\": 2.0", "\"crb_range_max_m2\": 1e-4")
                        .replace("\"algorithm\": \"rsma-hybrid\"", "\"algorithm\": \"rsma-digital\", \"max_iterations\": 6")),
                DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, r.status());
        assertNull(r.precoder());
        assertTrue(r.message().contains("cannot prove infeasibility"), r.message());
        assertNotNull(sc);
        assertNotNull(tight);
        assertNull(text);
    }
}
