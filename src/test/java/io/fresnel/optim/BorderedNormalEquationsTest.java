package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The bordered normal equations ({@link NormalEquations}, {@link RotatedBlock}, {@link BorderRows})
 * at a scaling with weights 1e12 apart, checked against their definitions: a rotated block applies
 * the same Gs and Gs^T as the unrotated one (the rotation is orthogonal); a row is bordered exactly
 * when its scaled weight exceeds the threshold, and its unscaled row divided by w is the scaled row;
 * the assembled matrix is the sum over the unbordered scaled rows of their outer products, plus
 * A^T A, plus rho_r g_r g_r^T for the border rows; the factors multiply back to M and to the Schur
 * complement C M^-1 C^T + E; E_r, the scaled step and the border right-hand sides by hand; and the
 * KKT solve at a well-centred scaling is exact after the first block elimination (no refinement
 * step: a backward-stable solve of a well-conditioned system).
 */
class BorderedNormalEquationsTest {

    private static ConicData data() {
        return KktSolverTest.data(1);
    }

    private static double[] coneVector(ConicData d, double small, double large, Random rnd) {
        return KktSolverTest.coneVector(d, small, large, rnd);
    }

    /**
     * A scaling with z / s of 1e12 along one direction of block A and on orthant row 0, everything
     * else of order one: those rows weigh far more than BORDER_RATIO times the lightest variable.
     */
    private static NtScaling nearBoundary(ConicData d) {
        NtScaling w = new NtScaling(d);
        assertTrue(w.update(heavy(d, 1e-6, new Random(2)), heavy(d, 1e6, new Random(2))));
        return w;
    }

    /** Orthant entry 0 and the first eigenvalue of block 0 equal to e, the rest 0.5 .. 1.5. */
    private static double[] heavy(ConicData d, double e, Random rnd) {
        double[] v = coneVector(d, 1, 1, rnd);
        v[0] = e;
        ConicData.Block blk = d.blocks[0];
        int m = blk.m;
        double[][] q = KktSolverTest.orthogonal(m, rnd);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    sum += (k == 0 ? e : 0.5 + 0.5 * k) * q[i][k] * q[j][k];
                }
                v[blk.offset + i * m + j] = sum;
            }
        }
        return v;
    }

    private static double[] unit(int n, int v) {
        double[] e = new double[n];
        e[v] = 1;
        return e;
    }

    @Test
    void rotatedBlocksApplyTheSameScaledConstraints() {
        ConicData d = KktReferenceSystem.separatedProgram(12);
        NtScaling w = nearBoundary(d);
        ScaledConstraints plain = new ScaledConstraints(d);
        plain.rescale(w);
        ScaledConstraints rotated = new ScaledConstraints(d);
        rotated.rescale(w);
        for (int k = 0; k < d.blocks.length; k++) {
            rotated.rotate(k, w);
        }
        Random rnd = new Random(4);
        double[] x = new double[d.n];
        for (int v = 0; v < d.n; v++) {
            x[v] = rnd.nextGaussian();
        }
        double[] a = new double[d.coneDim];
        double[] b = new double[d.coneDim];
        plain.mul(x, a);
        rotated.mul(x, b);
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < d.coneDim; i++) {
            assertEquals(a[i], b[i], 1e-12 * scale, "Gs x entry " + i);
        }
        double[] z = coneVector(d, 1, 1, rnd);
        double[] ta = new double[d.n];
        double[] tb = new double[d.n];
        plain.transposeMul(z, false, ta);
        rotated.transposeMul(z, false, tb);
        double tscale = 0;
        for (double v : ta) {
            tscale = Math.max(tscale, Math.abs(v));
        }
        for (int v = 0; v < d.n; v++) {
            assertEquals(ta[v], tb[v], 1e-12 * tscale, "Gs^T z entry " + v);
        }
        // the rotated rows: svec(U^T Z U) . (scale_r g_r) is Gs^T z; fromRotated o toRotated is the identity
        for (int k = 0; k < d.blocks.length; k++) {
            RotatedBlock rot = rotated.rotated(k);
            double[] back = new double[d.coneDim];
            rot.fromRotated(rot.toRotated(z), back);
            ConicData.Block blk = d.blocks[k];
            for (int i = blk.offset; i < blk.offset + blk.m * blk.m; i++) {
                assertEquals(z[i], back[i], 1e-12, "U smat(svec(U^T Z U)) U^T = Z");
            }
            assertEquals(blk.m * (blk.m + 1) / 2, rot.rowCount());
        }
    }

    @Test
    void borderedAssemblyIsTheNormalMatrixOfItsDefinition() {
        ConicData d = KktReferenceSystem.separatedProgram(12);
        NtScaling w = nearBoundary(d);
        ScaledConstraints gs = new ScaledConstraints(d);
        double[] blockTrace = gs.rescale(w);
        BlockGrams grams = new BlockGrams(d, gs, w);
        double minDiag = BlockGrams.smallestPositive(grams.unborderedDiagonal());
        double threshold = KktSolver.BORDER_RATIO * minDiag;
        double moderate = Math.sqrt(KktSolver.BORDER_RATIO) * minDiag;
        BorderRows borders = new BorderRows();
        DMatrixRMaj h = NormalEquations.assemble(d, gs, w, grams, blockTrace, threshold, moderate, borders);
        int n = d.n;
        assertTrue(borders.size() >= 2, "a row of block A and orthant row 0: " + borders.size());

        double[][] ref = new double[n][n];
        int orthantBorders = 0;
        for (int i = 0; i < d.l; i++) {
            double[] row = new double[n];
            for (int v = 0; v < n; v++) {
                double[] out = new double[d.coneDim];
                gs.mul(unit(n, v), out);
                row[v] = out[i];
            }
            double weight = InteriorPoint.dot(row, row);
            assertEquals(weight > threshold, gs.isLinearBordered(i), "orthant row " + i + " weight " + weight);
            if (!gs.isLinearBordered(i)) {
                addOuter(ref, row, 1);
            } else {
                orthantBorders++;
            }
        }
        assertTrue(orthantBorders >= 1);
        int rotatedBorders = 0;
        for (int k = 0; k < d.blocks.length; k++) {
            RotatedBlock rot = gs.rotated(k);
            if (rot == null) {
                // unrotated: every svec row of the scaled columns
                DMatrixRMaj cols = gs.scaledColumns(k);
                for (int r = 0; r < cols.numRows; r++) {
                    double[] row = new double[n];
                    for (int j = 0; j < cols.numCols; j++) {
                        row[d.blocks[k].vars[j]] = cols.get(r, j);
                    }
                    addOuter(ref, row, 1);
                }
                continue;
            }
            double[][] scaledRows = new double[rot.rowCount()][n];
            for (int v = 0; v < n; v++) {
                double[] y = rot.mul(unit(n, v));
                for (int r = 0; r < y.length; r++) {
                    scaledRows[r][v] = y[r];
                }
            }
            for (int r = 0; r < rot.rowCount(); r++) {
                double weight = InteriorPoint.dot(scaledRows[r], scaledRows[r]);
                assertEquals(weight > threshold, rot.isBordered(r), "block " + k + " row " + r + " weight " + weight);
                if (!rot.isBordered(r)) {
                    addOuter(ref, scaledRows[r], 1);
                } else {
                    rotatedBorders++;
                }
            }
        }
        assertTrue(rotatedBorders >= 1);
        for (int i = 0; i < d.p; i++) {
            addOuter(ref, d.a[i], 1);
        }
        for (int t = 0; t < borders.size(); t++) {
            BorderRows.Row row = borders.get(t);
            double g2 = InteriorPoint.dot(row.g(), row.g());
            assertEquals(moderate / g2, row.rho(), 1e-15 * row.rho(), "rho g^T g is the moderate weight");
            addOuter(ref, row.g(), row.rho());
            // the unscaled row over w is the scaled row
            double[] scaled = scaledRow(d, gs, row.origin(), n);
            for (int v = 0; v < n; v++) {
                assertEquals(scaled[v], row.g()[v] / row.w(), 1e-10 * Math.sqrt(InteriorPoint.dot(scaled, scaled)),
                        "g / w, border row " + t);
            }
        }
        double scale = 0;
        for (int u = 0; u < n; u++) {
            scale = Math.max(scale, Math.abs(ref[u][u]));
        }
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                assertEquals(ref[u][v], h.get(u, v), 1e-11 * scale, "M(" + u + ", " + v + ")");
            }
        }

        // factors: M^-1 (M x) = x, S^-1 (S u) = u with S = C M^-1 C^T + E
        Optional<NormalEquations> f = NormalEquations.factor(h, d.a, borders);
        assertTrue(f.isPresent());
        NormalEquations ne = f.get();
        Random rnd = new Random(8);
        double[] x = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = rnd.nextGaussian();
        }
        double[] mx = new double[n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                mx[u] += ref[u][v] * x[v];
            }
        }
        ne.solveNormal(mx);
        for (int v = 0; v < n; v++) {
            assertEquals(x[v], mx[v], 1e-6 * Math.max(1, Math.abs(x[v])), "M^-1 M x");
        }
        int rows = d.p + borders.size();
        double[][] c = new double[rows][];
        for (int i = 0; i < rows; i++) {
            c[i] = i < d.p ? d.a[i] : borders.get(i - d.p).g();
        }
        double[][] minvCt = new double[rows][];
        for (int i = 0; i < rows; i++) {
            minvCt[i] = c[i].clone();
            ne.solveNormal(minvCt[i]);
        }
        double[] u = new double[rows];
        for (int i = 0; i < rows; i++) {
            u[i] = rnd.nextGaussian();
        }
        double[] su = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                su[i] += InteriorPoint.dot(c[i], minvCt[j]) * u[j];
            }
            if (i >= d.p) {
                BorderRows.Row r = borders.get(i - d.p);
                double e = r.w() * r.w() / (1 + r.rho() * r.w() * r.w());
                assertEquals(e, borders.schurDiagonal(i - d.p), 1e-15 * e, "E = w^2 / (1 + rho w^2)");
                su[i] += e * u[i];
            }
        }
        ne.solveSchur(su);
        for (int i = 0; i < rows; i++) {
            assertEquals(u[i], su[i], 1e-5 * Math.max(1, Math.abs(u[i])), "S^-1 S u, row " + i);
        }

        // the bordered system [[M, C^T], [C, -E]] (x, u) = (M x + C^T u, C x - E u), solved in one call
        double[] f2 = mxOf(ref, x);
        double[] r2 = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int v = 0; v < n; v++) {
                f2[v] += c[i][v] * u[i];
            }
            r2[i] = InteriorPoint.dot(c[i], x) - (i >= d.p ? borders.schurDiagonal(i - d.p) * u[i] : 0);
        }
        ne.solveBordered(f2, r2);
        for (int v = 0; v < n; v++) {
            assertEquals(x[v], f2[v], 1e-6 * Math.max(1, Math.abs(x[v])), "bordered solve, x " + v);
        }
        for (int i = 0; i < rows; i++) {
            assertEquals(u[i], r2[i], 1e-5 * Math.max(1, Math.abs(u[i])), "bordered solve, border unknown " + i);
        }
    }

    private static double[] mxOf(double[][] m, double[] x) {
        double[] out = new double[x.length];
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < x.length; b++) {
                out[a] += m[a][b] * x[b];
            }
        }
        return out;
    }

    /** The row of Gs (scaled) for a border row's origin, from the scaled constraints' own products. */
    private static double[] scaledRow(ConicData d, ScaledConstraints gs, BorderRows.Origin origin, int n) {
        double[] row = new double[n];
        for (int v = 0; v < n; v++) {
            if (origin instanceof BorderRows.Orthant o) {
                double[] out = new double[d.coneDim];
                gs.mul(unit(n, v), out);
                row[v] = out[o.row()];
            } else if (origin instanceof BorderRows.Rotated r) {
                row[v] = gs.rotated(r.block()).mul(unit(n, v))[r.row()];
            }
        }
        return row;
    }

    private static void addOuter(double[][] m, double[] g, double weight) {
        for (int u = 0; u < g.length; u++) {
            if (g[u] == 0) {
                continue;
            }
            for (int v = 0; v < g.length; v++) {
                m[u][v] += weight * g[u] * g[v];
            }
        }
    }

    @Test
    void borderRowFormulasByHand() {
        BorderRows rows = new BorderRows();
        rows.add(new BorderRows.Orthant(1), new double[] {1, 2}, 0.5, 3);
        rows.add(new BorderRows.Rotated(0, 2), new double[] {0, 1}, 4, 0.25);
        assertEquals(2, rows.size());
        // E = w^2 / (1 + rho w^2): 0.25 / 1.75 and 16 / 5
        assertEquals(0.25 / 1.75, rows.schurDiagonal(0), 1e-16);
        assertEquals(16.0 / 5, rows.schurDiagonal(1), 1e-15);
        // uz~ = w u / (1 + rho w^2): 0.5 * 2 / 1.75 and 4 * -1 / 5
        assertEquals(1 / 1.75, rows.scaledStep(0, 2), 1e-16);
        assertEquals(-0.8, rows.scaledStep(1, -1), 1e-16);
        assertEquals(new BorderRows.Rotated(0, 2), rows.get(1).origin());
    }

    @Test
    void wellCentredSystemsNeedNoRefinement() {
        ConicData d = data();
        Random rnd = new Random(2);
        NtScaling w = new NtScaling(d);
        assertTrue(w.update(coneVector(d, 1, 1, rnd), coneVector(d, 1, 1, rnd)));
        KktSolver kkt = new KktSolver(d);
        assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(w));
        for (int trial = 0; trial < 3; trial++) {
            KktSolver.KktVector b = KktSolver.KktVector.zeros(d);
            for (double[] part : new double[][] {b.x(), b.y()}) {
                for (int i = 0; i < part.length; i++) {
                    part[i] = rnd.nextGaussian();
                }
            }
            System.arraycopy(coneVector(d, 1, 1, rnd), 0, b.z(), 0, d.coneDim);
            KktSolver.KktVector u = KktSolver.KktVector.zeros(d);
            KktSolver.Refinement ref = kkt.solve(b, u);
            assertEquals(0, ref.steps(), () -> "refinement " + ref);
            assertEquals(KktSolver.RefinementEnd.ACCURATE, ref.end(), () -> "refinement " + ref);
        }
    }

    @Test
    void borderedSystemsAreRefinedToAccuracy() {
        ConicData d = KktReferenceSystem.separatedProgram(12);
        NtScaling w = nearBoundary(d);
        KktSolver kkt = new KktSolver(d);
        assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(w));
        Random rnd = new Random(6);
        KktSolver.KktVector b = KktSolver.KktVector.zeros(d);
        for (double[] part : new double[][] {b.x(), b.y()}) {
            for (int i = 0; i < part.length; i++) {
                part[i] = rnd.nextGaussian();
            }
        }
        System.arraycopy(coneVector(d, 1, 1, rnd), 0, b.z(), 0, d.coneDim);
        KktSolver.KktVector u = KktSolver.KktVector.zeros(d);
        KktSolver.Refinement ref = kkt.solve(b, u);
        double bb = InteriorPoint.dot(b.x(), b.x()) + InteriorPoint.dot(b.y(), b.y()) + InteriorPoint.dot(b.z(), b.z());
        double uu = InteriorPoint.dot(u.x(), u.x()) + InteriorPoint.dot(u.y(), u.y()) + InteriorPoint.dot(u.z(), u.z());
        assertTrue(ref.residual2() <= 1e-20 * (bb + uu), () -> "refinement " + ref + " |b|^2 " + bb);
        assertTrue(ref.steps() <= 10, () -> "refinement " + ref);
    }
}
