package io.fresnel.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conic program in inequality (LMI) form over n real variables x:
 *
 * <pre>
 *   minimise    c^T x
 *   subject to  A x = b
 *               g_i^T x &lt;= h_i                         (linear inequalities)
 *               F0_k + sum_v x_v F_{k,v} &gt;= 0           (PSD, symmetric m_k x m_k)
 * </pre>
 *
 * A mutable builder: add the objective and constraints, then pass it to
 * {@link ConeSolver#solve}. Not thread-safe; do not modify it while it is being solved.
 */
public final class ConeProgram {
    private final int variables;
    private final double[] objective;
    private final List<SparseRow> equalities = new ArrayList<>();
    private final List<SparseRow> inequalities = new ArrayList<>();
    private final List<PsdBlock> blocks = new ArrayList<>();

    /** A sparse row: ascending variable indices, their coefficients, and the right-hand side. */
    record SparseRow(int[] index, double[] value, double rhs) {
    }

    /**
     * @param variables n, the number of real variables; at least 1
     */
    public ConeProgram(int variables) {
        if (variables < 1) {
            throw new IllegalArgumentException("a cone program needs at least one variable: " + variables);
        }
        this.variables = variables;
        this.objective = new double[variables];
    }

    /** @return n */
    public int variables() {
        return variables;
    }

    /**
     * Sets c_variable (all coefficients start at 0).
     *
     * @param variable 0 <= variable < n
     * @param coefficient finite
     */
    public void setObjective(int variable, double coefficient) {
        checkVariable(variable);
        checkFinite(coefficient, "objective coefficient");
        objective[variable] = coefficient;
    }

    /**
     * Adds row . x = rhs.
     *
     * @param row length n; not modified
     * @param rhs finite
     */
    public void addEquality(double[] row, double rhs) {
        equalities.add(dense(row, rhs));
    }

    /**
     * Adds sum_v row(v) x_v = rhs.
     *
     * @param row variable index to coefficient; not modified
     * @param rhs finite
     */
    public void addEquality(Map<Integer, Double> row, double rhs) {
        equalities.add(sparse(row, rhs));
    }

    /**
     * Adds row . x &lt;= rhs.
     *
     * @param row length n; not modified
     * @param rhs finite
     */
    public void addLinearInequality(double[] row, double rhs) {
        inequalities.add(dense(row, rhs));
    }

    /**
     * Adds sum_v row(v) x_v &lt;= rhs.
     *
     * @param row variable index to coefficient; not modified
     * @param rhs finite
     */
    public void addLinearInequality(Map<Integer, Double> row, double rhs) {
        inequalities.add(sparse(row, rhs));
    }

    /**
     * Adds a real symmetric LMI block F0 + sum_v x_v F_v &gt;= 0, all zero to begin with.
     *
     * @param size m &gt;= 1
     * @return the block, to fill in
     */
    public PsdBlock addPsd(int size) {
        PsdBlock block = new PsdBlock(size, variables);
        blocks.add(block);
        return block;
    }

    /**
     * Adds a complex Hermitian LMI block of size n, kept as its 2n x 2n real embedding
     * [[Re, -Im], [Im, Re]] &gt;= 0, whose Nesterov-Todd scaling and step lengths the solver computes in n x n
     * complex arithmetic ({@link HermitianScaling}).
     *
     * @param size n &gt;= 1
     * @return the block, to fill in
     */
    public HermitianPsdBlock addHermitianPsd(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Hermitian block size must be at least 1: " + size);
        }
        PsdBlock real = addPsd(2 * size);
        real.hermitian = true;
        return new HermitianPsdBlock(size, real);
    }

    /** @return the number of equality rows */
    public int equalityCount() {
        return equalities.size();
    }

    /** @return the number of linear inequality rows */
    public int linearInequalityCount() {
        return inequalities.size();
    }

    /** @return the number of (real) PSD blocks, Hermitian blocks counted once each */
    public int psdBlockCount() {
        return blocks.size();
    }

    double[] objective() {
        return objective;
    }

    List<SparseRow> equalities() {
        return Collections.unmodifiableList(equalities);
    }

    List<SparseRow> inequalities() {
        return Collections.unmodifiableList(inequalities);
    }

    List<PsdBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    private SparseRow dense(double[] row, double rhs) {
        if (row == null || row.length != variables) {
            throw new IllegalArgumentException("row length " + (row == null ? "null" : row.length) + " != " + variables);
        }
        checkFinite(rhs, "right-hand side");
        int count = 0;
        for (double v : row) {
            checkFinite(v, "row coefficient");
            if (v != 0) {
                count++;
            }
        }
        int[] index = new int[count];
        double[] value = new double[count];
        for (int v = 0, k = 0; v < variables; v++) {
            if (row[v] != 0) {
                index[k] = v;
                value[k++] = row[v];
            }
        }
        return new SparseRow(index, value, rhs);
    }

    private SparseRow sparse(Map<Integer, Double> row, double rhs) {
        if (row == null) {
            throw new IllegalArgumentException("row must not be null");
        }
        checkFinite(rhs, "right-hand side");
        TreeMap<Integer, Double> sorted = new TreeMap<>();
        for (Map.Entry<Integer, Double> e : row.entrySet()) {
            checkVariable(e.getKey());
            checkFinite(e.getValue(), "row coefficient");
            if (e.getValue() != 0) {
                sorted.put(e.getKey(), e.getValue());
            }
        }
        int[] index = new int[sorted.size()];
        double[] value = new double[sorted.size()];
        int k = 0;
        for (Map.Entry<Integer, Double> e : sorted.entrySet()) {
            index[k] = e.getKey();
            value[k++] = e.getValue();
        }
        return new SparseRow(index, value, rhs);
    }

    private void checkVariable(Integer variable) {
        if (variable == null || variable < 0 || variable >= variables) {
            throw new IllegalArgumentException("variable " + variable + " outside 0.." + (variables - 1));
        }
    }

    private static void checkFinite(Double value, String what) {
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is not finite: " + value);
        }
    }
}
