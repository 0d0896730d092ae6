package io.fresnel.render;

/**
 * What a heatmap shows at each point p of a plane (every value in SI; see {@link FieldComputer}
 * for the exact definitions):
 * <ul>
 *   <li>{@link Beampattern}: the radiated power density v(p)^T R_X v(p)^* = ||P^T v(p)||^2 (W);
 *   <li>{@link StreamPattern}: one stream's share |p_i^T v(p)|^2 (W);
 *   <li>{@link Sinr}: the SINR a user would have at p (linear);
 *   <li>{@link Secrecy}: a user's secrecy rate if an eavesdropper stood at p (bit/s/Hz);
 *   <li>{@link Peb}: a target's position error bound if it stood at p (m);
 *   <li>{@link Music}: the MUSIC pseudo-spectrum of one seeded echo realisation (linear, >= 1).
 * </ul>
 */
public sealed interface Layer {

    /** @return a short human-readable name, e.g. {@code SINR of u1} */
    String label();

    /** @return the SI unit of the values: W, 1 (linear ratio), bit/s/Hz or m */
    String siUnit();

    /** @return the text {@link #parse(String)} reads back, e.g. {@code secrecy:u1:e1} */
    String key();

    /** The total beampattern ||P^T v(p)||^2 (W). */
    record Beampattern() implements Layer {
        @Override
        public String label() {
            return "Beampattern";
        }

        @Override
        public String siUnit() {
            return "W";
        }

        @Override
        public String key() {
            return "beampattern";
        }
    }

    /**
     * The pattern of one precoder column |p_i^T v(p)|^2 (W).
     *
     * @param index the stream's 0-based position in {@code precoder.streams} (>= 0)
     */
    record StreamPattern(int index) implements Layer {
        /** Validates the index. */
        public StreamPattern {
            if (index < 0) {
                throw new IllegalArgumentException("a stream index must be >= 0 (got " + index + ")");
            }
        }

        @Override
        public String label() {
            return "Stream " + index + " pattern";
        }

        @Override
        public String siUnit() {
            return "W";
        }

        @Override
        public String key() {
            return "stream:" + index;
        }
    }

    /**
     * The SINR of a user standing at p (SDMA {@code sinr}, RSMA {@code private_sinr}).
     *
     * @param userId the user's id
     */
    record Sinr(String userId) implements Layer {
        /** Validates the id. */
        public Sinr {
            requireId("user", userId);
        }

        @Override
        public String label() {
            return "SINR of " + userId;
        }

        @Override
        public String siUnit() {
            return "1";
        }

        @Override
        public String key() {
            return "sinr:" + userId;
        }
    }

    /**
     * A user's {@code secrecy_rate_bps_hz} if the eavesdropper stood at p.
     *
     * @param userId the user's id
     * @param eavesdropperId the eavesdropper (or eavesdropping target) that moves, or null for
     *     the first one (a hypothetical one when the scenario has none)
     */
    record Secrecy(String userId, String eavesdropperId) implements Layer {
        /** Validates the ids. */
        public Secrecy {
            requireId("user", userId);
            if (eavesdropperId != null) {
                requireId("eavesdropper", eavesdropperId);
            }
        }

        @Override
        public String label() {
            return "Secrecy rate of " + userId + (eavesdropperId == null ? "" : " vs " + eavesdropperId);
        }

        @Override
        public String siUnit() {
            return "bit/s/Hz";
        }

        @Override
        public String key() {
            return "secrecy:" + userId + (eavesdropperId == null ? "" : ":" + eavesdropperId);
        }
    }

    /**
     * The position error bound {@code peb_m} of a target standing at p (m).
     *
     * @param targetId the target's id
     */
    record Peb(String targetId) implements Layer {
        /** Validates the id. */
        public Peb {
            requireId("target", targetId);
        }

        @Override
        public String label() {
            return "PEB of " + targetId;
        }

        @Override
        public String siUnit() {
            return "m";
        }

        @Override
        public String key() {
            return "peb:" + targetId;
        }
    }

    /**
     * The MUSIC pseudo-spectrum P(p) = 1 / (1 - ||U_s^H a(p)||^2 / ||a(p)||^2) of one simulated
     * echo of every target (paper 003 section VI; {@link io.fresnel.localize.MusicSpectrum}),
     * the echo's symbols and noise drawn with the seed: linear, >= 1, peaks at the estimates.
     *
     * @param seed the seed of the echo realisation
     */
    record Music(long seed) implements Layer {
        /** The seed of {@code music} without one. */
        public static final long DEFAULT_SEED = 1;

        @Override
        public String label() {
            return "MUSIC spectrum";
        }

        @Override
        public String siUnit() {
            return "1";
        }

        @Override
        public String key() {
            return seed == DEFAULT_SEED ? "music" : "music:" + seed;
        }
    }

    /**
     * Parses {@code beampattern}, {@code stream:I}, {@code sinr:USER}, {@code secrecy:USER},
     * {@code secrecy:USER:EVE}, {@code peb:TARGET}, {@code music} or {@code music:SEED}.
     *
     * @param text the layer
     * @return the layer
     * @throws IllegalArgumentException naming the accepted forms when the text is not a layer
     */
    static Layer parse(String text) {
        String forms = " (expected beampattern, stream:I, sinr:USER, secrecy:USER[:EAVESDROPPER], peb:TARGET or"
                + " music[:SEED])";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the layer is empty" + forms);
        }
        String[] parts = text.strip().split(":", -1);
        String kind = parts[0].toLowerCase(java.util.Locale.ROOT);
        try {
            switch (kind) {
                case "beampattern" -> {
                    if (parts.length == 1) {
                        return new Beampattern();
                    }
                }
                case "stream" -> {
                    if (parts.length == 2) {
                        try {
                            return new StreamPattern(Integer.parseInt(parts[1].strip()));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("\"" + parts[1] + "\" is not a stream index", e);
                        }
                    }
                }
                case "sinr" -> {
                    if (parts.length == 2) {
                        return new Sinr(parts[1].strip());
                    }
                }
                case "secrecy" -> {
                    if (parts.length == 2 || parts.length == 3) {
                        return new Secrecy(parts[1].strip(), parts.length == 3 ? parts[2].strip() : null);
                    }
                }
                case "peb" -> {
                    if (parts.length == 2) {
                        return new Peb(parts[1].strip());
                    }
                }
                case "music" -> {
                    if (parts.length == 1) {
                        return new Music(Music.DEFAULT_SEED);
                    }
                    if (parts.length == 2) {
                        try {
                            return new Music(Long.parseLong(parts[1].strip()));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("\"" + parts[1] + "\" is not a seed", e);
                        }
                    }
                }
                default -> {
                    // falls through to the error below
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layer \"" + text + "\": " + e.getMessage() + forms, e);
        }
        throw new IllegalArgumentException("unknown layer \"" + text + "\"" + forms);
    }

    private static void requireId(String what, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("the " + what + " id must not be empty");
        }
    }
}
