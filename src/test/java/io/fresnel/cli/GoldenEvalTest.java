package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fresnel.GoldenFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden case of golden/public through the command line's {@code eval} (the same
 * code path), every expected leaf checked with the case's own tolerance; every file of
 * golden/bad rejected with exit status 2 and a message.
 */
class GoldenEvalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Result of one command-line run. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FresnelCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.goldenDir().resolve(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * Every file of golden/bad and the field its message must start with (after "rejected: "):
     * the five original files, and those of src/bench/python/make_bad_last_element.py whose one
     * defect sits in the last row, column, block, node or candidate of its list.
     */
    static final Map<String, String> BAD_FIELDS = Map.ofEntries(
            Map.entry("columns_vs_streams.json", "precoder.columns"),
            Map.entry("sensing_eve_unknown_target.json", "sensing_eavesdroppers[0].target"),
            Map.entry("truncated_json.json", "eavesdroppers[0]"),
            Map.entry("ula_zero_elements.json", "tx_array.ula.elements"),
            Map.entry("unknown_phase_model.json", "propagation.phase"),
            Map.entry("partial_last_antenna_outside_block.json", "precoder.F_A[0][3]"),
            Map.entry("partial_last_antenna_not_unit.json", "precoder.F_A[1][3]"),
            Map.entry("last_fd_column_short.json", "precoder.F_D[1]"),
            Map.entry("last_column_short.json", "precoder.columns[1]"),
            Map.entry("last_stream_unknown_user.json", "precoder.streams[1].user"),
            Map.entry("last_element_z_in_2d.json", "tx_array: element 3"),
            Map.entry("last_user_zero_noise.json", "users[1].noise_w"),
            Map.entry("last_scatterer_without_gain.json", "users[1].scatterers[1].gain"),
            Map.entry("last_target_without_reflection.json", "targets[1].reflection"),
            Map.entry("last_prior_probability_negative.json", "targets[1].prior.probabilities[2]"),
            Map.entry("last_eavesdropper_duplicate_id.json", "eavesdroppers[1].id"));

    @Test
    void thePublicSetHasAllFifteenCasesAndEveryBadFileHasItsField() throws IOException {
        if (!GoldenFiles.isBundled()) {
            // a held-out set (-Dfresnel.golden): its own counts and names; every case and bad file
            // is still run by the factories below, and at least one case must be there
            assertFalse(files("public", ".expected.json").isEmpty(), "no public case in " + GoldenFiles.goldenDir());
            return;
        }
        assertEquals(15, files("public", ".expected.json").size());
        List<String> bad = files("bad", ".json").stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(BAD_FIELDS.size(), bad.size(), "golden/bad: " + bad);
        assertTrue(BAD_FIELDS.keySet().containsAll(bad), "a bad file without its field in BAD_FIELDS: " + bad);
    }

    @TestFactory
    Stream<DynamicTest> everyPublicCaseMatchesItsExpectedOutputs() throws IOException {
        return files("public", ".expected.json").stream().map(expected -> DynamicTest.dynamicTest(
                expected.getFileName().toString(), () -> checkCase(expected)));
    }

    @TestFactory
    Stream<DynamicTest> everyBadFileIsRejectedWithStatusTwoAndAReason() throws IOException {
        return files("bad", ".json").stream().map(bad -> DynamicTest.dynamicTest(bad.getFileName().toString(), () -> {
            Run r = run("eval", bad.toString());
            assertEquals(2, r.status(), "exit status for " + bad);
            assertTrue(r.out().isEmpty(), "nothing on stdout: " + r.out());
            assertTrue(r.err().contains("rejected: "), r.err());
            String field = BAD_FIELDS.get(bad.getFileName().toString());
            if (field != null) {
                assertTrue(r.err().contains("rejected: " + field), "the message must name " + field + ": " + r.err());
            }
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }));
    }

    static void checkCase(Path expectedFile) throws IOException {
        String name = expectedFile.getFileName().toString().replace(".expected.json", ".scenario.json");
        Run r = run("eval", expectedFile.resolveSibling(name).toString());
        assertEquals(0, r.status(), r.err());
        JsonNode got = JSON.readTree(r.out());
        JsonNode expected = JSON.readTree(expectedFile.toFile()).get("outputs");
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        walk(expected, got, "", failures, checked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked[0] > 0, "no leaf checked");
        for (String section : List.of("users", "eavesdroppers", "targets", "sensing_eavesdroppers", "system")) {
            assertTrue(got.has(section), "section " + section);
        }
    }

    private static void walk(JsonNode exp, JsonNode got, String path, List<String> failures, int[] checked) {
        if (exp.has("absent")) {
            checked[0]++;
            if (got != null && !got.isMissingNode()) {
                failures.add(path + ": must be absent, got " + got);
            }
            return;
        }
        if (exp.has("present")) {
            checked[0]++;
            if (got == null || got.isMissingNode()) {
                failures.add(path + ": must be present");
            }
            return;
        }
        if (exp.has("value")) {
            if (got == null || got.isMissingNode()) {
                failures.add(path + ": missing");
                return;
            }
            compare(exp.get("value"), got, exp.get("rtol").asDouble(), exp.get("atol").asDouble(), path, failures,
                    checked);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = exp.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode child = got == null ? null : got.get(e.getKey());
            walk(e.getValue(), child, path + "/" + e.getKey(), failures, checked);
        }
    }

    private static void compare(JsonNode v, JsonNode g, double rtol, double atol, String path, List<String> failures,
            int[] checked) {
        if (v.isArray()) {
            if (!g.isArray() || g.size() != v.size()) {
                failures.add(path + ": expected a list of " + v.size() + ", got " + g);
                return;
            }
            for (int i = 0; i < v.size(); i++) {
                compare(v.get(i), g.get(i), rtol, atol, path + "[" + i + "]", failures, checked);
            }
            return;
        }
        checked[0]++;
        assertFalse(g.isTextual(), path + " is text");
        double ev = v.asDouble();
        double gv = g.asDouble();
        if (!(Math.abs(gv - ev) <= rtol * Math.abs(ev) + atol)) {
            failures.add(path + ": expected " + ev + " got " + gv + " (rtol " + rtol + ", atol " + atol + ")");
        }
    }
}
