/**
 * Seeded random scenes of the papers' simulation set-ups, written out as ordinary scenarios.
 *
 * <p>Paper 003: M. Yuan, D. He, W. Yuan, H. Yin, H. Wang, "Near-Field Integrated Sensing and
 * Communication: SPEB Analysis and Hybrid Beamforming Design". Map: eqs. (2)-(9) and (58)-(60),
 * Table II, section VI set-up -> {@link io.fresnel.scene.PaperScene},
 * {@link io.fresnel.scene.SceneOptions}, {@link io.fresnel.scene.NycPathLoss}; ERRATA 003 item 6
 * (radar cross-section, scatterer ranges, spacing when N changes) -> the documented defaults of
 * {@link io.fresnel.scene.SceneOptions#PAPER}.
 */
package io.fresnel.scene;
