package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.Architecture;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.Axis;
import io.fresnel.model.CommNode;
import io.fresnel.model.ExplicitArray;
import io.fresnel.model.Link;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Precoder;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scatterer;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.StreamRole;
import io.fresnel.model.UniformLinearArray;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioWriterTest {

    static Stream<Path> goldenScenarios() {
        List<Path> files = new ArrayList<>(GoldenFiles.files("public", "*.scenario.json"));
        files.addAll(GoldenFiles.files("solver", "*.scenario.json"));
        files.addAll(GoldenFiles.files("solver", "*.solved.json"));
        return files.stream();
    }

    /** read(write(s)) equals s, and writing the read-back scenario gives the same text. */
    private static String assertRoundTrip(Scenario original) throws ScenarioFormatException {
        String text = ScenarioWriter.write(original);
        ScenarioReader.Result back = ScenarioReader.read(text);
        assertEquals(original, back.scenario());
        assertEquals(List.of(), back.warnings(), "the writer only writes known keys");
        assertEquals(text, ScenarioWriter.write(back.scenario()), "writing twice gives identical text");
        return text;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenScenarios")
    void goldenScenarioSurvivesWriteThenReadExactly(Path file) throws Exception {
        assertRoundTrip(ScenarioReader.readScenario(file));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "hybrid-full", "hybrid-partial"})
    void inlineScenarioSurvivesWriteThenReadExactly(String which) throws Exception {
        String text = switch (which) {
            case "base" -> ScenarioTexts.BASE;
            case "hybrid-full" -> ScenarioTexts.HYBRID_FULL;
            default -> ScenarioTexts.HYBRID_PARTIAL;
        };
        assertRoundTrip(ScenarioReader.readScenario(text));
    }

    @Test
    void solverParametersAreWrittenBackAsTheyWere() throws Exception {
        Scenario s = ScenarioReader.readScenario(ScenarioTexts.BASE);
        ObjectNode solver = (ObjectNode) ScenarioWriter.toTree(s).get("solver");
        assertEquals("{\"algorithm\":\"rsma-hybrid\",\"crb_angle_max_rad2\":1.0E-6,\"seed\":7,\"verbose\":true,"
                + "\"grid\":[1,2.5,null],\"nested\":{\"a\":{\"b\":[1]}}}", solver.toString());
    }

    @Test
    void generatorArraysStayGenerators() throws Exception {
        Scenario s = ScenarioReader.readScenario(ScenarioTexts.BASE);
        ObjectNode tree = ScenarioWriter.toTree(s);
        assertTrue(tree.get("tx_array").has("ula"));
        assertFalse(tree.get("tx_array").has("positions_m"));
        assertTrue(tree.get("rx_array").has("positions_m"));
        assertTrue(tree.get("sensing_eavesdroppers").get(0).get("array").get("ula").has("first_element_m"));
        assertTrue(ScenarioWriter.toTree(ScenarioReader.readScenario(ScenarioTexts.HYBRID_FULL)).get("tx_array")
                .has("upa"));
    }

    @Test
    void complexNumbersAreWrittenAsRealImaginaryPairs() throws Exception {
        ObjectNode tree = ScenarioWriter.toTree(ScenarioReader.readScenario(ScenarioTexts.BASE));
        ObjectNode eve = (ObjectNode) tree.get("sensing_eavesdroppers").get(0);
        assertEquals("[0.001,0.0]", eve.get("reflection").toString(), "a plain real number becomes [re, 0]");
        assertEquals("[0.001,0.0]", tree.get("eavesdroppers").get(0).get("channel").get(2).toString());
    }

    @Test
    void fieldsThatAreNotSetAreOmitted() throws Exception {
        Scenario s = new Scenario(null, 2, 3.5e9, Scenario.SPEED_OF_LIGHT_M_S,
                new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, null),
                new UniformLinearArray(4, 0.04, Axis.Y, Vec3.ZERO, null), null, null, null, null,
                List.of(new CommNode("u", new Vec3(10, 1, 0), 1e-9, null, null)), null, null, null, null, null);
        String text = assertRoundTrip(s);
        ObjectNode tree = ScenarioWriter.toTree(s);
        for (String absent : List.of("name", "rx_array", "transmit_power_w", "architecture", "sensing", "precoder",
                "solver")) {
            assertFalse(tree.has(absent), absent + " should be omitted");
        }
        assertFalse(tree.get("propagation").has("reference_m"));
        assertFalse(tree.get("tx_array").get("ula").has("first_element_m"));
        assertFalse(tree.get("users").get(0).has("gain"));
        assertFalse(tree.get("users").get(0).has("scatterers"));
        assertFalse(text.contains("null"), text);
    }

    @Test
    void awkwardDoublesSurviveBitForBit() throws Exception {
        double third = 1.0 / 3;
        double tiny = Double.MIN_VALUE;
        double big = Math.nextDown(io.fresnel.model.Envelope.MAX_GAIN); // the largest gain inside the envelope
        Complex gain = new Complex(tiny, -big);
        List<Complex> column = List.of(new Complex(0.1 + 0.2, -0.0), new Complex(Math.nextUp(1.0), 1e-300),
                new Complex(third, Math.PI), new Complex(-2.5e-17, 123456789.123456789));
        Precoder precoder = new Precoder(List.of(new io.fresnel.model.Stream(StreamRole.PRIVATE, "u")),
                ComplexMatrix.ofColumns(List.of(column)), null, null, null);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("x", Math.E);
        params.put("n", Long.MIN_VALUE);
        params.put("list", Arrays.asList(Math.sqrt(2), -0.0, "s", false, null));
        Scenario s = new Scenario("doubles \"quoted\" \\ \u00e9\u2713\nnew line", 3, 28e9 + 0.1, 299792458.5,
                new Propagation(PhaseModel.FRESNEL, AmplitudeModel.SPHERICAL, new Vec3(third, -0.0, 1e-3)),
                new ExplicitArray(List.of(new Vec3(0, third, -0.0), new Vec3(0, 2 * third, 1e-20),
                        new Vec3(0, 1, Math.ulp(1.0)), new Vec3(1e-7, 0, 0))),
                new UniformLinearArray(3, third / 10, Axis.Z, null, new Vec3(0.7, 0.1, 0.2)), 0.1 * 3,
                new Architecture(ArchitectureKind.DIGITAL, 4), null,
                List.of(new CommNode("u", new Vec3(10 + third, 1e-5, -4.4), 1e-9 / 3,
                        new Link(gain, null, List.of(new Scatterer(new Vec3(2, 2, 2), new Complex(third, 0)))),
                        0.7)),
                null, null, null, precoder, new SolverSpec("zf", params));
        assertRoundTrip(s);
    }

    @Test
    void outputIsStablePrettyTextWithUnixLineEnds() throws Exception {
        String text = ScenarioWriter.write(ScenarioReader.readScenario(ScenarioTexts.BASE));
        assertTrue(text.startsWith("{\n  \"format\": \"fresnel-scenario/1\",\n  \"name\": \"inline base\",\n"), text);
        assertTrue(text.endsWith("}\n"));
        assertFalse(text.contains("\r"));
        assertTrue(text.contains("\"position_m\": [3.0, 0.5, 0.0]"), text);
        assertTrue(text.contains("\"reflection\": [0.01, -0.002]"), text);
    }

    @Test
    void fileAndStreamOutputMatchTheText(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioReader.readScenario(ScenarioTexts.BASE);
        Path file = dir.resolve("out.scenario.json");
        Files.writeString(file, "old content that must be replaced");
        ScenarioWriter.write(s, file);
        assertEquals(ScenarioWriter.write(s), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(s, ScenarioReader.readScenario(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        assertArrayEquals(ScenarioWriter.write(s).getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void nonFiniteSolverParameterCannotBeWritten() throws Exception {
        Scenario s = ScenarioReader.readScenario(ScenarioTexts.HYBRID_FULL);
        Scenario withNaN = new Scenario(s.name(), s.dimension(), s.carrierFrequencyHz(), s.speedOfLightMS(),
                s.propagation(), s.txArray(), s.rxArray(), s.transmitPowerW(), s.architecture(), s.sensing(),
                s.users(), s.eavesdroppers(), s.targets(), s.sensingEavesdroppers(), s.precoder(),
                new SolverSpec("zf", Map.of("tau", Double.NaN)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioWriter.write(withNaN));
        assertTrue(e.getMessage().contains("solver.tau"), e.getMessage());
    }
}
