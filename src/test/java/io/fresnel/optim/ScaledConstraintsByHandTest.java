package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The scaled columns of {@link ScaledConstraints} against -svec(R^-1 F_v R^-T) written out densely: a 6 x 6
 * block whose dense coefficient matrices are nonzero on all rows, on rows and columns 1..4 only, or on 2..5
 * only (the products run over that range), plus sparse ones (one entry pair: the sparse formula); scalings
 * from well centred to spread 1e6. Also the four-row blocking of the dense Gram product (the same sums in the
 * same order as one row at a time) and {@link ScaledConstraints#reset}.
 */
class ScaledConstraintsByHandTest {

    private static ConicData program() {
        Random rnd = new Random(5);
        int n = 9;
        ConeProgram p = new ConeProgram(n);
        PsdBlock blk = p.addPsd(6);
        for (int v = 0; v < n; v++) {
            int lo = v % 3 == 0 ? 0 : v % 3 == 1 ? 1 : 2;
            int hi = v % 3 == 1 ? 4 : 5;
            if (v == 4) {
                blk.addCoefficient(v, 1, 3, 0.7); // sparse: one entry pair
                continue;
            }
            for (int i = lo; i <= hi; i++) {
                for (int j = i; j <= hi; j++) {
                    blk.addCoefficient(v, i, j, rnd.nextGaussian());
                }
            }
        }
        for (int i = 0; i < 6; i++) {
            blk.addConstant(i, i, 1);
        }
        for (int v = 0; v < n; v++) {
            p.setObjective(v, 1);
        }
        ConicData d = new ConicData(p);
        d.equilibrate();
        return d;
    }

    @Test
    void scaledColumnsAreMinusSvecOfTheCongruence() {
        ConicData d = program();
        ConicData.Block blk = d.blocks[0];
        int m = blk.m;
        assertEquals(9, blk.vars.length);
        for (double spread : new double[] {1, 1e3, 1e6}) {
            NtScaling w = KktReferenceSystem.scaling(d, spread, 3);
            ScaledConstraints gs = new ScaledConstraints(d);
            gs.rescale(w);
            DMatrixRMaj cols = gs.scaledColumns(0);
            double[] ri = w.rInv[0];
            for (int j = 0; j < blk.vars.length; j++) {
                double[][] f = new double[m][m];
                for (int e = 0; e < blk.vals[j].length; e++) {
                    f[blk.rows[j][e]][blk.cols[j][e]] += blk.vals[j][e];
                }
                // R^-1 F R^-T, all m^3 terms
                double[][] t = new double[m][m];
                double norm = 0;
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        for (int c = 0; c < m; c++) {
                            for (int e = 0; e < m; e++) {
                                t[a][b] += ri[a * m + c] * f[c][e] * ri[b * m + e];
                            }
                        }
                        norm = Math.max(norm, Math.abs(t[a][b]));
                    }
                }
                int q = 0;
                for (int a = 0; a < m; a++) {
                    for (int b = a; b < m; b++) {
                        double expected = a == b ? -t[a][a] : -Math.sqrt(2) * t[a][b];
                        assertEquals(expected, cols.get(q, j), 1e-12 * norm,
                                "spread " + spread + ", variable " + j + ", svec row " + q);
                        q++;
                    }
                }
            }
        }
    }

    @Test
    void fourRowBlockingOfTheGramProductKeepsEverySum() {
        Random rnd = new Random(8);
        for (int rows : new int[] {1, 4, 7, 10}) {
            DMatrixRMaj cols = new DMatrixRMaj(rows, 5);
            for (int i = 0; i < cols.data.length; i++) {
                cols.data[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
            }
            double[] g = BlockGrams.denseGram(cols);
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    double sum = 0;
                    for (int r = 0; r < rows; r++) {
                        sum += cols.get(r, Math.min(i, j)) * cols.get(r, Math.max(i, j));
                    }
                    assertEquals(sum, g[i * 5 + j], 0.0, rows + " rows: G(" + i + ", " + j + ") to the last bit");
                }
            }
        }
    }

    @Test
    void resetUndoesRotationsAndBordersAndKeepsTheColumns() {
        ConicData d = program();
        NtScaling w = KktReferenceSystem.scaling(d, 1e3, 4);
        ScaledConstraints gs = new ScaledConstraints(d);
        double[] traces = gs.rescale(w);
        DMatrixRMaj cols = gs.scaledColumns(0).copy();
        assertNotNull(gs.rotate(0, w));
        traces[0] = -1; // the caller's copy: not the solver's
        double[] again = gs.reset();
        assertNull(gs.rotated(0));
        assertFalse(d.l > 0 && gs.isLinearBordered(0));
        double[] fresh = new ScaledConstraints(d).rescale(w);
        assertArrayEquals(fresh, again, 0.0);
        assertArrayEquals(cols.data, gs.scaledColumns(0).data, 0.0);
    }
}
