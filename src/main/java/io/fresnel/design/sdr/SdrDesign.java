package io.fresnel.design.sdr;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import java.util.Set;

/**
 * What paper 004's three SDR designs share: input checks (fully digital, a power budget, at
 * least one target), the users' SINR requirements Gamma_u = 2^min_rate - 1 (users without
 * {@code min_rate_bps_hz} are unconstrained), one SDP solve, the rank-one reconstruction
 * ({@link SdrPrecoder}) and a check of the written precoder with the metric code.
 *
 * <p>Status: {@link DesignStatus#OPTIMAL} with the objective of the designed precoder in SI
 * (as the evaluator computes it) and iterations = interior-point iterations;
 * {@link DesignStatus#INFEASIBLE} without a precoder when the SDP is infeasible (or a
 * requirement exceeds the user's MRT SINR at full power, or the requirements together need more
 * than the budget, {@link SinrPowerFloor}); {@link DesignStatus#ITERATION_LIMIT}
 * when the solver stopped early or the designed precoder misses a constraint by more than
 * 1e-6 (relative): the precoder is then returned and the message says what is wrong, never
 * silently. One progress report per solve; cancellation is passed to the solver.
 */
abstract class SdrDesign extends AbstractDesign {
    /** Relative tolerance of the final check (golden/solver/README.md). */
    static final double CHECK_TOLERANCE = SinrRequirements.CHECK_TOLERANCE;
    /** Re-solves with raised SINR requirements when the rebuilt precoder falls just short. */
    static final int MARGIN_ATTEMPTS = 2;
    /**
     * The margin of a re-solve, as a multiple of the relative shortfall it makes up for. Every unit of
     * margin costs objective (solver_fuzz.py: an illumination case with required SINRs 3.3e5 and 6.3e4
     * fell 6e-5 short; ten times that as margin left the objective 2.5e-4 below the cvxopt optimum,
     * outside the 1e-4 of golden/solver/README.md); twice is enough for the re-solved SDP, whose own
     * shortfall is of the same size, and costs a fifth.
     */
    static final double MARGIN_FACTOR = 2;

    /**
     * @param physics the scenario's physics
     * @param powerW P
     * @param sinrRequired per user Gamma_u (0: none)
     * @return the program to solve
     */
    /** @return none: the SDR designs take their requirements from the users and the power budget */
    @Override
    public Set<String> parameterNames() {
        return Set.of();
    }

    protected abstract SdrProgram program(ScenarioPhysics physics, double powerW, double[] sinrRequired);

    /**
     * @param metrics the metrics of the designed precoder
     * @return the design's objective from them (SI), or null when it does not exist
     */
    protected abstract Double objective(Metrics metrics);

    /**
     * Checks, once per run and before any program is built, that the design can have a finite
     * objective for this scenario. The default accepts every scenario.
     *
     * @param scenario the scenario
     * @throws DesignException naming why the design does not apply
     */
    protected void checkObjectiveExists(Scenario scenario) throws DesignException {
    }

    @Override
    protected final DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        checkInputs(scenario, name());
        double power = DesignInputs.transmitPowerW(scenario, name()); // before the objective check runs designs
        checkObjectiveExists(scenario);
        double[] required = sinrRequirements(scenario.users());
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        SdrSolution sol = null;
        SdrProgram program = null;
        Precoder precoder = null;
        Metrics metrics = null;
        String violation = null;
        int iterations = 0;
        double margin = 0;
        // The SDP meets the SINR rows to its tolerance; when the rebuilt precoder falls short of a
        // requirement by more than CHECK_TOLERANCE, re-solve with the requirements raised by
        // MARGIN_FACTOR times the shortfall (at most MARGIN_ATTEMPTS times).
        for (int attempt = 0; attempt <= MARGIN_ATTEMPTS; attempt++) {
            double[] target = required.clone();
            for (int u = 0; u < target.length; u++) {
                target[u] *= 1 + margin;
            }
            try {
                program = program(physics, power, target);
            } catch (ArithmeticException e) {
                throw new DesignException(name() + ": " + e.getMessage());
            }
            sol = program.solve(context.cancelled());
            iterations += sol.iterations();
            context.progress().onIteration(Math.max(1, iterations), sol.objective(), sol.note());
            if (sol.x() == null || sol.status() == DesignStatus.INFEASIBLE || sol.status() == DesignStatus.UNBOUNDED) {
                if (attempt > 0 && sol.status() == DesignStatus.INFEASIBLE) {
                    break; // the margin made it infeasible: keep the previous (nearly feasible) precoder
                }
                DesignStatus status = sol.status() == DesignStatus.OPTIMAL ? DesignStatus.ITERATION_LIMIT
                        : sol.status();
                return new DesignResult(name(), status, null, null, iterations, DesignResult.secondsSince(start),
                        sol.note());
            }
            precoder = SdrPrecoder.build(program.model, sol.x(), sol.w(), power);
            metrics = MetricsEvaluator.evaluate(scenario.withPrecoder(precoder));
            violation = violation(metrics, power, required, scenario.users());
            double shortfall = sinrShortfall(metrics, required);
            if (violation == null || sol.status() != DesignStatus.OPTIMAL || shortfall <= 0 || shortfall > 1e-3) {
                break;
            }
            margin = Math.max(margin, 0) + MARGIN_FACTOR * shortfall;
        }
        Double objective = objective(metrics);
        DesignStatus status = sol.status();
        if (sol.x() == null) {
            status = DesignStatus.ITERATION_LIMIT;
        }
        String message = null;
        if (status == DesignStatus.OPTIMAL && (violation != null || objective == null)) {
            status = DesignStatus.ITERATION_LIMIT;
        }
        if (violation != null || objective == null || status != DesignStatus.OPTIMAL) {
            message = (violation != null ? violation + "; " : "")
                    + (objective == null ? "the objective does not exist for the designed precoder; " : "") + sol.note();
        }
        if (status == DesignStatus.CANCELLED) {
            return new DesignResult(name(), status, null, null, iterations, DesignResult.secondsSince(start),
                    message);
        }
        return new DesignResult(name(), status, precoder, objective, iterations, DesignResult.secondsSince(start),
                message);
    }

    /** Fully digital precoders only; at least one target. */
    static void checkInputs(Scenario scenario, String name) throws DesignException {
        if (scenario.architecture() != null && scenario.architecture().kind() != ArchitectureKind.DIGITAL) {
            throw new DesignException(name + ": the SDR designs of paper 004 are fully digital; the scenario's"
                    + " architecture is " + scenario.architecture().kind().key());
        }
        if (scenario.targets().isEmpty()) {
            throw new DesignException(name + ": the scenario has no targets to sense");
        }
        if (scenario.sensing() == null) {
            throw new DesignException(name + ": the scenario has no sensing block");
        }
        if (scenario.users().size() > 64) {
            throw new DesignException(name + ": " + scenario.users().size() + " users are more than the 64 this"
                    + " SDR design handles");
        }
    }

    /** @return per user Gamma_u = 2^min_rate - 1, or 0 without a (positive) requirement */
    static double[] sinrRequirements(List<CommNode> users) {
        return SinrRequirements.of(users);
    }

    /** @return the largest relative SINR shortfall 1 - sinr_u / Gamma_u over constrained users (<= 0: none) */
    static double sinrShortfall(Metrics metrics, double[] required) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < required.length; u++) {
            if (required[u] > 0) {
                Double sinr = metrics.users().get(u).sinr();
                worst = Math.max(worst, sinr == null ? 1 : 1 - sinr / required[u]);
            }
        }
        return worst;
    }

    /** @return what the precoder violates beyond {@link #CHECK_TOLERANCE}, or null */
    static String violation(Metrics metrics, double power, double[] required, List<CommNode> users) {
        return SinrRequirements.violation(metrics, power, required, users);
    }
}
