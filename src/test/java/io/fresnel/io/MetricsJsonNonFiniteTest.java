package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.metrics.EavesdropperMetrics;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.SensingEavesdropperBounds;
import io.fresnel.metrics.SystemMetrics;
import io.fresnel.metrics.TargetMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A non-finite value deep inside the metrics JSON: inside an eavesdropper's per-user map (an
 * object two levels down), inside a 2 x 2 EFIM (the whole matrix goes: an EFIM with a missing
 * entry is no EFIM), and in a sensing eavesdropper's bound. Each is left out with its full path
 * and nothing finite beside it is touched.
 */
class MetricsJsonNonFiniteTest {

    private static Metrics metrics(double overheardSinr, double[][] efim, double weakBound) {
        Map<String, Double> sinr = new LinkedHashMap<>();
        sinr.put("u1", 8.0);
        sinr.put("u2", overheardSinr);
        Map<String, Double> rate = new LinkedHashMap<>();
        rate.put("u1", 10.0);
        rate.put("u2", 11.0);
        EavesdropperMetrics e = new EavesdropperMetrics("e1", sinr, rate, 12.0, 13.0);
        TargetMetrics t = new TargetMetrics("t1", 21.0, 22.0, null, efim, 23.0, 24.0, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        return new Metrics(List.of(), List.of(e), List.of(t),
                List.of(new SensingEavesdropperBounds.Result("s1", 41.0, weakBound)),
                new SystemMetrics(51.0, null, null, null, null));
    }

    @Test
    void everyNonFiniteValueIsLeftOutWithItsPathAndTheRestKept() {
        List<String> omitted = new ArrayList<>();
        JsonNode root = MetricsJson.toJson(metrics(Double.NaN, new double[][] {{1, 2}, {2, Double.POSITIVE_INFINITY}},
                Double.NEGATIVE_INFINITY), omitted::add);
        assertEquals(List.of("eavesdroppers.e1.sinr.u2 is not finite (NaN) and is left out",
                "targets.t1.efim_m_minus2 holds a value that is not finite and is left out",
                "sensing_eavesdroppers.s1.crb_angle_weak_rad2 is not finite (-Infinity) and is left out"), omitted);
        JsonNode e = root.get("eavesdroppers").get("e1");
        assertEquals("{\"u1\":8.0}", e.get("sinr").toString());
        assertEquals("{\"u1\":10.0,\"u2\":11.0}", e.get("rate_bps_hz").toString());
        assertEquals(12.0, e.get("common_sinr").doubleValue());
        JsonNode t = root.get("targets").get("t1");
        assertFalse(t.has("efim_m_minus2"));
        assertEquals(23.0, t.get("speb_m2").doubleValue());
        assertEquals("{\"crb_angle_strong_rad2\":41.0}", root.get("sensing_eavesdroppers").get("s1").toString());
        String text = MetricsJson.toText((com.fasterxml.jackson.databind.node.ObjectNode) root);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
    }

    @Test
    void aNaNInTheFirstEntryOfAnEfimAlsoDropsItAndAFiniteEfimStays() {
        List<String> omitted = new ArrayList<>();
        JsonNode root = MetricsJson.toJson(metrics(9.0, new double[][] {{Double.NaN, 0}, {0, 1}}, 42.0), omitted::add);
        assertEquals(List.of("targets.t1.efim_m_minus2 holds a value that is not finite and is left out"), omitted);
        assertFalse(root.get("targets").get("t1").has("efim_m_minus2"));
        omitted.clear();
        root = MetricsJson.toJson(metrics(9.0, new double[][] {{1e300, -1e300}, {-1e300, 1e300}}, 42.0), omitted::add);
        assertTrue(omitted.isEmpty(), omitted.toString());
        assertEquals("[[1.0E300,-1.0E300],[-1.0E300,1.0E300]]", root.get("targets").get("t1").get("efim_m_minus2")
                .toString());
        assertEquals(9.0, root.get("eavesdroppers").get("e1").get("sinr").get("u2").doubleValue());
    }
}
