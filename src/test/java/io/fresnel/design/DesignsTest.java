package io.fresnel.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The registry: unique names, look-up by name, the streams of the closed forms. The contract every
 * registered design passes is {@link RegisteredDesignsContractTest}.
 */
class DesignsTest {

    @Test
    void privateStreamsNameEveryUserOnceInScenarioOrder() {
        Scenario sc = DesignScenarios.threeUsers();
        for (String name : List.of("mrt", "zf", "rzf", "far-field-steering")) {
            List<Stream> streams = DesignScenarios.design(name, sc).streams();
            assertEquals(List.of(new Stream(StreamRole.PRIVATE, "u1"), new Stream(StreamRole.PRIVATE, "u2"),
                    new Stream(StreamRole.PRIVATE, "u3")), streams, name);
        }
    }

    @Test
    void namesAreUniqueAndFoundByName() {
        Set<String> names = new HashSet<>();
        for (Design d : Designs.all()) {
            assertTrue(names.add(d.name()), d.name());
            assertSame(d, Designs.byName(d.name()));
            assertTrue(!d.description().isBlank());
        }
        assertEquals(Set.of("isotropic", "mrt", "zf", "rzf", "far-field-steering", "two-stage-hybrid", "crb-min-sdr",
                "illumination-maxmin-sdr", "echo-maxmin-sdr", "an-secure-pcrb", "an-secure-pcrb-no-an",
                "an-secure-pcrb-mrt", "rsma-hybrid", "rsma-digital", "rsma-no-crb", "sdma-hybrid", "rsma-far-field"), names);
    }

    @Test
    void anUnknownNameIsRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Designs.byName("magic"));
        assertTrue(e.getMessage().contains("magic") && e.getMessage().contains("zf"), e.getMessage());
    }

    @Test
    void aClosedFormReportsOneIterationOfProgress() throws DesignException {
        int[] calls = {0};
        double[] objective = {0};
        DesignContext ctx = new DesignContext(() -> false, (i, obj, msg) -> {
            calls[0]++;
            objective[0] = obj;
        }, null);
        DesignResult r = Designs.byName("zf").run(DesignScenarios.threeUsers(), ctx);
        assertEquals(1, calls[0]);
        assertEquals(r.objective(), objective[0]);
    }
}
