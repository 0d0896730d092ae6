package io.fresnel.optim;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One real symmetric linear matrix inequality {@code F0 + sum_v x_v F_v >= 0} (positive
 * semidefinite, size m x m) of a {@link ConeProgram}. Obtained from {@link ConeProgram#addPsd}.
 *
 * <p>Entries are symmetric: setting (i, j) sets (j, i) too, and every call accumulates onto what
 * is there. Only the entries given are stored, so sparse coefficient matrices cost little.
 */
public final class PsdBlock {
    private final int size;
    private final int variables;
    private final Map<Long, Double> constant = new HashMap<>();
    private final TreeMap<Integer, Map<Long, Double>> coefficients = new TreeMap<>();
    /**
     * Set by {@link ConeProgram#addHermitianPsd}: the block is the real embedding of an n x n Hermitian LMI (size
     * 2n, entries written only through {@link HermitianPsdBlock}), and the solver scales it in complex arithmetic
     * ({@link HermitianScaling}).
     */
    boolean hermitian;

    PsdBlock(int size, int variables) {
        if (size < 1) {
            throw new IllegalArgumentException("PSD block size must be at least 1: " + size);
        }
        this.size = size;
        this.variables = variables;
    }

    /** @return m, the matrix dimension */
    public int size() {
        return size;
    }

    /**
     * F0(i, j) += value, and F0(j, i) with it.
     *
     * @param i row, 0 <= i < size
     * @param j column, 0 <= j < size
     * @param value finite
     */
    public void addConstant(int i, int j, double value) {
        checkIndices(i, j, value);
        accumulate(constant, i, j, value);
    }

    /**
     * F_variable(i, j) += value, and F_variable(j, i) with it.
     *
     * @param variable index into x, 0 <= variable < variables of the program
     * @param i row, 0 <= i < size
     * @param j column, 0 <= j < size
     * @param value finite
     */
    public void addCoefficient(int variable, int i, int j, double value) {
        if (variable < 0 || variable >= variables) {
            throw new IllegalArgumentException("variable " + variable + " outside 0.." + (variables - 1));
        }
        checkIndices(i, j, value);
        accumulate(coefficients.computeIfAbsent(variable, v -> new HashMap<>()), i, j, value);
    }

    private void checkIndices(int i, int j, double value) {
        if (i < 0 || i >= size || j < 0 || j >= size) {
            throw new IllegalArgumentException("entry (" + i + ", " + j + ") outside a " + size + " x " + size + " block");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("entry (" + i + ", " + j + ") is not finite: " + value);
        }
    }

    private void accumulate(Map<Long, Double> target, int i, int j, double value) {
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        target.merge((long) lo * size + hi, value, Double::sum);
    }

    /** F0 as a dense symmetric m x m row-major array. */
    double[] denseConstant() {
        double[] f = new double[size * size];
        for (Map.Entry<Long, Double> e : constant.entrySet()) {
            int i = (int) (e.getKey() / size);
            int j = (int) (e.getKey() % size);
            f[i * size + j] = e.getValue();
            f[j * size + i] = e.getValue();
        }
        return f;
    }

    /** The coefficient matrices by variable, ascending, each keyed lo * size + hi (lo <= hi). */
    TreeMap<Integer, Map<Long, Double>> coefficients() {
        return coefficients;
    }
}
