package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolverJsonTest {

    @Test
    void itListsTheFiveFieldsWithAMissingObjectAsNull() {
        ObjectNode o = SolverJson.toJson(new DesignResult("crb-min-sdr", DesignStatus.ITERATION_LIMIT, null, null, 40,
                1.5, "slow"));
        List<String> keys = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("algorithm", "status", "objective", "iterations", "seconds"), keys);
        assertEquals("iteration-limit", o.get("status").asText());
        assertTrue(o.get("objective").isNull());
        assertEquals(40, o.get("iterations").asInt());
        assertEquals(1.5, o.get("seconds").asDouble());
    }

    @Test
    void anObjectiveIsWrittenAsANumber() {
        ObjectNode o = SolverJson.toJson(new DesignResult("zf", DesignStatus.OPTIMAL, null, 3.25, 1, 0.01, null));
        assertEquals(3.25, o.get("objective").asDouble());
    }
}
