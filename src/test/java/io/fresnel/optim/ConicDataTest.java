package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ConicData}: the standard form G x + s = h, A x = b of a {@link ConeProgram} written out by
 * hand (orthant rows, then each block as a full row-major matrix with G x = -sum x_v F_v and h = F0),
 * G^T and A^T as the adjoints of G and A, and the equilibration as an exact reformulation: at
 * x = beta colScale x' the objective is c^T x = beta c'^T x' / objScale, every equality and orthant
 * residual is a fixed positive multiple of the original one, every block residual a fixed congruence
 * D (F0 + sum x_v F_v) D (entrywise a positive rank-one factor d_i d_j), and the right-hand side and
 * objective have unit infinity norm.
 */
class ConicDataTest {

    /** Two equalities, three inequalities, a 3 x 3 and a 2 x 2 block over 4 variables. */
    private static ConeProgram program() {
        ConeProgram p = new ConeProgram(4);
        p.setObjective(0, 1.5);
        p.setObjective(2, -2);
        p.setObjective(3, 0.25);
        p.addEquality(new double[] {1, -2, 0, 0.5}, 3);
        p.addEquality(Map.of(3, 4.0, 1, -1.0), -1);
        p.addLinearInequality(new double[] {2, 0, 0, -1}, 1);
        p.addLinearInequality(Map.of(2, 3.0), 0.5);
        p.addLinearInequality(new double[] {0, 1, 1, 1}, 7);
        PsdBlock b3 = p.addPsd(3);
        b3.addConstant(0, 0, 2);
        b3.addConstant(1, 1, 3);
        b3.addConstant(2, 2, 4);
        b3.addConstant(0, 2, 0.5);
        b3.addCoefficient(0, 0, 1, 1.25);
        b3.addCoefficient(0, 2, 2, -1);
        b3.addCoefficient(2, 1, 1, 2);
        b3.addCoefficient(3, 0, 0, 0.75);
        b3.addCoefficient(3, 2, 0, -0.5);
        // a coefficient that cancels to zero: variable 1 does not enter this block
        b3.addCoefficient(1, 1, 2, 1);
        b3.addCoefficient(1, 2, 1, -1);
        PsdBlock b2 = p.addPsd(2);
        b2.addConstant(0, 0, 1);
        b2.addConstant(1, 1, 1);
        b2.addCoefficient(1, 0, 1, 3);
        b2.addCoefficient(3, 1, 1, -2);
        return p;
    }

    /** F0 + sum x_v F_v of block k as a full matrix, from the program. */
    private static double[][] lmi(ConeProgram p, int k, double[] x) {
        PsdBlock block = p.blocks().get(k);
        int m = block.size();
        double[] f0 = block.denseConstant();
        double[][] f = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                f[i][j] = f0[i * m + j];
            }
        }
        for (Map.Entry<Integer, Map<Long, Double>> e : block.coefficients().entrySet()) {
            for (Map.Entry<Long, Double> entry : e.getValue().entrySet()) {
                int i = (int) (entry.getKey() / m);
                int j = (int) (entry.getKey() % m);
                f[i][j] += x[e.getKey()] * entry.getValue();
                if (i != j) {
                    f[j][i] += x[e.getKey()] * entry.getValue();
                }
            }
        }
        return f;
    }

    private static double rowValue(ConeProgram.SparseRow row, double[] x) {
        double s = 0;
        for (int k = 0; k < row.index().length; k++) {
            s += row.value()[k] * x[row.index()[k]];
        }
        return s;
    }

    private static double[] randomVector(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    @Test
    void standardFormWrittenOutByHand() {
        ConeProgram p = program();
        ConicData d = new ConicData(p);
        assertEquals(4, d.n);
        assertEquals(2, d.p);
        assertEquals(3, d.l);
        assertEquals(3 + 9 + 4, d.coneDim, "l + sum m^2");
        assertEquals(3 + 3 + 2, d.degree, "l + sum m");
        assertArrayEquals(new double[] {1.5, 0, -2, 0.25}, d.c, 0);
        assertArrayEquals(new double[] {1, -2, 0, 0.5}, d.a[0], 0);
        assertArrayEquals(new double[] {0, -1, 0, 4}, d.a[1], 0);
        assertArrayEquals(new double[] {3, -1}, d.b, 0);
        assertEquals(3, d.blocks[0].offset);
        assertEquals(12, d.blocks[1].offset);
        assertArrayEquals(new int[] {0, 2, 3}, d.blocks[0].vars, "variable 1 cancels out of block 0");
        assertArrayEquals(new int[] {1, 3}, d.blocks[1].vars);
        // h = (rhs; F0 full)
        double[] h = {1, 0.5, 7, 2, 0, 0.5, 0, 3, 0, 0.5, 0, 4, 1, 0, 0, 1};
        assertArrayEquals(h, d.h, 0);
        Random rnd = new Random(7);
        for (int trial = 0; trial < 3; trial++) {
            double[] x = randomVector(rnd, 4);
            double[] gx = new double[d.coneDim];
            d.gMul(x, gx);
            assertEquals(2 * x[0] - x[3], gx[0], 1e-15);
            assertEquals(3 * x[2], gx[1], 1e-15);
            assertEquals(x[1] + x[2] + x[3], gx[2], 1e-15);
            for (int k = 0; k < 2; k++) {
                double[][] withX = lmi(p, k, x);
                double[][] f0 = lmi(p, k, new double[4]);
                ConicData.Block blk = d.blocks[k];
                for (int i = 0; i < blk.m; i++) {
                    for (int j = 0; j < blk.m; j++) {
                        assertEquals(-(withX[i][j] - f0[i][j]), gx[blk.offset + i * blk.m + j], 1e-14,
                                "G x = -sum x_v F_v, block " + k + " (" + i + ", " + j + ")");
                    }
                }
            }
            double[] ax = new double[2];
            d.aMul(x, ax);
            assertEquals(x[0] - 2 * x[1] + 0.5 * x[3], ax[0], 1e-15);
            assertEquals(-x[1] + 4 * x[3], ax[1], 1e-15);
            // adjoints: z . G x = x . G^T z and y . A x = x . A^T y for any z, y
            double[] z = randomVector(rnd, d.coneDim);
            double[] gtz = new double[4];
            java.util.Arrays.fill(gtz, 99);
            d.gTMul(z, gtz);
            assertEquals(InteriorPoint.dot(z, gx), InteriorPoint.dot(x, gtz), 1e-13);
            double[] y = randomVector(rnd, 2);
            double[] aty = new double[4];
            java.util.Arrays.fill(aty, 99);
            d.aTMul(y, aty);
            assertEquals(InteriorPoint.dot(y, ax), InteriorPoint.dot(x, aty), 1e-13);
        }
    }

    /** The program with rows, variables and block indices scaled over many decades. */
    private static ConeProgram badlyScaled() {
        ConeProgram p = new ConeProgram(4);
        p.setObjective(0, 3e6);
        p.setObjective(1, -2e-3);
        p.setObjective(3, 5);
        p.addEquality(new double[] {1e-6, 2e3, 0, 0}, 4e-5);
        p.addEquality(new double[] {0, 0, 0, 0}, 0);
        p.addLinearInequality(new double[] {3e7, 0, -1e5, 0}, 2e8);
        p.addLinearInequality(new double[] {0, 0, 0, 0}, 1);
        p.addLinearInequality(new double[] {0, 1e-4, 1e-3, 2e-4}, 3e-3);
        PsdBlock b = p.addPsd(3);
        double[] dscale = {1e4, 1, 1e-3};
        double[][] f0 = {{2, 0.3, 0.1}, {0.3, 1, 0.2}, {0.1, 0.2, 3}};
        double[][][] f = {
            {{1, 0, 0.5}, {0, 0, 0}, {0.5, 0, 0}},
            {{0, 1, 0}, {1, 0.5, 0}, {0, 0, 0}},
            {{0, 0, 0}, {0, 0, 2}, {0, 2, 1}},
            {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
        double[] varScale = {1e-5, 1, 1e2, 1e3};
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                b.addConstant(i, j, f0[i][j] * dscale[i] * dscale[j]);
                for (int v = 0; v < 4; v++) {
                    if (f[v][i][j] != 0) {
                        b.addCoefficient(v, i, j, f[v][i][j] * dscale[i] * dscale[j] * varScale[v]);
                    }
                }
            }
        }
        return p;
    }

    @Test
    void equilibrationIsAnExactReformulationWithUnitNorms() {
        ConeProgram p = badlyScaled();
        ConicData d = new ConicData(p);
        d.equilibrate();
        Random rnd = new Random(9);
        double[][] rowRatio = new double[2][];
        double[][][] blockRatio = new double[2][][];
        for (int trial = 0; trial < 2; trial++) {
            double[] xs = randomVector(rnd, d.n);
            double[] x = new double[d.n];
            for (int v = 0; v < d.n; v++) {
                x[v] = d.beta * d.colScale[v] * xs[v];
            }
            double cx = InteriorPoint.dot(p.objective(), x);
            assertEquals(cx, d.beta * InteriorPoint.dot(d.c, xs) / d.objScale, 1e-12 * Math.max(1, Math.abs(cx)),
                    "c^T x = beta c'^T x' / objScale");
            double[] ax = new double[d.p];
            d.aMul(xs, ax);
            double[] gx = new double[d.coneDim];
            d.gMul(xs, gx);
            rowRatio[trial] = new double[d.p + d.l];
            for (int i = 0; i < d.p; i++) {
                double original = rowValue(p.equalities().get(i), x) - p.equalities().get(i).rhs();
                double scaled = ax[i] - d.b[i];
                rowRatio[trial][i] = original == 0 ? (scaled == 0 ? 0 : Double.NaN) : scaled / original;
            }
            for (int i = 0; i < d.l; i++) {
                double original = p.inequalities().get(i).rhs() - rowValue(p.inequalities().get(i), x);
                double scaled = d.h[i] - gx[i];
                rowRatio[trial][d.p + i] = scaled / original;
            }
            double[][] f = lmi(p, 0, x);
            ConicData.Block blk = d.blocks[0];
            blockRatio[trial] = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double scaled = d.h[blk.offset + i * 3 + j] - gx[blk.offset + i * 3 + j];
                    blockRatio[trial][i][j] = scaled / f[i][j];
                }
            }
        }
        for (int i = 0; i < d.p + d.l; i++) {
            if (i == 1) {
                assertEquals(0, rowRatio[0][i], 0, "the empty equality stays empty");
                continue;
            }
            assertTrue(rowRatio[0][i] > 0, "row " + i + " scaled by a positive factor: " + rowRatio[0][i]);
            assertEquals(rowRatio[0][i], rowRatio[1][i], 1e-9 * rowRatio[0][i], "row " + i + " factor independent of x");
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(blockRatio[0][i][i] > 0, "diagonal factor d_i^2 > 0");
            for (int j = 0; j < 3; j++) {
                assertEquals(blockRatio[0][i][j], blockRatio[1][i][j], 1e-9 * Math.abs(blockRatio[0][i][j]),
                        "block factor independent of x");
                assertEquals(blockRatio[0][i][j] * blockRatio[0][i][j], blockRatio[0][i][i] * blockRatio[0][j][j],
                        1e-9 * blockRatio[0][i][i] * blockRatio[0][j][j], "a congruence D F D: factor d_i d_j");
                assertTrue(blockRatio[0][i][j] > 0);
            }
        }
        // the right-hand side and the objective normalised to unit infinity norm
        double rhs = 0;
        for (double v : d.b) {
            rhs = Math.max(rhs, Math.abs(v));
        }
        for (double v : d.h) {
            rhs = Math.max(rhs, Math.abs(v));
        }
        assertEquals(1, rhs, 1e-15, "max(|b'|, |h'|)");
        double obj = 0;
        for (double v : d.c) {
            obj = Math.max(obj, Math.abs(v));
        }
        assertEquals(1, obj, 1e-15, "max |c'|");
    }

    @Test
    void equilibrationBringsRowAndColumnNormsTowardsOne() {
        // entries spanning 1e-6 .. 1e10 before; afterwards every nonempty row, block index and
        // variable has an infinity norm within a factor of 1.5 of every other (0.86 .. 1 measured): a converged
        // Ruiz scaling stops each factor within exp(0.05) of one
        ConeProgram p = badlyScaled();
        ConicData d = new ConicData(p);
        d.equilibrate();
        double[] colNorm = new double[d.n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < d.p; i++) {
            double norm = 0;
            for (int v = 0; v < d.n; v++) {
                norm = Math.max(norm, Math.abs(d.a[i][v]));
                colNorm[v] = Math.max(colNorm[v], Math.abs(d.a[i][v]));
            }
            if (norm > 0) {
                lo = Math.min(lo, norm);
                hi = Math.max(hi, norm);
            }
        }
        for (int i = 0; i < d.l; i++) {
            double norm = 0;
            for (int k = 0; k < d.gIndex[i].length; k++) {
                norm = Math.max(norm, Math.abs(d.gValue[i][k]));
                colNorm[d.gIndex[i][k]] = Math.max(colNorm[d.gIndex[i][k]], Math.abs(d.gValue[i][k]));
            }
            if (norm > 0) {
                lo = Math.min(lo, norm);
                hi = Math.max(hi, norm);
            }
        }
        ConicData.Block blk = d.blocks[0];
        double[] indexNorm = new double[blk.m];
        for (int t = 0; t < blk.vars.length; t++) {
            for (int q = 0; q < blk.vals[t].length; q++) {
                double v = Math.abs(blk.vals[t][q]);
                indexNorm[blk.rows[t][q]] = Math.max(indexNorm[blk.rows[t][q]], v);
                colNorm[blk.vars[t]] = Math.max(colNorm[blk.vars[t]], v);
            }
        }
        for (double v : indexNorm) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (double v : colNorm) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(hi / lo < 1.5, "norms " + lo + " .. " + hi);
    }
}
