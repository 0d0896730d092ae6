package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The written JSON's layout character by character (indentation at every depth, which lists stay
 * on one line, empty containers, every scalar kind) and the provenance line.
 */
class JsonTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    @Test
    void objectsAreOneKeyPerLineAndShallowListsStayOnOneLine() throws Exception {
        JsonNode n = tree("""
            {"a": 1, "b": {"c": [1.5, -2.0], "d": [[1, 2], [3, 4]], "e": {"f": "x\\"y"}},
             "g": [], "h": {}, "i": true, "j": null}""");
        String expected = "{\n"
                + "  \"a\": 1,\n"
                + "  \"b\": {\n"
                + "    \"c\": [1.5, -2.0],\n"
                + "    \"d\": [[1, 2], [3, 4]],\n"
                + "    \"e\": {\n"
                + "      \"f\": \"x\\\"y\"\n"
                + "    }\n"
                + "  },\n"
                + "  \"g\": [],\n"
                + "  \"h\": {},\n"
                + "  \"i\": true,\n"
                + "  \"j\": null\n"
                + "}\n";
        assertEquals(expected, JsonText.format(n));
    }

    @Test
    void listsThreeDeepOrHoldingObjectsBreakOneItemPerLine() throws Exception {
        JsonNode n = tree("""
            {"deep": [[[1, 2]], [[3]]], "objs": [{"k": 1}, 2], "mixed": [1, [2, [3]]]}""");
        String expected = "{\n"
                + "  \"deep\": [\n"
                + "    [[1, 2]],\n"
                + "    [[3]]\n"
                + "  ],\n"
                + "  \"objs\": [\n"
                + "    {\n"
                + "      \"k\": 1\n"
                + "    },\n"
                + "    2\n"
                + "  ],\n"
                + "  \"mixed\": [\n"
                + "    1,\n"
                + "    [2, [3]]\n"
                + "  ]\n"
                + "}\n";
        assertEquals(expected, JsonText.format(n));
        // a top-level list of depth three, and one whose depth-three element comes first
        assertEquals("[\n  [[1]],\n  2\n]\n", JsonText.format(tree("[[[1]], 2]")));
        assertEquals("[[1, 2], [3]]\n", JsonText.format(tree("[[1, 2], [3]]")));
    }

    @Test
    void everyScalarKindIsWrittenAndOthersAreRefusedByName() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("big", new BigInteger("123456789012345678901234567890"));
        o.put("third", 1.0 / 3);
        o.put("no", false);
        assertEquals("{\n  \"big\": 123456789012345678901234567890,\n  \"third\": 0.3333333333333333,\n"
                + "  \"no\": false\n}\n", JsonText.format(o));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> JsonText.format(f.numberNode(Double.NaN)));
        assertEquals("cannot write the non-finite number NaN as JSON", nan.getMessage());
        IllegalArgumentException bin = assertThrows(IllegalArgumentException.class,
                () -> JsonText.format(f.binaryNode(new byte[] {1})));
        assertEquals("cannot write a BINARY node as JSON", bin.getMessage());
    }

    @Test
    void provenanceNamesTheBuildsVersionTheSecondAndTheScenario() {
        assertTrue(Provenance.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), Provenance.version());
        Instant before = Instant.now().minusSeconds(1);
        String line = Provenance.line("paper 001");
        Instant after = Instant.now().plusSeconds(1);
        Matcher m = Pattern.compile("Fresnel (\\S+) \\| (\\S+) \\| paper 001").matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(Provenance.version(), m.group(1));
        Instant when = Instant.parse(m.group(2));
        assertEquals(0, when.getNano(), "whole seconds: " + line);
        assertTrue(!when.isBefore(before.minusSeconds(1)) && !when.isAfter(after), line);
        assertTrue(Provenance.line(null).matches("Fresnel \\S+ \\| \\S+Z"), Provenance.line(null));
    }
}
