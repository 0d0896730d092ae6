package io.fresnel.design.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignScenarios;
import io.fresnel.math.CVec;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The subspaces of {@link SdrModel} that the RSMA and SPEB designs use ({@code inSpanOf},
 * {@code withoutUserSpan}), checked on the 8-element ULA of {@link DesignScenarios} against what
 * follows from R_X = Q X Q^H with Q orthonormal: the user vector g = Q^H c^* is the first entries
 * of c^* when Q is the first unit vectors, ||g||^2 = ||c||^2 exactly when c^* lies in the span and
 * less when it does not.
 */
class SdrModelSpansByHandTest {

    private static final Scenario SCENE = DesignScenarios.scenario("exact", "unit", DesignScenarios.ONE_USER,
            DesignScenarios.TWO_TARGETS, "");

    private static double[][] unit(int n, int i) {
        double[][] e = new double[2][n];
        e[0][i] = 1;
        return e;
    }

    @Test
    void aModelInTheSpanOfUnitVectorsReadsTheFirstEntriesOfTheConjugateChannel() {
        ScenarioPhysics physics = new ScenarioPhysics(SCENE);
        double[][] c = physics.channelRow(SCENE.users().get(0));
        // Q = [e_0, e_2]; a vector of zeros adds nothing and a repeated one adds nothing either
        SdrModel m = SdrModel.inSpanOf(physics, List.of(unit(8, 0), new double[2][8], unit(8, 2), unit(8, 0)));
        assertEquals(2, m.d);
        assertEquals(8, m.antennas);
        // g = Q^H c^* = (conj c_0, conj c_2)
        assertArrayEquals(new double[] {c[0][0], c[0][2]}, m.userVectors[0][0], 1e-15);
        assertArrayEquals(new double[] {-c[1][0], -c[1][2]}, m.userVectors[0][1], 1e-15);
        // ||c||^2 and the noise are the scenario's, whatever the span
        assertEquals(CVec.norm2(c[0], c[1]), m.userChannelNorm2[0], 1e-15 * m.userChannelNorm2[0]);
        assertEquals(1e-9, m.userNoiseW[0]);
        // the illumination vector of target t is Q^H conj(v'), v' = v(p_t) with the common phase removed:
        // |entries| are those of v (unit amplitude: each 1), so |e_t|^2 = 2
        for (int t = 0; t < 2; t++) {
            double[][] e = m.illuminationVector(t);
            assertEquals(2, CVec.norm2(e[0], e[1]), 1e-12, "target " + t);
        }
        // expand(y) = Q y puts y_0 on element 0 and y_1 on element 2
        double[][] x = m.expand(new double[][] {{3, 4}, {-1, 0.5}});
        assertArrayEquals(new double[] {3, 0, 4, 0, 0, 0, 0, 0}, x[0], 0);
        assertArrayEquals(new double[] {-1, 0, 0.5, 0, 0, 0, 0, 0}, x[1], 0);
    }

    @Test
    void leavingTheUserOutOfTheSpanLosesTheChannelOutsideIt() {
        ScenarioPhysics physics = new ScenarioPhysics(SCENE);
        double[][] c = physics.channelRow(SCENE.users().get(0));
        double c2 = CVec.norm2(c[0], c[1]);
        List<double[][]> extra = List.<double[][]>of(unit(8, 7));
        // POWER: span{v_1^*, v_2^*, e_7} without the user, and with it (one dimension more)
        SdrModel without = SdrModel.withoutUserSpan(physics, SdrModel.Span.POWER, extra);
        SdrModel with = SdrModel.of(physics, SdrModel.Span.POWER, extra);
        assertEquals(3, without.d);
        assertEquals(4, with.d);
        double[][] gWith = with.userVectors[0];
        assertEquals(c2, CVec.norm2(gWith[0], gWith[1]), 1e-12 * c2);
        // without the user, g = Q^H c^* is the projection's coordinates: ||g||^2 = ||c||^2 - |c^* residual|^2,
        // where the residual is orthogonal to the three spanning vectors
        double[][] g = without.userVectors[0];
        double[][] projection = without.expand(g);
        double[] rRe = new double[8];
        double[] rIm = new double[8];
        for (int i = 0; i < 8; i++) {
            rRe[i] = c[0][i] - projection[0][i];
            rIm[i] = -c[1][i] - projection[1][i];
        }
        double residual = CVec.norm2(rRe, rIm);
        assertTrue(residual > 1e-3 * c2, "the user's channel is not in span{v_1^*, v_2^*, e_7}: " + residual / c2);
        assertEquals(c2 - residual, CVec.norm2(g[0], g[1]), 1e-12 * c2);
        // the residual is orthogonal to e_7 and to each target's illumination direction
        assertEquals(0, rRe[7], 1e-12 * Math.sqrt(c2));
        assertEquals(0, rIm[7], 1e-12 * Math.sqrt(c2));
        for (int t = 0; t < 2; t++) {
            double[][] v = without.expand(without.illuminationVector(t));
            double[] dot = CVec.dot(v[0], v[1], rRe, rIm);
            assertEquals(0, Math.hypot(dot[0], dot[1]), 1e-12 * c2, "target " + t);
        }
        // the CRB span of the same without the user: (dims + 1) K + 1 = 3 * 2 + 1
        assertEquals(7, SdrModel.withoutUserSpan(physics, SdrModel.Span.CRB, extra).d);
    }
}
