package io.fresnel.design.secure;

import static io.fresnel.design.secure.SecurePrecodersByHandTest.gram;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.quad;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.reduced;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.trace;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.unit;
import static io.fresnel.design.secure.SecurePrecodersByHandTest.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.optim.ConeStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paper 001's program (P2.1R), eqs. (38)-(43), and its benchmark without AN on 2 x 2 problems whose
 * optimum is known in closed form, and the search and fixed-gamma runs of {@link SecrecySearch} on
 * them (progress reports, outcome, cancellation).
 */
class SecrecySdpByHandTest {
    private static final double[][] E1 = vec(1, 0, 0, 0);
    private static final double[][] E2 = vec(0, 0, 1, 0);
    private static final double[][] G = unit(vec(1, 0, 1, 0));

    /**
     * Without AN: maximise 100 W11 s.t. W11 + W22 &lt;= 1, W22 &gt;= kappa, 50 g^H W g &lt;= gamma with
     * g = (e1 + e2)/sqrt 2, i.e. W11 + W22 + 2 Re W12 &lt;= 2 gamma / 50, and |W12|^2 &lt;= W11 W22.
     */
    private static SecrecySensingProblem.Reduced noAn(double kappa, List<double[][]> eves, double[] eveSnr) {
        return reduced(E1, 100, eves, eveSnr, List.<double[][][]>of(gram(new double[] {1}, E2)), kappa);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void withoutAnTheEavesdropperRowBindsAsInClosedForm() {
        // kappa = 0.3 is slack: with the power spent, Re W12 <= (0.02 - 1)/2 = -0.49 needs W11 W22 >= 0.49^2,
        // so W11 = (1 + sqrt(1 - 4 0.49^2))/2 (W22 = 0.40 > 0.3)
        double gamma = 0.5;
        SecrecySdp.Solution s = SecrecySdp.solve(noAn(0.3, List.<double[][]>of(G), new double[] {50}), gamma, false, () -> false);
        assertTrue(s.optimal(), s.status().name());
        assertTrue(s.usable());
        double w11 = (1 + Math.sqrt(1 - 4 * 0.49 * 0.49)) / 2;
        assertEquals(100 * w11, s.sinr(), 1e-6 * 100 * w11);
        assertEquals(s.sinr(), 100 * quad(s.w(), E1), 1e-12 * s.sinr());
        assertEquals(gamma, 50 * quad(s.w(), G), 1e-6 * gamma, "the eavesdropper row is active");
        assertTrue(trace(s.w()) <= 1 + 1e-7);
        assertEquals(0, trace(s.v()), 0.0, "no AN");
        // (the secrecy of (W, V) itself) = log2((1 + f)/(1 + gamma)) with the eavesdropper row active
        assertEquals(log2((1 + s.sinr()) / (1 + gamma)), s.secrecy(), 1e-6);
        assertEquals(log2(1 + s.sinr()) - log2(1 + 50 * quad(s.w(), G)), s.secrecy(), 1e-12);
    }

    @Test
    void withoutAnABindingSensingRowCapsTheUserPower() {
        // kappa = 0.45: W22 >= 0.45 leaves W11 <= 0.55, which the eavesdropper row allows (sqrt(0.55 0.45) =
        // 0.4975 >= 0.49): f = 55
        SecrecySdp.Solution s = SecrecySdp.solve(noAn(0.45, List.<double[][]>of(G), new double[] {50}), 0.5, false, () -> false);
        assertTrue(s.optimal(), s.status().name());
        assertEquals(55, s.sinr(), 55e-6);
        assertTrue(quad(s.w(), E2) >= 0.45 * (1 - 1e-7), "tr(Q W) >= kappa: " + quad(s.w(), E2));
        double eve = 50 * quad(s.w(), G);
        assertTrue(eve <= 0.5 * (1 + 1e-6), "eavesdropper SNR " + eve);
        assertEquals(log2(1 + s.sinr()) - log2(1 + eve), s.secrecy(), 1e-9);
    }

    @Test
    void anEavesdropperThatReceivesNothingInTheSubspaceIsLeftOut() {
        // an eavesdropper with SNR 0 (its channel outside the subspace) adds no row (its row would divide by 0)
        SecrecySdp.Solution with = SecrecySdp.solve(noAn(0.3, List.<double[][]>of(G, vec(0, 0, 0, 0)), new double[] {50, 0}), 0.5,
                false, () -> false);
        double w11 = (1 + Math.sqrt(1 - 4 * 0.49 * 0.49)) / 2;
        assertTrue(with.optimal(), with.status().name());
        assertEquals(100 * w11, with.sinr(), 1e-6 * 100 * w11);
        SecrecySdp.Solution an = SecrecySdp.solve(reduced(E1, 100, List.<double[][]>of(G, vec(0, 0, 0, 0)), new double[] {50, 0},
                List.<double[][][]>of(gram(new double[] {1}, E2)), 0.3), 0.5, true, () -> false);
        SecrecySdp.Solution anAlone = SecrecySdp.solve(reduced(E1, 100, List.<double[][]>of(G), new double[] {50},
                List.<double[][][]>of(gram(new double[] {1}, E2)), 0.3), 0.5, true, () -> false);
        assertTrue(an.optimal() && anAlone.optimal());
        assertEquals(anAlone.sinr(), an.sinr(), 1e-7 * anAlone.sinr());
    }

    /**
     * With AN, sensing at the user (Q = e1 e1^H, kappa = 0.9) and an eavesdropper g = (e1 + e2)/sqrt 2:
     * the information beam must stay almost orthogonal to g, so most of the 0.9 on e1 is AN, which
     * the user hears (SNR_u y^H V y + t = 1 with t well below 1).
     */
    @Test
    void theCharnesCooperSolutionIsDividedByT() {
        double gamma = 0.1;
        SecrecySensingProblem.Reduced r = reduced(E1, 10, List.<double[][]>of(G), new double[] {10},
                List.<double[][][]>of(gram(new double[] {1}, E1)), 0.9);
        SecrecySdp.Solution s = SecrecySdp.solve(r, gamma, true, () -> false);
        assertTrue(s.optimal(), s.status().name());
        double[][][] w = s.w();
        double[][][] v = s.v();
        assertTrue(quad(v, E1) > 0.5, "AN on the user: " + quad(v, E1));
        // (W, V) = (W', V') / t in units of P: power, sensing and eavesdropper constraints in those units
        assertTrue(trace(w) + trace(v) <= 1 + 1e-6, "power " + (trace(w) + trace(v)));
        assertTrue(quad(w, E1) + quad(v, E1) >= 0.9 * (1 - 1e-6), "sensing");
        double eve = 10 * quad(w, G) / (10 * quad(v, G) + 1);
        assertEquals(gamma, eve, 1e-6 * gamma, "the eavesdropper row (39) is active at the optimum");
        // the user's SINR of (W, V) is the optimal value f = SNR_u y^H W' y = -SNR_u x (the primal objective)
        double sinr = 10 * quad(w, E1) / (10 * quad(v, E1) + 1);
        assertEquals(sinr, s.sinr(), 1e-12 * sinr);
        assertEquals(-10 * s.cone().primalObjective(), s.sinr(), 1e-6 * s.sinr());
        assertEquals(log2(1 + sinr) - log2(1 + eve), s.secrecy(), 1e-9);
    }

    @Test
    void anUnconvergedIterateIsUsedOnlyWithASmallPrimalResidual() {
        SecrecySensingProblem.Reduced r = noAn(0.3, List.<double[][]>of(G), new double[] {50});
        SecrecySdp.Solution early = SecrecySdp.solve(r, 0.5, false, SecrecySdp.OPTIONS.withMaxIterations(1),
                () -> false);
        assertEquals(ConeStatus.ITERATION_LIMIT, early.status());
        assertTrue(early.cone().primalResidual() > SecrecySdp.USABLE_RESIDUAL, "residual "
                + early.cone().primalResidual());
        assertFalse(early.usable());
        assertFalse(early.optimal());
        assertNull(early.w());
        assertTrue(Double.isNaN(early.sinr()) && Double.isNaN(early.secrecy()));
        // the first iteration limit whose last iterate is primal feasible to 1e-6: used, not proven optimal
        boolean found = false;
        for (int k = 2; k < 60 && !found; k++) {
            SecrecySdp.Solution s = SecrecySdp.solve(r, 0.5, false, SecrecySdp.OPTIONS.withMaxIterations(k),
                    () -> false);
            if (s.status() == ConeStatus.ITERATION_LIMIT) {
                boolean small = s.cone().primalResidual() <= SecrecySdp.USABLE_RESIDUAL;
                assertEquals(small, s.usable(), k + " iterations, residual " + s.cone().primalResidual());
                if (small) {
                    found = true;
                    assertFalse(s.optimal());
                    assertEquals(100 * quad(s.w(), E1), s.sinr(), 1e-12 * s.sinr());
                    assertTrue(Double.isFinite(s.secrecy()));
                }
            } else {
                assertEquals(ConeStatus.OPTIMAL, s.status(), k + " iterations");
                break;
            }
        }
        assertTrue(found, "no unconverged iterate below the residual limit before convergence");
    }

    // --- the search and the fixed gamma ------------------------------------------------------------------

    private record Report(int iteration, double objective, String message) {
    }

    private static DesignContext recording(List<Report> reports, java.util.function.BooleanSupplier cancelled) {
        return new DesignContext(cancelled, (i, obj, msg) -> reports.add(new Report(i, obj, msg)), null);
    }

    @Test
    void theSearchReportsEverySolveAndKeepsTheBestGamma() {
        SecrecySensingProblem.Reduced r = noAn(0.3, List.<double[][]>of(G), new double[] {50});
        List<Report> reports = new ArrayList<>();
        SecrecySearch.Outcome o = SecrecySearch.run(r, false, recording(reports, () -> false), "lbl");
        assertFalse(o.cancelled());
        assertNull(o.lastFailure());
        assertEquals(reports.size(), o.solves());
        assertTrue(o.solves() > 3, o.solves() + " solves");
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < reports.size(); i++) {
            Report rep = reports.get(i);
            assertEquals(i + 1, rep.iteration());
            assertTrue(rep.message().startsWith("lbl: SDP " + (i + 1) + ", gamma = "), rep.message());
            assertTrue(rep.message().contains(", f = ") && rep.message().endsWith(" bit/s/Hz"), rep.message());
            // the secrecy of this solve, re-derived from the reported gamma (the eavesdropper row is active)
            double gamma = Double.parseDouble(rep.message().replaceAll(".*gamma = ([^,]*),.*", "$1"));
            double s = Double.parseDouble(rep.message().replaceAll(".*, s = ([^ ]*) bit/s/Hz", "$1"));
            best = Math.max(best, s);
            assertEquals(Math.max(0, best), rep.objective(), 1e-5 * Math.max(1, best), rep.message());
            assertTrue(gamma > 0);
        }
        assertEquals(best, o.secrecy(), 1e-5 * Math.abs(best));
        assertTrue(o.solution().optimal());
        assertEquals(o.secrecy(), o.solution().secrecy(), 0.0);
        assertEquals(log2((1 + o.solution().sinr()) / (1 + o.gamma())), o.secrecy(), 1e-6);
        // the best secrecy over gamma, by a scan of the closed form W11(gamma) = (1 + sqrt(1 - (1 - gamma /
        // 25)^2))/2 while the sensing row (W22 >= 0.3) is slack
        double scan = Double.NEGATIVE_INFINITY;
        for (double lg = -9; lg <= 2; lg += 1e-4) {
            double g = Math.pow(10, lg);
            double c = 1 - g / 25;
            if (c <= 0) {
                break;
            }
            double w11 = (1 + Math.sqrt(1 - c * c)) / 2;
            if (1 - w11 < 0.3) {
                continue;
            }
            scan = Math.max(scan, log2((1 + 100 * w11) / (1 + g)));
        }
        assertEquals(scan, o.secrecy(), 1e-4, "the best gamma's secrecy against a fine scan");
    }

    @Test
    void aSearchCancelledBeforeItStartsSolvesNothing() {
        List<Report> reports = new ArrayList<>();
        SecrecySearch.Outcome o = SecrecySearch.run(noAn(0.3, List.<double[][]>of(G), new double[] {50}), false,
                recording(reports, () -> true), "lbl");
        assertTrue(o.cancelled());
        assertEquals(0, o.solves());
        assertNull(o.solution());
        assertTrue(Double.isNaN(o.gamma()));
        assertTrue(reports.isEmpty());
    }

    @Test
    void theFixedGammaSolvesOnceAndReportsIt() {
        SecrecySensingProblem.Reduced r = noAn(0.3, List.<double[][]>of(G), new double[] {50});
        List<Report> reports = new ArrayList<>();
        SecrecySearch.Outcome o = SecrecySearch.at(r, 0.5, false, recording(reports, () -> false), "lbl");
        double f = 100 * (1 + Math.sqrt(1 - 4 * 0.49 * 0.49)) / 2;
        assertEquals(1, o.solves());
        assertFalse(o.cancelled());
        assertNull(o.lastFailure());
        assertEquals(0.5, o.gamma());
        assertEquals(f, o.solution().sinr(), 1e-6 * f);
        assertEquals(log2((1 + f) / 1.5), o.secrecy(), 1e-6);
        assertEquals(1, reports.size());
        assertEquals(1, reports.get(0).iteration());
        assertEquals(o.secrecy(), reports.get(0).objective(), 1e-12);
        assertEquals(String.format("lbl: SDP at the fixed gamma = %.6g, f = %.6g", 0.5, o.solution().sinr()),
                reports.get(0).message());

    }

    @Test
    void aCancelledFixedGammaSolveIsNotUsed() {
        List<Report> reports = new ArrayList<>();
        SecrecySearch.Outcome o = SecrecySearch.at(noAn(0.3, List.<double[][]>of(G), new double[] {50}), 0.5, false,
                recording(reports, () -> true), "lbl");
        assertTrue(o.cancelled());
        assertNull(o.solution());
        assertEquals(ConeStatus.CANCELLED, o.lastFailure());
        assertEquals(Double.NEGATIVE_INFINITY, o.secrecy());
        assertEquals(1, reports.size());
        assertTrue(Double.isNaN(reports.get(0).objective()));
        assertEquals("lbl: SDP at the fixed gamma = 0.500000, cancelled", reports.get(0).message());
    }
}
