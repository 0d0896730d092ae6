package io.fresnel.stochastic;

/**
 * The seeded Monte Carlo estimate of the eleven outputs with its standard errors.
 *
 * @param draws draws made
 * @param seed the seed
 * @param values the estimates (+infinity for an infinite metric)
 * @param standardErrors the standard error of each estimate: sqrt(sample variance / count), with
 *     the count of draws inside the truncated range for the ergodic CRBs and the paired
 *     differences R_u - R_e, R_u - R_t for the secrecy rates (+infinity when the value is infinite)
 * @param drawsInsideBs draws with |theta| &lt;= pi/2 - delta (those averaged for the BS ergodic CRB)
 * @param drawsInsideSeve draws with |phi| &lt;= pi/2 - delta
 */
public record MonteCarloResult(long draws, long seed, Outputs values, Outputs standardErrors, long drawsInsideBs,
        long drawsInsideSeve) {
}
