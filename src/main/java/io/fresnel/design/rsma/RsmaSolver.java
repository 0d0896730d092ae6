package io.fresnel.design.rsma;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignStatus;
import io.fresnel.model.Precoder;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One run of paper 000's method on a reduced model: the start point (seeded, or a warm start),
 * {@link PhaseOne} when the start misses the CRB bounds, then {@link Algorithm1} alone (fully
 * digital) or inside the penalty BCD {@link PenaltyBcd} (Algorithm 2, hybrid). Every field is set
 * at construction; {@link #solve()} may be called once per run.
 */
final class RsmaSolver {
    /** Relative tightening of every CRB bound in the surrogates (phase one aims at 1 - 2 margin). */
    static final double CRB_MARGIN = 1e-4;

    private final RsmaChannels ch;
    private final CrbLmis crb;
    private final RsmaSurrogate surrogate;
    private final boolean hybrid;
    private final int rf;
    private final RsmaOptions options;
    private final SolverRun run;
    /** The warm-started columns, or null: a seeded start. */
    private final double[][][] warmColumns;
    /** The warm-started factorisation (hybrid warm start with L RF chains), or null. */
    private final HybridFactorisation warmFactors;

    /**
     * @param ch the reduced model
     * @param crb its CRB bounds
     * @param hybrid whether to design F_A, F_D (Algorithm 2) or P (Algorithm 1)
     * @param rf the number of RF chains L (hybrid)
     * @param options the solver options
     * @param ctx the design context
     * @param warm a previous precoder with the same streams and antennas, or null
     * @param feasible receives feasible intermediate outcomes, or null
     */
    RsmaSolver(RsmaChannels ch, CrbLmis crb, boolean hybrid, int rf, RsmaOptions options, DesignContext ctx,
            Precoder warm, Consumer<RsmaOutcome> feasible) {
        this.ch = ch;
        this.crb = crb;
        this.surrogate = new RsmaSurrogate(ch, crb);
        this.hybrid = hybrid;
        this.rf = rf;
        this.options = options;
        this.run = new SolverRun(ctx, options.maxIterations(), feasible);
        double f = 1 / Math.sqrt(ch.pmax);
        this.warmColumns = warm == null ? null : warmColumns(warm, f);
        this.warmFactors = warm != null && hybrid && warm.isHybrid() && warm.analog().cols() == rf
                ? HybridFactorisation.of(warm, f) : null;
    }

    /** @return the reduced, normalised columns of a warm start (scaled into the budget), or null when 0 */
    private double[][][] warmColumns(Precoder warm, double f) {
        int n = ch.model.antennas;
        var p = warm.effective();
        double[][][] cols = new double[ch.streams][2][n];
        for (int q = 0; q < ch.streams; q++) {
            for (int a = 0; a < n; a++) {
                cols[q][0][a] = p.re(a, q) * f;
                cols[q][1][a] = p.im(a, q) * f;
            }
        }
        double[][][] c = ch.reduce(cols);
        double p2 = Columns.norm2(c);
        if (!(p2 > 0)) {
            return null;
        }
        return p2 > 1 ? Columns.scale(c, 1 / Math.sqrt(p2)) : c;
    }

    /**
     * The seeded start: each private column along its user's channel, the common column along a
     * random-phase sum of them, perturbed (seed {@code options.seed()}), at full power.
     */
    private double[][][] seededStart() {
        Random rnd = new Random(options.seed());
        int d = ch.d;
        double[][][] c = new double[ch.streams][2][d];
        for (int k = 0; k < ch.users; k++) {
            double[][] g = ch.g[k];
            double g2 = Columns.abs2(Columns.inner(g, g));
            double nrm = Math.sqrt(g2 > 0 ? Math.sqrt(g2) : 1);
            int q = ch.privateIndex(k);
            for (int j = 0; j < d; j++) {
                c[q][0][j] = g[0][j] / nrm + 0.05 * rnd.nextGaussian();
                c[q][1][j] = g[1][j] / nrm + 0.05 * rnd.nextGaussian();
            }
            if (ch.common) {
                double ph = 2 * Math.PI * rnd.nextDouble();
                double cr = Math.cos(ph);
                double ci = Math.sin(ph);
                for (int j = 0; j < d; j++) {
                    c[0][0][j] += (cr * g[0][j] - ci * g[1][j]) / nrm;
                    c[0][1][j] += (cr * g[1][j] + ci * g[0][j]) / nrm;
                }
            }
        }
        if (ch.common) {
            for (int j = 0; j < d; j++) {
                c[0][0][j] += 0.3 * rnd.nextGaussian();
                c[0][1][j] += 0.3 * rnd.nextGaussian();
            }
        }
        return Columns.scale(c, 1 / Math.sqrt(Columns.norm2(c)));
    }

    /** @return the outcome of the run */
    RsmaOutcome solve() {
        double[][][] c = warmColumns != null ? warmColumns : seededStart();
        // a cold hybrid run starts further inside the CRB bounds (see PenaltyBcd.START_MARGIN)
        double margin = hybrid && warmFactors == null ? PenaltyBcd.START_MARGIN : CRB_MARGIN;
        if (!crb.isEmpty() && crb.ratio(c) > PhaseOne.goal(margin)) {
            PhaseOne.Result r = new PhaseOne(surrogate, crb, ch, run, margin, CRB_MARGIN).run(c);
            switch (r.stop()) {
                case CANCELLED:
                    return RsmaOutcome.cancelled(run.iterations(), ch.pmax);
                case NOT_REACHED:
                    return RsmaOutcome.notFound(run.iterations(), "no precoder meeting the CRB bounds was found"
                            + String.format(Locale.ROOT, " (the smallest worst CRB / bound reached was %.4g)", r.bestRatio())
                            + " within the power budget (phase one of this local method; it cannot prove"
                            + " infeasibility)", ch.pmax);
                default:
                    c = r.c();
            }
        }
        Algorithm1 alg1 = new Algorithm1(surrogate, ch, crb, run);
        if (hybrid) {
            return new PenaltyBcd(ch, crb, alg1, options, run, rf).run(c, warmFactors);
        }
        Algorithm1.Result r = alg1.run(c, null, Integer.MAX_VALUE, 0, CRB_MARGIN);
        if (r.stop() == Algorithm1.Stop.CANCELLED) {
            return RsmaOutcome.cancelled(run.iterations(), ch.pmax);
        }
        String msg = switch (r.stop()) {
            case ITERATION_LIMIT -> "max_iterations reached";
            case SURROGATE_FAILED -> "stopped early: a surrogate could not be solved";
            default -> "Algorithm 1 converged to a stationary point (local method, not a certified global optimum)";
        };
        DesignStatus st = r.stop().ends() ? DesignStatus.ITERATION_LIMIT : DesignStatus.CONVERGED;
        return digitalOutcome(ch, r.c(), st, run.iterations(), msg);
    }

    /**
     * @param c the span columns (scaled into the power budget when above it); not modified
     * @return the fully digital outcome P = Q c with the rates of c
     */
    static RsmaOutcome digitalOutcome(RsmaChannels ch, double[][][] c, DesignStatus st, int iterations, String msg) {
        double[][][] cc = c;
        double p2 = Columns.norm2(cc);
        if (p2 > 1) {
            cc = Columns.scale(cc, 1 / Math.sqrt(p2));
        }
        int n = ch.model.antennas;
        double[][] pr = new double[n][ch.streams];
        double[][] pi = new double[n][ch.streams];
        for (int q = 0; q < ch.streams; q++) {
            double[][] v = ch.model.expand(cc[q]);
            for (int a = 0; a < n; a++) {
                pr[a][q] = v[0][a];
                pi[a][q] = v[1][a];
            }
        }
        SecrecyRates rates = ch.rates(cc);
        return new RsmaOutcome(st, iterations, msg, pr, pi, null, null, rates.privateSecrecy(), rates.commonSecrecy(),
                ch.pmax);
    }
}
