/**
 * Closed-form baseline beamformers: reference points for the paper designs and quick designs
 * for the window. Each ends with status {@code optimal} after one "iteration", reports the sum
 * rate (bit/s/Hz) as its objective, uses the whole power budget ||P||_F^2 = P and ignores the
 * warm start ({@code ClosedFormDesign}).
 *
 * <table>
 *   <caption>Algorithm names and classes</caption>
 *   <tr><th>{@code solver.algorithm}</th><th>class</th><th>precoder</th></tr>
 *   <tr><td>{@code isotropic}</td><td>{@link io.fresnel.design.baseline.IsotropicDesign}</td>
 *       <td>R_X = (P/N) I: N {@code sensing} columns sqrt(P/N) e_n</td></tr>
 *   <tr><td>{@code mrt}</td><td>{@link io.fresnel.design.baseline.MaximumRatioDesign}</td>
 *       <td>sqrt(P/U) conj(c_u)/||c_u|| per user; without users one focused {@code sensing}
 *       beam per target</td></tr>
 *   <tr><td>{@code far-field-steering}</td>
 *       <td>{@link io.fresnel.design.baseline.FarFieldSteeringDesign}</td>
 *       <td>like {@code mrt}, matched to the plane-wave response towards each node's angle</td></tr>
 *   <tr><td>{@code zf}</td><td>{@link io.fresnel.design.baseline.ZeroForcingDesign}</td>
 *       <td>proportional to C^H (C C^H)^-1</td></tr>
 *   <tr><td>{@code rzf}</td><td>{@link io.fresnel.design.baseline.RegularizedZeroForcingDesign}</td>
 *       <td>proportional to C^H (C C^H + delta I)^-1, delta = {@code regularization} or
 *       U mean(noise)/P</td></tr>
 *   <tr><td>{@code two-stage-hybrid}</td><td>{@link io.fresnel.design.baseline.TwoStageHybridDesign}</td>
 *       <td>F_A: phases of focused beams (fully or partially connected); F_D: zero forcing on
 *       C F_A; the two-stage benchmark of paper 003</td></tr>
 * </table>
 *
 * <p>Shared skeletons: {@code ClosedFormDesign} (status, objective,
 * timing), {@code FocusedBeamDesign} (one conjugate beam per node with
 * equal power), {@code ChannelInversionDesign} (ZF and RZF).
 */
package io.fresnel.design.baseline;
