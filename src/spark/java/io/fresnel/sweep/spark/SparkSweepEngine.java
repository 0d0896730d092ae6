package io.fresnel.sweep.spark;

import io.fresnel.sweep.SweepEngine;
import io.fresnel.sweep.SweepEngineOptions;
import io.fresnel.sweep.SweepResult;
import io.fresnel.sweep.SweepRun;
import io.fresnel.sweep.SweepTask;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Computes the runs of a sweep on Apache Spark (Java API of spark-core 4.0): each run is one
 * task ({@code parallelize(runs, runs.size()).map(task).collect()}), and the task is the same
 * {@link SweepTask} the local engine applies, shipped with Java serialisation, so the rows do
 * not depend on the engine.
 *
 * <p>So that a lost cluster loses little, the runs are submitted as many small jobs at once (of
 * twice the default parallelism each; Spark's FIFO scheduler keeps every core busy) and each
 * job's rows go to the sink (the journal) as soon as that job ends. Spark retries a failed task
 * up to {@code spark.task.maxFailures} times ({@value #MAX_FAILURES} unless set; in local mode
 * only with a master {@code local[N,F]}); a design that throws is not a failure but a row with
 * status {@code error}. A job that still fails ends {@link #compute} with an
 * {@link IllegalStateException}; the rows of the other jobs that finished are kept.
 *
 * <p>The master is {@link SweepEngineOptions#master()}, else the {@code spark.master} that
 * {@code spark-submit} set, else {@code local[*]} (embedded). Started without spark-submit
 * against a cluster, the engine ships the jar it was loaded from ({@code spark.jars}). The
 * context starts on the first {@link #compute} and stops in {@link #close()}.
 */
public final class SparkSweepEngine implements SweepEngine {
    /** Attempts per task unless {@code spark.task.maxFailures} is set. */
    static final int MAX_FAILURES = 4;

    private final SweepEngineOptions options;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile JavaSparkContext context;

    /** @param options the engine options (the master URL and the application name are used) */
    public SparkSweepEngine(SweepEngineOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String describe() {
        return "master " + master(new SparkConf());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when Spark cannot start with the master (e.g. a malformed
     *     URL)
     */
    @Override
    public void compute(SweepTask task, List<SweepRun> runs, Sink sink) throws InterruptedException, IOException {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(sink, "sink");
        JavaSparkContext sc = context();
        int batch = Math.max(1, 2 * sc.defaultParallelism());
        Map<List<SweepRun>, JavaFutureAction<List<SweepResult.Solve>>> jobs = new LinkedHashMap<>();
        Solver solver = new Solver(task);
        for (int i = 0; i < runs.size(); i += batch) {
            List<SweepRun> part = new ArrayList<>(runs.subList(i, Math.min(runs.size(), i + batch)));
            jobs.put(part, sc.parallelize(part, part.size()).map(solver).collectAsync());
        }
        try {
            while (!jobs.isEmpty()) {
                if (cancelled.get()) {
                    return;
                }
                boolean any = false;
                for (var it = jobs.entrySet().iterator(); it.hasNext();) {
                    var job = it.next();
                    if (!job.getValue().isDone()) {
                        continue;
                    }
                    it.remove();
                    any = true;
                    List<SweepResult.Solve> rows = job.getValue().get();
                    for (int j = 0; j < rows.size() && !cancelled.get(); j++) {
                        sink.accept(job.getKey().get(j), rows.get(j));
                    }
                }
                if (!any) {
                    Thread.sleep(20);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a Spark job failed (after spark.task.maxFailures attempts per task): "
                    + e.getCause(), e.getCause());
        } finally {
            for (JavaFutureAction<?> f : jobs.values()) {
                f.cancel(true);
            }
        }
    }

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void close() {
        JavaSparkContext sc = context;
        context = null;
        if (sc != null) {
            sc.stop();
        }
    }

    private synchronized JavaSparkContext context() {
        if (context == null) {
            SparkConf conf = new SparkConf().setAppName(options.appName());
            String master = master(conf);
            conf.setMaster(master);
            conf.setIfMissing("spark.task.maxFailures", Integer.toString(MAX_FAILURES));
            conf.setIfMissing("spark.ui.enabled", "false");
            if (!master.startsWith("local") && !conf.contains("spark.jars")) {
                Path jar = ownJar();
                if (jar != null) {
                    conf.setJars(new String[] {jar.toString()});
                }
            }
            JavaSparkContext sc;
            try {
                sc = new JavaSparkContext(conf);
            } catch (Exception e) { // Scala throws SparkException undeclared
                throw new IllegalArgumentException("--master " + master + ": Spark cannot start (" + e.getMessage()
                        + ")", e);
            }
            sc.setLogLevel("WARN");
            context = sc;
        }
        return context;
    }

    private String master(SparkConf conf) {
        if (options.master() != null) {
            return options.master();
        }
        return conf.get("spark.master", "local[*]");
    }

    /** @return the jar this class was loaded from, or null when it was loaded from a folder (tests) */
    private static Path ownJar() {
        try {
            Path p = Path.of(SparkSweepEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The task Spark ships: a run -> its row, by the sweep's {@link SweepTask}. */
    private static final class Solver implements Function<SweepRun, SweepResult.Solve> {
        private static final long serialVersionUID = 1L;
        private final SweepTask task;

        Solver(SweepTask task) {
            this.task = task;
        }

        @Override
        public SweepResult.Solve call(SweepRun run) {
            return task.solve(run);
        }
    }
}
