package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minimised reproducers of the hostile inputs that once crashed, printed non-numbers or ran away
 * (issue 13): each ends with exit 2 and a one-line message naming the field, or exit 0 with
 * finite output.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path mutant(String golden, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(GoldenFiles.goldenDir().resolve("public/" + golden).toFile());
        edit.accept(tree);
        Path f = dir.resolve("m.json");
        Files.writeString(f, JSON.writeValueAsString(tree));
        return f;
    }

    private static void rejected(GoldenEvalTest.Run r, String field) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(field), "names " + field + ": " + r.err());
    }

    private static void finite(GoldenEvalTest.Run r) {
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
    }

    @Test
    void hugePrecoderEntriesAndReflectionsAreOutsideTheEnvelope() throws IOException {
        rejected(GoldenEvalTest.run("eval", mutant("p_dbg_mrt_n4.scenario.json", t -> {
            ArrayNode col = (ArrayNode) t.with("precoder").withArray("columns").get(0);
            col.set(0, JSON.createArrayNode().add(1e154).add(0));
        }).toString()), "precoder.columns[0][0]");
        rejected(GoldenEvalTest.run("eval", mutant("p004_upa_two_targets.scenario.json", t -> {
            ((ObjectNode) t.withArray("targets").get(0)).set("reflection", JSON.createArrayNode().add(1e200).add(0));
        }).toString()), "targets[0].reflection");
    }

    @Test
    void wavelengthsThatUnderflowOrOverflowAreRejected() throws IOException {
        rejected(GoldenEvalTest.run("eval", mutant("p_dbg_mrt_n4.scenario.json",
                t -> t.put("speed_of_light_m_s", 5e-324)).toString()), "speed_of_light_m_s");
        rejected(GoldenEvalTest.run("eval", mutant("p_dbg_mrt_n4.scenario.json",
                t -> t.put("carrier_frequency_hz", 1e-300)).toString()), "carrier_frequency_hz");
    }

    @Test
    void priorCandidatesAtATinyRangeAreRejected() throws IOException {
        rejected(GoldenEvalTest.run("eval", mutant("p001_an_prior_farfield.scenario.json",
                t -> ((ObjectNode) t.withArray("targets").get(0).get("prior")).put("range_m", 1e-300)).toString()),
                "range_m");
    }

    @Test
    void anAllZeroPrecoderWithAPriorGivesThePriorOnlyBound() throws IOException {
        Path f = mutant("p001_an_prior_farfield.scenario.json", t -> {
            for (var col : t.with("precoder").withArray("columns")) {
                for (int i = 0; i < col.size(); i++) {
                    ((ArrayNode) col).set(i, JSON.createArrayNode().add(0).add(0));
                }
            }
        });
        GoldenEvalTest.Run r = GoldenEvalTest.run("eval", f.toString());
        finite(r);
        double sigma = JSON.readTree(f.toFile()).get("targets").get(0).get("prior").get("sigma_rad").asDouble();
        double pcrb = JSON.readTree(r.out()).get("targets").get("target").get("pcrb_rad2").asDouble();
        // no illumination: the Bayesian information is the prior's alone, J_P >= 1/sigma^2
        assertTrue(pcrb > 0 && pcrb <= sigma * sigma * (1 + 1e-9), "pcrb " + pcrb);
    }

    @Test
    void precodersAndDesignsTooLargeForMemoryAreRejectedBeforeAllocating() throws IOException {
        rejected(GoldenEvalTest.run("solve", mutant("p_dbg_mrt_n4.scenario.json", t -> {
            ObjectNode ula = t.with("tx_array").removeAll().putObject("ula");
            ula.put("elements", 65536).put("spacing_m", 0.005).put("axis", "y");
            ula.putArray("center_m").add(0).add(0).add(0);
            t.remove("precoder");
            ArrayNode users = t.withArray("users");
            ObjectNode first = (ObjectNode) users.get(0);
            users.removeAll();
            for (int u = 0; u < 4096; u++) {
                ObjectNode copy = first.deepCopy();
                copy.put("id", "u" + u);
                users.add(copy);
            }
            t.putObject("solver").put("algorithm", "mrt");
        }).toString(), "--algorithm", "mrt"), "users");
    }

    @Test
    void aRenderExtentBeyondTheEnvelopeIsRejectedAndWritesNothing() throws IOException {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        Path png = dir.resolve("map.png");
        GoldenEvalTest.Run r = GoldenEvalTest.run("render", src.toString(), "--layer", "beampattern", "--grid", "10x10",
                "--extent", "-1e308,1e308,-1e308,1e308", "--out", png.toString(), "--csv", dir.resolve("m.csv")
                        .toString());
        rejected(r, "extent");
        assertFalse(Files.exists(png));
    }

    @Test
    void renderNeverWritesANonNumberIntoTheCsv() throws IOException {
        Path src = GoldenFiles.goldenDir().resolve("public/p_dbg_mrt_n4.scenario.json");
        Path csv = dir.resolve("m.csv");
        for (String layer : new String[] {"beampattern", "sinr:" + firstUser(src), "peb:" + firstTarget(src)}) {
            if (layer.endsWith(":")) {
                continue;
            }
            GoldenEvalTest.Run r = GoldenEvalTest.run("render", src.toString(), "--layer", layer, "--grid", "41x41",
                    "--extent", "-0.02,0.02,-0.02,0.02", "--out", dir.resolve("m.png").toString(), "--csv",
                    csv.toString());
            assertEquals(0, r.status(), layer + ": " + r.err());
            String text = Files.readString(csv);
            assertFalse(text.contains("NaN") || text.contains("Infinity"), layer);
        }
    }

    private static String firstUser(Path f) throws IOException {
        var users = JSON.readTree(f.toFile()).path("users");
        return users.size() == 0 ? "" : users.get(0).get("id").asText();
    }

    private static String firstTarget(Path f) throws IOException {
        var targets = JSON.readTree(f.toFile()).path("targets");
        return targets.size() == 0 ? "" : targets.get(0).get("id").asText();
    }
}
