package io.fresnel.stochastic;

/**
 * The exact evaluation of a {@code fresnel-p002-query/1} document: one-dimensional integrals (and
 * nested ones for SLB's Dirichlet laws) of the exact distributions of ERRATA 002.14, by adaptive
 * Gauss-Kronrod quadrature to about 1e-12 relative. See {@link SsjbExact} and {@link SlbExact}
 * for the formulas. Stateless and thread-safe.
 */
public final class ExactAnalysis {
    private ExactAnalysis() {
    }

    /**
     * @param query the query
     * @return the eleven outputs and the corrected closed forms
     */
    public static ExactResult evaluate(StochasticQuery query) {
        return query.scheme() == StochasticQuery.Scheme.SSJB ? SsjbExact.evaluate(query) : SlbExact.evaluate(query);
    }
}
