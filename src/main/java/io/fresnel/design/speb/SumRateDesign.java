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
import io.fresnel.design.common.ZMatrices;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * Paper 003's communication-oriented designs, problem (24): maximise the sum rate
 * sum_k log2(1 + SINR_k) subject to SPEB &lt;= Gamma_s ({@code solver.speb_max_m2}, (24b)) and the
 * power (24c), by Algorithm 2 (FP + SCA BCD) as corrected by ERRATA 003 items 3-4:
 *
 * <ul>
 *   <li>{@code sumrate-max-digital}: the fully digital version (the paper's "SCA-BCD-based FDBF"):
 *       the digital block {@link FpScaBlock} in span{v, dv/dx, dv/dy, c_u^*} (no precoder outside
 *       it can add rate or Fisher information), iterated to convergence;</li>
 *   <li>{@code sumrate-max-hybrid}: the partially connected F_A F_D ({@link SumRateBcd}: analog
 *       phase ascent that keeps the SPEB bound, then the digital block in span(F_A));</li>
 *   <li>{@code sumrate-max-digital-comm}, {@code sumrate-max-hybrid-comm}: the communication-only
 *       upper bounds of Fig. 9 (no SPEB bound, no sensing stream).</li>
 * </ul>
 *
 * Start: the SPEB-min precoder without rate requirements ({@link SpebSdrStep}) with part of the
 * power moved to maximum-ratio beams so that the bound still holds ({@link FpScaBlock#start});
 * when even the SPEB-min precoder misses Gamma_s, the result is {@code infeasible} (fully digital:
 * a certificate, the SDR being exact). Parameters: {@code speb_max_m2} (required, m^2, bounded
 * variants), {@code max_iterations} (outer iterations, default 30), {@code tolerance} (relative
 * sum-rate rise that stops, default 1e-5), {@code seed} (hybrid: the random analog candidate).
 * Status {@code converged} or {@code iteration-limit} (a local method), objective the sum rate of
 * the written precoder (bit/s/Hz) as the metric code evaluates it.
 */
public final class SumRateDesign extends AbstractDesign {
    /** SCA steps of one digital block (each raises the sum rate). */
    static final int BLOCK_STEPS = 100;
    /** SCA steps of the fully digital block run only to match the hybrid design's analog candidate. */
    static final int MATCHING_STEPS = 20;

    private final String name;
    private final boolean hybrid;
    private final boolean bounded;

    private SumRateDesign(String name, boolean hybrid, boolean bounded) {
        this.name = name;
        this.hybrid = hybrid;
        this.bounded = bounded;
    }

    /** @return {@code sumrate-max-digital} */
    public static SumRateDesign digital() {
        return new SumRateDesign("sumrate-max-digital", false, true);
    }

    /** @return {@code sumrate-max-hybrid} */
    public static SumRateDesign hybrid() {
        return new SumRateDesign("sumrate-max-hybrid", true, true);
    }

    /** @return {@code sumrate-max-digital-comm} */
    public static SumRateDesign digitalCommunicationOnly() {
        return new SumRateDesign("sumrate-max-digital-comm", false, false);
    }

    /** @return {@code sumrate-max-hybrid-comm} */
    public static SumRateDesign hybridCommunicationOnly() {
        return new SumRateDesign("sumrate-max-hybrid-comm", true, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        String arch = hybrid ? "partially connected hybrid" : "fully digital";
        return bounded ? "Sum-rate max (paper 003 Alg. 2, FP+SCA), " + arch + ", s.t. SPEB <= speb_max_m2"
                : "Sum-rate max, communication only (paper 003 upper bound), " + arch;
    }

    private static final io.fresnel.design.SolverParameter SPEB_MAX = io.fresnel.design.SolverParameter
            .requiredPositive("speb_max_m2", "the SPEB bound Gamma_s", "m^2");
    private static final List<io.fresnel.design.SolverParameter> ITERATION = List.of(
            io.fresnel.design.SolverParameter.integer("max_iterations", "FP-SCA iterations allowed", 30, 1, 10000),
            io.fresnel.design.SolverParameter.number("tolerance", "relative sum-rate rise that stops the iterations",
                    "", 1e-5, 1e-12, 0.5),
            io.fresnel.design.SolverParameter.integer("seed", "seed of the random start", 1, Long.MIN_VALUE,
                    Long.MAX_VALUE));

    @Override
    public List<io.fresnel.design.SolverParameter> parameters() {
        if (!bounded) {
            return ITERATION;
        }
        List<io.fresnel.design.SolverParameter> all = new ArrayList<>();
        all.add(SPEB_MAX);
        all.addAll(ITERATION);
        return List.copyOf(all);
    }

    @Override
    protected DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        DesignInputs.users(scenario, name);
        SolverParameters params = SolverParameters.of(scenario, name);
        double spebMax = Double.POSITIVE_INFINITY;
        if (bounded) {
            SpebInputs.checkSensing(scenario, name);
            spebMax = params.number(SPEB_MAX);
        }
        int chains = hybrid ? SpebInputs.partialChains(scenario, name, scenario.users().size()) : 0;
        int maxIterations = (int) (long) (Long) params.read(ITERATION.get(0));
        double tolerance = params.number(ITERATION.get(1));
        long seed = (Long) params.read(ITERATION.get(2));
        double power = DesignInputs.transmitPowerW(scenario, name);
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        SpebEvaluator evaluator = new SpebEvaluator(physics);
        int users = scenario.users().size();
        SdrModel span = SdrModel.of(physics, bounded ? SdrModel.Span.CRB : SdrModel.Span.POWER);
        FpScaBlock block;
        try {
            block = new FpScaBlock(span, evaluator, power, spebMax);
        } catch (ArithmeticException e) {
            throw new DesignException(name + ": " + e.getMessage());
        }
        List<double[][]> sensing = null;
        if (bounded) {
            SpebSdrStep.Outcome min = SpebSdrStep.solve(span, evaluator, power, new double[users],
                    context.cancelled());
            if (min.status() == DesignStatus.CANCELLED) {
                return cancelled(start);
            }
            if (min.columns() == null || !(min.speb() <= spebMax * (1 - 1e-6))) {
                return new DesignResult(name, DesignStatus.INFEASIBLE, null, null, 0, DesignResult.secondsSince(start),
                        "solver.speb_max_m2 = " + spebMax + " m^2 is below the smallest SPEB any precoder reaches"
                        + " with transmit_power_w = " + power + " W (" + min.speb() + " m^2)");
            }
            sensing = min.columns();
        }
        // fully digital: the design itself; hybrid: only the matched analog candidate needs it
        FpScaBlock.Run run = block.runToTolerance(block.start(sensing), hybrid ? MATCHING_STEPS : BLOCK_STEPS,
                tolerance, context.cancelled());
        FpScaBlock.Iterate digital = run.last();
        if (context.isCancelled()) {
            return cancelled(start);
        }
        Precoder precoder;
        DesignStatus status;
        int iterations;
        if (!hybrid) {
            context.progress().onIteration(1, digital.sumRate(), "FP-SCA digital block: sum rate " + digital.sumRate());
            precoder = new Precoder(streams(scenario, digital.columns().size()), ZMatrices.ofColumns(digital.columns()),
                    null, null, null);
            status = run.settled() ? DesignStatus.CONVERGED : DesignStatus.ITERATION_LIMIT;
            iterations = 1;
        } else {
            SumRateBcd.Result r = SumRateBcd.run(new SumRateBcd.Problem(physics, evaluator, power, spebMax, chains,
                    physics.transmit().size() / chains), digital.columns(), maxIterations, tolerance, seed, context);
            if (r.status() == DesignStatus.CANCELLED) {
                return cancelled(start);
            }
            if (r.best() == null) {
                return new DesignResult(name, DesignStatus.INFEASIBLE, null, null, r.iterations(),
                        DesignResult.secondsSince(start), r.message());
            }
            precoder = r.precoder(streams(scenario, r.best().iterate().columns().size()));
            status = r.status();
            iterations = r.iterations();
        }
        Metrics metrics = MetricsEvaluator.evaluate(scenario.withPrecoder(precoder));
        String violation = SinrRequirements.violation(metrics, power, new double[users], scenario.users());
        Double speb = metrics.system().crbPositionSumM2();
        if (bounded && (speb == null || speb > spebMax * (1 + SinrRequirements.CHECK_TOLERANCE))) {
            violation = (violation == null ? "" : violation + "; ") + "SPEB " + speb + " m^2 exceeds speb_max_m2 "
                    + spebMax;
        }
        if (violation != null) {
            status = DesignStatus.ITERATION_LIMIT;
        } else if (!hybrid && !run.settled()) {
            violation = "the FP-SCA block did not settle to solver.tolerance = " + tolerance + " (it stops after "
                    + BLOCK_STEPS + " steps, on a failed subproblem or on a step outside the SPEB bound)";
        }
        return new DesignResult(name, status, precoder, metrics.system().sumRateBpsHz(), iterations,
                DesignResult.secondsSince(start), violation);
    }

    private DesignResult cancelled(long start) {
        return new DesignResult(name, DesignStatus.CANCELLED, null, null, 0, DesignResult.secondsSince(start),
                "cancelled");
    }

    /** @return one private stream per user, then sensing streams up to {@code count} */
    static List<Stream> streams(Scenario scenario, int count) {
        List<Stream> s = new ArrayList<>(DesignInputs.privateStreams(scenario.users()));
        while (s.size() < count) {
            s.add(new Stream(StreamRole.SENSING, null));
        }
        return s;
    }
}
