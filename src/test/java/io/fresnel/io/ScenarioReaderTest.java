package io.fresnel.io;

import static io.fresnel.io.ScenarioTexts.BASE;
import static io.fresnel.io.ScenarioTexts.HYBRID_FULL;
import static io.fresnel.io.ScenarioTexts.HYBRID_PARTIAL;
import static io.fresnel.io.ScenarioTexts.replaceOnce;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.Architecture;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Scenario;
import io.fresnel.model.StreamRole;
import io.fresnel.model.UniformLinearArray;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioReaderTest {

    // ---------------------------------------------------------------- golden files

    static Stream<Path> validGoldenFiles() {
        List<Path> files = new ArrayList<>(GoldenFiles.files("public", "*.scenario.json"));
        files.addAll(GoldenFiles.files("solver", "*.scenario.json"));
        files.addAll(GoldenFiles.files("solver", "*.solved.json"));
        return files.stream();
    }

    static Stream<Path> badGoldenFiles() {
        return GoldenFiles.files("bad", "*.json").stream();
    }

    /** What the message for each documented bad golden file must mention (any one of them). */
    private static final Map<String, List<String>> BAD_EXPECTATIONS = Map.of(
            "unknown_phase_model.json", List.of("propagation.phase"),
            "columns_vs_streams.json", List.of("columns", "streams"),
            "sensing_eve_unknown_target.json", List.of("sensing_eavesdroppers[0].target"),
            "ula_zero_elements.json", List.of("tx_array.ula.elements"),
            "truncated_json.json", List.of("truncated", "ends unexpectedly", "end-of-input"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("validGoldenFiles")
    void everyValidGoldenScenarioLoadsWithoutWarnings(Path file) throws Exception {
        ScenarioReader.Result result = ScenarioReader.read(file);
        assertTrue(result.warnings().isEmpty(), "unexpected warnings: " + result.warnings());
        assertTrue(result.scenario().txArray().size() >= 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGoldenFiles")
    void everyBadGoldenFileIsRejectedWithAMessageNamingTheField(Path file) {
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioReader.read(file));
        String message = e.getMessage();
        assertFalse(message == null || message.isBlank(), "empty message");
        List<String> expected = BAD_EXPECTATIONS.get(file.getFileName().toString());
        if (expected != null) {
            assertTrue(expected.stream().anyMatch(message::contains),
                    "message \"" + message + "\" mentions none of " + expected);
        }
    }

    @Test
    void everyDocumentedBadGoldenCaseIsPresent() {
        Path bad = GoldenFiles.goldenDir().resolve("bad");
        for (String name : BAD_EXPECTATIONS.keySet()) {
            assertTrue(Files.isRegularFile(bad.resolve(name)), "missing bad golden file " + name);
        }
    }

    // ---------------------------------------------------------------- valid inline inputs

    @Test
    void baseScenarioReadsEveryFieldWithoutWarnings() throws Exception {
        ScenarioReader.Result result = ScenarioReader.read(BASE);
        Scenario s = result.scenario();
        assertEquals(List.of(), result.warnings());
        assertAll(
                () -> assertEquals("inline base", s.name()),
                () -> assertEquals(2, s.dimension()),
                () -> assertEquals(28e9, s.carrierFrequencyHz()),
                () -> assertEquals(Scenario.SPEED_OF_LIGHT_M_S, s.speedOfLightMS(), "default speed of light"),
                () -> assertEquals(PhaseModel.FRESNEL, s.propagation().phase()),
                () -> assertNull(s.propagation().referenceM()),
                () -> assertEquals(new UniformLinearArray(4, 0.005, io.fresnel.model.Axis.Y, Vec3.ZERO, null),
                        s.txArray()),
                () -> assertEquals(2, s.rxArray().size()),
                () -> assertEquals(Architecture.DIGITAL, s.architecture(), "default architecture"),
                () -> assertEquals(1.0, s.transmitPowerW()),
                () -> assertEquals(new Complex(0.001, 0.0002), s.users().get(1).link().gain()),
                () -> assertEquals(new Complex(1e-3, 0), s.eavesdroppers().get(0).link().channel().get(2),
                        "a plain real number is a complex number"),
                () -> assertTrue(s.targets().get(0).eavesdropper()),
                () -> assertEquals(List.of(0.25, 0.75), s.targets().get(0).prior().probabilities()),
                () -> assertEquals(new Complex(0.001, 0), s.sensingEavesdroppers().get(0).reflection()),
                () -> assertEquals(StreamRole.COMMON, s.precoder().streams().get(0).role()),
                () -> assertEquals(new Complex(0.25, 0), s.precoder().columns().get(1, 2)),
                () -> assertEquals(List.of("u1", "u2"), List.copyOf(s.precoder().commonSecrecyShares().keySet())));
    }

    @Test
    void solverParametersBecomePlainJavaValuesInFileOrder() throws Exception {
        Map<String, Object> p = ScenarioReader.readScenario(BASE).solver().parameters();
        assertEquals(List.of("crb_angle_max_rad2", "seed", "verbose", "grid", "nested"), List.copyOf(p.keySet()));
        assertEquals(1e-6, p.get("crb_angle_max_rad2"));
        assertEquals(7L, p.get("seed"));
        assertEquals(Boolean.TRUE, p.get("verbose"));
        assertEquals(Arrays.asList(1L, 2.5, null), p.get("grid"));
        assertEquals(Map.of("a", Map.of("b", List.of(1L))), p.get("nested"));
        assertEquals("rsma-hybrid", ScenarioReader.readScenario(BASE).solver().algorithm());
    }

    @Test
    void wholeNumberWrittenWithAZeroFractionIsAccepted() throws Exception {
        Scenario s = ScenarioReader.readScenario(replaceOnce(BASE, "\"elements\": 4,", "\"elements\": 4.0,"));
        assertEquals(ScenarioReader.readScenario(BASE), s);
    }

    @Test
    void nullValueCountsAsAnAbsentOptionalField() throws Exception {
        String text = replaceOnce(BASE, "\"rx_array\": {\"positions_m\": [[0, -0.01, 0], [0, -0.015, 0]]},",
                "\"rx_array\": null, \"name\": null,");
        text = replaceOnce(text, "\"name\": \"inline base\",", "");
        Scenario s = ScenarioReader.readScenario(text);
        assertNull(s.rxArray());
        assertNull(s.name());
    }

    @Test
    void hybridScenariosAreAccepted() throws Exception {
        Scenario full = ScenarioReader.readScenario(HYBRID_FULL);
        Scenario partial = ScenarioReader.readScenario(HYBRID_PARTIAL);
        assertTrue(full.precoder().isHybrid());
        assertEquals(2, full.precoder().analog().cols());
        assertEquals(new Vec3(0, 0, 0.5), partial.propagation().referenceM());
    }

    @Test
    void pathStreamAndTextGiveTheSameScenario(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, BASE);
        Scenario fromText = ScenarioReader.readScenario(BASE);
        assertEquals(fromText, ScenarioReader.readScenario(file));
        assertEquals(fromText, ScenarioReader.readScenario(
                new ByteArrayInputStream(BASE.getBytes(StandardCharsets.UTF_8))));
        assertEquals(fromText, ScenarioReader.readScenario("\uFEFF" + BASE), "a byte-order mark is ignored");
    }

    @Test
    void unknownKeysAreIgnoredAndReportedAsWarnings() throws Exception {
        String text = replaceOnce(BASE, "\"dimension\": 2,", "\"dimension\": 2, \"foo\": 1,");
        text = replaceOnce(text, "\"min_rate_bps_hz\": 1}", "\"min_rate_bps_hz\": 1, \"colour\": \"red\"}");
        text = replaceOnce(text, "\"axis\": \"y\",", "\"axis\": \"y\", \"note\": [1, 2],");
        text = replaceOnce(text, "\"sigma_rad\": 0.01,", "\"sigma_rad\": 0.01, \"kappa\": 2,");
        ScenarioReader.Result result = ScenarioReader.read(text);
        assertEquals(List.of(
                "unknown key \"foo\" at the top level ignored",
                "unknown key \"note\" in tx_array.ula ignored",
                "unknown key \"colour\" in users[0] ignored",
                "unknown key \"kappa\" in targets[0].prior ignored"), result.warnings());
        assertEquals(ScenarioReader.readScenario(BASE), result.scenario(), "unknown keys change nothing");
    }

    // ---------------------------------------------------------------- malformed inline inputs

    static Stream<Arguments> malformedInputs() {
        return Stream.of(
                bad("duplicate key",
                        replaceOnce(BASE, "\"noise_w\": 1e-9,", "\"noise_w\": 1e-9, \"noise_w\": 1e-9,"),
                        "users[0]", "duplicate key \"noise_w\""),
                bad("NaN literal", replaceOnce(BASE, "\"transmit_power_w\": 1.0", "\"transmit_power_w\": NaN"),
                        "transmit_power_w", "NaN"),
                bad("Infinity literal",
                        replaceOnce(BASE, "\"carrier_frequency_hz\": 28e9", "\"carrier_frequency_hz\": -Infinity"),
                        "carrier_frequency_hz", "Infinity"),
                bad("number overflowing to infinity",
                        replaceOnce(BASE, "\"transmit_power_w\": 1.0", "\"transmit_power_w\": 1e400"),
                        "transmit_power_w", "not finite"),
                bad("string where a number is required", replaceOnce(BASE, "\"noise_w\": 2e-9", "\"noise_w\": \"2e-9\""),
                        "users[1].noise_w", "expected a number", "the string \"2e-9\""),
                bad("string where a whole number is required",
                        replaceOnce(BASE, "\"dimension\": 2", "\"dimension\": \"2\""), "dimension", "whole number"),
                bad("fractional elements", replaceOnce(BASE, "\"elements\": 4,", "\"elements\": 4.5,"),
                        "tx_array.ula.elements", "whole number", "4.5"),
                bad("elements out of the int range", replaceOnce(BASE, "\"elements\": 4,", "\"elements\": 1e10,"),
                        "tx_array.ula.elements", "out of range"),
                bad("enormous elements", replaceOnce(BASE, "\"elements\": 4,", "\"elements\": 2000000000,"),
                        "tx_array.ula.elements", "65536"),
                bad("trailing garbage after the root object", BASE + " x",
                        "unexpected content after the root JSON object", "line"),
                bad("a second JSON value after the root object", BASE + "\n{}",
                        "unexpected content after the root JSON object", "line"),
                bad("truncated text", BASE.substring(0, BASE.indexOf("\"targets\"")), "truncated"),
                bad("empty text", "  \n", "empty"),
                bad("root that is not an object", "[1, 2]", "top level", "a list"),
                bad("comment", replaceOnce(BASE, "\"dimension\": 2,", "\"dimension\": 2, // two\n"),
                        "invalid JSON", "comments are not allowed", "line"),
                bad("missing format", replaceOnce(BASE, "\"format\": \"fresnel-scenario/1\",", ""),
                        "format", "missing"),
                bad("wrong format version", replaceOnce(BASE, "fresnel-scenario/1", "fresnel-scenario/2"),
                        "format", "fresnel-scenario/2"),
                bad("dimension 4", replaceOnce(BASE, "\"dimension\": 2", "\"dimension\": 4"), "dimension"),
                bad("negative noise", replaceOnce(BASE, "\"noise_w\": 1e-9,", "\"noise_w\": -1e-9,"),
                        "users[0].noise_w", "> 0"),
                bad("zero noise", replaceOnce(BASE, "\"noise_w\": 3e-9", "\"noise_w\": 0"),
                        "eavesdroppers[0].noise_w", "> 0"),
                bad("missing noise", replaceOnce(BASE, "\"noise_w\": 1e-9,", ""), "users[0].noise_w", "missing"),
                bad("eavesdropping target without noise",
                        replaceOnce(BASE, "\"noise_w\": 4e-9,", ""), "targets[0]", "noise_w"),
                bad("user within 1e-9 m of an element",
                        replaceOnce(BASE, "[3, 0.5, 0]", "[0, 0.0025000000001, 0]"),
                        "users[0].position_m", "transmit element 2"),
                bad("node off the plane in 2-D", replaceOnce(BASE, "[2, -1, 0]", "[2, -1, 0.5]"),
                        "users[1].position_m", "z"),
                bad("position with two numbers", replaceOnce(BASE, "[3, 0.5, 0]", "[3, 0.5]"),
                        "users[0].position_m", "exactly 3"),
                bad("channel of the wrong length", replaceOnce(BASE, "1e-3, [-1e-3, 0]]", "1e-3]"),
                        "eavesdroppers[0].channel", "3 entries"),
                bad("complex number with three parts",
                        replaceOnce(BASE, "[0.01, -0.002]", "[0.01, -0.002, 0]"), "targets[0].reflection", "[re, im]"),
                bad("column of the wrong length", replaceOnce(BASE, "[0.2, 0.25, 0.3, 0.35]", "[0.2, 0.25, 0.3]"),
                        "precoder.columns[2]", "3 entries"),
                bad("columns shorter than the array",
                        replaceOnce(replaceOnce(replaceOnce(BASE, "[[0.5, 0], [0.5, 0], [0.5, 0], [0.5, 0]]",
                                "[[0.5, 0], [0.5, 0], [0.5, 0]]"), "[[0, 0.1], [-0.1, 0], [0.1, 0], [0, 0.1]]",
                                "[[0, 0.1], [-0.1, 0], [0.1, 0]]"), "[0.2, 0.25, 0.3, 0.35]", "[0.2, 0.25, 0.3]"),
                        "precoder.columns", "expected one per transmit element (4)"),
                bad("more columns than streams",
                        replaceOnce(BASE, ", {\"role\": \"private\", \"user\": \"u2\"}", ""),
                        "precoder.columns", "streams"),
                bad("unknown role", replaceOnce(BASE, "{\"role\": \"common\"}", "{\"role\": \"broadcast\"}"),
                        "precoder.streams[0].role", "broadcast"),
                bad("user on a common stream",
                        replaceOnce(BASE, "{\"role\": \"common\"}", "{\"role\": \"common\", \"user\": \"u1\"}"),
                        "precoder.streams[0].user"),
                bad("unknown amplitude model", replaceOnce(BASE, "\"amplitude\": \"unit\"", "\"amplitude\": \"iso\""),
                        "propagation.amplitude", "iso"),
                bad("unknown phase model", replaceOnce(BASE, "\"phase\": \"fresnel\"", "\"phase\": \"paraxial\""),
                        "propagation.phase", "paraxial"),
                bad("unknown axis", replaceOnce(BASE, "\"axis\": \"y\"", "\"axis\": \"w\""), "tx_array.ula.axis"),
                bad("private stream naming an unknown user",
                        replaceOnce(BASE, "\"user\": \"u2\"", "\"user\": \"u9\""), "precoder.streams[2].user", "u9"),
                bad("sensing eavesdropper naming an unknown target",
                        replaceOnce(BASE, "\"target\": \"t1\"", "\"target\": \"t7\""),
                        "sensing_eavesdroppers[0].target", "t7"),
                bad("prior probabilities not summing to 1", replaceOnce(BASE, "[0.25, 0.75]", "[0.25, 0.7]"),
                        "targets[0].prior.probabilities", "sum to 1"),
                bad("negative prior probability", replaceOnce(BASE, "[0.25, 0.75]", "[-0.25, 1.25]"),
                        "targets[0].prior.probabilities[0]", ">= 0"),
                bad("prior in 3-D", replaceOnce(BASE, "\"dimension\": 2", "\"dimension\": 3"),
                        "targets[0].prior", "2-D"),
                bad("shares summing above 1", replaceOnce(BASE, "\"u2\": 0.4", "\"u2\": 0.5"),
                        "precoder.common_secrecy_shares", "at most 1"),
                bad("negative share", replaceOnce(BASE, "\"u1\": 0.6", "\"u1\": -0.1"),
                        "precoder.common_secrecy_shares.u1", ">= 0"),
                bad("share for an unknown user", replaceOnce(BASE, "\"u1\": 0.6", "\"u7\": 0.6"),
                        "precoder.common_secrecy_shares", "u7"),
                bad("duplicate ids across lists", replaceOnce(BASE, "\"id\": \"e1\"", "\"id\": \"u1\""),
                        "eavesdroppers[0].id", "u1", "users[0]"),
                bad("empty positions_m", replaceOnce(BASE, "[[0, -0.01, 0], [0, -0.015, 0]]", "[]"),
                        "rx_array.positions_m", "empty"),
                bad("both ula and upa in one array",
                        replaceOnce(BASE, "\"center_m\": [0, 0, 0]}}", "\"center_m\": [0, 0, 0]}, \"upa\": "
                                + "{\"elements_x\": 2, \"elements_y\": 2, \"spacing_m\": 0.005, \"center_m\": [0, 0, 0]}}"),
                        "tx_array", "ula and upa"),
                bad("array without a form", replaceOnce(BASE, "{\"positions_m\": [[0, -0.01, 0], [0, -0.015, 0]]}",
                        "{}"), "rx_array", "one of positions_m, ula or upa"),
                bad("missing tx_array", replaceOnce(BASE,
                        "\"tx_array\": {\"ula\": {\"elements\": 4, \"spacing_m\": 0.005, \"axis\": \"y\", "
                                + "\"center_m\": [0, 0, 0]}},", ""), "tx_array", "missing"),
                bad("targets without a sensing block",
                        replaceOnce(BASE, "\"sensing\": {\"snapshots\": 10, \"noise_w\": 1e-10},", ""), "sensing"),
                bad("scatterer without gain", replaceOnce(BASE, ", \"gain\": [1e-4, -1e-4]", ""),
                        "users[1].scatterers[0].gain", "missing"),
                bad("object where a list is expected", replaceOnce(BASE, "\"eavesdroppers\": [", "\"eavesdroppers\": {}, \"old\": ["),
                        "eavesdroppers", "expected a list"),
                bad("boolean written as a string",
                        replaceOnce(BASE, "\"eavesdropper\": true", "\"eavesdropper\": \"true\""),
                        "targets[0].eavesdropper", "boolean"),
                bad("unknown architecture kind",
                        replaceOnce(HYBRID_FULL, "\"kind\": \"hybrid-full\"", "\"kind\": \"analog\""),
                        "architecture.kind", "analog"),
                bad("hybrid architecture without rf_chains",
                        replaceOnce(HYBRID_FULL, ", \"rf_chains\": 2", ""), "architecture", "rf_chains"),
                bad("non-unit-modulus F_A entry under hybrid-full",
                        replaceOnce(HYBRID_FULL, "[0.6, 0.8]", "[0.5, 0.8]"), "precoder.F_A[1][0]", "unit modulus"),
                bad("hybrid-partial F_A entry outside its block",
                        replaceOnce(HYBRID_PARTIAL, "[[1, 0], [0, 1], [0, 0]", "[[1, 0], [0, 1], [0.1, 0]"),
                        "precoder.F_A[0][2]", "not connected"),
                bad("F_D with the wrong number of rows",
                        replaceOnce(HYBRID_PARTIAL, "[[[0.3, 0], [0, 0.3]]]", "[[[0.3, 0]]]"), "precoder", "F_D"),
                bad("both columns and F_A",
                        replaceOnce(HYBRID_PARTIAL, "\"F_D\":", "\"columns\": [[1, 1, 1, 1]], \"F_D\":"),
                        "precoder", "either columns or F_A and F_D"),
                bad("solver integer beyond 64 bits", replaceOnce(BASE, "\"seed\": 7", "\"seed\": 99999999999999999999"),
                        "solver.seed", "64-bit"),
                bad("number literal longer than the limit",
                        replaceOnce(BASE, "\"transmit_power_w\": 1.0", "\"transmit_power_w\": 1." + "0".repeat(1200)),
                        "reading limit", "Number value length"));
    }

    private static Arguments bad(String behaviour, String json, String... fragments) {
        return Arguments.of(behaviour, json, List.of(fragments));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("malformedInputs")
    void malformedInputIsRejectedWithAMessageNamingTheField(String behaviour, String json, List<String> fragments) {
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioReader.read(json));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment),
                    behaviour + ": message \"" + e.getMessage() + "\" does not contain \"" + fragment + "\"");
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        int depth = ScenarioReader.MAX_NESTING_DEPTH + 10;
        String deep = "[".repeat(depth) + "]".repeat(depth);
        String json = replaceOnce(BASE, "\"seed\": 7", "\"seed\": " + deep);
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioReader.read(json));
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("nesting depth"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(ScenarioReader.MAX_NESTING_DEPTH)), e.getMessage());
    }

    @Test
    void nestingWithinTheLimitIsAccepted() throws Exception {
        int depth = ScenarioReader.MAX_NESTING_DEPTH - 2;
        String deep = "[".repeat(depth) + "]".repeat(depth);
        Scenario s = ScenarioReader.readScenario(replaceOnce(BASE, "\"seed\": 7", "\"seed\": " + deep));
        assertTrue(s.solver().parameters().get("seed") instanceof List);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] text = BASE.getBytes(StandardCharsets.UTF_8);
        int at = BASE.indexOf("inline base");
        text[at] = (byte) 0xC3;
        text[at + 1] = (byte) 0x28;
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class,
                () -> ScenarioReader.read(new ByteArrayInputStream(text)));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void syntaxErrorsGiveTheLineAndColumn() {
        String json = replaceOnce(BASE, "\"transmit_power_w\": 1.0", "\"transmit_power_w\": NaN");
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioReader.read(json));
        String[] lines = json.split("\n", -1);
        int line = 1;
        while (!lines[line - 1].contains("NaN")) {
            line++;
        }
        assertTrue(e.getMessage().contains("line " + line + ","), e.getMessage());
    }

    @Test
    void missingFileIsAnIoErrorNotAFormatError(@TempDir Path dir) {
        assertThrows(IOException.class, () -> ScenarioReader.read(dir.resolve("absent.json")));
    }
}
