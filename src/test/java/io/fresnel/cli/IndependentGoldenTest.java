package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The multi-target golden cases of golden/independent (2-D and 3-D, two and three targets: joint
 * EFIM, polar and known-other bounds, coordinate CRBs, illumination, echo power, SINRs), whose
 * expected values come from src/bench/python/golden_multitarget.py, a NumPy evaluation of
 * docs/scenario-format.md written without the Java code. Checked through {@code eval} with the
 * rule of golden/README.md ({@link GoldenEvalTest#checkCase}). One target's FIM alone cannot show
 * a wrong cross term between targets (a sign error in one derivative term, a wrong relative
 * phase of the gains); these cases can. Read from the class path (not the {@code fresnel.golden}
 * folder, which may hold another set).
 */
class IndependentGoldenTest {

    private static List<Path> expectedFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(IndependentGoldenTest.class.getResource("/golden/independent").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    @Test
    void thereAreTwoDimensionalAndThreeDimensionalCasesWithSeveralTargetsEach() throws Exception {
        List<Path> files = expectedFiles();
        assertEquals(4, files.size(), files.toString());
        ObjectMapper json = new ObjectMapper();
        int[] byDimension = new int[4];
        for (Path e : files) {
            JsonNode expected = json.readTree(e.toFile());
            assertTrue(expected.get("generated_by").asText().startsWith("src/bench/python/golden_multitarget.py"));
            JsonNode sc = json.readTree(e.resolveSibling(e.getFileName().toString()
                    .replace(".expected.json", ".scenario.json")).toFile());
            assertTrue(sc.get("targets").size() >= 2, e.toString());
            assertEquals(sc.get("targets").size(), expected.get("outputs").get("targets").size());
            byDimension[sc.get("dimension").asInt()]++;
        }
        assertEquals(2, byDimension[2]);
        assertEquals(2, byDimension[3]);
    }

    @TestFactory
    Stream<DynamicTest> everyIndependentCaseMatchesThroughEval() throws Exception {
        return expectedFiles().stream().map(e -> DynamicTest.dynamicTest(e.getFileName().toString(),
                () -> GoldenEvalTest.checkCase(e)));
    }
}
