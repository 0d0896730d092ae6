package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The beam cuts' sample grids, their centre at a reference point away from the origin, the
 * 1 nm exclusion around an element and the covariance spectrum against invariants of P^H P.
 */
class BeamCutsGridTest {
    /**
     * A 3-element Tx ULA along y about (1, 2, 0) with the reference point (1.3, 2.2, 0) off its axis, so
     * that no mirror symmetry of the array maps a cut's points onto those of a wrongly centred cut.
     */
    private static Scenario offset() {
        return TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3e9,
             "propagation": {"phase": "exact", "amplitude": "spherical", "reference_m": [1.3, 2.2, 0]},
             "tx_array": {"ula": {"elements": 3, "spacing_m": 0.05, "axis": "y", "center_m": [1, 2, 0]}},
             "precoder": {"streams": [{"role": "sensing"}, {"role": "sensing"}],
               "columns": [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3]], [[0.1, -0.3], [0.05, 0.2], [0.3, 0.1]]]}}
            """);
    }

    /** B(p) = sum_s |v(p)^T p_s|^2 written out: v_n = lambda / (4 pi d_n) exp(-j k d_n). */
    private static double pattern(Scenario s, Vec3 p) {
        double lambda = s.wavelengthM();
        double k = 2 * Math.PI / lambda;
        List<Vec3> tx = s.txArray().positions();
        ComplexMatrix m = s.precoder().effective();
        double sum = 0;
        for (int c = 0; c < m.cols(); c++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < tx.size(); n++) {
                double d = p.distance(tx.get(n));
                double a = lambda / (4 * Math.PI * d);
                double vr = a * Math.cos(k * d);
                double vi = -a * Math.sin(k * d);
                re += vr * m.re(n, c) - vi * m.im(n, c);
                im += vr * m.im(n, c) + vi * m.re(n, c);
            }
            sum += re * re + im * im;
        }
        return sum;
    }

    @Test
    void theAngleCutSamplesMinusToPlusHalfPiEvenlyAboutTheReferencePoint() {
        Scenario s = offset();
        BeamCuts.Curve c = BeamCuts.versusAngle(s, 2.5, 5, () -> false);
        double[] expected = {-Math.PI / 2, -Math.PI / 4, 0, Math.PI / 4, Math.PI / 2};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], c.x()[i], 1e-15);
            Vec3 p = new Vec3(1.3 + 2.5 * Math.cos(expected[i]), 2.2 + 2.5 * Math.sin(expected[i]), 0);
            double b = pattern(s, p);
            assertEquals(b, c.y()[i], 1e-9 * b);
        }
    }

    @Test
    void theRangeCutIsGeometricFromR0ToR1AboutTheReferencePoint() {
        Scenario s = offset();
        double th = 0.4;
        BeamCuts.Curve c = BeamCuts.versusRange(s, th, 0.5, 8, 5, () -> false);
        double[] expected = {0.5, 1, 2, 4, 8};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], c.x()[i], 1e-12 * expected[i]);
            Vec3 p = new Vec3(1.3 + expected[i] * Math.cos(th), 2.2 + expected[i] * Math.sin(th), 0);
            double b = pattern(s, p);
            assertEquals(b, c.y()[i], 1e-9 * b);
        }
    }

    @Test
    void aRangeCutIsUndefinedCloserThanOneNanometreToAnElementAndDefinedAtExactlyOne() {
        // the reference point is the middle element, exactly at the origin; along theta = 0 the first
        // sample (r0, 0, 0) is exactly r0 from it
        Scenario s = TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3e9,
             "propagation": {"phase": "exact", "amplitude": "spherical", "reference_m": [0, 0, 0]},
             "tx_array": {"ula": {"elements": 3, "spacing_m": 0.05, "axis": "y", "center_m": [0, 0, 0]}},
             "precoder": {"streams": [{"role": "sensing"}], "columns": [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3]]]}}
            """);
        assertTrue(Double.isNaN(BeamCuts.versusRange(s, 0, 5e-10, 1, 3, () -> false).y()[0]));
        double[] y = BeamCuts.versusRange(s, 0, Scenario.MIN_ELEMENT_DISTANCE_M, 1, 3, () -> false).y();
        assertFalse(Double.isNaN(y[0]));
        assertTrue(y[0] > 0);
    }

    @Test
    void cancellationStopsARangeCut() {
        Scenario s = offset();
        assertThrows(CancellationException.class, () -> BeamCuts.versusRange(s, 0, 1, 2, 10, () -> true));
    }

    @Test
    void theSpectrumHasTheTraceAndFrobeniusNormOfTheComplexGram() {
        Scenario s = offset();
        ComplexMatrix p = s.precoder().effective();
        int k = p.cols();
        double trace = 0;
        double frob2 = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                // (P^H P)_ab = sum_i conj(P_ia) P_ib
                double re = 0;
                double im = 0;
                for (int i = 0; i < p.rows(); i++) {
                    re += p.re(i, a) * p.re(i, b) + p.im(i, a) * p.im(i, b);
                    im += p.re(i, a) * p.im(i, b) - p.im(i, a) * p.re(i, b);
                }
                frob2 += re * re + im * im;
                if (a == b) {
                    trace += re;
                }
            }
        }
        double[] eig = BeamCuts.covarianceEigenvalues(s);
        assertEquals(k, eig.length);
        double sum = 0;
        double sum2 = 0;
        for (double e : eig) {
            sum += e;
            sum2 += e * e;
        }
        assertEquals(trace, sum, 1e-12 * trace);
        // the eigenvalues' squares sum to ||P^H P||_F^2, which depends on the off-diagonal's imaginary part
        assertEquals(frob2, sum2, 1e-12 * frob2);
    }
}
