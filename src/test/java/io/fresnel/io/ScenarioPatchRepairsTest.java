package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ScenarioPatch}'s repairs node list by node list, its element count of every array form,
 * and its tree access ({@code get}, {@code put}) on the edge cases of a path. The scenario is
 * {@link ScenarioTexts#BASE}: users u1, u2 (u1 and u2 have private streams and common secrecy
 * shares 0.6 / 0.4), eavesdropper e1 with an explicit 4-entry channel, target t1 listened to by
 * the sensing eavesdropper s1, a 4-element ULA.
 */
class ScenarioPatchRepairsTest {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private static Scenario base() throws Exception {
        return ScenarioReader.readScenario(ScenarioTexts.BASE);
    }

    private static JsonNode json(String text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }

    private static ArrayNode point(double x, double y, double z) {
        return J.arrayNode().add(x).add(y).add(z);
    }

    // ---- renaming --------------------------------------------------------------------------

    @Test
    void renamingAUserRenamesItsStreamAndItsCommonSecrecyShareInPlace() throws Exception {
        Scenario s = base();
        ScenarioPatch.Result r = ScenarioPatch.set(s, "users[0].id", J.textNode("alice"));
        Scenario e = r.scenario();
        assertEquals("alice", e.users().get(0).id());
        assertEquals(1, e.precoder().privateIndex("alice"));
        assertEquals(2, e.precoder().privateIndex("u2"));
        Map<String, Double> shares = e.precoder().commonSecrecyShares();
        assertEquals(List.of("alice", "u2"), List.copyOf(shares.keySet()), "the share keeps its place");
        assertEquals(0.6, shares.get("alice"));
        assertEquals(0.4, shares.get("u2"));
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        // the second user: the first stays as it was
        Scenario second = ScenarioPatch.set(s, "users[1].id", J.textNode("bob")).scenario();
        assertEquals(1, second.precoder().privateIndex("u1"));
        assertEquals(2, second.precoder().privateIndex("bob"));
        assertEquals(0.4, second.precoder().commonSecrecyShares().get("bob"));
    }

    @Test
    void renamingATargetRenamesTheSensingEavesdroppersTarget() throws Exception {
        Scenario s = base();
        Scenario e = ScenarioPatch.set(s, "targets[0].id", J.textNode("drone")).scenario();
        assertEquals("drone", e.targets().get(0).id());
        assertEquals("drone", e.sensingEavesdroppers().get(0).targetId());
        assertEquals(s.precoder(), e.precoder());
    }

    @Test
    void renamingAnEavesdropperOrASensingEavesdropperTouchesNoOtherNode() throws Exception {
        Scenario s = base();
        Scenario eve = ScenarioPatch.set(s, "eavesdroppers[0].id", J.textNode("eve")).scenario();
        assertEquals("eve", eve.eavesdroppers().get(0).id());
        assertEquals(s.precoder(), eve.precoder());
        assertEquals(s.users(), eve.users());
        assertEquals(s.targets(), eve.targets());
        assertEquals("t1", eve.sensingEavesdroppers().get(0).targetId());
        Scenario spy = ScenarioPatch.set(s, "sensing_eavesdroppers[0].id", J.textNode("spy")).scenario();
        assertEquals("spy", spy.sensingEavesdroppers().get(0).id());
        assertEquals("t1", spy.sensingEavesdroppers().get(0).targetId());
        assertEquals(s.precoder(), spy.precoder());
        assertEquals(s.users(), spy.users());
    }

    @Test
    void anIdTakenByAnotherNodeIsLeftForTheReaderToName() throws Exception {
        Scenario s = base();
        // u1 -> e1: the references are not renamed, and the reader names the duplicate
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "users[0].id", J.textNode("e1")));
        assertTrue(e.getMessage().startsWith("eavesdroppers[0].id: \"e1\" is already used by users[0]"),
                e.getMessage());
        // t1 -> s1 (the sensing eavesdropper's id): s1 would otherwise listen to itself
        e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "targets[0].id", J.textNode("s1")));
        assertTrue(e.getMessage().startsWith("sensing_eavesdroppers[0].id: \"s1\" is already used by targets[0]"),
                e.getMessage());
    }

    @Test
    void anUnchangedRemovedOrNonTextIdRenamesNothing() throws Exception {
        Scenario s = base();
        assertEquals(s, ScenarioPatch.set(s, "users[0].id", J.textNode("u1")).scenario());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "users[0].id", J.numberNode(7)));
        assertTrue(e.getMessage().startsWith("users[0].id: expected a string, got the number 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioPatch.set(s, "users[0].id", null));
        assertTrue(e.getMessage().startsWith("users[0].id: required field is missing"), e.getMessage());
    }

    @Test
    void aNodeAddedByTheEditHasNoOldIdToRename() throws Exception {
        Scenario s = base();
        ObjectNode added = J.objectNode().put("id", "u3").put("noise_w", 1e-9);
        added.set("position_m", point(5, 2, 0));
        // users[2] does not exist in s: the edit creates it, nothing is renamed
        Scenario e = ScenarioPatch.edit(s, "users[2].id", t -> ((ArrayNode) t.get("users")).add(added)).scenario();
        assertEquals(List.of("u1", "u2", "u3"), e.users().stream().map(n -> n.id()).toList());
        assertEquals(s.precoder(), e.precoder());
        Scenario t = ScenarioPatch.edit(s, "targets[1].id", root -> {
            ObjectNode target = J.objectNode().put("id", "t2").put("reflection", 0.01);
            target.set("position_m", point(4, -1, 0));
            ((ArrayNode) root.get("targets")).add(target);
        }).scenario();
        assertEquals("t2", t.targets().get(1).id());
        Scenario ev = ScenarioPatch.edit(s, "eavesdroppers[1].id", root -> {
            ObjectNode eve = J.objectNode().put("id", "e2").put("noise_w", 1e-9);
            eve.set("position_m", point(2, 2, 0));
            ((ArrayNode) root.get("eavesdroppers")).add(eve);
        }).scenario();
        assertEquals("e2", ev.eavesdroppers().get(1).id());
    }

    // ---- resizing --------------------------------------------------------------------------

    @Test
    void anArrayOfAnotherSizeDropsThePrecoderAndEveryExplicitChannelOfTheOldLength() throws Exception {
        Scenario s = base();
        assertNotNull(s.eavesdroppers().get(0).link().channel());
        ScenarioPatch.Result r = ScenarioPatch.set(s, "tx_array.ula.elements", J.numberNode(5));
        assertNull(r.scenario().precoder());
        assertNull(r.scenario().eavesdroppers().get(0).link().channel());
        assertEquals(List.of("the precoder (designed for 4 elements) was dropped",
                "the explicit channel of e1 (4 entries) was dropped; it now follows the geometry"), r.notes());
    }

    @Test
    void anExplicitArrayOrAPlanarArrayOfTheSameSizeKeepsThePrecoderAndAnotherSizeDropsIt() throws Exception {
        Scenario s = base();
        ArrayNode four = J.arrayNode().add(point(0, 0, 0)).add(point(0, 0.005, 0)).add(point(0, 0.01, 0))
                .add(point(0, 0.015, 0));
        ScenarioPatch.Result same = ScenarioPatch.set(s, "tx_array", J.objectNode().set("positions_m", four));
        assertEquals(s.precoder(), same.scenario().precoder());
        assertTrue(same.notes().isEmpty(), same.notes().toString());
        ArrayNode three = four.deepCopy();
        three.remove(3);
        ScenarioPatch.Result fewer = ScenarioPatch.set(s, "tx_array", J.objectNode().set("positions_m", three));
        assertNull(fewer.scenario().precoder());
        assertEquals(2, fewer.notes().size(), fewer.notes().toString());
        // a 2 x 2 planar array also has 4 elements 
        ObjectNode upa = J.objectNode();
        upa.putObject("upa").put("elements_x", 2).put("elements_y", 2).put("spacing_m", 0.005)
                .set("center_m", point(0, 0, 0));
        ScenarioPatch.Result planar = ScenarioPatch.set(s, "tx_array", upa);
        assertEquals(s.precoder(), planar.scenario().precoder());
        assertTrue(planar.notes().isEmpty(), planar.notes().toString());
    }

    @Test
    void theElementCountOfEveryArrayForm() throws Exception {
        assertEquals(-1, ScenarioPatch.elementCount(null));
        assertEquals(-1, ScenarioPatch.elementCount(json("{}")));
        assertEquals(3, ScenarioPatch.elementCount(json("{\"positions_m\": [[0,0,0],[1,0,0],[2,0,0]]}")));
        assertEquals(3, ScenarioPatch.elementCount(json("{\"positions_m\": [[0,0,0],[1,0,0],[2,0,0]],"
                + " \"ula\": {\"elements\": 9}}")), "positions_m decides");
        assertEquals(7, ScenarioPatch.elementCount(json("{\"ula\": {\"elements\": 7, \"spacing_m\": 0.01}}")));
        assertEquals(7, ScenarioPatch.elementCount(json("{\"ula\": {\"elements\": 7.0}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"ula\": {\"elements\": 7.5}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"ula\": {\"elements\": \"7\"}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"ula\": {\"spacing_m\": 0.01}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"ula\": {}, \"upa\": {\"elements_x\": 2, \"elements_y\": 3}}")),
                "a ula without elements is not read as the upa");
        assertEquals(6, ScenarioPatch.elementCount(json("{\"upa\": {\"elements_x\": 2, \"elements_y\": 3}}")));
        assertEquals(6, ScenarioPatch.elementCount(json("{\"upa\": {\"elements_x\": 3, \"elements_y\": 2}}")));
        assertEquals(4, ScenarioPatch.elementCount(json("{\"upa\": {\"elements_x\": 2, \"elements_y\": 2}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"upa\": {\"elements_x\": 2}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"upa\": {\"elements_y\": 2}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"upa\": {\"elements_x\": 2.5, \"elements_y\": 2}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"upa\": {\"elements_x\": 2, \"elements_y\": 2.5}}")));
        assertEquals(-1, ScenarioPatch.elementCount(json("{\"circle\": {\"elements\": 4}}")));
    }

    @Test
    void anInvalidArrayIsNamedByTheReaderWithNothingRepaired() throws Exception {
        Scenario s = base();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "tx_array.ula.elements", J.numberNode(4.5)));
        assertTrue(e.getMessage().startsWith("tx_array.ula.elements: must be a whole number"), e.getMessage());
    }

    // ---- architecture ----------------------------------------------------------------------

    @Test
    void removingTheArchitectureMakesTheTransmitterDigitalAndKeepsTheHybridPrecodersProduct() throws Exception {
        Scenario hybrid = ScenarioReader.readScenario(ScenarioTexts.HYBRID_FULL);
        ScenarioPatch.Result r = ScenarioPatch.set(hybrid, "architecture", null);
        assertEquals(ArchitectureKind.DIGITAL, r.scenario().architecture().kind());
        assertEquals(hybrid.precoder().effective(), r.scenario().precoder().columns());
        assertEquals(List.of("the hybrid precoder was kept as its product P = F_A F_D"), r.notes());
        // a digital transmitter staying digital keeps its precoder with no note
        Scenario s = base();
        ScenarioPatch.Result same = ScenarioPatch.set(s, "architecture.kind", J.textNode("digital"));
        assertEquals(s.precoder(), same.scenario().precoder());
        assertTrue(same.notes().isEmpty(), same.notes().toString());
        // a hybrid transmitter staying hybrid keeps a precoder that still fits, with no note
        ScenarioPatch.Result still = ScenarioPatch.set(hybrid, "architecture.kind", J.textNode("hybrid-full"));
        assertEquals(hybrid.precoder(), still.scenario().precoder());
        assertTrue(still.notes().isEmpty(), still.notes().toString());
    }

    @Test
    void aDigitalPrecoderIsDroppedForAHybridTransmitterWithANote() throws Exception {
        Scenario s = ScenarioReader.readScenario(ScenarioTexts.HYBRID_FULL);
        Scenario digital = ScenarioPatch.set(s, "architecture", null).scenario();
        ScenarioPatch.Result r = ScenarioPatch.set(digital, "architecture",
                J.objectNode().put("kind", "hybrid-full").put("rf_chains", 2));
        assertNull(r.scenario().precoder());
        assertEquals(List.of("the fully digital precoder was dropped (F_A F_D cannot realise it)"), r.notes());
        // without a precoder there is nothing to repair
        ScenarioPatch.Result bare = ScenarioPatch.set(r.scenario(), "architecture", null);
        assertTrue(bare.notes().isEmpty(), bare.notes().toString());
    }

    @Test
    void aRejectedEditThatIsNotAboutTheArchitectureKeepsThePrecoderAndFails() throws Exception {
        Scenario s = base();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.set(s, "transmit_power_w", J.numberNode(-1)));
        assertTrue(e.getMessage().startsWith("transmit_power_w"), e.getMessage());
    }

    // ---- tree access -----------------------------------------------------------------------

    @Test
    void getFollowsKeysAndIndicesAndAnswersNullForWhatIsNotThere() throws Exception {
        JsonNode root = json("{\"a\": {\"b\": [10, 20, {\"c\": null}]}, \"s\": \"text\"}");
        assertEquals(20, ScenarioPatch.get(root, "a.b[1]").asInt());
        assertNull(ScenarioPatch.get(root, "a.b[2].c"), "JSON null is absent");
        assertNull(ScenarioPatch.get(root, "a.b[3]"));
        assertNull(ScenarioPatch.get(root, "a.b[3].c"), "nothing below an absent entry");
        assertNull(ScenarioPatch.get(root, "a.b.c"), "a key of a list");
        assertNull(ScenarioPatch.get(root, "a[0]"), "an index of an object");
        assertNull(ScenarioPatch.get(root, "s[0]"));
        assertNull(ScenarioPatch.get(root, "s.x"));
        assertEquals("text", ScenarioPatch.get(root, "s").asText());
    }

    @Test
    void putAppendsReplacesAndRemovesListEntriesAndRefusesAMissingEntry() throws Exception {
        ObjectNode root = (ObjectNode) json("{\"l\": [1, 2], \"o\": {\"k\": 1}}");
        ScenarioPatch.put(root, "l[2]", J.numberNode(3));
        assertEquals("[1,2,3]", root.get("l").toString());
        ScenarioPatch.put(root, "l[0]", J.numberNode(9));
        assertEquals("[9,2,3]", root.get("l").toString());
        ScenarioPatch.put(root, "l[1]", null);
        assertEquals("[9,3]", root.get("l").toString());
        ScenarioPatch.put(root, "o.k", null);
        assertEquals("{}", root.get("o").toString());
        ScenarioPatch.put(root, "x.y.z", J.numberNode(1));
        assertEquals("{\"y\":{\"z\":1}}", root.get("x").toString(), "missing objects are created");
        ScenarioPatch.put(root, "gone.deeper", null);
        assertNull(root.get("gone"), "removing below a missing object creates nothing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPatch.put(root, "l[5].k", J.numberNode(1)));
        assertEquals("l[5].k: there is no entry 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioPatch.put(root, "l[0].k.m", J.numberNode(1)));
        assertEquals("l[0].k.m: there is no entry k", e.getMessage(), "no key inside a number");
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioPatch.put(root, "", J.numberNode(1)));
        assertEquals("empty field path", e.getMessage());
    }
}
