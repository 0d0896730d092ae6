package io.fresnel.design.speb;

import io.fresnel.math.ComplexMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The partially connected analog beamformer of paper 003 (1), (27): F_A = diag(f_A) Phi with
 * f_n = exp(j theta_n) and Phi = blkdiag{1_M, ..., 1_M}, M = N / N_RF: RF chain r drives the
 * contiguous subarray n = rM .. rM + M - 1 (SCENARIO.md section 1), unit modulus there and zero
 * elsewhere. Immutable.
 *
 * @param chains N_RF
 * @param block M = N / N_RF
 * @param phases theta (rad), length N (every antenna belongs to exactly one subarray)
 */
record PartialAnalog(int chains, int block, double[] phases) {

    /** @return the number of antennas N */
    int antennas() {
        return phases.length;
    }

    /** @return the RF chain driving antenna n */
    int chainOf(int n) {
        return n / block;
    }

    /** @return F_A's columns {re, im} (length N), the basis of the digital step's subspace */
    List<double[][]> columns() {
        int n = antennas();
        List<double[][]> out = new ArrayList<>(chains);
        for (int r = 0; r < chains; r++) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int k = r * block; k < (r + 1) * block; k++) {
                re[k] = Math.cos(phases[k]);
                im[k] = Math.sin(phases[k]);
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    /** @return F_A (N x N_RF) with exact unit modulus on its support and exact zeros elsewhere */
    ComplexMatrix matrix() {
        int n = antennas();
        double[] re = new double[n * chains];
        double[] im = new double[n * chains];
        for (int k = 0; k < n; k++) {
            int r = chainOf(k);
            re[r * n + k] = Math.cos(phases[k]);
            im[r * n + k] = Math.sin(phases[k]);
        }
        return ComplexMatrix.ofColumnMajor(n, chains, re, im);
    }

    /**
     * F_D = F_A^H P / M for columns P that lie in the span of F_A (F_A^H F_A = M I, paper 003 (34)).
     *
     * @param columns P's columns {re, im}
     * @return F_D (N_RF x S)
     */
    ComplexMatrix digital(List<double[][]> columns) {
        int s = columns.size();
        double[] re = new double[chains * s];
        double[] im = new double[chains * s];
        for (int c = 0; c < s; c++) {
            double[][] p = columns.get(c);
            for (int k = 0; k < antennas(); k++) {
                int r = chainOf(k);
                double cr = Math.cos(phases[k]);
                double ci = Math.sin(phases[k]);
                // conj(f_k) p_k
                re[c * chains + r] += (cr * p[0][k] + ci * p[1][k]) / block;
                im[c * chains + r] += (cr * p[1][k] - ci * p[0][k]) / block;
            }
        }
        return ComplexMatrix.ofColumnMajor(chains, s, re, im);
    }

    /**
     * The per-antenna digital weights w_s = Phi f_D,s of columns in the span: w_sn = conj(f_n) p_sn.
     *
     * @param columns P's columns
     * @return the weights {re, im} per column
     */
    List<double[][]> weights(List<double[][]> columns) {
        List<double[][]> out = new ArrayList<>(columns.size());
        for (double[][] p : columns) {
            double[] re = new double[antennas()];
            double[] im = new double[antennas()];
            for (int k = 0; k < antennas(); k++) {
                double cr = Math.cos(phases[k]);
                double ci = Math.sin(phases[k]);
                re[k] = cr * p[0][k] + ci * p[1][k];
                im[k] = cr * p[1][k] - ci * p[0][k];
            }
            // average over the block: the weight of chain r is the same on all its antennas
            out.add(blockAverage(re, im));
        }
        return out;
    }

    private double[][] blockAverage(double[] re, double[] im) {
        double[] ar = new double[re.length];
        double[] ai = new double[im.length];
        for (int r = 0; r < chains; r++) {
            double sr = 0;
            double si = 0;
            for (int k = r * block; k < (r + 1) * block; k++) {
                sr += re[k];
                si += im[k];
            }
            for (int k = r * block; k < (r + 1) * block; k++) {
                ar[k] = sr / block;
                ai[k] = si / block;
            }
        }
        return new double[][] {ar, ai};
    }

    /**
     * @param phases new phases theta
     * @param weights per-antenna digital weights w_s (block constant)
     * @return the columns p_s = diag(exp(j theta)) w_s
     */
    static List<double[][]> apply(double[] phases, List<double[][]> weights) {
        List<double[][]> out = new ArrayList<>(weights.size());
        for (double[][] w : weights) {
            double[] re = new double[phases.length];
            double[] im = new double[phases.length];
            for (int k = 0; k < phases.length; k++) {
                double cr = Math.cos(phases[k]);
                double ci = Math.sin(phases[k]);
                re[k] = cr * w[0][k] - ci * w[1][k];
                im[k] = cr * w[1][k] + ci * w[0][k];
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    /** @return a copy with other phases */
    PartialAnalog withPhases(double[] newPhases) {
        return new PartialAnalog(chains, block, newPhases.clone());
    }

    /**
     * Phases matched to x on every subarray: f_n = exp(j arg conj(x_n)) (a focused beam towards
     * the node whose response or channel row is x); zero entries get phase 0.
     *
     * @param perChain x per RF chain {re, im} (length N)
     * @param chains N_RF
     * @param block M
     * @return the analog beamformer
     */
    static PartialAnalog matched(List<double[][]> perChain, int chains, int block) {
        double[] ph = new double[chains * block];
        for (int r = 0; r < chains; r++) {
            double[][] x = perChain.get(r);
            for (int k = r * block; k < (r + 1) * block; k++) {
                ph[k] = -Math.atan2(x[1][k], x[0][k]);
            }
        }
        return new PartialAnalog(chains, block, ph);
    }
}
