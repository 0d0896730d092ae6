/**
 * MUSIC localisation of the targets from simulated echoes (the {@code localize} command and the
 * window's MUSIC layer).
 *
 * <p>Paper 003 (M. Yuan, D. He, W. Yuan, H. Yin, H. Wang, "Near-Field Integrated Sensing and
 * Communication: SPEB Analysis and Hybrid Beamforming Design"), section VI, Figs. 3-4: the RMSE
 * of MUSIC-based near-field localisation beside the PEB (61). The paper's MUSIC is two-step (a
 * far-field angle search, then a near-field range search); here it is a joint 2-D search on the
 * near-field pseudo-spectrum, which avoids the grating-lobe outliers of the far-field step with
 * Table II's 1.5 lambda spacing (ERRATA 003 item 6). Map: echo model Y = beta a v^T X + Z
 * (SCENARIO.md section 1; ERRATA 003 item 2) -> {@link io.fresnel.localize.EchoModel};
 * pseudo-spectrum -> {@link io.fresnel.localize.MusicSpectrum}; grid search and refinement ->
 * {@link io.fresnel.localize.SearchRegion}, {@link io.fresnel.localize.MusicEstimator}; RMSE,
 * bias and PEB (ERRATA 003 item 7) -> {@link io.fresnel.localize.Localizer}.
 */
package io.fresnel.localize;
