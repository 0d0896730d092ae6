package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solve} whose designed precoder makes the scenario too large to evaluate. The file has no
 * precoder, so it is read and designed; {@code isotropic} then gives N = 128 sensing streams, and
 * the joint FIM of the 342 targets needs m x S x targets x (dims + 1) = 128 x 128 x 342 x 3 =
 * 16,809,984 complex entries, above the limit of 16 x 2^20 = 16,777,216 (metrics'
 * {@code JointFisherInformation.MAX_COLUMN_ENTRIES}). The command rejects it with exit 2 and the
 * evaluator's one-line reason, writes nothing and prints no JSON.
 */
class SolveTooLargeAfterDesignTest {

    @Test
    void aDesignedPrecoderTooLargeToEvaluateIsRejected(@TempDir Path dir) throws Exception {
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 342; i++) {
            targets.append(i == 0 ? "" : ",\n").append(String.format(Locale.ROOT,
                    "  {\"id\": \"t%d\", \"position_m\": [%.2f, %.2f, 0.0], \"reflection\": [1.0, 0.0]}", i,
                    2.0 + 0.05 * (i % 20), -1.0 + 0.1 * (i / 20)));
        }
        String json = """
                {
                 "format": "fresnel-scenario/1",
                 "name": "342 targets, 128 antennas",
                 "dimension": 2,
                 "carrier_frequency_hz": 28000000000.0,
                 "propagation": {"phase": "exact", "amplitude": "spherical"},
                 "tx_array": {"ula": {"elements": 128, "spacing_m": 0.00535343675, "axis": "y", "center_m": [0.0, 0.0, 0.0]}},
                 "transmit_power_w": 0.1,
                 "sensing": {"snapshots": 10, "noise_w": 1e-11},
                 "users": [],
                 "eavesdroppers": [],
                 "targets": [
                %s
                 ]
                }
                """.formatted(targets);
        Path file = dir.resolve("many-targets.json");
        Files.writeString(file, json);
        Path out = dir.resolve("solved.json");
        GoldenEvalTest.Run r = GoldenEvalTest.run("solve", file.toString(), "--algorithm", "isotropic", "--out",
                out.toString());
        assertEquals(2, r.status(), r.err());
        long entries = 128L * 128 * 342 * 3;
        assertEquals(16_809_984L, entries);
        assertEquals("fresnel: " + file + ": rejected: the joint FIM of 342 targets with 128 receive antennas and 128"
                + " streams needs " + entries + " complex entries, more than the limit " + 16L * 1024 * 1024,
                r.err().strip());
        assertEquals("", r.out());
        assertFalse(Files.exists(out));
        assertTrue(Files.exists(file));
    }
}
