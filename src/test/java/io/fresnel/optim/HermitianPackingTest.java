package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link HermitianPacking}: the hvec layout has the inner product of svec of the real embedding; the scaled
 * columns of Hermitian blocks packed as hvec give the same Gs, Gs^T, block traces and normal matrix as the svec
 * layout of the real embeddings (the test seam {@link ConicData#sparseFormulaForEveryVariable}, which keeps every
 * block on svec), on random data and a scaling with weights spread over 1e-4 .. 1e4, to 1e-13 relative; mul and
 * transposeMul are exact adjoints for an arbitrary (unsymmetric, unstructured) z; and a block whose stored entries
 * are not exactly an embedding is not packed.
 *
 * <p>The program: a 5 x 5 Hermitian block with one variable per real degree of freedom (single entries: the complex
 * sparse formulas, Gram from the entries) plus one variable dense on rows 1..4 (the dense formula over a range), a
 * 3 x 3 Hermitian block of random dense Hermitian coefficients (Gram as a dense product), a real 3 x 3 block, a
 * linear row and an equality.
 */
class HermitianPackingTest {
    static final int N = 40;

    static ConeProgram program() {
        Random rnd = new Random(5);
        ConeProgram p = new ConeProgram(N);
        HermitianPsdBlock a = p.addHermitianPsd(5);
        int v = 0;
        for (int i = 0; i < 5; i++) {
            a.addConstant(i, i, 1, 0);
            for (int j = i; j < 5; j++) {
                a.addCoefficient(v++, i, j, 0.5 + rnd.nextDouble(), 0);
                if (j > i) {
                    a.addCoefficient(v++, i, j, 0, 0.5 + rnd.nextDouble());
                }
            }
        }
        for (int i = 1; i < 5; i++) {
            for (int j = i; j < 5; j++) {
                a.addCoefficient(v, i, j, rnd.nextGaussian(), i == j ? 0 : rnd.nextGaussian());
            }
        }
        v++;
        HermitianPsdBlock b = p.addHermitianPsd(3);
        for (int var = v; var < v + 8; var++) {
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    b.addCoefficient(var, i, j, rnd.nextGaussian(), i == j ? 0 : rnd.nextGaussian());
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            b.addConstant(i, i, 2, 0);
        }
        PsdBlock r = p.addPsd(3);
        for (int var = 30; var < N - 1; var++) {
            r.addCoefficient(var, var % 3, (var / 3) % 3, rnd.nextGaussian());
        }
        for (int i = 0; i < 3; i++) {
            r.addConstant(i, i, 1);
        }
        double[] row = new double[N];
        row[1] = 1;
        row[N - 1] = -3;
        p.addLinearInequality(row, 1);
        double[] eq = new double[N];
        eq[0] = 1;
        eq[27] = 2;
        eq[25] = 1; // variable 25 is a combination of 0..24 in block 0: this keeps [G; A]'s columns independent
        p.addEquality(eq, 0.5);
        for (int var = 0; var < N; var++) {
            p.setObjective(var, 1);
        }
        return p;
    }

    static ConicData data(boolean svecOnly) {
        ConicData d = new ConicData(program());
        d.sparseFormulaForEveryVariable = svecOnly;
        d.equilibrate();
        return d;
    }

    /** hvec of the test's documented layout: sqrt2 Re x_aa; 2 Re x_ab, 2 Im x_ab for a &lt; b, row by row. */
    private static double[] hvec(double[] re, double[] im, int n) {
        double[] h = new double[n * n];
        int q = 0;
        for (int a = 0; a < n; a++) {
            h[q++] = Math.sqrt(2) * re[a * n + a];
            for (int b = a + 1; b < n; b++) {
                h[q++] = 2 * re[a * n + b];
                h[q++] = 2 * im[a * n + b];
            }
        }
        return h;
    }

    @Test
    void hvecHasTheInnerProductOfSvecOfTheEmbeddingAndIsTheLayoutOfTheColumns() {
        Random rnd = new Random(2);
        int n = 4;
        double[][][][] x = {ConeSolverContract.randomHermitian(rnd, n), ConeSolverContract.randomHermitian(rnd, n)};
        double[][] flatRe = new double[2][n * n];
        double[][] flatIm = new double[2][n * n];
        double[][] svec = new double[2][];
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    flatRe[t][i * n + j] = x[t][0][i][j];
                    flatIm[t][i * n + j] = x[t][1][i][j];
                }
            }
            double[] e = new double[4 * n * n];
            HermitianKernels.embed(flatRe[t], flatIm[t], n, e);
            DMatrixRMaj col = new DMatrixRMaj(Svec.length(2 * n), 1);
            Svec.packNegated(e, 2 * n, col, 0);
            svec[t] = col.data;
        }
        double h = InteriorPoint.dot(hvec(flatRe[0], flatIm[0], n), hvec(flatRe[1], flatIm[1], n));
        assertEquals(InteriorPoint.dot(svec[0], svec[1]), h, 1e-14 * Math.abs(h));

        // with R^-1 = I the packed columns are -hvec(F_v), F_v read off the real embedding's left quadrants
        ConicData d = data(false);
        for (int k = 0; k < 2; k++) {
            ConicData.Block blk = d.blocks[k];
            HermitianPacking packing = HermitianPacking.of(blk);
            assertNotNull(packing, "block " + k + " is an exact embedding");
            int m = blk.m;
            int nc = m / 2;
            DMatrixRMaj cols = packing.scaledColumns(NtScaling.identity(m));
            assertEquals(nc * nc, cols.numRows);
            for (int j = 0; j < blk.vars.length; j++) {
                double[] f = new double[m * m];
                for (int e = 0; e < blk.vals[j].length; e++) {
                    f[blk.rows[j][e] * m + blk.cols[j][e]] += blk.vals[j][e];
                }
                double[] re = new double[nc * nc];
                double[] im = new double[nc * nc];
                HermitianKernels.extract(f, 0, nc, re, im);
                double[] expected = hvec(re, im, nc);
                for (int q = 0; q < expected.length; q++) {
                    assertEquals(-expected[q], cols.get(q, j), 1e-15 * (1 + Math.abs(expected[q])),
                            "block " + k + " variable " + j + " row " + q);
                }
            }
        }
    }

    @Test
    void packedColumnsGiveTheSameScaledSystemAsTheSvecLayout() {
        ConicData packed = data(false);
        ConicData plain = data(true);
        NtScaling wp = KktReferenceSystem.scaling(packed, 1e2, 7);
        NtScaling wr = KktReferenceSystem.scaling(plain, 1e2, 7);
        ScaledConstraints gp = new ScaledConstraints(packed);
        ScaledConstraints gr = new ScaledConstraints(plain);
        double[] tp = gp.rescale(wp);
        double[] tr = gr.rescale(wr);
        assertNotNull(gp.packing(0));
        assertNotNull(gp.packing(1));
        assertNull(gp.packing(2), "a real block keeps svec");
        assertNull(gr.packing(0), "the seam keeps every block on svec");
        assertTrue(gp.packing(0).gramFromEntries(), "block 0: the complex sparse Gram");
        assertFalse(gp.packing(1).gramFromEntries(), "block 1: the dense Gram over hvec rows");
        for (int k = 0; k < tp.length; k++) {
            assertEquals(tr[k], tp[k], 1e-13 * tr[k], "block trace " + k);
        }
        // Gs column by column
        double[][] colP = new double[N][packed.coneDim];
        double[][] colR = new double[N][plain.coneDim];
        double scale = 0;
        for (int v = 0; v < N; v++) {
            double[] e = new double[N];
            e[v] = 1;
            gp.mul(e, colP[v]);
            gr.mul(e, colR[v]);
            for (double c : colR[v]) {
                scale = Math.max(scale, Math.abs(c));
            }
        }
        for (int v = 0; v < N; v++) {
            for (int i = 0; i < packed.coneDim; i++) {
                assertEquals(colR[v][i], colP[v][i], 1e-13 * scale, "Gs(" + i + ", " + v + ")");
            }
        }
        // Gs^T z for an unstructured z, and the adjoint identity x . Gs^T z = Gs x . z
        Random rnd = new Random(9);
        for (int trial = 0; trial < 5; trial++) {
            double[] z = new double[packed.coneDim];
            double[] x = new double[N];
            for (int i = 0; i < z.length; i++) {
                z[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < N; i++) {
                x[i] = rnd.nextGaussian();
            }
            double[] gtzP = new double[N];
            double[] gtzR = new double[N];
            gp.transposeMul(z, false, gtzP);
            gr.transposeMul(z, false, gtzR);
            double[] gx = new double[packed.coneDim];
            gp.mul(x, gx);
            double lhs = InteriorPoint.dot(x, gtzP);
            double rhs = InteriorPoint.dot(gx, z);
            double size = 0;
            for (int i = 0; i < N; i++) {
                size = Math.max(size, Math.abs(gtzR[i]));
                assertEquals(gtzR[i], gtzP[i], 1e-13 * scale * z.length, "Gs^T z entry " + i);
            }
            assertEquals(lhs, rhs, 1e-13 * size * N, "adjoint");
        }
    }

    @Test
    void packedGramIsTheSvecGramAndTheDiagonalIsExact() {
        ConicData packed = data(false);
        ConicData plain = data(true);
        NtScaling wp = KktReferenceSystem.nearOptimum(packed, 1e-4, 3, 2);
        NtScaling wr = KktReferenceSystem.nearOptimum(plain, 1e-4, 3, 2);
        ScaledConstraints gp = new ScaledConstraints(packed);
        ScaledConstraints gr = new ScaledConstraints(plain);
        double[] tp = gp.rescale(wp);
        double[] tr = gr.rescale(wr);
        BlockGrams bp = new BlockGrams(packed, gp, wp);
        double[] diag = bp.unborderedDiagonal();
        DMatrixRMaj hp = NormalEquations.assemble(packed, gp, wp, bp, tp, Double.POSITIVE_INFINITY, 0,
                new BorderRows());
        DMatrixRMaj hr = NormalEquations.assemble(plain, gr, wr, new BlockGrams(plain, gr, wr), tr,
                Double.POSITIVE_INFINITY, 0, new BorderRows());
        double scale = 0;
        for (int v = 0; v < N; v++) {
            scale = Math.max(scale, Math.abs(hr.get(v, v)));
        }
        for (int u = 0; u < N; u++) {
            assertEquals(hp.get(u, u), diag[u], 0.0, "diagonal entry " + u + " to the last bit");
            for (int v = 0; v < N; v++) {
                assertEquals(hr.get(u, v), hp.get(u, v), 1e-13 * scale, "H(" + u + ", " + v + ")");
            }
        }
    }

    @Test
    void aBlockThatIsNotExactlyAnEmbeddingIsNotPacked() {
        ConicData d = data(false);
        ConicData.Block blk = d.blocks[1];
        assertNotNull(HermitianPacking.of(blk));
        // one entry of the bottom-right quadrant off by one ulp: Re is no longer stored twice alike
        for (int e = 0; e < blk.vals[0].length; e++) {
            if (blk.rows[0][e] >= blk.m / 2 && blk.cols[0][e] >= blk.m / 2 && blk.vals[0][e] != 0) {
                blk.vals[0][e] = Math.nextUp(blk.vals[0][e]);
                break;
            }
        }
        assertNull(HermitianPacking.of(blk));
        assertNull(HermitianPacking.of(d.blocks[2]), "a real block");
    }
}
