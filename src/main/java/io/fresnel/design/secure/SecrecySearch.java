package io.fresnel.design.secure;

import io.fresnel.design.DesignContext;
import io.fresnel.optim.ConeStatus;
import java.util.Locale;

/**
 * Runs the 1-D search of (P1.2) ({@link GammaSearch}) with one {@link SecrecySdp} solve per
 * gamma, reporting progress after every solve and honouring cancellation; keeps the solution of
 * the best gamma. The optimal user SINR f(gamma) of every solve proven optimal is passed on to bound
 * the secrecy rate between evaluated levels. A gamma is scored by the worst-case secrecy rate of its SDP solution,
 * {@link SecrecySdp.Solution#secrecy()} (log2((1 + f(gamma))/(1 + gamma)) at an optimum with an
 * active eavesdropper constraint).
 */
final class SecrecySearch {

    /**
     * The outcome.
     *
     * @param gamma the best gamma (NaN when no solve succeeded)
     * @param secrecy the secrecy rate of the SDP solution there (bit/s/Hz; -Infinity when none)
     * @param solution the SDP solution there, or null when no solve succeeded
     * @param solves SDP solves performed
     * @param cancelled whether the caller cancelled the run
     * @param lastFailure the status of the last unsuccessful solve, or null
     */
    record Outcome(double gamma, double secrecy, SecrecySdp.Solution solution, int solves, boolean cancelled,
            ConeStatus lastFailure) {
    }

    private SecrecySearch() {
    }

    /**
     * @param r the reduced problem
     * @param withAn whether V is a variable (false: benchmark without AN)
     * @param context cancellation and progress
     * @param label prefix of the progress messages
     * @return the outcome
     */
    static Outcome run(SecrecySensingProblem.Reduced r, boolean withAn, DesignContext context, String label) {
        State s = new State();
        GammaSearch.search(gamma -> {
            SecrecySdp.Solution sol = SecrecySdp.solve(r, gamma, withAn, context.cancelled());
            s.solves++;
            double value = Double.NEGATIVE_INFINITY;
            if (sol.usable()) {
                value = sol.secrecy();
                if (value > s.secrecy) {
                    s.secrecy = value;
                    s.gamma = gamma;
                    s.solution = sol;
                }
            } else {
                s.lastFailure = sol.status();
                if (sol.status() == ConeStatus.CANCELLED) {
                    s.cancelled = true;
                }
            }
            context.progress().onIteration(s.solves, s.solution == null ? Double.NaN : Math.max(0, s.secrecy),
                    String.format(Locale.ROOT, "%s: SDP %d, gamma = %.6g, %s%s", label, s.solves, gamma,
                            sol.usable() ? String.format(Locale.ROOT, "f = %.6g, s = %.6g bit/s/Hz", sol.sinr(), value) : "",
                            sol.optimal() ? "" : (sol.usable() ? ", " : "") + sol.status().name().toLowerCase()));
            // only a proven optimum is f(gamma); a feasible last iterate would understate it and void the bound
            return new GammaSearch.Point(value, sol.optimal() ? sol.sinr() : Double.NaN);
        }, r.userSnr(), () -> s.cancelled || context.isCancelled());
        boolean cancelled = s.cancelled || context.isCancelled();
        return new Outcome(s.gamma, s.secrecy, s.solution, s.solves, cancelled, s.lastFailure);
    }

    /**
     * Solves (P2.1R) at one given gamma instead of searching (the {@code eve_sinr_level} option;
     * paper 001's Fig. 2 plots s(gamma) = log2((1 + f(gamma))/(1 + gamma)) point by point).
     *
     * @param r the reduced problem
     * @param gamma the eavesdropper SINR level (&gt; 0)
     * @param withAn whether V is a variable
     * @param context cancellation and progress
     * @param label prefix of the progress message
     * @return the outcome of the one solve (solution null when it was not usable)
     */
    static Outcome at(SecrecySensingProblem.Reduced r, double gamma, boolean withAn, DesignContext context,
            String label) {
        SecrecySdp.Solution sol = SecrecySdp.solve(r, gamma, withAn, context.cancelled());
        boolean usable = sol.usable();
        context.progress().onIteration(1, usable ? Math.max(0, sol.secrecy()) : Double.NaN,
                String.format(Locale.ROOT, "%s: SDP at the fixed gamma = %.6g, %s", label, gamma,
                        usable ? String.format(Locale.ROOT, "f = %.6g", sol.sinr()) : sol.status().name().toLowerCase()));
        return new Outcome(gamma, usable ? sol.secrecy() : Double.NEGATIVE_INFINITY, usable ? sol : null, 1,
                sol.status() == ConeStatus.CANCELLED || context.isCancelled(),
                usable ? null : sol.status());
    }

    private static final class State {
        int solves;
        double gamma = Double.NaN;
        double secrecy = Double.NEGATIVE_INFINITY;
        SecrecySdp.Solution solution;
        boolean cancelled;
        ConeStatus lastFailure;
    }
}
