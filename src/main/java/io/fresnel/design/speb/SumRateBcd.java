package io.fresnel.design.speb;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.SdrModel;
import io.fresnel.model.Precoder;
import io.fresnel.model.Stream;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;

/**
 * Algorithm 2 of paper 003 (FP + SCA BCD) for the partially connected F_A F_D:
 *
 * <ol>
 *   <li>Initialisation: the analog candidates of {@link SdrBcd#candidates} (the matched one from
 *       the fully digital sum-rate design); for each, the SPEB-min digital step in span(F_A) must
 *       meet Gamma_s, then a few steps of the digital block; the best sum rate starts the BCD.</li>
 *   <li>Repeat: gamma and mu are refreshed inside the digital block; analog block
 *       ({@link RateAscent}: phases with F_D fixed, the SPEB bound kept); digital block
 *       ({@link FpScaBlock} in span(F_A), run to convergence from the new point). Accepted when the
 *       sum rate rose, otherwise the trust region shrinks by 4.</li>
 *   <li>{@code converged} when an accepted iteration raises the sum rate by less than
 *       {@code tolerance} (relative) or the trust region falls below 1e-3 rad;
 *       {@code iteration-limit} after {@code max_iterations}.</li>
 * </ol>
 */
final class SumRateBcd {
    private static final int CANDIDATE_STEPS = 10;
    private static final int ANALOG_STEPS = 25;

    private SumRateBcd() {
    }

    /**
     * @param physics the scenario's physics
     * @param evaluator SPEB and SINRs
     * @param powerW P (W)
     * @param spebMax Gamma_s, +Infinity without a bound
     * @param chains N_RF
     * @param block M
     */
    record Problem(ScenarioPhysics physics, SpebEvaluator evaluator, double powerW, double spebMax, int chains,
            int block) {
    }

    /**
     * @param analog F_A
     * @param iterate the digital block's iterate in span(F_A)
     */
    record State(PartialAnalog analog, FpScaBlock.Iterate iterate) {
    }

    /**
     * @param status converged, iteration-limit, infeasible or cancelled
     * @param best the best iterate, or null
     * @param iterations BCD iterations
     * @param message why there is none, or null
     */
    record Result(DesignStatus status, State best, int iterations, String message) {

        /** @return the hybrid precoder of the best iterate */
        Precoder precoder(List<Stream> streams) {
            return new Precoder(streams, null, best.analog().matrix(),
                    best.analog().digital(best.iterate().columns()), null);
        }
    }

    /**
     * @param problem the data
     * @param digital the fully digital design's columns (for the matched candidate)
     * @param maxIterations BCD iterations
     * @param tolerance relative sum-rate rise that stops
     * @param seed the random candidate's seed
     * @param context cancellation and progress (one report per iteration)
     * @return the outcome
     */
    static Result run(Problem problem, List<double[][]> digital, int maxIterations, double tolerance, long seed,
            DesignContext context) {
        State best = null;
        for (PartialAnalog a : SdrBcd.candidates(problem.physics(), problem.chains(), problem.block(), digital,
                seed)) {
            if (context.isCancelled()) {
                return new Result(DesignStatus.CANCELLED, null, 0, "cancelled");
            }
            FpScaBlock block = block(problem, a);
            if (block == null) {
                continue;
            }
            FpScaBlock.Iterate start;
            if (Double.isFinite(problem.spebMax())) {
                SpebSdrStep.Outcome min = SpebSdrStep.solve(block.model(), problem.evaluator(), problem.powerW(),
                        new double[block.model().users.size()], context.cancelled());
                if (min.columns() == null || !(min.speb() <= problem.spebMax() * (1 - 1e-6))) {
                    continue;
                }
                start = block.start(min.columns());
            } else {
                start = block.start(null);
            }
            FpScaBlock.Iterate it = block.run(start, CANDIDATE_STEPS, 0, context.cancelled());
            if (best == null || it.sumRate() > best.iterate().sumRate()) {
                best = new State(a, it);
            }
        }
        if (best == null) {
            return new Result(DesignStatus.INFEASIBLE, null, 0, "no analog candidate meets solver.speb_max_m2 = "
                    + problem.spebMax() + " m^2 with transmit_power_w = " + problem.powerW() + " W");
        }
        double radius = SdrBcd.INITIAL_RADIUS;
        int iteration = 0;
        while (iteration < maxIterations) {
            if (context.isCancelled()) {
                return new Result(DesignStatus.CANCELLED, best, iteration, "cancelled");
            }
            iteration++;
            PartialAnalog analog = best.analog();
            FpScaBlock.Iterate candidateIterate = null;
            double[] phases = analog.phases();
            if (iteration > 1) {
                List<double[][]> weights = analog.weights(best.iterate().columns());
                phases = RateAscent.ascend(problem.evaluator(), analog.phases(), weights, problem.spebMax(), radius,
                        ANALOG_STEPS, context.cancelled());
                analog = analog.withPhases(phases);
                FpScaBlock block = block(problem, analog);
                if (block != null) {
                    FpScaBlock.Iterate from = block.fromColumns(PartialAnalog.apply(phases, weights));
                    if (block.feasible(from)) {
                        candidateIterate = block.run(from, SumRateDesign.BLOCK_STEPS, tolerance,
                                context.cancelled());
                    }
                }
            } else {
                FpScaBlock block = block(problem, analog);
                candidateIterate = block.run(best.iterate(), SumRateDesign.BLOCK_STEPS, tolerance,
                        context.cancelled());
            }
            boolean accepted = candidateIterate != null && candidateIterate.sumRate() > best.iterate().sumRate();
            double rise = accepted ? (candidateIterate.sumRate() - best.iterate().sumRate())
                    / candidateIterate.sumRate() : 0;
            if (accepted) {
                best = new State(analog, candidateIterate);
                radius = Math.min(2 * radius, Math.PI);
                context.progress().onFeasible(iteration, new Result(DesignStatus.CONVERGED, best, iteration, null)
                        .precoder(SumRateDesign.streams(problem.physics().scenario(), candidateIterate.columns().size())));
            } else if (iteration > 1) {
                radius /= 4;
            }
            context.progress().onIteration(iteration, best.iterate().sumRate(), String.format(
                    "FP-SCA BCD iteration %d: sum rate %.6f bit/s/Hz (%s, trust region %.3g rad)", iteration,
                    best.iterate().sumRate(), accepted ? "accepted" : "rejected", radius));
            if (iteration > 1 && ((accepted && rise < tolerance) || radius < SdrBcd.MIN_RADIUS)) {
                return new Result(DesignStatus.CONVERGED, best, iteration, null);
            }
        }
        return new Result(DesignStatus.ITERATION_LIMIT, best, iteration, null);
    }

    /** @return the digital block in span(F_A), or null when the position is unobservable there */
    private static FpScaBlock block(Problem problem, PartialAnalog analog) {
        try {
            return new FpScaBlock(SdrModel.inSpanOf(problem.physics(), analog.columns()), problem.evaluator(),
                    problem.powerW(), problem.spebMax());
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
