package io.fresnel.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * A small smooth convex program for {@link BarrierSolver}:
 *
 * <pre>
 *   minimise   c . x + sum_r w_r (z_r . x + z0_r)^2
 *   subject to f_i(x) <= 0   ({@link QuadraticLogConstraint}),
 *              M_j(x) >= 0   ({@link AffineLmi}),
 *              u_k . x <= v_k.
 * </pre>
 *
 * Dense rows of length {@link #variables()}. The convex surrogates of paper 000 (52) have this
 * shape, and a barrier method on it avoids lifting every quadratic into a Schur block.
 */
public final class SmoothConvexProgram {
    private final int n;
    final double[] linear;
    final List<double[]> squares = new ArrayList<>();
    final List<Double> squareOffsets = new ArrayList<>();
    final List<Double> squareWeights = new ArrayList<>();
    final List<QuadraticLogConstraint> constraints = new ArrayList<>();
    final List<AffineLmi> lmis = new ArrayList<>();
    final List<double[]> linearRows = new ArrayList<>();
    final List<Double> linearBounds = new ArrayList<>();

    /** @param variables the number of real variables */
    public SmoothConvexProgram(int variables) {
        if (variables < 1) {
            throw new IllegalArgumentException("at least one variable");
        }
        this.n = variables;
        this.linear = new double[variables];
    }

    /** @return the number of variables */
    public int variables() {
        return n;
    }

    /** Adds v x_var to the objective. */
    public void addLinearObjective(int var, double v) {
        linear[var] += v;
    }

    /** Adds w (z . x + z0)^2 (w >= 0) to the objective. */
    public void addSquareObjective(double[] z, double z0, double w) {
        if (!(w >= 0) || z.length != n) {
            throw new IllegalArgumentException("square objective needs w >= 0 and a full row");
        }
        squares.add(z);
        squareOffsets.add(z0);
        squareWeights.add(w);
    }

    /** Adds f(x) <= 0. */
    public void add(QuadraticLogConstraint c) {
        if (c.size() != n) {
            throw new IllegalArgumentException("constraint row length " + c.size() + " != " + n);
        }
        constraints.add(c);
    }

    /** @return the number of {@link QuadraticLogConstraint}s added so far */
    public int constraintCount() {
        return constraints.size();
    }

    /** @return f_i(x) of the i-th {@link QuadraticLogConstraint} (+Infinity outside its domain) */
    public double constraintValue(int i, double[] x) {
        return constraints.get(i).value(x);
    }

    /** Adds M(x) >= 0. */
    public void add(AffineLmi lmi) {
        lmis.add(lmi);
    }

    /** Adds u . x <= v. */
    public void addLinearInequality(double[] u, double v) {
        if (u.length != n) {
            throw new IllegalArgumentException("row length");
        }
        linearRows.add(u);
        linearBounds.add(v);
    }

    /** @return the objective at x */
    public double objective(double[] x) {
        double v = QuadraticLogConstraint.dot(linear, x);
        for (int r = 0; r < squares.size(); r++) {
            double t = QuadraticLogConstraint.dot(squares.get(r), x) + squareOffsets.get(r);
            v += squareWeights.get(r) * t * t;
        }
        return v;
    }

    /** @return the barrier degree (number of scalar constraints plus the LMI orders) */
    int degree() {
        int m = constraints.size() + linearRows.size();
        for (AffineLmi l : lmis) {
            m += l.order();
        }
        return m;
    }

    /** @return true if x is strictly feasible */
    public boolean strictlyFeasible(double[] x) {
        for (QuadraticLogConstraint c : constraints) {
            if (!(c.value(x) < 0)) {
                return false;
            }
        }
        for (int k = 0; k < linearRows.size(); k++) {
            if (!(QuadraticLogConstraint.dot(linearRows.get(k), x) < linearBounds.get(k))) {
                return false;
            }
        }
        for (AffineLmi l : lmis) {
            if (l.factor(x) == null) {
                return false;
            }
        }
        return true;
    }
}
