package io.fresnel.stochastic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fresnel.model.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a {@code fresnel-p002-query/1} document (STOCHASTIC.md section 2) into a
 * {@link StochasticQuery}. Every rejection is an {@link IllegalArgumentException} whose message
 * names the field, e.g. {@code "tx_elements must be an integer >= 4 (got 3)"}; unknown keys are
 * ignored.
 */
public final class QueryReader {
    /** Largest accepted N, M, Ne (a sanity bound, not a model limit). */
    public static final int MAX_ELEMENTS = 4096;
    /** Largest accepted number of Monte Carlo draws. */
    public static final long MAX_DRAWS = 1_000_000_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QueryReader() {
    }

    /**
     * @param file the query file
     * @return the query
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static StochasticQuery read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /**
     * @param json the document
     * @return the query
     * @throws IllegalArgumentException naming the field that is missing or wrong (or saying the
     *     text is not JSON)
     */
    public static StochasticQuery parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + Text.parserReason(e.getOriginalMessage())
                    + (e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the query must be a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.asText().equals(StochasticQuery.FORMAT)) {
            throw new IllegalArgumentException("format must be \"" + StochasticQuery.FORMAT + "\" (got "
                    + (format == null ? "nothing" : format.toString()) + ")");
        }
        JsonNode schemeNode = root.get("scheme");
        if (schemeNode == null || !schemeNode.isTextual()) {
            throw new IllegalArgumentException("scheme must be \"ssjb\" or \"slb\" (got "
                    + (schemeNode == null ? "nothing" : schemeNode.toString()) + ")");
        }
        StochasticQuery.Scheme scheme = StochasticQuery.Scheme.of(schemeNode.asText());
        JsonNode p = object(root, "parameters");
        StochasticQuery.PowerSplit split = scheme == StochasticQuery.Scheme.SSJB
                ? StochasticQuery.PowerSplit.ssjb(number(p, "tau", "parameters.tau"),
                        number(p, "alpha", "parameters.alpha"))
                : StochasticQuery.PowerSplit.slb(number(p, "tau1", "parameters.tau1"),
                        number(p, "tau2", "parameters.tau2"), number(p, "tau3", "parameters.tau3"));
        JsonNode g = object(root, "gains");
        JsonNode n = object(root, "noise_w");
        JsonNode t = object(root, "crb_threshold_rad2");
        return new StochasticQuery(scheme, split,
                (int) integer(root, "tx_elements", "tx_elements", MAX_ELEMENTS),
                (int) integer(root, "rx_elements", "rx_elements", MAX_ELEMENTS),
                (int) integer(root, "seve_elements", "seve_elements", MAX_ELEMENTS),
                number(root, "transmit_power_w", "transmit_power_w"),
                (int) integer(root, "snapshots", "snapshots", Integer.MAX_VALUE),
                new StochasticQuery.Gains(number(g, "user", "gains.user"), number(g, "eve", "gains.eve"),
                        number(g, "target", "gains.target"), number(g, "bs_echo", "gains.bs_echo"),
                        number(g, "seve_echo", "gains.seve_echo")),
                new StochasticQuery.Noise(number(n, "user", "noise_w.user"), number(n, "eve", "noise_w.eve"),
                        number(n, "target", "noise_w.target"), number(n, "bs", "noise_w.bs"),
                        number(n, "seve", "noise_w.seve")),
                number(root, "delta_rad", "delta_rad"),
                new StochasticQuery.Thresholds(number(t, "bs", "crb_threshold_rad2.bs"),
                        number(t, "seve_strong", "crb_threshold_rad2.seve_strong"),
                        number(t, "seve_weak", "crb_threshold_rad2.seve_weak")),
                integer(root, "draws", "draws", MAX_DRAWS),
                integer(root, "seed", "seed", Long.MAX_VALUE));
    }

    private static JsonNode object(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException(key + " must be an object (got "
                    + (v == null ? "nothing" : v.toString()) + ")");
        }
        return v;
    }

    private static double number(JsonNode parent, String key, String field) {
        JsonNode v = parent.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number (got "
                    + (v == null ? "nothing" : v.toString()) + ")");
        }
        return v.asDouble();
    }

    private static long integer(JsonNode parent, String key, String field, long max) {
        JsonNode v = parent.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be an integer (got "
                    + (v == null ? "nothing" : v.toString()) + ")");
        }
        double d = v.asDouble();
        if (!v.canConvertToLong() || d != Math.rint(d) || (v.isFloatingPointNumber() && Math.abs(d) > 0x1p53)) {
            throw new IllegalArgumentException(field + " must be an integer (got " + v + ")");
        }
        long x = v.asLong();
        if (x > max) {
            throw new IllegalArgumentException(field + " must be an integer <= " + max + " (got " + v + ")");
        }
        if (x < Integer.MIN_VALUE && max <= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be an integer (got " + v + ")");
        }
        return x;
    }
}
