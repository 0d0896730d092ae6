package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.math.SymmetricMatrices;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The digital block of Algorithm 2 (paper 003 Sec. V-A, V-C; ERRATA 003 items 3-4) by hand, at
 * P = 4 W (a power of 1 W would hide a P multiplied where it should divide): the start's power
 * split and maximum-ratio beams, the columns-to-point round trip, the bound check, one FP step
 * ((43) gamma_k = SINR_k, (44) mu_k = sqrt(1 + gamma_k) a_kk / (sigma_k^2 + sum_j |a_kj|^2) with
 * every column, the sensing ones included, counted in the sum) against the SCA program solved by
 * the test with those parameters, the stopping rule, and the SPEB bound of the SCA program
 * (the SPEB of the FIM of the linearised covariance, computed here from the FIM's linearity).
 */
class FpScaBlockByHandTest {
    private static final double P = 4;
    private static final Scenario SC = ScenarioEdits.withTransmitPower(SpebScenes.scene(16, 0, 2, 0, 7), P);

    private record Setup(ScenarioPhysics physics, SpebEvaluator ev, SdrModel model, SpebSdrStep.Outcome min) {
    }

    private static Setup setup() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        SdrModel model = SdrModel.of(ph, SdrModel.Span.CRB);
        SpebSdrStep.Outcome min = SpebSdrStep.solve(model, ev, P, new double[2], () -> false);
        assertTrue(min.feasible(), min.note());
        return new Setup(ph, ev, model, min);
    }

    private static double power(List<double[][]> cols) {
        double s = 0;
        for (double[][] c : cols) {
            for (int i = 0; i < c[0].length; i++) {
                s += c[0][i] * c[0][i] + c[1][i] * c[1][i];
            }
        }
        return s;
    }

    private static Metrics metrics(List<double[][]> cols) {
        Precoder p = new Precoder(SumRateDesign.streams(SC, cols.size()), ZMatrices.ofColumns(cols), null, null, null);
        return MetricsEvaluator.evaluate(SC.withPrecoder(p));
    }

    /** c^T p {re, im} written out. */
    private static double[] amp(double[][] c, double[][] p) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < p[0].length; i++) {
            re += c[0][i] * p[0][i] - c[1][i] * p[1][i];
            im += c[0][i] * p[1][i] + c[1][i] * p[0][i];
        }
        return new double[] {re, im};
    }

    @Test
    void theStartSplitsThePowerAndAimsMaximumRatioBeams() {
        Setup s = setup();
        double bound = 2 * s.min().speb();
        FpScaBlock block = new FpScaBlock(s.model(), s.ev(), P, bound);
        FpScaBlock.Iterate start = block.start(s.min().columns());
        List<double[][]> cols = start.columns();
        // eps = 1 - SPEB_min / Gamma = 1/2: each user's beam P eps / K = 1 W, the sensing part (1 - eps) P = 2 W
        for (int k = 0; k < 2; k++) {
            assertEquals(1.0, power(List.<double[][]>of(cols.get(k))), 1e-9, "user " + k + " beam power");
            // maximum ratio: |c_k^T p_k| = ||c_k|| ||p_k|| (Cauchy-Schwarz with equality)
            double[][] c = s.physics().channelRow(SC.users().get(k));
            double[] a = amp(c, cols.get(k));
            assertEquals(Math.sqrt(power(List.<double[][]>of(c))), Math.hypot(a[0], a[1]), 1e-9 * Math.sqrt(power(List.<double[][]>of(c))));
        }
        List<double[][]> sensing = cols.subList(2, cols.size());
        assertEquals(2.0, power(sensing), 1e-9, "sensing power");
        // the sensing part alone is half the SPEB-min covariance: SPEB 2 SPEB_min = Gamma (metric code)
        List<io.fresnel.model.Stream> roles = new ArrayList<>();
        for (int c = 0; c < sensing.size(); c++) {
            roles.add(new io.fresnel.model.Stream(io.fresnel.model.StreamRole.SENSING, null));
        }
        Metrics alone = MetricsEvaluator.evaluate(SC.withPrecoder(new Precoder(roles, ZMatrices.ofColumns(sensing),
                null, null, null)));
        assertEquals(bound, alone.targets().get(0).spebM2(), 1e-7 * bound);
        Metrics m = metrics(cols);
        assertEquals(P, m.system().transmitPowerW(), 1e-9);
        assertTrue(m.targets().get(0).spebM2() <= bound);
        assertEquals(m.system().sumRateBpsHz(), start.sumRate(), 1e-9 * start.sumRate());
        assertEquals(m.targets().get(0).spebM2(), start.speb(), 1e-9 * start.speb());
    }

    @Test
    void columnsGoBackToTheSamePoint() {
        Setup s = setup();
        FpScaBlock block = new FpScaBlock(s.model(), s.ev(), P, 2 * s.min().speb());
        FpScaBlock.Iterate start = block.start(s.min().columns());
        FpScaBlock.Iterate back = block.fromColumns(start.columns());
        for (int k = 0; k < 2; k++) {
            for (int part = 0; part < 2; part++) {
                for (int i = 0; i < s.model().d; i++) {
                    assertEquals(start.point().x()[k][part][i], back.point().x()[k][part][i], 1e-9,
                            "x_" + k + "[" + part + "][" + i + "]");
                }
            }
        }
        for (int part = 0; part < 2; part++) {
            for (int i = 0; i < s.model().d; i++) {
                for (int j = 0; j < s.model().d; j++) {
                    assertEquals(start.point().sensing()[part][i][j], back.point().sensing()[part][i][j], 1e-9);
                }
            }
        }
        assertEquals(start.sumRate(), back.sumRate(), 1e-9 * start.sumRate());
        assertEquals(start.speb(), back.speb(), 1e-9 * start.speb());
    }

    @Test
    void theBoundCheckAcceptsTheBoundItselfAndNothingClearlyAbove() {
        Setup s = setup();
        double bound = 2 * s.min().speb();
        FpScaBlock block = new FpScaBlock(s.model(), s.ev(), P, bound);
        assertTrue(block.meetsBound(new FpScaBlock.Iterate(null, List.of(), 1, bound)));
        assertTrue(block.meetsBound(new FpScaBlock.Iterate(null, List.of(), 1, 0.5 * bound)));
        assertFalse(block.meetsBound(new FpScaBlock.Iterate(null, List.of(), 1, 1.01 * bound)));
        FpScaBlock free = new FpScaBlock(s.model(), s.ev(), P, Double.POSITIVE_INFINITY);
        assertTrue(free.meetsBound(new FpScaBlock.Iterate(null, List.of(), 1, 1e300)));
    }

    @Test
    void thePowerCheckIsTheMetricCodesBudgetWithItsTolerance() {
        // withinPower judges ||P||_F^2 <= P (1 + ConstraintStatus.TOLERANCE), as the metric code judges
        // transmit_power_w: two columns of powers P a and P b (total P (a + b)), P = 4 W
        Setup s = setup();
        FpScaBlock block = new FpScaBlock(s.model(), s.ev(), P, Double.POSITIVE_INFINITY);
        int n = s.physics().transmit().size();
        for (double[] t : new double[][] {{0.25, 0.75, 1}, {0.5, 0.5 + 0.5e-6, 1}, {0.5, 0.5 + 2e-6, 0}, {1e12, 0, 0}}) {
            double[][] a = new double[2][n];
            double[][] b = new double[2][n];
            a[0][0] = Math.sqrt(P * t[0]);
            b[1][n - 1] = Math.sqrt(P * t[1]);
            FpScaBlock.Iterate it = new FpScaBlock.Iterate(null, List.of(a, b), 1, Double.NaN);
            assertEquals(t[2] == 1, block.withinPower(it), "power P (" + t[0] + " + " + t[1] + ")");
            assertEquals(t[2] == 1, block.feasible(it), "power P (" + t[0] + " + " + t[1] + ")");
        }
    }

    /** gamma by (43) and mu by (44), from the metric code's SINRs and amplitudes written out. */
    private static double[][] fpParameters(Setup s, List<double[][]> cols, double[] gamma) {
        Metrics m = metrics(cols);
        double[][] mu = new double[2][2];
        for (int k = 0; k < 2; k++) {
            gamma[k] = m.users().get(k).sinr();
            double[][] c = s.physics().channelRow(SC.users().get(k));
            double total = SC.users().get(k).noiseW();
            for (double[][] p : cols) {
                double[] a = amp(c, p);
                total += a[0] * a[0] + a[1] * a[1];
            }
            double[] akk = amp(c, cols.get(k));
            mu[k][0] = Math.sqrt(1 + gamma[k]) * akk[0] / total;
            mu[k][1] = Math.sqrt(1 + gamma[k]) * akk[1] / total;
        }
        return mu;
    }

    @Test
    void oneStepIsTheScaProgramWithTheFpParametersAndTheRunStopsAtTheFirstSmallRise() {
        Setup s = setup();
        // Gamma = 1.2 SPEB_min: the sum rate takes several steps (about 5.5, 17.5, 27.05, 27.13 bit/s/Hz)
        double bound = 1.2 * s.min().speb();
        FpScaBlock block = new FpScaBlock(s.model(), s.ev(), P, bound);
        FpScaBlock.Iterate start = block.start(s.min().columns());
        double[] gamma = new double[2];
        double[][] mu = fpParameters(s, start.columns(), gamma);
        SumRateProgram.Point byHand = new SumRateProgram(s.model(), P, bound).solve(start.point(), gamma, mu,
                () -> false);
        assertNotNull(byHand);
        FpScaBlock.Iterate one = block.run(start, 1, 0, () -> false);
        assertTrue(one.sumRate() > start.sumRate(), "the first step must raise the sum rate");
        double scale = Math.sqrt(power(one.columns()));
        for (int k = 0; k < 2; k++) {
            for (int part = 0; part < 2; part++) {
                for (int i = 0; i < s.model().d; i++) {
                    assertEquals(byHand.x()[k][part][i], one.point().x()[k][part][i], 1e-5 * scale,
                            "x_" + k + "[" + part + "][" + i + "]");
                }
            }
        }
        // the stopping rule: stop after the first accepted step whose rise (r1 - r0) / r1 is below the tolerance
        FpScaBlock.Iterate two = block.run(one, 1, 0, () -> false);
        double rise1 = (one.sumRate() - start.sumRate()) / one.sumRate();
        double rise2 = (two.sumRate() - one.sumRate()) / two.sumRate();
        assertTrue(rise2 > 1e-3 && rise2 < rise1, "rises " + rise1 + ", " + rise2);
        FpScaBlock.Iterate afterOne = block.run(start, 6, (1 + rise1) / 2, () -> false);
        assertEquals(one.sumRate(), afterOne.sumRate(), 1e-9 * one.sumRate());
        FpScaBlock.Iterate afterTwo = block.run(start, 6, (rise1 + rise2) / 2, () -> false);
        assertEquals(two.sumRate(), afterTwo.sumRate(), 1e-9 * two.sumRate());
    }

    /** SPEB of a FIM: sum over the coordinates of the inverse's diagonal. */
    private static double spebOf(double[][] fim, int coordinates) {
        double[][] inv = SymmetricMatrices.inverse(fim);
        double s = 0;
        for (int k = 0; k < coordinates; k++) {
            s += inv[k][k];
        }
        return s;
    }

    private static List<double[][]> userColumns(SdrModel model, double[][][] x, double[][][] xh, double a, double b) {
        List<double[][]> out = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            double[][] v = new double[2][model.d];
            for (int part = 0; part < 2; part++) {
                for (int i = 0; i < model.d; i++) {
                    v[part][i] = Math.sqrt(P) * (a * x[k][part][i] + b * xh[k][part][i]);
                }
            }
            out.add(model.expand(v));
        }
        return out;
    }

    @Test
    void theScaStepMeetsTheSpebBoundOfTheLinearisedCovarianceWithEquality() {
        Setup s = setup();
        double bound = 1.05 * s.min().speb();
        FpScaBlock block = new FpScaBlock(s.model(), s.ev(), P, bound);
        FpScaBlock.Iterate start = block.start(s.min().columns());
        double[] gamma = new double[2];
        double[][] mu = fpParameters(s, start.columns(), gamma);
        SumRateProgram program = new SumRateProgram(s.model(), P, bound);
        SumRateProgram.Point next = program.solve(start.point(), gamma, mu, () -> false);
        assertNotNull(next);
        // F is linear in the covariance: F(xh x^H + x xh^H - xh xh^H) = F((x + xh)(x + xh)^H) - F(x x^H) - 2 F(xh xh^H)
        double[][][] x = next.x();
        double[][][] xh = start.point().x();
        double[][] fSum = s.ev().fim(userColumns(s.model(), x, xh, 1, 1));
        double[][] fX = s.ev().fim(userColumns(s.model(), x, xh, 1, 0));
        double[][] fXh = s.ev().fim(userColumns(s.model(), x, xh, 0, 1));
        List<double[][]> all = next.columns(s.model(), P);
        double[][] fSensing = s.ev().fim(all.subList(2, all.size()));
        int p = fSum.length;
        double[][] lin = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                lin[i][j] = fSum[i][j] - fX[i][j] - 2 * fXh[i][j] + fSensing[i][j];
            }
        }
        double spebLin = spebOf(lin, s.ev().coordinates);
        assertTrue(spebLin <= bound * (1 + 1e-7), "linearised SPEB " + spebLin + " above " + bound);
        assertTrue(spebLin >= bound * (1 - 1e-3), "the bound should be active: " + spebLin + " vs " + bound);
        // the linearisation is a Loewner minorant: the true SPEB is no larger
        double trueSpeb = s.ev().speb(all);
        assertTrue(trueSpeb <= spebLin * (1 + 1e-9), trueSpeb + " > " + spebLin);
        assertEquals(metrics(all).targets().get(0).spebM2(), trueSpeb, 1e-9 * trueSpeb);
    }

    @Test
    void withASlackBoundTheSensingCovarianceInterferesWithNoUserAndACancelledSolveGivesNothing() {
        Setup s = setup();
        double bound = 1e3 * s.min().speb();
        FpScaBlock block = new FpScaBlock(s.model(), s.ev(), P, bound);
        FpScaBlock.Iterate start = block.start(s.min().columns());
        double[] gamma = new double[2];
        double[][] fp = fpParameters(s, start.columns(), gamma);
        // any mu is a valid point of the quadratic transform; a purely imaginary one, |mu_k| as (44)
        double[][] mu = new double[2][2];
        for (int k = 0; k < 2; k++) {
            mu[k][1] = Math.hypot(fp[k][0], fp[k][1]);
        }
        SumRateProgram program = new SumRateProgram(s.model(), P, bound);
        SumRateProgram.Point next = program.solve(start.point(), gamma, mu, () -> false);
        assertNotNull(next);
        List<double[][]> cols = next.columns(s.model(), P);
        assertTrue(power(cols) <= P * (1 + 1e-7), "power " + power(cols));
        for (int k = 0; k < 2; k++) {
            double[][] c = s.physics().channelRow(SC.users().get(k));
            double signal = 0;
            double fromSensing = 0;
            for (int j = 0; j < cols.size(); j++) {
                double[] a = amp(c, cols.get(j));
                double e = a[0] * a[0] + a[1] * a[1];
                if (j == k) {
                    signal = e;
                } else if (j >= 2) {
                    fromSensing += e;
                }
            }
            // X_s only costs objective (its term -|mu_k|^2 c_k^T R_s c_k^*) when the bound is slack
            assertTrue(fromSensing <= 1e-6 * signal, "user " + k + ": sensing interference " + fromSensing
                    + " vs signal " + signal);
        }
        assertNull(program.solve(start.point(), gamma, mu, () -> true));
    }
}
