package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.metrics.EavesdropperMetrics;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.SensingEavesdropperBounds;
import io.fresnel.metrics.SystemMetrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.metrics.UserMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link MetricsJson} writes every metric under its documented key (docs/scenario-format.md),
 * checked on hand-made metrics whose values are all different, so that a key written from the
 * wrong field or left out is caught (found by mutation testing: no test of the io package wrote
 * metrics). Also the {@link OutputGate}'s contract.
 */
class MetricsJsonFieldsTest {

    private static Map<String, Double> map(String k1, double v1, String k2, double v2) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Metrics metrics(double[][] efim, Double nonFinite) {
        UserMetrics u = new UserMetrics("u1", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, nonFinite == null ? 7.0 : nonFinite);
        EavesdropperMetrics e = new EavesdropperMetrics("e1", map("u1", 8.0, "u2", 9.0), map("u1", 10.0, "u2", 11.0),
                12.0, 13.0);
        EavesdropperMetrics overheard = new EavesdropperMetrics("t1", Map.of(), Map.of(), 14.0, null);
        TargetMetrics t = new TargetMetrics("t1", 21.0, 22.0, "an error", efim, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0,
                30.0, 31.0, 32.0, 33.0, 34.0, 35.0, 36.0, overheard);
        return new Metrics(List.of(u), List.of(e), List.of(t),
                List.of(new SensingEavesdropperBounds.Result("s1", 41.0, 42.0)),
                new SystemMetrics(51.0, 52.0, 53.0, 54.0, 55.0));
    }

    private static void expect(JsonNode o, Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            assertTrue(o.has(key), "missing " + key + " in " + o);
            assertEquals(((Number) keyValues[i + 1]).doubleValue(), o.get(key).asDouble(), key);
        }
    }

    @Test
    void everyMetricIsWrittenUnderItsKey() throws Exception {
        ObjectNode root = MetricsJson.toJson(metrics(new double[][] {{61, 62}, {63, 64}}, null));
        expect(root.get("users").get("u1"), "sinr", 1, "rate_bps_hz", 2, "common_sinr", 3, "common_rate_bps_hz", 4,
                "private_sinr", 5, "private_rate_bps_hz", 6, "secrecy_rate_bps_hz", 7);
        JsonNode e = root.get("eavesdroppers").get("e1");
        expect(e.get("sinr"), "u1", 8, "u2", 9);
        expect(e.get("rate_bps_hz"), "u1", 10, "u2", 11);
        expect(e, "common_sinr", 12, "common_rate_bps_hz", 13);
        JsonNode t = root.get("targets").get("t1");
        expect(t, "illumination_w", 21, "echo_power_w", 22, "speb_m2", 23, "peb_m", 24, "crb_angle_rad2", 25,
                "crb_range_m2", 26, "crb_angle_range_rad_m", 27, "crb_angle_known_range_rad2", 28,
                "crb_range_known_angle_m2", 29, "crb_x_m2", 30, "crb_y_m2", 31, "crb_z_m2", 32, "crb_position_m2", 33,
                "pcrb_rad2", 34, "pcrb_upper_rad2", 35, "pcrb_upper_approx_rad2", 36, "common_sinr", 14);
        assertEquals("an error", t.get("error").asText());
        assertFalse(t.has("sinr"), "an overheard block without private SINRs writes none");
        assertFalse(t.has("common_rate_bps_hz"), "a null metric is left out");
        assertEquals("[[61.0,62.0],[63.0,64.0]]", t.get("efim_m_minus2").toString());
        expect(root.get("sensing_eavesdroppers").get("s1"), "crb_angle_strong_rad2", 41, "crb_angle_weak_rad2", 42);
        expect(root.get("system"), "transmit_power_w", 51, "sum_rate_bps_hz", 52, "common_rate_bps_hz", 53,
                "min_secrecy_rate_bps_hz", 54, "crb_position_sum_m2", 55);
        // the text is indented JSON of the same tree
        String text = MetricsJson.toText(root);
        assertTrue(text.contains("\n"), text);
        assertEquals(root, new ObjectMapper().readTree(text));
    }

    @Test
    void aThreeDimensionalEfimIsNotWritten() {
        ObjectNode root = MetricsJson.toJson(metrics(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, null));
        assertFalse(root.get("targets").get("t1").has("efim_m_minus2"));
        assertFalse(MetricsJson.toJson(metrics(null, null)).get("targets").get("t1").has("efim_m_minus2"));
    }

    @Test
    void aNonFiniteMetricIsLeftOutAndNamed() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            java.util.List<String> omitted = new java.util.ArrayList<>();
            JsonNode json = MetricsJson.toJson(metrics(null, bad), omitted::add);
            assertFalse(json.get("users").get("u1").has("secrecy_rate_bps_hz"), json.toString());
            assertEquals(6.0, json.get("users").get("u1").get("private_rate_bps_hz").doubleValue());
            assertEquals(List.of("users.u1.secrecy_rate_bps_hz is not finite (" + bad + ") and is left out"), omitted);
        }
    }

    @Test
    void theGateRefusesCommitsOnceClosedAndReportsEarlierOnes() throws Exception {
        OutputGate fresh = new OutputGate();
        assertFalse(fresh.isClosed());
        assertFalse(fresh.close(), "nothing was committed");
        assertTrue(fresh.isClosed());
        assertFalse(fresh.tryCommit());

        OutputGate used = new OutputGate();
        assertTrue(used.tryCommit());
        assertTrue(used.close(), "one commit happened before the deadline");
        assertFalse(used.tryCommit());

        // the gate is inherited by the threads the installing thread starts
        AtomicReference<OutputGate> installed = new AtomicReference<>();
        AtomicReference<OutputGate> onThread = new AtomicReference<>();
        AtomicReference<OutputGate> inChild = new AtomicReference<>();
        Thread t = new Thread(() -> {
            OutputGate g = new OutputGate();
            g.install();
            installed.set(g);
            onThread.set(OutputGate.current());
            Thread child = new Thread(() -> inChild.set(OutputGate.current()));
            child.start();
            try {
                child.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join();
        assertTrue(installed.get() != null);
        assertSame(installed.get(), onThread.get());
        assertSame(installed.get(), inChild.get());
    }
}
