package io.fresnel.design.rsma;

import io.fresnel.design.DesignStatus;
import java.util.Locale;
import java.util.Random;

/**
 * Algorithm 2 of paper 000: penalty block-coordinate descent for the hybrid precoder. For a
 * decreasing penalty parameter rho (rho_0 = {@code penalty_initial} / P_th, rho &lt;- alpha rho),
 * BCD rounds alternate Algorithm 1 on P with the penalty (1/rho) ||P - F_A F_D||^2 (52a) and the
 * closed-form F_A (53)-(58) and F_D (59) updates, until ||P - F_A F_D||^2 / P_th is below
 * {@code penalty_tolerance} with the rounds settled and F_A F_D meeting the CRB bounds.
 *
 * <p>Not in the paper, all monotone in the penalised objective: every BCD round applies the F_A,
 * F_D updates {@link #FW_SWEEPS} times; a warm start (F_A, F_D of a previous run) resumes the
 * penalty schedule {@link #WARM_PENALTY_STEPS} reductions on; the tolerance is tightened (at most
 * three times, by 100) when F_A F_D still misses a CRB bound. When the schedule ends with an
 * F_A F_D that violates a bound, the last iterate that met every bound is returned. The rounds at
 * one rho have settled when the penalised objective of P, F_A, F_D at that rho (the value the
 * previous round ended with, re-weighted) rises by less than {@link #ROUND_TOLERANCE} relative:
 * once Algorithm 1 has converged, a rho costs one surrogate solve. A warm-started F_A F_D that
 * meets the CRB bounds is offered as the first intermediate result. The surrogates of a cold run
 * tighten the CRB bounds by {@link #START_MARGIN} at first (phase one starts P that far inside
 * when the bounds leave that much room, else as far as they do),
 * then, after each rho, by {@link #GAP_MARGIN} sqrt(||P - F_A F_D||^2 / P_th) (never more than
 * before, never less than {@link RsmaSolver#CRB_MARGIN}): F_A F_D differs from P by about that,
 * and with P on the bounds F_A F_D met them only at the end of the schedule, so that a run cut
 * short by {@code max_iterations} had no hybrid precoder to return.
 */
final class PenaltyBcd {
    /** Algorithm 1 steps per BCD round. */
    static final int ALG1_MAX_INNER = 3;
    /** BCD rounds per penalty value at most. */
    static final int BCD_MAX_ROUNDS = 20;
    /** Penalty reductions at most. */
    static final int MAX_PENALTY_STEPS = 200;
    /** F (53)-(58) and W (59) updates per BCD round: both only lower ||P - F W||, and cost no surrogate. */
    static final int FW_SWEEPS = 5;
    /** Penalty reductions skipped when F_A, F_D are warm-started. */
    static final int WARM_PENALTY_STEPS = 2;
    /** Relative improvement of the penalised objective below which the rounds at one rho have settled. */
    static final double ROUND_TOLERANCE = 1e-5;
    /**
     * Relative CRB margin of the surrogates at the start of a cold run: P is kept this far inside
     * the bounds so that F_A F_D, which differs from P by the penalty's gap, meets them too (with
     * {@link RsmaSolver#CRB_MARGIN}, P sits on the bounds and F_A F_D met them only at the end of
     * the schedule).
     */
    static final double START_MARGIN = 0.02;
    /** After each rho the margin shrinks to this times sqrt(||P - F_A F_D||^2 / P), never below CRB_MARGIN. */
    static final double GAP_MARGIN = 1;

    /**
     * The penalty of one BCD round and the out-of-span part of F_A F_D it was built from.
     *
     * @param penalty the surrogate's penalty data
     * @param outRe Re of the out-of-span part of F_A F_D, per stream (length N)
     * @param outIm Im of it
     */
    private record Split(RsmaSurrogate.Penalty penalty, double[][] outRe, double[][] outIm) {
    }

    private final RsmaChannels ch;
    private final CrbLmis crb;
    private final Algorithm1 algorithm1;
    private final RsmaOptions options;
    private final SolverRun run;
    private final int rf;
    /** The last hybrid iterate whose F_A F_D met the power and CRB bounds, or null. */
    private RsmaOutcome lastFeasible;

    PenaltyBcd(RsmaChannels ch, CrbLmis crb, Algorithm1 algorithm1, RsmaOptions options, SolverRun run, int rf) {
        this.ch = ch;
        this.crb = crb;
        this.algorithm1 = algorithm1;
        this.options = options;
        this.run = run;
        this.rf = rf;
    }

    /**
     * Runs Algorithm 2.
     *
     * @param c0 the start columns (normalised, inside the CRB bounds); not modified
     * @param warm a warm-started factorisation (modified), or null: one is built from c0
     * @return the outcome
     */
    RsmaOutcome run(double[][][] c0, HybridFactorisation warm) {
        double[][][] c = c0;
        HybridFactorisation fw = warm != null ? warm
                : HybridFactorisation.fromPhases(full(c, 1, null), rf, new Random(options.seed() + 1));
        if (warm != null) {
            // the previous design, re-evaluated on the new set-up, is shown at once when it meets
            // the CRB bounds: the rounds below can take a while to bring an F_A F_D inside them
            offer(fw);
        }
        double rho = options.penaltyInitial() / ch.pmax
                * (warm != null ? Math.pow(options.penaltyFactor(), WARM_PENALTY_STEPS) : 1);
        double eps = options.penaltyTolerance();
        int tightenings = 0;
        Algorithm1.Stop status = Algorithm1.Stop.SETTLED;
        boolean met = false;
        double gamma = 1;
        Split latest = null;
        // the CRB margin of the surrogates: never increased, so that P stays inside the bounds of
        // the next surrogate (from inside the start point's own room, at most START_MARGIN)
        double margin = crb.isEmpty() ? RsmaSolver.CRB_MARGIN
                : Math.max(RsmaSolver.CRB_MARGIN, Math.min(START_MARGIN, (1 - crb.ratio(c0)) / 2));
        // the true objective and ||P - F_A F_D||^2 after the last round (NaN before the first)
        double lastSec = Double.NaN;
        double lastGap = Double.NaN;
        for (int outer = 0; outer < MAX_PENALTY_STEPS && !met; outer++) {
            // the penalised objective of the current P, F_A, F_D at this rho: a first round that
            // improves on it by less than the tolerance has settled
            double last = Double.isNaN(lastSec) ? Double.NEGATIVE_INFINITY : lastSec - lastGap / rho;
            boolean settled = false; // the BCD rounds at this rho stopped improving (not merely capped)
            for (int round = 0; round < BCD_MAX_ROUNDS; round++) {
                Split split = split(fw, rho);
                Algorithm1.Result r = algorithm1.run(c, split.penalty(), ALG1_MAX_INNER, 1, margin);
                status = r.stop();
                if (status == Algorithm1.Stop.CANCELLED) {
                    return RsmaOutcome.cancelled(run.iterations(), ch.pmax);
                }
                c = r.c();
                gamma = r.gamma();
                double[][][] p = full(c, gamma, split);
                for (int sweep = 0; sweep < FW_SWEEPS; sweep++) {
                    fw.updateAnalog(p);
                    fw.updateDigital(p);
                }
                offer(fw);
                latest = split(fw, rho);
                lastSec = ch.rates(c).minSecrecy();
                lastGap = fw.gap(p);
                double obj = lastSec - latest.penalty().weight() * lastGap;
                if (status.ends()) {
                    break;
                }
                if (obj - last < ROUND_TOLERANCE * Math.max(1, Math.abs(obj))) {
                    settled = true;
                    break;
                }
                last = obj;
            }
            if (status.ends()) {
                break;
            }
            double g = fw.gap(full(c, gamma, latest));
            margin = Math.max(RsmaSolver.CRB_MARGIN, Math.min(margin, GAP_MARGIN * Math.sqrt(g)));
            if (g < eps && settled) {
                double ratio = crb.isEmpty() ? 0 : crb.ratio(ch.reduce(fw.normalisedProduct()));
                if (ratio <= 1) {
                    met = true;
                    break;
                }
                if (tightenings >= 3) {
                    break;
                }
                eps /= 100;
                tightenings++;
            }
            rho *= options.penaltyFactor();
        }
        double[][][] cf = ch.reduce(fw.normalisedProduct());
        double ratio = crb.isEmpty() ? 0 : crb.ratio(cf);
        DesignStatus st = met ? DesignStatus.CONVERGED : DesignStatus.ITERATION_LIMIT;
        String stopped = status == Algorithm1.Stop.ITERATION_LIMIT ? "max_iterations reached"
                : status == Algorithm1.Stop.SURROGATE_FAILED ? "stopped early: a surrogate could not be solved"
                : "the penalty schedule ended before ||P - F_A F_D||^2 met its tolerance";
        if (!met && lastFeasible != null && !(ratio <= 1)) {
            RsmaOutcome o = lastFeasible;
            return new RsmaOutcome(o.status(), run.iterations(), stopped + "; the final F_A F_D violated a CRB bound,"
                    + " so this is the last iterate that met every bound", null, null, o.analog(), o.digital(),
                    o.secrecy(), o.commonSecrecy(), o.pmax());
        }
        String msg = !met ? stopped
                : "penalty BCD converged to a stationary point (local method, not a certified global optimum);"
                        + " final ||P - F_A F_D||^2 / P = " + String.format(Locale.ROOT, "%.2e", fw.gap(full(c, gamma, latest)))
                        + (crb.isEmpty() ? "" : String.format(Locale.ROOT, ", worst CRB / bound %.6f (P: %.6f)", ratio,
                        crb.ratio(c)));
        return outcome(fw, st, msg, cf);
    }

    /**
     * Records the current F_A F_D as the last feasible iterate when it meets the CRB bounds, and
     * offers it as an intermediate result.
     */
    private void offer(HybridFactorisation fw) {
        double[][][] cf = ch.reduce(fw.normalisedProduct());
        if (!crb.isEmpty() && !(crb.ratio(cf) <= 1)) {
            return;
        }
        RsmaOutcome o = outcome(fw, DesignStatus.ITERATION_LIMIT, "intermediate", cf);
        lastFeasible = o;
        run.offer(() -> o);
    }

    /**
     * @param reducedFinal the span coordinates of F_A F_D at full power (its rates are reported)
     * @return the hybrid outcome F_A, F_D (F_A F_D scaled to the full power), copied
     */
    private RsmaOutcome outcome(HybridFactorisation fw, DesignStatus st, String msg, double[][][] reducedFinal) {
        SecrecyRates rates = ch.rates(reducedFinal);
        return new RsmaOutcome(st, run.iterations(), msg, null, null, fw.analogCopy(), fw.normalisedDigital(),
                rates.privateSecrecy(), rates.commonSecrecy(), ch.pmax);
    }

    /**
     * The full columns of P: the span columns c expanded, plus gamma times the out-of-span part
     * of F_A F_D the split was built from (none when split is null).
     */
    private double[][][] full(double[][][] c, double gamma, Split split) {
        int n = ch.model.antennas;
        double[][][] p = new double[ch.streams][2][];
        for (int q = 0; q < ch.streams; q++) {
            double[][] v = ch.model.expand(c[q]);
            p[q][0] = v[0];
            p[q][1] = v[1];
            if (split != null) {
                for (int a = 0; a < n; a++) {
                    p[q][0][a] += gamma * split.outRe()[q][a];
                    p[q][1][a] += gamma * split.outIm()[q][a];
                }
            }
        }
        return p;
    }

    /**
     * The penalty at rho: F_A F_D split into its span coordinates and its out-of-span part B
     * (P's out-of-span part is gamma B in the surrogate).
     */
    private Split split(HybridFactorisation fw, double rho) {
        int n = ch.model.antennas;
        int streams = ch.streams;
        double[][][] f = fw.product();
        double[][][] cf = ch.reduce(f);
        double[][] bRe = new double[streams][n];
        double[][] bIm = new double[streams][n];
        double o = 0;
        for (int q = 0; q < streams; q++) {
            double[][] v = ch.model.expand(cf[q]);
            for (int a = 0; a < n; a++) {
                bRe[q][a] = f[q][0][a] - v[0][a];
                bIm[q][a] = f[q][1][a] - v[1][a];
                o += bRe[q][a] * bRe[q][a] + bIm[q][a] * bIm[q][a];
            }
        }
        double on = Math.sqrt(o);
        if (on > 0) {
            for (int q = 0; q < streams; q++) {
                for (int a = 0; a < n; a++) {
                    bRe[q][a] /= on;
                    bIm[q][a] /= on;
                }
            }
        }
        // P's out-of-span part is gamma * (unit B) * on in the surrogate; keep gamma in those units
        return new Split(new RsmaSurrogate.Penalty(cf, on, 1 / rho), Columns.scale(bRe, on), Columns.scale(bIm, on));
    }
}
