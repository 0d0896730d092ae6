package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Solver parameters set by a program (not read from a file) written back as JSON: every integer
 * type, a whole number beyond 64 bits, map keys that are not strings, and a type JSON cannot hold;
 * and the stream form flushing what it wrote.
 */
class ScenarioWriterParametersTest {

    private static JsonNode solverOf(Map<String, Object> parameters) throws Exception {
        Scenario s = ScenarioReader.readScenario(ScenarioTexts.HYBRID_FULL).withSolver(new SolverSpec("zf", parameters));
        return ScenarioWriter.toTree(s).get("solver");
    }

    @Test
    void everyIntegerTypeAndABigIntegerAreWrittenAsWholeNumbers() throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("int", 7);
        p.put("short", (short) -3);
        p.put("byte", (byte) 5);
        p.put("long", 1L << 40);
        p.put("big", new BigInteger("123456789012345678901234567890"));
        p.put("float", 0.5f);
        JsonNode solver = solverOf(p);
        assertEquals("{\"algorithm\":\"zf\",\"int\":7,\"short\":-3,\"byte\":5,\"long\":1099511627776,"
                + "\"big\":123456789012345678901234567890,\"float\":0.5}", solver.toString());
    }

    @Test
    void mapKeysAreWrittenAsTextAndAnUnknownTypeIsNamedByItsPath() throws Exception {
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put(3, "three");
        inner.put("nested", List.of(true, 2));
        JsonNode solver = solverOf(Map.of("m", inner));
        assertEquals("{\"3\":\"three\",\"nested\":[true,2]}", solver.get("m").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solverOf(Map.of("m", List.of(1, new Object()))));
        assertEquals("solver.m[1]: cannot write a Object as JSON (expected String, Number, Boolean, List, Map or null)",
                e.getMessage());
    }

    @Test
    void theStreamFormIsFlushedButNotClosed() throws Exception {
        Scenario s = ScenarioReader.readScenario(ScenarioTexts.BASE);
        byte[] expected = ScenarioWriter.write(s).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        // a buffer larger than the text: only a flush moves it to the sink
        BufferedOutputStream buffered = new BufferedOutputStream(sink, 4 * expected.length);
        ScenarioWriter.write(s, buffered);
        assertArrayEquals(expected, sink.toByteArray());
        buffered.write('x'); // still open
        buffered.flush();
        assertEquals(expected.length + 1, sink.size());
    }
}
