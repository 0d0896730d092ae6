package io.fresnel.stochastic;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code fresnel-p002-result/1} document (STOCHASTIC.md section 2): flat, the eleven outputs'
 * exact values under their keys, the corrected closed forms of the paper as extra keys
 * ({@code lemma..}), the query's scheme and split, and a {@code "monte_carlo"} object with the
 * seeded estimates, their standard errors and the draw counts. An infinite metric (or one that
 * could not be estimated, e.g. no draw inside the truncated range) is JSON {@code null}, never a
 * number.
 */
public final class ResultJson {
    /** The document's format name. */
    public static final String FORMAT = "fresnel-p002-result/1";

    private ResultJson() {
    }

    /**
     * @param query the query
     * @param exact the exact values
     * @param monteCarlo the Monte Carlo estimate, or null to leave it out
     * @return the document
     */
    public static ObjectNode toJson(StochasticQuery query, ExactResult exact, MonteCarloResult monteCarlo) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("scheme", query.scheme().key());
        ObjectNode p = root.putObject("parameters");
        if (query.scheme() == StochasticQuery.Scheme.SSJB) {
            p.put("tau", query.split().tau1());
            p.put("alpha", query.split().alpha());
        } else {
            p.put("tau1", query.split().tau1());
            p.put("tau2", query.split().tau2());
            p.put("tau3", query.split().tau3());
            p.put("tau4", query.split().tau4());
        }
        putOutputs(root, exact.outputs());
        for (Map.Entry<String, Double> e : exact.closedForms().entrySet()) {
            put(root, e.getKey(), e.getValue() == null ? Double.POSITIVE_INFINITY : e.getValue());
        }
        if (monteCarlo != null) {
            ObjectNode mc = root.putObject("monte_carlo");
            mc.put("draws", monteCarlo.draws());
            mc.put("seed", monteCarlo.seed());
            mc.put("draws_inside_truncation_bs", monteCarlo.drawsInsideBs());
            mc.put("draws_inside_truncation_seve", monteCarlo.drawsInsideSeve());
            putOutputs(mc.putObject("values"), monteCarlo.values());
            putOutputs(mc.putObject("standard_errors"), monteCarlo.standardErrors());
        }
        return root;
    }

    private static void putOutputs(ObjectNode node, Outputs outputs) {
        for (Output o : Output.values()) {
            put(node, o.key(), outputs.value(o));
        }
    }

    private static void put(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }
}
