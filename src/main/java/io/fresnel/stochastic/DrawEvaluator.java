package io.fresnel.stochastic;

import io.fresnel.math.SecureIsacBeams;
import java.util.random.RandomGenerator;

/**
 * One Monte Carlo draw of paper 002's random network (STOCHASTIC.md section 2): h, h_e ~ CN(0, I_N),
 * theta, phi ~ U(-pi/2, pi/2); the precoder is designed for (h, theta) with the same
 * {@link SecureIsacBeams} as the {@code ssjb}/{@code slb} designs, and its covariance is kept as
 * R_X = c0 I + sum_k c_k v_k v_k^H (SSJB: gamma I - gamma a~a~^H - gamma h~h~^H + P tau t1 t1^H;
 * SLB: gamma I + (P tau1 - gamma) h^h^^H + P tau3 a~a~^H + P tau4 a~'a~'^H), which is exactly
 * P P^H of the designed columns without forming the (N - 2) AN columns. The per-draw metrics are
 * the definitions of STOCHASTIC.md (SINR, CRB eq. 4/6, strong and weak eavesdropper CRBs). Not
 * thread-safe: one instance per thread.
 */
final class DrawEvaluator {
    /** Values of one draw, in the order of the accumulators of {@link MonteCarloAnalysis}. */
    static final int RATE_USER = 0;
    static final int RATE_EVE = 1;
    static final int RATE_TARGET = 2;
    static final int CRB_BS = 3;
    static final int CRB_STRONG = 4;
    static final int CRB_WEAK = 5;
    static final int THETA = 6;
    static final int PHI = 7;
    static final int SIZE = 8;
    /** Relative floor of a^H R_X a / (P N) below which the target counts as not illuminated. */
    static final double DARK = 1e-13;

    private final StochasticQuery q;
    private final int n;
    private final double[][] h;
    private final double[][] he;
    private final double[][] a;
    private final double[][] ap;
    private double c0;
    private final double[] coef = new double[3];
    private final double[][][] vec = new double[3][][];
    private double[][] w;

    /** @param query the query (scheme, split, sizes, gains, noise) */
    DrawEvaluator(StochasticQuery query) {
        this.q = query;
        this.n = query.txElements();
        h = new double[2][n];
        he = new double[2][n];
        a = new double[2][n];
        ap = new double[2][n];
    }

    /**
     * Draws one realisation and evaluates it.
     *
     * @param rng the generator; advanced
     * @param out the values (rates in bit/s/Hz, CRBs in rad^2, +infinity when infinite, the two
     *     angles in rad), length {@link #SIZE}; modified
     */
    void draw(RandomGenerator rng, double[] out) {
        double theta = Math.PI * (rng.nextDouble() - 0.5);
        double phi = Math.PI * (rng.nextDouble() - 0.5);
        final double s = Math.sqrt(0.5);
        for (int i = 0; i < n; i++) {
            h[0][i] = s * rng.nextGaussian();
            h[1][i] = s * rng.nextGaussian();
            he[0][i] = s * rng.nextGaussian();
            he[1][i] = s * rng.nextGaussian();
        }
        steering(theta);
        design();
        StochasticQuery.Gains g = q.gains();
        StochasticQuery.Noise nz = q.noise();
        out[RATE_USER] = rateBits(h, g.user(), nz.user());
        out[RATE_EVE] = rateBits(he, g.eve(), nz.eve());
        out[RATE_TARGET] = rateBits(a, g.target(), nz.target());
        double d = quadratic(a);
        int m = q.rxElements();
        int ne = q.seveElements();
        double l = q.snapshots();
        double cos2 = Math.cos(theta) * Math.cos(theta);
        // a^H R_X a is 0 exactly when no power goes towards the target (SSJB tau alpha = 0); the
        // projections leave a rounding residue of about 1e-16 P N, far below this floor
        if (d > DARK * q.powerW() * n) {
            double bPrime2 = Math.PI * Math.PI * cos2 * m * ((double) m * m - 1) / 12;
            double[] cross = bilinear(a, ap);
            double fisher = bPrime2 * d + m * (quadratic(ap) - (cross[0] * cross[0] + cross[1] * cross[1]) / d);
            out[CRB_BS] = fisher > 0 ? nz.bs() / (2 * g.bsEcho() * g.bsEcho() * l * fisher) : Double.POSITIVE_INFINITY;
            double cPrime2 = Math.PI * Math.PI * Math.cos(phi) * Math.cos(phi) * ne * ((double) ne * ne - 1) / 12;
            double c4 = g.seveEcho() * g.seveEcho();
            double strong = nz.seve() / (2 * l * c4 * cPrime2 * d);
            out[CRB_STRONG] = strong;
            out[CRB_WEAK] = strong * (1 + nz.seve() / (c4 * d * ne));
        } else {
            out[CRB_BS] = Double.POSITIVE_INFINITY;
            out[CRB_STRONG] = Double.POSITIVE_INFINITY;
            out[CRB_WEAK] = Double.POSITIVE_INFINITY;
        }
        out[THETA] = theta;
        out[PHI] = phi;
    }

    /** a_i = exp(-j pi sin(theta) (N - (2i - 1))/2) and a' = da/dtheta, by a phase recurrence. */
    private void steering(double theta) {
        double st = Math.sin(theta);
        double ct = Math.cos(theta);
        double first = -Math.PI * st * (n - 1) / 2;
        double cr = Math.cos(first);
        double ci = Math.sin(first);
        double stepR = Math.cos(Math.PI * st);
        double stepI = Math.sin(Math.PI * st);
        for (int i = 0; i < n; i++) {
            a[0][i] = cr;
            a[1][i] = ci;
            // d/dtheta of exp(-j pi sin(theta) k) = -j pi cos(theta) k a, k = (N - 2i - 1)/2 for i from 0
            double k = -Math.PI * ct * (n - 2 * i - 1) / 2;
            ap[0][i] = -k * ci;
            ap[1][i] = k * cr;
            double nr = cr * stepR - ci * stepI;
            ci = cr * stepI + ci * stepR;
            cr = nr;
        }
    }

    private void design() {
        double p = q.powerW();
        StochasticQuery.PowerSplit sp = q.split();
        if (q.scheme() == StochasticQuery.Scheme.SSJB) {
            SecureIsacBeams.Ssjb b = SecureIsacBeams.ssjb(h, a, sp.alpha());
            double gamma = p * (1 - sp.tau1()) / (n - 2);
            c0 = gamma;
            coef[0] = p * sp.tau1();
            vec[0] = b.t1();
            coef[1] = -gamma;
            vec[1] = b.aTilde();
            coef[2] = -gamma;
            vec[2] = b.hTilde();
            w = SecureIsacBeams.scaled(b.t1(), Math.sqrt(p * sp.tau1()));
        } else {
            SecureIsacBeams.Slb b = SecureIsacBeams.slb(h, a, ap);
            double gamma = p * sp.tau2() / (n - 1);
            c0 = gamma;
            coef[0] = p * sp.tau1() - gamma;
            vec[0] = b.hHat();
            coef[1] = p * sp.tau3();
            vec[1] = b.aTilde();
            coef[2] = p * sp.tau4();
            vec[2] = b.aPrimeTilde();
            w = SecureIsacBeams.scaled(b.hHat(), Math.sqrt(p * sp.tau1()));
        }
    }

    /** log2(1 + SINR(g)), SINR = |c|^2 |g^H w|^2 / (s^2 + |c|^2 (g^H R g - |g^H w|^2)). */
    private double rateBits(double[][] g, double gain, double noise) {
        double[] gw = SecureIsacBeams.dot(g, w);
        double signal = gw[0] * gw[0] + gw[1] * gw[1];
        double c2 = gain * gain;
        double interference = Math.max(0, quadratic(g) - signal);
        return Math.log1p(c2 * signal / (noise + c2 * interference)) / ExactKernels.LN2;
    }

    /** g^H R_X g. */
    private double quadratic(double[][] g) {
        double sum = c0 * SecureIsacBeams.norm2(g);
        for (int k = 0; k < 3; k++) {
            double[] d = SecureIsacBeams.dot(vec[k], g);
            sum += coef[k] * (d[0] * d[0] + d[1] * d[1]);
        }
        return sum;
    }

    /** x^H R_X y. */
    private double[] bilinear(double[][] x, double[][] y) {
        double[] xy = SecureIsacBeams.dot(x, y);
        double re = c0 * xy[0];
        double im = c0 * xy[1];
        for (int k = 0; k < 3; k++) {
            double[] xv = SecureIsacBeams.dot(x, vec[k]);
            double[] vy = SecureIsacBeams.dot(vec[k], y);
            re += coef[k] * (xv[0] * vy[0] - xv[1] * vy[1]);
            im += coef[k] * (xv[0] * vy[1] + xv[1] * vy[0]);
        }
        return new double[] {re, im};
    }
}
