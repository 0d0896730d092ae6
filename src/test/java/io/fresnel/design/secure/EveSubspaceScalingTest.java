package io.fresnel.design.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The change of variables W = U D W' D U^H of {@link EveSubspaceScaling}: identities and limits. */
class EveSubspaceScalingTest {
    private static final int D = 5;
    private final Random rnd = new Random(3);

    private double[][] randomVector() {
        double[][] v = new double[2][D];
        for (int i = 0; i < D; i++) {
            v[0][i] = rnd.nextGaussian();
            v[1][i] = rnd.nextGaussian();
        }
        return v;
    }

    /** A random Hermitian matrix B B^H. */
    private double[][][] randomHermitian() {
        double[][][] m = {new double[D][D], new double[D][D]};
        for (int k = 0; k < 3; k++) {
            SecrecySensingProblem.addOuter(m[0], m[1], 1, randomVector());
        }
        return m;
    }

    private static double trace(double[][][] a, double[][][] b) {
        // Re tr(A B) for Hermitian A, B
        double s = 0;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                s += a[0][i][j] * b[0][j][i] - a[1][i][j] * b[1][j][i];
            }
        }
        return s;
    }

    @Test
    void quadraticFormsTracesAndPowerAreKept() {
        List<double[][]> eves = List.<double[][]>of(randomVector(), randomVector(), randomVector());
        EveSubspaceScaling s = EveSubspaceScaling.of(eves, 1e-10, D);
        assertNotNull(s);
        double[][][] wPrime = randomHermitian();
        double[][][] w = s.original(wPrime);
        double[][] a = randomVector();
        double[][][] q = randomHermitian();
        double[][] identity = new double[D][D];
        for (int i = 0; i < D; i++) {
            identity[i][i] = 1;
        }
        double direct = SecrecySdp.quad(w, a);
        assertEquals(direct, SecrecySdp.quad(wPrime, s.vector(a)), 1e-12 * Math.abs(direct) + 1e-300);
        assertEquals(trace(q, w), trace(s.matrix(q), wPrime), 1e-12 * Math.abs(trace(q, w)));
        double power = trace(new double[][][] {identity, new double[D][D]}, w);
        assertEquals(power, trace(new double[][][] {s.traceMatrix(), new double[D][D]}, wPrime), 1e-12 * power);
    }

    @Test
    void entriesWithAZeroRealPartAreKept() {
        // W' with purely imaginary off-diagonal entries (real part exactly 0): W = U D W' D U^H must still keep
        // y^H W y = (D U^H y)^H W' (D U^H y)
        EveSubspaceScaling s = EveSubspaceScaling.of(List.<double[][]>of(randomVector()), 1e-8, D);
        double[][][] wPrime = {new double[D][D], new double[D][D]};
        for (int i = 0; i < D; i++) {
            wPrime[0][i][i] = 2;
            if (i + 1 < D) {
                wPrime[1][i][i + 1] = 0.5;
                wPrime[1][i + 1][i] = -0.5;
            }
        }
        double[][] a = randomVector();
        double direct = SecrecySdp.quad(s.original(wPrime), a);
        assertEquals(SecrecySdp.quad(wPrime, s.vector(a)), direct, 1e-12 * Math.abs(direct));
    }

    @Test
    void eavesdropperDirectionsShrinkByTheSquareRootOfTheAllowance() {
        double[][] g = randomVector();
        EveSubspaceScaling s = EveSubspaceScaling.of(List.<double[][]>of(g), 1e-8, D);
        double[][] gPrime = s.vector(g);
        double norm2 = 0;
        double normPrime2 = 0;
        for (int i = 0; i < D; i++) {
            norm2 += g[0][i] * g[0][i] + g[1][i] * g[1][i];
            normPrime2 += gPrime[0][i] * gPrime[0][i] + gPrime[1][i] * gPrime[1][i];
        }
        // |g'|^2 = delta^2 |g|^2 with delta = allowance^(1/4) = 1e-2
        assertEquals(1e-4 * norm2, normPrime2, 1e-12 * norm2);
    }

    @Test
    void noScalingForLargeAllowancesOrWithoutEavesdroppers() {
        assertNull(EveSubspaceScaling.of(List.<double[][]>of(randomVector()), 1.0, D));
        assertNull(EveSubspaceScaling.of(List.<double[][]>of(randomVector()), 5.0, D));
        assertNull(EveSubspaceScaling.of(List.<double[][]>of(), 1e-9, D));
    }

    private static double norm2(double[][] v) {
        double s = 0;
        for (int i = 0; i < v[0].length; i++) {
            s += v[0][i] * v[0][i] + v[1][i] * v[1][i];
        }
        return s;
    }

    /**
     * D U^H a for a along g keeps |a'|^2 = delta^2 |a|^2, for a orthogonal to g |a'|^2 = |a|^2 (U unitary, D = 1
     * off the eavesdropper subspace); delta = (1e-8)^(1/4) = 1e-2.
     */
    private static void assertOneDirectionShrunk(EveSubspaceScaling s, double[][] g) {
        assertNotNull(s);
        assertEquals(1e-4 * norm2(g), norm2(s.vector(g)), 1e-12 * norm2(g));
        // orthogonal to g = c (1, 2, 0, 0, 0) for every complex c: (2, -1, 0, 0, 0), e3, j e5
        double[][][] orthogonal = {
            {{2, -1, 0, 0, 0}, new double[D]},
            {{0, 0, 1, 0, 0}, new double[D]},
            {new double[D], {0, 0, 0, 0, 1}}};
        for (double[][] a : orthogonal) {
            assertEquals(norm2(a), norm2(s.vector(a)), 1e-12 * norm2(a));
        }
    }

    @Test
    void aDirectionWithEqualRealAndImaginaryPartsIsScaled() {
        // g = (1 + j)(1, 2, 0, 0, 0): |Re g|^2 = |Im g|^2 = 5, |g|^2 = 10 (the norm adds both parts)
        double[][] g = {{1, 2, 0, 0, 0}, {1, 2, 0, 0, 0}};
        assertOneDirectionShrunk(EveSubspaceScaling.of(List.<double[][]>of(g), 1e-8, D), g);
    }

    @Test
    void twoEavesdroppersSharingADirectionGiveOneScaledColumn() {
        // g2 = 3j g1: the same direction (dependent over the complex numbers), so only one column is scaled
        double[][] g1 = {{1, 2, 0, 0, 0}, new double[D]};
        double[][] g2 = {new double[D], {3, 6, 0, 0, 0}};
        EveSubspaceScaling s = EveSubspaceScaling.of(List.<double[][]>of(g1, g2), 1e-8, D);
        assertOneDirectionShrunk(s, g1);
        assertEquals(1e-4 * norm2(g2), norm2(s.vector(g2)), 1e-12 * norm2(g2));
    }
}
