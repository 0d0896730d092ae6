package io.fresnel.design.speb;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.design.SolverParameter;
import java.util.List;

/**
 * {@code matrix-approx-hybrid}: paper 003's "Matrix Approximation-based HBF" benchmark (Sec. VI-B,
 * after its ref. [44]): the partially connected F_A F_D closest in Frobenius norm to the fully
 * digital precoder of {@code sumrate-max-digital} (same scenario and {@code speb_max_m2}), by
 * alternating the two least-squares blocks: F_D = F_A^H P / M (F_A^H F_A = M I), then on every
 * antenna n of subarray r the phase f_n = exp(j arg sum_s P_ns conj(F_D,rs)); until
 * ||P - F_A F_D||_F changes by less than 1e-9 (relative) or 200 rounds; finally F_D is scaled to
 * the power budget. Starts from zero phases.
 *
 * <p>As the paper says, this benchmark does not enforce the SPEB bound: the message reports the
 * SPEB and whether it exceeds {@code speb_max_m2}. Status {@code converged} (or the digital
 * design's {@code infeasible}); objective the sum rate of the written precoder (bit/s/Hz).
 */
public final class MatrixApproxHybridDesign extends AbstractDesign {
    private static final int MAX_ROUNDS = 200;

    @Override
    public String name() {
        return "matrix-approx-hybrid";
    }

    @Override
    public String description() {
        return "Matrix-approximation hybrid (paper 003 benchmark): F_A F_D closest to sumrate-max-digital";
    }

    /** The SPEB bound of the fully digital design it approximates. */
    private static final SolverParameter SPEB_MAX = SolverParameter.requiredPositive("speb_max_m2",
            "the SPEB bound Gamma_s of the fully digital design it approximates", "m^2");

    @Override
    public List<SolverParameter> parameters() {
        return List.of(SPEB_MAX);
    }

    @Override
    protected DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        DesignInputs.users(scenario, name());
        int chains = SpebInputs.partialChains(scenario, name(), scenario.users().size());
        double power = DesignInputs.transmitPowerW(scenario, name());
        double bound = SolverParameters.of(scenario, name()).number(SPEB_MAX);
        DesignResult digital;
        try {
            // its own progress (a sum rate per block) would read as residuals of this design: not passed on
            digital = SumRateDesign.digital().run(scenario, new DesignContext(context.cancelled(),
                    io.fresnel.design.ProgressListener.NONE, null));
        } catch (DesignException e) {
            throw new DesignException(name() + ": its fully digital design rejected the scenario: " + e.getMessage());
        }
        if (digital.precoder() == null) {
            return new DesignResult(name(), digital.status(), null, null, digital.iterations(),
                    DesignResult.secondsSince(start), "sumrate-max-digital: " + digital.message());
        }
        List<double[][]> target = SpebSdrStep.columns(digital.precoder().effective());
        int n = scenario.txArray().positions().size();
        PartialAnalog analog = new PartialAnalog(chains, n / chains, new double[n]);
        double previous = Double.POSITIVE_INFINITY;
        int rounds = 0;
        ComplexMatrix fd = analog.digital(target);
        for (; rounds < MAX_ROUNDS && !context.isCancelled(); rounds++) {
            fd = analog.digital(target);
            double[] ph = new double[n];
            for (int k = 0; k < n; k++) {
                int r = analog.chainOf(k);
                double sr = 0;
                double si = 0;
                for (int s = 0; s < target.size(); s++) {
                    double[][] p = target.get(s);
                    // P_ks conj(F_D,rs)
                    sr += p[0][k] * fd.re(r, s) + p[1][k] * fd.im(r, s);
                    si += p[1][k] * fd.re(r, s) - p[0][k] * fd.im(r, s);
                }
                ph[k] = Math.atan2(si, sr);
            }
            analog = analog.withPhases(ph);
            fd = analog.digital(target);
            double err = residual(target, analog.matrix().times(fd));
            context.progress().onIteration(rounds + 1, err, "matrix approximation: ||P - F_A F_D||_F^2 = " + err);
            // from the second round on (the first change, from +Infinity, would stop every run after one round)
            if (Double.isFinite(previous) && previous - err <= 1e-9 * previous) {
                rounds++;
                break;
            }
            previous = err;
        }
        double used = analog.matrix().times(fd).frobeniusNorm2();
        if (!(used > 0)) {
            return new DesignResult(name(), DesignStatus.INFEASIBLE, null, null, rounds,
                    DesignResult.secondsSince(start), "the approximation is zero");
        }
        Precoder precoder = new Precoder(digital.precoder().streams(), null, analog.matrix(),
                fd.scaled(Math.sqrt(power / used)), null);
        Metrics metrics = MetricsEvaluator.evaluate(scenario.withPrecoder(precoder));
        Double speb = metrics.system().crbPositionSumM2();
        String note = "SPEB " + speb + " m^2" + (speb != null && speb > bound
                ? " exceeds speb_max_m2 = " + bound + " m^2 (the matrix approximation does not enforce it)" : "");
        return new DesignResult(name(), DesignStatus.CONVERGED, precoder, metrics.system().sumRateBpsHz(), rounds,
                DesignResult.secondsSince(start), note);
    }

    private static double residual(List<double[][]> target, ComplexMatrix approx) {
        double s = 0;
        for (int c = 0; c < target.size(); c++) {
            for (int k = 0; k < approx.rows(); k++) {
                double dr = target.get(c)[0][k] - approx.re(k, c);
                double di = target.get(c)[1][k] - approx.im(k, c);
                s += dr * dr + di * di;
            }
        }
        return s;
    }
}
