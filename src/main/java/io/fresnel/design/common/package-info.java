/**
 * Building blocks that several designs share; nothing here is a design of its own.
 *
 * <ul>
 *   <li>{@link io.fresnel.design.common.DesignInputs}: the scenario quantities designs read
 *       (power budget, users, the users' channel matrix C with rows c_u, one {@code private}
 *       stream per user), checked and turned into {@link io.fresnel.design.DesignException}s
 *       that name the algorithm.</li>
 *   <li>{@link io.fresnel.design.common.SolverParameters}: the typed reader of the scenario's
 *       {@code solver} parameters; every rejection names {@code solver.<key>}, the value found and
 *       the range expected.</li>
 *   <li>{@link io.fresnel.design.common.ChannelInversion}: the (regularised) right inverse
 *       C^H (C C^H + delta I)^-1 behind ZF, RZF and the digital stage of the two-stage hybrid
 *       design.</li>
 *   <li>{@link io.fresnel.design.common.FocusDirections}: the vectors a focused (maximum-ratio)
 *       beam is matched to, c_u or v(p), and the normalised conjugate beam.</li>
 *   <li>{@link io.fresnel.design.common.SdrModel}: the covariance subspace of paper 004,
 *       R_X = Q X Q^H with Q spanning {v_k^*, dv_k^*, c_u^*} (Prop. 2, eq. (32)) or
 *       {v_k^*, c_u^*} (Prop. 4, eq. (45)), so that no N x N matrix is formed; used by the SDR
 *       designs ({@code design.sdr}) and by paper 000's surrogate ({@code design.rsma}).</li>
 *   <li>{@link io.fresnel.design.common.FisherCoefficients}: the Fisher information of paper 004
 *       Prop. 1 (eqs. (13)-(21)) as a linear function of the reduced covariance X,
 *       F_ij(X) = Re tr(A_ij X); it equals the FIM of {@code metrics.JointFisherInformation} for
 *       R_X = P P^H.</li>
 *   <li>{@link io.fresnel.design.common.ZMatrices}: conversions between EJML's complex matrices
 *       and the model's {@link io.fresnel.math.ComplexMatrix}, and the power normalisation every
 *       design ends with.</li>
 *   <li>{@link io.fresnel.design.common.Dense}: small dense linear solves used by paper 000's
 *       designs.</li>
 * </ul>
 *
 * <p>Everything is in the convention of docs/scenario-format.md: a node receives c^T x, so the
 * papers' h is conj(c) and a beam matched to a node is proportional to conj(c).
 */
package io.fresnel.design.common;
