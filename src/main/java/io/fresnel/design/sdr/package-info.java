/**
 * Paper 004: the SDR transmit designs for near-field ISAC with an extremely large-scale array.
 *
 * <p>Haocheng Hua, Jie Xu and Rui Zhang, "Near-Field Integrated Sensing and Communication with
 * Extremely Large-Scale Antenna Array" (arXiv:2407.17237). Corrections: ERRATA 004.1 (the echo
 * power (25) carries |b_k|^2); Prop. 1 and (20)-(21) are correct as printed (ERRATA 004.2). See
 * docs/papers.md.
 *
 * <p>All three designs are fully digital, need at least one target and turn each user's
 * {@code min_rate_bps_hz} into the SINR constraint Gamma_u = 2^rate - 1 ((28c)/(35c)).
 *
 * <table>
 *   <caption>The paper's problems, equations and algorithms, and the classes that implement them</caption>
 *   <tr><th>paper</th><th>class</th></tr>
 *   <tr><td>(P1), eq. (26): minimise the sum position CRB (22)-(23) s.t. SINRs and power
 *       ({@code crb-min-sdr})</td><td>{@link io.fresnel.design.sdr.CrbMinSdrDesign}</td></tr>
 *   <tr><td>(SDR1.2)/(SDR1.3): the relaxed program with the Schur LMIs (28b)/(35b) on the FIM of
 *       Prop. 1</td><td>{@code CrbMinProgram}, on {@link io.fresnel.design.common.FisherCoefficients}</td></tr>
 *   <tr><td>(P2), eq. (38): max-min illumination (24) ({@code illumination-maxmin-sdr})</td>
 *       <td>{@link io.fresnel.design.sdr.IlluminationMaxMinSdrDesign}</td></tr>
 *   <tr><td>(P3), eq. (39): max-min echo power (25) ({@code echo-maxmin-sdr})</td>
 *       <td>{@link io.fresnel.design.sdr.EchoMaxMinSdrDesign}</td></tr>
 *   <tr><td>(P2.1)/(P3.1) relaxed to (SDR2.1), constraints (41b)/(46b)</td>
 *       <td>{@code MaxMinPowerProgram}, {@code MaxMinPowerSdrDesign}</td></tr>
 *   <tr><td>power (28d)/(35d), R_d = R_X - sum W_u &gt;= 0 (28e)/(35e), SINR (28c)/(35c)</td>
 *       <td>{@code SdrProgram} (shared by the three programs), {@code SdrSolution}</td></tr>
 *   <tr><td>low-rank structure: Prop. 2, (32) (CRB) and Prop. 4, (42)-(45) (powers)</td>
 *       <td>{@link io.fresnel.design.common.SdrModel}</td></tr>
 *   <tr><td>tightness and rank-one construction, Prop. 3, (36)-(37)</td><td>{@code SdrPrecoder}</td></tr>
 *   <tr><td>single user and single target, section V-A: the CRB-SINR tradeoff (P1.s), (47)-(49)</td>
 *       <td>{@link io.fresnel.design.sdr.CrbSinrTradeoff}</td></tr>
 * </table>
 *
 * <p>{@code SdrDesign} is the common run: input checks, one SDP solve with Fresnel's cone solver
 * ({@code io.fresnel.optim}), the rank-one reconstruction, and a check of the rebuilt precoder
 * with the metric code. Status {@code optimal}; {@code infeasible} without a precoder when the SDP
 * is infeasible, a requirement exceeds what MRT at full power gives, or the requirements together
 * need more power than the budget (uplink-downlink duality, {@code SinrPowerFloor}); {@code iteration-limit}
 * when the solver stopped early or the rebuilt precoder misses a constraint by more than 1e-6
 * (relative; the message says which).
 */
package io.fresnel.design.sdr;
