package io.fresnel.design.speb;

import io.fresnel.design.common.SdrModel;
import io.fresnel.math.ComplexSubspace;
import io.fresnel.metrics.ConstraintStatus;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The digital block of Algorithm 2 (paper 003 Sec. V-A, V-C) for a fixed subspace (fully digital,
 * or the span of a fixed F_A), iterated to convergence: update gamma by (43) and mu by (44) (the
 * sums corrected as ERRATA 003 item 4 says, every other stream including the sensing one counted
 * as interference), then solve the SCA step {@link SumRateProgram} around the current point;
 * repeat until the sum rate rises by less than the tolerance. Each step starts feasible (the
 * linearisation point is feasible for its own program), so the sum rate never falls. A step is
 * taken only when its point is feasible as the metric code judges it ({@link #feasible}: the power
 * ||P||_F^2 within {@link ConstraintStatus#TOLERANCE} of P, the SPEB within 1e-9 of Gamma_s), since
 * the cone solver may report a solution of an ill-conditioned step that violates its own power
 * constraint (seen: status OPTIMAL with sum_k ||x_k||^2 = 1.9e5 against 1, two nearly parallel
 * user channels in a 2-dimensional span(F_A), docs/mutation/design-speb.md); such a step ends the
 * run like a failed subproblem, so every iterate meets the SPEB bound and the power.
 */
final class FpScaBlock {
    private final SdrModel model;
    private final SumRateProgram program;
    private final SpebEvaluator evaluator;
    private final double powerW;
    private final double spebMax;

    /**
     * @param model the subspace
     * @param evaluator SPEB and SINRs
     * @param powerW P (W)
     * @param spebMax Gamma_s (m^2), +Infinity without a bound
     * @throws ArithmeticException when the position is unobservable in the subspace
     */
    FpScaBlock(SdrModel model, SpebEvaluator evaluator, double powerW, double spebMax) {
        this.model = model;
        this.evaluator = evaluator;
        this.powerW = powerW;
        this.spebMax = spebMax;
        this.program = new SumRateProgram(model, powerW, spebMax);
    }

    SdrModel model() {
        return model;
    }

    /**
     * An iterate: the point, its columns (users, then sensing), sum rate (bit/s/Hz) and SPEB.
     *
     * @param point normalised precoders
     * @param columns the N-vector columns
     * @param sumRate sum over users of log2(1 + SINR_k)
     * @param speb the SPEB (m^2)
     */
    record Iterate(SumRateProgram.Point point, List<double[][]> columns, double sumRate, double speb) {
    }

    /** @return the iterate of a point */
    Iterate iterate(SumRateProgram.Point point) {
        List<double[][]> cols = point.columns(model, powerW);
        return new Iterate(point, cols, sumRate(evaluator, cols), Double.isFinite(spebMax) ? evaluator.speb(cols)
                : Double.NaN);
    }

    /** @return whether the iterate meets the SPEB bound (always true without one) */
    boolean meetsBound(Iterate it) {
        return !Double.isFinite(spebMax) || it.speb() <= spebMax * (1 + 1e-9);
    }

    /**
     * @return whether the iterate's columns stay within the power budget, ||P||_F^2 &lt;= P (1 + {@link
     *     ConstraintStatus#TOLERANCE}), the metric code's judgement of transmit_power_w
     */
    boolean withinPower(Iterate it) {
        double sum = 0;
        for (double[][] c : it.columns()) {
            for (int i = 0; i < c[0].length; i++) {
                sum += c[0][i] * c[0][i] + c[1][i] * c[1][i];
            }
        }
        return sum <= powerW * (1 + ConstraintStatus.TOLERANCE);
    }

    /** @return whether the iterate meets the power and the SPEB bound ({@link #withinPower}, {@link #meetsBound}) */
    boolean feasible(Iterate it) {
        return withinPower(it) && meetsBound(it);
    }

    /**
     * The end of a run of the block.
     *
     * @param last the last accepted iterate
     * @param settled whether the run stopped because the sum rate rose by less than the tolerance or
     *     not at all (a feasible step that does not raise the sum rate); false when it stopped at the step
     *     limit, on a failed subproblem, on a step outside the power or the SPEB bound or on cancellation
     */
    record Run(Iterate last, boolean settled) {
    }

    /**
     * Runs the block from a feasible start.
     *
     * @param start the first iterate (meets the bound and the power)
     * @param maxSteps the most SCA steps
     * @param tolerance stop when the sum rate rises by less than this (relative)
     * @param cancelled polled between steps
     * @return the last accepted iterate
     */
    Iterate run(Iterate start, int maxSteps, double tolerance, BooleanSupplier cancelled) {
        return runToTolerance(start, maxSteps, tolerance, cancelled).last();
    }

    /**
     * As {@link #run}, saying also why the run stopped.
     *
     * @param start the first iterate (meets the bound and the power)
     * @param maxSteps the most SCA steps
     * @param tolerance stop when the sum rate rises by less than this (relative)
     * @param cancelled polled between steps
     * @return the last accepted iterate and whether the run settled
     */
    Run runToTolerance(Iterate start, int maxSteps, double tolerance, BooleanSupplier cancelled) {
        Iterate cur = start;
        int users = model.users.size();
        for (int step = 0; step < maxSteps && !cancelled.getAsBoolean(); step++) {
            double[] gamma = new double[users];
            double[][] mu = new double[users][2];
            for (int k = 0; k < users; k++) {
                double[] a = SpebEvaluator.amplitude(evaluator.channels[k], cur.columns().get(k));
                gamma[k] = evaluator.sinr(cur.columns(), k);
                double total = evaluator.noise[k];
                for (double[][] p : cur.columns()) {
                    double[] b = SpebEvaluator.amplitude(evaluator.channels[k], p);
                    total += b[0] * b[0] + b[1] * b[1];
                }
                double s = Math.sqrt(1 + gamma[k]) / total;
                mu[k][0] = s * a[0];
                mu[k][1] = s * a[1];
            }
            SumRateProgram.Point next = program.solve(cur.point(), gamma, mu, cancelled);
            if (next == null) {
                return new Run(cur, false);
            }
            Iterate it = iterate(next);
            if (!feasible(it)) {
                return new Run(cur, false);
            }
            if (!(it.sumRate() > cur.sumRate())) {
                return new Run(cur, true);
            }
            double rise = (it.sumRate() - cur.sumRate()) / Math.max(it.sumRate(), 1e-9);
            cur = it;
            if (rise < tolerance) {
                return new Run(cur, true);
            }
        }
        return new Run(cur, false);
    }

    /**
     * The start of the communication-only problem, or of the bounded one from a covariance that
     * meets the bound with slack: a fraction 1 - eps of the power on the sensing covariance
     * {@code sensing} (columns), eps = 1 - SPEB(sensing)/Gamma_s (clipped to [0, 0.99]), the rest split
     * equally over maximum-ratio beams Q Q^H c_k^* (the FIM only grows when streams are added, so
     * the SPEB stays below Gamma_s).
     *
     * @param sensing columns in the subspace with SPEB at most Gamma_s, or null (communication only)
     * @return the start
     */
    Iterate start(List<double[][]> sensing) {
        int users = model.users.size();
        double eps = 1;
        double[][][] xs = null;
        if (sensing != null) {
            double s = evaluator.speb(sensing);
            eps = Math.max(0, Math.min(0.99, 1 - s / spebMax));
            xs = covariance(model.basis, sensing, (1 - eps) / powerW);
        }
        double[][][] x = new double[users][][];
        for (int k = 0; k < users; k++) {
            double[][] g = model.userVectors[k];
            double norm = 0;
            for (int i = 0; i < model.d; i++) {
                norm += g[0][i] * g[0][i] + g[1][i] * g[1][i];
            }
            double a = norm > 0 ? Math.sqrt(eps / users / norm) : 0;
            double[] re = new double[model.d];
            double[] im = new double[model.d];
            for (int i = 0; i < model.d; i++) {
                re[i] = a * g[0][i];
                im[i] = a * g[1][i];
            }
            x[k] = new double[][] {re, im};
        }
        return iterate(new SumRateProgram.Point(x, xs));
    }

    /**
     * The iterate of given columns (users first, then sensing), all in the subspace.
     *
     * @param columns the precoder's columns
     * @return the iterate (user precoders and the sensing covariance in the model's coordinates)
     */
    Iterate fromColumns(List<double[][]> columns) {
        int users = model.users.size();
        double[][][] x = new double[users][][];
        for (int k = 0; k < users; k++) {
            double[][] p = columns.get(k);
            double[][] c = model.basis.coordinates(p[0], p[1]);
            double s = 1 / Math.sqrt(powerW);
            for (int i = 0; i < model.d; i++) {
                c[0][i] *= s;
                c[1][i] *= s;
            }
            x[k] = c;
        }
        double[][][] xs = program.bounded()
                ? covariance(model.basis, columns.subList(users, columns.size()), 1 / powerW) : null;
        return iterate(new SumRateProgram.Point(x, xs));
    }

    /** @return scale * sum_c y_c y_c^H with y_c the coordinates of column c */
    static double[][][] covariance(ComplexSubspace basis, List<double[][]> columns, double scale) {
        int d = basis.dimension();
        double[][] re = new double[d][d];
        double[][] im = new double[d][d];
        for (double[][] p : columns) {
            double[][][] o = SdrModel.outer(basis.coordinates(p[0], p[1]));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    re[i][j] += scale * o[0][i][j];
                    im[i][j] += scale * o[1][i][j];
                }
            }
        }
        return new double[][][] {re, im};
    }

    /** @return sum_k log2(1 + SINR_k) of columns whose first K are the users' streams */
    static double sumRate(SpebEvaluator evaluator, List<double[][]> columns) {
        double s = 0;
        for (int k = 0; k < evaluator.channels.length; k++) {
            s += Math.log1p(evaluator.sinr(columns, k)) / Math.log(2);
        }
        return s;
    }
}
