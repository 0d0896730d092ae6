package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direction of {@link NewtonSystem} solves the whole linearised system, tau row included, checked with
 * an independent evaluation through the unscaled data (G, W^-1, W^-T of {@link ConicData} and
 * {@link NtScaling}) rather than the scaled operator the solver uses.
 */
class NewtonSystemTest {

    @Test
    void directionsSolveTheWholeLinearisedSystem() {
        // a well-centred scaling, and one with z / s of 1e12 along one direction of every block and on an
        // orthant row (bordered rows in the KKT solves)
        double[][] spreads = {{1, 1, 1, 1}, {1e-6, 1, 1e6, 1}};
        for (long seed = 1; seed <= 3; seed++) {
            for (double[] spread : spreads) {
                ConicData d = KktSolverTest.data(seed);
                Random rnd = new Random(seed);
                NtScaling w = new NtScaling(d);
                assertTrue(w.update(KktSolverTest.coneVector(d, spread[0], spread[1], new Random(seed)),
                        KktSolverTest.coneVector(d, spread[2], spread[3], new Random(seed))));
                KktSolver kkt = new KktSolver(d);
                assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(w));
                NewtonSystem newton = new NewtonSystem(d, kkt);
                w.scaleInvT(d.h, newton.hHat);
                double kappa = 1e-3;
                double tau = 0.7;
                newton.tauColumn(kappa, tau);
                double[] bx = gaussian(d.n, rnd);
                double[] by = gaussian(d.p, rnd);
                double[] bz = gaussian(d.coneDim, rnd);
                double btau = rnd.nextGaussian();
                double[] dx = new double[d.n];
                double[] dy = new double[d.p];
                double[] dz = new double[d.coneDim];
                double dtau = newton.solve(bx, by, bz, btau, dx, dy, dz);

                // the x, y, z and tau rows of S(d) = b evaluated through the unscaled data
                double relative = NewtonSystemResidual.relative(d, w, newton.hHat, kappa / tau, bx, by, bz, btau,
                        dx, dy, dz, dtau);
                assertTrue(relative <= NewtonSystem.DIRECTION_ACCURACY,
                        "seed " + seed + ", spread " + spread[2] + ": relative residual " + relative);
            }
        }
    }

    private static double[] gaussian(int n, Random rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }
}
