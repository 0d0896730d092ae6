package io.fresnel.scene;

import io.fresnel.math.Vec3;

/**
 * The set-up of a paper-003 scene (Yuan et al., section VI and Table II), SI throughout. The
 * defaults ({@link #PAPER}) are the paper's: N = 32 antennas at 28 GHz with aperture
 * D = (N - 1) d = 0.5 m, 4 RF chains (partially connected), K = 2 users on the semicircle of
 * radius 20 m, L_k = 3 NLoS paths per user, the target at (10 m, 0), P = 30 dBm,
 * sigma^2 = -90 dBm, T = 100 snapshots, R_min = 5 bps/Hz. The choices the paper does not print
 * (ERRATA 003 item 6) have documented defaults here: the target's radar cross-section 1 m^2, the
 * scatterers' ranges uniform in [5 m, 20 m], the element spacing kept at 0.5/31 m when N changes.
 *
 * @param elements N, antennas of the transmit (and, monostatic, receive) ULA (>= 1; default 32)
 * @param spacingM d, element spacing (m, > 0; default 0.5 / 31, i.e. 1.5 lambda at 28 GHz)
 * @param carrierHz carrier frequency (Hz, > 0; default 28e9)
 * @param rfChains N_RF, RF chains of the partially-connected transmitter (divides N; default 4), or 0
 *     for a fully-digital transmitter
 * @param users K, users (>= 0; default 2)
 * @param userRangeM distance of every user from the array centre (m, > 0; default 20)
 * @param nlosPaths L_k, NLoS paths (scatterers) per user (>= 0; default 3)
 * @param scattererRangeMinM smallest scatterer range (m, > 0; default 5)
 * @param scattererRangeMaxM largest scatterer range (m, >= the smallest; default 20)
 * @param targetM the target position (m, z = 0; default (10, 0, 0))
 * @param rcsM2 the target's radar cross-section sigma_rcs (m^2, > 0; default 1)
 * @param powerW the transmit power budget P (W, > 0; default 1 = 30 dBm)
 * @param noiseW the noise power of users and of the sensing receiver (W, > 0; default 1e-12 = -90 dBm)
 * @param snapshots T (>= 1; default 100)
 * @param minRateBpsHz every user's rate threshold R_min (bps/Hz, >= 0; default 5)
 * @param algorithm the solver block's algorithm (default {@code speb-min-hybrid})
 * @param spebMaxM2 the solver block's {@code speb_max_m2} (m^2, > 0), or null to leave it out
 *     (default null; Table II's Gamma^s is 0.04 m^2)
 */
public record SceneOptions(int elements, double spacingM, double carrierHz, int rfChains, int users,
        double userRangeM, int nlosPaths, double scattererRangeMinM, double scattererRangeMaxM, Vec3 targetM,
        double rcsM2, double powerW, double noiseW, int snapshots, double minRateBpsHz, String algorithm,
        Double spebMaxM2) {

    /** The paper's set-up (Table II and section VI). */
    public static final SceneOptions PAPER = new SceneOptions(32, 0.5 / 31, 28e9, 4, 2, 20, 3, 5, 20,
            new Vec3(10, 0, 0), 1, 1, 1e-12, 100, 5, "speb-min-hybrid", null);

    /** Validates every field; the message names it. */
    public SceneOptions {
        if (elements < 1 || elements > 4096) {
            throw new IllegalArgumentException("elements must be from 1 to 4096 (got " + elements + ")");
        }
        positive("spacing_m", spacingM);
        positive("carrier_frequency_hz", carrierHz);
        if (rfChains < 0 || (rfChains > 0 && elements % rfChains != 0)) {
            throw new IllegalArgumentException("rf_chains must divide the " + elements
                    + " elements, or be 0 for a fully-digital array (got " + rfChains + ")");
        }
        if (users < 0 || users > 64) {
            throw new IllegalArgumentException("users must be from 0 to 64 (got " + users + ")");
        }
        positive("user range", userRangeM);
        if (nlosPaths < 0 || nlosPaths > 64) {
            throw new IllegalArgumentException("nlos paths must be from 0 to 64 (got " + nlosPaths + ")");
        }
        positive("scatterer range min", scattererRangeMinM);
        positive("scatterer range max", scattererRangeMaxM);
        if (scattererRangeMaxM < scattererRangeMinM) {
            throw new IllegalArgumentException("scatterer range max (" + scattererRangeMaxM
                    + " m) is below the min (" + scattererRangeMinM + " m)");
        }
        if (targetM == null || !targetM.isFinite() || targetM.z() != 0) {
            throw new IllegalArgumentException("target position must be finite with z = 0 (got " + targetM + ")");
        }
        positive("rcs_m2", rcsM2);
        positive("transmit_power_w", powerW);
        positive("noise_w", noiseW);
        if (snapshots < 1) {
            throw new IllegalArgumentException("snapshots must be >= 1 (got " + snapshots + ")");
        }
        if (!(minRateBpsHz >= 0) || !Double.isFinite(minRateBpsHz)) {
            throw new IllegalArgumentException("min_rate_bps_hz must be finite and >= 0 (got " + minRateBpsHz + ")");
        }
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("algorithm must be a design name");
        }
        if (spebMaxM2 != null) {
            positive("speb_max_m2", spebMaxM2);
        }
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be finite and > 0 (got " + v + ")");
        }
    }

    /** @return the aperture D = (N - 1) d (m) */
    public double apertureM() {
        return (elements - 1) * spacingM;
    }

    /** @param n N @return a copy with another number of antennas (same spacing) */
    public SceneOptions withElements(int n) {
        return new SceneOptions(n, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths, scattererRangeMinM,
                scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, snapshots, minRateBpsHz, algorithm, spebMaxM2);
    }

    /** @param d the spacing (m) @return a copy with another element spacing */
    public SceneOptions withSpacingM(double d) {
        return new SceneOptions(elements, d, carrierHz, rfChains, users, userRangeM, nlosPaths, scattererRangeMinM,
                scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, snapshots, minRateBpsHz, algorithm, spebMaxM2);
    }

    /** @param r N_RF, or 0 for fully digital @return a copy with another number of RF chains */
    public SceneOptions withRfChains(int r) {
        return new SceneOptions(elements, spacingM, carrierHz, r, users, userRangeM, nlosPaths, scattererRangeMinM,
                scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, snapshots, minRateBpsHz, algorithm, spebMaxM2);
    }

    /** @param k K @return a copy with another number of users */
    public SceneOptions withUsers(int k) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, k, userRangeM, nlosPaths, scattererRangeMinM,
                scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, snapshots, minRateBpsHz, algorithm, spebMaxM2);
    }

    /** @param l L_k @return a copy with another number of NLoS paths per user */
    public SceneOptions withNlosPaths(int l) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, l, scattererRangeMinM,
                scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, snapshots, minRateBpsHz, algorithm, spebMaxM2);
    }

    /** @param p the target position (m) @return a copy with the target elsewhere */
    public SceneOptions withTargetM(Vec3 p) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths,
                scattererRangeMinM, scattererRangeMaxM, p, rcsM2, powerW, noiseW, snapshots, minRateBpsHz, algorithm,
                spebMaxM2);
    }

    /** @param w P (W) @return a copy with another power budget */
    public SceneOptions withPowerW(double w) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths,
                scattererRangeMinM, scattererRangeMaxM, targetM, rcsM2, w, noiseW, snapshots, minRateBpsHz, algorithm,
                spebMaxM2);
    }

    /** @param w sigma^2 (W) @return a copy with another noise power */
    public SceneOptions withNoiseW(double w) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths,
                scattererRangeMinM, scattererRangeMaxM, targetM, rcsM2, powerW, w, snapshots, minRateBpsHz, algorithm,
                spebMaxM2);
    }

    /** @param t T @return a copy with another number of snapshots */
    public SceneOptions withSnapshots(int t) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths,
                scattererRangeMinM, scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, t, minRateBpsHz, algorithm,
                spebMaxM2);
    }

    /** @param r R_min (bps/Hz) @return a copy with another rate threshold */
    public SceneOptions withMinRateBpsHz(double r) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths,
                scattererRangeMinM, scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, snapshots, r, algorithm,
                spebMaxM2);
    }

    /** @param name a design name @return a copy with another solver algorithm */
    public SceneOptions withAlgorithm(String name) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths,
                scattererRangeMinM, scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, snapshots, minRateBpsHz, name,
                spebMaxM2);
    }

    /** @param m2 Gamma^s (m^2), or null @return a copy with another SPEB bound */
    public SceneOptions withSpebMaxM2(Double m2) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths,
                scattererRangeMinM, scattererRangeMaxM, targetM, rcsM2, powerW, noiseW, snapshots, minRateBpsHz,
                algorithm, m2);
    }

    /** @param m2 sigma_rcs (m^2) @return a copy with another radar cross-section */
    public SceneOptions withRcsM2(double m2) {
        return new SceneOptions(elements, spacingM, carrierHz, rfChains, users, userRangeM, nlosPaths,
                scattererRangeMinM, scattererRangeMaxM, targetM, m2, powerW, noiseW, snapshots, minRateBpsHz,
                algorithm, spebMaxM2);
    }
}
