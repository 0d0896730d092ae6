package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.model.AnglePrior;
import io.fresnel.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paper 001's posterior CRBs (eqs. (21), (23), (24)) against a reference computed here from the
 * definitions alone: the responses v_n(p) = A_n exp(-j k |p - t_n|) written out, the angle
 * derivatives of M(theta) P = a(theta) w(theta)^T by a fourth-order central difference, the
 * matrices dM P and M P formed entry by entry, the mixture density and its derivative in closed
 * form, and the expectations by composite Simpson's rule on a uniform grid much finer than the
 * beam pattern (no Gauss-Legendre panels, no identity for ||dM P||_F^2, no log-sum-exp).
 */
class PriorBoundsReferenceTest {
    private static final int SIMPSON_INTERVALS = 6000;
    private static final double FD_STEP = 1e-4;

    /** A near-field bistatic set-up: 6-element Tx ULA, 5-element Rx ULA 0.3 m below, exact spherical waves. */
    private static Scenario scenario(String angles, String probabilities, double sigma, double range,
            String amplitude, double noiseW, String columns) {
        return TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "exact", "amplitude": "%s"},
             "tx_array": {"ula": {"elements": 6, "spacing_m": 0.0428, "axis": "y", "center_m": [0, 0, 0]}},
             "rx_array": {"ula": {"elements": 5, "spacing_m": 0.0428, "axis": "y", "center_m": [0, -0.3, 0]}},
             "sensing": {"snapshots": 16, "noise_w": %s},
             "targets": [{"id": "t", "position_m": [2, 0.5, 0], "reflection": [0.02, -0.01],
                          "prior": {"angles_rad": [%s], "probabilities": [%s], "sigma_rad": %s, "range_m": %s}}],
             "precoder": {"streams": [{"role": "sensing"}, {"role": "sensing"}], "columns": %s}}
            """.formatted(amplitude, noiseW, angles, probabilities, sigma, range, columns));
    }

    private static final String COLUMNS = """
        [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05], [0.1, 0.1], [-0.2, 0.15]],
         [[0.1, -0.3], [0.05, 0.2], [0.3, 0.1], [-0.2, -0.1], [0.15, 0.0], [0.1, -0.25]]]""";

    private static Scenario scenario(String angles, String probabilities, double sigma, double range,
            String amplitude, double noiseW) {
        return scenario(angles, probabilities, sigma, range, amplitude, noiseW, COLUMNS);
    }

    /** The three bounds from the definitions. */
    private static double[] reference(Scenario sc) {
        AnglePrior prior = sc.targets().get(0).prior();
        double lambda = sc.wavelengthM();
        double k = 2 * Math.PI / lambda;
        boolean spherical = sc.propagation().amplitude().key().equals("spherical");
        List<Vec3> tx = sc.txArray().positions();
        List<Vec3> rx = sc.receiveArray().positions();
        Vec3 o = sc.referencePoint();
        ComplexMatrix p = sc.precoder().effective();
        double r0 = prior.rangeM();
        double sigma = prior.sigmaRad();
        double beta2 = sc.targets().get(0).reflection().abs2();
        double c = 2.0 * sc.sensing().snapshots() * beta2 / sc.sensing().noiseW();

        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double a : prior.anglesRad()) {
            lo = Math.min(lo, a - 12 * sigma);
            hi = Math.max(hi, a + 12 * sigma);
        }
        double h = (hi - lo) / SIMPSON_INTERVALS;
        double g1 = 0;
        double g2 = 0;
        double g3r = 0;
        double g3i = 0;
        double g4 = 0;
        double jp = 0;
        for (int i = 0; i <= SIMPSON_INTERVALS; i++) {
            double th = lo + i * h;
            double sw = (i == 0 || i == SIMPSON_INTERVALS) ? 1 : (i % 2 == 1 ? 4 : 2);
            double wq = sw * h / 3;
            double dens = 0;
            double ddens = 0;
            for (int j = 0; j < prior.anglesRad().size(); j++) {
                double z = (th - prior.anglesRad().get(j)) / sigma;
                double nj = prior.probabilities().get(j) * Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * sigma);
                dens += nj;
                ddens += -nj * z / sigma;
            }
            if (dens == 0) {
                continue;
            }
            double[][] a = response(rx, o, r0, th, k, lambda, spherical);
            double[][] w = precoded(p, response(tx, o, r0, th, k, lambda, spherical));
            double[][] da = derivative(rx, o, r0, th, k, lambda, spherical, null);
            double[][] dw = derivative(tx, o, r0, th, k, lambda, spherical, p);
            double a2 = 0;
            double w2 = 0;
            double da2 = 0;
            double ahdaR = 0;
            double ahdaI = 0;
            for (int m = 0; m < a[0].length; m++) {
                a2 += a[0][m] * a[0][m] + a[1][m] * a[1][m];
                da2 += da[0][m] * da[0][m] + da[1][m] * da[1][m];
                ahdaR += a[0][m] * da[0][m] + a[1][m] * da[1][m];
                ahdaI += a[0][m] * da[1][m] - a[1][m] * da[0][m];
            }
            for (int s = 0; s < w[0].length; s++) {
                w2 += w[0][s] * w[0][s] + w[1][s] * w[1][s];
            }
            double dm2 = 0;
            double innerR = 0;
            double innerI = 0;
            for (int m = 0; m < a[0].length; m++) {
                for (int s = 0; s < w[0].length; s++) {
                    // (M P)_{ms} = a_m w_s and (dM P)_{ms} = da_m w_s + a_m dw_s
                    double mr = a[0][m] * w[0][s] - a[1][m] * w[1][s];
                    double mi = a[0][m] * w[1][s] + a[1][m] * w[0][s];
                    double dr = da[0][m] * w[0][s] - da[1][m] * w[1][s] + a[0][m] * dw[0][s] - a[1][m] * dw[1][s];
                    double di = da[0][m] * w[1][s] + da[1][m] * w[0][s] + a[0][m] * dw[1][s] + a[1][m] * dw[0][s];
                    dm2 += dr * dr + di * di;
                    innerR += dr * mr + di * mi;
                    innerI += dr * mi - di * mr;
                }
            }
            double rho = da2 - (ahdaR * ahdaR + ahdaI * ahdaI) / a2;
            g1 += wq * dens * a2 * w2;
            g2 += wq * dens * dm2;
            g3r += wq * dens * innerR;
            g3i += wq * dens * innerI;
            g4 += wq * dens * rho * w2;
            jp += wq * ddens * ddens / dens;
        }
        double pcrb = 1 / (c * (g2 - (g3r * g3r + g3i * g3i) / g1) + jp);
        double upper = 1 / (c * g4 + jp);
        double sum = 0;
        for (int j = 0; j < prior.anglesRad().size(); j++) {
            double th = prior.anglesRad().get(j);
            double[][] a = response(rx, o, r0, th, k, lambda, spherical);
            double[][] da = derivative(rx, o, r0, th, k, lambda, spherical, null);
            double[][] w = precoded(p, response(tx, o, r0, th, k, lambda, spherical));
            double a2 = 0;
            double da2 = 0;
            double ahdaR = 0;
            double ahdaI = 0;
            for (int m = 0; m < a[0].length; m++) {
                a2 += a[0][m] * a[0][m] + a[1][m] * a[1][m];
                da2 += da[0][m] * da[0][m] + da[1][m] * da[1][m];
                ahdaR += a[0][m] * da[0][m] + a[1][m] * da[1][m];
                ahdaI += a[0][m] * da[1][m] - a[1][m] * da[0][m];
            }
            double w2 = 0;
            for (int s = 0; s < w[0].length; s++) {
                w2 += w[0][s] * w[0][s] + w[1][s] * w[1][s];
            }
            sum += prior.probabilities().get(j) * (da2 - (ahdaR * ahdaR + ahdaI * ahdaI) / a2) * w2;
        }
        double approx = 1 / (c * sum + 1 / (sigma * sigma));
        return new double[] {pcrb, upper, approx};
    }

    /** v_n(o + r0 (cos th, sin th, 0)) = A_n exp(-j k |p - t_n|), as {re, im}. */
    private static double[][] response(List<Vec3> elements, Vec3 o, double r0, double th, double k, double lambda,
            boolean spherical) {
        Vec3 pt = new Vec3(o.x() + r0 * Math.cos(th), o.y() + r0 * Math.sin(th), o.z());
        double[][] v = new double[2][elements.size()];
        for (int n = 0; n < elements.size(); n++) {
            double d = pt.distance(elements.get(n));
            double amp = spherical ? lambda / (4 * Math.PI * d) : 1;
            v[0][n] = amp * Math.cos(k * d);
            v[1][n] = -amp * Math.sin(k * d);
        }
        return v;
    }

    /** w = P^T v (no conjugate), as {re, im}. */
    private static double[][] precoded(ComplexMatrix p, double[][] v) {
        double[][] w = new double[2][p.cols()];
        for (int s = 0; s < p.cols(); s++) {
            for (int n = 0; n < p.rows(); n++) {
                w[0][s] += p.re(n, s) * v[0][n] - p.im(n, s) * v[1][n];
                w[1][s] += p.re(n, s) * v[1][n] + p.im(n, s) * v[0][n];
            }
        }
        return w;
    }

    /** d/dtheta of v (p null) or of P^T v, by the fourth-order central difference. */
    private static double[][] derivative(List<Vec3> elements, Vec3 o, double r0, double th, double k, double lambda,
            boolean spherical, ComplexMatrix p) {
        double[] coef = {1.0 / 12, -8.0 / 12, 8.0 / 12, -1.0 / 12};
        double[] offs = {-2, -1, 1, 2};
        double[][] out = null;
        for (int i = 0; i < 4; i++) {
            double[][] v = response(elements, o, r0, th + offs[i] * FD_STEP, k, lambda, spherical);
            if (p != null) {
                v = precoded(p, v);
            }
            if (out == null) {
                out = new double[2][v[0].length];
            }
            for (int n = 0; n < v[0].length; n++) {
                out[0][n] += coef[i] * v[0][n] / FD_STEP;
                out[1][n] += coef[i] * v[1][n] / FD_STEP;
            }
        }
        return out;
    }

    private static void check(Scenario sc) {
        double[] ref = reference(sc);
        TargetMetrics t = MetricsEvaluator.evaluate(sc).targets().get(0);
        assertEquals(ref[0], t.pcrbRad2(), 1e-7 * ref[0], "pcrb (21)");
        assertEquals(ref[1], t.pcrbUpperRad2(), 1e-7 * ref[1], "upper bound (23)");
        assertEquals(ref[2], t.pcrbUpperApproxRad2(), 1e-9 * ref[2], "approximation (24)");
    }

    @Test
    void overlappingMixtureWithSphericalAmplitudesMatchesTheReference() {
        // two components 1.5 sigma apart (the score is far from a single Gaussian's), one unused; the
        // noise is low enough that the echo's information (where the spherical amplitudes make
        // Re(a^H da) nonzero) outweighs the prior's
        Scenario sc = scenario("0.25, 0.28, -0.4", "0.35, 0.65, 0", 0.02, 2.0, "spherical", 1e-17);
        double[] ref = reference(sc);
        assertTrue(1 / ref[0] > 10 / (0.02 * 0.02), "the data dominate: " + ref[0]);
        check(sc);
    }

    @Test
    void separatedComponentsWithUnitAmplitudesMatchTheReference() {
        check(scenario("-0.3, 0.1, 0.45", "0.5, 0.2, 0.3", 0.01, 1.5, "unit", 1e-6));
    }

    @Test
    void aWidePriorCoveringSeveralBeamLobesMatchesTheReference() {
        check(scenario("0.2", "1", 0.15, 3.0, "unit", 1e-6));
    }

    @Test
    void withoutAnyEchoTheBoundsAreThePriorsAlone() {
        // an all-zero precoder: g1 = 0, the gain cannot be estimated and every bound is 1 / J_P = sigma^2
        String zero = "[[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]], [[0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]]";
        TargetMetrics t = MetricsEvaluator.evaluate(scenario("0.3", "1", 0.02, 2.0, "unit", 1e-6, zero)).targets()
                .get(0);
        assertEquals(0.02 * 0.02, t.pcrbRad2(), 1e-9 * 0.02 * 0.02);
        assertEquals(0.02 * 0.02, t.pcrbUpperRad2(), 1e-9 * 0.02 * 0.02);
        assertEquals(0.02 * 0.02, t.pcrbUpperApproxRad2(), 1e-12 * 0.02 * 0.02);
    }
}
