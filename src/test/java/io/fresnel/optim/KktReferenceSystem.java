package io.fresnel.optim;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Test helpers for the scaled KKT system [0 A^T Gs^T; A 0 0; Gs 0 -I] u = b of {@link KktSolver},
 * computed independently of its block elimination: the matrix written out densely in svec
 * coordinates (columns of Gs from {@link ScaledConstraints#mul} of unit vectors on a fresh, unrotated
 * copy) and solved by LU with partial pivoting; the residual b - K u on full symmetric block matrices;
 * scalings with chosen spreads of z / s.
 */
final class KktReferenceSystem {
    private KktReferenceSystem() {
    }

    /** A random SDP (blocks 4 and 3, 5 orthant rows, 12 variables) with one equality, equilibrated. */
    static ConicData randomProgram(long seed) {
        return KktSolverTest.data(seed);
    }

    /**
     * Blocks A (variables 0-3) and B (4-7), five orthant rows and one equality, equilibrated, built so
     * that a heavy direction of block A and a heavy orthant row 0 (on variables 6 and 7) leave variables
     * 4 and 5 light: with {@link #scaling(ConicData, double, long, int)} heavy in block 0 only, the rows
     * of those directions weigh far more than the smallest diagonal entry of the normal matrix and are
     * bordered.
     */
    static ConicData separatedProgram(long seed) {
        return separatedProgram(seed, 5);
    }

    /** As {@link #separatedProgram(long)}, with only the first {@code orthantRows} orthant rows (1 or 5). */
    static ConicData separatedProgram(long seed, int orthantRows) {
        Random rnd = new Random(seed);
        ConeProgram p = new ConeProgram(8);
        twoRandomBlocks(p, rnd);
        p.addLinearInequality(java.util.Map.of(6, 1.0, 7, -0.5), 1);
        if (orthantRows > 1) {
            p.addLinearInequality(java.util.Map.of(0, 1.0, 4, -1.0), 1);
            p.addLinearInequality(java.util.Map.of(1, 1.0, 5, 2.0), 1);
            p.addLinearInequality(java.util.Map.of(2, 1.0), 1);
            p.addLinearInequality(java.util.Map.of(3, 1.0, 7, -1.0), 1);
        }
        p.addEquality(java.util.Map.of(0, 1.0, 5, 2.0), 0.5);
        ConicData d = new ConicData(p);
        d.equilibrate();
        return d;
    }

    /**
     * Adds blocks A (variables 0-3) and B (4-7) of order 3 to {@code p}: identity constants and random
     * Gaussian coefficients, each variable touching at least its own diagonal entry.
     */
    private static void twoRandomBlocks(ConeProgram p, Random rnd) {
        PsdBlock a = p.addPsd(3);
        PsdBlock b = p.addPsd(3);
        for (int v = 0; v < 8; v++) {
            PsdBlock blk = v < 4 ? a : b;
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    if (rnd.nextInt(2) == 0 || i == v % 3) {
                        blk.addCoefficient(v, i, j, rnd.nextGaussian());
                    }
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            a.addConstant(i, i, 1);
            b.addConstant(i, i, 1);
        }
    }

    /**
     * Blocks A (variables 0-3) and B (4-7) and variables 8 and 9 that appear only in the orthant rows and
     * the equality: with both blocks heavy and the orthant rows not, variables 8 and 9 stay light and the
     * heavy block rows are bordered. With {@code orthantRows} = 1, only the orthant row on 8 and 9.
     */
    static ConicData twoBlocksAndFreeRows(long seed, int orthantRows) {
        Random rnd = new Random(seed);
        ConeProgram p = new ConeProgram(10);
        twoRandomBlocks(p, rnd);
        p.addLinearInequality(java.util.Map.of(8, 1.0, 9, -0.5), 1);
        if (orthantRows > 1) {
            p.addLinearInequality(java.util.Map.of(8, 1.0), 1);
            p.addLinearInequality(java.util.Map.of(9, 1.0, 0, 0.5), 1);
        }
        p.addEquality(java.util.Map.of(0, 1.0, 9, 1.0), 0.5);
        if (orthantRows == 1) {
            p.addEquality(java.util.Map.of(8, 1.0, 9, 1.0), 0.25);
        }
        ConicData d = new ConicData(p);
        d.equilibrate();
        return d;
    }

    /** {@link #coneVector(ConicData, double, Random, int)} with every block heavy. */
    static double[] coneVector(ConicData d, double first, Random rnd) {
        return coneVector(d, first, rnd, d.blocks.length);
    }

    /**
     * A cone vector whose orthant entry 0 and first eigenvalue of blocks 0 .. heavyBlocks - 1 equal
     * {@code first}, the other entries and eigenvalues 0.5 .. 1.5; the eigenvectors a random orthogonal
     * basis.
     */
    static double[] coneVector(ConicData d, double first, Random rnd, int heavyBlocks) {
        return coneVector(d, first, 1, rnd, heavyBlocks);
    }

    /** As {@link #coneVector(ConicData, double, Random, int)} with the other entries and eigenvalues rest x (0.5 .. 1.5). */
    static double[] coneVector(ConicData d, double first, double rest, Random rnd, int heavyBlocks) {
        return coneVector(d, first, rest, rnd, heavyBlocks, true);
    }

    /** As above, with orthant row 0 heavy or not. */
    static double[] coneVector(ConicData d, double first, double rest, Random rnd, int heavyBlocks, boolean heavyRow) {
        double[] v = new double[d.coneDim];
        for (int i = 0; i < d.l; i++) {
            v[i] = i == 0 && heavyRow ? first : rest * (0.5 + rnd.nextDouble());
        }
        for (int kb = 0; kb < d.blocks.length; kb++) {
            ConicData.Block blk = d.blocks[kb];
            int m = blk.m;
            double[][] q = KktSolverTest.orthogonal(m, rnd);
            for (int k = 0; k < m; k++) {
                double e = k == 0 && kb < heavyBlocks ? first : rest * (0.5 + rnd.nextDouble());
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        v[blk.offset + i * m + j] += e * q[i][k] * q[j][k];
                    }
                }
            }
        }
        return v;
    }

    /**
     * The NT scaling of s and z that are nearly singular (s) and large (z) along the same directions:
     * weights z / s of {@code spread}^2 there, order one elsewhere.
     */
    static NtScaling scaling(ConicData d, double spread, long seed) {
        return scaling(d, spread, seed, d.blocks.length);
    }

    /** As {@link #scaling(ConicData, double, long)}, heavy in orthant row 0 and blocks 0 .. heavyBlocks - 1 only. */
    static NtScaling scaling(ConicData d, double spread, long seed, int heavyBlocks) {
        return scaling(d, spread, seed, heavyBlocks, true);
    }

    /** As above, with orthant row 0 heavy or not. */
    static NtScaling scaling(ConicData d, double spread, long seed, int heavyBlocks, boolean heavyRow) {
        NtScaling w = new NtScaling(d);
        if (!w.update(coneVector(d, 1 / spread, 1, new Random(seed), heavyBlocks, heavyRow),
                coneVector(d, spread, 1, new Random(seed), heavyBlocks, heavyRow))) {
            throw new IllegalStateException("scaling update failed");
        }
        return w;
    }

    /**
     * The NT scaling of a point near the optimum with complementarity mu: s = mu, z = 1 along the active
     * directions (orthant row 0 and the first eigenvector of blocks 0 .. heavyBlocks - 1), s ~ 1, z ~ mu
     * along the others: weights z / s of 1 / mu and of mu, 1 / mu^2 apart.
     */
    static NtScaling nearOptimum(ConicData d, double mu, long seed, int heavyBlocks) {
        return nearOptimum(d, mu, seed, heavyBlocks, true);
    }

    /** As above, with orthant row 0 active or not. */
    static NtScaling nearOptimum(ConicData d, double mu, long seed, int heavyBlocks, boolean activeRow) {
        NtScaling w = new NtScaling(d);
        if (!w.update(coneVector(d, mu, 1, new Random(seed), heavyBlocks, activeRow),
                coneVector(d, 1, mu, new Random(seed), heavyBlocks, activeRow))) {
            throw new IllegalStateException("scaling update failed");
        }
        return w;
    }

    /** A random right-hand side: Gaussian x and y parts, a symmetric z part. */
    static KktSolver.KktVector rightHandSide(ConicData d, Random rnd) {
        KktSolver.KktVector b = KktSolver.KktVector.zeros(d);
        for (double[] part : new double[][] {b.x(), b.y()}) {
            for (int i = 0; i < part.length; i++) {
                part[i] = rnd.nextGaussian();
            }
        }
        for (int i = 0; i < d.l; i++) {
            b.z()[i] = rnd.nextGaussian();
        }
        for (ConicData.Block blk : d.blocks) {
            int m = blk.m;
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double g = rnd.nextGaussian();
                    b.z()[blk.offset + i * m + j] = g;
                    b.z()[blk.offset + j * m + i] = g;
                }
            }
        }
        return b;
    }

    /** Length of the cone in svec coordinates. */
    static int svecDim(ConicData d) {
        int dim = d.l;
        for (ConicData.Block blk : d.blocks) {
            dim += blk.m * (blk.m + 1) / 2;
        }
        return dim;
    }

    /** svec of a full cone vector: orthant entries, then per block the upper triangle row by row, off-diagonals times sqrt 2. */
    static double[] svec(ConicData d, double[] full) {
        double[] out = new double[svecDim(d)];
        System.arraycopy(full, 0, out, 0, d.l);
        int q = d.l;
        for (ConicData.Block blk : d.blocks) {
            int m = blk.m;
            for (int a = 0; a < m; a++) {
                for (int c = a; c < m; c++) {
                    out[q++] = a == c ? full[blk.offset + a * m + a]
                            : Math.sqrt(2) * 0.5 * (full[blk.offset + a * m + c] + full[blk.offset + c * m + a]);
                }
            }
        }
        return out;
    }

    /**
     * The solution of the scaled KKT system by dense LU: (ux, uy, svec uz).
     *
     * @return length n + p + svecDim
     */
    static double[] denseSolution(ConicData d, NtScaling w, KktSolver.KktVector b) {
        ScaledConstraints gs = new ScaledConstraints(d);
        gs.rescale(w);
        int n = d.n;
        int p = d.p;
        int sv = svecDim(d);
        int size = n + p + sv;
        DMatrixRMaj k = new DMatrixRMaj(size, size);
        for (int v = 0; v < n; v++) {
            double[] e = new double[n];
            e[v] = 1;
            double[] col = new double[d.coneDim];
            gs.mul(e, col);
            double[] s = svec(d, col);
            for (int r = 0; r < sv; r++) {
                k.set(n + p + r, v, s[r]);
                k.set(v, n + p + r, s[r]);
            }
            for (int i = 0; i < p; i++) {
                k.set(n + i, v, d.a[i][v]);
                k.set(v, n + i, d.a[i][v]);
            }
        }
        for (int r = 0; r < sv; r++) {
            k.set(n + p + r, n + p + r, -1);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(size, 1);
        System.arraycopy(b.x(), 0, rhs.data, 0, n);
        System.arraycopy(b.y(), 0, rhs.data, n, p);
        System.arraycopy(svec(d, b.z()), 0, rhs.data, n + p, sv);
        DMatrixRMaj x = new DMatrixRMaj(size, 1);
        if (!CommonOps_DDRM.solve(k, rhs, x)) {
            throw new IllegalStateException("singular KKT matrix");
        }
        return x.data;
    }

    /** (ux, uy, svec uz) of a solution, comparable with {@link #denseSolution}. */
    static double[] flatten(ConicData d, KktSolver.KktVector u) {
        int sv = svecDim(d);
        double[] out = new double[d.n + d.p + sv];
        System.arraycopy(u.x(), 0, out, 0, d.n);
        System.arraycopy(u.y(), 0, out, d.n, d.p);
        System.arraycopy(svec(d, u.z()), 0, out, d.n + d.p, sv);
        return out;
    }

    /**
     * ||b - K u||^2 on full cone vectors (off-diagonal block entries counted twice), with a fresh
     * unrotated Gs: (bx - A^T uy - Gs^T uz, by - A ux, bz - (Gs ux - uz)), summed part by part in this
     * order (so that for an unrotated system it has the same bits as the definition evaluated in that order).
     */
    static double residual2(ConicData d, NtScaling w, KktSolver.KktVector b, KktSolver.KktVector u) {
        ScaledConstraints gs = new ScaledConstraints(d);
        gs.rescale(w);
        double[] aty = new double[d.n];
        double[] gtz = new double[d.n];
        d.aTMul(u.y(), aty);
        gs.transposeMul(u.z(), false, gtz);
        double sum = 0;
        for (int v = 0; v < d.n; v++) {
            double e = b.x()[v] - aty[v] - gtz[v];
            sum += e * e;
        }
        double[] ax = new double[d.p];
        d.aMul(u.x(), ax);
        for (int i = 0; i < d.p; i++) {
            double e = b.y()[i] - ax[i];
            sum += e * e;
        }
        double[] gx = new double[d.coneDim];
        gs.mul(u.x(), gx);
        for (int i = 0; i < d.coneDim; i++) {
            double e = b.z()[i] - (gx[i] - u.z()[i]);
            sum += e * e;
        }
        return sum;
    }

    /** The largest column norm of Gs (the scale of the KKT matrix). */
    static double gsNorm(ConicData d, NtScaling w) {
        ScaledConstraints gs = new ScaledConstraints(d);
        gs.rescale(w);
        double max = 0;
        for (int v = 0; v < d.n; v++) {
            double[] e = new double[d.n];
            e[v] = 1;
            double[] col = new double[d.coneDim];
            gs.mul(e, col);
            max = Math.max(max, Math.sqrt(InteriorPoint.dot(col, col)));
        }
        return max;
    }

    /** ||v||^2 of a KKT vector. */
    static double norm2(KktSolver.KktVector v) {
        return InteriorPoint.dot(v.x(), v.x()) + InteriorPoint.dot(v.y(), v.y()) + InteriorPoint.dot(v.z(), v.z());
    }

    /**
     * Solves one random right-hand side with {@code kkt} and compares it with the dense LU solution of the system
     * of {@code w} (each entry to 1e-8 of the largest).
     */
    static void assertSolvesLikeDenseLu(ConicData d, NtScaling w, KktSolver kkt, Random rnd, String label) {
        KktSolver.KktVector b = rightHandSide(d, rnd);
        KktSolver.KktVector u = KktSolver.KktVector.zeros(d);
        kkt.solve(b, u);
        assertCloseToLargest(denseSolution(d, w, b), flatten(d, u), 1e-8, label);
    }

    /** Each entry of {@code got} equals {@code ref}'s to {@code tolerance} times the largest |entry| of ref. */
    static void assertCloseToLargest(double[] ref, double[] got, double tolerance, String label) {
        double scale = 0;
        for (double v : ref) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < ref.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(ref[i], got[i], tolerance * scale, label + " entry " + i);
        }
    }
}
