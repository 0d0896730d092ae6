package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two rejections that exit 2 with one line naming the cause: {@code localize} on a scenario whose
 * solver block cannot design a precoder (a user asking 40 bit/s/Hz: infeasible), and
 * {@code render --dynamic-range} that is not a positive number of dB.
 */
class DesignFirstAndRangeRejectionsTest {
    private static final String SCENARIO = "src/test/resources/golden/public/p_dbg_random_n6.scenario.json";

    /** The CRB-min golden scenario without its precoder and with an unreachable rate requirement. */
    private static Path infeasible(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(io.fresnel.GoldenFiles.goldenDir()
                .resolve("solver/p_solver_crb_2d_n8.scenario.json").toFile());
        tree.remove("precoder");
        ((ObjectNode) tree.get("users").get(0)).put("min_rate_bps_hz", 40.0);
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        return f;
    }

    @Test
    void localizeNamesTheDesignThatCouldNotDesignAPrecoder(@TempDir Path dir) throws Exception {
        Path f = infeasible(dir);
        String algorithm = new ObjectMapper().readTree(f.toFile()).get("solver").get("algorithm").asText();
        Path csv = dir.resolve("trials.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("localize", f.toString(), "--trials", "2", "--csv", csv.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("fresnel: localize: rejected: " + f + ": the scenario has no precoder and its"
                + " solver block could not design one: " + algorithm + " ended infeasible ("), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(csv));
    }

    @Test
    void aDynamicRangeThatIsNotPositiveIsRejectedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        for (String bad : new String[] {"0", "-3"}) {
            Path png = dir.resolve("map.png");
            GoldenEvalTest.Run r = GoldenEvalTest.run("render", SCENARIO, "--layer", "beampattern", "--grid", "9x7",
                    "--extent", "1,20,-10,10", "--dynamic-range", bad, "--out", png.toString());
            assertEquals(2, r.status(), r.err());
            assertEquals("fresnel: render: rejected: the dynamic range must be a positive number (got "
                    + Double.parseDouble(bad) + ")", r.err().strip());
            assertFalse(Files.exists(png));
        }
    }
}
