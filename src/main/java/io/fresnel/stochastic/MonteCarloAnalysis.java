package io.fresnel.stochastic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The seeded Monte Carlo evaluation of a {@code fresnel-p002-query/1} document: {@code draws}
 * independent realisations of (h, h_e, theta, phi), the precoder designed per draw
 * ({@link DrawEvaluator}), sample means and standard errors. The draws are cut into chunks of
 * {@link #CHUNK} with generators split off one {@link SplittableRandom} seeded with {@code seed}
 * in chunk order, and the chunk sums are added in chunk order, so the result depends on the seed
 * only, not on the number of threads. Stateless and thread-safe.
 */
public final class MonteCarloAnalysis {
    /** Draws per chunk (one task, one generator). */
    public static final int CHUNK = 4096;

    private MonteCarloAnalysis() {
    }

    /**
     * @param query the query (its draws and seed are used)
     * @param threads worker threads (&gt;= 1)
     * @param cancelled polled between chunks; when true the run stops with a
     *     {@link CancellationException}
     * @return the estimate
     * @throws InterruptedException when the calling thread is interrupted
     */
    public static MonteCarloResult evaluate(StochasticQuery query, int threads, BooleanSupplier cancelled)
            throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        long draws = query.draws();
        int chunks = (int) ((draws + CHUNK - 1) / CHUNK);
        SplittableRandom root = new SplittableRandom(query.seed());
        List<Future<Sums>> futures = new ArrayList<>(chunks);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), r -> {
            Thread t = new Thread(r, "fresnel-monte-carlo");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int c = 0; c < chunks; c++) {
                SplittableRandom rng = root.split();
                int count = (int) Math.min(CHUNK, draws - (long) c * CHUNK);
                futures.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("cancelled");
                    }
                    return chunk(query, rng, count);
                }));
            }
            Sums total = new Sums();
            for (Future<Sums> f : futures) {
                try {
                    total.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancellationException ce) {
                        throw ce;
                    }
                    throw new IllegalStateException("Monte Carlo draw failed: " + e.getCause(), e.getCause());
                }
            }
            return total.result(query);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sums chunk(StochasticQuery q, SplittableRandom rng, int count) {
        DrawEvaluator eval = new DrawEvaluator(q);
        double[] v = new double[DrawEvaluator.SIZE];
        Sums s = new Sums();
        double edge = Math.PI / 2 - q.deltaRad();
        StochasticQuery.Thresholds eps = q.thresholds();
        for (int i = 0; i < count; i++) {
            eval.draw(rng, v);
            s.n++;
            s.add(0, v[DrawEvaluator.RATE_USER]);
            s.add(1, v[DrawEvaluator.RATE_EVE]);
            s.add(2, v[DrawEvaluator.RATE_TARGET]);
            s.add(3, v[DrawEvaluator.RATE_USER] - v[DrawEvaluator.RATE_EVE]);
            s.add(4, v[DrawEvaluator.RATE_USER] - v[DrawEvaluator.RATE_TARGET]);
            if (Math.abs(v[DrawEvaluator.THETA]) <= edge) {
                s.insideBs++;
                s.add(5, v[DrawEvaluator.CRB_BS]);
            }
            if (Math.abs(v[DrawEvaluator.PHI]) <= edge) {
                s.insideSeve++;
                s.add(6, v[DrawEvaluator.CRB_STRONG]);
                s.add(7, v[DrawEvaluator.CRB_WEAK]);
            }
            s.add(8, v[DrawEvaluator.CRB_BS] > eps.bs() ? 1 : 0);
            s.add(9, v[DrawEvaluator.CRB_STRONG] > eps.seveStrong() ? 1 : 0);
            s.add(10, v[DrawEvaluator.CRB_WEAK] > eps.seveWeak() ? 1 : 0);
        }
        return s;
    }

    /** Sums and sums of squares of the eleven accumulated quantities. */
    private static final class Sums {
        long n;
        long insideBs;
        long insideSeve;
        final double[] sum = new double[11];
        final double[] sumSq = new double[11];

        void add(int k, double x) {
            sum[k] += x;
            sumSq[k] += x * x;
        }

        void add(Sums o) {
            n += o.n;
            insideBs += o.insideBs;
            insideSeve += o.insideSeve;
            for (int k = 0; k < sum.length; k++) {
                sum[k] += o.sum[k];
                sumSq[k] += o.sumSq[k];
            }
        }

        MonteCarloResult result(StochasticQuery q) {
            long[] counts = {n, n, n, n, n, insideBs, insideSeve, insideSeve, n, n, n};
            double[] mean = new double[11];
            double[] se = new double[11];
            for (int k = 0; k < 11; k++) {
                long c = counts[k];
                if (c == 0) {
                    mean[k] = Double.NaN;
                    se[k] = Double.NaN;
                    continue;
                }
                mean[k] = sum[k] / c;
                if (!Double.isFinite(mean[k])) {
                    mean[k] = Double.POSITIVE_INFINITY;
                    se[k] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double var = c > 1 ? Math.max(0, (sumSq[k] - c * mean[k] * mean[k]) / (c - 1)) : 0;
                se[k] = Math.sqrt(var / c);
            }
            // outputs: ru, re, rt, esr (from the paired mean), esr_t, crbs, outages
            double[] values = {mean[0], mean[1], mean[2], Math.max(0, mean[3]), Math.max(0, mean[4]), mean[5],
                mean[6], mean[7], mean[8], mean[9], mean[10]};
            return new MonteCarloResult(n, q.seed(), Outputs.of(values), Outputs.of(se), insideBs, insideSeve);
        }
    }
}
