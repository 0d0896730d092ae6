package io.fresnel.model;

import io.fresnel.math.ComplexMatrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transmit precoder x = P s: one column per stream, either given directly ({@code columns})
 * or as a hybrid product P = F_A F_D.
 *
 * @param streams the role of each column, in column order
 * @param columns P (N x S), or null when {@code analog} and {@code digital} are given
 * @param analog F_A (N x L), or null
 * @param digital F_D (L x S), or null
 * @param commonSecrecyShares RSMA shares of the common secrecy rate per user id (>= 0, sum <= 1),
 *     or null for the max-min water-filling split
 */
public record Precoder(List<Stream> streams, ComplexMatrix columns, ComplexMatrix analog, ComplexMatrix digital,
        Map<String, Double> commonSecrecyShares) {

    /** Largest number of streams (columns). */
    public static final int MAX_STREAMS = 4096;

    /** Validates shapes and roles. */
    public Precoder {
        Checks.required("streams", streams);
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("streams must list at least one stream");
        }
        if (streams.size() > MAX_STREAMS) {
            throw new IllegalArgumentException("streams lists more than " + MAX_STREAMS + " streams");
        }
        long common = streams.stream().filter(s -> s.role() == StreamRole.COMMON).count();
        if (common > 1) {
            throw new IllegalArgumentException("streams has " + common + " common streams; at most one is allowed");
        }
        long distinctPrivate = streams.stream().filter(s -> s.role() == StreamRole.PRIVATE)
                .map(Stream::userId).distinct().count();
        long privates = streams.stream().filter(s -> s.role() == StreamRole.PRIVATE).count();
        if (distinctPrivate != privates) {
            throw new IllegalArgumentException("streams has two private streams for the same user");
        }
        if (columns != null) {
            if (analog != null || digital != null) {
                throw new IllegalArgumentException("give either columns or F_A and F_D, not both");
            }
            if (columns.cols() != streams.size()) {
                throw new IllegalArgumentException("columns has " + columns.cols() + " columns but streams lists "
                        + streams.size() + " streams");
            }
            if (!columns.isFinite()) {
                throw new IllegalArgumentException("columns must contain finite numbers only");
            }
        } else {
            if (analog == null || digital == null) {
                throw new IllegalArgumentException("columns, or both F_A and F_D, are required");
            }
            if (digital.rows() != analog.cols()) {
                throw new IllegalArgumentException("F_D columns have " + digital.rows() + " entries but F_A has "
                        + analog.cols() + " RF-chain columns");
            }
            if (digital.cols() != streams.size()) {
                throw new IllegalArgumentException("F_D has " + digital.cols() + " columns but streams lists "
                        + streams.size() + " streams");
            }
            if (!analog.isFinite()) {
                throw new IllegalArgumentException("F_A must contain finite numbers only");
            }
            if (!digital.isFinite()) {
                throw new IllegalArgumentException("F_D must contain finite numbers only");
            }
        }
        ComplexMatrix rowsSource = columns != null ? columns : analog;
        if ((long) rowsSource.rows() * streams.size() > Envelope.MAX_PRECODER_ENTRIES) {
            throw new IllegalArgumentException((columns != null ? "columns" : "F_A") + ": the effective precoder has "
                    + rowsSource.rows() + " x " + streams.size() + " entries, more than the limit "
                    + Envelope.MAX_PRECODER_ENTRIES);
        }
        bounded(columns != null ? "columns" : "F_A", rowsSource);
        if (digital != null) {
            bounded("F_D", digital);
        }
        if (commonSecrecyShares != null) {
            if (common == 0) {
                throw new IllegalArgumentException("common_secrecy_shares needs a common stream");
            }
            double sum = 0;
            for (Map.Entry<String, Double> e : commonSecrecyShares.entrySet()) {
                double v = Checks.required("common_secrecy_shares." + e.getKey(), e.getValue());
                Checks.nonNegative("common_secrecy_shares." + e.getKey(), v);
                sum += v;
            }
            if (sum > 1 + 1e-12) {
                throw new IllegalArgumentException("common_secrecy_shares must sum to at most 1 (got " + sum + ")");
            }
            commonSecrecyShares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(commonSecrecyShares));
        }
        streams = List.copyOf(streams);
    }

    /** @return whether the precoder is given as F_A F_D */
    public boolean isHybrid() {
        return columns == null;
    }

    /** @return the effective precoder P (N x S) */
    public ComplexMatrix effective() {
        return columns != null ? columns : analog.times(digital);
    }

    /**
     * @param factor a real amplitude factor (power scales by its square)
     * @return a copy whose effective precoder is factor * P (for a hybrid precoder F_D is scaled,
     *     so F_A keeps unit modulus)
     */
    public Precoder scaled(double factor) {
        return isHybrid() ? new Precoder(streams, null, analog, digital.scaled(factor), commonSecrecyShares)
                : new Precoder(streams, columns.scaled(factor), null, null, commonSecrecyShares);
    }

    /** @return the index of the common stream, or -1 */
    public int commonIndex() {
        for (int i = 0; i < streams.size(); i++) {
            if (streams.get(i).role() == StreamRole.COMMON) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of the private stream of the user, or -1 */
    public int privateIndex(String userId) {
        for (int i = 0; i < streams.size(); i++) {
            Stream s = streams.get(i);
            if (s.role() == StreamRole.PRIVATE && s.userId().equals(userId)) {
                return i;
            }
        }
        return -1;
    }

    /** (0.99 {@link Envelope#MAX_PRECODER_ENTRY})^2: an entry with |re|^2 + |im|^2 below it is within the bound. */
    private static final double INSIDE_SQUARED = 0.99 * 0.99 * Envelope.MAX_PRECODER_ENTRY * Envelope.MAX_PRECODER_ENTRY;

    private static void bounded(String field, ComplexMatrix m) {
        for (int c = 0; c < m.cols(); c++) {
            for (int r = 0; r < m.rows(); r++) {
                double re = m.re(r, c);
                double im = m.im(r, c);
                // far inside the bound (with a margin for the rounding of the squares): no hypot, no message
                if (re * re + im * im <= INSIDE_SQUARED) {
                    continue;
                }
                // the field name is built only here (per entry it cost more than the check itself on large arrays)
                Envelope.magnitude(field + "[" + c + "][" + r + "]", Math.hypot(re, im), Envelope.MAX_PRECODER_ENTRY);
            }
        }
    }
}
