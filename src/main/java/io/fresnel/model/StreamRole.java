package io.fresnel.model;

/** The role of one precoder column (one data or noise stream). */
public enum StreamRole {
    /** RSMA common stream, decoded by every user first. */
    COMMON("common"),
    /** Private stream of one user. */
    PRIVATE("private"),
    /** Artificial noise: interference to everyone. */
    ARTIFICIAL_NOISE("artificial-noise"),
    /** Dedicated sensing (radar) stream: interference to everyone. */
    SENSING("sensing");

    private final String key;

    StreamRole(String key) {
        this.key = key;
    }

    /** @return the name used in scenario files */
    public String key() {
        return key;
    }

    /**
     * @param key a scenario-file name
     * @return the role of that name
     * @throws IllegalArgumentException naming the accepted values when key is unknown
     */
    public static StreamRole fromKey(String key) {
        for (StreamRole r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown stream role \"" + key
                + "\" (expected common, private, artificial-noise or sensing)");
    }
}
