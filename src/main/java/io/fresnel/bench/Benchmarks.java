package io.fresnel.bench;

import io.fresnel.design.DesignException;
import java.io.PrintWriter;

/**
 * The benchmarks of {@code fresnel bench}: measurement code, whose printed times are read by people
 * (docs/benchmarks.md and the papers' pages) and are not asserted by tests. Each prints what it
 * times, the distribution of the times and the machine ({@link EvalBench#machine()}).
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /**
     * Runs one benchmark.
     *
     * @param plan which benchmark, with its warm-ups and runs
     * @param out where to print
     * @return false if the benchmark could not run (only {@link BenchPlan.Kind#VS_CVXOPT}: a cvxopt
     *         script failed, the reason printed), else true
     * @throws InterruptedException if the thread is interrupted during a threaded benchmark
     */
    public static boolean run(BenchPlan plan, PrintWriter out) throws InterruptedException {
        switch (plan.kind()) {
            case SDR -> SdrBench.run(out, plan.warmup(), plan.runs());
            case SECURE -> SecureBench.run(out, plan.warmup(), plan.runs());
            case VS_CVXOPT -> {
                return CvxoptBench.run(out, plan.cvxoptScripts(), plan.python(), plan.warmup(), plan.runs());
            }
            case STOCHASTIC -> StochasticBench.run(out, 20, 100, 1_000_000);
            case LOCALIZE -> {
                try {
                    LocalizeBench.run(out, plan.runs());
                } catch (DesignException e) {
                    throw new IllegalStateException(e);
                }
            }
            case SPEB -> SpebBench.run(out);
            case RSMA -> RsmaBench.run(out);
            case SLICE -> SliceBench.run(out, plan.warmup(), plan.runs());
            case HEATMAP -> HeatmapBench.run(out, plan.warmup(), plan.runs());
            case EVAL -> EvalBench.run(out, plan.warmup(), plan.runs());
            default -> throw new IllegalStateException("unknown benchmark " + plan.kind());
        }
        return true;
    }
}
