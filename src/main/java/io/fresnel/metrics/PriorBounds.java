package io.fresnel.metrics;

import io.fresnel.math.CVec;
import io.fresnel.math.GaussLegendre;
import io.fresnel.math.Vec3;
import io.fresnel.model.AnglePrior;
import io.fresnel.model.Sensing;
import io.fresnel.model.Target;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import java.util.Locale;

/**
 * Posterior CRBs of a target's angle under a Gaussian-mixture prior at a known range (paper 001,
 * eqs. (21), (23), (24), corrected per ERRATA 001.1-001.3, in the canonical model of SCENARIO.md).
 *
 * <p>With p(theta) = o + r0 (cos theta, sin theta, 0), M(theta) = a(p) v(p)^T, w = P^T v,
 * c = 2 T |beta|^2 / sigma^2 and expectations over the prior:
 * <pre>
 *   g1 = E tr(M^H M R),  g2 = E tr(dM^H dM R),  g3 = E tr(dM^H M R),
 *   g4 = E[rho ||w||^2],  rho = ||da||^2 - |a^H da|^2 / ||a||^2,  J_P = int p'^2 / p,
 *   pcrb        = 1 / (c (g2 - |g3|^2 / g1) + J_P)                        (21)
 *   pcrb_upper  = 1 / (c g4 + J_P)                                         (23)
 *   pcrb_approx = 1 / (c sum_k p_k rho(theta_k) ||P^T v(p(theta_k))||^2 + 1/sigma_theta^2)   (24)
 * </pre>
 * The expectations use composite Gauss-Legendre quadrature over theta_k +- 10 sigma_theta with
 * panels short enough to resolve the beam pattern (a quarter of the fastest angular phase period
 * of either array), 8 nodes per panel. The range is constant on the circle, so removing the common
 * phase from the responses changes none of the g's.
 */
public final class PriorBounds {
    private static final GaussLegendre RULE = new GaussLegendre(8);
    private static final double HALF_WIDTH_SIGMAS = 10;
    private static final int MAX_PANELS = 20_000;
    /**
     * Most work one evaluation may cost, in floating-point operations (an exponential counts as
     * {@value #EXP_COST}); about two seconds on the benchmark machine.
     */
    public static final double MAX_OPERATIONS = 2e9;
    private static final double EXP_COST = 20;

    /**
     * The three bounds.
     *
     * @param pcrbRad2 eq. (21) (rad^2)
     * @param upperRad2 eq. (23) (rad^2)
     * @param upperApproxRad2 eq. (24) (rad^2)
     */
    public record Result(double pcrbRad2, double upperRad2, double upperApproxRad2) {
    }

    private PriorBounds() {
    }

    /**
     * The work of {@link #evaluate} for one target, so that a caller can bound the work of all
     * targets together before starting.
     *
     * @param physics the scenario's responses
     * @param columns the effective precoder
     * @param target a target whose {@code prior} is not null
     * @return the estimated floating-point operations (an exponential counts as {@value #EXP_COST})
     */
    public static double operations(ScenarioPhysics physics, PrecoderColumns columns, Target target) {
        AnglePrior prior = target.prior();
        int elements = physics.transmit().size() + physics.receive().size();
        return (double) prior.anglesRad().size() * panels(physics, prior) * RULE.size()
                * (12.0 * elements * (columns.streams() + 1) + (EXP_COST + 6) * prior.anglesRad().size());
    }

    /** @return the quadrature panels per prior component: resolve both sigma and the pattern's period */
    private static int panels(ScenarioPhysics physics, AnglePrior prior) {
        double sigma = prior.sigmaRad();
        double k = physics.transmit().wavenumber();
        double period = 2 * Math.PI / Math.max(1e-300, 2 * k * maxElementRadius(physics));
        double width = 2 * HALF_WIDTH_SIGMAS * sigma;
        return (int) Math.min(MAX_PANELS, Math.max(Math.ceil(width / Math.min(sigma / 2, period / 4)), 8));
    }

    /**
     * Evaluates the bounds for a target with a prior.
     *
     * @param physics the scenario's responses
     * @param columns the effective precoder
     * @param target a target whose {@code prior} is not null
     * @param sensing T and sigma^2
     * @return the bounds
     */
    public static Result evaluate(ScenarioPhysics physics, PrecoderColumns columns, Target target, Sensing sensing) {
        AnglePrior prior = target.prior();
        double c = fisherScale(target, sensing);
        double sigma = prior.sigmaRad();
        int panels = panels(physics, prior);
        double width = 2 * HALF_WIDTH_SIGMAS * sigma;
        double h = width / panels;
        int elements = physics.transmit().size() + physics.receive().size();
        double operations = operations(physics, columns, target);
        if (operations > MAX_OPERATIONS) {
            throw new ProblemTooLargeException("the posterior CRB of target " + target.id() + " needs about "
                    + String.format(Locale.ROOT, "%.1e", operations) + " operations (" + prior.anglesRad().size()
                    + " prior components, " + panels * RULE.size() + " quadrature nodes each, " + elements
                    + " antennas), more than the limit " + MAX_OPERATIONS);
        }
        double g1 = 0;
        double g2 = 0;
        double g3r = 0;
        double g3i = 0;
        double g4 = 0;
        double jp = 0;
        List<Double> angles = prior.anglesRad();
        List<Double> probs = prior.probabilities();
        double[] centres = angles.stream().mapToDouble(Double::doubleValue).toArray();
        double[] logProbs = probs.stream().mapToDouble(q -> q > 0 ? Math.log(q) : Double.NEGATIVE_INFINITY).toArray();
        double[] logs = new double[centres.length];
        Sample sample = new Sample(physics, columns, prior.rangeM());
        double norm = 1 / (Math.sqrt(2 * Math.PI) * sigma);
        for (int comp = 0; comp < angles.size(); comp++) {
            double pk = probs.get(comp);
            if (pk == 0) {
                continue;
            }
            double start = angles.get(comp) - HALF_WIDTH_SIGMAS * sigma;
            for (int panel = 0; panel < panels; panel++) {
                double mid = start + (panel + 0.5) * h;
                for (int i = 0; i < RULE.size(); i++) {
                    double th = mid + 0.5 * h * RULE.node(i);
                    double z = (th - angles.get(comp)) / sigma;
                    double wt = pk * 0.5 * h * RULE.weight(i) * norm * Math.exp(-0.5 * z * z);
                    sample.at(th);
                    g1 += wt * sample.a2 * sample.w2;
                    g2 += wt * sample.dmNorm2;
                    g3r += wt * sample.g3Re;
                    g3i += wt * sample.g3Im;
                    g4 += wt * sample.rho * sample.w2;
                    double score = score(th, centres, logProbs, sigma, logs);
                    jp += wt * score * score;
                }
            }
        }
        // no echo anywhere on the prior's support (g1 = 0, e.g. an all-zero precoder): the gain cannot be
        // estimated and the data carry no angle information; the bound is the prior's alone
        double data = g1 > 0 ? Math.max(0, g2 - (g3r * g3r + g3i * g3i) / g1) : 0;
        double pcrb = 1 / (c * data + jp);
        double upper = 1 / (c * g4 + jp);
        double sum = 0;
        for (Candidate cand : candidates(physics, target)) {
            double[][] w = columns.transposeTimes(cand.vRe(), cand.vIm());
            sum += cand.probability() * cand.rho() * CVec.norm2(w[0], w[1]);
        }
        double approx = 1 / (c * sum + 1 / (sigma * sigma));
        return new Result(pcrb, upper, approx);
    }

    /**
     * One candidate point of the prior and the quantities of eq. (24) there.
     *
     * @param angleRad theta_k (rad)
     * @param probability p_k
     * @param rho rho(theta_k) = ||da||^2 - |a^H da|^2 / ||a||^2 (per rad^2; the corrected
     *     rho_0 (1 + cos 2 theta_k) for centred far-field ULAs, ERRATA 001.3)
     * @param vRe real part of v(p(theta_k)) without the common phase (length N); the caller
     *     must not modify it
     * @param vIm imaginary part
     */
    public record Candidate(double angleRad, double probability, double rho, double[] vRe, double[] vIm) {
    }

    /**
     * The candidate points of a target's prior with rho(theta_k) and v(p(theta_k)), so that
     * eq. (24) reads 1 / (c sum_k p_k rho_k v_k^T R_X v_k^* + 1/sigma_theta^2) with
     * c = {@link #fisherScale(Target, Sensing)}: the quantities a design constrains.
     *
     * @param physics the scenario's responses
     * @param target a target whose {@code prior} is not null
     * @return one entry per candidate, in the prior's order
     */
    public static List<Candidate> candidates(ScenarioPhysics physics, Target target) {
        AnglePrior prior = target.prior();
        int n = physics.transmit().size();
        PrecoderColumns none = new PrecoderColumns(io.fresnel.math.ComplexMatrix.ofColumnMajor(n, 0, new double[0],
                new double[0]));
        Sample sample = new Sample(physics, none, prior.rangeM());
        List<Candidate> out = new java.util.ArrayList<>();
        for (int comp = 0; comp < prior.anglesRad().size(); comp++) {
            double th = prior.anglesRad().get(comp);
            sample.at(th);
            out.add(new Candidate(th, prior.probabilities().get(comp), sample.rho, sample.vr.clone(),
                    sample.vi.clone()));
        }
        return out;
    }

    /**
     * @param target the target (its reflection beta)
     * @param sensing T and sigma^2
     * @return c = 2 T |beta|^2 / sigma^2, the scale of the data Fisher information in (21)-(24)
     */
    public static double fisherScale(Target target, Sensing sensing) {
        return 2.0 * sensing.snapshots() * target.reflection().abs2() / sensing.noiseW();
    }

    /**
     * The prior's score p'(theta)/p(theta) of the Gaussian mixture, computed with log-sum-exp.
     *
     * @param logs scratch space of the mixture's size
     */
    private static double score(double th, double[] centres, double[] logProbs, double sigma, double[] logs) {
        double maxLog = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < centres.length; j++) {
            double z = (th - centres[j]) / sigma;
            logs[j] = logProbs[j] - 0.5 * z * z;
            maxLog = Math.max(maxLog, logs[j]);
        }
        double num = 0;
        double den = 0;
        for (int j = 0; j < centres.length; j++) {
            double e = Math.exp(logs[j] - maxLog);
            den += e;
            num += e * (centres[j] - th);
        }
        return num / (den * sigma * sigma);
    }

    private static double maxElementRadius(ScenarioPhysics physics) {
        Vec3 o = physics.transmit().reference();
        double r = 0;
        for (Vec3 t : physics.scenario().txArray().positions()) {
            r = Math.max(r, t.distance(o));
        }
        for (Vec3 t : physics.scenario().receiveArray().positions()) {
            r = Math.max(r, t.distance(o));
        }
        return r;
    }

    /** The integrands at one angle; reuses its buffers. */
    private static final class Sample {
        private final ScenarioPhysics physics;
        private final PrecoderColumns columns;
        private final double range;
        private final double[] vr;
        private final double[] vi;
        private final double[][] dvr;
        private final double[][] dvi;
        private final double[] ar;
        private final double[] ai;
        private final double[][] dar;
        private final double[][] dai;
        private final double[] tvr;
        private final double[] tvi;
        private final double[] tar;
        private final double[] tai;
        double a2;
        double w2;
        double dmNorm2;
        double g3Re;
        double g3Im;
        double rho;

        Sample(ScenarioPhysics physics, PrecoderColumns columns, double range) {
            this.physics = physics;
            this.columns = columns;
            this.range = range;
            int n = physics.transmit().size();
            int m = physics.receive().size();
            vr = new double[n];
            vi = new double[n];
            dvr = new double[3][n];
            dvi = new double[3][n];
            ar = new double[m];
            ai = new double[m];
            dar = new double[3][m];
            dai = new double[3][m];
            tvr = new double[n];
            tvi = new double[n];
            tar = new double[m];
            tai = new double[m];
        }

        void at(double theta) {
            Vec3 o = physics.transmit().reference();
            double cs = Math.cos(theta);
            double sn = Math.sin(theta);
            Vec3 p = o.plus(new Vec3(cs, sn, 0).times(range));
            double tx = -range * sn;
            double ty = range * cs;
            ArrayResponse t = physics.transmit();
            ArrayResponse r = physics.receive();
            t.evaluate(p, false, vr, vi, dvr, dvi);
            r.evaluate(p, false, ar, ai, dar, dai);
            tangential(dvr, dvi, tx, ty, tvr, tvi);
            tangential(dar, dai, tx, ty, tar, tai);
            double[][] w = columns.transposeTimes(vr, vi);
            double[][] dw = columns.transposeTimes(tvr, tvi);
            a2 = CVec.norm2(ar, ai);
            w2 = CVec.norm2(w[0], w[1]);
            double da2 = CVec.norm2(tar, tai);
            double dw2 = CVec.norm2(dw[0], dw[1]);
            double[] daHa = CVec.dot(tar, tai, ar, ai);
            double[] wHdw = CVec.dot(w[0], w[1], dw[0], dw[1]);
            double[] dwHw = CVec.dot(dw[0], dw[1], w[0], w[1]);
            // ||da w^T + a dw^T||_F^2 = ||da||^2 ||w||^2 + ||a||^2 ||dw||^2 + 2 Re((da^H a)(w^H dw))
            dmNorm2 = da2 * w2 + a2 * dw2 + 2 * (daHa[0] * wHdw[0] - daHa[1] * wHdw[1]);
            // <dM P, M P> = (da^H a) ||w||^2 + ||a||^2 (dw^H w)
            g3Re = daHa[0] * w2 + a2 * dwHw[0];
            g3Im = daHa[1] * w2 + a2 * dwHw[1];
            rho = da2 - (daHa[0] * daHa[0] + daHa[1] * daHa[1]) / a2;
        }

        private static void tangential(double[][] dr, double[][] di, double tx, double ty, double[] outR,
                double[] outI) {
            for (int i = 0; i < outR.length; i++) {
                outR[i] = tx * dr[0][i] + ty * dr[1][i];
                outI[i] = tx * di[0][i] + ty * di[1][i];
            }
        }
    }
}
