package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StochasticCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = """
        {"format": "fresnel-p002-query/1", "scheme": "ssjb", "parameters": {"tau": 0.6, "alpha": 0.5},
         "tx_elements": 15, "rx_elements": 17, "seve_elements": 15, "transmit_power_w": 10.0, "snapshots": 30,
         "gains": {"user": 0.0316227766, "eve": 0.0316227766, "target": 0.0316227766, "bs_echo": 0.001,
                   "seve_echo": 0.001},
         "noise_w": {"user": 1.0, "eve": 1.0, "target": 1.0, "bs": 1.0, "seve": 1.0},
         "delta_rad": 0.1, "crb_threshold_rad2": {"bs": 0.5, "seve_strong": 1.0, "seve_weak": 1000.0},
         "draws": 5000, "seed": 101}
        """;

    private static Path write(Path dir, String text) throws Exception {
        Path f = dir.resolve("query.json");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void writesTheElevenOutputsExactlyAndByMonteCarlo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("result.json");
        GoldenEvalTest.Run run = GoldenEvalTest.run("stochastic", write(dir, QUERY).toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode r = JSON.readTree(out.toFile());
        assertEquals("fresnel-p002-result/1", r.get("format").asText());
        for (String key : new String[] {"ergodic_rate_user_bps_hz", "ergodic_rate_eve_bps_hz", "ergodic_rate_target_bps_hz",
            "ergodic_secrecy_rate_bps_hz", "ergodic_secrecy_rate_target_bps_hz", "ergodic_crb_bs_rad2",
            "ergodic_crb_seve_strong_rad2", "ergodic_crb_seve_weak_rad2", "outage_crb_bs", "outage_crb_seve_strong",
            "outage_crb_seve_weak"}) {
            assertTrue(r.get(key).isNumber(), key);
            double se = r.get("monte_carlo").get("standard_errors").get(key).asDouble();
            double mc = r.get("monte_carlo").get("values").get(key).asDouble();
            assertTrue(Math.abs(mc - r.get(key).asDouble()) <= 4.5 * se + 1e-6 * Math.abs(mc) + 1e-12, key);
        }
        assertEquals(5000, r.get("monte_carlo").get("draws").asLong());
        assertTrue(r.get("lemma11_eve_rate_bps_hz").isNumber());
    }

    @Test
    void anInfiniteMetricIsNullNeverANumber(@TempDir Path dir) throws Exception {
        GoldenEvalTest.Run run = GoldenEvalTest.run("stochastic",
                write(dir, QUERY.replace("\"alpha\": 0.5", "\"alpha\": 0")).toString());
        assertEquals(0, run.status(), run.err());
        assertFalse(run.out().contains("Infinity") || run.out().contains("NaN"), run.out());
        JsonNode r = JSON.readTree(run.out());
        assertTrue(r.get("ergodic_crb_bs_rad2").isNull());
        assertTrue(r.get("ergodic_crb_seve_weak_rad2").isNull());
        assertEquals(1.0, r.get("outage_crb_bs").asDouble());
        assertTrue(r.get("monte_carlo").get("values").get("ergodic_crb_bs_rad2").isNull());
    }

    @Test
    void aRejectedQueryExitsTwoNamingTheFieldAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("result.json");
        String[][] cases = {{"\"tx_elements\": 15", "\"tx_elements\": 3", "tx_elements"},
            {"\"draws\": 5000", "\"draws\": 0", "draws"}, {"\"ssjb\"", "\"xyz\"", "scheme"},
            {"\"delta_rad\": 0.1", "\"delta_rad\": 2", "delta_rad"}, {"\"seve\": 1.0", "\"seve\": -1", "noise_w.seve"}};
        for (String[] c : cases) {
            GoldenEvalTest.Run run = GoldenEvalTest.run("stochastic", write(dir, QUERY.replace(c[0], c[1])).toString(),
                    "--out", out.toString());
            assertEquals(2, run.status(), c[2]);
            assertTrue(run.err().contains(c[2]), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(Files.exists(out));
        }
        GoldenEvalTest.Run missing = GoldenEvalTest.run("stochastic", dir.resolve("none.json").toString());
        assertEquals(2, missing.status());
        assertEquals("fresnel: " + dir.resolve("none.json") + ": rejected: cannot read the file (no such file)",
                missing.err().strip());
        GoldenEvalTest.Run folder = GoldenEvalTest.run("stochastic", dir.toString());
        assertEquals(2, folder.status());
        assertTrue(folder.err().startsWith("fresnel: " + dir + ": rejected: cannot read the file ("), folder.err());
    }

    /** One thread is allowed and gives the same document as two (the seed fixes the draws); zero is rejected. */
    @Test
    void threadsAreAtLeastOneAndDoNotChangeTheResult(@TempDir Path dir) throws Exception {
        Path query = write(dir, QUERY.replace("\"draws\": 5000", "\"draws\": 2000"));
        GoldenEvalTest.Run one = GoldenEvalTest.run("stochastic", query.toString(), "--threads", "1");
        GoldenEvalTest.Run two = GoldenEvalTest.run("stochastic", query.toString(), "--threads", "2");
        assertEquals(0, one.status(), one.err());
        assertEquals(0, two.status(), two.err());
        assertEquals(one.out(), two.out());
        assertTrue(one.out().endsWith(System.lineSeparator()) && one.out().strip().startsWith("{"), one.out());
        assertEquals("", one.err());
        GoldenEvalTest.Run zero = GoldenEvalTest.run("stochastic", query.toString(), "--threads", "0");
        assertEquals(2, zero.status());
        assertEquals("fresnel: " + query + ": rejected: --threads must be at least 1 (got 0)", zero.err().strip());
        assertEquals("", zero.out());
    }

    /** With --out the document goes to the file only (same text as stdout); an unwritable --out is exit 2. */
    @Test
    void theOutFileHoldsWhatStdoutWouldAndAnUnwritableOneIsRejected(@TempDir Path dir) throws Exception {
        Path query = write(dir, QUERY.replace("\"draws\": 5000", "\"draws\": 1000"));
        Path out = dir.resolve("result.json");
        GoldenEvalTest.Run toFile = GoldenEvalTest.run("stochastic", query.toString(), "--out", out.toString());
        GoldenEvalTest.Run toStdout = GoldenEvalTest.run("stochastic", query.toString());
        assertEquals(0, toFile.status(), toFile.err());
        assertEquals("", toFile.out());
        assertEquals(toStdout.out(), Files.readString(out));
        Path bad = dir.resolve("missing/result.json");
        GoldenEvalTest.Run unwritable = GoldenEvalTest.run("stochastic", query.toString(), "--out", bad.toString());
        assertEquals(2, unwritable.status());
        assertTrue(unwritable.err().startsWith("fresnel: " + query + ": rejected: --out " + bad + ": cannot write ("),
                unwritable.err());
        assertFalse(Files.exists(bad));
    }
}
