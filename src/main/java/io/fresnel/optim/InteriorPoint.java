package io.fresnel.optim;

import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * One run of the homogeneous self-dual interior-point method on equilibrated data (see
 * {@link ConeSolver} for the method and its source).
 *
 * <p>Residuals of the embedding at (x, y, z, s, tau, kappa):
 * r_x = A^T y + G^T z + c tau, r_y = -A x + b tau, r_z = -G x + h tau - s,
 * r_tau = -c^T x - b^T y - h^T z - kappa. A Newton direction reduces them by the factor
 * (1 - eta alpha) and targets the complementarity lambda o lambda = sigma mu e.
 *
 * <p>Feasibility steps (docs/cone-solver.md, "Feasibility steps once the gap is met"): an iteration that starts
 * with the relative gap already within its tolerance but a residual above the feasibility tolerance takes, instead
 * of a predictor-corrector step, the Newton step for the x, y and z residuals alone, with tau, kappa and the
 * complementarity kept (to first order): K (dx, dy, dz~) = (-r_x, r_y, W^-T r_z), ds~ = -dz~, dtau = dkappa = 0,
 * which reduces those residuals by the factor (1 - alpha). Its right-hand side has the size of the residuals, so
 * the KKT solve's error relative to it stays small; a predictor-corrector direction there has a right-hand side of
 * the size of lambda (the square root of the gap, orders larger), and near the optimum its error alone kept the
 * residuals at 1e-7 while the gap fell to 1e-18 (the end-game stall). The stopping rules are unchanged: the run
 * ends OPTIMAL only when the gap and both residuals meet their tolerances at one iterate.
 *
 * <p>Setting the system property {@code fresnel.optim.trace=true} logs one line per iteration
 * (costs, relative gap, residuals, tau, kappa, infeasibility measures) at level INFO to the
 * platform logger {@code io.fresnel.optim.InteriorPoint} (by default a console handler on standard
 * error), for diagnosing a problem that does not converge.
 */
final class InteriorPoint {
    private static final double STEP = 0.99;
    private static final boolean TRACE = Boolean.getBoolean("fresnel.optim.trace");
    private static final System.Logger LOG = System.getLogger(InteriorPoint.class.getName());
    /** Iterations without 10 % progress after which the run is declared stalled. */
    static final int STALL_ITERATIONS = 25;
    private static final double EXPONENT = 3;

    private final ConicData d;
    private final ConeOptions options;
    private final BooleanSupplier cancelled;
    private final double[] originalObjective;
    private final KktSolver kkt;

    private final double[] x;
    private final double[] y;
    private double tau = 1;
    private double kappa = 1;
    private NtScaling w;

    // residuals of the current iterate
    private final double[] rx;
    private final double[] ry;
    private final double[] rz;
    private double rtau;

    /** The linearised system of the iterations: tau column, W^{-T} h, checked and refined directions. */
    private final NewtonSystem newton;
    // W^{-T} r_z for the current scaling
    private final double[] rzHat;
    // scratch of direction(), every entry written before it is read
    private final double[] directionR;
    private final double[] directionBx;
    private final double[] directionBy;
    private final double[] directionBz;

    /** The best iterate within the acceptable gap (see {@link ConeOptions#acceptableGap()}), or null. */
    private Acceptable acceptable;

    /** A feasible iterate whose gap is at most the acceptable gap: x / tau and its measures. */
    private record Acceptable(double[] xOverTau, int iter, double pcost, double dcost, double relGap, double pres,
            double dres) {
    }

    /** Iterations after the last acceptable iterate without a better one after which the run ends with it. */
    static final int POLISH_ITERATIONS = 3;

    InteriorPoint(ConicData d, ConeOptions options, BooleanSupplier cancelled, double[] originalObjective) {
        this.d = d;
        this.options = options;
        this.cancelled = cancelled;
        this.originalObjective = originalObjective;
        this.kkt = new KktSolver(d);
        this.newton = new NewtonSystem(d, kkt);
        x = new double[d.n];
        y = new double[d.p];
        rx = new double[d.n];
        ry = new double[d.p];
        rz = new double[d.coneDim];
        rzHat = new double[d.coneDim];
        directionR = new double[d.coneDim];
        directionBx = new double[d.n];
        directionBy = new double[d.p];
        directionBz = new double[d.coneDim];
    }

    /** A search direction: dx, dy, the scaled ds~ = W^{-T} ds, dz~ = W dz and the two scalars. */
    private final class Direction {
        final double[] dx = new double[d.n];
        final double[] dy = new double[d.p];
        final double[] sTilde = new double[d.coneDim];
        final double[] zTilde = new double[d.coneDim];
        double dtau;
        double dkappa;
    }

    ConeResult run() {
        int n = d.n;
        int cone = d.coneDim;
        double resx0 = Math.max(1, norm(d.c));
        double resy0 = Math.max(1, norm(d.b));
        double resz0 = Math.max(1, norm(d.h));

        // starting point: least-squares primal and dual points, shifted into the cone
        NtScaling identity = new NtScaling(d);
        if (kkt.factor(identity) != KktSolver.Factorisation.FACTORED) {
            return stalled(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] s = new double[cone];
        double[] z = new double[cone];
        double[] tmpN = new double[n];
        double[] tmpP = new double[d.p];
        double[] tmpC = new double[cone];
        kkt.solve(new KktSolver.KktVector(new double[n], d.b, d.h), new KktSolver.KktVector(x, tmpP, tmpC));
        for (int i = 0; i < cone; i++) {
            s[i] = -tmpC[i];
        }
        kkt.solve(new KktSolver.KktVector(newton.minusC(), new double[d.p], new double[cone]),
                new KktSolver.KktVector(tmpN, y, z));
        shiftIntoCone(s);
        shiftIntoCone(z);
        w = new NtScaling(d);
        if (!w.update(s, z)) {
            return stalled(0, Double.NaN, Double.NaN, Double.NaN);
        }

        double[] gx = new double[cone];
        double[] hrx = new double[n];
        double[] hry = new double[d.p];
        double[] hrz = new double[cone];
        double[] ds = new double[cone];
        double[] lam = new double[cone];
        double[] lamSq = new double[cone];
        Direction affine = new Direction();
        Direction step = new Direction();
        double relGap = Double.NaN;
        double pres = Double.NaN;
        double dres = Double.NaN;
        int smallSteps = 0;
        double bestMerit = Double.POSITIVE_INFINITY;
        int stalled = 0;
        for (int iter = 0; ; iter++) {
            if (cancelled.getAsBoolean()) {
                return new ConeResult(ConeStatus.CANCELLED, null, Double.NaN, Double.NaN, iter, relGap, pres, dres);
            }
            w.primal(s);
            w.dual(z);
            // residuals
            d.aTMul(y, hrx);
            d.gTMul(z, tmpN);
            for (int v = 0; v < n; v++) {
                hrx[v] += tmpN[v];
                rx[v] = hrx[v] + d.c[v] * tau;
            }
            d.aMul(x, hry);
            for (int i = 0; i < d.p; i++) {
                ry[i] = -hry[i] + d.b[i] * tau;
            }
            d.gMul(x, gx);
            for (int i = 0; i < cone; i++) {
                hrz[i] = gx[i] + s[i];
                rz[i] = -hrz[i] + d.h[i] * tau;
            }
            double cx = dot(d.c, x);
            double byhz = dot(d.b, y) + dot(d.h, z);
            rtau = -cx - byhz - kappa;
            double gap = w.lambdaSquaredNorm();
            double mu = (gap + tau * kappa) / (d.degree + 1);
            double pcost = cx / tau;
            double dcost = -byhz / tau;
            pres = Math.max(norm(ry) / resy0, norm(rz) / resz0) / tau;
            dres = norm(rx) / resx0 / tau;
            relGap = gap / (tau * tau) / Math.max(1, Math.max(Math.abs(pcost), Math.abs(dcost)));
            double pinf = byhz < 0 ? norm(hrx) / resx0 / -byhz : Double.POSITIVE_INFINITY;
            double dinf = cx < 0
                    ? Math.max(norm(hry) / resy0, norm(hrz) / resz0) / -cx
                    : Double.POSITIVE_INFINITY;

            if (TRACE) {
                LOG.log(System.Logger.Level.INFO, String.format(
                        "%3d pcost %.9e dcost %.9e gap %.2e pres %.2e dres %.2e tau %.2e kappa %.2e pinf %.2e dinf %.2e",
                        iter, pcost, dcost, relGap, pres, dres, tau, kappa, pinf, dinf));
            }
            if (pres <= options.feasibilityTolerance() && dres <= options.feasibilityTolerance()
                    && relGap <= options.gapTolerance()) {
                return finish(ConeStatus.OPTIMAL, iter, pcost, dcost, relGap, pres, dres);
            }
            if (pres <= options.feasibilityTolerance() && dres <= options.feasibilityTolerance()
                    && relGap <= options.acceptableGap() && (acceptable == null || relGap < acceptable.relGap())) {
                double[] xt = new double[n];
                for (int v = 0; v < n; v++) {
                    xt[v] = x[v] / tau;
                }
                acceptable = new Acceptable(xt, iter, pcost, dcost, relGap, pres, dres);
            }
            if (acceptable != null && iter - acceptable.iter() >= POLISH_ITERATIONS) {
                // the run could not improve on the acceptable iterate: the gap tolerance is out of reach
                return finish(ConeStatus.ITERATION_LIMIT, iter, pcost, dcost, relGap, pres, dres);
            }
            if (pinf <= options.feasibilityTolerance()) {
                return new ConeResult(ConeStatus.INFEASIBLE, null, Double.POSITIVE_INFINITY,
                        Double.POSITIVE_INFINITY, iter, relGap, pres, pinf);
            }
            if (dinf <= options.feasibilityTolerance()) {
                return new ConeResult(ConeStatus.UNBOUNDED, null, Double.NEGATIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, iter, relGap, dinf, dres);
            }
            // Stall: no 10 % progress towards optimality (the worst of gap and residuals) nor towards an
            // infeasibility certificate for STALL_ITERATIONS iterations
            // (seen when tau collapses on a problem whose optimum is nearly unattained): stop early with
            // the iteration-limit status instead of running to the limit.
            double merit = Math.min(Math.max(relGap / options.gapTolerance(),
                    Math.max(pres, dres) / options.feasibilityTolerance()),
                    Math.min(pinf, dinf) / options.feasibilityTolerance());
            if (merit < 0.9 * bestMerit) {
                bestMerit = merit;
                stalled = 0;
            } else {
                stalled++;
            }
            if (iter >= options.maxIterations() || smallSteps >= 3 || stalled >= STALL_ITERATIONS) {
                return finish(ConeStatus.ITERATION_LIMIT, iter, pcost, dcost, relGap, pres, dres);
            }

            if (kkt.factor(w) != KktSolver.Factorisation.FACTORED) {
                return finish(ConeStatus.ITERATION_LIMIT, iter, pcost, dcost, relGap, pres, dres);
            }
            // the tau column: K [x1; y1; z1] = [-c; b; h]
            w.scaleInvT(d.h, newton.hHat);
            w.scaleInvT(rz, rzHat);
            w.lambdaVector(lam);
            if (relGap <= options.gapTolerance()) {
                // feasibility step (see the class comment): the residuals only; tau, kappa, lambda o lambda kept
                if (TRACE) {
                    LOG.log(System.Logger.Level.INFO, "    feasibility step (gap within tolerance)");
                }
                feasibilityDirection(step);
            } else {
                newton.tauColumn(kappa, tau);
                // predictor (affine scaling): eta = 1, target lambda o lambda = 0
                w.circ(lam, lam, lamSq);
                direction(1.0, lamSq, tau * kappa, affine);
                double alphaAffine = Math.min(1, maxStep(affine));
                double sigma = Math.pow(Math.max(0, 1 - alphaAffine), EXPONENT);

                // corrector: eta = 1 - sigma, Mehrotra second-order term
                w.circ(affine.sTilde, affine.zTilde, ds);
                for (int i = 0; i < cone; i++) {
                    ds[i] += lamSq[i];
                }
                addIdentity(ds, -sigma * mu);
                double dkappa = tau * kappa - sigma * mu + affine.dtau * affine.dkappa;
                direction(1 - sigma, ds, dkappa, step);
            }
            double alpha = Math.min(1, STEP * maxStep(step));
            if (!(alpha > 0) || !Double.isFinite(alpha)) {
                return finish(ConeStatus.ITERATION_LIMIT, iter, pcost, dcost, relGap, pres, dres);
            }
            smallSteps = alpha < 1e-8 ? smallSteps + 1 : 0;

            for (int v = 0; v < n; v++) {
                x[v] += alpha * step.dx[v];
            }
            for (int i = 0; i < d.p; i++) {
                y[i] += alpha * step.dy[i];
            }
            tau += alpha * step.dtau;
            kappa += alpha * step.dkappa;
            double[] sNew = new double[cone];
            double[] zNew = new double[cone];
            for (int i = 0; i < cone; i++) {
                sNew[i] = lam[i] + alpha * step.sTilde[i];
                zNew[i] = lam[i] + alpha * step.zTilde[i];
            }
            if (!w.update(sNew, zNew) || !(tau > 0) || !(kappa > 0)) {
                return finish(ConeStatus.ITERATION_LIMIT, iter + 1, pcost, dcost, relGap, pres, dres);
            }
        }
    }

    /**
     * The Newton direction for residual weight eta, complementarity target ds (lambda o
     * (W^{-T} dS + W dZ) = -ds) and kappa target dkappa (kappa dtau + tau dkappa = -dkappa).
     */
    private void direction(double eta, double[] ds, double dkappaTarget, Direction out) {
        int n = d.n;
        int cone = d.coneDim;
        double[] r = directionR;
        w.lambdaSolve(ds, r);
        double[] bx = directionBx;
        double[] by = directionBy;
        double[] bz = directionBz;
        for (int v = 0; v < n; v++) {
            bx[v] = -eta * rx[v];
        }
        for (int i = 0; i < d.p; i++) {
            by[i] = eta * ry[i];
        }
        for (int i = 0; i < cone; i++) {
            bz[i] = eta * rzHat[i] + r[i];
        }
        double dtau = newton.solve(bx, by, bz, -eta * rtau - dkappaTarget / tau, out.dx, out.dy, out.zTilde);
        out.dtau = dtau;
        out.dkappa = -(dkappaTarget + kappa * dtau) / tau;
        for (int i = 0; i < cone; i++) {
            out.sTilde[i] = -(r[i] + out.zTilde[i]);
        }
    }

    /**
     * The feasibility step's direction: K (dx, dy, dz~) = (-r_x, r_y, W^-T r_z) (one KKT solve, refined by
     * {@link KktSolver#solve}), ds~ = -dz~ (so lambda o (ds~ + dz~) = 0), dtau = dkappa = 0.
     */
    private void feasibilityDirection(Direction out) {
        int n = d.n;
        int cone = d.coneDim;
        double[] bx = new double[n];
        for (int v = 0; v < n; v++) {
            bx[v] = -rx[v];
        }
        newton.solveWithTauFixed(bx, ry.clone(), rzHat.clone(), out.dx, out.dy, out.zTilde);
        out.dtau = 0;
        out.dkappa = 0;
        for (int i = 0; i < cone; i++) {
            out.sTilde[i] = -out.zTilde[i];
        }
    }

    private double maxStep(Direction dir) {
        double step = Math.min(w.maxStep(dir.sTilde), w.maxStep(dir.zTilde));
        if (dir.dtau < 0) {
            step = Math.min(step, -tau / dir.dtau);
        }
        if (dir.dkappa < 0) {
            step = Math.min(step, -kappa / dir.dkappa);
        }
        return step;
    }

    /** v += t e, e the identity of the cone. */
    private void addIdentity(double[] v, double t) {
        for (int i = 0; i < d.l; i++) {
            v[i] += t;
        }
        for (ConicData.Block blk : d.blocks) {
            for (int i = 0; i < blk.m; i++) {
                v[blk.offset + i * blk.m + i] += t;
            }
        }
    }

    /** Moves a cone vector into the interior: u + (1 + a) e when u + a e is on the boundary. */
    private void shiftIntoCone(double[] u) {
        double minEig = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.l; i++) {
            minEig = Math.min(minEig, u[i]);
        }
        for (ConicData.Block blk : d.blocks) {
            int m = blk.m;
            DMatrixRMaj a = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    a.data[i * m + j] = 0.5 * (u[blk.offset + i * m + j] + u[blk.offset + j * m + i]);
                }
            }
            minEig = Math.min(minEig, NtScaling.minEigenvalue(a));
        }
        if (!Double.isFinite(minEig)) {
            minEig = 0;
        }
        double shift = -minEig;
        if (shift >= -1e-8 * Math.max(norm(u), 1)) {
            addIdentity(u, 1 + shift);
        }
    }

    /**
     * The result for the current iterate; a run that ends short of optimality with an acceptable
     * iterate (see {@link ConeOptions#acceptableGap()}) returns that one, {@code OPTIMAL} with its own
     * gap and residuals.
     */
    private ConeResult finish(ConeStatus status, int iter, double pcost, double dcost, double relGap,
            double pres, double dres) {
        if (status == ConeStatus.ITERATION_LIMIT && acceptable != null) {
            return result(ConeStatus.OPTIMAL, acceptable.xOverTau(), iter, acceptable.dcost(), acceptable.relGap(),
                    acceptable.pres(), acceptable.dres());
        }
        double[] xt = new double[d.n];
        for (int v = 0; v < d.n; v++) {
            xt[v] = x[v] / tau;
        }
        return result(status, xt, iter, dcost, relGap, pres, dres);
    }

    private ConeResult result(ConeStatus status, double[] xOverTau, int iter, double dcost, double relGap, double pres,
            double dres) {
        double[] out = new double[d.n];
        double objective = 0;
        for (int v = 0; v < d.n; v++) {
            out[v] = d.beta * d.colScale[v] * xOverTau[v];
            objective += originalObjective[v] * out[v];
        }
        double dual = dcost * d.beta / d.objScale;
        return new ConeResult(status, out, objective, dual, iter, relGap, pres, dres);
    }

    private ConeResult stalled(int iter, double relGap, double pres, double dres) {
        return new ConeResult(ConeStatus.ITERATION_LIMIT, null, Double.NaN, Double.NaN, iter, relGap, pres, dres);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
