package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import org.junit.jupiter.api.Test;

/**
 * An absolute reference for paper 000's RSMA designs on the small set-up (N = 32, two users): a
 * convex upper bound on the objective that does not depend on the design code.
 *
 * <p>The bound: a user's secrecy rate share_u R_c^s + R_{u,p}^s is at most R_c + R_{u,p} (shares
 * &lt;= 1, secrecy &lt;= rate), so the smallest of K users' secrecy rates is at most (1/K) times the
 * sum of the common and all private rates, which no broadcast scheme can push above the capacity
 * of the cooperative channel where the K users pool their antennas:
 * C = max_{tr Q &lt;= P} log2 det(I + H Q H^H), H the users' channel rows each divided by its
 * noise standard deviation, i.e. water-filling of P over the eigenvalues of H H^H. So
 * min_u S_u &lt;= C / K. The bound holds for every precoder: a design reporting more has
 * mis-computed a rate. Its slack is the price of secrecy, of the CRB bounds and of treating
 * interference as noise; the converged designs must come within a stated gap of it.
 */
class RsmaUpperBoundTest {

    /** @return C / K in bit/s/Hz for the scenario's users at its power budget */
    static double cooperativeBound(Scenario sc) {
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        int k = sc.users().size();
        assertEquals(2, k, "the closed-form 2 x 2 eigenvalues below need two users");
        double[][][] h = new double[k][][];
        for (int u = 0; u < k; u++) {
            CommNode node = sc.users().get(u);
            double[][] c = ph.channelRow(node);
            double s = 1 / Math.sqrt(node.noiseW());
            h[u] = new double[][] {scaled(c[0], s), scaled(c[1], s)};
        }
        // G = H H^H: G_uv = sum_n h_u,n conj(h_v,n)
        double g11 = 0;
        double g22 = 0;
        double g12re = 0;
        double g12im = 0;
        for (int n = 0; n < h[0][0].length; n++) {
            g11 += h[0][0][n] * h[0][0][n] + h[0][1][n] * h[0][1][n];
            g22 += h[1][0][n] * h[1][0][n] + h[1][1][n] * h[1][1][n];
            g12re += h[0][0][n] * h[1][0][n] + h[0][1][n] * h[1][1][n];
            g12im += h[0][1][n] * h[1][0][n] - h[0][0][n] * h[1][1][n];
        }
        double mid = (g11 + g22) / 2;
        double rad = Math.sqrt((g11 - g22) * (g11 - g22) / 4 + g12re * g12re + g12im * g12im);
        double[] mu = {mid + rad, mid - rad};
        double p = sc.transmitPowerW();
        // water-filling: both eigenmodes active at level nu = (P + 1/mu1 + 1/mu2) / 2, else only the first
        double nu = (p + 1 / mu[0] + 1 / mu[1]) / 2;
        double c;
        if (nu - 1 / mu[1] > 0) {
            c = Math.log(nu * mu[0]) / Math.log(2) + Math.log(nu * mu[1]) / Math.log(2);
        } else {
            c = Math.log(1 + p * mu[0]) / Math.log(2);
        }
        return c / k;
    }

    private static double[] scaled(double[] x, double s) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= s;
        }
        return y;
    }

    /**
     * On the small set-up the bound is 10.283 bit/s/Hz. Measured (seeded, deterministic):
     * rsma-no-crb 10.194 (0.089 below: it pays only for secrecy and for interference treated as
     * noise), rsma-digital 9.946 and rsma-hybrid 9.943 (0.34 below: the CRB bounds cost the rest).
     * Asserted: every objective at or below the bound, rsma-no-crb within 0.2 and the two CRB-bound
     * designs within 0.5 bit/s/Hz of it, each objective equal to the re-evaluated metrics.
     */
    @Test
    void convergedDesignsComeWithinAStatedGapOfTheCooperativeBound() throws Exception {
        Scenario sc = RsmaSecureDesignTest.small("rsma-digital", "");
        double bound = cooperativeBound(sc);
        assertEquals(10.283, bound, 0.001, "the bound of the small set-up");
        Object[][] cases = {{"rsma-no-crb", 0.2}, {"rsma-digital", 0.5}, {"rsma-hybrid", 0.5}};
        for (Object[] c : cases) {
            String name = (String) c[0];
            Scenario s = RsmaSecureDesignTest.small(name, "");
            DesignResult r = Designs.byName(name).run(s, DesignContext.none());
            // the bounds are feasible and every design converges here; a design whose final CRB check
            // let a violating F_A F_D through is stopped by RsmaSecureDesign's own check and ends
            // INFEASIBLE, which this status assertion reports
            assertEquals(DesignStatus.CONVERGED, r.status(), name + ": " + r.message());
            assertNotNull(r.precoder(), name + ": " + r.message());
            RsmaSecureDesignTest.checkConstraints(s, r);
            assertTrue(r.objective() <= bound + 1e-9, name + ": " + r.objective() + " above the upper bound " + bound);
            assertTrue(r.objective() >= bound - (Double) c[1], name + ": " + r.objective() + " more than " + c[1]
                    + " bit/s/Hz below the bound " + bound);
        }
    }
}
