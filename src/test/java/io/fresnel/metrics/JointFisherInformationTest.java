package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.SymmetricMatrices;
import io.fresnel.math.Vec3;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Sensing;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JointFisherInformationTest {

    private static Scenario twoTargets(String phase, String amplitude) {
        return TestScenarios.parse(TestScenarios.twoTargets(phase, amplitude, TestScenarios.TWO_TARGETS, "", ""));
    }

    /** Noiseless echo mean vec(U), U = sum_t beta_t a(p_t) v(p_t)^T P, full phase, {re, im}. */
    private static double[][] mean(Scenario sc, double[] params) {
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        PrecoderColumns p = new PrecoderColumns(sc.precoder().effective());
        int k = sc.targets().size();
        int dims = sc.dimension();
        int m = ph.receive().size();
        int s = p.streams();
        double[] re = new double[m * s];
        double[] im = new double[m * s];
        for (int t = 0; t < k; t++) {
            Vec3 pos = new Vec3(params[t * dims], params[t * dims + 1], dims == 3 ? params[t * dims + 2] : 0);
            double br = params[k * dims + 2 * t];
            double bi = params[k * dims + 2 * t + 1];
            double[] vr = new double[ph.transmit().size()];
            double[] vi = new double[ph.transmit().size()];
            ph.transmit().evaluate(pos, true, vr, vi);
            double[] ar = new double[m];
            double[] ai = new double[m];
            ph.receive().evaluate(pos, true, ar, ai);
            double[][] w = p.transposeTimes(vr, vi);
            io.fresnel.math.CVec.addOuter(br, bi, ar, ai, w[0], w[1], re, im);
        }
        return new double[][] {re, im};
    }

    /** Coordinate EFIM by 4th-order finite differences of the mean and a Schur complement. */
    private static double[][] finiteDifferenceEfim(Scenario sc) {
        int k = sc.targets().size();
        int dims = sc.dimension();
        int np = k * dims + 2 * k;
        double[] x = new double[np];
        for (int t = 0; t < k; t++) {
            Target tg = sc.targets().get(t);
            for (int c = 0; c < dims; c++) {
                x[t * dims + c] = tg.positionM().get(c);
            }
            x[k * dims + 2 * t] = tg.reflection().re();
            x[k * dims + 2 * t + 1] = tg.reflection().im();
        }
        List<double[][]> d = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            double h = i < k * dims ? 1e-5 : 1e-4;
            double[] a = x.clone();
            double[] b = x.clone();
            double[] a2 = x.clone();
            double[] b2 = x.clone();
            a[i] += h;
            b[i] -= h;
            a2[i] += 2 * h;
            b2[i] -= 2 * h;
            double[][] fa = mean(sc, a);
            double[][] fb = mean(sc, b);
            double[][] fa2 = mean(sc, a2);
            double[][] fb2 = mean(sc, b2);
            double[][] di = new double[2][fa[0].length];
            for (int j = 0; j < di[0].length; j++) {
                di[0][j] = (8 * (fa[0][j] - fb[0][j]) - (fa2[0][j] - fb2[0][j])) / (12 * h);
                di[1][j] = (8 * (fa[1][j] - fb[1][j]) - (fa2[1][j] - fb2[1][j])) / (12 * h);
            }
            d.add(di);
        }
        double scale = 2.0 * sc.sensing().snapshots() / sc.sensing().noiseW();
        double[][] fim = new double[np][np];
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < np; j++) {
                fim[i][j] = scale * io.fresnel.math.CVec.dot(d.get(i)[0], d.get(i)[1], d.get(j)[0], d.get(j)[1])[0];
            }
        }
        // full FIM inverse, coordinate block = CRB; EFIM = its inverse
        double[][] inv = SymmetricMatrices.inverse(fim);
        int nc = k * dims;
        double[][] crb = new double[nc][nc];
        for (int i = 0; i < nc; i++) {
            System.arraycopy(inv[i], 0, crb[i], 0, nc);
        }
        return crb;
    }

    private static JointFisherInformation fim(Scenario sc) {
        return new JointFisherInformation(new ScenarioPhysics(sc), new PrecoderColumns(sc.precoder().effective()),
                sc.targets(), sc.sensing().snapshots(), sc.sensing().noiseW());
    }

    private static void assertMatrixClose(double[][] expected, double[][] got, double rtol) {
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[i][j], got[i][j], rtol * scale, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void jointCrbMatchesFiniteDifferencesOfTheEchoForEveryPhaseModel() {
        for (String phase : List.of("exact", "fresnel")) {
            for (String amplitude : List.of("unit", "spherical")) {
                Scenario sc = twoTargets(phase, amplitude);
                JointFisherInformation f = fim(sc);
                assertNull(f.error());
                assertMatrixClose(finiteDifferenceEfim(sc), f.crb(), 1e-6);
            }
        }
    }

    @Test
    void threeDimensionalCrbMatchesFiniteDifferences() {
        Scenario sc = TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 3, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "exact", "amplitude": "spherical"},
             "tx_array": {"upa": {"elements_x": 3, "elements_y": 3, "spacing_m": 0.0428, "center_m": [0, 0, 0]}},
             "sensing": {"snapshots": 10, "noise_w": 1e-12},
             "targets": [{"id": "t1", "position_m": [0.4, 0.3, 1.2], "reflection": [1, 0.5]}],
             "precoder": {"streams": [{"role": "sensing"}, {"role": "sensing"}],
               "columns": [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05], [0.1, 0.1], [-0.2, 0.15],
                            [0.1, 0], [0, 0.2], [0.3, -0.1]],
                           [[0.1, -0.3], [0.05, 0.2], [0.3, 0.1], [-0.2, -0.1], [0.15, 0.0], [0.1, -0.25],
                            [0.2, 0.2], [-0.1, 0], [0, 0.1]]]}}
            """);
        JointFisherInformation f = fim(sc);
        assertNull(f.error());
        assertMatrixClose(finiteDifferenceEfim(sc), f.crb(), 1e-6);
    }

    @Test
    void crbIsPositiveDefiniteAndScalesAsOneOverSnapshotsAndPower() {
        Scenario sc = twoTargets("exact", "unit");
        double[][] crb = fim(sc).crb();
        assertTrue(SymmetricMatrices.eigenvalues(crb)[0] > 0);
        Scenario moreSnapshots = new Scenario(sc.name(), sc.dimension(), sc.carrierFrequencyHz(), sc.speedOfLightMS(),
                sc.propagation(), sc.txArray(), sc.rxArray(), sc.transmitPowerW(), sc.architecture(),
                new Sensing(4 * sc.sensing().snapshots(), sc.sensing().noiseW()), sc.users(), sc.eavesdroppers(),
                sc.targets(), sc.sensingEavesdroppers(), sc.precoder(), sc.solver());
        double[][] crbT = fim(moreSnapshots).crb();
        ComplexMatrix p = sc.precoder().effective();
        double[] re = p.realColumnMajor();
        double[] im = p.imagColumnMajor();
        for (int i = 0; i < re.length; i++) {
            re[i] *= 3;
            im[i] *= 3;
        }
        Precoder stronger = new Precoder(sc.precoder().streams(), ComplexMatrix.ofColumnMajor(p.rows(), p.cols(), re, im),
                null, null, null);
        double[][] crbP = fim(sc.withPrecoder(stronger)).crb();
        for (int i = 0; i < crb.length; i++) {
            for (int j = 0; j < crb.length; j++) {
                assertEquals(crb[i][j] / 4, crbT[i][j], 1e-9 * Math.abs(crb[i][i]));
                assertEquals(crb[i][j] / 9, crbP[i][j], 1e-9 * Math.abs(crb[i][i]));
            }
        }
    }

    @Test
    void knownOtherBoundsOfOneTargetAreTheInverseDiagonalOfThePolarEfim() {
        Scenario sc = TestScenarios.parse(
                TestScenarios.twoTargets("fresnel", "unit", TestScenarios.ONE_TARGET, "", ""));
        TargetMetrics t = MetricsEvaluator.evaluate(sc).targets().get(0);
        // polar EFIM = inverse of the polar CRB
        double a = t.crbAngleRad2();
        double r = t.crbRangeM2();
        double c = t.crbAngleRangeRadM();
        double det = a * r - c * c;
        assertEquals(det / r, t.crbAngleKnownRangeRad2(), 1e-9 * t.crbAngleKnownRangeRad2());
        assertEquals(det / a, t.crbRangeKnownAngleM2(), 1e-9 * t.crbRangeKnownAngleM2());
        assertTrue(t.crbAngleKnownRangeRad2() < t.crbAngleRad2());
    }

    @Test
    void knownOtherBoundsOfSeveralTargetsComeFromTheirOwnFims() {
        Scenario sc = twoTargets("exact", "unit");
        JointFisherInformation f = fim(sc);
        double[] angle = f.knownOtherBound(true);
        assertNotNull(angle);
        // reference: angle-only FIM by finite differences in polar coordinates, gains as nuisance
        double[][] full = finiteDifferenceEfim(sc);
        double[][] efim = SymmetricMatrices.inverse(full);
        double[] th = f.angles();
        double[] rg = f.ranges();
        double[][] reduced = new double[2][2];
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < 2; t++) {
                double[] es = {-rg[s] * Math.sin(th[s]), rg[s] * Math.cos(th[s])};
                double[] et = {-rg[t] * Math.sin(th[t]), rg[t] * Math.cos(th[t])};
                double v = 0;
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        v += es[i] * efim[2 * s + i][2 * t + j] * et[j];
                    }
                }
                reduced[s][t] = v;
            }
        }
        double[][] inv = SymmetricMatrices.inverse(reduced);
        assertEquals(inv[0][0], angle[0], 1e-6 * inv[0][0]);
        assertEquals(inv[1][1], angle[1], 1e-6 * inv[1][1]);
    }

    @Test
    void farFieldUnitAmplitudeLeavesTheRangeUnobservableButTheAngleBound() {
        Scenario sc = TestScenarios.parse(
                TestScenarios.twoTargets("far-field", "unit", TestScenarios.ONE_TARGET, "", ""));
        TargetMetrics t = MetricsEvaluator.evaluate(sc).targets().get(0);
        assertNotNull(t.error());
        assertNull(t.spebM2());
        assertNull(t.crbRangeKnownAngleM2());
        assertNotNull(t.crbAngleKnownRangeRad2());
        assertNull(MetricsEvaluator.evaluate(sc).system().crbPositionSumM2());
    }

    @Test
    void aTargetWithoutEchoIsAnErrorNotANumber() {
        Scenario sc = TestScenarios.parse(TestScenarios.twoTargets("exact", "unit", """
                {"id": "t1", "position_m": [2.0, 0.8, 0], "reflection": [0.01, 0.004]},
                {"id": "t2", "position_m": [1.5, -1.1, 0], "reflection": 0}""", "", ""));
        Metrics m = MetricsEvaluator.evaluate(sc);
        for (TargetMetrics t : m.targets()) {
            assertTrue(t.error().contains("t2"), t.error());
            assertNull(t.crbAngleRad2());
            assertNull(t.crbAngleKnownRangeRad2());
            assertNotNull(t.illuminationW());
        }
    }

    @Test
    void twoTargetsAtTheSamePlaceAreNotSeparable() {
        Scenario sc = TestScenarios.parse(TestScenarios.twoTargets("exact", "unit", """
                {"id": "t1", "position_m": [2.0, 0.8, 0], "reflection": [0.01, 0.004]},
                {"id": "t2", "position_m": [2.0, 0.8, 0], "reflection": [0.02, 0]}""", "", ""));
        TargetMetrics t = MetricsEvaluator.evaluate(sc).targets().get(0);
        assertTrue(t.error().contains("not separable"), t.error());
    }

    @Test
    void aTargetSeenOnlyByAUlaInThreeDimensionsIsSingular() {
        // rotational symmetry about the array axis leaves one direction unobservable
        Scenario sc = TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 3, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "exact", "amplitude": "spherical"},
             "tx_array": {"ula": {"elements": 4, "spacing_m": 0.0428, "axis": "x", "center_m": [0, 0, 0]}},
             "sensing": {"snapshots": 10, "noise_w": 1e-12},
             "targets": [{"id": "t1", "position_m": [0.4, 0.3, 1.2], "reflection": [1, 0.5]}],
             "precoder": {"streams": [{"role": "sensing"}],
               "columns": [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05]]]}}
            """);
        Metrics m = MetricsEvaluator.evaluate(sc);
        assertNotNull(m.targets().get(0).error());
        assertNull(m.targets().get(0).crbXM2());
        assertNull(m.system().crbPositionSumM2());
    }

    @Test
    void a3dTargetCarriesItsThreeByThreeEfimWhoseInverseHoldsTheCoordinateCrbs() throws Exception {
        Scenario sc = io.fresnel.io.ScenarioReader.read(io.fresnel.GoldenFiles.goldenDir().resolve(
                "public/p004_upa_two_targets.scenario.json")).scenario();
        for (TargetMetrics t : MetricsEvaluator.evaluate(sc).targets()) {
            double[][] crb = io.fresnel.math.SymmetricMatrices.inverse(t.efimM2());
            assertEquals(3, t.efimM2().length);
            assertEquals(t.crbXM2(), crb[0][0], 1e-9 * t.crbXM2());
            assertEquals(t.crbYM2(), crb[1][1], 1e-9 * t.crbYM2());
            assertEquals(t.crbZM2(), crb[2][2], 1e-9 * t.crbZM2());
            assertEquals(t.efimM2()[0][2], t.efimM2()[2][0], 1e-9 * Math.abs(t.efimM2()[0][0]));
        }
    }
}
