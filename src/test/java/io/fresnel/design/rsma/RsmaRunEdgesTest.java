package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The edges of one run of paper 000's designs on the small set-up (P_th = 0.1 W, N = 32): how a
 * warm start is brought into the normalised model (divided by sqrt(P_th), scaled down into the
 * budget, ignored when zero), where a cancellation is honoured, a one-chain hybrid architecture,
 * and the final check refusing a precoder that misses a bound. Expected values come from the
 * definitions (a stationary point is a fixed point of Algorithm 1; a precoder and the same
 * precoder scaled into the budget are the same start) and from the metric code.
 */
class RsmaRunEdgesTest {
    private static final Pattern RANGE_VIOLATION = Pattern.compile(
            "the local penalty-BCD method ended at a precoder that violates the range CRB bound of target t1"
                    + " \\((\\S+) > 2\\.0\\).*");

    private static DesignContext warm(Precoder p) {
        return new DesignContext(() -> false, (i, o, m) -> { }, p);
    }

    /**
     * A warm start at a converged digital design (a stationary point of Algorithm 1) is a fixed
     * point: the first step settles, so the warm run takes one surrogate solve and keeps the
     * objective. This needs the warm precoder divided by sqrt(P_th) into the normalised model; at
     * P_th = 0.1 W any other scaling starts elsewhere (at 1 % or 10^4 times the power).
     */
    @Test
    void aWarmStartAtAStationaryPointIsAFixedPoint() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", ", \"max_iterations\": 300");
        assertEquals(0.1, sc.transmitPowerW(), 0);
        DesignResult first = RsmaSecureDesign.digital().run(sc, DesignContext.none());
        assertEquals(DesignStatus.CONVERGED, first.status(), first.message());
        DesignResult again = RsmaSecureDesign.digital().run(sc, warm(first.precoder()));
        assertEquals(DesignStatus.CONVERGED, again.status(), again.message());
        assertEquals(1, again.iterations(), "a stationary point took " + again.iterations() + " solves");
        assertEquals(first.objective(), again.objective(), 1e-4 * first.objective());
        RsmaSecureDesignTest.checkConstraints(sc, again);
    }

    /**
     * A warm start above the budget is scaled down into it: the same precoder at 2.8 times the
     * power (amplitudes times sqrt(2.8)) and at the full power give the same run (3 solves),
     * while a zero warm start is ignored: the run is the cold one.
     */
    @Test
    void aWarmStartAboveTheBudgetIsScaledIntoItAndAZeroOneIsIgnored() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", ", \"max_iterations\": 3");
        RsmaReducedModelTest.Setup s = RsmaReducedModelTest.setup(sc, true);
        List<io.fresnel.model.Stream> streams = RsmaReducedModelTest.streams(sc, true);
        // a start inside the CRB bounds: the cold run's 3-solve precoder, at 0.7 of the power
        DesignResult cold = RsmaSecureDesign.digital().run(sc, DesignContext.none());
        assertNotNull(cold.precoder(), cold.message());
        var eff = cold.precoder().effective();
        List<double[][]> full = new ArrayList<>();
        List<double[][]> high = new ArrayList<>();
        List<double[][]> zero = new ArrayList<>();
        double p2 = 0;
        for (int q = 0; q < eff.cols(); q++) {
            double[] re = new double[eff.rows()];
            double[] im = new double[eff.rows()];
            for (int a = 0; a < eff.rows(); a++) {
                re[a] = eff.re(a, q);
                im[a] = eff.im(a, q);
                p2 += re[a] * re[a] + im[a] * im[a];
            }
            full.add(new double[][] {re, im});
            zero.add(new double[][] {new double[eff.rows()], new double[eff.rows()]});
        }
        // exactly at the budget, and 2.8 times above it
        double f = Math.sqrt(sc.transmitPowerW() / p2);
        for (int q = 0; q < full.size(); q++) {
            double[][] c = full.get(q);
            full.set(q, new double[][] {Columns.scale(c[0], f), Columns.scale(c[1], f)});
            high.add(new double[][] {Columns.scale(c[0], f * Math.sqrt(2.8)), Columns.scale(c[1], f * Math.sqrt(2.8))});
        }
        Precoder atBudget = new Precoder(streams, ZMatrices.ofColumns(full), null, null, null);
        Precoder above = new Precoder(streams, ZMatrices.ofColumns(high), null, null, null);
        DesignResult a = RsmaSecureDesign.digital().run(sc, warm(atBudget));
        DesignResult b = RsmaSecureDesign.digital().run(sc, warm(above));
        assertNotNull(a.precoder(), a.message());
        assertNotNull(b.precoder(), b.message());
        assertEquals(a.iterations(), b.iterations());
        assertEquals(a.objective(), b.objective(), 1e-9 * a.objective(), "the warm start above the budget");
        assertTrue(Math.abs(a.objective() - cold.objective()) > 1e-6, "the warm start was not used");
        DesignResult z = RsmaSecureDesign.digital().run(sc, warm(new Precoder(streams, ZMatrices.ofColumns(zero), null,
                null, null)));
        assertEquals(cold.status(), z.status(), z.message());
        assertEquals(cold.objective(), z.objective(), 0, "a zero warm start was not ignored");
        assertEquals(cold.iterations(), z.iterations());
        assertTrue(s.ch().pmax == sc.transmitPowerW());
    }

    /**
     * A cancellation seen at the top of a step ends the run cancelled without a precoder: after
     * the first phase-one step (bounds no precoder meets), and after the first Algorithm 1 step of
     * the digital design.
     */
    @Test
    void aCancellationBetweenStepsEndsTheRun() throws Exception {
        String[] setups = {"1e-9", "phase one", "2.0", "Algorithm 1"};
        for (int i = 0; i < setups.length; i += 2) {
            Scenario sc = RsmaSecureDesignTest.small("rsma-digital", ", \"max_iterations\": 50", setups[i]);
            String prefix = setups[i + 1];
            AtomicBoolean cancel = new AtomicBoolean();
            List<String> seen = new ArrayList<>();
            DesignResult r = RsmaSecureDesign.digital().run(sc, new DesignContext(cancel::get, (it, o, m) -> {
                seen.add(m);
                if (m.startsWith(prefix)) {
                    cancel.set(true);
                }
            }, null));
            assertEquals(DesignStatus.CANCELLED, r.status(), prefix + ": " + r.message() + " " + seen);
            assertNull(r.precoder());
            assertTrue(seen.get(seen.size() - 1).startsWith(prefix), prefix + ": " + seen);
            assertEquals(1, seen.stream().filter(m -> m.startsWith(prefix)).count(), prefix + ": " + seen);
        }
    }

    /** One RF chain is a hybrid architecture the designs accept (L >= 1); F_A then has one column. */
    @Test
    void oneRfChainIsAccepted() throws Exception {
        String text;
        try (var in = RsmaSecureDesignTest.class.getResourceAsStream("p000_small.scenario.json")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(text.contains("\"rf_chains\": 4"));
        Scenario one = io.fresnel.io.ScenarioReader.readScenario(text.replace("\"rf_chains\": 4", "\"rf_chains\": 1")
                .replace("\"algorithm\": \"rsma-hybrid\"", "\"algorithm\": \"rsma-no-crb\", \"max_iterations\": 2"));
        assertEquals(1, one.architecture().rfChains());
        DesignResult r = RsmaSecureDesign.noCrb().run(one, DesignContext.none());
        assertTrue(r.iterations() >= 1, r.message());
        assertNotNull(r.precoder(), r.message());
        assertEquals(1, r.precoder().analog().cols());
    }

    /**
     * SDMA-HB cut short at 3 solves ends with an F_A F_D outside the 2 m^2 range bound and no
     * earlier iterate that met it: the design's final check refuses it, names the bound and the
     * metric code's CRB (above 2 (1 + 1e-6)), and returns no precoder.
     */
    @Test
    void aFinalPrecoderOutsideABoundIsRefused() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("sdma-hybrid", ", \"max_iterations\": 3");
        DesignResult r = RsmaSecureDesign.sdmaHybrid().run(sc, DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, r.status(), r.message());
        assertNull(r.precoder());
        Matcher m = RANGE_VIOLATION.matcher(r.message());
        assertTrue(m.matches(), r.message());
        assertTrue(Double.parseDouble(m.group(1)) > 2 * (1 + 1e-6), r.message());
        assertEquals(3, r.iterations());
    }
}
