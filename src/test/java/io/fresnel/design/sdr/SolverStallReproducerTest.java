package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fresnel.GoldenFiles;
import java.io.IOException;

import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.SdrModel;
import io.fresnel.model.Scenario;
import io.fresnel.optim.ConeOptions;
import io.fresnel.physics.ScenarioPhysics;
import org.junit.jupiter.api.Test;

/**
 * Regression tests (formerly reproducers) for a stall of the cone solver: with an active SINR row
 * the normal-equation solve lost all accuracy near the optimum (see {@link io.fresnel.optim.ConeSolver}
 * and KktSolver's border rows); both now converge with the default options. Before the fix:
 * a small program on which the cone solver of branch optim stalled with its default options:
 * golden/solver/p_solver_crb_2d_n8 as (SDR1.3), d = 4 (34 variables: X and Y_1 Hermitian 4 x 4, two
 * t_k; one 5 x 5 real Schur LMI per coordinate, two 4 x 4 Hermitian PSD blocks, power and one active
 * SINR row). With ConeOptions.defaults() it ends ITERATION_LIMIT after 100 (or 300) iterations with gap
 * ~1e-17, primal residual ~2e-8 and dual residual stuck at ~6e-7, although its x is the optimum
 * (sum CRB 2.72902097e-3, the reference value to 3e-10); with the SINR requirement inactive
 * (Gamma = 0 or 100) it converges in 10-12 iterations. Now OPTIMAL in 16 iterations.
 */
class SolverStallReproducerTest {

    /**
     * Tolerance on the SDP optimum against the cvxopt reference of golden/solver: cvxopt's default
     * relative gap (reltol 1e-6) bounds the reference's own error; both solvers certify their
     * optimum to that gap or better, so a relative 1e-6 separates a wrong optimum from rounding
     * (the observed agreement is 3e-10 and 2e-7).
     */
    private static final double REFERENCE_RTOL = 1e-6;

    /** @return objective.value of golden/solver/ID.expected.json (SI) */
    static double referenceObjective(String id) throws IOException {
        JsonNode e = new ObjectMapper().readTree(GoldenFiles.goldenDir().resolve("solver/" + id + ".expected.json")
                .toFile());
        assertEquals("optimal", e.get("status").asText());
        return e.get("objective").get("value").asDouble();
    }

    /** @return the scenario's own requirement 2^min_rate - 1 of its only user */
    private static double requirement(Scenario sc) {
        assertEquals(1, sc.users().size());
        return Math.pow(2, sc.users().get(0).minRateBpsHz()) - 1;
    }

    @Test
    void goldenCrbCaseConvergesWithDefaultOptions() throws IOException {
        Scenario sc = SdrTestSupport.golden("solver/p_solver_crb_2d_n8");
        assertEquals(4095, requirement(sc), 1e-9);
        CrbMinProgram p = new CrbMinProgram(SdrModel.of(new ScenarioPhysics(sc), SdrModel.Span.CRB),
                sc.transmitPowerW(), new double[] {requirement(sc)});
        p.options = ConeOptions.defaults();
        SdrSolution s = p.solve(() -> false);
        assertEquals(DesignStatus.OPTIMAL, s.status(), s.note());
        double ref = referenceObjective("p_solver_crb_2d_n8");
        assertEquals(ref, s.objective(), REFERENCE_RTOL * ref, "sum CRB (m^2) vs the cvxopt reference");
    }

    /**
     * golden/solver/p_solver_illum_2d_n12 as the reduced (SDR2.1), d = 3 (19 variables), active SINR row:
     * ITERATION_LIMIT after 100 iterations, gap 2e-13, primal residual 1e-10, dual residual 0.12 (also with
     * feasibility 1e-7); x is nevertheless the optimum (0.49426941 W vs the reference 0.49426932). The same
     * program unreduced (Span.FULL, d = 12, 289 variables) stops at a primal objective of 0.164 W (gap 4e-4,
     * dual residual 0.66), far from the optimum. Scaling the SINR row by 1/rho or 1/sqrt(rho) does not help.
     * Without the SINR requirement (or with Gamma = 1000) both converge in 7-9 iterations. Now both
     * OPTIMAL with the default options, in 20 (reduced) and 26 (unreduced) iterations, at the optimum.
     */
    @Test
    void goldenIlluminationCaseConverges() throws IOException {
        Scenario sc = SdrTestSupport.golden("solver/p_solver_illum_2d_n12");
        assertEquals(131071, requirement(sc), 1e-6);
        double ref = referenceObjective("p_solver_illum_2d_n12");
        for (SdrModel.Span span : new SdrModel.Span[] {SdrModel.Span.POWER, SdrModel.Span.FULL}) {
            MaxMinPowerProgram p = new MaxMinPowerProgram(SdrModel.of(new ScenarioPhysics(sc), span),
                    sc.transmitPowerW(), new double[] {requirement(sc)}, false);
            SdrSolution s = p.solve(() -> false);
            assertEquals(DesignStatus.OPTIMAL, s.status(), span + ": " + s.note());
            assertEquals(ref, s.objective(), REFERENCE_RTOL * ref, span + ": min illumination (W) vs cvxopt");
        }
    }
}
