/**
 * Paper 003: SPEB-optimal partially connected hybrid beamforming for near-field ISAC.
 *
 * <p>Citation (as printed): Minghao Yuan, Dongxuan He, Weijie Yuan, Hao Yin, Hua Wang,
 * "Near-Field Integrated Sensing and Communication: SPEB Analysis and Hybrid Beamforming Design"
 * (the text in the project's paper folder, file {@code 003_7441095259680e0e.txt}; equation numbers
 * below refer to it, corrections to ERRATA.md section 003).
 *
 * <p>Map from the paper to the classes:
 * <ul>
 *   <li>(1), (27)-(28), (34): the partially connected F_A = diag(f_A) Phi and F_D = F_A^H P / M:
 *       {@link io.fresnel.design.speb.PartialAnalog}.</li>
 *   <li>(18)-(22) SPEB with ERRATA items 1-2 (Re{.}, {@code a a^T}-type echo), (12) SINR, and their
 *       gradients over the analog phases: {@link io.fresnel.design.speb.SpebEvaluator}.</li>
 *   <li>Proposition 1 (25) and the digital SDR (35)/(38) with the rank-one construction (paper 004
 *       Prop. 3 instead of the eigenvector of Sec. IV-C, ERRATA item 5), in span(F_A) or, fully
 *       digital, in span{v, dv/dx, dv/dy, c_u^*}: {@link io.fresnel.design.speb.SpebSdrStep}
 *       (reusing {@code design.sdr.CrbMinProgram} and {@code design.sdr.SdrPrecoder}).</li>
 *   <li>Analog block of Algorithm 1 ((31)-(32)): {@link io.fresnel.design.speb.AnalogDescent}
 *       (projected phase descent in a trust region instead of the N x N SDR with Gaussian
 *       randomisation).</li>
 *   <li>Algorithm 1 (SDR-BCD) with the multi-start initialisation of ERRATA item 5:
 *       {@link io.fresnel.design.speb.SdrBcd}; the designs {@code speb-min-hybrid}
 *       ({@link io.fresnel.design.speb.SpebMinHybridDesign}) and {@code speb-min-digital}
 *       ({@link io.fresnel.design.speb.SpebMinDigitalDesign}, the paper's SPEB-Min FDBF).</li>
 *   <li>Analog block of Algorithm 1 with the rate constraints through their multipliers (envelope
 *       theorem): {@link io.fresnel.design.speb.KktMultipliers}.</li>
 *   <li>Algorithm 2 (FP + SCA BCD) with ERRATA items 3-4: (43)-(44) and the digital block (52)-(57)
 *       with the linear-minorant SCA: {@link io.fresnel.design.speb.SumRateProgram},
 *       {@link io.fresnel.design.speb.FpScaBlock}; the analog block (45)-(51):
 *       {@link io.fresnel.design.speb.RateAscent}; the BCD: {@link io.fresnel.design.speb.SumRateBcd};
 *       the designs {@code sumrate-max-digital}, {@code sumrate-max-hybrid} and the
 *       communication-only bounds {@code sumrate-max-digital-comm}, {@code sumrate-max-hybrid-comm}:
 *       {@link io.fresnel.design.speb.SumRateDesign}.</li>
 *   <li>Benchmarks of Sec. VI: "SNR-Max-based HBF" {@code snr-max-hybrid}
 *       ({@link io.fresnel.design.speb.SnrMaxHybridDesign}), "Matrix Approximation-based HBF"
 *       {@code matrix-approx-hybrid} ({@link io.fresnel.design.speb.MatrixApproxHybridDesign}); the
 *       two-stage HBF is {@code two-stage-hybrid} (design.baseline), which handles hybrid-partial.</li>
 *   <li>Deterministic scenes of the paper's scale for benchmarks and tests:
 *       {@code io.fresnel.bench.SpebScenes} (the benchmark package, above the designs).</li>
 *   <li>Input checks (23b)-(23d), Gamma_k = 2^R_min,k - 1: {@link io.fresnel.design.speb.SpebInputs}.</li>
 * </ul>
 */
package io.fresnel.design.speb;
