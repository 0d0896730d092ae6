package io.fresnel.model;

/** The phase model D_n(p) of the one-way response (SCENARIO.md section 1). */
public enum PhaseModel {
    /** D_n = |p - t_n|: exact spherical wavefront. */
    EXACT("exact"),
    /** Second-order (Fresnel) expansion of |p - t_n| about the reference point. */
    FRESNEL("fresnel"),
    /** First-order (planar wavefront) expansion about the reference point. */
    FAR_FIELD("far-field");

    private final String key;

    PhaseModel(String key) {
        this.key = key;
    }

    /** @return the name used in scenario files */
    public String key() {
        return key;
    }

    /**
     * @param key a scenario-file name
     * @return the model of that name
     * @throws IllegalArgumentException naming the accepted values when key is unknown
     */
    public static PhaseModel fromKey(String key) {
        for (PhaseModel m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown phase model \"" + key + "\" (expected exact, fresnel or far-field)");
    }
}
