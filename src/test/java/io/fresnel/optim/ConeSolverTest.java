package io.fresnel.optim;

import java.util.function.BooleanSupplier;

/** Runs the {@link ConeSolverContract} against {@link ConeSolver}. */
class ConeSolverTest extends ConeSolverContract {
    @Override
    protected ConeResult solve(ConeProgram p, ConeOptions o, BooleanSupplier cancelled) {
        return ConeSolver.solve(p, o, cancelled);
    }
}
