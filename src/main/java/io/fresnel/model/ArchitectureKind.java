package io.fresnel.model;

/** Transmitter architecture: fully digital, or hybrid P = F_A F_D. */
public enum ArchitectureKind {
    /** One RF chain per antenna; P is free. */
    DIGITAL("digital"),
    /** Every RF chain drives every antenna through a phase shifter (unit-modulus F_A). */
    HYBRID_FULL("hybrid-full"),
    /** RF chain l drives its own block of N / L antennas (block-diagonal unit-modulus F_A). */
    HYBRID_PARTIAL("hybrid-partial");

    private final String key;

    ArchitectureKind(String key) {
        this.key = key;
    }

    /** @return the name used in scenario files */
    public String key() {
        return key;
    }

    /**
     * @param key a scenario-file name
     * @return the kind of that name
     * @throws IllegalArgumentException naming the accepted values when key is unknown
     */
    public static ArchitectureKind fromKey(String key) {
        for (ArchitectureKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown architecture kind \"" + key
                + "\" (expected digital, hybrid-full or hybrid-partial)");
    }
}
