package io.fresnel.service;

import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.design.ProgressListener;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.ProblemTooLargeException;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs designs and evaluations in the background for an interactive client: one worker thread
 * ({@link LatestRequestWorker}), the newest request wins and cancels the older one, and each run
 * starts from the last successful precoder of the same algorithm when its stream layout fits
 * ({@link WarmStarts}). A request designs the chosen beamformer (if any), then evaluates every
 * metric of the result ({@link MetricsEvaluator}), so that nothing heavy is left for the UI
 * thread. Progress and outcome go to the {@link SolverListener} on the worker thread. A local
 * method's feasible intermediate precoders ({@link ProgressListener#onFeasible}) are evaluated and
 * reported as they come, and each becomes the warm start of the next run, so that a drag that keeps
 * superseding a slow design still starts every run from its latest feasible point.
 */
public final class SolverService implements AutoCloseable {

    /** An immutable snapshot to solve; algorithm null keeps the scenario's precoder. */
    private record Request(Scenario scenario, String algorithm, long generation) {
    }

    private final SolverListener listener;
    private final Function<String, Design> designs;
    private final WarmStarts warmStarts = new WarmStarts();
    private final LatestRequestWorker<Request, Evaluation> worker;

    /** @param listener receives progress, results and failures on the worker thread */
    public SolverService(SolverListener listener) {
        this(listener, Designs::byName);
    }

    /**
     * @param listener receives progress, results and failures on the worker thread
     * @param designs finds a design by name (throws {@link IllegalArgumentException} for an unknown one)
     */
    SolverService(SolverListener listener, Function<String, Design> designs) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.designs = Objects.requireNonNull(designs, "designs");
        this.worker = new LatestRequestWorker<>("fresnel-solver", this::solve);
    }

    /**
     * Designs a precoder for the scenario with the named algorithm and evaluates the result,
     * superseding any earlier request.
     *
     * @param scenario the scenario snapshot
     * @param algorithm an algorithm name of SCENARIO.md section 4, or null to evaluate the
     *     scenario's own precoder
     * @throws IllegalStateException after {@link #close()}
     */
    public void submit(Scenario scenario, String algorithm) {
        submit(scenario, algorithm, 0);
    }

    /**
     * Like {@link #submit(Scenario, String)}, with a tag that comes back in every evaluation and
     * failure of this request ({@link Evaluation#generation()}), so that a client can drop what
     * was computed for a scene it no longer shows.
     *
     * @param scenario the scenario snapshot
     * @param algorithm an algorithm name, or null to evaluate the scenario's own precoder
     * @param generation the client's tag (e.g. the window's document generation)
     * @throws IllegalStateException after {@link #close()}
     */
    public void submit(Scenario scenario, String algorithm, long generation) {
        Objects.requireNonNull(scenario, "scenario");
        worker.submit(new Request(scenario, algorithm, generation), outcome -> deliver(outcome, generation));
    }

    /**
     * Cancels the pending and the running request (nothing of them is delivered); the service
     * stays open for new requests.
     */
    public void cancel() {
        worker.cancel();
    }

    /** Stops the worker; a running design is cancelled and its result discarded. */
    @Override
    public void close() {
        worker.close();
    }

    private Evaluation solve(Request request, BooleanSupplier cancelled) {
        Scenario scenario = request.scenario();
        Scenario designed = scenario;
        DesignResult result = null;
        String problem = null;
        warmStarts.enter(request.generation());
        if (request.algorithm() != null) {
            Design design = designs.apply(request.algorithm());
            ProgressListener progress = new ProgressListener() {
                @Override
                public void onIteration(int iteration, double objective, String message) {
                    if (!cancelled.getAsBoolean()) {
                        listener.onProgress(iteration, objective, message);
                    }
                }

                @Override
                public void onFeasible(int iteration, Precoder precoder) {
                    // also the warm start of the next run, should a newer request cancel this one
                    warmStarts.remember(request.algorithm(), precoder);
                    intermediate(request, precoder, cancelled);
                }
            };
            DesignContext context = new DesignContext(cancelled, progress,
                    warmStarts.lookup(request.algorithm(), scenario));
            try {
                result = design.run(scenario, context);
                if (result.precoder() != null) {
                    warmStarts.remember(request.algorithm(), result.precoder());
                    designed = scenario.withPrecoder(result.precoder());
                } else {
                    problem = request.algorithm() + ": " + result.status().jsonName()
                            + (result.message() != null ? " (" + result.message() + ")" : "");
                }
            } catch (DesignException e) {
                problem = request.algorithm() + ": " + e.getMessage();
            }
        }
        Metrics metrics = null;
        if (designed.precoder() != null && !cancelled.getAsBoolean()) {
            try {
                metrics = MetricsEvaluator.evaluate(designed);
            } catch (ProblemTooLargeException e) {
                problem = e.getMessage();
            }
        } else if (problem == null) {
            problem = "no precoder: choose a beamformer";
        }
        return new Evaluation(scenario, designed, metrics, result, problem, request.generation());
    }

    /** Evaluates a design's feasible intermediate precoder and reports it (skipped once superseded). */
    private void intermediate(Request request, Precoder precoder, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            return;
        }
        Scenario designed = request.scenario().withPrecoder(precoder);
        try {
            Metrics metrics = MetricsEvaluator.evaluate(designed);
            if (!cancelled.getAsBoolean()) {
                listener.onIntermediate(new Evaluation(request.scenario(), designed, metrics, null, null,
                        request.generation()));
            }
        } catch (ProblemTooLargeException e) {
            // the final result reports the problem
        }
    }

    private void deliver(Outcome<Evaluation> outcome, long generation) {
        if (outcome instanceof Outcome.Success<Evaluation> success) {
            listener.onResult(success.value());
        } else if (outcome instanceof Outcome.Failure<Evaluation> failure) {
            listener.onFailure(failure.error(), generation);
        }
    }
}
