package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.ProgressListener;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code matrix-approx-hybrid} against its Javadoc by hand, on the fully digital precoder P of
 * {@code sumrate-max-digital} (run separately in the test): the written F_D is F_A^H P / M scaled
 * to the power budget; each phase is the least-squares one for that F_D (f_n = exp(j arg sum_s
 * P_ns conj(F_D,rs)), up to the last round's change); the last reported residual is
 * ||P - F_A F_A^H P / M||_F^2 by hand; the rounds stop at the first change below 1e-9 (relative);
 * the note names the SPEB and says whether it exceeds speb_max_m2; the digital design's failures
 * are passed on.
 */
class MatrixApproxByHandTest {
    private static final Scenario BASE = SpebScenes.scene(8, 2, 2, 0, 7);

    @Test
    void theApproximationIsTheLeastSquaresFixedPointOfTheDigitalPrecoder() throws Exception {
        double minSpeb = Designs.byName("speb-min-digital").run(BASE, DesignContext.none()).objective();
        double bound = 1.2 * minSpeb;
        Scenario sc = BASE.withSolver(new SolverSpec("matrix-approx-hybrid", Map.of("speb_max_m2", bound, "tolerance", 1e-2)));
        List<Double> residuals = new ArrayList<>();
        List<Integer> rounds = new ArrayList<>();
        DesignResult r = Designs.byName("matrix-approx-hybrid").run(sc, new DesignContext(() -> false,
                new ProgressListener() {
                    @Override
                    public void onIteration(int iteration, double objective, String message) {
                        rounds.add(iteration);
                        residuals.add(objective);
                    }
                }, null));
        assertEquals(DesignStatus.CONVERGED, r.status(), r.message());
        Precoder digital = Designs.byName("sumrate-max-digital").run(sc.withSolver(new SolverSpec(
                "sumrate-max-digital", Map.of("speb_max_m2", bound, "tolerance", 1e-2))), DesignContext.none()).precoder();
        ComplexMatrix p = digital.effective();
        ComplexMatrix fa = r.precoder().analog();
        ComplexMatrix fd = r.precoder().digital();
        int n = 8;
        int m = 4;
        int s = p.cols();
        SpebChecks.assertPartiallyConnected(fa, 2);
        // F_D = F_A^H P / M, scaled to the power
        double[][] yr = new double[2][s];
        double[][] yi = new double[2][s];
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < s; j++) {
                for (int k = c * m; k < (c + 1) * m; k++) {
                    yr[c][j] += (fa.re(k, c) * p.re(k, j) + fa.im(k, c) * p.im(k, j)) / m;
                    yi[c][j] += (fa.re(k, c) * p.im(k, j) - fa.im(k, c) * p.re(k, j)) / m;
                }
            }
        }
        double approx = 0;
        double residual = 0;
        for (int k = 0; k < n; k++) {
            int c = k / m;
            for (int j = 0; j < s; j++) {
                double ar = fa.re(k, c) * yr[c][j] - fa.im(k, c) * yi[c][j];
                double ai = fa.re(k, c) * yi[c][j] + fa.im(k, c) * yr[c][j];
                approx += ar * ar + ai * ai;
                residual += (p.re(k, j) - ar) * (p.re(k, j) - ar) + (p.im(k, j) - ai) * (p.im(k, j) - ai);
            }
        }
        double scale = Math.sqrt(sc.transmitPowerW() / approx);
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < s; j++) {
                assertEquals(scale * yr[c][j], fd.re(c, j), 1e-9 * scale, "F_D re " + c + "," + j);
                assertEquals(scale * yi[c][j], fd.im(c, j), 1e-9 * scale, "F_D im " + c + "," + j);
            }
        }
        Metrics metrics = MetricsEvaluator.evaluate(sc.withPrecoder(r.precoder()));
        assertEquals(sc.transmitPowerW(), metrics.system().transmitPowerW(), 1e-9);
        // the last residual is this F_A's, and smaller than the zero-phase start's by the rounds
        assertEquals(residual, residuals.get(residuals.size() - 1), 1e-9 * residual);
        assertTrue(residual < p.frobeniusNorm2(), "no better than F_D = 0");
        // each phase is the least-squares phase for F_D: f_n conj(sum_s P_ns conj(F_D,rs)) real positive
        for (int k = 0; k < n; k++) {
            int c = k / m;
            double zr = 0;
            double zi = 0;
            for (int j = 0; j < s; j++) {
                zr += p.re(k, j) * yr[c][j] + p.im(k, j) * yi[c][j];
                zi += p.im(k, j) * yr[c][j] - p.re(k, j) * yi[c][j];
            }
            double angle = Math.atan2(fa.im(k, c), fa.re(k, c)) - Math.atan2(zi, zr);
            assertEquals(0, Math.IEEEremainder(angle, 2 * Math.PI), 1e-3, "phase of antenna " + k);
            
        }
        // rounds: numbered from 1, iterations = rounds, stopped at the first change below 1e-9 (relative)
        assertEquals(rounds.size(), r.iterations());
        for (int i = 0; i < rounds.size(); i++) {
            assertEquals(i + 1, rounds.get(i));
        }
        int last = residuals.size() - 1;
        assertTrue(last >= 1, "a single round cannot show convergence");
        assertTrue(residuals.get(last - 1) - residuals.get(last) <= 1e-9 * residuals.get(last - 1));
        for (int i = 1; i < last; i++) {
            assertTrue(residuals.get(i - 1) - residuals.get(i) > 1e-9 * residuals.get(i - 1), "stopped late at " + i);
        }
        // the note: the SPEB, and whether it exceeds the bound (here it does not)
        double speb = metrics.system().crbPositionSumM2();
        assertTrue(r.message().startsWith("SPEB " + speb + " m^2"), r.message());
        assertEquals(speb > bound, r.message().contains("exceeds speb_max_m2 = " + bound + " m^2"), r.message());
        assertEquals(metrics.system().sumRateBpsHz(), r.objective(), 0);
    }

    @Test
    void theDigitalDesignsFailuresArePassedOn() throws Exception {
        double minSpeb = Designs.byName("speb-min-digital").run(BASE, DesignContext.none()).objective();
        Scenario tight = BASE.withSolver(new SolverSpec("matrix-approx-hybrid", Map.of("speb_max_m2", 0.5 * minSpeb)));
        DesignResult r = Designs.byName("matrix-approx-hybrid").run(tight, DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, r.status());
        assertNull(r.precoder());
        assertTrue(r.message().startsWith("sumrate-max-digital: solver.speb_max_m2 = "), r.message());
        Scenario noTarget = ScenarioEdits.remove(BASE, "t1").withSolver(new SolverSpec("matrix-approx-hybrid",
                Map.of("speb_max_m2", minSpeb)));
        DesignException e = assertThrows(DesignException.class,
                () -> Designs.byName("matrix-approx-hybrid").run(noTarget, DesignContext.none()));
        assertTrue(e.getMessage().startsWith("matrix-approx-hybrid: its fully digital design rejected the scenario: "
                + "sumrate-max-digital: targets: "), e.getMessage());
    }

    /** A bound the digital design meets with little slack: the approximation exceeds it and says so. */
    @Test
    void anExceededBoundIsNamedInTheNote() throws Exception {
        double minSpeb = Designs.byName("speb-min-digital").run(BASE, DesignContext.none()).objective();
        double bound = 1.02 * minSpeb;
        Scenario sc = BASE.withSolver(new SolverSpec("matrix-approx-hybrid", Map.of("speb_max_m2", bound, "tolerance",
                1e-2)));
        DesignResult r = Designs.byName("matrix-approx-hybrid").run(sc, DesignContext.none());
        double speb = MetricsEvaluator.evaluate(sc.withPrecoder(r.precoder())).system().crbPositionSumM2();
        assertTrue(speb > bound, "the approximation meets the bound: " + speb + " <= " + bound);
        assertEquals("SPEB " + speb + " m^2 exceeds speb_max_m2 = " + bound + " m^2 (the matrix approximation does not"
                + " enforce it)", r.message());
    }
}
