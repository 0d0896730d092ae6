package io.fresnel.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One curve of a paper-003 figure: a design run on every scene of the sweep, with its number of
 * RF chains and its role.
 *
 * @param design the design (algorithm) name
 * @param rfChains N_RF of the partially-connected transmitter, or 0 for a fully-digital one
 * @param role ISAC (the scene's constraints), sensing-only (every R_min = 0: the bound of Fig. 5)
 *     or communication-only (no SPEB bound: the bound of Fig. 9)
 */
public record SpebSeries(String design, int rfChains, Role role) {

    /** What the series constrains. */
    public enum Role {
        /** The scene's rate thresholds and SPEB bound. */
        ISAC("isac"),
        /** Every user's rate threshold 0 (the sensing-only bound of Fig. 5). */
        SENSING_ONLY("sensing-only"),
        /** No SPEB bound in the solver block (the communication-only bound of Fig. 9). */
        COMMUNICATION_ONLY("comm-only");

        private final String key;

        Role(String key) {
            this.key = key;
        }

        /** @return the key in {@code --schemes} and the CSV */
        public String key() {
            return key;
        }
    }

    /** Validates the fields. */
    public SpebSeries {
        if (design == null || design.isBlank()) {
            throw new IllegalArgumentException("--schemes: a series needs a design name");
        }
        if (rfChains < 0) {
            throw new IllegalArgumentException("--schemes: RF chains must be >= 0 (got " + rfChains + ")");
        }
        if (role == null) {
            role = Role.ISAC;
        }
    }

    /** @return the legend and CSV label, e.g. {@code speb-min-hybrid, N_RF = 4} */
    public String label() {
        return design + (rfChains == 0 ? ", fully digital" : ", N_RF = " + rfChains)
                + (role == Role.ISAC ? "" : " (" + role.key() + ")");
    }

    /**
     * Parses {@code --schemes} entries {@code NAME[:RF][:ROLE]}: RF a number of RF chains or
     * {@code digital} (0; the default for a name containing {@code digital}), ROLE {@code isac},
     * {@code sensing-only} or {@code comm-only}.
     *
     * @param entries the entries
     * @param defaultRfChains N_RF when an entry gives none
     * @return the series
     * @throws IllegalArgumentException naming the entry that is malformed
     */
    public static List<SpebSeries> parse(List<String> entries, int defaultRfChains) {
        List<SpebSeries> out = new ArrayList<>();
        for (String e : entries) {
            String[] p = e.split(":", -1);
            if (p.length > 3 || p[0].isBlank()) {
                throw new IllegalArgumentException("--schemes: \"" + e + "\" is not NAME[:RF][:ROLE]");
            }
            int rf = p[0].contains("digital") ? 0 : defaultRfChains;
            Role role = Role.ISAC;
            for (int i = 1; i < p.length; i++) {
                String part = p[i].strip().toLowerCase(Locale.ROOT);
                Role r = roleOf(part);
                if (r != null) {
                    role = r;
                } else if (part.equals("digital")) {
                    rf = 0;
                } else {
                    try {
                        rf = Integer.parseInt(part);
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("--schemes: \"" + e + "\": \"" + p[i]
                                + "\" is neither a number of RF chains, digital, isac, sensing-only nor comm-only", ex);
                    }
                }
            }
            out.add(new SpebSeries(p[0].strip(), rf, role));
        }
        return out;
    }

    private static Role roleOf(String key) {
        for (Role r : Role.values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }
}
