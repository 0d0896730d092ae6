package io.fresnel.model;

/**
 * The physical envelope of a scenario: the ranges of every quantity inside which each
 * computation of Fresnel stays finite (no overflow of |c p|^2, of the Fisher information or of a
 * phase k D) and within bounded memory and work. A value outside is rejected by the model's
 * constructors with a message naming the field, the value and the range, e.g.
 * {@code carrier_frequency_hz must be in [1000.0, 1.0E15] (got 1.0E-300)}. The ranges are
 * documented in docs/scenario-format.md ("The envelope").
 *
 * <p>Why these bounds: with every gain and reflection at most 1e6 in magnitude,
 * precoder entries at most 1e9, at most 65,536 elements, noise at least 1e-30 W and at most 1e9
 * snapshots, a received power is below (65,536 x 1e6 x 1e9)^2 ~ 4e39 W and a Fisher-information
 * entry below ~1e110 (m^-2), far from the largest double (1.8e308), while noise of 1e-30 W (below the thermal noise of any
 * receiver) keeps a ratio finite.
 */
public final class Envelope {
    /** Largest coordinate magnitude of any point (m): positions, array extents, render extents. */
    public static final double MAX_COORDINATE_M = 1e7;
    /** Smallest carrier frequency (Hz). */
    public static final double MIN_FREQUENCY_HZ = 1e3;
    /** Largest carrier frequency (Hz). */
    public static final double MAX_FREQUENCY_HZ = 1e15;
    /** Smallest propagation speed (m/s): acoustic arrays in air are above it. */
    public static final double MIN_SPEED_M_S = 1;
    /** Largest propagation speed (m/s). */
    public static final double MAX_SPEED_M_S = 1e9;
    /** Smallest wavelength c / f (m). */
    public static final double MIN_WAVELENGTH_M = 1e-9;
    /** Largest wavelength c / f (m). */
    public static final double MAX_WAVELENGTH_M = 1e6;
    /** Largest transmit power, noise power or sensing noise (W). */
    public static final double MAX_POWER_W = 1e9;
    /** Smallest noise power (W). */
    public static final double MIN_NOISE_W = 1e-30;
    /** Largest magnitude of a gain, channel entry, scatterer gain or reflection coefficient. */
    public static final double MAX_GAIN = 1e6;
    /** Largest magnitude of a precoder entry (columns, F_A, F_D). */
    public static final double MAX_PRECODER_ENTRY = 1e9;
    /** Largest number of snapshots T. */
    public static final int MAX_SNAPSHOTS = 1_000_000_000;
    /** Largest minimum rate a user may require (bit/s/Hz). */
    public static final double MAX_RATE_BPS_HZ = 1000;
    /** Smallest range of a prior's candidates (m). */
    public static final double MIN_PRIOR_RANGE_M = 1e-6;
    /** Smallest and largest prior standard deviation (rad). */
    public static final double MIN_PRIOR_SIGMA_RAD = 1e-9;
    /** Largest prior standard deviation (rad). */
    public static final double MAX_PRIOR_SIGMA_RAD = 10;
    /** Largest number of entries N x S of the effective precoder (4,194,304: 64 MiB as doubles). */
    public static final long MAX_PRECODER_ENTRIES = 1L << 22;
    /**
     * Largest evaluation work: (users + eavesdroppers + targets + their scatterers) x streams x N
     * complex multiply-adds (about a few seconds on one core).
     */
    public static final long MAX_WORK = 1L << 31;

    private Envelope() {
    }

    /**
     * @param field the field name
     * @param value the value
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws IllegalArgumentException when it is not a finite number in [min, max]
     */
    public static double inRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "] (got " + value + ")");
        }
        return value;
    }

    /**
     * @param field the field name
     * @param magnitude a magnitude (|z|)
     * @param max the largest allowed magnitude
     * @throws IllegalArgumentException when it is above max
     */
    static void magnitude(String field, double magnitude, double max) {
        if (!(magnitude <= max)) {
            throw new IllegalArgumentException(field + " must have magnitude <= " + max + " (got " + magnitude + ")");
        }
    }
}
