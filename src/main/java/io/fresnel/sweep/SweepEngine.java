package io.fresnel.sweep;

import java.io.IOException;
import java.util.List;

/**
 * Where the runs of a sweep are computed: {@link LocalSweepEngine} (a thread pool in this
 * process) or an engine found by {@link SweepEngines} (the Spark engine of
 * {@code fresnel-spark.jar}). Every engine applies the same pure {@link SweepTask} to the same
 * {@link SweepRun}s, so the rows do not depend on the engine; {@link SweepJob} journals them and
 * assembles the files.
 */
public interface SweepEngine extends AutoCloseable {

    /** Receives the rows; the engine calls it for one row at a time (never concurrently). */
    @FunctionalInterface
    interface Sink {
        /**
         * @param run the run
         * @param row its row
         * @throws IOException when the row cannot be recorded (the engine then stops)
         */
        void accept(SweepRun run, SweepResult.Solve row) throws IOException;
    }

    /** @return the engine's name as {@code sweep --engine} spells it */
    String name();

    /** @return a one-line description for the progress log (e.g. the thread count or the master URL) */
    String describe();

    /**
     * Computes every run and hands each row to the sink as it finishes, in any order. After
     * {@link #cancel()} it returns early, and rows finished after the cancel are dropped.
     *
     * @param task the function run -> row
     * @param runs the runs to compute
     * @param sink where the rows go
     * @throws InterruptedException when the calling thread is interrupted (the runs are cancelled)
     * @throws IOException when the sink fails
     * @throws IllegalStateException when the engine itself fails (e.g. a cluster job that failed
     *     after its retries); rows already handed to the sink stay recorded
     */
    void compute(SweepTask task, List<SweepRun> runs, Sink sink) throws InterruptedException, IOException;

    /** Asks a running {@link #compute} to stop; thread-safe. */
    void cancel();

    /** Releases the engine's resources (threads, a Spark context); no exception. */
    @Override
    void close();
}
