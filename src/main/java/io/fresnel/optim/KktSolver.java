package io.fresnel.optim;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * Solves the scaled KKT system of one interior-point iteration,
 *
 * <pre>
 *   [ 0   A^T  Gs^T ] [ux]   [bx]
 *   [ A   0    0    ] [uy] = [by]        Gs = W^{-T} G,  uz~ = W uz
 *   [ Gs  0   -I    ] [uz~]  [bz~]
 * </pre>
 *
 * by eliminating uz~ = Gs ux - bz~, which leaves the normal equations with the Schur complement
 * H = Gs^T Gs = G^T (W^T W)^{-1} G ({@link NormalEquations}; Gs is applied by
 * {@link ScaledConstraints}). Iterative refinement on the full scaled system restores the accuracy
 * lost to regularisation and rounding.
 *
 * <p>Near the optimum of a program whose active inequality carries a large multiplier (an SINR
 * row with coefficient 1 + 1/Gamma, multiplier ~ Gamma, and the PSD block that is singular along
 * the same direction) single rows of the scaled system get weights z/s of 1e17 and more. Eliminated
 * into H, their rank-one terms dominate the Cholesky factor, whose backward error (eps times that
 * weight) then swamps every other direction: the computed direction violated the dual equation by
 * far more than the dual residual, which stalled or grew (refinement cannot recover from a solve
 * with relative error above one). Such rows (weight above {@value #BORDER_RATIO} times the smallest
 * diagonal entry of H; for PSD blocks in the rotated basis of {@link RotatedBlock}) are therefore
 * kept as {@link BorderRows} beside the equalities, with the unscaled multiplier step as unknown,
 * and the refinement continues while it still gains ({@link BorderedElimination}).
 *
 * <p>Where even that fails, a {@link NewtonSystem} whose direction stays inaccurate after the last level
 * of the ladder and refinement asks for {@link #fallBackToQr}: the system solved through QR
 * factorisations of A^T and the packed Gs ({@link QrKkt}, cvxopt's default for SDPs), whose error grows
 * with the condition number of Gs rather than its square. Found on crb-min-sdr programs near their
 * optimum (golden/fuzz {@code fuzz_crb_s7_0}, {@code s4x_23}, {@code s5x_9}): hundreds of rows heavier
 * than the ratio, more than the 196 variables, so the border's Schur complement was singular but for
 * its regularisation, and the unbordered normal matrix had diagonal entries from 3e-10 to 2e16; cvxopt
 * solves the same dumped program with QR. The QR factorisation is kept only if its direction is the
 * more accurate, and then used for every later scaling of the run.
 */
final class KktSolver {
    /**
     * Iterative refinement on the full scaled system: none when the first residual is at the level of
     * rounding ({@link #ACCURATE}), otherwise at least MIN_REFINEMENT steps, then more (up to
     * MAX_REFINEMENT) while each step still reduces the squared residual fourfold; a step that does
     * not reduce it is undone.
     */
    private static final int MIN_REFINEMENT = 2;
    private static final int MAX_REFINEMENT = 10;
    /**
     * Relative residual (to the norm of the right-hand side and the solution together) below which
     * refinement stops: a correction cannot improve a solution whose residual is already a few
     * hundred rounding errors of its data.
     */
    static final double ACCURATE = 1e-13;
    /**
     * Weight ratio (to the smallest diagonal entry of the normal matrix) above which a row of the
     * scaled system is bordered rather than eliminated into the normal matrix.
     */
    static final double BORDER_RATIO = 1e4;
    /**
     * The weight a border row keeps in the normal matrix (rho_r ||g_r||^2) in the first factorisation of
     * a scaling, relative to the smallest diagonal entry of the unbordered normal matrix. Measured, not
     * derived (2026-12-02, eight {@code bench --vs-cvxopt} designs, about 3,900 KKT solves): with the weight
     * {@link #SAFE_WEIGHT} the first solve of a bordered system has a relative residual of 1e-1 .. 1e-5 and
     * needs 4-7 refinement steps (3.4 per solve over all solves); with 1e-2 it has 1e-4 .. 1e-9 and needs 1-2
     * (1.0 per solve). But on some programs near their optimum (the stall reproducers) the light weight's
     * first solves have relative residuals above 1 and the refinement stalls; such a solve falls back
     * ({@link #FALLBACK_RESIDUAL}).
     */
    static final double LIGHT_WEIGHT = 1e-2;
    /** The border rows' weight of the fallback factorisation (the only one before 2026-12-02): sqrt(BORDER_RATIO). */
    static final double SAFE_WEIGHT = 1e2;
    /**
     * The weight ratio of the first factorisation of a scaling (fewer rows bordered than with
     * {@link #BORDER_RATIO}, so fewer refinement steps). Measured, not derived (2026-12-02, issue 16): the eight
     * {@code bench --vs-cvxopt} designs took 1.0-1.45x less CPU than with {@link #BORDER_RATIO} first. A solve
     * that ends above {@link #FALLBACK_RESIDUAL} refactors the same scaling with {@link #BORDER_RATIO} and the
     * light weight, then, if that is still inaccurate, with the safe weight (see {@link #solve}); a direction that
     * {@link NewtonSystem} finds inaccurate in the whole linearised system does the same ({@link #fallBack}).
     * Without that check the golden crb stall reproducer ended at the iteration limit with this ratio.
     *
     * <p>1e6 until 2026-12-03 12:00 UTC; raised to 1e8 (issue 16): the secure SDPs of Nt = 16 .. 64 bordered rows in
     * about 40 % of their factorisations (127 of 317 at Nt = 32), whose Schur complements and 1-4 refinement steps
     * made them about 1.6x dearer per SDP than Nt = 8; with 1e8 fewer rows are bordered and the bench's secure
     * designs take 1.2-1.35x less CPU with the same optima (docs/cone-solver.md, "The first border ratio").
     *
     * <p>1e12 since 2026-12-03 13:40 UTC (issue 16): at Nt = 32, 96 of 317 factorisations still bordered rows at 1e8
     * (heaviest rows 1e9 .. 1e12 times the lightest variable, the rank-one W block near its optimum); with 1e12 the
     * secure designs at Nt = 16 / 32 / 64 take 1.1x / 1.4x / 1.3x less CPU, optima and SDP counts unchanged. The
     * price: a level-0 solve with rows of 1e8 .. 1e12 eliminated is backward accurate (relative residual below
     * {@link #ACCURATE}) but can be 2.4e-8 of its largest entry off the dense LU solution where the bordered solve
     * was within 1e-9 ({@code KktSolverRefinementTest}); the interior-point method needs the residual, which
     * {@link NewtonSystem} checks for every direction, and the bordered levels 1 and 2 keep the 1e-8 forward accuracy.
     */
    static final double FIRST_BORDER_RATIO = 1e12;
    /**
     * A solve whose refinement ends above this relative residual (to the norm of right-hand side and
     * solution) refactors the same scaling at the next level of {@link #LEVELS} and solves again; the rest of
     * that scaling's solves use that factorisation.
     */
    static final double FALLBACK_RESIDUAL = 1e-11;

    /** How a factorisation ended. */
    enum Factorisation {
        /** Factored (possibly with a small regularisation); {@link #solve} may be called. */
        FACTORED,
        /** The normal matrix or the border's Schur complement could not be factored. */
        FAILED
    }

    /** Why iterative refinement stopped. */
    enum RefinementEnd {
        /** The residual is exactly zero. */
        EXACT,
        /**
         * The residual is at the level of rounding: below {@value #ACCURATE} times the norm of (b, u)
         * (a backward-stable solve of a well-conditioned system ends here at once).
         */
        ACCURATE,
        /** A step reduced the squared residual less than fourfold (after the minimum steps). */
        SLOWED,
        /** The last step did not reduce the residual and was undone. */
        UNDONE,
        /** The maximum number of steps was taken. */
        LIMIT
    }

    /**
     * The outcome of a solve.
     *
     * @param steps refinement steps kept
     * @param residual2 the squared norm of the residual of the full scaled system at the last check
     * @param end why the refinement stopped
     */
    record Refinement(int steps, double residual2, RefinementEnd end) {
    }

    /**
     * A vector of the scaled KKT system: x (length n), y (length p) and the scaled cone vector z.
     * The arrays are the caller's, written in place when the vector is a solution.
     *
     * @param x length n
     * @param y length p
     * @param z length of the cone
     */
    record KktVector(double[] x, double[] y, double[] z) {
        static KktVector zeros(ConicData d) {
            return new KktVector(new double[d.n], new double[d.p], new double[d.coneDim]);
        }
    }

    private final ConicData d;
    private final ScaledConstraints gs;
    private BorderRows borders = new BorderRows();
    private NormalEquations normal;
    /** The scaling of the last factorisation. */
    private NtScaling scaling;
    /**
     * The fallback ladder of one scaling: (border ratio, border weight) per level, level 0 first; a solve
     * that ends inaccurate moves to the next level (see {@link #solve}).
     */
    private static final double[][] LEVELS = {
        {FIRST_BORDER_RATIO, LIGHT_WEIGHT}, {BORDER_RATIO, LIGHT_WEIGHT}, {BORDER_RATIO, SAFE_WEIGHT}};
    /** The level of the current factorisation. */
    private int level;
    /** Whether a later level would factor the current scaling differently (a fallback can help). */
    private boolean fallbackPossible;
    /**
     * The QR factorisation of the current scaling ({@link QrKkt}), the last resort after the normal-equation levels
     * ({@link #fallBackToQr}); null while the normal equations are in use.
     */
    private QrKkt qr;
    /**
     * Set once a direction needed {@link QrKkt} in this solve: every later scaling is then factored by QR at once
     * (the normal equations of such a program near its optimum do not recover).
     */
    private boolean qrFromNowOn;
    /** The level of the factorisation {@link #fallBackToQr} replaced. */
    private int qrFallbackFrom;
    /** Scratch of {@link #refined} and {@link #solveOnce}, allocated once (every array is written before it is read). */
    private final KktVector refinementResidual;
    private final KktVector refinementCorrection;
    private final double[] scratchN;
    private final double[] rhsN;
    private final double[] atyN;

    KktSolver(ConicData d) {
        this.d = d;
        this.gs = new ScaledConstraints(d);
        refinementResidual = KktVector.zeros(d);
        refinementCorrection = KktVector.zeros(d);
        scratchN = new double[d.n];
        rhsN = new double[d.n];
        atyN = new double[d.n];
    }

    /**
     * Builds and factors the normal equations for the scaling W, assembled once: with every row
     * eliminated, unless a row (or a PSD block in total) weighs more than {@value #FIRST_BORDER_RATIO} times
     * the smallest positive diagonal entry of that matrix (known from {@link BlockGrams} without
     * forming it), in which case such rows are bordered (level 0 of the fallback ladder {@link #LEVELS}).
     *
     * @param w the scaling
     * @return whether it could be factored
     */
    Factorisation factor(NtScaling w) {
        scaling = w;
        if (qrFromNowOn) {
            gs.rescale(w);
            if (factorQr()) {
                return Factorisation.FACTORED;
            }
        }
        return factor(w, 0);
    }

    /** Factors the current scaling by QR (no rotated block, no border row); false when that fails. */
    private boolean factorQr() {
        gs.reset();
        borders = new BorderRows();
        qr = QrKkt.factor(d, gs);
        fallbackPossible = false;
        return qr != null;
    }

    /** Factors the scaling at one level of {@link #LEVELS}. */
    private Factorisation factor(NtScaling w, int newLevel) {
        level = newLevel;
        qr = null;
        double ratio = LEVELS[newLevel][0];
        double weight = LEVELS[newLevel][1];
        // a later level of the ladder refactors the same scaling: its scaled columns are those of level 0
        double[] blockTrace = newLevel == 0 ? gs.rescale(w) : gs.reset();
        borders = new BorderRows();
        BlockGrams grams = new BlockGrams(d, gs, w);
        // the lightest variable: from the diagonal of the unbordered normal matrix, without forming it
        double minDiag = BlockGrams.smallestPositive(grams.unborderedDiagonal());
        double threshold = Double.POSITIVE_INFINITY;
        double moderate = 0;
        boolean heavierThanSafe = false;
        if (Double.isFinite(minDiag)) {
            double heaviest = 0;
            for (int i = 0; i < d.l; i++) {
                heaviest = Math.max(heaviest, gs.linearRowNorm2(i) * gs.linearWeight(i) * gs.linearWeight(i));
            }
            for (int k = 0; k < d.blocks.length; k++) {
                heaviest = Math.max(heaviest, blockTrace[k]);
            }
            if (heaviest > ratio * minDiag) {
                threshold = ratio * minDiag;
                moderate = weight * minDiag;
            }
            heavierThanSafe = heaviest > BORDER_RATIO * minDiag;
        }
        DMatrixRMaj h = NormalEquations.assemble(d, gs, w, grams, blockTrace, threshold, moderate, borders);
        Optional<NormalEquations> factored = NormalEquations.factor(h, d.a, borders);
        normal = factored.orElse(null);
        // level 0 -> 1 changes the factorisation when a row or block is heavier than BORDER_RATIO times the
        // lightest variable; 1 -> 2 when rows are bordered (their weight changes)
        fallbackPossible = newLevel == 0 ? heavierThanSafe || borders.size() > 0
                : newLevel < LEVELS.length - 1 && borders.size() > 0;
        return factored.isPresent() ? Factorisation.FACTORED : Factorisation.FAILED;
    }

    /**
     * Solves the scaled KKT system for the scaling of the last successful {@link #factor} call,
     * with iterative refinement.
     *
     * @param b the right-hand side (bx, by, bz~ = W^{-T} bz); not modified
     * @param u the solution (ux, uy, uz~ = W uz); its arrays modified
     * @return how the refinement ended
     */
    Refinement solve(KktVector b, KktVector u) {
        Refinement r = refined(b, u);
        while (fallbackPossible && r.end() != RefinementEnd.EXACT && r.end() != RefinementEnd.ACCURATE
                && !(r.residual2() <= FALLBACK_RESIDUAL * FALLBACK_RESIDUAL * (norm2(b) + norm2(u)))) {
            int previous = level;
            if (factor(scaling, previous + 1) != Factorisation.FACTORED) {
                // keep the factorisation (and the solution) that worked
                factor(scaling, previous);
                fallbackPossible = false;
                return r;
            }
            r = refined(b, u);
        }
        return r;
    }

    /**
     * Refactors the scaling of the last factorisation at the next level of the fallback ladder, for a caller
     * whose solution, combined with others, was found inaccurate (see {@link InteriorPoint}).
     *
     * @return whether there was a next level and it could be factored (if not, the factorisation is unchanged)
     */
    boolean fallBack() {
        if (!fallbackPossible) {
            return false;
        }
        int previous = level;
        if (factor(scaling, previous + 1) == Factorisation.FACTORED) {
            return true;
        }
        factor(scaling, previous);
        fallbackPossible = false;
        return false;
    }

    /**
     * Factors the scaling of the last factorisation by QR ({@link QrKkt}), for a caller whose direction stayed
     * inaccurate at the last level of the normal equations; {@link #keepQr} or {@link #undoQr} then decides.
     *
     * @return whether it could be factored (if not, the factorisation is unchanged)
     */
    boolean fallBackToQr() {
        if (qr != null || normal == null) {
            return false;
        }
        qrFallbackFrom = level;
        if (factorQr()) {
            return true;
        }
        factor(scaling, qrFallbackFrom);
        fallbackPossible = false;
        return false;
    }

    /** @return the level of {@link #LEVELS} of the current normal-equation factorisation (0 first) */
    int level() {
        return level;
    }

    /** @return whether the current factorisation is the QR one */
    boolean usesQr() {
        return qr != null;
    }

    /** The QR factorisation gave the better direction: keep it, and factor every later scaling of this run by QR. */
    void keepQr() {
        qrFromNowOn = true;
    }

    /** The QR factorisation did not help: refactor the scaling at the level it had before {@link #fallBackToQr}. */
    void undoQr() {
        factor(scaling, qrFallbackFrom);
        fallbackPossible = false;
    }

    /**
     * out = Gs^T z (all rows) for the scaling of the last factorisation.
     *
     * @param z a scaled cone vector; not modified
     * @param out length n; modified
     */
    void scaledTransposeMul(double[] z, double[] out) {
        gs.transposeMul(z, false, out);
    }

    /**
     * out = Gs x (full matrices on the blocks) for the scaling of the last factorisation.
     *
     * @param x length n; not modified
     * @param out length of the cone; modified
     */
    void scaledMul(double[] x, double[] out) {
        gs.mul(x, out);
    }

    /** One block elimination and iterative refinement with the current factorisation. */
    private Refinement refined(KktVector b, KktVector u) {
        solveOnce(b, u);
        KktVector e = refinementResidual;
        KktVector c = refinementCorrection;
        double[] tn = scratchN;
        double previous = Double.POSITIVE_INFINITY;
        double accurate = ACCURATE * ACCURATE * (norm2(b) + norm2(u));
        for (int step = 0; ; step++) {
            double norm = residual(b, u, e, tn);
            if (step > 0 && !(norm < previous)) {
                // the last correction did not help: undo it and stop
                axpy(-1, c, u);
                return new Refinement(step - 1, previous, RefinementEnd.UNDONE);
            }
            if (norm == 0) {
                return new Refinement(step, norm, RefinementEnd.EXACT);
            }
            if (norm <= accurate) {
                return new Refinement(step, norm, RefinementEnd.ACCURATE);
            }
            if (step >= MAX_REFINEMENT) {
                return new Refinement(step, norm, RefinementEnd.LIMIT);
            }
            if (step >= MIN_REFINEMENT && norm > 0.25 * previous) {
                return new Refinement(step, norm, RefinementEnd.SLOWED);
            }
            previous = norm;
            solveOnce(e, c);
            axpy(1, c, u);
        }
    }

    /** e = b - K u; returns ||e||^2. */
    private double residual(KktVector b, KktVector u, KktVector e, double[] tn) {
        double[] ex = e.x();
        double[] ey = e.y();
        double[] ez = e.z();
        d.aTMul(u.y(), ex);
        gs.transposeMul(u.z(), false, tn);
        double norm = 0;
        for (int v = 0; v < d.n; v++) {
            ex[v] = b.x()[v] - ex[v] - tn[v];
            norm += ex[v] * ex[v];
        }
        d.aMul(u.x(), ey);
        for (int i = 0; i < d.p; i++) {
            ey[i] = b.y()[i] - ey[i];
            norm += ey[i] * ey[i];
        }
        gs.mul(u.x(), ez);
        for (int i = 0; i < d.coneDim; i++) {
            ez[i] = b.z()[i] - (ez[i] - u.z()[i]);
            norm += ez[i] * ez[i];
        }
        return norm;
    }

    private static double norm2(KktVector v) {
        return InteriorPoint.dot(v.x(), v.x()) + InteriorPoint.dot(v.y(), v.y()) + InteriorPoint.dot(v.z(), v.z());
    }

    /** u += f c. */
    private static void axpy(double f, KktVector c, KktVector u) {
        axpy(f, c.x(), u.x());
        axpy(f, c.y(), u.y());
        axpy(f, c.z(), u.z());
    }

    private static void axpy(double f, double[] c, double[] u) {
        for (int i = 0; i < u.length; i++) {
            u[i] += f * c[i];
        }
    }

    /** One solve with the current factorisation: by QR, or by the bordered block elimination of the normal equations. */
    private void solveOnce(KktVector b, KktVector out) {
        if (qr != null) {
            qr.solve(b.x(), b.y(), b.z(), out.x(), out.y(), out.z());
        } else {
            BorderedElimination.solve(d, gs, borders, normal, b, out, scratchN, rhsN, atyN);
        }
    }
}
