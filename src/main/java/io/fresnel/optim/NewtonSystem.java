package io.fresnel.optim;

import java.util.Locale;

/**
 * The linearised homogeneous self-dual system of one interior-point iteration (see {@link InteriorPoint}),
 * in the scaled variables of {@link KktSolver}:
 * <pre>
 *   S(d) = ( A^T dy + Gs^T dz~ + c dtau,
 *            A dx - b dtau,
 *            Gs dx - dz~ - h~ dtau,
 *            (kappa / tau) dtau - c.dx - b.dy - h~.dz~ )  =  (bx, by, bz, btau),     h~ = W^-T h,
 * </pre>
 * solved by one KKT solve and the tau column: d = K^-1 (bx, by, bz) + dtau (x1, y1, z1) with
 * K (x1, y1, z1) = (-c, b, h~) and dtau = (btau + c.u_x + b.u_y + h~.u_z) / (kappa / tau + ||z1||^2)
 * (Vandenberghe, "The CVXOPT linear and quadratic cone program solvers", 2010, sec. 7.4: the tau row
 * follows from c.x1 + b.y1 + h~.z1 = -||z1||^2).
 *
 * <p>The KKT solves are refined to accuracy relative to their own right-hand sides and solutions, which near
 * the optimum can be many orders larger than the direction they combine into (u and dtau (x1, y1, z1)
 * cancel): the combined direction then violated S(d) = b by up to its own size, the residuals stopped
 * falling while the gap went on to 1e-17, and the run ended at the iteration limit (the end-game stall of
 * docs/cone-solver.md). So the direction is checked against the whole system (only when the KKT residuals and
 * the size of the parts say it could be inaccurate), and where its relative residual exceeds
 * {@value #DIRECTION_ACCURACY}, the scaling is refactored at the next level of the KKT solver's fallback ladder
 * ({@link KktSolver#fallBack}), then the direction is refined on the whole system (at most
 * {@value #FULL_REFINEMENT} steps, while each gains fourfold; cvxopt refines on the whole system too). If its
 * relative residual is still above {@value #QR_ACCURACY}, the same is done once more with the KKT solver's QR
 * factorisation
 * ({@link KktSolver#fallBackToQr}), and the direction with the smaller residual is kept.
 */
final class NewtonSystem {
    /** Relative residual of a direction in S(d) = b (to ||b||) above which it is refactored and refined. */
    static final double DIRECTION_ACCURACY = 1e-8;
    /**
     * Relative residual of a direction, after the ladder and refinement, above which the KKT solver's QR factorisation
     * is tried ({@link KktSolver#fallBackToQr}). The directions that needed it were off by 1.1e-5 to 1.2 of their
     * right-hand side (golden/fuzz {@code fuzz_crb_s5x_9}, {@code s4x_23}, {@code s7_0}); the 16 x 16 one-user case
     * of {@code bench --sdr} has one end-game direction at 2.5e-8, which converges as it is and which a QR attempt
     * (a dense QR of its packed constraints per scaling) made 1.8x slower, so the threshold is above that.
     */
    static final double QR_ACCURACY = 1e-6;
    /** At most this many refinement steps on the whole system per direction. */
    static final int FULL_REFINEMENT = 3;
    private static final boolean TRACE = Boolean.getBoolean("fresnel.optim.trace");
    private static final System.Logger LOG = System.getLogger(InteriorPoint.class.getName());

    private final ConicData d;
    private final KktSolver kkt;
    private final double[] minusC;
    /** W^-T h for the current scaling (written by the caller). */
    final double[] hHat;
    // the tau column and its denominator
    final double[] x1;
    final double[] y1;
    final double[] z1;
    private double tauDenominator;
    private double kappaOverTau;
    /** Squared KKT residual and squared norm of the tau column's solve, and of the last direction's solve. */
    private double columnResidual2;
    private double column2;
    private double lastResidual2;
    private double lastU2;

    NewtonSystem(ConicData d, KktSolver kkt) {
        this.d = d;
        this.kkt = kkt;
        minusC = new double[d.n];
        for (int v = 0; v < d.n; v++) {
            minusC[v] = -d.c[v];
        }
        hHat = new double[d.coneDim];
        x1 = new double[d.n];
        y1 = new double[d.p];
        z1 = new double[d.coneDim];
    }

    /** @return -c (not to be modified) */
    double[] minusC() {
        return minusC;
    }

    /**
     * Solves for the tau column with the current factorisation (after {@link #hHat} is set).
     *
     * @param kappa the current kappa
     * @param tau the current tau
     */
    void tauColumn(double kappa, double tau) {
        kappaOverTau = kappa / tau;
        solveTauColumn();
    }

    private void solveTauColumn() {
        columnResidual2 = kkt.solve(new KktSolver.KktVector(minusC, d.b, hHat), new KktSolver.KktVector(x1, y1, z1))
                .residual2();
        tauDenominator = kappaOverTau + InteriorPoint.dot(z1, z1);
        column2 = InteriorPoint.dot(x1, x1) + InteriorPoint.dot(y1, y1) + InteriorPoint.dot(z1, z1);
    }

    /**
     * Solves S(d) = (bx, by, bz, btau), checked and refined (see the class comment).
     *
     * @param bx length n; not modified
     * @param by length p; not modified
     * @param bz length of the cone; not modified
     * @param btau the tau row's right-hand side
     * @param dx length n; written
     * @param dy length p; written
     * @param dz the scaled dz~, length of the cone; written
     * @return dtau
     */
    double solve(double[] bx, double[] by, double[] bz, double btau, double[] dx, double[] dy, double[] dz) {
        double dtau = combined(bx, by, bz, btau, dx, dy, dz);
        double b2 = InteriorPoint.dot(bx, bx) + InteriorPoint.dot(by, by) + InteriorPoint.dot(bz, bz) + btau * btau;
        // the x, y, z rows' residual is that of the KKT solve plus dtau times that of the tau column (the tau row
        // holds by construction), up to the rounding of the sum: evaluated only when that could be too large
        double parts = Math.sqrt(lastU2) + Math.abs(dtau) * Math.sqrt(column2);
        double bound = Math.sqrt(lastResidual2) + Math.abs(dtau) * Math.sqrt(columnResidual2) + 1e-15 * parts;
        if (bound > 0.1 * DIRECTION_ACCURACY * Math.sqrt(b2)) {
            dtau = refine(bx, by, bz, btau, b2, dx, dy, dz, dtau);
        }
        return dtau;
    }

    /**
     * Solves the x, y, z rows of S(d) = (bx, by, bz) with dtau = 0 (one KKT solve, no tau column; for the
     * feasibility steps of {@link InteriorPoint}).
     *
     * @param bx length n; not modified
     * @param by length p; not modified
     * @param bz length of the cone; not modified
     * @param dx length n; written
     * @param dy length p; written
     * @param dz the scaled dz~, length of the cone; written
     */
    void solveWithTauFixed(double[] bx, double[] by, double[] bz, double[] dx, double[] dy, double[] dz) {
        kkt.solve(new KktSolver.KktVector(bx, by, bz), new KktSolver.KktVector(dx, dy, dz));
    }

    /** d = K^-1 (bx, by, bz) + dtau (x1, y1, z1); returns dtau. */
    private double combined(double[] bx, double[] by, double[] bz, double btau, double[] dx, double[] dy,
            double[] dz) {
        lastResidual2 = kkt.solve(new KktSolver.KktVector(bx, by, bz), new KktSolver.KktVector(dx, dy, dz))
                .residual2();
        lastU2 = InteriorPoint.dot(dx, dx) + InteriorPoint.dot(dy, dy) + InteriorPoint.dot(dz, dz);
        double numerator = btau + InteriorPoint.dot(d.c, dx) + InteriorPoint.dot(d.b, dy) + InteriorPoint.dot(hHat, dz);
        double dtau = numerator / tauDenominator;
        for (int v = 0; v < d.n; v++) {
            dx[v] += dtau * x1[v];
        }
        for (int i = 0; i < d.p; i++) {
            dy[i] += dtau * y1[i];
        }
        for (int i = 0; i < d.coneDim; i++) {
            dz[i] += dtau * z1[i];
        }
        return dtau;
    }

    /**
     * The fallback ladder of the normal equations (each level's direction kept only if it has the smaller
     * residual), then iterative refinement on S; if the direction's relative residual is still above
     * {@value #QR_ACCURACY}, the same with the KKT solver's QR factorisation ({@link KktSolver#fallBackToQr}), kept only
     * when its direction has the smaller residual. Returns dtau and updates (dx, dy, dz).
     */
    private double refine(double[] bx, double[] by, double[] bz, double btau, double b2, double[] dx, double[] dy,
            double[] dz, double dtau0) {
        double limit = DIRECTION_ACCURACY * DIRECTION_ACCURACY * b2;
        double[][] e = {new double[d.n], new double[d.p], new double[d.coneDim], new double[1]};
        double dtau = dtau0;
        double e2 = residual(bx, by, bz, btau, dx, dy, dz, dtau, e);
        double[] tx = new double[d.n];
        double[] ty = new double[d.p];
        double[] tz = new double[d.coneDim];
        double[][] te = {new double[d.n], new double[d.p], new double[d.coneDim], new double[1]};
        while (e2 > limit) {
            boolean fell = kkt.fallBack();
            trace(e2, b2, fell ? "KKT fallback" : "no fallback left");
            if (!fell) {
                break;
            }
            solveTauColumn();
            // the next level's direction replaces the current one only if it is more accurate
            double ttau = combined(bx, by, bz, btau, tx, ty, tz);
            double t2 = residual(bx, by, bz, btau, tx, ty, tz, ttau, te);
            if (t2 < e2) {
                System.arraycopy(tx, 0, dx, 0, d.n);
                System.arraycopy(ty, 0, dy, 0, d.p);
                System.arraycopy(tz, 0, dz, 0, d.coneDim);
                for (int k = 0; k < e.length; k++) {
                    System.arraycopy(te[k], 0, e[k], 0, e[k].length);
                }
                dtau = ttau;
                e2 = t2;
            }
        }
        double[] best = {dtau, e2};
        refineOnS(bx, by, bz, btau, limit, dx, dy, dz, e, best);
        if (best[1] <= QR_ACCURACY * QR_ACCURACY * b2 || !kkt.fallBackToQr()) {
            return best[0];
        }
        trace(best[1], b2, "QR factorisation");
        double[] qx = new double[d.n];
        double[] qy = new double[d.p];
        double[] qz = new double[d.coneDim];
        solveTauColumn();
        double qtau = combined(bx, by, bz, btau, qx, qy, qz);
        double[][] f = {new double[d.n], new double[d.p], new double[d.coneDim], new double[1]};
        double[] viaQr = {qtau, residual(bx, by, bz, btau, qx, qy, qz, qtau, f)};
        refineOnS(bx, by, bz, btau, limit, qx, qy, qz, f, viaQr);
        if (viaQr[1] < best[1]) {
            kkt.keepQr();
            System.arraycopy(qx, 0, dx, 0, d.n);
            System.arraycopy(qy, 0, dy, 0, d.p);
            System.arraycopy(qz, 0, dz, 0, d.coneDim);
            return viaQr[0];
        }
        // the normal equations' direction was better: back to their factorisation for this scaling's other solves
        kkt.undoQr();
        solveTauColumn();
        return best[0];
    }

    private static void trace(double e2, double b2, String what) {
        if (TRACE) {
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "    direction residual %.2e of %.2e: %s",
                    Math.sqrt(e2), Math.sqrt(b2), what));
        }
    }

    /**
     * At most {@value #FULL_REFINEMENT} steps of iterative refinement on S with the current factorisation, while
     * each gains fourfold.
     *
     * @param e the residual b - S(d) of the direction on entry (updated)
     * @param state {dtau, ||e||^2} on entry; updated
     */
    private void refineOnS(double[] bx, double[] by, double[] bz, double btau, double limit, double[] dx,
            double[] dy, double[] dz, double[][] e, double[] state) {
        int n = d.n;
        int p = d.p;
        int cone = d.coneDim;
        double dtau = state[0];
        double e2 = state[1];
        double[] cx = new double[n];
        double[] cy = new double[p];
        double[] cz = new double[cone];
        double[][] f = {new double[n], new double[p], new double[cone], new double[1]};
        for (int step = 0; step < FULL_REFINEMENT && e2 > limit; step++) {
            double ctau = combined(e[0], e[1], e[2], e[3][0], cx, cy, cz) + dtau;
            for (int v = 0; v < n; v++) {
                cx[v] += dx[v];
            }
            for (int i = 0; i < p; i++) {
                cy[i] += dy[i];
            }
            for (int i = 0; i < cone; i++) {
                cz[i] += dz[i];
            }
            double c2 = residual(bx, by, bz, btau, cx, cy, cz, ctau, f);
            if (TRACE) {
                LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "    refined: %.2e -> %.2e", Math.sqrt(e2), Math.sqrt(c2)));
            }
            if (!(c2 < e2)) {
                break;
            }
            System.arraycopy(cx, 0, dx, 0, n);
            System.arraycopy(cy, 0, dy, 0, p);
            System.arraycopy(cz, 0, dz, 0, cone);
            dtau = ctau;
            for (int k = 0; k < e.length; k++) {
                System.arraycopy(f[k], 0, e[k], 0, e[k].length);
            }
            boolean slow = c2 > 0.25 * e2;
            e2 = c2;
            if (slow) {
                break;
            }
        }
        state[0] = dtau;
        state[1] = e2;
    }

    /** e = b - S(d) (e[3][0] the tau row); returns ||e||^2. */
    private double residual(double[] bx, double[] by, double[] bz, double btau, double[] dx, double[] dy,
            double[] dz, double dtau, double[][] e) {
        int n = d.n;
        double[] t = new double[n];
        double sum = 0;
        double[] ex = e[0];
        d.aTMul(dy, ex);
        kkt.scaledTransposeMul(dz, t);
        for (int v = 0; v < n; v++) {
            double r = bx[v] - (ex[v] + t[v] + d.c[v] * dtau);
            ex[v] = r;
            sum += r * r;
        }
        double[] ey = e[1];
        d.aMul(dx, ey);
        for (int i = 0; i < d.p; i++) {
            double r = by[i] - (ey[i] - d.b[i] * dtau);
            ey[i] = r;
            sum += r * r;
        }
        double[] ez = e[2];
        kkt.scaledMul(dx, ez);
        for (int i = 0; i < d.coneDim; i++) {
            double r = bz[i] - (ez[i] - dz[i] - hHat[i] * dtau);
            ez[i] = r;
            sum += r * r;
        }
        double rt = btau - (kappaOverTau * dtau - InteriorPoint.dot(d.c, dx) - InteriorPoint.dot(d.b, dy)
                - InteriorPoint.dot(hHat, dz));
        e[3][0] = rt;
        return sum + rt * rt;
    }
}
