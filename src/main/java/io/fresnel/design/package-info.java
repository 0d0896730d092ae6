/**
 * Beamforming designs: the API every design implements and the registry of designs by name.
 *
 * <p>A {@link io.fresnel.design.Design} reads a {@link io.fresnel.model.Scenario} (its arrays,
 * nodes, power budget and {@code solver} parameters; its own precoder is ignored) and returns an
 * immutable {@link io.fresnel.design.DesignResult}: a {@link io.fresnel.design.DesignStatus}, the
 * designed {@link io.fresnel.model.Precoder} (none when {@code infeasible} or {@code cancelled}),
 * the objective in the design's SI unit, the iterations and the seconds. A
 * {@link io.fresnel.design.DesignContext} carries the cancellation flag, a
 * {@link io.fresnel.design.ProgressListener} (one report per iteration, plus feasible
 * intermediate precoders) and an optional warm start. An input a design cannot handle is a
 * {@link io.fresnel.design.DesignException} whose message starts with the algorithm name.
 * {@link io.fresnel.design.AbstractDesign} holds the preamble every design shares (argument
 * checks, start time, the answer to a run cancelled before it starts); designs extend it.
 * {@link io.fresnel.design.Designs} lists every design by its {@code solver.algorithm} name.
 *
 * <p>Rules every design follows: the returned precoder is evaluated with the metric code
 * ({@code io.fresnel.metrics}) before it is reported, and a precoder that misses a constraint is
 * never returned as feasible; local methods report {@code converged}, not {@code optimal}; a
 * problem without a feasible point reports {@code infeasible} without a precoder.
 *
 * <p>Subpackages, by source:
 * <ul>
 *   <li>{@link io.fresnel.design.common}: building blocks several designs share (checked inputs,
 *       the typed reader of solver parameters, channel inversion, the covariance subspace and
 *       Fisher coefficients of the SDR designs, dense helpers);</li>
 *   <li>{@link io.fresnel.design.baseline}: closed-form baselines ({@code isotropic}, {@code mrt},
 *       {@code zf}, {@code rzf}, {@code far-field-steering}, {@code two-stage-hybrid});</li>
 *   <li>{@link io.fresnel.design.sdr}: paper 004, the SDR designs {@code crb-min-sdr},
 *       {@code illumination-maxmin-sdr}, {@code echo-maxmin-sdr};</li>
 *   <li>{@link io.fresnel.design.secure}: paper 001, {@code an-secure-pcrb} and its benchmarks
 *       {@code an-secure-pcrb-no-an}, {@code an-secure-pcrb-mrt};</li>
 *   <li>{@link io.fresnel.design.rsma}: paper 000, {@code rsma-hybrid} and its benchmarks
 *       {@code rsma-digital}, {@code rsma-no-crb}, {@code sdma-hybrid}, {@code rsma-far-field}.</li>
 * </ul>
 * Each paper package's own documentation gives the paper's citation and the map from its
 * algorithms and equations to classes. Dependencies point one way: a subpackage may use
 * {@code common} and this package, never a sibling paper package (the baselines are the
 * exception: a design may compare against or start from a baseline).
 */
package io.fresnel.design;
