package io.fresnel.design.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignException;
import io.fresnel.design.DesignScenarios;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.SystemMetrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.CommNode;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The shared building blocks of the designs against results written out by hand: the
 * (regularised) right inverse of a channel matrix, the dense solves, the matrix conversions, the
 * users' SINR requirements 2^r - 1 and the final check with its relative tolerance on both sides.
 */
class CommonBlocksByHandTest {

    private static ZMatrixRMaj matrix(int rows, int cols, double... reIm) {
        ZMatrixRMaj m = new ZMatrixRMaj(rows, cols);
        System.arraycopy(reIm, 0, m.data, 0, reIm.length);
        return m;
    }

    @Test
    void oneUsersRightInverseIsItsConjugateChannelOverItsGainPlusDelta() throws DesignException {
        // c = [1 + 2j, 3 - 1j], ||c||^2 = 5 + 10 = 15: P0 = c^H / (15 + delta)
        ZMatrixRMaj c = matrix(1, 2, 1, 2, 3, -1);
        for (double delta : new double[] {0, 5}) {
            ZMatrixRMaj p = ChannelInversion.rightInverse(c, delta, "alg", "C");
            assertEquals(2, p.getNumRows());
            assertEquals(1, p.getNumCols());
            double g = 15 + delta;
            assertEquals(1 / g, p.getReal(0, 0), 1e-15);
            assertEquals(-2 / g, p.getImag(0, 0), 1e-15);
            assertEquals(3 / g, p.getReal(1, 0), 1e-15);
            assertEquals(1 / g, p.getImag(1, 0), 1e-15);
        }
    }

    @Test
    void zeroForcingInvertsTwoUsersAndRegularisationShrinksTheDiagonal() throws DesignException {
        // C = [[1, 1j, 0], [0, 1, 1]]: C C^H = [[2, 1j], [-1j, 2]]
        ZMatrixRMaj c = matrix(2, 3, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0);
        ZMatrixRMaj p = ChannelInversion.rightInverse(c, 0, "alg", "C");
        ZMatrixRMaj cp = new ZMatrixRMaj(2, 2);
        org.ejml.dense.row.CommonOps_ZDRM.mult(c, p, cp);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(i == j ? 1 : 0, cp.getReal(i, j), 1e-14);
                assertEquals(0, cp.getImag(i, j), 1e-14);
            }
        }
        // with delta = 1: C P0 = G (G + I)^-1, G = [[2, j], [-j, 2]], G + I = [[3, j], [-j, 3]], det = 8:
        // (G + I)^-1 = [[3, -j], [j, 3]] / 8, G (G + I)^-1 = [[6 - 1, -2j + 3j], [-3j + 2j, -1 + 6]] / 8
        // (eigenvalues lambda / (lambda + 1) = 3/4 and 1/2 of G's 3 and 1: trace 5/4)
        ZMatrixRMaj pr = ChannelInversion.rightInverse(c, 1, "alg", "C");
        org.ejml.dense.row.CommonOps_ZDRM.mult(c, pr, cp);
        assertEquals(5 / 8.0, cp.getReal(0, 0), 1e-14);
        assertEquals(5 / 8.0, cp.getReal(1, 1), 1e-14);
        assertEquals(1 / 8.0, cp.getImag(0, 1), 1e-14);
        assertEquals(-1 / 8.0, cp.getImag(1, 0), 1e-14);
    }

    @Test
    void moreUsersThanColumnsNeedRegularisation() throws DesignException {
        ZMatrixRMaj c = matrix(2, 1, 1, 0, 2, 0); // two users, one antenna
        assertEquals("alg: C has 2 rows (users) but only 1 columns; zero forcing needs at most as many users as"
                + " columns", assertThrows(DesignException.class, () -> ChannelInversion.rightInverse(c, 0, "alg", "C"))
                .getMessage());
        // with delta = 1: P0 = c^H (c c^H + I)^-1 = [1, 2] [[2, 2], [2, 5]]^-1 = [1, 2] [[5, -2], [-2, 2]] / 6
        ZMatrixRMaj p = ChannelInversion.rightInverse(c, 1, "alg", "C");
        assertEquals(1 / 6.0, p.getReal(0, 0), 1e-14);
        assertEquals(2 / 6.0, p.getReal(0, 1), 1e-14);
        // a square system (users = columns) is fine without regularisation
        ZMatrixRMaj square = ChannelInversion.rightInverse(matrix(1, 1, 2, 0), 0, "alg", "C");
        assertEquals(0.5, square.getReal(0, 0), 1e-15);
    }

    @Test
    void theRankToleranceIsRelativeToTheLargestEigenvalue() throws DesignException {
        // C = diag(2, e): C C^H = diag(4, e^2); rejected when e^2 <= 1e-12 * 4 (here half of it), accepted at twice
        double below = Math.sqrt(0.5 * ChannelInversion.RANK_TOLERANCE * 4);
        String message = assertThrows(DesignException.class,
                () -> ChannelInversion.rightInverse(matrix(2, 2, 2, 0, 0, 0, 0, 0, below, 0), 0, "alg", "C"))
                .getMessage();
        assertTrue(message.startsWith("alg: C (2 x 2) is rank-deficient: the smallest eigenvalue of C C^H is "),
                message);
        double above = Math.sqrt(2 * ChannelInversion.RANK_TOLERANCE * 4);
        ZMatrixRMaj p = ChannelInversion.rightInverse(matrix(2, 2, 2, 0, 0, 0, 0, 0, above, 0), 0, "alg", "C");
        assertEquals(1 / above, p.getReal(1, 1), 1e-6 / above);
        assertEquals(0.5, p.getReal(0, 0), 1e-15);
        // a zero channel matrix has no largest eigenvalue > 0
        assertThrows(DesignException.class, () -> ChannelInversion.rightInverse(new ZMatrixRMaj(1, 2), 0, "a", "C"));
    }

    @Test
    void theDenseSolvesPivotAndReportSingularSystems() {
        // a[0][0] = 0 needs a row exchange; x = (1, -2, 3)
        double[][] a = {{0, 2, 1}, {2, 1, 0}, {1, 0, 4}};
        double[] x = Dense.solveSpd(a, new double[] {-4 + 3, 2 - 2, 1 + 12});
        assertArrayEquals(new double[] {1, -2, 3}, x, 1e-14);
        // |a[1][0]| > |a[0][0]| > 0: the larger pivot is taken (with 1e-20 first the sum would be lost)
        double[] y = Dense.solveSpd(new double[][] {{1e-20, 1}, {1, 1}}, new double[] {1, 2});
        assertArrayEquals(new double[] {1, 1}, y, 1e-12);
        assertNull(Dense.solveSpd(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}));
        assertNull(Dense.solveSpd(new double[][] {{1e-14}}, new double[] {1}));
        assertArrayEquals(new double[] {0.5e14}, Dense.solveSpd(new double[][] {{2e-14}}, new double[] {1}), 1);
        // the inputs are not modified
        assertArrayEquals(new double[] {0, 2, 1}, a[0]);
    }

    @Test
    void theComplexSolveUsesTheRealEmbedding() {
        // (1 + j) x = 2 gives x = 1 - j; second column (1 + j) y = 2j gives y = 1 + j
        double[][][] x = Dense.solveComplex(new double[][] {{1}}, new double[][] {{1}}, new double[][] {{2, 0}},
                new double[][] {{0, 2}});
        assertArrayEquals(new double[] {1, 1}, x[0][0], 1e-15);
        assertArrayEquals(new double[] {-1, 1}, x[1][0], 1e-15);
        // [[1, j], [0, 2]] x = [1 + 2j, 4j]: x_2 = 2j, x_1 = 1 + 2j - j 2j = 3 + 2j
        double[][][] z = Dense.solveComplex(new double[][] {{1, 0}, {0, 2}}, new double[][] {{0, 1}, {0, 0}},
                new double[][] {{1}, {0}}, new double[][] {{2}, {4}});
        assertEquals(3, z[0][0][0], 1e-14);
        assertEquals(2, z[1][0][0], 1e-14);
        assertEquals(0, z[0][1][0], 1e-14);
        assertEquals(2, z[1][1][0], 1e-14);
        assertNull(Dense.solveComplex(new double[][] {{0}}, new double[][] {{0}}, new double[][] {{1}},
                new double[][] {{0}}));
    }

    @Test
    void theConversionsKeepEveryEntryInPlace() {
        ZMatrixRMaj m = matrix(2, 3, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6);
        ComplexMatrix c = ZMatrices.toComplexMatrix(m);
        assertEquals(2, c.rows());
        assertEquals(3, c.cols());
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(1 + 3 * r + k, c.re(r, k));
                assertEquals(-(1 + 3 * r + k), c.im(r, k));
            }
        }
        assertEquals(2 * (1 + 4 + 9 + 16 + 25 + 36), ZMatrices.frobeniusNorm2(m));
        ZMatrices.scale(m, -0.5);
        assertEquals(-3, m.getReal(1, 2));
        assertEquals(3, m.getImag(1, 2));
        ZMatrixRMaj rows = ZMatrices.ofRows(List.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}}));
        assertEquals(6, rows.getReal(1, 1));
        assertEquals(3, rows.getImag(0, 0));
        assertEquals(8, rows.getImag(1, 1));
        ComplexMatrix cols = ZMatrices.ofColumns(List.of(new double[][] {{1, 2, 3}, {4, 5, 6}},
                new double[][] {{7, 8, 9}, {10, 11, 12}}));
        assertEquals(3, cols.rows());
        assertEquals(2, cols.cols());
        assertEquals(8, cols.re(1, 1));
        assertEquals(6, cols.im(2, 0));
        assertEquals(12, cols.im(2, 1));
    }

    private static CommNode user(String id, Double minRate) {
        return new CommNode(id, new Vec3(3, 1, 0), 1e-9, null, minRate);
    }

    @Test
    void sinrRequirementsAreTwoToTheRateMinusOne() {
        double[] g = SinrRequirements.of(List.of(user("a", 1.0), user("b", null), user("c", 0.0), user("d", 3.0),
                user("e", 0.5)));
        assertArrayEquals(new double[] {1, 0, 0, 7, Math.sqrt(2) - 1}, g, 1e-15);
    }

    private static Metrics metrics(Double power, Double... sinr) {
        List<UserMetrics> users = new ArrayList<>();
        for (int i = 0; i < sinr.length; i++) {
            users.add(new UserMetrics("u" + i, sinr[i], null, null, null, null, null, null));
        }
        return new Metrics(users, List.of(), List.of(), List.of(), new SystemMetrics(power, null, null, null, null));
    }

    @Test
    void theFinalCheckAllowsOnlyItsRelativeToleranceOnEachSide() {
        double tol = SinrRequirements.CHECK_TOLERANCE;
        List<CommNode> users = List.of(user("u0", 1.0), user("u1", 2.0));
        double[] required = {1, 3};
        // power at (1 + 0.5 tol) P passes, at (1 + 2 tol) P fails; SINRs at (1 - 0.5 tol) Gamma pass
        assertNull(SinrRequirements.violation(metrics(2 * (1 + 0.5 * tol), 1 - 0.5 * tol, 3 * (1 - 0.5 * tol)), 2,
                required, users));
        assertEquals("transmit power " + 2 * (1 + 2 * tol) + " W exceeds 2.0 W", SinrRequirements.violation(
                metrics(2 * (1 + 2 * tol), 1.0, 3.0), 2, required, users));
        assertEquals("user u1 SINR " + 3 * (1 - 2 * tol) + " < required 3.0",
                SinrRequirements.violation(metrics(2.0, 1.0, 3 * (1 - 2 * tol)), 2, required, users));
        assertEquals("transmit power null W exceeds 2.0 W; user u0 SINR null < required 1.0; user u1 SINR 0.5"
                + " < required 3.0", SinrRequirements.violation(metrics(null, null, 0.5), 2, required, users));
        assertEquals("user u0 SINR 0.0 < required 1.0",
                SinrRequirements.violation(metrics(1.0, 0.0, 5.0), 2, required, users));
        // a user without a requirement is not checked, even without a SINR
        assertNull(SinrRequirements.violation(metrics(2.0, null, 3.0), 2, new double[] {0, 3}, users));
    }

    @Test
    void designInputsNameWhatIsMissing() throws DesignException {
        io.fresnel.model.Scenario sc = DesignScenarios.threeUsers();
        assertEquals(2.0, DesignInputs.transmitPowerW(sc, "alg"));
        assertEquals(3, DesignInputs.users(sc, "alg").size());
        io.fresnel.model.Scenario noUsers = DesignScenarios.scenario("exact", "unit", "", DesignScenarios.TWO_TARGETS,
                "");
        assertEquals("alg: the scenario has no users to serve",
                assertThrows(DesignException.class, () -> DesignInputs.users(noUsers, "alg")).getMessage());
        String text = DesignScenarios.json("exact", "unit", DesignScenarios.ONE_USER, "", "");
        assertTrue(text.contains("\"transmit_power_w\": 2.0,"), text);
        io.fresnel.model.Scenario noPower;
        try {
            noPower = io.fresnel.io.ScenarioReader.readScenario(text.replace("\"transmit_power_w\": 2.0,", ""));
        } catch (io.fresnel.io.ScenarioFormatException e) {
            throw new AssertionError(e);
        }
        assertEquals("alg: the scenario has no transmit_power_w to design for",
                assertThrows(DesignException.class, () -> DesignInputs.transmitPowerW(noPower, "alg")).getMessage());
    }

    @Test
    void exactlyAtTheToleranceIsNotAViolation() {
        double tol = SinrRequirements.CHECK_TOLERANCE;
        List<CommNode> users = List.of(user("u0", 1.0), user("u1", 2.0));
        // "beyond CHECK_TOLERANCE": a power of exactly P (1 + tol) and a SINR of exactly Gamma (1 - tol) pass
        assertNull(SinrRequirements.violation(metrics(2 * (1 + tol), 1 * (1 - tol), 3 * (1 - tol)), 2,
                new double[] {1, 3}, users));
    }
}
