package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.SystemMetrics;
import io.fresnel.metrics.UserMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics JSON never holds a non-number: such a value is left out and reported with its path. */
class MetricsJsonTest {

    private static Metrics metrics(double sinr, double power) {
        UserMetrics u = new UserMetrics("u1", sinr, 2.0, null, null, null, null, null);
        UserMetrics v = new UserMetrics("u2", 3.0, 2.0, null, null, null, null, null);
        return new Metrics(List.of(u, v), List.of(), List.of(), List.of(),
                new SystemMetrics(power, 4.0, null, null, null));
    }

    @Test
    void nonFiniteValuesAreLeftOutAndNamed() {
        List<String> omitted = new ArrayList<>();
        ObjectNode json = MetricsJson.toJson(metrics(Double.POSITIVE_INFINITY, Double.NaN), omitted::add);
        String text = MetricsJson.toText(json);
        assertFalse(text.contains("Infinity") || text.contains("NaN"), text);
        assertFalse(json.get("users").get("u1").has("sinr"));
        assertEquals(2.0, json.get("users").get("u1").get("rate_bps_hz").doubleValue());
        assertEquals(3.0, json.get("users").get("u2").get("sinr").doubleValue());
        assertFalse(json.get("system").has("transmit_power_w"));
        assertEquals(4.0, json.get("system").get("sum_rate_bps_hz").doubleValue());
        assertEquals(List.of("users.u1.sinr is not finite (Infinity) and is left out",
                "system.transmit_power_w is not finite (NaN) and is left out"), omitted);
    }

    @Test
    void finiteValuesPassUnchangedAndNothingIsReported() {
        List<String> omitted = new ArrayList<>();
        ObjectNode json = MetricsJson.toJson(metrics(1e300, 0.5), omitted::add);
        assertTrue(omitted.isEmpty(), omitted.toString());
        assertEquals(1e300, json.get("users").get("u1").get("sinr").doubleValue());
        assertEquals(0.5, json.get("system").get("transmit_power_w").doubleValue());
    }
}
