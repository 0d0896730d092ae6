/**
 * Paper 000: secure near-field ISAC with rate-splitting multiple access.
 *
 * <p>Citation, as printed in the paper: Jiasi Zhou, Chintha Tellambura (Fellow, IEEE) and
 * Geoffrey Ye Li (Fellow, IEEE), "Rate-Splitting Multiple Access for Secure Near-Field Integrated
 * Sensing and Communication" (the text names no journal, volume or arXiv identifier; the work
 * acknowledges Xuzhou Medical University grant D2022027 and Jiangsu grant 25KJB510034). Equation
 * and algorithm numbers below are the paper's; "ERRATA 000.n" are the corrections of its printed
 * formulas listed with the paper's text (section 000 of the errata).
 *
 * <p>The problem (25): maximise the minimum secrecy rate over the users, with the common secrecy
 * rate split over them, subject to the power budget (25d), the angle and range CRB bounds
 * (25b)-(25c) on every target and, for the hybrid architecture, P = F_A F_D with a unit-modulus
 * analog precoder F_A. Map from the paper to the classes:
 *
 * <table>
 *   <caption>Paper 000 to classes</caption>
 *   <tr><th>paper</th><th>class</th></tr>
 *   <tr><td>the designs RSMA-HB, RSMA-FD, RSMA-SC, SDMA-HB, RSMA-Far (section IV)</td>
 *       <td>{@link io.fresnel.design.rsma.RsmaSecureDesign}</td></tr>
 *   <tr><td>solver parameters (rho_0, alpha, tolerance, CRB variant and bounds)</td>
 *       <td>{@link io.fresnel.design.rsma.RsmaOptions}</td></tr>
 *   <tr><td>channels and power normalised in the span of the nodes' vectors</td>
 *       <td>{@code RsmaChannels}, {@code Columns}</td></tr>
 *   <tr><td>rates (9)-(15) (ERRATA 000.1, 000.4), the common secrecy split (25e)-(25g)</td>
 *       <td>{@code SecrecyRates} (water level)</td></tr>
 *   <tr><td>CRBs (20), (23)-(24) (ERRATA 000.3, 000.5-000.7) and their LMIs (in place of Lemma 1,
 *       (44)-(51))</td><td>{@code CrbLmis}, {@code CrbLimit}</td></tr>
 *   <tr><td>the surrogate (52): rate bounds (in place of WMMSE (28)-(32)), quadratic transform
 *       (37)-(42), Taylor bounds</td>
 *       <td>{@code RsmaSurrogate} (solved by {@link io.fresnel.optim.BarrierSolver})</td></tr>
 *   <tr><td>a feasible start for Algorithm 1 line 1 (phase one, not in the paper)</td>
 *       <td>{@code PhaseOne}</td></tr>
 *   <tr><td>Algorithm 1 (fully digital MM iteration)</td><td>{@code Algorithm1}</td></tr>
 *   <tr><td>analog update (53)-(58), digital update (59)</td><td>{@code HybridFactorisation}</td></tr>
 *   <tr><td>Algorithm 2 (penalty BCD)</td><td>{@code PenaltyBcd}</td></tr>
 *   <tr><td>one run: start point, warm start, phase one then Algorithm 1 or 2</td>
 *       <td>{@code RsmaSolver}, {@code SolverRun} (budget, cancellation, reports),
 *       {@code RsmaOutcome} (the result)</td></tr>
 * </table>
 */
package io.fresnel.design.rsma;
