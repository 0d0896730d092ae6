package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.SymmetricMatrices;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The contract every cone solver passes: problems with known optima (closed forms, eigenvalues,
 * Lovasz theta), infeasibility and unboundedness verdicts, badly scaled data, seeded random SDPs
 * checked by duality, cancellation. Every OPTIMAL answer is also checked for primal feasibility
 * directly on the program's data (equalities, inequalities, LMI eigenvalues).
 */
abstract class ConeSolverContract {

    /** Runs the solver under test. */
    protected abstract ConeResult solve(ConeProgram p, ConeOptions o, BooleanSupplier cancelled);

    protected ConeResult solve(ConeProgram p) {
        return solve(p, ConeOptions.defaults(), () -> false);
    }

    /** Solves, asserts OPTIMAL and primal feasibility, and returns the result. */
    protected ConeResult solveOptimal(ConeProgram p) {
        ConeResult r = solve(p);
        assertEquals(ConeStatus.OPTIMAL, r.status(), () -> "status " + r);
        assertNotNull(r.x());
        assertPrimalFeasible(p, r.x(), 1e-8);
        assertEquals(r.primalObjective(), r.dualObjective(),
                1e-7 * Math.max(1, Math.abs(r.primalObjective())), "duality gap");
        return r;
    }

    // ---------------------------------------------------------------- active SINR rows (paper 004 SDRs)

    /**
     * Builds a program from the data files next to this class (as written by ConicData's debug dump,
     * the sinr_stall files after the solver's equilibration, the badly_scaled ones before it: c, linear
     * rows with rhs h, per PSD block h (row-major) and the
     * coefficient matrices F_v, the constraint being h_k + sum x_v F_v &gt;= 0).
     */
    static ConeProgram dumpedProgram(String resource) {
        try (java.io.InputStream in = ConeSolverContract.class.getResourceAsStream(resource)) {
            com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            int n = j.get("n").asInt();
            int l = j.get("l").asInt();
            ConeProgram p = new ConeProgram(n);
            for (int v = 0; v < n; v++) {
                p.setObjective(v, j.get("c").get(v).asDouble());
            }
            com.fasterxml.jackson.databind.JsonNode h = j.get("h");
            for (int i = 0; i < j.get("p").asInt(); i++) {
                double[] row = new double[n];
                for (int v = 0; v < n; v++) {
                    row[v] = j.get("A").get(i).get(v).asDouble();
                }
                p.addEquality(row, j.get("b").get(i).asDouble());
            }
            for (int i = 0; i < l; i++) {
                double[] row = new double[n];
                for (int v = 0; v < n; v++) {
                    row[v] = j.get("Gl").get(i).get(v).asDouble();
                }
                p.addLinearInequality(row, h.get(i).asDouble());
            }
            int offset = l;
            for (com.fasterxml.jackson.databind.JsonNode blk : j.get("blocks")) {
                int m = blk.get("m").asInt();
                PsdBlock b = p.addPsd(m);
                // the solver's path for it: the flag of the dump, or (dumps written before the flag) the structure
                b.hermitian = blk.has("hermitian") ? blk.get("hermitian").asBoolean() : embedsHermitian(j, blk, offset);
                for (int a = 0; a < m; a++) {
                    for (int c = a; c < m; c++) {
                        double v = h.get(offset + a * m + c).asDouble();
                        if (v != 0) {
                            b.addConstant(a, c, v);
                        }
                    }
                }
                for (int t = 0; t < blk.get("vars").size(); t++) {
                    int var = blk.get("vars").get(t).asInt();
                    com.fasterxml.jackson.databind.JsonNode f = blk.get("F").get(t);
                    for (int a = 0; a < m; a++) {
                        for (int c = a; c < m; c++) {
                            double v = f.get(a * m + c).asDouble();
                            if (v != 0) {
                                b.addCoefficient(var, a, c, v);
                            }
                        }
                    }
                }
                offset += m * m;
            }
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Whether a dumped block of even size 2n is, in F_0 and every F_v, exactly the real embedding [[Re, -Im], [Im, Re]]
     * of a Hermitian matrix (as {@link HermitianPsdBlock} writes it): then it came from {@link
     * ConeProgram#addHermitianPsd}, and the solver takes the complex path for it.
     */
    private static boolean embedsHermitian(com.fasterxml.jackson.databind.JsonNode j,
            com.fasterxml.jackson.databind.JsonNode blk, int offset) {
        int m = blk.get("m").asInt();
        if (m % 2 != 0) {
            return false;
        }
        java.util.List<double[]> mats = new java.util.ArrayList<>();
        double[] f0 = new double[m * m];
        for (int i = 0; i < m * m; i++) {
            f0[i] = j.get("h").get(offset + i).asDouble();
        }
        mats.add(f0);
        for (com.fasterxml.jackson.databind.JsonNode f : blk.get("F")) {
            double[] fv = new double[m * m];
            for (int i = 0; i < m * m; i++) {
                fv[i] = f.get(i).asDouble();
            }
            mats.add(fv);
        }
        int n = m / 2;
        for (double[] x : mats) {
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    if (x[a * m + c] != x[(a + n) * m + c + n] || x[(a + n) * m + c] != -x[a * m + c + n]
                            || (a == c && x[(a + n) * m + c] != 0)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Paper 004's reduced max-min illumination SDR (SDR2.1, d = 3: X, Y Hermitian 3 x 3 as 6 x 6 real
     * blocks, t) with an active SINR row g'Xg - (1 + 1/Gamma) g'Yg &lt;= -sigma^2/P, Gamma = 131071: the
     * multipliers of the SINR row and of X - Y &gt;= 0 grow like Gamma, and the normal equations of a
     * solver that eliminates those rows lose every other direction near the optimum (the dual
     * residual stalled at 0.1). Reference optimum from cvxopt on the same data.
     */
    @Test
    void activeSinrRowIlluminationSdrConverges() {
        ConeResult r = solveOptimal(dumpedProgram("sinr_stall_illumination_sdr21_d3.json"));
        assertEquals(-0.41189117247, r.primalObjective(), 1e-8);
    }

    /**
     * Paper 004's reduced CRB-min SDR (SDR1.3, d = 4: 34 variables, Schur LMIs, two Hermitian PSD
     * blocks, power and an active SINR row, Gamma = 4095); the dual residual stalled at 6e-7.
     * Reference: the golden sum CRB of golden/solver/p_solver_crb_2d_n8 in these units.
     */
    @Test
    void activeSinrRowCrbSdrConverges() {
        ConeResult r = solveOptimal(dumpedProgram("sinr_stall_crb_sdr13_d4.json"));
        assertEquals(0.5509534239, r.primalObjective(), 1e-8);
    }

    // ---------------------------------------------------------------- badly scaled programs (issue 16)

    /**
     * Solves with the given options, asserts OPTIMAL, primal feasibility on the program's data to
     * 10 times the feasibility tolerance (LMIs on the scale max(1, largest entry)), the objective against a cvxopt reference at its default
     * tolerances (reltol 1e-6: within 1e-6 relative) and against cvxopt with tight tolerances (within
     * 1e-8 relative; cvxopt's own status there is in the comment of each case). References:
     * src/bench/python/cone_contract_references.py on the same files.
     */
    private void assertOptimalNear(String resource, ConeOptions options, double cvxoptDefault, double cvxoptTight) {
        ConeProgram p = dumpedProgram(resource);
        ConeResult r = solve(p, options, () -> false);
        assertEquals(ConeStatus.OPTIMAL, r.status(), () -> resource + ": " + r);
        assertPrimalFeasible(p, r.x(), 10 * options.feasibilityTolerance(), false);
        assertEquals(cvxoptDefault, r.primalObjective(), 1e-6 * Math.abs(cvxoptDefault), resource + " vs cvxopt");
        assertEquals(cvxoptTight, r.primalObjective(), 1e-8 * Math.abs(cvxoptTight), resource + " vs tight cvxopt");
    }

    /**
     * The options of paper 004's SDR designs (SdrProgram): relative gap 1e-9, feasibility 1e-7 (cvxopt's
     * default feastol), acceptable gap 1e-8 (cvxopt's default reltol is 1e-6).
     */
    private static final ConeOptions SDR_OPTIONS = ConeOptions.defaults().withFeasibilityTolerance(1e-7)
            .withAcceptableGap(1e-8);

    /**
     * crb-min-sdr (SDR1.3, d = 5, 3-D) on 4 x 4 UPAs (bistatic), one target, one user at 18.5 bit/s/Hz
     * (SINR 3.7e5, 90 % of what MRT at full power gives): scenarios/upa4_sinr3.7e5.scenario.json, the
     * program as given to the solver. The dual residual is lost to rounding once the gap falls below 3e-9:
     * without an acceptable gap it ends ITERATION_LIMIT with the right objective; with the acceptable gap
     * 1e-8 it ends OPTIMAL with the iterate certified at that gap. cvxopt: optimal in 27 iterations at its
     * defaults; "unknown" with tight tolerances (objective 1.57626200636).
     */
    @Test
    void highSinrRequirementOnSmallUpasIsCertified() {
        assertOptimalNear("badly_scaled_crb_sdr_upa4_sinr3.7e5.json", SDR_OPTIONS, 1.57626192468, 1.57626200636);
        ConeResult strict = solve(dumpedProgram("badly_scaled_crb_sdr_upa4_sinr3.7e5.json"),
                ConeOptions.defaults().withFeasibilityTolerance(1e-7), () -> false);
        ConeResult accepted = solve(dumpedProgram("badly_scaled_crb_sdr_upa4_sinr3.7e5.json"), SDR_OPTIONS,
                () -> false);
        assertTrue(accepted.relativeGap() <= 1e-8 && accepted.primalResidual() <= 1e-7
                && accepted.dualResidual() <= 1e-7, () -> "certificate " + accepted);
        // the acceptable iterate is returned once polishing fails, long before the stall detection
        assertTrue(strict.status() == ConeStatus.OPTIMAL || accepted.iterations() < strict.iterations(),
                () -> strict + " / " + accepted);
    }

    /**
     * crb-min-sdr (d = 4, 2-D ULA of 8) with the user behind 100 dB of path loss (link gain 3.55e-3 on top
     * of the spherical loss) requiring SINR 1e5 with noise 4e-16 W: coefficients spanning 1e-16 .. 1e5.
     * cvxopt: optimal in 25 iterations; "unknown" with tight tolerances (objective 0.653880542084).
     */
    @Test
    void pathLossOf100DbWithSinr1e5IsCertified() {
        assertOptimalNear("badly_scaled_crb_sdr_pathloss100db_sinr1e5.json", SDR_OPTIONS, 0.653880433392,
                0.653880542084);
    }

    /**
     * Paper 001's Charnes-Cooper SDP (d = 5, with AN) of the paper-001 preset at the eavesdropper SINR
     * threshold gamma = 1e-10, in the scaled variables of design.secure.EveSubspaceScaling. cvxopt:
     * optimal in 15 iterations (-0.901068178364, gap 4e-7) and, tight, optimal in 29 (-0.901067798635).
     */
    @Test
    void eavesdropperThresholdOf1e10IsCertified() {
        assertOptimalNear("badly_scaled_secrecy_sdp_gamma1e-10.json",
                ConeOptions.defaults().withGapTolerance(1e-8).withFeasibilityTolerance(1e-8), -0.901068178364,
                -0.901067798635);
    }

    // ---------------------------------------------------------------- linear programs

    @Test
    void smallLpReachesItsVertex() {
        // min -x1 - 2 x2 s.t. x1 + x2 <= 4, x1 + 3 x2 <= 6, x >= 0: optimum -5 at (3, 1)
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, -1);
        p.setObjective(1, -2);
        p.addLinearInequality(new double[] {1, 1}, 4);
        p.addLinearInequality(new double[] {1, 3}, 6);
        p.addLinearInequality(new double[] {-1, 0}, 0);
        p.addLinearInequality(Map.of(1, -1.0), 0);
        ConeResult r = solveOptimal(p);
        assertEquals(-5, r.primalObjective(), 1e-8);
        assertEquals(3, r.x()[0], 1e-7);
        assertEquals(1, r.x()[1], 1e-7);
    }

    @Test
    void boxLpMatchesClosedForm() {
        // min c^T x s.t. l <= x <= u: optimum sum_i (c_i < 0 ? c_i u_i : c_i l_i)
        Random rnd = new Random(11);
        int n = 30;
        ConeProgram p = new ConeProgram(n);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double c = rnd.nextGaussian();
            double lo = -rnd.nextDouble();
            double hi = rnd.nextDouble() * 3;
            p.setObjective(i, c);
            p.addLinearInequality(Map.of(i, 1.0), hi);
            p.addLinearInequality(Map.of(i, -1.0), -lo);
            expected += c < 0 ? c * hi : c * lo;
        }
        ConeResult r = solveOptimal(p);
        assertEquals(expected, r.primalObjective(), 1e-8 * Math.abs(expected));
    }

    @Test
    void lpWithEqualitiesAndFreeVariables() {
        // min x1 + x2 + x3 s.t. x1 - x4 = 1, x2 + x4 = 2, x3 >= 0, x1 >= 0, x2 >= 0 (x4 free)
        // any x4 in [-2, ...]: x1 + x2 = 3 always; optimum 3 with x3 = 0
        ConeProgram p = new ConeProgram(4);
        p.setObjective(0, 1);
        p.setObjective(1, 1);
        p.setObjective(2, 1);
        p.addEquality(new double[] {1, 0, 0, -1}, 1);
        p.addEquality(Map.of(1, 1.0, 3, 1.0), 2);
        for (int v = 0; v < 3; v++) {
            p.addLinearInequality(Map.of(v, -1.0), 0);
        }
        ConeResult r = solveOptimal(p);
        assertEquals(3, r.primalObjective(), 1e-8);
        assertEquals(0, r.x()[2], 1e-7);
    }

    @Test
    void redundantEqualitiesAndUnusedVariablesAreTolerated() {
        // min x0 + 2 x1 s.t. x0 + x1 = 1 (stated twice, once scaled), x >= 0; x2 appears nowhere
        ConeProgram p = new ConeProgram(3);
        p.setObjective(0, 1);
        p.setObjective(1, 2);
        p.addEquality(new double[] {1, 1, 0}, 1);
        p.addEquality(new double[] {3, 3, 0}, 3);
        p.addLinearInequality(Map.of(0, -1.0), 0);
        p.addLinearInequality(Map.of(1, -1.0), 0);
        ConeResult r = solveOptimal(p);
        assertEquals(1, r.primalObjective(), 1e-8);
        assertEquals(1, r.x()[0], 1e-7);
    }

    // ---------------------------------------------------------------- eigenvalue SDPs

    @Test
    void maxEigenvalueOfSymmetricMatrix() {
        Random rnd = new Random(3);
        int m = 12;
        double[][] a = randomSymmetric(rnd, m);
        // min t s.t. t I - A >= 0
        ConeProgram p = new ConeProgram(1);
        p.setObjective(0, 1);
        PsdBlock block = p.addPsd(m);
        for (int i = 0; i < m; i++) {
            block.addCoefficient(0, i, i, 1);
            for (int j = i; j < m; j++) {
                block.addConstant(i, j, -a[i][j]);
            }
        }
        ConeResult r = solveOptimal(p);
        double[] eig = SymmetricMatrices.eigenvalues(a);
        assertEquals(eig[m - 1], r.primalObjective(), 1e-8 * Math.max(1, Math.abs(eig[m - 1])));
    }

    @Test
    void minTraceOverDensityMatricesIsSmallestEigenvalueReal() {
        Random rnd = new Random(5);
        int n = 6;
        double[][] cRe = randomSymmetric(rnd, n);
        double[][] cIm = new double[n][n];
        assertSmallestEigenvalue(cRe, cIm);
    }

    @Test
    void minTraceOverDensityMatricesIsSmallestEigenvalueComplex() {
        Random rnd = new Random(7);
        int n = 5;
        double[][][] c = randomHermitian(rnd, n);
        assertSmallestEigenvalue(c[0], c[1]);
    }

    private void assertSmallestEigenvalue(double[][] cRe, double[][] cIm) {
        int n = cRe.length;
        HermitianVariable x = new HermitianVariable(0, n);
        ConeProgram p = new ConeProgram(x.count());
        Map<Integer, Double> objective = new HashMap<>();
        x.addTraceProduct(objective, cRe, cIm, 1.0);
        objective.forEach(p::setObjective);
        Map<Integer, Double> trace = new HashMap<>();
        x.addTraceProduct(trace, identity(n), new double[n][n], 1.0);
        p.addEquality(trace, 1);
        x.requirePsd(p);
        ConeResult r = solveOptimal(p);
        double lambdaMin = SymmetricMatrices.hermitianEigenvalues(cRe, cIm)[0];
        assertEquals(lambdaMin, r.primalObjective(), 1e-8 * Math.max(1, Math.abs(lambdaMin)));
        double[][][] w = x.value(r.x());
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += w[0][i][i];
        }
        assertEquals(1, tr, 1e-8);
        assertTrue(SymmetricMatrices.hermitianEigenvalues(w[0], w[1])[0] > -1e-8);
    }

    // ---------------------------------------------------------------- Schur complement

    @Test
    void schurComplementGivesQuadraticForm() {
        // [[X, b], [b^T, t]] >= 0 with X fixed PD: min t = b^T X^-1 b
        Random rnd = new Random(13);
        int m = 6;
        double[][] xm = randomPd(rnd, m, 0.5);
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = rnd.nextGaussian();
        }
        ConeProgram p = new ConeProgram(1);
        p.setObjective(0, 1);
        PsdBlock block = p.addPsd(m + 1);
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                block.addConstant(i, j, xm[i][j]);
            }
            block.addConstant(i, m, b[i]);
        }
        block.addCoefficient(0, m, m, 1);
        ConeResult r = solveOptimal(p);
        double[] sol = solveSpd(xm, b);
        double expected = 0;
        for (int i = 0; i < m; i++) {
            expected += b[i] * sol[i];
        }
        assertEquals(expected, r.primalObjective(), 1e-8 * Math.max(1, expected));
    }

    @Test
    void schurComplementWithDiagonalVariableAndEquality() {
        // min t s.t. [[diag(d), b], [b^T, t]] >= 0, sum d = 1: optimum (sum |b_i|)^2, d_i ~ |b_i|
        double[] b = {1, -2, 0.5, 3};
        int m = b.length;
        ConeProgram p = new ConeProgram(m + 1);
        p.setObjective(m, 1);
        PsdBlock block = p.addPsd(m + 1);
        double[] ones = new double[m + 1];
        double l1 = 0;
        for (int i = 0; i < m; i++) {
            block.addCoefficient(i, i, i, 1);
            block.addConstant(i, m, b[i]);
            ones[i] = 1;
            l1 += Math.abs(b[i]);
        }
        block.addCoefficient(m, m, m, 1);
        p.addEquality(ones, 1);
        ConeResult r = solveOptimal(p);
        assertEquals(l1 * l1, r.primalObjective(), 1e-8 * l1 * l1);
        // the objective is flat to second order around the minimiser: the argument is known to
        // about the square root of the gap tolerance only
        for (int i = 0; i < m; i++) {
            assertEquals(Math.abs(b[i]) / l1, r.x()[i], 1e-4);
        }
    }

    // ---------------------------------------------------------------- Lovasz theta

    @Test
    void lovaszThetaOfFiveCycleIsRootFive() {
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}};
        assertEquals(Math.sqrt(5), theta(5, edges), 1e-8);
    }

    @Test
    void lovaszThetaOfPetersenGraphIsFour() {
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {0, 5}, {1, 6}, {2, 7}, {3, 8}, {4, 9},
            {5, 7}, {7, 9}, {9, 6}, {6, 8}, {8, 5}};
        assertEquals(4, theta(10, edges), 1e-8);
    }

    /** theta(G) = max sum_ij X_ij s.t. tr X = 1, X_ij = 0 on edges, X >= 0 (real symmetric X). */
    private double theta(int n, int[][] edges) {
        int[][] index = new int[n][n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                index[i][j] = count;
                index[j][i] = count++;
            }
        }
        ConeProgram p = new ConeProgram(count);
        PsdBlock x = p.addPsd(n);
        double[] trace = new double[count];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                p.setObjective(index[i][j], i == j ? -1 : -2);
                x.addCoefficient(index[i][j], i, j, 1);
            }
            trace[index[i][i]] = 1;
        }
        p.addEquality(trace, 1);
        for (int[] e : edges) {
            p.addEquality(Map.of(index[e[0]][e[1]], 1.0), 0);
        }
        return -solveOptimal(p).primalObjective();
    }

    // ---------------------------------------------------------------- infeasible, unbounded

    @Test
    void contradictoryLpIsInfeasible() {
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, 1);
        p.addLinearInequality(new double[] {-1, 0}, -1); // x1 >= 1
        p.addLinearInequality(new double[] {1, 1}, 0); // x1 + x2 <= 0
        p.addLinearInequality(new double[] {0, -1}, 0); // x2 >= 0
        ConeResult r = solve(p);
        assertEquals(ConeStatus.INFEASIBLE, r.status(), () -> r.toString());
        assertNull(r.x());
    }

    @Test
    void psdMatrixWithNegativeTraceIsInfeasible() {
        HermitianVariable x = new HermitianVariable(0, 3);
        ConeProgram p = new ConeProgram(x.count());
        x.requirePsd(p);
        Map<Integer, Double> trace = new HashMap<>();
        x.addTraceProduct(trace, identity(3), null, 1.0);
        p.addEquality(trace, -1);
        p.setObjective(0, 1);
        ConeResult r = solve(p);
        assertEquals(ConeStatus.INFEASIBLE, r.status(), () -> r.toString());
    }

    @Test
    void unboundedEigenvalueProblemIsUnbounded() {
        // max t s.t. t I - A >= 0 is unbounded
        Random rnd = new Random(17);
        int m = 4;
        double[][] a = randomSymmetric(rnd, m);
        ConeProgram p = new ConeProgram(1);
        p.setObjective(0, -1);
        PsdBlock block = p.addPsd(m);
        for (int i = 0; i < m; i++) {
            block.addCoefficient(0, i, i, 1);
            for (int j = i; j < m; j++) {
                block.addConstant(i, j, -a[i][j]);
            }
        }
        ConeResult r = solve(p);
        assertEquals(ConeStatus.UNBOUNDED, r.status(), () -> r.toString());
        assertNull(r.x());
    }

    @Test
    void unboundedLpIsUnbounded() {
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, -1);
        p.setObjective(1, 1);
        p.addLinearInequality(new double[] {1, -1}, 1); // x1 - x2 <= 1, both can grow
        p.addLinearInequality(new double[] {0, -1}, 0);
        p.addLinearInequality(new double[] {-1, 0}, 0);
        p.setObjective(1, 0.5);
        ConeResult r = solve(p);
        assertEquals(ConeStatus.UNBOUNDED, r.status(), () -> r.toString());
    }

    // ---------------------------------------------------------------- scaling

    @Test
    void badlyScaledDataIsStillSolved() {
        // the small LP with rows scaled by 1e8 and 1e-8 and a variable measured in 1e-6 units
        ConeProgram p = new ConeProgram(2);
        double u = 1e-6; // x2 = u * x2'
        p.setObjective(0, -1e4);
        p.setObjective(1, -2e4 / u);
        p.addLinearInequality(new double[] {1e8, 1e8 / u}, 4e8);
        p.addLinearInequality(new double[] {1e-8, 3e-8 / u}, 6e-8);
        p.addLinearInequality(new double[] {-1e-3, 0}, 0);
        p.addLinearInequality(new double[] {0, -1e5}, 0);
        ConeResult r = solve(p);
        assertEquals(ConeStatus.OPTIMAL, r.status(), () -> r.toString());
        assertEquals(-5e4, r.primalObjective(), 1e-7 * 5e4);
        assertEquals(3, r.x()[0], 1e-7 * 3);
        assertEquals(u, r.x()[1], 1e-7 * u);
    }

    @Test
    void badlyScaledSdpIsStillSolved() {
        // max eigenvalue with the LMI scaled by 1e8, one block row/column by 1e-4 (congruence)
        Random rnd = new Random(19);
        int m = 6;
        double[][] a = randomSymmetric(rnd, m);
        double[] dScale = {1, 1e-4, 1, 1e4, 1, 1};
        double big = 1e8;
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, 1e-6); // t in micro-units: t = 1e-6 t'
        PsdBlock block = p.addPsd(m);
        for (int i = 0; i < m; i++) {
            block.addCoefficient(0, i, i, 1e-6 * big * dScale[i] * dScale[i]);
            for (int j = i; j < m; j++) {
                block.addConstant(i, j, -a[i][j] * big * dScale[i] * dScale[j]);
            }
        }
        // a second, harmless variable pinned by an equality with a tiny row
        p.addEquality(Map.of(1, 1e-9), 2e-9);
        p.addLinearInequality(Map.of(1, 1e7), 1e9);
        ConeResult r = solve(p);
        assertEquals(ConeStatus.OPTIMAL, r.status(), () -> r.toString());
        double lambdaMax = SymmetricMatrices.eigenvalues(a)[m - 1];
        assertEquals(lambdaMax, r.primalObjective(), 1e-7 * Math.max(1, Math.abs(lambdaMax)));
        assertEquals(2, r.x()[1], 1e-7 * 2);
    }

    // ---------------------------------------------------------------- random SDPs

    /**
     * Seeded random SDPs (planted strictly feasible primal and dual points, so the optimum exists):
     * each answer is checked as an optimality certificate on the program's own data. x must be
     * primal feasible; a dual point (Z, z) is obtained by solving the dual program written out
     * here (min tr(F0 Z) + h^T z s.t. tr(F_v Z) - g_v^T z = c_v, Z &gt;= 0, z &gt;= 0) and checked for
     * dual feasibility on the data; the duality gap c^T x + tr(F0 Z) + h^T z = tr(F(x) Z) +
     * z^T (h - G x), computed from the two points, must vanish, which proves both optimal. The
     * solver's own reported dual objective must equal the dual point's.
     */
    @Test
    void randomFeasibleSdpsCarryAnOptimalityCertificate() {
        Random rnd = new Random(23);
        for (int trial = 0; trial < 6; trial++) {
            int n = 4 + rnd.nextInt(12);
            int m = 3 + rnd.nextInt(8);
            RandomSdp sdp = RandomSdp.create(rnd, n, new int[] {m, 2 + rnd.nextInt(4)}, 3);
            ConeResult r = solveOptimal(sdp.program());
            assertCertificate(sdp.program(), r);
            assertTrue(r.relativeGap() <= 1e-9, () -> "gap " + r.relativeGap());
        }
    }

    @Test
    void largerRandomSdpIsSolved() {
        Random rnd = new Random(29);
        RandomSdp sdp = RandomSdp.create(rnd, 120, new int[] {30, 20, 10}, 40);
        ConeResult r = solveOptimal(sdp.program());
        assertCertificate(sdp.program(), r);
    }

    /**
     * Checks (x, Z, z) as an optimality certificate of a program without equalities (see
     * {@link #randomFeasibleSdpsCarryAnOptimalityCertificate}): dual equality residuals within
     * 1e-7 of the scale of their terms, Z's smallest eigenvalue &gt;= -1e-8 max(1, its largest),
     * z &gt;= -1e-9, and the gap from both points within 1e-7 max(1, |c^T x|).
     */
    private void assertCertificate(ConeProgram p, ConeResult r) {
        assertTrue(p.equalities().isEmpty(), "the certificate check handles inequality-form programs");
        int n = p.variables();
        java.util.List<PsdBlock> blocks = p.blocks();
        java.util.List<ConeProgram.SparseRow> rows = p.inequalities();
        // dual variables: the upper triangle of every Z block, then one z per linear row
        int[] offset = new int[blocks.size()];
        int count = 0;
        for (int b = 0; b < blocks.size(); b++) {
            offset[b] = count;
            count += blocks.get(b).size() * (blocks.get(b).size() + 1) / 2;
        }
        int zStart = count;
        count += rows.size();
        ConeProgram dual = new ConeProgram(count);
        double[][] eq = new double[n][count];
        for (int b = 0; b < blocks.size(); b++) {
            PsdBlock block = blocks.get(b);
            int m = block.size();
            double[] f0 = block.denseConstant();
            PsdBlock zb = dual.addPsd(m);
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    int var = offset[b] + triangle(m, i, j);
                    zb.addCoefficient(var, i, j, 1);
                    dual.setObjective(var, (i == j ? 1 : 2) * f0[i * m + j]);
                }
            }
            for (Map.Entry<Integer, Map<Long, Double>> e : block.coefficients().entrySet()) {
                for (Map.Entry<Long, Double> entry : e.getValue().entrySet()) {
                    int i = (int) (entry.getKey() / m);
                    int j = (int) (entry.getKey() % m);
                    eq[e.getKey()][offset[b] + triangle(m, Math.min(i, j), Math.max(i, j))] += (i == j ? 1 : 2)
                            * entry.getValue();
                }
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            ConeProgram.SparseRow row = rows.get(k);
            for (int t = 0; t < row.index().length; t++) {
                eq[row.index()[t]][zStart + k] -= row.value()[t];
            }
            dual.setObjective(zStart + k, row.rhs());
            dual.addLinearInequality(Map.of(zStart + k, -1.0), 0);
        }
        double[] c = p.objective().clone();
        for (int v = 0; v < n; v++) {
            dual.addEquality(eq[v], c[v]);
        }
        ConeResult d = solve(dual);
        assertEquals(ConeStatus.OPTIMAL, d.status(), () -> "the dual program: " + d);
        double[] y = d.x();
        // dual feasibility on the data
        for (int v = 0; v < n; v++) {
            double lhs = 0;
            double scale = Math.abs(c[v]);
            for (int k = 0; k < count; k++) {
                lhs += eq[v][k] * y[k];
                scale = Math.max(scale, Math.abs(eq[v][k] * y[k]));
            }
            assertEquals(c[v], lhs, 1e-7 * Math.max(1, scale), "dual equality of variable " + v);
        }
        double dualObjective = 0;
        for (int b = 0; b < blocks.size(); b++) {
            int m = blocks.get(b).size();
            double[] f0 = blocks.get(b).denseConstant();
            double[][] z = new double[m][m];
            double largest = 1;
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    z[i][j] = y[offset[b] + triangle(m, i, j)];
                    z[j][i] = z[i][j];
                    largest = Math.max(largest, Math.abs(z[i][j]));
                    dualObjective -= (i == j ? 1 : 2) * f0[i * m + j] * z[i][j];
                }
            }
            double min = SymmetricMatrices.eigenvalues(z)[0];
            assertTrue(min >= -1e-8 * largest, "Z of block " + b + " has eigenvalue " + min);
        }
        for (int k = 0; k < rows.size(); k++) {
            assertTrue(y[zStart + k] >= -1e-9, "z_" + k + " = " + y[zStart + k]);
            dualObjective -= rows.get(k).rhs() * y[zStart + k];
        }
        double primalObjective = 0;
        for (int v = 0; v < n; v++) {
            primalObjective += c[v] * r.x()[v];
        }
        assertEquals(r.primalObjective(), primalObjective, 1e-9 * Math.max(1, Math.abs(primalObjective)));
        double gap = primalObjective - dualObjective;
        double tol = 1e-7 * Math.max(1, Math.abs(primalObjective));
        assertTrue(gap >= -tol && gap <= tol, "duality gap from x and (Z, z): " + gap + " (primal "
                + primalObjective + ", dual " + dualObjective + ")");
        assertEquals(dualObjective, r.dualObjective(), tol, "the solver's reported dual objective");
    }

    /** @return the index of (i, j), i &lt;= j, in the row-major upper triangle of an m x m matrix */
    private static int triangle(int m, int i, int j) {
        return i * m - i * (i - 1) / 2 + (j - i);
    }

    // ---------------------------------------------------------------- cancellation, limits

    @Test
    void cancellationIsHonoured() {
        Random rnd = new Random(31);
        RandomSdp sdp = RandomSdp.create(rnd, 20, new int[] {8}, 4);
        AtomicInteger polls = new AtomicInteger();
        ConeResult r = solve(sdp.program(), ConeOptions.defaults(), () -> polls.incrementAndGet() > 2);
        assertEquals(ConeStatus.CANCELLED, r.status());
        assertNull(r.x());
        assertTrue(polls.get() >= 3);
    }

    @Test
    void iterationLimitIsReported() {
        Random rnd = new Random(37);
        RandomSdp sdp = RandomSdp.create(rnd, 20, new int[] {8}, 4);
        ConeResult r = solve(sdp.program(), ConeOptions.defaults().withMaxIterations(2), () -> false);
        assertEquals(ConeStatus.ITERATION_LIMIT, r.status());
        assertNotNull(r.x());
        assertEquals(2, r.iterations());
    }

    // ---------------------------------------------------------------- helpers

    /** Checks A x = b, G x <= h and every LMI's smallest eigenvalue on the program's own data. */
    static void assertPrimalFeasible(ConeProgram p, double[] x, double tol) {
        assertPrimalFeasible(p, x, tol, true);
    }

    /**
     * Like {@link #assertPrimalFeasible(ConeProgram, double[], double)}; without congruenceScaled an
     * LMI's smallest eigenvalue is compared with tol times max(1, its largest entry magnitude) instead
     * of after the diagonal congruence (which turns a rounding-level negative entry of a block that is
     * zero at the optimum, e.g. an unused covariance, into -1).
     */
    static void assertPrimalFeasible(ConeProgram p, double[] x, double tol, boolean congruenceScaled) {
        for (ConeProgram.SparseRow row : p.equalities()) {
            double lhs = 0;
            double scale = Math.abs(row.rhs());
            for (int k = 0; k < row.index().length; k++) {
                lhs += row.value()[k] * x[row.index()[k]];
                scale = Math.max(scale, Math.abs(row.value()[k]) * Math.max(1, Math.abs(x[row.index()[k]])));
            }
            assertEquals(row.rhs(), lhs, tol * scale, "equality");
        }
        for (ConeProgram.SparseRow row : p.inequalities()) {
            double lhs = 0;
            double scale = Math.abs(row.rhs());
            for (int k = 0; k < row.index().length; k++) {
                lhs += row.value()[k] * x[row.index()[k]];
                scale = Math.max(scale, Math.abs(row.value()[k]) * Math.max(1, Math.abs(x[row.index()[k]])));
            }
            assertTrue(lhs <= row.rhs() + tol * scale, "inequality " + lhs + " <= " + row.rhs());
        }
        for (PsdBlock block : p.blocks()) {
            int m = block.size();
            double[] f0 = block.denseConstant();
            double[][] f = new double[m][m];
            double[][] magnitude = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    f[i][j] = f0[i * m + j];
                    magnitude[i][j] = Math.abs(f0[i * m + j]);
                }
            }
            for (Map.Entry<Integer, Map<Long, Double>> e : block.coefficients().entrySet()) {
                double xv = x[e.getKey()];
                for (Map.Entry<Long, Double> entry : e.getValue().entrySet()) {
                    int i = (int) (entry.getKey() / m);
                    int j = (int) (entry.getKey() % m);
                    f[i][j] += xv * entry.getValue();
                    magnitude[i][j] += Math.abs(xv * entry.getValue());
                    if (i != j) {
                        f[j][i] += xv * entry.getValue();
                        magnitude[j][i] += Math.abs(xv * entry.getValue());
                    }
                }
            }
            // compare with the scale of the diagonal (congruence-invariant): D^-1/2 F D^-1/2
            double[] dScale = new double[m];
            double blockMax = 1;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    blockMax = Math.max(blockMax, magnitude[i][j]);
                }
            }
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s = Math.max(s, magnitude[i][j]);
                }
                dScale[i] = !congruenceScaled ? 1 / Math.sqrt(blockMax) : s > 0 ? 1 / Math.sqrt(s) : 1;
            }
            double[][] g = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    g[i][j] = f[i][j] * dScale[i] * dScale[j];
                }
            }
            double min = SymmetricMatrices.eigenvalues(g)[0];
            assertTrue(min >= -tol, "LMI smallest (scaled) eigenvalue " + min);
        }
    }

    static double[][] identity(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        return a;
    }

    static double[][] randomSymmetric(Random rnd, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = rnd.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    static double[][][] randomHermitian(Random rnd, int n) {
        double[][] re = randomSymmetric(rnd, n);
        double[][] im = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                im[i][j] = rnd.nextGaussian();
                im[j][i] = -im[i][j];
            }
        }
        return new double[][][] {re, im};
    }

    /** B B^T / n + shift I. */
    static double[][] randomPd(Random rnd, int n, double shift) {
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = rnd.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += b[i][k] * b[j][k];
                }
                a[i][j] = s / n + (i == j ? shift : 0);
            }
        }
        return a;
    }

    /** Solves a symmetric positive definite system by Cholesky. */
    static double[] solveSpd(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * t[k];
            }
            t[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = t[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
