/**
 * Paper 001: artificial-noise beamforming for secure ISAC with a random target location.
 *
 * <p>Kaiyue Hou and Shuowen Zhang, "Secure Integrated Sensing and Communication Exploiting Target
 * Location Distribution" (most likely their IEEE Globecom 2023 paper; extended version
 * arXiv:2312.13797). Corrections: ERRATA 001.1 and 001.2 (the posterior CRB (14), (21)), 001.3
 * (the constant rho_0 of Prop. 1 and (49), hence the bound (24) that the designs constrain),
 * 001.4 (Appendix B, not needed: the rank-one solution is built from the primal solution). See
 * docs/papers.md.
 *
 * <p>One user, every eavesdropper (external nodes and eavesdropping targets), every target with a
 * {@code prior}; the threshold Gamma is {@code solver.pcrb_max_rad2} (rad^2) on the corrected bound
 * (24) ({@code pcrb_upper_approx_rad2}, computed by {@code metrics.PriorBounds}).
 *
 * <table>
 *   <caption>The paper's problems, equations and algorithms, and the classes that implement them</caption>
 *   <tr><th>paper</th><th>class</th></tr>
 *   <tr><td>(P1), (25)-(27): max worst-case secrecy rate s.t. PCRB bound and power, with AN
 *       ({@code an-secure-pcrb})</td><td>{@link io.fresnel.design.secure.AnSecurePcrbDesign}</td></tr>
 *   <tr><td>problem data in this convention: H = c_u^* c_u^T, eavesdropper matrices, the sensing
 *       matrix Q-bar of (24)/(31)/(36), the subspace span{c_u^*, c_e^*, v_k^*}</td>
 *       <td>{@code SecrecySensingProblem}</td></tr>
 *   <tr><td>(P1.2), (32): 1-D search over the eavesdropper SINR level gamma</td>
 *       <td>{@code GammaSearch} (grid with points skipped by the monotone bound of f, then Brent),
 *       {@code SecrecySearch} (one SDP per gamma)</td></tr>
 *   <tr><td>(P2.1R), (38)-(43): the Charnes-Cooper SDP for one gamma; (P1.1) relaxed with V = 0
 *       for the benchmark without AN</td><td>{@code SecrecySdp}</td></tr>
 *   <tr><td>Prop. 2, (45)-(48): rank-one information beam and AN covariance; AN streams</td>
 *       <td>{@code SecurePrecoders}</td></tr>
 *   <tr><td>Sec. VI, Benchmark 1: MRT ({@code an-secure-pcrb-mrt})</td>
 *       <td>{@link io.fresnel.design.secure.AnSecurePcrbMrtDesign}</td></tr>
 *   <tr><td>Sec. VI, Benchmark 2: no AN ({@code an-secure-pcrb-no-an}; rank one by Gaussian
 *       randomisation)</td><td>{@link io.fresnel.design.secure.AnSecurePcrbNoAnDesign}</td></tr>
 *   <tr><td>shared run: problem checks, the reachability of Gamma (smallest bound
 *       1 / (c P lambda_max(Q) + 1/sigma_theta^2)), objective = {@code min_secrecy_rate_bps_hz} of
 *       the returned precoder</td><td>{@code SecurePcrbDesign}</td></tr>
 * </table>
 *
 * <p>Statuses: {@code optimal} when the SDP at the best gamma converged; {@code iteration-limit}
 * when the best point is a feasible but unconverged iterate; {@code infeasible} (no precoder) when
 * Gamma is below the smallest achievable bound, or, for the MRT benchmark, when MRT misses it.
 */
package io.fresnel.design.secure;
