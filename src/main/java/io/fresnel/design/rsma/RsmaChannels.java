package io.fresnel.design.rsma;

import static io.fresnel.design.rsma.Columns.abs2;
import static io.fresnel.design.rsma.Columns.inner;

import io.fresnel.design.common.SdrModel;
import io.fresnel.model.CommNode;
import java.util.List;

/**
 * The reduced RSMA secrecy model of paper 000: precoder columns kept as coordinates in the span Q
 * of the users', eavesdroppers' and targets' (conjugate) transmit vectors (every metric depends on
 * P only through Q^H P), power normalised to 1 and channels to unit noise. A stream stack is
 * {@code c[s] = {re[d], im[d]}}, stream 0 the common one when there is one, then the users'
 * private streams. Immutable.
 */
final class RsmaChannels {
    /** The span model (basis and dimension d). */
    final SdrModel model;
    /** Span dimension d. */
    final int d;
    /** Number of users K. */
    final int users;
    /** Number of streams, K + 1 with a common stream, else K. */
    final int streams;
    /** Whether stream 0 is a common stream. */
    final boolean common;
    /** Transmit power budget P_th (W). */
    final double pmax;
    /** The users' channels in span coordinates, scaled by sqrt(P_th / sigma_k^2). */
    final double[][][] g;
    /** The eavesdroppers' channels in span coordinates, scaled by sqrt(P_th / sigma_e^2). */
    final double[][][] e;

    /**
     * @param model the span model; its basis must span the conjugates of the rows below
     * @param pmax the power budget (W)
     * @param userNodes the users (their noise powers)
     * @param userRows the channel rows {re, im} (length N) the design assumes for the users (the
     *     true ones, or far-field ones for RSMA-Far)
     * @param eaveRows the eavesdroppers' channel rows {re, im}
     * @param eaveNoise the eavesdroppers' noise powers (W)
     * @param common whether there is a common stream
     */
    RsmaChannels(SdrModel model, double pmax, List<CommNode> userNodes, List<double[][]> userRows,
            List<double[][]> eaveRows, List<Double> eaveNoise, boolean common) {
        this.model = model;
        this.d = model.d;
        this.users = userNodes.size();
        this.common = common;
        this.streams = users + (common ? 1 : 0);
        this.pmax = pmax;
        g = new double[users][][];
        for (int k = 0; k < users; k++) {
            double[][] c = userRows.get(k);
            g[k] = Columns.scale(model.basis.coordinates(c[0], Columns.negate(c[1])),
                    Math.sqrt(pmax / userNodes.get(k).noiseW()));
        }
        e = new double[eaveRows.size()][][];
        for (int j = 0; j < e.length; j++) {
            double[][] c = eaveRows.get(j);
            e[j] = Columns.scale(model.basis.coordinates(c[0], Columns.negate(c[1])),
                    Math.sqrt(pmax / eaveNoise.get(j)));
        }
    }

    /** @return the index of the common stream, -1 without one */
    int commonIndex() {
        return common ? 0 : -1;
    }

    /** @return the index of user k's private stream */
    int privateIndex(int k) {
        return (common ? 1 : 0) + k;
    }

    /** @return the position of Re (part 0) or Im (part 1) of coordinate j of stream s in a surrogate's variables */
    int variable(int s, int j, int part) {
        return (s * d + j) * 2 + part;
    }

    /** @return the span coordinates of full columns {@code cols[s] = {re[N], im[N]}} */
    double[][][] reduce(double[][][] cols) {
        double[][][] out = new double[cols.length][][];
        for (int q = 0; q < cols.length; q++) {
            out[q] = model.basis.coordinates(cols[q][0], cols[q][1]);
        }
        return out;
    }

    /**
     * The rates of the normalised columns c (ERRATA 000.1: all private streams are noise when the
     * common one is decoded; the common stream is noise for the eavesdroppers' private decoding).
     *
     * @param c the columns in span coordinates (power normalised); not modified
     * @return the rates (bit/s/Hz)
     */
    SecrecyRates rates(double[][][] c) {
        double[] rc = common ? new double[users] : null;
        double[] rp = new double[users];
        for (int k = 0; k < users; k++) {
            double priv = 1;
            for (int u = 0; u < users; u++) {
                priv += abs2(inner(g[k], c[privateIndex(u)]));
            }
            double own = abs2(inner(g[k], c[privateIndex(k)]));
            rp[k] = log2((priv) / (priv - own));
            if (common) {
                double cs = abs2(inner(g[k], c[0]));
                rc[k] = log2((priv + cs) / priv);
            }
        }
        double[] rec = new double[e.length];
        double[][] rek = new double[e.length][users];
        for (int j = 0; j < e.length; j++) {
            double total = 1;
            double[] pw = new double[streams];
            for (int s = 0; s < streams; s++) {
                pw[s] = abs2(inner(e[j], c[s]));
                total += pw[s];
            }
            if (common) {
                rec[j] = log2(total / (total - pw[0]));
            }
            for (int k = 0; k < users; k++) {
                rek[j][k] = log2(total / (total - pw[privateIndex(k)]));
            }
        }
        return new SecrecyRates(rc, rp, rec, rek);
    }

    private static double log2(double x) {
        return Math.log(x) / RsmaSurrogate.LN2;
    }
}
