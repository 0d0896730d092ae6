package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link HermitianRotatedBlock} on the packed Hermitian blocks of {@link HermitianPackingTest}'s program under a
 * scaling near an optimum (weights 1e-6 .. 1e6): the rotated rows give the unrotated Gs x, Gs^T z (z unstructured),
 * Gram matrix and block trace to 1e-13 relative; toRotated, fromRotated and addOutsideRange give back -sym(z); and a
 * KKT solve with border rows of both Hermitian blocks agrees with the dense LU solution.
 */
class HermitianRotatedBlockTest {

    @Test
    void rotatedRowsGiveTheUnrotatedProductsGramAndTrace() {
        ConicData d = HermitianPackingTest.data(false);
        NtScaling w = KktReferenceSystem.nearOptimum(d, 1e-6, 3, 2);
        ScaledConstraints gs = new ScaledConstraints(d);
        double[] trace = gs.rescale(w);
        int n = d.n;
        Random rnd = new Random(4);
        for (int k = 0; k < 2; k++) {
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            RotatedBlock rot = HermitianRotatedBlock.of(gs.packing(k), blk, w.rInv[k]);
            assertInstanceOf(HermitianRotatedBlock.class, rot);
            assertEquals(m * m / 4, rot.rowCount(), "n^2 rows");
            DMatrixRMaj cols = gs.scaledColumns(k);
            // Gs x
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextGaussian();
            }
            double[] ref = new double[d.coneDim];
            HermitianPacking.mul(cols, blk.vars, x, m, blk.offset, ref);
            double[] got = new double[d.coneDim];
            rot.fromRotated(rot.mul(x), got);
            double scale = HermitianKernelsTest.maxAbs(ref);
            for (int i = blk.offset; i < blk.offset + m * m; i++) {
                assertEquals(ref[i], got[i], 1e-13 * scale, "block " + k + " Gs x entry " + i);
            }
            // Gs^T z for an unstructured, unsymmetric z
            double[] z = new double[d.coneDim];
            for (int i = 0; i < z.length; i++) {
                z[i] = rnd.nextGaussian();
            }
            double[] refT = new double[n];
            HermitianPacking.transposeMulAdd(cols, blk.vars, z, m, blk.offset, refT);
            double[] gotT = new double[n];
            rot.transposeMulAdd(rot.toRotated(z), false, gotT);
            double scaleT = HermitianKernelsTest.maxAbs(refT);
            for (int i = 0; i < n; i++) {
                assertEquals(refT[i], gotT[i], 1e-13 * scaleT, "block " + k + " Gs^T z entry " + i);
            }
            // Gram with the rows' own weights, and the trace
            double[] weight = new double[rot.rowCount()];
            double rowTrace = 0;
            for (int r = 0; r < weight.length; r++) {
                weight[r] = rot.scale(r) * rot.scale(r);
                rowTrace += weight[r] * rot.rowNorm2(r);
            }
            assertEquals(trace[k], rowTrace, 1e-13 * trace[k], "block " + k + " trace");
            double[] hd = new double[n * n];
            rot.addGram(weight, hd, n);
            double[] g = BlockGrams.denseGram(cols);
            int nv = blk.vars.length;
            double gScale = HermitianKernelsTest.maxAbs(g);
            for (int i = 0; i < nv; i++) {
                for (int j = 0; j < nv; j++) {
                    assertEquals(g[i * nv + j], hd[blk.vars[i] * n + blk.vars[j]], 1e-13 * gScale,
                            "block " + k + " Gram (" + i + ", " + j + ")");
                }
            }
            // fromRotated(-toRotated(z)) + the part outside the rows' range = -sym(Z)
            double[] zs = new double[d.coneDim];
            rot.fromRotated(negated(rot.toRotated(z)), zs);
            rot.addOutsideRange(z, zs);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double sym = 0.5 * (z[blk.offset + i * m + j] + z[blk.offset + j * m + i]);
                    assertEquals(-sym, zs[blk.offset + i * m + j], 1e-14 * HermitianKernelsTest.maxAbs(z), "block " + k + " -sym(z)");
                }
            }
        }
    }

    private static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    @Test
    void borderedSolveWithHermitianRotatedBlocksMatchesDenseLu() {
        ConicData d = HermitianPackingTest.data(false);
        NtScaling w = KktReferenceSystem.nearOptimum(d, 1e-5, 3, 2);
        ScaledConstraints gs = new ScaledConstraints(d);
        double[] trace = gs.rescale(w);
        BlockGrams grams = new BlockGrams(d, gs, w);
        double minDiag = BlockGrams.smallestPositive(grams.unborderedDiagonal());
        BorderRows borders = new BorderRows();
        DMatrixRMaj h = NormalEquations.assemble(d, gs, w, grams, trace, 1e4 * minDiag, 1e2 * minDiag, borders);
        assertInstanceOf(HermitianRotatedBlock.class, gs.rotated(0));
        assertInstanceOf(HermitianRotatedBlock.class, gs.rotated(1));
        boolean[] borderedBlock = new boolean[2];
        for (int t = 0; t < borders.size(); t++) {
            if (borders.get(t).origin() instanceof BorderRows.Rotated r && r.block() < 2) {
                borderedBlock[r.block()] = true;
            }
        }
        assertTrue(borderedBlock[0] && borderedBlock[1], "both Hermitian blocks have border rows");
        NormalEquations normal = NormalEquations.factor(h, d.a, borders).orElseThrow();
        Random rnd = new Random(8);
        int n = d.n;
        for (int trial = 0; trial < 3; trial++) {
            KktSolver.KktVector b = KktReferenceSystem.rightHandSide(d, rnd);
            KktSolver.KktVector u = KktSolver.KktVector.zeros(d);
            BorderedElimination.solve(d, gs, borders, normal, b, u, new double[n], new double[n], new double[n]);
            KktReferenceSystem.assertCloseToLargest(KktReferenceSystem.denseSolution(d, w, b),
                    KktReferenceSystem.flatten(d, u), 1e-8, "bordered solve " + trial);
        }
    }
}
