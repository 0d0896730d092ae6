/**
 * Paper 002's closed-form secure ISAC precoders.
 *
 * <p>Citation (as printed): Marziyeh Soltani, Mahtab Mirmohseni (Senior Member, IEEE), and Rahim
 * Tafazolli (Fellow, IEEE), "Secure Integrated Sensing and Communication Networks: Stochastic
 * Performance Analysis." The paper notes that part of it was presented at IEEE SPAWC 2025; its
 * reference [1] is the conference version, "On stochastic performance analysis of secure
 * integrated sensing and communication networks," 2025, arXiv:2504.09674. Identified as
 * arXiv:2507.23234.
 *
 * <p>Built in Fresnel's scenario convention as the project's paper-002 specification
 * (STOCHASTIC.md, summarised in docs/paper-002.md) section 1 defines it; the printed formulas
 * that are wrong are the project's ERRATA 002.1-002.15 (listed in docs/papers.md).
 *
 * <p>Map from the paper to the classes:
 * <ul>
 *   <li>Sec. IV-A, eqs. (9)-(10), SSJB (information beam t1 = alpha a~ + beta h~, AN in
 *       span{a~, h~}^perp): {@link io.fresnel.design.stochastic.SsjbDesign} ({@code ssjb}).</li>
 *   <li>Sec. IV-B, eq. (11) and Appendix C, SLB (user beam h^, AN in h^perp, target beam a~,
 *       derivative beam a~'): {@link io.fresnel.design.stochastic.SlbDesign} ({@code slb}).</li>
 *   <li>The unit vectors a~, h~, t1, h^, a~' (shared with the per-draw Monte Carlo of
 *       {@code io.fresnel.stochastic}): {@link io.fresnel.math.SecureIsacBeams}.</li>
 *   <li>The scenario's h = conj(c_user), a = conj(v(p_t)) and a' = d a/d theta:
 *       {@code StochasticDesign}.</li>
 *   <li>Lemmas 2-15 (ergodic rates, ergodic CRBs, CRB outage; corrected per ERRATA 002.3-002.14):
 *       the package {@code io.fresnel.stochastic}, not a design.</li>
 * </ul>
 */
package io.fresnel.design.stochastic;
