package io.fresnel.design.speb;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;

/**
 * {@code speb-min-hybrid}: paper 003's "SPEB-Min-based HBF", problem (23) for the partially
 * connected F_A F_D (architecture {@code hybrid-partial}), solved by Algorithm 1 (SDR-BCD) as
 * corrected by ERRATA 003 item 5 ({@link SdrBcd}).
 *
 * <p>Parameters ({@code solver.*}): {@code max_iterations} (BCD iterations, default 40, 1..10000),
 * {@code tolerance} (relative SPEB decrease that stops the BCD, default 1e-3, in [1e-12, 0.5]),
 * {@code seed} (the random analog candidate, default 1).
 *
 * <p>Status: {@code converged} or {@code iteration-limit} with the best feasible precoder
 * (objective: its SPEB as the metric code evaluates it, m^2); {@code infeasible} without a
 * precoder when even the fully digital SDR cannot meet the rates with the power (a certificate),
 * or when no analog candidate lets the digital step meet them (the message says which).
 * Bad input (not {@code hybrid-partial}, N not divisible by {@code rf_chains}, fewer RF chains
 * than users, no target or sensing block) is a {@link DesignException} naming the field.
 */
public final class SpebMinHybridDesign extends AbstractDesign {

    @Override
    public String name() {
        return "speb-min-hybrid";
    }

    @Override
    public String description() {
        return "SPEB-min hybrid (paper 003 Alg. 1, SDR-BCD): partially connected, s.t. user rates and power";
    }

    private static final java.util.List<io.fresnel.design.SolverParameter> PARAMETERS = java.util.List.of(
            io.fresnel.design.SolverParameter.integer("max_iterations", "SDR-BCD iterations allowed", 40, 1,
                    10000),
            io.fresnel.design.SolverParameter.number("tolerance", "relative SPEB decrease that stops the BCD", "",
                    1e-3, 1e-12, 0.5),
            io.fresnel.design.SolverParameter.integer("seed", "seed of the random analog start", 1, Long.MIN_VALUE,
                    Long.MAX_VALUE));

    @Override
    public java.util.List<io.fresnel.design.SolverParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    protected DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        SpebInputs.checkSensing(scenario, name());
        int chains = SpebInputs.partialChains(scenario, name(), scenario.users().size());
        SolverParameters params = SolverParameters.of(scenario, name());
        int maxIterations = (int) (long) (Long) params.read(PARAMETERS.get(0));
        double tolerance = params.number(PARAMETERS.get(1));
        long seed = (Long) params.read(PARAMETERS.get(2));
        double power = DesignInputs.transmitPowerW(scenario, name());
        double[] required = SinrRequirements.of(scenario.users());
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        SpebEvaluator evaluator = new SpebEvaluator(physics);
        int n = physics.transmit().size();
        // the fully digital optimum: an infeasibility certificate and the matched analog candidate
        SpebSdrStep.Outcome digital = SpebSdrStep.solve(SdrModel.of(physics, SdrModel.Span.CRB), evaluator, power,
                required, context.cancelled());
        if (digital.status() == DesignStatus.CANCELLED) {
            return new DesignResult(name(), DesignStatus.CANCELLED, null, null, 0, DesignResult.secondsSince(start),
                    "cancelled");
        }
        if (digital.columns() == null) {
            return new DesignResult(name(), DesignStatus.INFEASIBLE, null, null, 0, DesignResult.secondsSince(start),
                    "the users' min_rate_bps_hz cannot all be met with transmit_power_w = " + power
                    + " W even fully digitally (" + digital.note() + ")");
        }
        SdrBcd.Problem problem = new SdrBcd.Problem(physics, evaluator, power, required, chains, n / chains);
        SdrBcd.Result r = SdrBcd.run(problem, digital.columns(), maxIterations, tolerance, seed, context);
        if (r.best() == null || r.status() == DesignStatus.INFEASIBLE || r.status() == DesignStatus.CANCELLED) {
            DesignStatus status = r.status() == DesignStatus.CANCELLED ? DesignStatus.CANCELLED
                    : DesignStatus.INFEASIBLE;
            return new DesignResult(name(), status, null, null, r.iterations(), DesignResult.secondsSince(start),
                    r.message());
        }
        Precoder precoder = r.best().precoder();
        Metrics metrics = MetricsEvaluator.evaluate(scenario.withPrecoder(precoder));
        String violation = SinrRequirements.violation(metrics, power, required, scenario.users());
        Double objective = metrics.system().crbPositionSumM2();
        DesignStatus status = r.status();
        String message = null;
        if (violation != null || objective == null) {
            status = DesignStatus.ITERATION_LIMIT;
            message = (violation != null ? violation : "the SPEB does not exist for the designed precoder");
        }
        return new DesignResult(name(), status, precoder, objective, r.iterations(),
                DesignResult.secondsSince(start), message);
    }
}
