package io.fresnel.optim;

import java.util.Random;

/**
 * A seeded random SDP with a planted strictly feasible primal point x0 (F(x0) = S0 &gt; 0, linear
 * slacks positive) and a planted strictly feasible dual point (Z0 &gt; 0, z0 &gt; 0, c_v =
 * tr(F_v Z0) - g_v^T z0), so the optimum exists and is bounded below by the planted dual objective
 * -tr(F0 Z0) - h^T z0.
 */
record RandomSdp(ConeProgram program, double plantedDualObjective) {

    static RandomSdp create(Random rnd, int n, int[] blockSizes, int linearRows) {
        ConeProgram p = new ConeProgram(n);
        double[] x0 = new double[n];
        for (int v = 0; v < n; v++) {
            x0[v] = rnd.nextGaussian();
        }
        double[] c = new double[n];
        double dual = 0;
        for (int m : blockSizes) {
            PsdBlock block = p.addPsd(m);
            double[][] s0 = ConeSolverContract.randomPd(rnd, m, 0.3);
            double[][] z0 = ConeSolverContract.randomPd(rnd, m, 0.3);
            double[][] f0 = new double[m][m];
            for (int i = 0; i < m; i++) {
                System.arraycopy(s0[i], 0, f0[i], 0, m);
            }
            for (int v = 0; v < n; v++) {
                // sparse coefficient matrices: a few random symmetric entries each
                int entries = 1 + rnd.nextInt(3);
                for (int e = 0; e < entries; e++) {
                    int i = rnd.nextInt(m);
                    int j = rnd.nextInt(m);
                    double value = rnd.nextGaussian();
                    block.addCoefficient(v, i, j, value);
                    // F0 = S0 - sum x0_v F_v, c_v += tr(F_v Z0) with F_v symmetric
                    f0[i][j] -= x0[v] * value;
                    if (i != j) {
                        f0[j][i] -= x0[v] * value;
                        c[v] += 2 * value * z0[i][j];
                    } else {
                        c[v] += value * z0[i][i];
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    block.addConstant(i, j, f0[i][j]);
                    dual -= (i == j ? 1 : 2) * f0[i][j] * z0[i][j];
                }
            }
        }
        for (int r = 0; r < linearRows; r++) {
            double[] g = new double[n];
            double gx = 0;
            for (int v = 0; v < n; v++) {
                if (rnd.nextInt(4) == 0) {
                    g[v] = rnd.nextGaussian();
                    gx += g[v] * x0[v];
                }
            }
            double h = gx + 0.1 + rnd.nextDouble();
            double z = 0.1 + rnd.nextDouble();
            p.addLinearInequality(g, h);
            // dual: G^T z + c_total = 0 with G rows g and PSD part -F: c = tr(F Z0) - g z
            for (int v = 0; v < n; v++) {
                c[v] -= g[v] * z;
            }
            dual -= h * z;
        }
        for (int v = 0; v < n; v++) {
            p.setObjective(v, c[v]);
        }
        return new RandomSdp(p, dual);
    }
}
