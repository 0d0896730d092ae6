package io.fresnel.design.speb;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.FocusDirections;
import io.fresnel.design.common.SdrModel;
import io.fresnel.math.HermitianEigen;
import io.fresnel.model.Precoder;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Algorithm 1 of paper 003 (SDR-BCD) for the partially connected F_A F_D, as corrected by
 * ERRATA 003 item 5:
 *
 * <ol>
 *   <li>Initialisation: several analog candidates, ranked by a cheap proxy ({@link #ranked}); the
 *       optimal digital step ({@link SpebSdrStep}) is solved for them in that order until
 *       {@link #SCREENED} are feasible; the best feasible one starts the BCD (an arbitrary F_D^(0) can make
 *       the first analog step infeasible). Candidates: zero phases; the two-stage analog beamformer
 *       (subarrays focused on the users, then the targets, cyclically); every subarray focused on
 *       the target(s); every subarray matched to the fully digital optimum (phases of the principal
 *       eigenvector of that subarray's block of the optimal R_X); one seeded random draw.</li>
 *   <li>Repeat: analog step ({@link AnalogDescent}, F_D fixed, trust region on the phases, the
 *       rate constraints through their multipliers {@link KktMultipliers}), then
 *       the digital step (38) solved exactly in span(F_A) with the rank-one construction. The new
 *       pair is accepted only when it lowers the SPEB; otherwise the trust region shrinks by 4.
 *       Hence every reported SPEB is feasible and the sequence is non-increasing.</li>
 *   <li>Stop ({@code converged}) when an accepted step lowers the SPEB by less than
 *       {@code tolerance} (relative) or the trust region falls below 1e-3 rad;
 *       {@code iteration-limit} after {@code max_iterations} BCD iterations.</li>
 * </ol>
 *
 * The last block of every accepted iterate is the digital step, so the returned F_D is optimal
 * for the returned F_A.
 */
final class SdrBcd {
    /** Initial trust region of the analog step (rad). */
    static final double INITIAL_RADIUS = 0.5;
    /** Smallest trust region before the BCD is declared converged (rad). */
    static final double MIN_RADIUS = 1e-3;
    /** Gradient steps per analog block. */
    static final int ANALOG_STEPS = 25;
    /** Candidates given the digital step: the best ones by {@link #ranked}, until this many are feasible. */
    static final int SCREENED = 2;

    private SdrBcd() {
    }

    /**
     * One feasible iterate.
     *
     * @param analog F_A
     * @param digital the digital step's outcome for it (columns P = F_A F_D)
     */
    record State(PartialAnalog analog, SpebSdrStep.Outcome digital) {
        double speb() {
            return digital.speb();
        }

        /** @return the hybrid precoder (F_A exact, F_D = F_A^H P / M) */
        Precoder precoder() {
            return new Precoder(digital.streams(), null, analog.matrix(), analog.digital(digital.columns()), null);
        }
    }

    /**
     * @param status converged, iteration-limit, infeasible or cancelled
     * @param best the best feasible iterate, or null
     * @param iterations BCD iterations performed
     * @param message why it is infeasible, or null
     */
    record Result(DesignStatus status, State best, int iterations, String message) {
    }

    /**
     * The problem data of one run.
     *
     * @param physics the scenario's physics
     * @param evaluator SPEB and SINRs
     * @param powerW P (W)
     * @param required per user Gamma_k
     * @param chains N_RF
     * @param block M
     */
    record Problem(ScenarioPhysics physics, SpebEvaluator evaluator, double powerW, double[] required, int chains,
            int block) {

        /** @return the optimal digital step for this F_A */
        SpebSdrStep.Outcome digitalStep(PartialAnalog analog, DesignContext context) {
            return SpebSdrStep.solve(SdrModel.inSpanOf(physics, analog.columns()), evaluator, powerW, required,
                    context.cancelled());
        }
    }

    /**
     * @param problem the data
     * @param digitalOptimum the fully digital optimum's columns (for the matched candidate)
     * @param maxIterations the BCD iteration limit
     * @param tolerance the relative SPEB decrease below which the BCD stops
     * @param seed the random candidate's seed
     * @param context cancellation and progress (one report per BCD iteration, and the feasible
     *     intermediate precoder)
     * @return the outcome
     */
    static Result run(Problem problem, List<double[][]> digitalOptimum, int maxIterations, double tolerance,
            long seed, DesignContext context) {
        State best = null;
        String lastNote = null;
        int feasible = 0;
        for (PartialAnalog candidate : ranked(problem, candidates(problem.physics(), problem.chains(), problem.block(),
                digitalOptimum, seed), digitalOptimum)) {
            if (feasible >= SCREENED) {
                break;
            }
            SpebSdrStep.Outcome out = problem.digitalStep(candidate, context);
            if (out.status() == DesignStatus.CANCELLED || context.isCancelled()) {
                return new Result(DesignStatus.CANCELLED, null, 0, "cancelled");
            }
            lastNote = out.note();
            feasible += out.feasible() ? 1 : 0;
            if (out.feasible() && (best == null || out.speb() < best.speb())) {
                best = new State(candidate, out);
            }
        }
        if (best == null) {
            return new Result(DesignStatus.INFEASIBLE, null, 0, "no analog candidate lets the digital step meet"
                    + " every user's min_rate_bps_hz within transmit_power_w (" + lastNote + ")");
        }
        context.progress().onIteration(1, best.speb(), "initial analog candidate: SPEB " + best.speb() + " m^2");
        context.progress().onFeasible(1, best.precoder());
        double radius = INITIAL_RADIUS;
        int iteration = 1;
        while (iteration < maxIterations) {
            if (context.isCancelled()) {
                return new Result(DesignStatus.CANCELLED, best, iteration, "cancelled");
            }
            iteration++;
            PartialAnalog analog = best.analog();
            List<double[][]> weights = analog.weights(best.digital().columns());
            double[] lambda = KktMultipliers.estimate(problem.evaluator(), analog, best.digital().columns(),
                    problem.required());
            double[] phases = AnalogDescent.descend(problem.evaluator(), analog.phases(), weights,
                    problem.required(), lambda, radius, ANALOG_STEPS, context.cancelled());
            SpebSdrStep.Outcome out = problem.digitalStep(analog.withPhases(phases), context);
            if (out.status() == DesignStatus.CANCELLED) {
                return new Result(DesignStatus.CANCELLED, best, iteration, "cancelled");
            }
            boolean accepted = out.feasible() && out.speb() < best.speb();
            double decrease = accepted ? (best.speb() - out.speb()) / best.speb() : 0;
            if (accepted) {
                best = new State(analog.withPhases(phases), out);
                radius = Math.min(2 * radius, Math.PI);
                context.progress().onFeasible(iteration, best.precoder());
            } else {
                radius /= 4;
            }
            context.progress().onIteration(iteration, best.speb(), String.format(
                    "SDR-BCD iteration %d: SPEB %.6e m^2 (%s, trust region %.3g rad)", iteration, best.speb(),
                    accepted ? "accepted" : "rejected", radius));
            if ((accepted && decrease < tolerance) || radius < MIN_RADIUS) {
                return new Result(DesignStatus.CONVERGED, best, iteration, null);
            }
        }
        return new Result(DesignStatus.ITERATION_LIMIT, best, iteration, null);
    }

    /**
     * The candidates in the order of a cheap proxy, the SPEB of the fully digital optimum projected
     * onto span(F_A) (P -&gt; F_A F_A^H P / M, rescaled to the same power; rates ignored); unchanged
     * without a digital optimum.
     */
    static List<PartialAnalog> ranked(Problem problem, List<PartialAnalog> candidates, List<double[][]> digital) {
        if (digital == null) {
            return candidates;
        }
        double[] proxy = new double[candidates.size()];
        for (int i = 0; i < proxy.length; i++) {
            PartialAnalog a = candidates.get(i);
            List<double[][]> projected = PartialAnalog.apply(a.phases(), a.weights(digital));
            double before = 0;
            double after = 0;
            for (int c = 0; c < digital.size(); c++) {
                for (int k = 0; k < a.antennas(); k++) {
                    before += digital.get(c)[0][k] * digital.get(c)[0][k] + digital.get(c)[1][k] * digital.get(c)[1][k];
                    after += projected.get(c)[0][k] * projected.get(c)[0][k]
                            + projected.get(c)[1][k] * projected.get(c)[1][k];
                }
            }
            // SPEB scales as 1/power: rescaling the projection to the budget divides it by before/after
            proxy[i] = after > 0 ? problem.evaluator().speb(projected) * after / before : Double.POSITIVE_INFINITY;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < proxy.length; i++) {
            order.add(i);
        }
        order.sort((x, y) -> Double.compare(proxy[x], proxy[y]));
        List<PartialAnalog> out = new ArrayList<>();
        order.forEach(i -> out.add(candidates.get(i)));
        return out;
    }

    /**
     * The initial analog beamformers of ERRATA 003 item 5 (also Algorithm 2's).
     *
     * @param physics the scenario's physics
     * @param chains N_RF
     * @param block M
     * @param digitalOptimum the fully digital design's columns (matched candidate), or null
     * @param seed the random candidate's seed
     * @return zero phases, two-stage, on the target(s), matched to the digital design, random
     */
    static List<PartialAnalog> candidates(ScenarioPhysics physics, int chains, int block,
            List<double[][]> digitalOptimum, long seed) {
        int n = chains * block;
        List<PartialAnalog> out = new ArrayList<>();
        out.add(new PartialAnalog(chains, block, new double[n]));
        List<double[][]> users = new ArrayList<>();
        physics.scenario().users().forEach(u -> users.add(FocusDirections.user(physics, u)));
        List<double[][]> targets = new ArrayList<>();
        for (Target t : physics.scenario().targets()) {
            targets.add(FocusDirections.point(physics.transmit(), t.positionM()));
        }
        List<double[][]> twoStage = new ArrayList<>();
        List<double[][]> onTargets = new ArrayList<>();
        for (int r = 0; r < chains; r++) {
            if (r < users.size()) {
                twoStage.add(users.get(r));
            } else if (r - users.size() < targets.size()) {
                twoStage.add(targets.get(r - users.size()));
            } else {
                twoStage.add(users.isEmpty() ? targets.get(r % targets.size())
                        : users.get((r - users.size() - targets.size()) % users.size()));
            }
            // a communication-only design may run without targets: then every candidate serves the users
            onTargets.add(targets.isEmpty() ? users.get(r % users.size()) : targets.get(r % targets.size()));
        }
        out.add(PartialAnalog.matched(twoStage, chains, block));
        out.add(PartialAnalog.matched(onTargets, chains, block));
        if (digitalOptimum != null) {
            out.add(matchedToCovariance(digitalOptimum, chains, block));
        }
        Random rnd = new Random(seed);
        double[] ph = new double[n];
        for (int k = 0; k < n; k++) {
            ph[k] = 2 * Math.PI * rnd.nextDouble();
        }
        out.add(new PartialAnalog(chains, block, ph));
        return out;
    }

    /** Phases of the principal eigenvector of each subarray's block of R_X = P P^H. */
    static PartialAnalog matchedToCovariance(List<double[][]> columns, int chains, int block) {
        double[] ph = new double[chains * block];
        for (int r = 0; r < chains; r++) {
            double[][] re = new double[block][block];
            double[][] im = new double[block][block];
            for (double[][] p : columns) {
                for (int i = 0; i < block; i++) {
                    int a = r * block + i;
                    for (int j = 0; j < block; j++) {
                        int b = r * block + j;
                        // p_a conj(p_b)
                        re[i][j] += p[0][a] * p[0][b] + p[1][a] * p[1][b];
                        im[i][j] += p[1][a] * p[0][b] - p[0][a] * p[1][b];
                    }
                }
            }
            double[][] v = new HermitianEigen(re, im).vector(0);
            for (int i = 0; i < block; i++) {
                ph[r * block + i] = Math.atan2(v[1][i], v[0][i]);
            }
        }
        return new PartialAnalog(chains, block, ph);
    }
}
