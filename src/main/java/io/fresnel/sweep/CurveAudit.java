package io.fresnel.sweep;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.ProgressListener;
import io.fresnel.metrics.ConstraintStatus;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.function.BooleanSupplier;

/**
 * Runs one design on one scenario and re-evaluates its precoder with the metric code, as every
 * run of a {@link CurveFigure} does: a run is usable when the design returned a precoder with
 * status optimal, converged or iteration-limit and the scenario with that precoder meets every
 * constraint it states ({@link ConstraintStatus}: power, rate thresholds, the solver block's
 * bounds). Stateless.
 */
final class CurveAudit {

    /**
     * The outcome of one run.
     *
     * @param status the design's status, or {@code error} / {@code rejected}
     * @param solved the scenario with the designed precoder, or null without one
     * @param metrics its metrics, or null without a precoder
     * @param violation the first constraint the precoder misses, or null
     * @param iterations the design's iterations
     * @param seconds the design's time (s)
     * @param message the design's note or the failure, or null
     */
    record Outcome(String status, Scenario solved, Metrics metrics, String violation, int iterations, double seconds,
            String message) {

        /** @return whether the values of this run may enter the means */
        boolean usable() {
            return metrics != null && violation == null && (status.equals(DesignStatus.OPTIMAL.jsonName())
                    || status.equals(DesignStatus.CONVERGED.jsonName())
                    || status.equals(DesignStatus.ITERATION_LIMIT.jsonName()));
        }

        /** @return the message for the audit row: the violation first, then the design's note */
        String note() {
            if (violation != null) {
                return message == null ? violation : violation + "; " + message;
            }
            return message;
        }
    }

    private CurveAudit() {
    }

    /**
     * @param scenario the scenario (its solver block holds the parameters; the algorithm is set
     *     to {@code design})
     * @param design the design's name
     * @param cancelled polled by the design
     * @return the outcome (never throws for a design failure)
     */
    static Outcome run(Scenario scenario, String design, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        Scenario s = scenario.withPrecoder(null).withSolver(new SolverSpec(design,
                scenario.solver() == null ? null : scenario.solver().parameters()));
        DesignResult r;
        try {
            r = Designs.byName(design).run(s, new DesignContext(cancelled, ProgressListener.NONE, null));
        } catch (DesignException e) {
            return new Outcome(SweepResult.REJECTED, null, null, null, 0, DesignResult.secondsSince(start),
                    e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(SweepResult.ERROR, null, null, null, 0, DesignResult.secondsSince(start), e.toString());
        }
        if (r.precoder() == null) {
            return new Outcome(r.status().jsonName(), null, null, null, r.iterations(), r.seconds(), r.message());
        }
        Scenario solved = s.withPrecoder(r.precoder());
        Metrics m;
        try {
            m = MetricsEvaluator.evaluate(solved);
        } catch (RuntimeException e) {
            return new Outcome(SweepResult.ERROR, solved, null, null, r.iterations(), r.seconds(),
                    "cannot evaluate the designed precoder: " + e);
        }
        String violation = null;
        for (ConstraintStatus.Check c : ConstraintStatus.of(solved, m)) {
            if (!c.met()) {
                violation = "violates " + c.name() + ": " + c.value() + " vs " + c.limit();
                break;
            }
        }
        return new Outcome(r.status().jsonName(), solved, m, violation, r.iterations(), r.seconds(), r.message());
    }
}
