package io.fresnel.design.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.sdr.SdrTestSupport;
import io.fresnel.math.SymmetricMatrices;
import io.fresnel.metrics.JointFisherInformation;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FIM written as Re tr(A_ij X) (Prop. 1 in the reduced variables) agrees with the metric code's FIM. */
class FisherCoefficientsTest {

    /** A random precoder Q Y in the model's subspace; returns {X = Y Y^H re, im} and the precoder. */
    private static Object[] randomInSubspace(SdrModel m, int streams, long seed) {
        Random rnd = new Random(seed);
        int d = m.d;
        double[][] yr = new double[streams][d];
        double[][] yi = new double[streams][d];
        List<double[][]> cols = new ArrayList<>();
        List<Stream> roles = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            for (int i = 0; i < d; i++) {
                yr[s][i] = 0.01 * rnd.nextGaussian();
                yi[s][i] = 0.01 * rnd.nextGaussian();
            }
            cols.add(m.expand(new double[][] {yr[s], yi[s]}));
            roles.add(new Stream(StreamRole.SENSING, null));
        }
        double[][] xr = new double[d][d];
        double[][] xi = new double[d][d];
        for (int s = 0; s < streams; s++) {
            double[][][] o = SdrModel.outer(new double[][] {yr[s], yi[s]});
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    xr[i][j] += o[0][i][j];
                    xi[i][j] += o[1][i][j];
                }
            }
        }
        return new Object[] {xr, xi, new Precoder(roles, ZMatrices.ofColumns(cols), null, null, null)};
    }

    private static void check(Scenario sc, SdrModel.Span span, double tol) {
        ScenarioPhysics physics = new ScenarioPhysics(sc);
        SdrModel m = SdrModel.of(physics, span);
        FisherCoefficients f = FisherCoefficients.of(m);
        Object[] r = randomInSubspace(m, m.d, 11);
        double[][] fim = f.fim((double[][]) r[0], (double[][]) r[1]);
        double[][] inv = SymmetricMatrices.inverse(fim);
        Precoder p = (Precoder) r[2];
        JointFisherInformation jfi = new JointFisherInformation(physics, new PrecoderColumns(p.effective()),
                sc.targets(), sc.sensing().snapshots(), sc.sensing().noiseW());
        double[][] crb = jfi.crb();
        assertEquals(f.coordinates, crb.length);
        for (int i = 0; i < crb.length; i++) {
            for (int j = 0; j < crb.length; j++) {
                double scale = Math.sqrt(crb[i][i] * crb[j][j]);
                assertEquals(crb[i][j], inv[i][j], tol * scale, span + " CRB[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void reducedFimEqualsTheMetricFimIn2d() {
        Scenario sc = SdrTestSupport.golden("solver/p_solver_crb_2d_n8");
        check(sc, SdrModel.Span.CRB, 1e-8);
        check(sc, SdrModel.Span.FULL, 1e-8);
        Scenario two = SdrTestSupport.golden("solver/p_solver_illum_2d_n12");
        check(two, SdrModel.Span.CRB, 1e-8);
    }

    @Test
    void reducedFimEqualsTheMetricFimIn3dBistatic() {
        check(SdrTestSupport.golden("public/p004_upa_two_targets"), SdrModel.Span.CRB, 1e-8);
    }

    @Test
    void subspaceDimensionIsFourKPlusU() {
        SdrModel m = SdrModel.of(new ScenarioPhysics(SdrTestSupport.golden("public/p004_upa_two_targets")),
                SdrModel.Span.CRB);
        assertEquals(4 * 2 + 2, m.d);
        SdrModel p = SdrModel.of(new ScenarioPhysics(SdrTestSupport.golden("public/p004_upa_two_targets")),
                SdrModel.Span.POWER);
        assertEquals(2 + 2, p.d);
    }

    @Test
    void whiteningMakesTheReferenceFimTheIdentity() {
        SdrModel m = SdrModel.of(new ScenarioPhysics(SdrTestSupport.golden("public/p004_upa_two_targets")),
                SdrModel.Span.CRB);
        FisherCoefficients f = FisherCoefficients.of(m);
        double[][] iso = new double[m.d][m.d];
        for (int i = 0; i < m.d; i++) {
            iso[i][i] = 1.0 / m.d;
        }
        double[][] f0 = f.fim(iso, new double[m.d][m.d]);
        double[] ev = SymmetricMatrices.eigenvalues(f0);
        double[][] white = f.congruence(FisherCoefficients.inverseSquareRoot(f0)).fim(iso, new double[m.d][m.d]);
        for (int i = 0; i < white.length; i++) {
            for (int j = 0; j < white.length; j++) {
                assertEquals(i == j ? 1 : 0, white[i][j], 1e-8, "condition " + ev[ev.length - 1] / ev[0]);
            }
        }
        assertTrue(ev[0] > 0);
    }
}
