package io.fresnel.sweep;

import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.ProgressListener;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a {@link SweepSpec}: every (x, draw, scheme) is one independent design run on a fixed
 * thread pool, with the nodes of draw i placed by {@link DrawGenerator} and {@link Draw} (the
 * same geometry for every x and scheme: common random numbers).
 *
 * <p>Each solve runs the design named by the scheme on the base scenario changed by
 * {@link SweepFigure#apply} at x, with draw i's nodes and a solver block naming the scheme (the
 * base's parameters, plus {@code max_iterations} when given). A solve counts when the design
 * returns a precoder and its status is neither cancelled nor unbounded (optimal,
 * iteration-limit, or the converged status of a local method); its value is the
 * {@code min_secrecy_rate_bps_hz} of the scenario with that precoder (SCENARIO.md section 2),
 * which for paper 000's designs is their {@code DesignResult.objective()} and for the
 * closed-form baselines (whose objective is the sum rate) is the quantity the figures plot.
 * Infeasible, cancelled, rejected ({@code DesignException}) and failed solves are recorded with
 * their status and message and left out of the mean.
 *
 * <p>One level of parallelism (STYLE.md): the designs themselves run single-threaded. A run can
 * be stopped with {@link #cancel()}; iterative designs see the flag every iteration.
 */
public final class SweepRunner {

    /** Receives each finished solve, on the worker thread that ran it (so it must be thread-safe). */
    @FunctionalInterface
    public interface Listener {
        /** A listener that ignores every report. */
        Listener NONE = (solve, done, total) -> { };

        /**
         * @param solve the finished solve
         * @param done how many solves have finished so far (1-based)
         * @param total how many solves the sweep has
         */
        void solved(SweepResult.Solve solve, int done, int total);
    }

    private final SweepSpec spec;
    private final List<Design> designs;
    private final List<Scenario> scenarios;
    private final DrawGenerator generator;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * Prepares a sweep with the designs of {@link Designs}, checking everything that can be
     * checked before solving: every scheme name, every x value on the base, and the placement
     * of draw 0 at every x.
     *
     * @param spec what to sweep
     * @throws IllegalArgumentException naming the cause (an unknown scheme names the known
     *     ones; a base the figure or the placement cannot use names the field)
     */
    public SweepRunner(SweepSpec spec) {
        this(spec, Designs::byName);
    }

    /**
     * @param spec what to sweep
     * @param lookup the design of a scheme name; throws {@link IllegalArgumentException} for an
     *     unknown name
     */
    SweepRunner(SweepSpec spec, Function<String, Design> lookup) {
        this.spec = Objects.requireNonNull(spec, "spec");
        List<Design> ds = new ArrayList<>();
        for (String name : spec.schemes()) {
            try {
                ds.add(Objects.requireNonNull(lookup.apply(name), name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scheme " + name + ": " + e.getMessage(), e);
            }
        }
        designs = List.copyOf(ds);
        List<Scenario> sc = new ArrayList<>();
        Set<Vec3> elements = new LinkedHashSet<>();
        for (double x : spec.points()) {
            Scenario s = spec.figure().apply(spec.base(), x);
            if (spec.maxIterations() != null) {
                s = SweepFigure.withSolverParameter(s, "max_iterations", spec.maxIterations().longValue());
            }
            sc.add(s);
            elements.addAll(s.txArray().positions());
            elements.addAll(s.receiveArray().positions());
        }
        scenarios = List.copyOf(sc);
        generator = new DrawGenerator(spec.seed(), spec.base().referencePoint(), new ArrayList<>(elements));
        for (int i = 0; i < scenarios.size(); i++) {
            try {
                place(i, 0);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot place the drawn nodes in the base scenario at x = "
                        + spec.points().get(i) + ": " + e.getMessage(), e);
            }
        }
    }

    /** @return the sweep's specification */
    public SweepSpec spec() {
        return spec;
    }

    /** @return how many solves the sweep runs: x values x draws x schemes */
    public int size() {
        return spec.points().size() * spec.draws() * spec.schemes().size();
    }

    /** Asks the running and the pending solves to stop (they end with status cancelled). */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * The scenario of one solve, before its solver block is set.
     *
     * @param xIndex index into {@code spec.points()}
     * @param draw the draw index
     * @return the base changed at that x with that draw's nodes placed
     */
    Scenario place(int xIndex, int draw) {
        double x = spec.points().get(xIndex);
        Scenario s = scenarios.get(xIndex);
        return generator.draw(draw, s.targets().size(), spec.figure().users(spec.base(), x)).applyTo(s);
    }

    /**
     * Runs every solve and aggregates.
     *
     * @param threads the pool size (>= 1)
     * @param listener told of each finished solve (on worker threads)
     * @return the solves in canonical order (x, draw, scheme) and the statistics; the same for
     *     any number of threads
     * @throws InterruptedException when the calling thread is interrupted (the solves are then
     *     cancelled)
     * @throws IllegalArgumentException when threads < 1
     */
    public SweepResult run(int threads, Listener listener) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 (got " + threads + ")");
        }
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        int nx = spec.points().size();
        int nd = spec.draws();
        int ns = designs.size();
        int total = size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        List<Future<SweepResult.Solve>> futures = new ArrayList<>(Collections.nCopies(total, null));
        try {
            // draw-major submission, so that early results already cover every x value
            for (int d = 0; d < nd; d++) {
                for (int xi = 0; xi < nx; xi++) {
                    for (int si = 0; si < ns; si++) {
                        int xIndex = xi;
                        int draw = d;
                        int scheme = si;
                        futures.set((xi * nd + d) * ns + si, pool.submit(() -> {
                            SweepResult.Solve s = solve(xIndex, draw, scheme);
                            listener.solved(s, done.incrementAndGet(), total);
                            return s;
                        }));
                    }
                }
            }
            List<SweepResult.Solve> solves = new ArrayList<>(total);
            for (Future<SweepResult.Solve> f : futures) {
                solves.add(f.get());
            }
            return result(solves, (System.nanoTime() - start) * 1e-9);
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } catch (ExecutionException e) {
            cancel();
            throw new IllegalStateException("a solve failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Solves one run: the pure function run -> row that every engine applies (see
     * {@link SweepTask}). A design that throws gives a row with status {@link SweepResult#ERROR}
     * and the exception as its message; a rejected scenario gives {@link SweepResult#REJECTED}.
     *
     * @param run a run of this sweep (its x, scheme and seed must be the spec's)
     * @return its row
     * @throws IllegalArgumentException when the run is not one of this sweep's
     */
    public SweepResult.Solve solve(SweepRun run) {
        Objects.requireNonNull(run, "run");
        if (run.xIndex() >= spec.points().size() || run.schemeIndex() >= spec.schemes().size()
                || run.draw() >= spec.draws() || run.seed() != spec.seed()
                || Double.compare(spec.points().get(run.xIndex()), run.x()) != 0
                || !spec.schemes().get(run.schemeIndex()).equals(run.scheme())) {
            throw new IllegalArgumentException("run " + run.key() + " is not a run of this sweep");
        }
        return solve(run.xIndex(), run.draw(), run.schemeIndex());
    }

    /**
     * Assembles the result of rows computed anywhere (by any engine, or read from a journal).
     *
     * @param solves every row, in canonical order (x, draw, scheme)
     * @param seconds the wall-clock time to report (s)
     * @return the result, with the statistics and the draws' positions
     * @throws IllegalArgumentException when the number of rows is not {@link #size()}
     */
    public SweepResult result(List<SweepResult.Solve> solves, double seconds) {
        if (solves.size() != size()) {
            throw new IllegalArgumentException("expected " + size() + " rows, got " + solves.size());
        }
        return new SweepResult(spec, solves, aggregate(spec, solves), draws(), seconds);
    }

    /** @return every draw's positions, with the largest user count of the sweep */
    private List<Draw> draws() {
        int users = 0;
        for (double x : spec.points()) {
            users = Math.max(users, spec.figure().users(spec.base(), x));
        }
        List<Draw> out = new ArrayList<>(spec.draws());
        for (int d = 0; d < spec.draws(); d++) {
            out.add(generator.draw(d, spec.base().targets().size(), users));
        }
        return out;
    }

    private SweepResult.Solve solve(int xIndex, int draw, int schemeIndex) {
        double x = spec.points().get(xIndex);
        Design design = designs.get(schemeIndex);
        String scheme = spec.schemes().get(schemeIndex);
        long start = System.nanoTime();
        Scenario s;
        try {
            s = place(xIndex, draw);
            s = s.withSolver(new SolverSpec(scheme, s.solver() == null ? null : s.solver().parameters()));
        } catch (RuntimeException e) {
            return new SweepResult.Solve(x, draw, scheme, SweepResult.REJECTED, false, null, null, 0,
                    (System.nanoTime() - start) * 1e-9, "cannot place draw " + draw + ": " + e.getMessage());
        }
        DesignResult r;
        try {
            r = design.run(s, new DesignContext(cancelled::get, ProgressListener.NONE, null));
        } catch (DesignException e) {
            return new SweepResult.Solve(x, draw, scheme, SweepResult.REJECTED, false, null, null, 0,
                    (System.nanoTime() - start) * 1e-9, e.getMessage());
        } catch (RuntimeException e) {
            return new SweepResult.Solve(x, draw, scheme, SweepResult.ERROR, false, null, null, 0,
                    (System.nanoTime() - start) * 1e-9, e.toString());
        }
        String status = r.status().jsonName();
        // any status that comes with a precoder counts (optimal, iteration-limit, a local method's
        // converged), except a cancelled run's or an unbounded problem's
        boolean usable = r.precoder() != null && r.status() != DesignStatus.CANCELLED
                && r.status() != DesignStatus.UNBOUNDED;
        if (!usable) {
            return new SweepResult.Solve(x, draw, scheme, status, false, null, r.objective(), r.iterations(),
                    r.seconds(), r.message() != null ? r.message() : r.precoder() == null ? "no precoder" : null);
        }
        Double value;
        try {
            value = MetricsEvaluator.evaluate(s.withPrecoder(r.precoder())).system().minSecrecyRateBpsHz();
        } catch (RuntimeException e) {
            return new SweepResult.Solve(x, draw, scheme, SweepResult.ERROR, false, null, r.objective(),
                    r.iterations(), r.seconds(), "cannot evaluate the designed precoder: " + e);
        }
        if (value == null) {
            return new SweepResult.Solve(x, draw, scheme, status, false, null, r.objective(), r.iterations(),
                    r.seconds(), "the designed precoder gives no secrecy rate");
        }
        return new SweepResult.Solve(x, draw, scheme, status, true, value, r.objective(), r.iterations(), r.seconds(),
                r.message());
    }

    /**
     * The statistics of each (x, scheme) over its draws.
     *
     * @param spec the sweep
     * @param solves every solve, in canonical order (x, draw, scheme)
     * @return one point per (x, scheme), ordered by x then scheme
     */
    static List<SweepResult.Point> aggregate(SweepSpec spec, List<SweepResult.Solve> solves) {
        int nd = spec.draws();
        int ns = spec.schemes().size();
        List<SweepResult.Point> out = new ArrayList<>();
        for (int xi = 0; xi < spec.points().size(); xi++) {
            for (int si = 0; si < ns; si++) {
                List<Double> values = new ArrayList<>();
                double seconds = 0;
                for (int d = 0; d < nd; d++) {
                    SweepResult.Solve s = solves.get((xi * nd + d) * ns + si);
                    seconds += s.seconds();
                    if (s.counted()) {
                        values.add(s.minSecrecyRateBpsHz());
                    }
                }
                out.add(point(spec.points().get(xi), spec.schemes().get(si), nd, values, seconds / nd));
            }
        }
        return out;
    }

    private static SweepResult.Point point(double x, String scheme, int draws, List<Double> values,
            double meanSeconds) {
        int n = values.size();
        if (n == 0) {
            return new SweepResult.Point(x, scheme, draws, 0, null, null, null, null, meanSeconds);
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        Double std = null;
        if (n >= 2) {
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            std = Math.sqrt(ss / (n - 1));
        }
        return new SweepResult.Point(x, scheme, draws, n, mean, std, min, max, meanSeconds);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fresnel-sweep-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
