package io.fresnel.model;

/** The amplitude model A_n(p) of the one-way response (SCENARIO.md section 1). */
public enum AmplitudeModel {
    /** A_n = 1; the path loss sits in the node's scalar gain. */
    UNIT("unit"),
    /** A_n = lambda / (4 pi |p - t_n|): free-space amplitude per element. */
    SPHERICAL("spherical");

    private final String key;

    AmplitudeModel(String key) {
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
    public static AmplitudeModel fromKey(String key) {
        for (AmplitudeModel m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown amplitude model \"" + key + "\" (expected unit or spherical)");
    }
}
