package io.fresnel.optim;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Not part of the default test run (the name does not end in Test): sizes of the project's
 * problems, printed with iteration counts and wall times. Run with -Dtest=ConeSolverBench.
 */
class ConeSolverBench {

    @Test
    void printTimings() {
        for (int users : new int[] {1, 2, 3, 4}) {
            run("beamforming-like, N=16, users=" + users, beamforming(new Random(users), 16, users));
        }
        run("beamforming-like, N=20, users=2", beamforming(new Random(9), 20, 2));
        run("random SDP n=300, blocks 40,40,20", RandomSdp.create(new Random(5), 300, new int[] {40, 40, 20}, 50).program());
        run("random SDP n=1000, blocks 40,30", RandomSdp.create(new Random(6), 1000, new int[] {40, 30}, 100).program());
    }

    private static void run(String name, ConeProgram p) {
        long t0 = System.nanoTime();
        ConeResult r = ConeSolver.solve(p, ConeOptions.defaults(), () -> false);
        long t1 = System.nanoTime();
        System.out.printf("%-45s n=%4d %s iters=%d time=%.2fs obj=%.10g gap=%.1e pres=%.1e dres=%.1e%n", name,
                p.variables(), r.status(), r.iterations(), (t1 - t0) / 1e9, r.primalObjective(), r.relativeGap(),
                r.primalResidual(), r.dualResidual());
    }

    /**
     * min sum_k tr(W_k) s.t. Re tr(H_u W_u) - gamma sum_{k != u} Re tr(H_u W_k) >= sigma (SINR-like),
     * Re tr(G W_k) <= leak (eavesdropper), W_k >= 0 Hermitian N x N.
     */
    static ConeProgram beamforming(Random rnd, int n, int users) {
        HermitianVariable[] w = new HermitianVariable[users];
        for (int k = 0; k < users; k++) {
            w[k] = new HermitianVariable(k * n * n, n);
        }
        ConeProgram p = new ConeProgram(users * n * n);
        double[][] eye = ConeSolverContract.identity(n);
        Map<Integer, Double> obj = new HashMap<>();
        for (HermitianVariable wk : w) {
            wk.addTraceProduct(obj, eye, null, 1.0);
            wk.requirePsd(p);
        }
        obj.forEach(p::setObjective);
        double[][][][] h = new double[users][][][];
        for (int u = 0; u < users; u++) {
            h[u] = rankOne(rnd, n);
        }
        double[][][] g = rankOne(rnd, n);
        for (int u = 0; u < users; u++) {
            Map<Integer, Double> row = new HashMap<>();
            for (int k = 0; k < users; k++) {
                w[k].addTraceProduct(row, h[u][0], h[u][1], k == u ? -1.0 : 0.5);
            }
            p.addLinearInequality(row, -1.0);
            Map<Integer, Double> leak = new HashMap<>();
            w[u].addTraceProduct(leak, g[0], g[1], 1.0);
            p.addLinearInequality(leak, 0.2);
        }
        return p;
    }

    static double[][][] rankOne(Random rnd, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        double[][] hr = new double[n][n];
        double[][] hi = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // h h^H
                hr[i][j] = re[i] * re[j] + im[i] * im[j];
                hi[i][j] = im[i] * re[j] - re[i] * im[j];
            }
        }
        return new double[][][] {hr, hi};
    }
}
