package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Paper 004's reduced CRB-min SDR of golden/solver/p_solver_crb_2d_n8 (SDR1.3, d = 4: 34 variables, two
 * 5 x 5 Schur LMIs, two Hermitian 4 x 4 PSD blocks as 8 x 8 real ones, power and an active SINR row,
 * Gamma = 4095) exactly as the design gives it to the solver (dumped with {@code -Dfresnel.optim.dump} from
 * {@code design.sdr.SolverStallReproducerTest.goldenCrbCaseConvergesWithDefaultOptions}, before the
 * solver's equilibration; {@code sinr_stall_crb_sdr13_d4.json} holds the same program after it, whose
 * iterates differ). On these iterates the end game needs the fallback ladder of {@link KktSolver#solve}: at
 * iteration 15 a KKT solve ends at a relative residual of 4.0e-8 (SLOWED) with the level-0 factorisation and
 * 5.0e-8 (LIMIT) with level 1, above {@link KktSolver#FALLBACK_RESIDUAL}, and is solved with level 2; with that
 * fallback switched off by hand the run ends ITERATION_LIMIT after 40 iterations (gap 3e-17, residuals
 * 2.7e-7 / 4.0e-7). Then the two directions of iteration 15 violate the whole linearised system by 4.6 % and
 * 14 % of its right-hand side (no level left) and are refined on it by {@link NewtonSystem} (3.9e-6 -> 1.9e-11
 * and 1.2e-5 -> 3.3e-11 in three steps each). Measured with {@code -Dfresnel.optim.trace=true} (2026-12-03).
 * So this one program carries end-game machinery that the smaller programs of the optim tests do not reach.
 * It was also fragile: with the other, mathematically equivalent, formula for the scaled coefficients in
 * {@link ScaledConstraints} the run ended ITERATION_LIMIT (docs/mutation/optim-whole.md, Finding 3); since the
 * feasibility steps of {@link InteriorPoint} it ends OPTIMAL with either formula (second test, docs/cone-solver.md,
 * "Feasibility steps once the gap is met").
 *
 * <p>Reference: cvxopt 1.3.0 on the same file (src/bench/python/cone_contract_references.py's loader): at its
 * default tolerances optimal after 17 iterations, primal objective 0.500185341994 (gap 4.1e-7); with feastol
 * 1e-9, reltol 1e-9, abstol 1e-11 optimal after 21 iterations, primal 0.5001854487589, dual 0.5001854487392.
 */
class CrbStallAsGivenTest {
    private static final double CVXOPT_DEFAULT = 0.500185341994;
    private static final double CVXOPT_TIGHT = 0.5001854487589;

    @Test
    void goldenCrbProgramAsGivenConvergesThroughTheFallbacks() {
        ConeProgram p = ConeSolverContract.dumpedProgram("sinr_stall_crb_sdr13_d4_as_given.json");
        assertCertifiedOptimum(p, ConeSolver.solve(p, ConeOptions.defaults(), null));
    }

    /**
     * The same program with the sparse formula of {@link ScaledConstraints} for every variable (the test seam
     * {@link ConicData#sparseFormulaForEveryVariable}, one solve's flag: the same scaled coefficients up to rounding). Before
     * the feasibility steps of {@link InteriorPoint} this run reached gap 1.9e-10 and residuals 2.4e-11 / 2.0e-9 at
     * iteration 16 and then ended ITERATION_LIMIT after 41 iterations (gap 3.6e-18, residuals 4.5e-7 / 2.8e-7)
     * (docs/mutation/optim-whole.md, Finding 3; docs/cone-solver.md).
     */
    @Test
    void theOtherFormulaForTheScaledCoefficientsConvergesToo() {
        ConeProgram p = ConeSolverContract.dumpedProgram("sinr_stall_crb_sdr13_d4_as_given.json");
        assertCertifiedOptimum(p, ConeSolver.solve(p, ConeOptions.defaults(), null, true));
    }

    private static void assertCertifiedOptimum(ConeProgram p, ConeResult r) {
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        ConeSolverContract.assertPrimalFeasible(p, r.x(), 1e-8);
        assertEquals(CVXOPT_DEFAULT, r.primalObjective(), 1e-6 * CVXOPT_DEFAULT, "vs cvxopt at its defaults");
        assertEquals(CVXOPT_TIGHT, r.primalObjective(), 1e-8 * CVXOPT_TIGHT, "vs cvxopt with tight tolerances");
        assertEquals(r.primalObjective(), r.dualObjective(), 1e-8 * r.primalObjective(), "duality gap");
        // the certificate at the default tolerances (relative gap and residuals 1e-9 on the equilibrated data)
        assertTrue(r.relativeGap() <= 1e-9 && r.primalResidual() <= 1e-9 && r.dualResidual() <= 1e-9, r::toString);
        // cvxopt takes 21 iterations to the tight tolerances; this solver took 16 with and 40+ (the iteration
        // limit) without the fallbacks
        assertTrue(r.iterations() <= 25, r::toString);
    }
}
