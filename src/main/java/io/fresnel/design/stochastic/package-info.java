/**
 * Paper 002's closed-form secure ISAC precoders.
 *
 * <p>M. Soltani, M. Mirmohseni and R. Tafazolli, "Secure Integrated Sensing and Communication
 * Networks: Stochastic Performance Analysis" (part presented at IEEE SPAWC 2025; conference
 * version: "On stochastic performance analysis of secure integrated sensing and communication
 * networks," 2025, arXiv:2504.09674). Built in Fresnel's scenario convention as
 * {@code ../shared/spec/STOCHASTIC.md} section 1 defines it; the printed formulas that are wrong
 * are listed in ERRATA.md section 002.
 *
 * <p>Map from the paper to the classes:
 * <ul>
 *   <li>Sec. IV-A, eqs. (9)-(10), SSJB (information beam t1 = alpha a~ + beta h~, AN in
 *       span{a~, h~}^perp): {@link io.fresnel.design.stochastic.SsjbDesign} ({@code ssjb}).</li>
 *   <li>Sec. IV-B, eq. (11) and Appendix C, SLB (user beam h^, AN in h^perp, target beam a~,
 *       derivative beam a~'): {@link io.fresnel.design.stochastic.SlbDesign} ({@code slb}).</li>
 *   <li>The unit vectors a~, h~, t1, h^, a~' (shared with the per-draw Monte Carlo of
 *       {@code io.fresnel.stochastic}): {@link io.fresnel.design.stochastic.StochasticBeams}.</li>
 *   <li>The scenario's h = conj(c_user), a = conj(v(p_t)) and a' = d a/d theta:
 *       {@code StochasticDesign}.</li>
 *   <li>Lemmas 2-15 (ergodic rates, ergodic CRBs, CRB outage; corrected per ERRATA 002.3-002.14):
 *       the package {@code io.fresnel.stochastic}, not a design.</li>
 * </ul>
 */
package io.fresnel.design.stochastic;
