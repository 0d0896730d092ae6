package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.Scenario;
import io.fresnel.model.UniformLinearArray;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Field edits through the file form: the reader's validation, and the repairs that keep a scenario readable. */
class ScenarioPatchTest {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final Path HYBRID = Path.of("src/test/resources/golden/public/p003_hybrid_partial_exact.scenario.json");

    private static Scenario hybrid() throws Exception {
        return ScenarioReader.readScenario(HYBRID);
    }

    /** The edited scenario is what the reader reads back from its written file. */
    private static Scenario roundTrip(Scenario s) throws Exception {
        Scenario back = ScenarioReader.readScenario(ScenarioWriter.write(s));
        assertEquals(s, back);
        return back;
    }

    @Test
    void anInvalidValueIsRefusedWithTheReadersMessageNamingTheField() throws Exception {
        Scenario s = hybrid();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "carrier_frequency_hz", J.numberNode(1e-300)));
        assertTrue(e.getMessage().startsWith("carrier_frequency_hz must be in [1000.0, 1.0E15]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "tx_array.ula.elements", J.numberNode(4.5)));
        assertTrue(e.getMessage().startsWith("tx_array.ula.elements:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "tx_array.ula.spacing_m", J.numberNode(-1e-3)));
        assertTrue(e.getMessage().startsWith("tx_array.ula.spacing_m: must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "users[0].position_m[2]", J.numberNode(1)));
        assertTrue(e.getMessage().startsWith("users[0].position_m: z must be exactly 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "sensing", null));
        assertTrue(e.getMessage().contains("sensing is required"), e.getMessage());
    }

    @Test
    void resizingTheArrayDropsThePrecoderSizedForTheOldOne() throws Exception {
        Scenario s = hybrid();
        assertNotNull(s.precoder());
        ScenarioPatch.Result r = ScenarioPatch.set(s, "tx_array.ula.elements", J.numberNode(48));
        assertEquals(48, r.scenario().txArray().size());
        assertNull(r.scenario().precoder());
        assertEquals(1, r.notes().size(), r.notes().toString());
        roundTrip(r.scenario());
        // the same size with another spacing keeps the precoder (it still fits)
        ScenarioPatch.Result spaced = ScenarioPatch.set(s, "tx_array.ula.spacing_m", J.numberNode(0.01));
        assertEquals(s.precoder(), spaced.scenario().precoder());
        assertEquals(0.01, ((UniformLinearArray) spaced.scenario().txArray()).spacingM());
    }

    @Test
    void aDigitalTransmitterKeepsTheHybridPrecoderAsItsProductAndOtherRfChainsDropIt() throws Exception {
        Scenario s = hybrid();
        ScenarioPatch.Result digital = ScenarioPatch.set(s, "architecture", J.objectNode().put("kind", "digital"));
        assertEquals(ArchitectureKind.DIGITAL, digital.scenario().architecture().kind());
        ComplexMatrix p = digital.scenario().precoder().columns();
        ComplexMatrix expected = s.precoder().effective();
        assertEquals(expected.rows(), p.rows());
        for (int c = 0; c < p.cols(); c++) {
            for (int r = 0; r < p.rows(); r++) {
                assertEquals(expected.re(r, c), p.re(r, c), 1e-15);
                assertEquals(expected.im(r, c), p.im(r, c), 1e-15);
            }
        }
        roundTrip(digital.scenario());
        ScenarioPatch.Result chains = ScenarioPatch.set(s, "architecture.rf_chains", J.numberNode(8));
        assertEquals(8, chains.scenario().architecture().rfChains());
        assertNull(chains.scenario().precoder());
        assertFalse(chains.notes().isEmpty());
        ScenarioPatch.Result full = ScenarioPatch.set(s, "architecture.kind", J.textNode("hybrid-full"));
        assertNull(full.scenario().precoder(), "zeros outside the blocks are not unit-modulus phase shifters");
        // back to hybrid from digital: the digital precoder cannot be kept
        ScenarioPatch.Result again = ScenarioPatch.set(digital.scenario(), "architecture",
                J.objectNode().put("kind", "hybrid-full").put("rf_chains", 4));
        assertNull(again.scenario().precoder());
        roundTrip(again.scenario());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "architecture.rf_chains", J.numberNode(0)));
        assertTrue(e.getMessage().startsWith("architecture.rf_chains"), e.getMessage());
    }

    @Test
    void renamingAUserRenamesItsPrivateStream() throws Exception {
        Scenario s = hybrid();
        ScenarioPatch.Result r = ScenarioPatch.set(s, "users[0].id", J.textNode("alice"));
        assertEquals("alice", r.scenario().users().get(0).id());
        assertTrue(r.scenario().precoder().privateIndex("alice") >= 0);
        roundTrip(r.scenario());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "users[0].id", J.textNode("u2")));
        assertTrue(e.getMessage().startsWith("users[1].id"), e.getMessage());
    }

    @Test
    void anExplicitChannelOfTheOldLengthIsDroppedWhenTheArrayGrows() throws Exception {
        Scenario s = ScenarioReader.readScenario("""
                {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 28e9,
                 "propagation": {"phase": "exact", "amplitude": "unit"},
                 "tx_array": {"ula": {"elements": 2, "spacing_m": 0.005, "axis": "y", "center_m": [0, 0, 0]}},
                 "transmit_power_w": 1,
                 "users": [{"id": "u1", "position_m": [3, 0, 0], "noise_w": 1e-12, "channel": [[1, 0], [0, 1]]},
                           {"id": "u2", "position_m": [3, 1, 0], "noise_w": 1e-12}]}
                """);
        ScenarioPatch.Result r = ScenarioPatch.set(s, "tx_array.ula.elements", J.numberNode(3));
        assertNull(r.scenario().users().get(0).link().channel());
        assertTrue(r.notes().get(0).contains("u1"), r.notes().toString());
        roundTrip(r.scenario());
    }

    @Test
    void removingAnOptionalFieldRestoresItsDefaultAndMissingObjectsAreCreated() throws Exception {
        Scenario s = hybrid();
        assertNull(ScenarioPatch.set(s, "transmit_power_w", null).scenario().transmitPowerW());
        Scenario ref = ScenarioPatch.set(s, "propagation.reference_m", J.arrayNode().add(0.5).add(0).add(0)).scenario();
        assertEquals(0.5, ref.referencePoint().x());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "solver.max_iterations", J.numberNode(7)));
        assertTrue(e.getMessage().startsWith("solver.algorithm"), e.getMessage());
        Scenario solver = ScenarioPatch.edit(s, "solver.max_iterations", t -> {
            ScenarioPatch.put(t, "solver.algorithm", J.textNode("spebmin-hybrid"));
            ScenarioPatch.put(t, "solver.max_iterations", J.numberNode(7));
        }).scenario();
        assertEquals(7L, ((Number) solver.solver().parameters().get("max_iterations")).longValue());
    }
}
