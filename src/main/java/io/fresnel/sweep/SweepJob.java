package io.fresnel.sweep;

import io.fresnel.design.Design;
import io.fresnel.design.Designs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A resumable sweep: the runs of a {@link SweepPlan} that its {@link SweepJournal} does not hold
 * yet are computed by an engine, each row journaled as it arrives, and the result is assembled
 * from the journal and the new rows in canonical order. A sweep stopped at any point (killed,
 * cancelled, a cluster lost) and started again with the same output folder and options computes
 * only the missing runs, with either engine; the final files are those of a one-shot run (up to
 * the timing columns, which are each run's own measurement).
 */
public final class SweepJob {

    /**
     * How a job ended.
     *
     * @param result the assembled result, or null when the job was cancelled before every run
     *     finished
     * @param resumed runs read from the journal
     * @param computed runs computed by this job
     */
    public record Outcome(SweepResult result, int resumed, int computed) {
        /** @return whether the job was cancelled before it finished */
        public boolean cancelled() {
            return result == null;
        }
    }

    private final SweepPlan plan;
    private final SweepRunner runner;
    private final SweepJournal journal;
    private final Function<String, Design> lookup;

    /**
     * Checks the sweep and opens (or creates) its journal in the output folder.
     *
     * @param spec the sweep
     * @param out the output folder (exists)
     * @throws IllegalArgumentException when the sweep cannot run (see {@link SweepRunner}) or the
     *     folder holds the journal of another sweep
     * @throws IOException when the journal cannot be read or created
     */
    public SweepJob(SweepSpec spec, Path out) throws IOException {
        this(spec, out, null);
    }

    /**
     * @param spec the sweep
     * @param out the output folder (exists)
     * @param lookup the design of a scheme name (tests), or null for {@link Designs#byName}
     * @throws IOException when the journal cannot be read or created
     */
    SweepJob(SweepSpec spec, Path out, Function<String, Design> lookup) throws IOException {
        this.plan = SweepPlan.of(spec);
        this.lookup = lookup;
        this.runner = new SweepRunner(plan.spec(), lookup != null ? lookup : Designs::byName);
        this.journal = SweepJournal.open(out, plan);
    }

    /** @return the sweep's plan */
    public SweepPlan plan() {
        return plan;
    }

    /** @return the journal folder */
    public Path journalFolder() {
        return journal.folder();
    }

    /**
     * Runs the missing runs on an engine and assembles the result.
     *
     * @param engine the engine (not closed here)
     * @param listener told of each new row (done counts the journaled rows too), one at a time
     * @return the outcome
     * @throws InterruptedException when interrupted (the engine's runs are cancelled)
     * @throws IOException when the journal cannot be read or written
     * @throws IllegalStateException when the engine fails; the rows it finished stay journaled
     */
    public Outcome run(SweepEngine engine, SweepRunner.Listener listener) throws InterruptedException, IOException {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        List<SweepRun> runs = plan.runs();
        SweepResult.Solve[] rows = new SweepResult.Solve[runs.size()];
        Map<String, SweepResult.Solve> old = journal.read();
        List<SweepRun> missing = new ArrayList<>();
        for (SweepRun r : runs) {
            SweepResult.Solve s = old.get(r.key());
            if (s != null) {
                rows[plan.canonicalIndex(r)] = s;
            } else {
                missing.add(r);
            }
        }
        int resumed = runs.size() - missing.size();
        AtomicInteger done = new AtomicInteger(resumed);
        AtomicInteger computed = new AtomicInteger();
        if (!missing.isEmpty()) {
            engine.compute(new SweepTask(plan, lookup), missing, (run, row) -> {
                journal.write(run, row);
                rows[plan.canonicalIndex(run)] = row;
                computed.incrementAndGet();
                listener.solved(row, done.incrementAndGet(), runs.size());
            });
        }
        if (Arrays.stream(rows).anyMatch(Objects::isNull)) {
            return new Outcome(null, resumed, computed.get());
        }
        return new Outcome(runner.result(List.of(rows), (System.nanoTime() - start) * 1e-9), resumed, computed.get());
    }
}
