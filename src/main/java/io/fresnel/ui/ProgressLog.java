package io.fresnel.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Carries a solver's iterations from its worker to the UI thread without flooding it: iterations
 * are buffered, and at most one drain task is queued on the UI executor at a time (no task per
 * iteration). Thread-safe.
 */
public final class ProgressLog {
    /**
     * One reported iteration.
     *
     * @param run which solver run it belongs to (increases with every submitted request)
     * @param iteration the iteration number (1-based)
     * @param objective the design's objective, or NaN
     */
    public record Step(long run, int iteration, double objective) {
    }

    private final Executor ui;
    private final Consumer<List<Step>> sink;
    private final List<Step> pending = new ArrayList<>();
    private boolean scheduled;

    /**
     * @param ui where the sink runs (the FX thread in the app)
     * @param sink receives the buffered steps, in order, on the UI executor
     */
    public ProgressLog(Executor ui, Consumer<List<Step>> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    /**
     * Buffers a step; called on the worker thread.
     *
     * @param step the step
     */
    public void add(Step step) {
        synchronized (pending) {
            pending.add(step);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        ui.execute(this::drain);
    }

    private void drain() {
        List<Step> out;
        synchronized (pending) {
            out = new ArrayList<>(pending);
            pending.clear();
            scheduled = false;
        }
        sink.accept(out);
    }
}
