package io.fresnel.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.metrics.EavesdropperMetrics;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.SensingEavesdropperBounds;
import io.fresnel.metrics.SystemMetrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.Text;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The metrics JSON of SCENARIO.md section 5: {@code {"users": {id: {...}}, "eavesdroppers": ...,
 * "targets": ..., "sensing_eavesdroppers": ..., "system": {...}}} with the metric names of
 * section 2. A quantity that does not exist is left out, never written as 0 or NaN; a quantity that
 * exists but could not be computed as a finite number (an overflow on extreme but accepted input) is
 * left out too, and {@link #toJson(Metrics, Consumer)} reports it with its path, so the output
 * never holds NaN or Infinity.
 */
public final class MetricsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    /**
     * @param m the metrics
     * @return the JSON tree
     */
    public static ObjectNode toJson(Metrics m) {
        return toJson(m, reason -> {
        });
    }

    /**
     * @param m the metrics
     * @param omitted receives one line per value left out because it is not finite, e.g.
     *     {@code "users.u1.sinr is not finite (Infinity) and is left out"}
     * @return the JSON tree, every number in it finite
     */
    public static ObjectNode toJson(Metrics m, Consumer<String> omitted) {
        ObjectNode root = tree(m);
        dropNonFinite(root, "", omitted);
        return root;
    }

    private static ObjectNode tree(Metrics m) {
        ObjectNode root = F.objectNode();
        ObjectNode users = root.putObject("users");
        for (UserMetrics u : m.users()) {
            ObjectNode o = users.putObject(u.id());
            put(o, "sinr", u.sinr());
            put(o, "rate_bps_hz", u.rateBpsHz());
            put(o, "common_sinr", u.commonSinr());
            put(o, "common_rate_bps_hz", u.commonRateBpsHz());
            put(o, "private_sinr", u.privateSinr());
            put(o, "private_rate_bps_hz", u.privateRateBpsHz());
            put(o, "secrecy_rate_bps_hz", u.secrecyRateBpsHz());
        }
        ObjectNode eves = root.putObject("eavesdroppers");
        for (EavesdropperMetrics e : m.eavesdroppers()) {
            overheard(eves.putObject(e.id()), e);
        }
        ObjectNode targets = root.putObject("targets");
        for (TargetMetrics t : m.targets()) {
            target(targets.putObject(t.id()), t);
        }
        ObjectNode se = root.putObject("sensing_eavesdroppers");
        for (SensingEavesdropperBounds.Result r : m.sensingEavesdroppers()) {
            ObjectNode o = se.putObject(r.id());
            put(o, "crb_angle_strong_rad2", r.strongRad2());
            put(o, "crb_angle_weak_rad2", r.weakRad2());
        }
        SystemMetrics s = m.system();
        ObjectNode sys = root.putObject("system");
        put(sys, "transmit_power_w", s.transmitPowerW());
        put(sys, "sum_rate_bps_hz", s.sumRateBpsHz());
        put(sys, "common_rate_bps_hz", s.commonRateBpsHz());
        put(sys, "min_secrecy_rate_bps_hz", s.minSecrecyRateBpsHz());
        put(sys, "crb_position_sum_m2", s.crbPositionSumM2());
        return root;
    }

    /**
     * @param node a JSON tree
     * @return it as indented text
     */
    public static String toText(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void target(ObjectNode o, TargetMetrics t) {
        put(o, "illumination_w", t.illuminationW());
        put(o, "echo_power_w", t.echoPowerW());
        if (t.error() != null) {
            o.put("error", t.error());
        }
        if (t.efimM2() != null && t.efimM2().length == 2) {
            // 2-D only (SCENARIO.md section 2); the 3x3 EFIM of a 3-D target is for the UI
            ArrayNode rows = o.putArray("efim_m_minus2");
            for (double[] row : t.efimM2()) {
                ArrayNode r = rows.addArray();
                for (double v : row) {
                    r.add(v);
                }
            }
        }
        put(o, "speb_m2", t.spebM2());
        put(o, "peb_m", t.pebM());
        put(o, "crb_angle_rad2", t.crbAngleRad2());
        put(o, "crb_range_m2", t.crbRangeM2());
        put(o, "crb_angle_range_rad_m", t.crbAngleRangeRadM());
        put(o, "crb_angle_known_range_rad2", t.crbAngleKnownRangeRad2());
        put(o, "crb_range_known_angle_m2", t.crbRangeKnownAngleM2());
        put(o, "crb_x_m2", t.crbXM2());
        put(o, "crb_y_m2", t.crbYM2());
        put(o, "crb_z_m2", t.crbZM2());
        put(o, "crb_position_m2", t.crbPositionM2());
        put(o, "pcrb_rad2", t.pcrbRad2());
        put(o, "pcrb_upper_rad2", t.pcrbUpperRad2());
        put(o, "pcrb_upper_approx_rad2", t.pcrbUpperApproxRad2());
        if (t.overheard() != null) {
            overheard(o, t.overheard());
        }
    }

    private static void overheard(ObjectNode o, EavesdropperMetrics e) {
        if (!e.sinr().isEmpty()) {
            map(o.putObject("sinr"), e.sinr());
            map(o.putObject("rate_bps_hz"), e.rateBpsHz());
        }
        put(o, "common_sinr", e.commonSinr());
        put(o, "common_rate_bps_hz", e.commonRateBpsHz());
    }

    private static void map(ObjectNode o, Map<String, Double> values) {
        values.forEach(o::put);
    }

    private static void put(ObjectNode o, String key, Double v) {
        if (v != null) {
            o.put(key, v);
        }
    }

    /**
     * Removes every non-finite number: a field holding one, or a whole array holding one (an EFIM
     * with a missing entry is no EFIM).
     */
    private static void dropNonFinite(ObjectNode o, String path, Consumer<String> omitted) {
        Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            String here = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            com.fasterxml.jackson.databind.JsonNode v = e.getValue();
            if (v.isObject()) {
                dropNonFinite((ObjectNode) v, here, omitted);
            } else if (v.isNumber() && !Double.isFinite(v.doubleValue())) {
                omitted.accept(Text.oneLine(here) + " is not finite (" + v.doubleValue() + ") and is left out");
                it.remove();
            } else if (v.isArray() && !allFinite(v)) {
                omitted.accept(Text.oneLine(here) + " holds a value that is not finite and is left out");
                it.remove();
            }
        }
    }

    private static boolean allFinite(com.fasterxml.jackson.databind.JsonNode v) {
        if (v.isNumber()) {
            return Double.isFinite(v.doubleValue());
        }
        for (com.fasterxml.jackson.databind.JsonNode c : v) {
            if (!allFinite(c)) {
                return false;
            }
        }
        return true;
    }
}
