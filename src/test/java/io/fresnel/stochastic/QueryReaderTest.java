package io.fresnel.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryReaderTest {
    static final String SSJB = """
        {"format": "fresnel-p002-query/1", "scheme": "ssjb", "parameters": {"tau": 0.6, "alpha": 0.5},
         "tx_elements": 15, "rx_elements": 17, "seve_elements": 15, "transmit_power_w": 10.0, "snapshots": 30,
         "gains": {"user": 0.0316227766, "eve": 0.0316227766, "target": 0.0316227766, "bs_echo": 0.001,
                   "seve_echo": 0.001},
         "noise_w": {"user": 1.0, "eve": 1.0, "target": 1.0, "bs": 1.0, "seve": 1.0},
         "delta_rad": 0.1, "crb_threshold_rad2": {"bs": 0.5, "seve_strong": 1.0, "seve_weak": 1000.0},
         "draws": 100000, "seed": 101}
        """;

    @Test
    void readsTheSpecificationsExample() {
        StochasticQuery q = QueryReader.parse(SSJB);
        assertEquals(StochasticQuery.Scheme.SSJB, q.scheme());
        assertEquals(0.6, q.split().tau1());
        assertEquals(0.5, q.split().alpha());
        assertEquals(15, q.txElements());
        assertEquals(0.001, q.gains().bsEcho());
        assertEquals(1000.0, q.thresholds().seveWeak());
        assertEquals(100000, q.draws());
        assertEquals(101, q.seed());
    }

    @Test
    void readsAnSlbSplit() {
        StochasticQuery q = QueryReader.parse(SSJB.replace("\"ssjb\"", "\"slb\"")
                .replace("\"tau\": 0.6, \"alpha\": 0.5", "\"tau1\": 0.1, \"tau2\": 0.2, \"tau3\": 0.7"));
        assertEquals(0.7, q.split().tau3());
        assertEquals(0, q.split().tau4(), 1e-15);
    }

    private static void rejected(String json, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryReader.parse(json));
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }

    @Test
    void everyBadFieldIsNamed() {
        rejected(SSJB.replace("\"tx_elements\": 15", "\"tx_elements\": 3"), "tx_elements");
        rejected(SSJB.replace("\"tx_elements\": 15", "\"tx_elements\": 15.5"), "tx_elements");
        rejected(SSJB.replace("\"tau\": 0.6", "\"tau\": 1.2"), "parameters.tau");
        rejected(SSJB.replace("\"alpha\": 0.5", "\"alpha\": -0.5"), "parameters.alpha");
        rejected(SSJB.replace("\"delta_rad\": 0.1", "\"delta_rad\": 1.6"), "delta_rad");
        rejected(SSJB.replace("\"delta_rad\": 0.1", "\"delta_rad\": 0"), "delta_rad");
        rejected(SSJB.replace("\"bs\": 1.0", "\"bs\": 0"), "noise_w.bs");
        rejected(SSJB.replace("\"draws\": 100000", "\"draws\": 0"), "draws");
        rejected(SSJB.replace("\"draws\": 100000", "\"draws\": -5"), "draws");
        rejected(SSJB.replace("\"ssjb\"", "\"mrt\""), "scheme");
        rejected(SSJB.replace("fresnel-p002-query/1", "fresnel-p002-query/2"), "format");
        rejected(SSJB.replace("\"transmit_power_w\": 10.0", "\"transmit_power_w\": -1"), "transmit_power_w");
        rejected(SSJB.replace("\"seve_echo\": 0.001", "\"seve_echo\": \"big\""), "gains.seve_echo");
        rejected(SSJB.replace("\"tau\": 0.6, ", ""), "parameters.tau");
        rejected("[1, 2]", "the query must be a JSON object");
        rejected(SSJB.replace("\"ssjb\"", "\"slb\"")
                .replace("\"tau\": 0.6, \"alpha\": 0.5", "\"tau1\": 0.5, \"tau2\": 0.4, \"tau3\": 0.2"),
                "parameters.tau1 + tau2 + tau3");
        rejected(SSJB.replace("\"ssjb\"", "\"slb\"")
                .replace("\"tau\": 0.6, \"alpha\": 0.5", "\"tau1\": 0.5, \"tau2\": -0.1, \"tau3\": 0.2"),
                "parameters.tau2");
    }

    @Test
    void aBrokenDocumentGetsTheParsersReasonAndPlaceWithoutItsSourceNote() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryReader.parse("{\"format\": [1,\n 2}"));
        assertEquals("not a JSON document: Unexpected close marker '}': expected ']' (for the array starting at"
                + " line 1, column 12) (line 2, column 3)", e.getMessage());
    }
}
