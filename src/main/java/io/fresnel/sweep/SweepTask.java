package io.fresnel.sweep;

import io.fresnel.design.Design;
import io.fresnel.design.Designs;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Function;

/**
 * The pure function run -> row of a sweep, {@link Serializable} so that a distributed engine can
 * send it to its workers: it carries only the {@link SweepPlan} and builds the
 * {@link SweepRunner} (designs, placed scenarios, draw generator) from it on first use in each
 * copy. A design that throws gives a row with status {@code error} (see
 * {@link SweepRunner#solve(SweepRun)}), never an exception.
 */
public final class SweepTask implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SweepPlan plan;
    /** The design of a scheme name; not shipped (a copy elsewhere uses {@link Designs#byName}). */
    private final transient Function<String, Design> lookup;
    private transient volatile SweepRunner runner;

    /** @param plan the sweep, solved with the designs of {@link Designs} */
    public SweepTask(SweepPlan plan) {
        this(plan, null);
    }

    /**
     * @param plan the sweep
     * @param lookup the design of a scheme name in this process (tests), or null for
     *     {@link Designs#byName}
     */
    SweepTask(SweepPlan plan, Function<String, Design> lookup) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.lookup = lookup;
    }

    /** @return the sweep */
    public SweepPlan plan() {
        return plan;
    }

    /**
     * @param run a run of the plan
     * @return its row
     * @throws IllegalArgumentException when the run is not one of the plan's
     */
    public SweepResult.Solve solve(SweepRun run) {
        return runner().solve(run);
    }

    /** Asks this copy's running solves to stop (they end with status cancelled). */
    public void cancel() {
        runner().cancel();
    }

    private SweepRunner runner() {
        SweepRunner r = runner;
        if (r == null) {
            synchronized (this) {
                r = runner;
                if (r == null) {
                    r = new SweepRunner(plan.spec(), lookup != null ? lookup : Designs::byName);
                    runner = r;
                }
            }
        }
        return r;
    }
}
