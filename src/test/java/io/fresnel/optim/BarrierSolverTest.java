package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.SymmetricMatrices;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link BarrierSolver}: programs with closed-form optima (linear over a ball, projection onto a
 * half-space, water-filling and a log-of-concave-quadratic maximum through the kappa log term,
 * a 2 x 2 LMI, the largest eigenvalue), agreement with the independent {@link ConeSolver} on
 * seeded random programs both can express, and the contract (start validation, cancellation,
 * unbounded programs).
 *
 * <p>Tolerances: with {@link BarrierSolver#TOLERANCE} = 1e-9 the method stops when the gap bound
 * m / t is below 1e-9 max(1, |f0|); the bound is exact at a central point and the centring stops
 * at a Newton decrement lambda^2 / 2 below 1e-10, so objectives are asserted to 1e-8 relative
 * (ten times the bound). Minimisers are asserted with the accuracy the objective gap implies for
 * each problem (stated at each test).
 */
class BarrierSolverTest {
    private static final double OBJECTIVE_TOL = 1e-8;

    private static BarrierSolver.Result solve(SmoothConvexProgram p, double[] x0) {
        BarrierSolver.Result r = BarrierSolver.solve(p, x0, BarrierSolver.TOLERANCE, () -> false);
        assertTrue(p.strictlyFeasible(r.x()), "the result is strictly feasible");
        assertEquals(p.objective(r.x()), r.objective(), 0, "objective is f0(x)");
        return r;
    }

    private static BarrierSolver.Result solveOptimal(SmoothConvexProgram p, double[] x0) {
        BarrierSolver.Result r = solve(p, x0);
        assertEquals(ConeStatus.OPTIMAL, r.status(), () -> "status after " + r.newtonSteps() + " Newton steps");
        assertTrue(r.newtonSteps() <= BarrierSolver.MAX_NEWTON);
        return r;
    }

    private static void assertObjective(double expected, BarrierSolver.Result r) {
        assertEquals(expected, r.objective(), OBJECTIVE_TOL * Math.max(1, Math.abs(expected)));
    }

    private static double norm(double[] v) {
        return Math.sqrt(QuadraticLogConstraintTest.dot(v, v));
    }

    private static double distance(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += (u[i] - v[i]) * (u[i] - v[i]);
        }
        return Math.sqrt(s);
    }

    /** |x - p|^2 &lt;= r^2 as a quadratic constraint. */
    private static QuadraticLogConstraint ball(double[] p, double r) {
        int n = p.length;
        double[][] z = new double[n][n];
        double[] z0 = new double[n];
        for (int i = 0; i < n; i++) {
            z[i][i] = 1;
            z0[i] = -p[i];
        }
        return QuadraticLogConstraint.quadratic(z, z0, new double[n], r * r);
    }

    private static double[] unit(int n, int i) {
        double[] e = new double[n];
        e[i] = 1;
        return e;
    }

    // ---------------------------------------------------------------- closed-form optima

    @Test
    void linearObjectiveOverABallReachesTheBoundaryOppositeToC() {
        Random rnd = new Random(41);
        for (int trial = 0; trial < 3; trial++) {
            int n = 2 + 2 * trial;
            double[] c = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
            double[] centre = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
            double r = 0.5 + rnd.nextDouble();
            SmoothConvexProgram p = new SmoothConvexProgram(n);
            for (int i = 0; i < n; i++) {
                p.addLinearObjective(i, c[i]);
            }
            p.add(ball(centre, r));
            BarrierSolver.Result res = solveOptimal(p, centre);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = centre[i] - r * c[i] / norm(c);
            }
            assertObjective(QuadraticLogConstraintTest.dot(c, expected), res);
            // the central path runs along -c from the centre (symmetry), so the distance to x* is
            // the objective gap over |c| plus the centring error: 1e-6 r is a hundredfold margin
            assertTrue(distance(expected, res.x()) < 1e-6 * r, () -> "x off by " + distance(expected, res.x()));
        }
    }

    @Test
    void squaredDistanceWithAHalfSpaceIsTheProjection() {
        Random rnd = new Random(42);
        int n = 4;
        double[] point = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
        double[] u = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
        double excess = 1.3;
        double v = QuadraticLogConstraintTest.dot(u, point) - excess;
        SmoothConvexProgram p = new SmoothConvexProgram(n);
        for (int i = 0; i < n; i++) {
            p.addSquareObjective(unit(n, i), -point[i], 1);
        }
        p.addLinearInequality(u, v);
        double uu = QuadraticLogConstraintTest.dot(u, u);
        double[] x0 = new double[n];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = point[i] - 2 * excess / uu * u[i];
            expected[i] = point[i] - excess / uu * u[i];
        }
        BarrierSolver.Result res = solveOptimal(p, x0);
        double fStar = excess * excess / uu;
        assertObjective(fStar, res);
        // f(x) - f* >= |x - x*|^2 on the feasible set (f is |x - point|^2 and x* its projection), so
        // |x - x*| <= sqrt(objective gap)
        double gap = OBJECTIVE_TOL * Math.max(1, fStar);
        assertTrue(distance(expected, res.x()) <= Math.sqrt(gap), () -> "x off by " + distance(expected, res.x()));
    }

    @Test
    void waterFillingThroughLogConstraints() {
        // maximise sum_k ln(n_k + p_k) s.t. sum p <= P, p >= 0, written as minimise -sum t_k with
        // t_k - ln(p_k + n_k) <= 0 (kappa = 1, q = p_k + n_k). Water level mu: p_k = [mu - n_k]^+;
        // n = (0.5, 1, 2.5, 4), P = 3 give mu = (3 + 0.5 + 1) / 2 = 2.25 < 2.5, p = (1.75, 1.25, 0, 0).
        double[] noise = {0.5, 1, 2.5, 4};
        double power = 3;
        int k = noise.length;
        SmoothConvexProgram p = waterFilling(noise);
        double[] sum = new double[2 * k];
        double[] x0 = new double[2 * k];
        for (int i = 0; i < k; i++) {
            sum[i] = 1;
            x0[i] = power / (2 * k);
            x0[k + i] = Math.log(x0[i] + noise[i]) - 1;
        }
        p.addLinearInequality(sum, power);
        BarrierSolver.Result res = solveOptimal(p, x0);
        double mu = 2.25;
        double expected = 0;
        for (double n : noise) {
            expected -= Math.log(Math.max(mu, n));
        }
        assertObjective(expected, res);
        double[] powers = java.util.Arrays.copyOf(res.x(), k);
        // the optimum is strictly complementary (the multipliers of p_2, p_3 >= 0 are
        // 1/2.25 - 1/2.5 and 1/2.25 - 1/4, the budget's 1/2.25), so the central path reaches it
        // linearly in the gap bound m / t (~1e-9 here); 1e-6 leaves a wide margin
        assertArrayEquals(new double[] {1.75, 1.25, 0, 0}, powers, 1e-6);
    }

    /**
     * Variables (p_0..p_{k-1}, t_0..t_{k-1}): minimise -sum t_k s.t. t_k - ln(p_k + n_k) &lt;= 0
     * (the a row is -e_t, so -(a . x) = t_k) and p_k &gt;= 0; no power budget yet.
     */
    private static SmoothConvexProgram waterFilling(double[] noise) {
        int k = noise.length;
        SmoothConvexProgram p = new SmoothConvexProgram(2 * k);
        for (int i = 0; i < k; i++) {
            p.addLinearObjective(k + i, -1);
            double[] a = new double[2 * k];
            a[k + i] = -1;
            p.add(new QuadraticLogConstraint(new double[0][], new double[0], a, 0, 1, unit(2 * k, i), noise[i], null));
            double[] minus = new double[2 * k];
            minus[i] = -1;
            p.addLinearInequality(minus, 0);
        }
        return p;
    }

    @Test
    void maximumOfKappaLogOfAConcaveQuadratic() {
        // maximise t s.t. t <= kappa ln(b . x + b0 - |Y x|^2): the inner maximum is at
        // x* = (Y^T Y)^-1 b / 2 with q* = b0 + b^T (Y^T Y)^-1 b / 4, so t* = kappa ln q*
        Random rnd = new Random(43);
        for (int trial = 0; trial < 3; trial++) {
            int n = 3;
            double kappa = 0.5 + 1.5 * rnd.nextDouble();
            double b0 = 0.5 + rnd.nextDouble();
            double[] b = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
            double[][] y = QuadraticLogConstraintTest.gaussianRows(rnd, n, n, 0.5);
            for (int i = 0; i < n; i++) {
                y[i][i] += 1;
            }
            SmoothConvexProgram p = new SmoothConvexProgram(n + 1);
            p.addLinearObjective(n, -1);
            double[] a = new double[n + 1];
            a[n] = -1;
            double[] bRow = java.util.Arrays.copyOf(b, n + 1);
            double[][] yRows = new double[n][];
            for (int s = 0; s < n; s++) {
                yRows[s] = java.util.Arrays.copyOf(y[s], n + 1);
            }
            p.add(new QuadraticLogConstraint(new double[0][], new double[0], a, 0, kappa, bRow, b0, yRows));
            double[] x0 = new double[n + 1];
            x0[n] = kappa * Math.log(b0) - 1;
            BarrierSolver.Result res = solveOptimal(p, x0);

            // independent reference: solve (Y^T Y) w = b with EJML
            DMatrixRMaj ym = new DMatrixRMaj(y);
            DMatrixRMaj yty = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(ym, ym, yty);
            DMatrixRMaj w = new DMatrixRMaj(n, 1);
            assertTrue(CommonOps_DDRM.solve(yty, new DMatrixRMaj(n, 1, true, b), w));
            double bw = 0;
            for (int i = 0; i < n; i++) {
                bw += b[i] * w.get(i);
            }
            assertObjective(-kappa * Math.log(b0 + bw / 4), res);
            // for any fixed t the barrier -ln(kappa ln q(x) - t) is smallest where q is largest, so
            // every central point has x = x* exactly: only the centring error (Newton decrement
            // below 1e-5) remains, far below 1e-8
            for (int i = 0; i < n; i++) {
                assertEquals(w.get(i) / 2, res.x()[i], 1e-8);
            }
        }
    }

    @Test
    void twoByTwoLmiGivesTheReciprocalOfTheBound() {
        // minimise t s.t. [[t, 1], [1, x]] >= 0 (t x >= 1, t, x > 0) and x <= 4: t* = 1/4 at x = 4
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addLinearObjective(0, 1);
        AffineLmi lmi = new AffineLmi(2);
        lmi.addCoefficient(0, 0, 0, 1);
        lmi.addCoefficient(1, 1, 1, 1);
        lmi.addConstant(0, 1, 1);
        p.add(lmi);
        p.addLinearInequality(new double[] {0, 1}, 4);
        BarrierSolver.Result res = solveOptimal(p, new double[] {1, 2});
        assertObjective(0.25, res);
        // t >= 1 / x, so x = 4 - d costs t - 1/4 ~ d / 16: x is within 16 times the gap bound
        assertEquals(4, res.x()[1], 16 * OBJECTIVE_TOL);
    }

    @Test
    void largestEigenvalueAsAnLmi() {
        // minimise t s.t. t I - A >= 0: t* = lambda_max(A), compared with EJML's eigenvalues
        Random rnd = new Random(44);
        for (int m = 2; m <= 6; m += 2) {
            double[][] a = AffineLmiTest.randomSymmetric(rnd, m, 1);
            SmoothConvexProgram p = new SmoothConvexProgram(1);
            p.addLinearObjective(0, 1);
            AffineLmi lmi = new AffineLmi(m);
            double gershgorin = 0;
            for (int i = 0; i < m; i++) {
                lmi.addCoefficient(0, i, i, 1);
                double row = 0;
                for (int j = i; j < m; j++) {
                    lmi.addConstant(i, j, -a[i][j]);
                }
                for (int j = 0; j < m; j++) {
                    row += Math.abs(a[i][j]);
                }
                gershgorin = Math.max(gershgorin, row);
            }
            p.add(lmi);
            BarrierSolver.Result res = solveOptimal(p, new double[] {gershgorin + 1});
            double[] eig = SymmetricMatrices.eigenvalues(a);
            assertObjective(eig[m - 1], res);
        }
    }

    // ---------------------------------------------------------------- agreement with ConeSolver

    /**
     * Seeded random programs in both forms: minimise c . x over a ball |x| &lt;= 2, two convex
     * quadratics |Z x + z0|^2 &lt;= a . x + a0 (for ConeSolver the Schur blocks
     * [[a . x + a0, (Z x + z0)^T], [Z x + z0, I]] &gt;= 0), a 3 x 3 LMI and a linear row; x = 0 is
     * strictly feasible by construction. The optimal objectives agree to 1e-6 relative.
     */
    @Test
    void agreesWithTheConeSolverOnRandomPrograms() {
        for (long seed = 50; seed < 56; seed++) {
            Random rnd = new Random(seed);
            int n = 3 + (int) (seed % 2);
            SmoothConvexProgram barrier = new SmoothConvexProgram(n);
            ConeProgram cone = new ConeProgram(n);
            double[] c = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
            for (int v = 0; v < n; v++) {
                barrier.addLinearObjective(v, c[v]);
                cone.setObjective(v, c[v]);
            }
            double[][] identity = new double[n][n];
            for (int i = 0; i < n; i++) {
                identity[i][i] = 1;
            }
            addQuadratic(barrier, cone, identity, new double[n], new double[n], 4);
            for (int q = 0; q < 2; q++) {
                int rows = 1 + rnd.nextInt(n);
                double[][] z = QuadraticLogConstraintTest.gaussianRows(rnd, rows, n, 1);
                double[] z0 = QuadraticLogConstraintTest.gaussianRows(rnd, 1, rows, 0.3)[0];
                double[] a = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
                addQuadratic(barrier, cone, z, z0, a, QuadraticLogConstraintTest.dot(z0, z0) + 0.5);
            }
            int m = 3;
            AffineLmi lmi = new AffineLmi(m);
            PsdBlock block = cone.addPsd(m);
            double[][] m0 = CholeskyTest.randomSpd(rnd, m);
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    lmi.addConstant(i, j, m0[i][j]);
                    block.addConstant(i, j, m0[i][j]);
                }
            }
            for (int v = 0; v < n; v++) {
                double[][] mv = AffineLmiTest.randomSymmetric(rnd, m, 0.8);
                for (int i = 0; i < m; i++) {
                    for (int j = i; j < m; j++) {
                        lmi.addCoefficient(v, i, j, mv[i][j]);
                        block.addCoefficient(v, i, j, mv[i][j]);
                    }
                }
            }
            barrier.add(lmi);
            double[] u = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
            double bound = 0.3 + rnd.nextDouble();
            barrier.addLinearInequality(u, bound);
            cone.addLinearInequality(u, bound);

            ConeResult reference = ConeSolver.solve(cone, null, null);
            assertEquals(ConeStatus.OPTIMAL, reference.status(), "seed " + seed);
            BarrierSolver.Result res = solveOptimal(barrier, new double[n]);
            double expected = reference.primalObjective();
            long s = seed;
            assertEquals(expected, res.objective(), 1e-6 * Math.max(1, Math.abs(expected)), () -> "seed " + s);
        }
    }

    /** Adds |Z x + z0|^2 &lt;= a . x + a0 to both programs. */
    private static void addQuadratic(SmoothConvexProgram barrier, ConeProgram cone, double[][] z, double[] z0,
            double[] a, double a0) {
        barrier.add(QuadraticLogConstraint.quadratic(z, z0, a, a0));
        int rows = z.length;
        PsdBlock block = cone.addPsd(rows + 1);
        block.addConstant(0, 0, a0);
        for (int v = 0; v < a.length; v++) {
            if (a[v] != 0) {
                block.addCoefficient(v, 0, 0, a[v]);
            }
        }
        for (int r = 0; r < rows; r++) {
            block.addConstant(0, r + 1, z0[r]);
            block.addConstant(r + 1, r + 1, 1);
            for (int v = 0; v < a.length; v++) {
                if (z[r][v] != 0) {
                    block.addCoefficient(v, 0, r + 1, z[r][v]);
                }
            }
        }
    }

    // ---------------------------------------------------------------- contract

    /** min c . x over a ball centred at the origin (radius 1), c = (1, -2, 0.5). */
    private static SmoothConvexProgram ballProgram() {
        SmoothConvexProgram p = new SmoothConvexProgram(3);
        p.addLinearObjective(0, 1);
        p.addLinearObjective(1, -2);
        p.addLinearObjective(2, 0.5);
        p.add(ball(new double[3], 1));
        return p;
    }

    @Test
    void startThatIsNotStrictlyFeasibleIsRejected() {
        SmoothConvexProgram p = ballProgram();
        p.addLinearInequality(new double[] {0, 0, 1}, 0.5);
        assertThrows(IllegalArgumentException.class,
                () -> BarrierSolver.solve(p, new double[] {1, 0, 0}, 1e-9, () -> false), "on the sphere");
        assertThrows(IllegalArgumentException.class,
                () -> BarrierSolver.solve(p, new double[] {0, 0, 0.5}, 1e-9, () -> false), "on the linear boundary");
        assertThrows(IllegalArgumentException.class,
                () -> BarrierSolver.solve(p, new double[] {2, 0, 0}, 1e-9, () -> false), "outside");
        SmoothConvexProgram withLmi = ballProgram();
        AffineLmi lmi = new AffineLmi(1);
        lmi.addCoefficient(0, 0, 0, 1);
        withLmi.add(lmi);
        assertThrows(IllegalArgumentException.class,
                () -> BarrierSolver.solve(withLmi, new double[3], 1e-9, () -> false), "LMI singular");
        SmoothConvexProgram withLog = new SmoothConvexProgram(1);
        withLog.add(new QuadraticLogConstraint(new double[0][], new double[0], new double[1], 0, 1,
                new double[] {1}, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> BarrierSolver.solve(withLog, new double[] {-1}, 1e-9, () -> false), "outside the log domain");
    }

    @Test
    void startIsNotModified() {
        double[] x0 = {0.1, 0.2, -0.3};
        double[] copy = x0.clone();
        solveOptimal(ballProgram(), x0);
        assertArrayEquals(copy, x0, 0);
    }

    @Test
    void cancellationBeforeTheFirstStepReturnsTheStart() {
        double[] x0 = {0.1, 0.2, -0.3};
        BarrierSolver.Result r = BarrierSolver.solve(ballProgram(), x0, 1e-9, () -> true);
        assertEquals(ConeStatus.CANCELLED, r.status());
        assertEquals(0, r.newtonSteps());
        assertArrayEquals(x0, r.x(), 0);
    }

    @Test
    void cancellationMidwayReturnsAStrictlyFeasibleIterate() {
        SmoothConvexProgram p = ballProgram();
        AtomicInteger polls = new AtomicInteger();
        BarrierSolver.Result r = BarrierSolver.solve(p, new double[3], 1e-9, () -> polls.incrementAndGet() > 5);
        assertEquals(ConeStatus.CANCELLED, r.status());
        assertTrue(r.newtonSteps() > 0 && r.newtonSteps() <= 5, "steps " + r.newtonSteps());
        assertTrue(p.strictlyFeasible(r.x()));
        assertEquals(p.objective(r.x()), r.objective(), 0);
        assertTrue(r.objective() < 0, "moved towards the optimum");
    }

    @Test
    void programWithoutConstraintsSolvesItsLeastSquares() {
        // degree 0: one centring step solves min |x - point|^2 exactly
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addSquareObjective(new double[] {1, 0}, -3, 1);
        p.addSquareObjective(new double[] {0, 1}, 4, 2);
        BarrierSolver.Result r = solveOptimal(p, new double[2]);
        assertArrayEquals(new double[] {3, -4}, r.x(), 1e-12);
        assertEquals(0, r.objective(), 1e-20);
    }

    /*
     * Regression tests: programs unbounded below used to come back OPTIMAL, with x = -Infinity (the
     * overflowed iterate passed the Armijo test since -Infinity <= -Infinity) or with a huge finite
     * x (the relative gap bound m / t <= 1e-9 |f0| holds trivially once |f0| ~ 1e154). They now end
     * UNBOUNDED within a few Newton steps, with the last finite, strictly feasible iterate.
     */

    @Test
    void linearObjectiveOnAHalfLineIsUnbounded() {
        // min x s.t. x <= 1: the iterates run to -Infinity doubly exponentially
        SmoothConvexProgram p = new SmoothConvexProgram(1);
        p.addLinearObjective(0, 1);
        p.addLinearInequality(new double[] {1}, 1);
        assertUnbounded(p, new double[] {0});
    }

    @Test
    void linearObjectiveWithoutConstraintsIsUnbounded() {
        // zero Hessian: the regularised Newton step is infinite
        SmoothConvexProgram p = new SmoothConvexProgram(1);
        p.addLinearObjective(0, 1);
        assertUnbounded(p, new double[] {0});
    }

    @Test
    void linearObjectiveAlongAParabolaIsUnbounded() {
        // min -x1 s.t. x0^2 <= x1: the Newton step overflows at x1 ~ 1e154 while the objective is
        // still finite (the infinite trial point evaluates to NaN, 0 * Infinity)
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addLinearObjective(1, -1);
        p.add(QuadraticLogConstraint.quadratic(new double[][] {{1, 0}}, new double[1], new double[] {0, 1}, 0));
        assertUnbounded(p, new double[] {0, 1});
    }

    @Test
    void linearObjectiveAlongAnLmiRayIsUnbounded() {
        // min -x s.t. [[x]] >= 0: x grows doubly exponentially until the Newton step overflows
        SmoothConvexProgram p = new SmoothConvexProgram(1);
        p.addLinearObjective(0, -1);
        AffineLmi lmi = new AffineLmi(1);
        lmi.addCoefficient(0, 0, 0, 1);
        p.add(lmi);
        assertUnbounded(p, new double[] {1});
    }

    /**
     * Regression: min y s.t. y &gt;= 1 from y = 1e19. The Newton step from there overshoots by a
     * factor of about 1e19 and sixty halvings do not bring it back inside, so the first line search
     * fails; the relaxed rule for a stuck run (m / t &lt;= 1e3 tol |f0|, with f0 = 1e19) used to
     * report this start OPTIMAL, 1e19 away from the optimum 1. A point that is not centred is
     * never OPTIMAL now; from a start within 1e17 of the boundary the method does converge.
     */
    @Test
    void startFarFromTheCentralPathIsNotReportedOptimal() {
        SmoothConvexProgram p = new SmoothConvexProgram(1);
        p.addLinearObjective(0, 1);
        p.addLinearInequality(new double[] {-1}, -1);
        BarrierSolver.Result far = solve(p, new double[] {1e19});
        assertEquals(ConeStatus.ITERATION_LIMIT, far.status(), () -> "x = " + far.x()[0]);
        BarrierSolver.Result near = solveOptimal(p, new double[] {1e17});
        assertObjective(1, near);
    }

    /**
     * Regression: min -1e-8 x s.t. x &gt;= 0 from x = 1. With so small a slope each centring at
     * t = 1 only doubles x, sixty times, and then the relative rule m / t &lt;= 1e-9 |f0| held with
     * f0 ~ -2.5e299: reported OPTIMAL at x ~ 2.5e307. Not centred, so not OPTIMAL now; the run goes
     * on until a strictly feasible trial point's objective overflows, which (rather than an
     * infinite iterate passing the Armijo test) ends it UNBOUNDED.
     */
    @Test
    void smallSlopeAlongAHalfLineIsUnbounded() {
        SmoothConvexProgram p = new SmoothConvexProgram(1);
        p.addLinearObjective(0, -1e-8);
        p.addLinearInequality(new double[] {-1}, 0);
        assertUnbounded(p, new double[] {1});
    }

    /**
     * Regression: seeded random unbounded programs (objective decreasing along every axis of an
     * orthant written as linear rows, 1 x 1 LMIs or log constraints -x_i - kappa ln x_i &lt;= 0;
     * coefficients and starts spread over some twenty decades). Some runs used to stall at huge
     * finite iterates (1e150 to 1e300) with a Newton decrement far above 1 and were reported
     * OPTIMAL by the relative rule m / t &lt;= tol max(1, |f0|); others accept an infinite trial
     * point (-Infinity passes the Armijo test) unless an overflowed objective ends the run. All
     * now end UNBOUNDED with a finite, strictly feasible x.
     */
    @Test
    void randomUnboundedProgramsEndUnbounded() {
        Random rnd = new Random(1);
        for (int k = 0; k < 1000; k++) {
            int n = 1 + rnd.nextInt(3);
            SmoothConvexProgram p = new SmoothConvexProgram(n);
            double[] x0 = new double[n];
            for (int i = 0; i < n; i++) {
                p.addLinearObjective(i, -Math.exp(8 * rnd.nextGaussian()));
                x0[i] = Math.exp(8 * rnd.nextGaussian());
            }
            int kind = rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                if (kind == 0) {
                    double[] u = new double[n];
                    u[i] = -Math.exp(rnd.nextGaussian());
                    p.addLinearInequality(u, 0);
                } else if (kind == 1) {
                    AffineLmi lmi = new AffineLmi(1);
                    lmi.addCoefficient(i, 0, 0, Math.exp(rnd.nextGaussian()));
                    p.add(lmi);
                } else {
                    // -x_i - kappa ln x_i <= 0 holds for x_i >= 1
                    p.add(new QuadraticLogConstraint(new double[0][], new double[0], unit(n, i), 0,
                            0.5 + rnd.nextDouble(), unit(n, i), 0, null));
                    x0[i] += 2;
                }
            }
            BarrierSolver.Result r = BarrierSolver.solve(p, x0, BarrierSolver.TOLERANCE, () -> false);
            int program = k;
            assertEquals(ConeStatus.UNBOUNDED, r.status(),
                    () -> "program " + program + " at " + java.util.Arrays.toString(r.x()));
            for (double e : r.x()) {
                assertTrue(Double.isFinite(e), "finite iterate");
            }
            assertTrue(p.strictlyFeasible(r.x()));
        }
    }

    private static void assertUnbounded(SmoothConvexProgram p, double[] x0) {
        BarrierSolver.Result r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> BarrierSolver.solve(p, x0, BarrierSolver.TOLERANCE, () -> false));
        assertEquals(ConeStatus.UNBOUNDED, r.status(), () -> "x = " + java.util.Arrays.toString(r.x()));
        for (double e : r.x()) {
            assertTrue(Double.isFinite(e), "finite iterate");
        }
        assertTrue(p.strictlyFeasible(r.x()));
        assertEquals(p.objective(r.x()), r.objective(), 0);
        assertTrue(r.newtonSteps() < 100, "steps " + r.newtonSteps());
    }

    @Test
    void boundedObjectiveWithoutCentralPointSpendsTheNewtonBudget() {
        // min 0 s.t. x >= 0: every feasible point is optimal, but -ln x has no minimiser, so each
        // centring doubles x; the run stops at the Newton budget with a finite feasible x
        SmoothConvexProgram p = new SmoothConvexProgram(1);
        p.addLinearInequality(new double[] {-1}, 0);
        BarrierSolver.Result r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> solve(p, new double[] {1}));
        assertEquals(ConeStatus.ITERATION_LIMIT, r.status());
        assertEquals(BarrierSolver.MAX_NEWTON, r.newtonSteps());
        assertTrue(Double.isFinite(r.x()[0]));
        assertEquals(0, r.objective());
    }
}
