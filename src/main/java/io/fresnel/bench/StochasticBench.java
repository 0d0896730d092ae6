package io.fresnel.bench;

import io.fresnel.stochastic.ExactAnalysis;
import io.fresnel.stochastic.MonteCarloAnalysis;
import io.fresnel.stochastic.Output;
import io.fresnel.stochastic.StochasticQuery;
import io.fresnel.stochastic.StochasticQuery.PowerSplit;
import io.fresnel.stochastic.StochasticQuery.Scheme;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code bench --stochastic}: paper 002's stochastic analysis on the paper's set-up (N = 15):
 * the exact evaluation of all eleven outputs for SSJB (tau 0.6, alpha 0.5) and SLB (0.4, 0.2,
 * 0.2), median and maximum over runs after warm-up; then 10^6 Monte Carlo draws at N = 16 on two
 * threads for each scheme (targets of issue 11: 50 ms, 500 ms and 2 s).
 */
final class StochasticBench {
    private StochasticBench() {
    }

    /**
     * @param out where to print
     * @param warmup untimed exact evaluations
     * @param runs timed exact evaluations
     * @param draws Monte Carlo draws per scheme
     * @return the Monte Carlo seconds of SSJB and SLB
     * @throws InterruptedException when interrupted
     */
    static double[] run(PrintWriter out, int warmup, int runs, long draws) throws InterruptedException {
        out.println("benchmark: paper 002 stochastic analysis (paper set-up, N = 15, M = 17, Ne = 15)");
        StochasticQuery ssjb = StochasticQuery.paperSetup(Scheme.SSJB, PowerSplit.ssjb(0.6, 0.5));
        StochasticQuery slb = StochasticQuery.paperSetup(Scheme.SLB, PowerSplit.slb(0.4, 0.2, 0.2));
        for (StochasticQuery q : new StochasticQuery[] {ssjb, slb}) {
            for (int i = 0; i < warmup; i++) {
                ExactAnalysis.evaluate(q);
            }
            double[] ms = new double[runs];
            double esr = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                esr = ExactAnalysis.evaluate(q).outputs().value(Output.ERGODIC_SECRECY_RATE);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            out.printf(Locale.ROOT, "exact, all eleven outputs, %s: median %.2f ms, max %.2f ms over %d runs (after %d warm-up);"
                    + " ESR %.6f bit/s/Hz%n", q.scheme().key(), ms[runs / 2], ms[runs - 1], runs, warmup, esr);
        }
        double[] seconds = new double[2];
        int k = 0;
        for (StochasticQuery q : new StochasticQuery[] {ssjb, slb}) {
            StochasticQuery big = new StochasticQuery(q.scheme(), q.split(), 16, q.rxElements(), q.seveElements(),
                    q.powerW(), q.snapshots(), q.gains(), q.noise(), q.deltaRad(), q.thresholds(), draws, 1);
            MonteCarloAnalysis.evaluate(big.withDraws(Math.min(draws, 20_000), 2), 2, () -> false);
            long t0 = System.nanoTime();
            double v = MonteCarloAnalysis.evaluate(big, 2, () -> false).values().value(Output.ERGODIC_RATE_USER);
            seconds[k] = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "Monte Carlo, %s, N = 16, %d draws, 2 threads: %.3f s (E R_u %.6f bit/s/Hz)%n", q.scheme().key(),
                    draws, seconds[k], v);
            k++;
        }
        out.println("machine: " + EvalBench.machine());
        out.flush();
        return seconds;
    }
}
