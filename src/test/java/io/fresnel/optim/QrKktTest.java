package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link QrKkt}: the scaled KKT system solved by QR factorisations is the dense LU solution of the same
 * system ({@link KktReferenceSystem}), with and without equality rows; the packing keeps inner products; and
 * {@link KktSolver}'s QR fallback (taken, undone, kept for later scalings) solves the system.
 */
class QrKktTest {

    private static void assertLikeDenseLu(ConicData d, NtScaling w, long seed, String label) {
        assertLikeDenseLu(d, w, seed, 1e-10, label);
    }

    private static void assertLikeDenseLu(ConicData d, NtScaling w, long seed, double tolerance, String label) {
        ScaledConstraints gs = new ScaledConstraints(d);
        gs.rescale(w);
        QrKkt qr = QrKkt.factor(d, gs);
        assertNotNull(qr, label);
        KktSolver.KktVector b = KktReferenceSystem.rightHandSide(d, new Random(seed));
        KktSolver.KktVector u = KktSolver.KktVector.zeros(d);
        qr.solve(b.x(), b.y(), b.z(), u.x(), u.y(), u.z());
        KktReferenceSystem.assertCloseToLargest(KktReferenceSystem.denseSolution(d, w, b),
                KktReferenceSystem.flatten(d, u), tolerance, label);
    }

    @Test
    void solvesLikeDenseLuWithAnEquality() {
        for (long seed = 1; seed <= 3; seed++) {
            // (spread of the scaling, tolerance relative to the largest entry): one solve, no refinement
            for (double[] c : new double[][] {{1, 1e-10}, {1e2, 1e-10}, {1e4, 1e-7}}) {
                ConicData d = KktReferenceSystem.randomProgram(seed);
                assertTrue(d.p > 0, "premise: an equality");
                assertLikeDenseLu(d, KktReferenceSystem.scaling(d, c[0], seed + 7), seed, c[1],
                        "seed " + seed + " spread " + c[0]);
            }
        }
    }

    @Test
    void solvesLikeDenseLuWithoutEqualities() {
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            ConeProgram p = new ConeProgram(5);
            PsdBlock blk = p.addPsd(3);
            for (int v = 0; v < 5; v++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = i; j < 3; j++) {
                        blk.addCoefficient(v, i, j, rnd.nextGaussian());
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                blk.addConstant(i, i, 1);
            }
            p.addLinearInequality(java.util.Map.of(0, 1.0, 3, -2.0), 1);
            ConicData d = new ConicData(p);
            d.equilibrate();
            assertEquals(0, d.p);
            assertLikeDenseLu(d, KktReferenceSystem.scaling(d, 1e3, seed), seed, "no equality, seed " + seed);
        }
    }

    @Test
    void theKktSolverFallsBackToQrKeepsOrUndoesIt() {
        for (long seed = 1; seed <= 3; seed++) {
            ConicData d = KktReferenceSystem.randomProgram(seed);
            NtScaling w = KktReferenceSystem.scaling(d, 1e3, seed + 3);
            KktSolver kkt = new KktSolver(d);
            assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(w));
            while (kkt.fallBack()) {
                assertFalse(kkt.usesQr(), "the normal equations' ladder first");
            }
            Random rnd = new Random(seed);
            assertTrue(kkt.fallBackToQr(), "seed " + seed);
            assertTrue(kkt.usesQr());
            assertFalse(kkt.fallBackToQr(), "only once per scaling");
            KktReferenceSystem.assertSolvesLikeDenseLu(d, w, kkt, rnd, "QR, seed " + seed);
            kkt.undoQr();
            assertFalse(kkt.usesQr());
            KktReferenceSystem.assertSolvesLikeDenseLu(d, w, kkt, rnd, "undone, seed " + seed);
            // a fresh scaling starts with the normal equations until QR is kept, then with QR
            NtScaling next = KktReferenceSystem.scaling(d, 10, seed + 4);
            kkt.factor(next);
            assertFalse(kkt.usesQr());
            assertTrue(kkt.fallBackToQr());
            kkt.keepQr();
            assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(w));
            assertTrue(kkt.usesQr(), "kept for the rest of the run");
            KktReferenceSystem.assertSolvesLikeDenseLu(d, w, kkt, rnd, "kept, seed " + seed);
        }
    }

    @Test
    void programsAboveTheWorkLimitAreNotFactoredByQr() {
        // 800 variables on a 40 x 40 block: packed length 820, 820 x 800^2 = 5.2e8 > MAX_WORK
        int m = 40;
        ConeProgram p = new ConeProgram(800);
        PsdBlock blk = p.addPsd(m);
        for (int v = 0; v < 800; v++) {
            blk.addCoefficient(v, v % m, (v / m) % m, 1.0);
        }
        for (int i = 0; i < m; i++) {
            blk.addConstant(i, i, 1);
        }
        ConicData d = new ConicData(p);
        assertTrue((double) QrKkt.packedLength(d) * d.n * d.n > QrKkt.MAX_WORK, "premise");
        assertNull(QrKkt.factor(d, new ScaledConstraints(d)));
    }

    @Test
    void packingKeepsInnerProductsAndInverts() {
        ConicData d = KktReferenceSystem.randomProgram(4);
        Random rnd = new Random(5);
        KktSolver.KktVector a = KktReferenceSystem.rightHandSide(d, rnd);
        KktSolver.KktVector b = KktReferenceSystem.rightHandSide(d, rnd);
        int len = QrKkt.packedLength(d);
        double[] pa = new double[len];
        double[] pb = new double[len];
        QrKkt.pack(d, a.z(), pa);
        QrKkt.pack(d, b.z(), pb);
        double full = InteriorPoint.dot(a.z(), b.z());
        assertEquals(full, InteriorPoint.dot(pa, pb), 1e-12 * Math.abs(full) + 1e-12);
        double[] back = new double[d.coneDim];
        QrKkt.unpack(d, pa, back);
        for (int i = 0; i < back.length; i++) {
            assertEquals(a.z()[i], back[i], 1e-15 * (1 + Math.abs(a.z()[i])), "entry " + i);
        }
    }
}
