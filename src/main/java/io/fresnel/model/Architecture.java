package io.fresnel.model;

/**
 * Transmitter architecture.
 *
 * @param kind digital or hybrid
 * @param rfChains number of RF chains L (>= 1), or null when not given
 */
public record Architecture(ArchitectureKind kind, Integer rfChains) {

    /** A fully digital transmitter. */
    public static final Architecture DIGITAL = new Architecture(ArchitectureKind.DIGITAL, null);

    /** Validates the fields. */
    public Architecture {
        Checks.required("kind", kind);
        if (rfChains != null && rfChains < 1) {
            throw new IllegalArgumentException("rf_chains must be >= 1 (got " + rfChains + ")");
        }
        if (kind != ArchitectureKind.DIGITAL && rfChains == null) {
            throw new IllegalArgumentException("rf_chains is required for a hybrid architecture");
        }
    }
}
