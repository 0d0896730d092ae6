package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The check of a returned point against the program as given ({@link OriginalResiduals}, {@link ConeSolver#checked}). */
class OriginalResidualsTest {

    /** x0 &lt;= 1, x1 = 0 and [[1, x2], [x2, 1]] &gt;= 0. */
    private static ConeProgram program() {
        ConeProgram p = new ConeProgram(3);
        p.addLinearInequality(new double[] {1, 0, 0}, 1);
        p.addEquality(new double[] {0, 1, 0}, 0);
        PsdBlock b = p.addPsd(2);
        b.addConstant(0, 0, 1);
        b.addConstant(1, 1, 1);
        b.addCoefficient(2, 0, 1, 1);
        return p;
    }

    @Test
    void aFeasiblePointHasNoBackwardError() {
        assertEquals(0, OriginalResiduals.primal(program(), new double[] {1, 0, 0.999}));
    }

    @Test
    void eachConstraintIsMeasuredOverTheSizeOfItsTerms() {
        // x0 = 3: violation 2 over |1| + |3|
        assertEquals(0.5, OriginalResiduals.primal(program(), new double[] {3, 0, 0}), 1e-15);
        // x1 = 0.25: |0.25| over max(1, 0.25)
        assertEquals(0.25, OriginalResiduals.primal(program(), new double[] {0, 0.25, 0}), 1e-15);
        // x2 = 2: lambda_min [[1, 2], [2, 1]] = -1 over ||I||_F + 2 ||[[0, 1], [1, 0]]||_F = 3 sqrt 2
        assertEquals(1 / (3 * Math.sqrt(2)), OriginalResiduals.primal(program(), new double[] {0, 0, 2}), 1e-14);
    }

    @Test
    void aBlocksViolationIsItsSmallestEigenvalueOverTheFrobeniusSizeOfItsTerms() {
        // [[1, 10 x], [10 x, 1]] at x = 1: lambda_min = -9 over ||I||_F + |x| ||F||_F = sqrt 2 + sqrt 200
        ConeProgram p = new ConeProgram(1);
        PsdBlock b = p.addPsd(2);
        b.addConstant(0, 0, 1);
        b.addConstant(1, 1, 1);
        b.addCoefficient(0, 0, 1, 10);
        assertEquals(9 / (Math.sqrt(2) + Math.sqrt(200)), OriginalResiduals.primal(p, new double[] {1}), 1e-14);
        assertEquals(0, OriginalResiduals.primal(p, new double[] {0.1}));
        // I + x (J - I) on 3 x 3 (eigenvalues 1 + 2x, 1 - x, 1 - x): PSD at x = 1, -0.5 at x = 1.5 over
        // sqrt 3 + 1.5 sqrt 6
        ConeProgram q = new ConeProgram(1);
        PsdBlock c = q.addPsd(3);
        for (int i = 0; i < 3; i++) {
            c.addConstant(i, i, 1);
            for (int j = i + 1; j < 3; j++) {
                c.addCoefficient(0, i, j, 1);
            }
        }
        assertEquals(0, OriginalResiduals.primal(q, new double[] {1}));
        assertEquals(0.5 / (Math.sqrt(3) + 1.5 * Math.sqrt(6)), OriginalResiduals.primal(q, new double[] {1.5}), 1e-14);
    }

    @Test
    void tinyTermsAreMeasuredAgainstOneNotAgainstThemselves() {
        // x1 = 1e-17 against x1 = 0: relative to its own term it is all violation; against the floor 1 it is rounding
        assertEquals(1e-17, OriginalResiduals.primal(program(), new double[] {0, 1e-17, 0}), 1e-30);
    }

    @Test
    void anOptimalResultWhosePointViolatesTheProgramIsNotCertified() {
        ConeProgram p = program();
        ConeResult claimed = new ConeResult(ConeStatus.OPTIMAL, new double[] {0, 0, 2}, 0, 0, 5, 1e-10, 1e-11, 1e-11);
        ConeResult r = ConeSolver.checked(p, claimed);
        assertEquals(ConeStatus.ITERATION_LIMIT, r.status());
        assertEquals(1 / (3 * Math.sqrt(2)), r.primalResidual(), 1e-14);
        assertEquals(5, r.iterations());
        ConeResult fine = new ConeResult(ConeStatus.OPTIMAL, new double[] {1, 0, 0.5}, 0, 0, 5, 1e-10, 1e-11, 1e-11);
        assertSame(fine, ConeSolver.checked(p, fine));
    }

    @Test
    void theSumRateStepThatWasCalledOptimalFarOutsideItsPowerBudgetIsNot() {
        // A step of paper 003's Algorithm 2 (SumRateProgram, scene seed 2 of SpebScenes, communication only, two
        // users nearly parallel in a 2-dimensional span(F_A)), dumped with -Dfresnel.optim.dump: objective
        // coefficients from 1e-25 to 3.5e12. On the equilibrated data the run met gap 9.5e-10 and residuals
        // 1.4e-10 / 8.3e-11 and ended OPTIMAL, but its point has sum ||x_k||^2 = 1.85e5 against the power block
        // [[I, x], [x^H, 1]] >= 0 (objective 7.0e6, dual objective -1.1e7). Its backward error on the program as
        // given is 0.26: not a certificate
        ConeProgram p = ConeSolverContract.dumpedProgram("ill_scaled_sumrate_sca_step.json");
        ConeResult r = ConeSolver.solve(p, ConeOptions.defaults().withFeasibilityTolerance(1e-8), null);
        double error = OriginalResiduals.primal(p, r.x());
        assertTrue(error > 0.1, "backward error " + error);
        assertEquals(ConeStatus.ITERATION_LIMIT, r.status());
        assertTrue(r.primalResidual() >= error, r.toString());
    }
}
