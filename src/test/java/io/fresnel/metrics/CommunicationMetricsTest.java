package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class CommunicationMetricsTest {
    private static final double LOG2 = Math.log(2);

    /** Two users, an eavesdropper and an eavesdropping target; streams and columns are parameters. */
    private static Scenario scenario(String streams, String columns, String shares) {
        return TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "exact", "amplitude": "unit"},
             "tx_array": {"ula": {"elements": 4, "spacing_m": 0.0428, "axis": "y", "center_m": [0, 0, 0]}},
             "sensing": {"snapshots": 16, "noise_w": 1e-9},
             "users": [{"id": "a", "position_m": [3, 1, 0], "noise_w": 1e-7},
                       {"id": "b", "position_m": [2, -2, 0], "noise_w": 2e-7}],
             "eavesdroppers": [{"id": "e", "position_m": [4, -0.5, 0], "noise_w": 1e-7}],
             "targets": [{"id": "t", "position_m": [2.5, 0.3, 0], "reflection": [0.01, 0], "eavesdropper": true,
                          "noise_w": 1e-7}],
             "precoder": {"streams": [%s], "columns": [%s]%s}}
            """.formatted(streams, columns, shares));
    }

    private static final String COL_A = "[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05]]";
    private static final String COL_B = "[[0.1, -0.3], [0.05, 0.2], [0.3, 0.1], [-0.2, -0.1]]";
    private static final String COL_AN = "[[-0.05, 0.1], [0.1, 0.05], [0.0, -0.1], [0.1, 0.02]]";
    private static final String COL_C = "[[0.2, 0.2], [0.3, -0.1], [0.1, 0.1], [-0.1, 0.2]]";
    private static final String ZERO = "[0, 0, 0, 0]";
    private static final String SDMA = "{\"role\": \"private\", \"user\": \"a\"}, {\"role\": \"private\", \"user\": \"b\"},"
            + " {\"role\": \"artificial-noise\"}";

    @Test
    void secrecyRateIsThePositivePartOfTheRateMinusTheWorstEavesdropper() {
        Metrics m = MetricsEvaluator.evaluate(scenario(SDMA, COL_A + "," + COL_B + "," + COL_AN, ""));
        for (UserMetrics u : m.users()) {
            double worst = Math.max(m.eavesdroppers().get(0).rateBpsHz().get(u.id()),
                    m.targets().get(0).overheard().rateBpsHz().get(u.id()));
            assertEquals(Math.max(0, u.rateBpsHz() - worst), u.secrecyRateBpsHz(), 1e-15);
            assertEquals(Math.log1p(u.sinr()) / LOG2, u.rateBpsHz(), 1e-15);
        }
        assertEquals(m.users().stream().mapToDouble(UserMetrics::secrecyRateBpsHz).min().orElseThrow(),
                m.system().minSecrecyRateBpsHz(), 0);
        assertEquals(m.users().get(0).rateBpsHz() + m.users().get(1).rateBpsHz(), m.system().sumRateBpsHz(), 1e-15);
        assertNull(m.system().commonRateBpsHz());
        assertNull(m.users().get(0).commonSinr());
    }

    @Test
    void rsmaWithAZeroCommonStreamEqualsSdma() {
        Metrics sdma = MetricsEvaluator.evaluate(scenario(SDMA, COL_A + "," + COL_B + "," + COL_AN, ""));
        Metrics rsma = MetricsEvaluator.evaluate(scenario("{\"role\": \"common\"}, " + SDMA,
                ZERO + "," + COL_A + "," + COL_B + "," + COL_AN, ""));
        for (int i = 0; i < 2; i++) {
            UserMetrics s = sdma.users().get(i);
            UserMetrics r = rsma.users().get(i);
            assertNull(r.sinr());
            assertEquals(0, r.commonSinr(), 0);
            assertEquals(s.sinr(), r.privateSinr(), 1e-15 * s.sinr());
            assertEquals(s.rateBpsHz(), r.privateRateBpsHz(), 1e-15);
            assertEquals(s.secrecyRateBpsHz(), r.secrecyRateBpsHz(), 1e-15);
        }
        assertEquals(sdma.system().sumRateBpsHz(), rsma.system().sumRateBpsHz(), 1e-15);
        assertEquals(0, rsma.system().commonRateBpsHz(), 0);
    }

    @Test
    void commonStreamIsDecodedFirstAndThenRemoved() {
        Metrics m = MetricsEvaluator.evaluate(scenario("{\"role\": \"common\"}, " + SDMA,
                COL_C + "," + COL_A + "," + COL_B + "," + COL_AN, ""));
        UserMetrics a = m.users().get(0);
        // with the common stream removed the private SINR is higher than it would be with it as noise
        Metrics sdma = MetricsEvaluator.evaluate(scenario("{\"role\": \"sensing\"}, " + SDMA,
                COL_C + "," + COL_A + "," + COL_B + "," + COL_AN, ""));
        assertTrue(a.privateSinr() > sdma.users().get(0).sinr());
        double commonRate = Math.min(a.commonRateBpsHz(), m.users().get(1).commonRateBpsHz());
        assertEquals(commonRate, m.system().commonRateBpsHz(), 0);
        assertEquals(commonRate + a.privateRateBpsHz() + m.users().get(1).privateRateBpsHz(),
                m.system().sumRateBpsHz(), 1e-14);
    }

    @Test
    void givenSharesSplitTheCommonSecrecyRate() {
        String streams = "{\"role\": \"common\"}, " + SDMA;
        String cols = COL_C + "," + COL_A + "," + COL_B + "," + COL_AN;
        Metrics none = MetricsEvaluator.evaluate(scenario(streams, cols, ", \"common_secrecy_shares\": {\"a\": 0}"));
        Metrics all = MetricsEvaluator.evaluate(scenario(streams, cols, ", \"common_secrecy_shares\": {\"a\": 1}"));
        double commonSecrecy = all.users().get(0).secrecyRateBpsHz() - none.users().get(0).secrecyRateBpsHz();
        assertTrue(commonSecrecy >= 0);
        assertEquals(none.users().get(1).secrecyRateBpsHz(), all.users().get(1).secrecyRateBpsHz(), 0);
    }

    @Test
    void waterFillingRaisesTheLowestUsersToACommonLevel() {
        double[] x = {0.5, 2.0, 0.1, 1.0};
        double c = 1.2;
        double[] y = CommunicationMetrics.waterFill(x, c);
        double given = 0;
        for (int i = 0; i < x.length; i++) {
            assertTrue(y[i] >= x[i]);
            given += y[i] - x[i];
        }
        assertEquals(c, given, 1e-14);
        // level 0.9: 0.1 -> 0.9, 0.5 -> 0.9 (0.8 + 0.4 = 1.2)
        assertArrayEquals(new double[] {0.9, 2.0, 0.9, 1.0}, y, 1e-14);
        assertArrayEquals(x, CommunicationMetrics.waterFill(x, 0), 0);
        // enough to lift everyone: level (sum + c) / n
        double[] z = CommunicationMetrics.waterFill(new double[] {1, 2}, 5);
        assertArrayEquals(new double[] {4, 4}, z, 1e-14);
    }

    @Test
    void withoutEavesdroppersThereIsNoSecrecy() {
        Scenario sc = TestScenarios.parse(TestScenarios.twoTargets("exact", "unit", TestScenarios.ONE_TARGET, "", ""));
        Metrics m = MetricsEvaluator.evaluate(sc);
        assertNull(m.users().get(0).secrecyRateBpsHz());
        assertNull(m.system().minSecrecyRateBpsHz());
    }

    @Test
    void withoutAPrecoderEveryNodeIsListedWithoutValues() {
        Scenario sc = scenario(SDMA, COL_A + "," + COL_B + "," + COL_AN, "").withPrecoder(null);
        Metrics m = MetricsEvaluator.evaluate(sc);
        assertEquals(2, m.users().size());
        assertNull(m.users().get(0).sinr());
        assertNull(m.targets().get(0).illuminationW());
        assertEquals(SystemMetrics.EMPTY, m.system());
    }
}
