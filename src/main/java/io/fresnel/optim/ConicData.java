package io.fresnel.optim;

import java.util.Map;
import java.util.TreeMap;

/**
 * The numerical form of a {@link ConeProgram} in the standard form of the interior-point method,
 *
 * <pre>
 *   minimise c^T x  subject to  G x + s = h,  A x = b,  s in K = R^l_+ x S^{m_1}_+ x ... ,
 * </pre>
 *
 * with G x = (g_i^T x ; -sum_v x_v F_{k,v}) and h = (h_i ; F0_k). Cone vectors are laid out as
 * the l orthant entries followed by each PSD block as a full row-major m x m matrix, so that the
 * Euclidean inner product of two cone vectors is sum s_i z_i + sum_k tr(S_k Z_k).
 *
 * <p>{@link #equilibrate()} rescales the data in place (variables, rows, a diagonal congruence per
 * block, right-hand side and objective) and remembers how to map a solution back.
 */
final class ConicData {
    final int n;
    final int p;
    final int l;
    final double[] c;
    /** p x n, dense. */
    final double[][] a;
    final double[] b;
    final int[][] gIndex;
    final double[][] gValue;
    final Block[] blocks;
    /** h as a cone vector. */
    final double[] h;
    final int coneDim;
    final int degree;

    /**
     * Test seam (false in the product; set only through {@link ConeSolver}'s package-private solve): when
     * true, every variable takes the sparse formula of {@link ScaledConstraints}' scaled coefficients, also
     * those with a dense F_v (the same matrices up to rounding), and every block is applied through its
     * scaled columns (no matrix route, no shared block groups), as before 2026-12-03.
     */
    boolean sparseFormulaForEveryVariable;

    /** x_original = beta * colScale[v] * x_scaled. */
    final double[] colScale;
    double beta = 1;
    /** c_scaled = objScale * colScale * c_original (before beta). */
    double objScale = 1;

    /** One PSD block: - sum_v x_v F_v, in sparse coordinate form with both triangles expanded. */
    static final class Block {
        final int m;
        final int offset;
        final int[] vars;
        final int[][] rows;
        final int[][] cols;
        final double[][] vals;
        /** true for the real embedding of an m/2 x m/2 Hermitian block ({@link ConeProgram#addHermitianPsd}) */
        final boolean hermitian;

        Block(int m, int offset, int[] vars, int[][] rows, int[][] cols, double[][] vals, boolean hermitian) {
            this.m = m;
            this.hermitian = hermitian;
            this.offset = offset;
            this.vars = vars;
            this.rows = rows;
            this.cols = cols;
            this.vals = vals;
        }
    }

    ConicData(ConeProgram program) {
        n = program.variables();
        c = program.objective().clone();
        p = program.equalities().size();
        a = new double[p][n];
        b = new double[p];
        for (int i = 0; i < p; i++) {
            ConeProgram.SparseRow r = program.equalities().get(i);
            for (int k = 0; k < r.index().length; k++) {
                a[i][r.index()[k]] += r.value()[k];
            }
            b[i] = r.rhs();
        }
        l = program.inequalities().size();
        gIndex = new int[l][];
        gValue = new double[l][];
        int dim = l;
        int deg = l;
        for (PsdBlock block : program.blocks()) {
            dim += block.size() * block.size();
            deg += block.size();
        }
        coneDim = dim;
        degree = deg;
        h = new double[coneDim];
        for (int i = 0; i < l; i++) {
            ConeProgram.SparseRow r = program.inequalities().get(i);
            gIndex[i] = r.index().clone();
            gValue[i] = r.value().clone();
            h[i] = r.rhs();
        }
        blocks = new Block[program.blocks().size()];
        int offset = l;
        for (int k = 0; k < blocks.length; k++) {
            PsdBlock block = program.blocks().get(k);
            int m = block.size();
            System.arraycopy(block.denseConstant(), 0, h, offset, m * m);
            TreeMap<Integer, Map<Long, Double>> coefficients = block.coefficients();
            int count = 0;
            for (Map<Long, Double> f : coefficients.values()) {
                if (f.values().stream().anyMatch(v -> v != 0)) {
                    count++;
                }
            }
            int[] vars = new int[count];
            int[][] rows = new int[count][];
            int[][] cols = new int[count][];
            double[][] vals = new double[count][];
            int t = 0;
            for (Map.Entry<Integer, Map<Long, Double>> e : coefficients.entrySet()) {
                int entries = 0;
                for (Map.Entry<Long, Double> f : e.getValue().entrySet()) {
                    if (f.getValue() != 0) {
                        int i = (int) (f.getKey() / m);
                        int j = (int) (f.getKey() % m);
                        entries += i == j ? 1 : 2;
                    }
                }
                if (entries == 0) {
                    continue;
                }
                int[] ri = new int[entries];
                int[] ci = new int[entries];
                double[] vi = new double[entries];
                int q = 0;
                for (Map.Entry<Long, Double> f : e.getValue().entrySet()) {
                    double v = f.getValue();
                    if (v == 0) {
                        continue;
                    }
                    int i = (int) (f.getKey() / m);
                    int j = (int) (f.getKey() % m);
                    ri[q] = i;
                    ci[q] = j;
                    vi[q++] = v;
                    if (i != j) {
                        ri[q] = j;
                        ci[q] = i;
                        vi[q++] = v;
                    }
                }
                vars[t] = e.getKey();
                rows[t] = ri;
                cols[t] = ci;
                vals[t++] = vi;
            }
            blocks[k] = new Block(m, offset, vars, rows, cols, vals, block.hermitian);
            offset += m * m;
        }
        colScale = new double[n];
        java.util.Arrays.fill(colScale, 1.0);
    }

    /**
     * Equilibrates the data in place (a few Ruiz passes of square-root scaling of variables,
     * rows and block indices towards unit infinity norms), then normalises the right-hand side
     * and the objective to unit infinity norm. Every step is an exact reformulation: row scalings
     * and diagonal congruences D F D keep the feasible set and the PSD order.
     */
    void equilibrate() {
        double[] colNorm = new double[n];
        for (int pass = 0; pass < 12; pass++) {
            java.util.Arrays.fill(colNorm, 0);
            // rows of A
            for (int i = 0; i < p; i++) {
                double norm = 0;
                for (int v = 0; v < n; v++) {
                    norm = Math.max(norm, Math.abs(a[i][v]));
                    colNorm[v] = Math.max(colNorm[v], Math.abs(a[i][v]));
                }
                double s = rowFactor(norm);
                if (s != 1) {
                    for (int v = 0; v < n; v++) {
                        a[i][v] *= s;
                    }
                    b[i] *= s;
                }
            }
            for (int i = 0; i < l; i++) {
                double norm = 0;
                for (int k = 0; k < gIndex[i].length; k++) {
                    norm = Math.max(norm, Math.abs(gValue[i][k]));
                    colNorm[gIndex[i][k]] = Math.max(colNorm[gIndex[i][k]], Math.abs(gValue[i][k]));
                }
                double s = rowFactor(norm);
                if (s != 1) {
                    for (int k = 0; k < gValue[i].length; k++) {
                        gValue[i][k] *= s;
                    }
                    h[i] *= s;
                }
            }
            for (Block blk : blocks) {
                double[] indexNorm = new double[blk.m];
                for (int t = 0; t < blk.vars.length; t++) {
                    for (int q = 0; q < blk.vals[t].length; q++) {
                        double v = Math.abs(blk.vals[t][q]);
                        indexNorm[blk.rows[t][q]] = Math.max(indexNorm[blk.rows[t][q]], v);
                        colNorm[blk.vars[t]] = Math.max(colNorm[blk.vars[t]], v);
                    }
                }
                double[] d = new double[blk.m];
                boolean any = false;
                for (int i = 0; i < blk.m; i++) {
                    // congruence D F D scales entry (i, j) by d_i d_j; sqrt for both sides
                    d[i] = Math.sqrt(rowFactor(indexNorm[i]));
                    any |= d[i] != 1;
                }
                if (any) {
                    for (int t = 0; t < blk.vars.length; t++) {
                        for (int q = 0; q < blk.vals[t].length; q++) {
                            blk.vals[t][q] *= d[blk.rows[t][q]] * d[blk.cols[t][q]];
                        }
                    }
                    for (int i = 0; i < blk.m; i++) {
                        for (int j = 0; j < blk.m; j++) {
                            h[blk.offset + i * blk.m + j] *= d[i] * d[j];
                        }
                    }
                }
            }
            // columns (variables): x_v = s_v x'_v multiplies column v by s_v
            double[] factor = new double[n];
            boolean changed = false;
            for (int v = 0; v < n; v++) {
                factor[v] = rowFactor(colNorm[v]);
                changed |= factor[v] != 1;
            }
            if (changed) {
                scaleColumns(factor);
            } else if (pass > 0) {
                break;
            }
        }
        // right-hand side: x = beta x', b' = b / beta, h' = h / beta
        double rhsNorm = 0;
        for (double v : b) {
            rhsNorm = Math.max(rhsNorm, Math.abs(v));
        }
        for (double v : h) {
            rhsNorm = Math.max(rhsNorm, Math.abs(v));
        }
        if (rhsNorm > 0) {
            beta = rhsNorm;
            for (int i = 0; i < p; i++) {
                b[i] /= beta;
            }
            for (int i = 0; i < coneDim; i++) {
                h[i] /= beta;
            }
        }
        double objNorm = 0;
        for (double v : c) {
            objNorm = Math.max(objNorm, Math.abs(v));
        }
        if (objNorm > 0) {
            objScale = 1 / objNorm;
            for (int v = 0; v < n; v++) {
                c[v] *= objScale;
            }
        }
    }

    /** The factor 1/sqrt(norm) of one Ruiz pass, 1 for an empty row, clamped against overflow. */
    private static double rowFactor(double norm) {
        if (norm == 0 || Math.abs(Math.log(norm)) < 0.05) {
            return 1;
        }
        return 1 / Math.sqrt(norm);
    }

    private void scaleColumns(double[] s) {
        for (int v = 0; v < n; v++) {
            colScale[v] *= s[v];
            c[v] *= s[v];
        }
        for (int i = 0; i < p; i++) {
            for (int v = 0; v < n; v++) {
                a[i][v] *= s[v];
            }
        }
        for (int i = 0; i < l; i++) {
            for (int k = 0; k < gIndex[i].length; k++) {
                gValue[i][k] *= s[gIndex[i][k]];
            }
        }
        for (Block blk : blocks) {
            for (int t = 0; t < blk.vars.length; t++) {
                double f = s[blk.vars[t]];
                for (int q = 0; q < blk.vals[t].length; q++) {
                    blk.vals[t][q] *= f;
                }
            }
        }
    }

    /**
     * Debugging aid (off by default): writes the data as given (before equilibration) as JSON (c, A, b, dense G rows
     * of the orthant, per block the dense coefficient matrices F_v and {@code "hermitian":true} for the real embedding of
     * a Hermitian block, h) to the file named by the
     * system property {@code fresnel.optim.dump}, if set, appending a counter per solve.
     */
    void dumpIfRequested() {
        String path = System.getProperty("fresnel.optim.dump");
        if (path == null || path.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("{\"n\":").append(n).append(",\"p\":").append(p).append(",\"l\":").append(l);
        sb.append(",\"c\":").append(java.util.Arrays.toString(c));
        sb.append(",\"b\":").append(java.util.Arrays.toString(b));
        sb.append(",\"h\":").append(java.util.Arrays.toString(h));
        sb.append(",\"A\":[");
        for (int i = 0; i < p; i++) {
            sb.append(i > 0 ? "," : "").append(java.util.Arrays.toString(a[i]));
        }
        sb.append("],\"Gl\":[");
        for (int i = 0; i < l; i++) {
            double[] row = new double[n];
            for (int k = 0; k < gIndex[i].length; k++) {
                row[gIndex[i][k]] += gValue[i][k];
            }
            sb.append(i > 0 ? "," : "").append(java.util.Arrays.toString(row));
        }
        sb.append("],\"blocks\":[");
        for (int k = 0; k < blocks.length; k++) {
            Block blk = blocks[k];
            sb.append(k > 0 ? "," : "").append("{\"m\":").append(blk.m).append(blk.hermitian ? ",\"hermitian\":true" : "")
                    .append(",\"vars\":")
                    .append(java.util.Arrays.toString(blk.vars)).append(",\"F\":[");
            for (int t = 0; t < blk.vars.length; t++) {
                double[] f = new double[blk.m * blk.m];
                for (int q = 0; q < blk.vals[t].length; q++) {
                    f[blk.rows[t][q] * blk.m + blk.cols[t][q]] += blk.vals[t][q];
                }
                sb.append(t > 0 ? "," : "").append(java.util.Arrays.toString(f));
            }
            sb.append("]}");
        }
        sb.append("]}\n");
        synchronized (ConicData.class) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(path + "." + (dumpCounter++) + ".json"),
                        sb.toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static int dumpCounter;

    /** out = G x (cone vector). */
    void gMul(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < l; i++) {
            double sum = 0;
            for (int k = 0; k < gIndex[i].length; k++) {
                sum += gValue[i][k] * x[gIndex[i][k]];
            }
            out[i] = sum;
        }
        for (Block blk : blocks) {
            int m = blk.m;
            for (int t = 0; t < blk.vars.length; t++) {
                double xv = x[blk.vars[t]];
                if (xv == 0) {
                    continue;
                }
                int[] r = blk.rows[t];
                int[] cc = blk.cols[t];
                double[] val = blk.vals[t];
                for (int q = 0; q < val.length; q++) {
                    out[blk.offset + r[q] * m + cc[q]] -= xv * val[q];
                }
            }
        }
    }

    /** out = G^T z (length n). */
    void gTMul(double[] z, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < l; i++) {
            double zi = z[i];
            for (int k = 0; k < gIndex[i].length; k++) {
                out[gIndex[i][k]] += gValue[i][k] * zi;
            }
        }
        for (Block blk : blocks) {
            int m = blk.m;
            for (int t = 0; t < blk.vars.length; t++) {
                int[] r = blk.rows[t];
                int[] cc = blk.cols[t];
                double[] val = blk.vals[t];
                double sum = 0;
                for (int q = 0; q < val.length; q++) {
                    sum += val[q] * z[blk.offset + r[q] * m + cc[q]];
                }
                out[blk.vars[t]] -= sum;
            }
        }
    }

    /** out = A x (length p). */
    void aMul(double[] x, double[] out) {
        for (int i = 0; i < p; i++) {
            double sum = 0;
            double[] row = a[i];
            for (int v = 0; v < n; v++) {
                sum += row[v] * x[v];
            }
            out[i] = sum;
        }
    }

    /** out = A^T y (length n). */
    void aTMul(double[] y, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < p; i++) {
            double yi = y[i];
            double[] row = a[i];
            for (int v = 0; v < n; v++) {
                out[v] += row[v] * yi;
            }
        }
    }
}
